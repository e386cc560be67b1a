/**
 * Patterns built from long lists of words and phrases (the hundreds of speech verbs and
 * roles attribution reads), matched by a small backtracking matcher of our own instead
 * of V8's RegExp engine. They mean exactly what the RegExp written out the same way
 * means — alternatives tried in order, greedy and lazy repetition, captures, look-arounds,
 * code points as with the `u` flag — but cost nothing to compile: V8 compiles a RegExp on
 * its first run, again for two-byte text, and again to machine code, and for the eight
 * patterns that embed those lists that took ~50 ms of the first recognition of an
 * article (half of it), on every start of the command line, the extension host and each
 * worker. They are tried at a few thousand places a megabyte, where a run of ours costs
 * a microsecond or two.
 *
 * Only what those patterns need is here; each pattern built with it is checked against
 * its RegExp by a property test (test/unit/word-list-pattern.test.ts).
 */

/** Where a match is, and its groups' spans (start, end; -1 where a group took no part). */
interface Matching {
  s: string;
  caps: number[];
}

/** Matches at `i`, then asks the rest of the pattern (`k`) to match from where it ended; backtracks while `k` says no. */
export type Node = (m: Matching, i: number, k: (end: number) => boolean) => boolean;

/** A code point's test. */
export type CodePointTest = (cp: number) => boolean;

/** The code point at `i`, or -1 at the end. */
function codePointAt(s: string, i: number): number {
  return i < s.length ? s.codePointAt(i)! : -1;
}

/** The code point that ends at `i`, or -1 at the start. */
function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The parts one after another. */
export function seq(...parts: Node[]): Node {
  if (parts.length === 1) return parts[0]!;
  const from = (p: number): Node => {
    if (p === parts.length - 1) return parts[p]!;
    const here = parts[p]!;
    const rest = from(p + 1);
    return (m, i, k) => here(m, i, (j) => rest(m, j, k));
  };
  return from(0);
}

/** The first of the alternatives, in order, with which the rest matches (`a|b|c`). */
export function alt(...alternatives: Node[]): Node {
  return (m, i, k) => {
    for (const a of alternatives) if (a(m, i, k)) return true;
    return false;
  };
}

/**
 * One of `phrases`, tried in the order given, as `(?:one|two|three)` of literal text
 * tries them: each that the text at this point begins with, until the rest matches.
 */
export function oneOf(phrases: readonly string[]): Node {
  const byFirst = new Map<number, string[]>();
  for (const p of phrases) {
    if (p === '') throw new Error('oneOf: an empty phrase');
    const list = byFirst.get(p.charCodeAt(0));
    if (list) list.push(p);
    else byFirst.set(p.charCodeAt(0), [p]);
  }
  return (m, i, k) => {
    const list = byFirst.get(m.s.charCodeAt(i));
    if (list === undefined) return false;
    for (const p of list) if (m.s.startsWith(p, i) && k(i + p.length)) return true;
    return false;
  };
}

/** Literal text. */
export function lit(text: string): Node {
  return (m, i, k) => m.s.startsWith(text, i) && k(i + text.length);
}

/**
 * A run of code points that `test` takes, `min` to `max` of them: the longest first
 * (`[…]{min,max}`), or the shortest first when `lazy`.
 */
export function run(test: CodePointTest, min = 1, max = Infinity, lazy = false): Node {
  return (m, i, k) => {
    const s = m.s;
    // The run's possible ends, found once; tried from the longest (or shortest) back.
    const ends: number[] = [i];
    for (let at = i; ends.length - 1 < max; ) {
      const cp = codePointAt(s, at);
      if (cp < 0 || !test(cp)) break;
      at += cp > 0xffff ? 2 : 1;
      ends.push(at);
    }
    const most = ends.length - 1;
    if (most < min) return false;
    if (lazy) {
      for (let n = min; n <= most; n++) if (k(ends[n]!)) return true;
    } else {
      for (let n = most; n >= min; n--) if (k(ends[n]!)) return true;
    }
    return false;
  };
}

/** `body` repeated `min` to `max` times: as many as can be first (`(?:…){min,max}`), or as few when `lazy`. The body never matches empty. */
export function repeat(body: Node, min: number, max: number, lazy = false): Node {
  const times = (n: number): Node => (m, i, k) => {
    const more = (): boolean => n < max && body(m, i, (j) => times(n + 1)(m, j, k));
    if (lazy) return (n >= min && k(i)) || more();
    return more() || (n >= min && k(i));
  };
  return times(0);
}

/** `body` or nothing: `(?:…)?`, or `(?:…)??` when `lazy`. */
export function optional(body: Node, lazy = false): Node {
  return repeat(body, 0, 1, lazy);
}

/** Capturing group `n` (1-based) around `body`. */
export function group(n: number, body: Node): Node {
  return (m, i, k) =>
    body(m, i, (j) => {
      const start = m.caps[2 * n]!;
      const end = m.caps[2 * n + 1]!;
      m.caps[2 * n] = i;
      m.caps[2 * n + 1] = j;
      if (k(j)) return true;
      m.caps[2 * n] = start;
      m.caps[2 * n + 1] = end;
      return false;
    });
}

/** `(?!…)`: `body` does not match here. */
export function notAhead(body: Node): Node {
  return (m, i, k) => !body(m, i, () => true) && k(i);
}

/** `(?=…)`: `body` matches here (and nothing is consumed). */
export function ahead(body: Node): Node {
  return (m, i, k) => body(m, i, () => true) && k(i);
}

/** `(?<![…])`: the code point before is not one `test` takes. */
export function notAfter(test: CodePointTest): Node {
  return (m, i, k) => {
    const cp = codePointBefore(m.s, i);
    return (cp < 0 || !test(cp)) && k(i);
  };
}

/** `$`: the end of the text. */
export const atEnd: Node = (m, i, k) => i === m.s.length && k(i);

/** One code point that `test` takes. */
export function one(test: CodePointTest): Node {
  return run(test, 1, 1);
}

/**
 * A pattern to match with as a RegExp is used — `exec`, `test`, and for a sticky one
 * `lastIndex` — anchored where the text starts (`^…`), at `lastIndex` (`sticky`, as
 * `/…/y`), or found anywhere (`search`: the first place from the start, a code point
 * at a time, as `/…/u`).
 */
export class WordListPattern {
  lastIndex = 0;

  constructor(
    private readonly node: Node,
    /** Its capturing groups. */
    private readonly groups: number,
    readonly mode: 'start' | 'sticky' | 'search' = 'start',
  ) {}

  get sticky(): boolean {
    return this.mode === 'sticky';
  }

  exec(s: string): RegExpExecArray | null {
    const start = this.sticky ? this.lastIndex : 0;
    if (start > s.length) {
      this.lastIndex = 0;
      return null;
    }
    const m: Matching = { s, caps: new Array<number>(2 * this.groups + 2).fill(-1) };
    let end = -1;
    const found = (j: number) => ((end = j), true);
    let at = start;
    while (!this.node(m, at, found)) {
      if (this.mode !== 'search' || at >= s.length) {
        if (this.sticky) this.lastIndex = 0;
        return null;
      }
      at += codePointAt(s, at) > 0xffff ? 2 : 1;
    }
    if (this.sticky) this.lastIndex = end;
    const out = [s.slice(at, end)] as unknown as RegExpExecArray;
    for (let g = 1; g <= this.groups; g++) out.push(m.caps[2 * g]! < 0 ? (undefined as unknown as string) : s.slice(m.caps[2 * g], m.caps[2 * g + 1]));
    out.index = at;
    out.input = s;
    return out;
  }

  test(s: string): boolean {
    return this.exec(s) !== null;
  }
}

/** What `\p{…}`, `\s` and `\d` take, as code point tests, the ASCII range read without a RegExp. */
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const SPACE = /\s/u;
const fromCp = String.fromCodePoint;

export const isLetter: CodePointTest = (cp) => (cp < 0x80 ? ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) : LETTER.test(fromCp(cp)));
export const isNumber: CodePointTest = (cp) => (cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : NUMBER.test(fromCp(cp)));
export const isLower: CodePointTest = (cp) => (cp < 0x80 ? cp >= 0x61 && cp <= 0x7a : LOWER.test(fromCp(cp)));
export const isUpper: CodePointTest = (cp) => (cp < 0x80 ? cp >= 0x41 && cp <= 0x5a : UPPER.test(fromCp(cp)));
export const isDigit: CodePointTest = (cp) => cp >= 0x30 && cp <= 0x39;
export const isSpace: CodePointTest = (cp) => (cp < 0x80 ? cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) : SPACE.test(fromCp(cp)));
/** `[ \u00a0]`: the blanks between words. */
export const isBlank: CodePointTest = (cp) => cp === 0x20 || cp === 0xa0;
/** Code points listed in `chars`. */
export const anyOf = (chars: string): CodePointTest => {
  const set = new Set([...chars].map((c) => c.codePointAt(0)!));
  return (cp) => set.has(cp);
};

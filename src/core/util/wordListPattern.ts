/**
 * Patterns built from long lists of words and phrases (the hundreds of speech verbs and
 * roles attribution reads), matched by a small backtracking matcher of our own instead
 * of V8's RegExp engine. They mean exactly what the RegExp written out the same way
 * means — alternatives tried in order, greedy and lazy repetition, captures, look-arounds,
 * code points as with the `u` flag — but cost nothing to compile: V8 compiles a RegExp on
 * its first run, again for two-byte text, and again to machine code, and for the ten
 * patterns that embed those lists that took ~50 ms of the first recognition of an
 * article (half of it), on every start of the command line, the extension host and each
 * worker. They are tried at a few thousand places a megabyte, and ours allocates nothing
 * as it matches: over 10 MB of news, 75,000 tries took 28–42 ms of ours against 25–36 ms
 * of V8's compiled RegExps, timed alike (the timing ~7 ms of each), where a recognition
 * takes ~1 s.
 *
 * Only what those patterns need is here; each pattern built with it is checked against
 * its RegExp by a property test (test/unit/word-list-pattern.test.ts).
 */

/** The text being matched, its groups' spans (start, end; -1 where a group took no part), where each open group started, and where the match ended. */
interface Matching {
  s: string;
  caps: number[];
  opened: number[];
  end: number;
}

/** Matches from `i` on, to the end of the pattern; false to backtrack. */
type Step = (m: Matching, i: number) => boolean;

/**
 * A piece of a pattern: given the step that matches the rest of the pattern after it,
 * the step that matches the piece and then the rest. Pieces are joined once, when a
 * pattern is built, so that matching allocates nothing.
 */
export type Node = (next: Step) => Step;

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
  return (next) => parts.reduceRight((rest, part) => part(rest), next);
}

/** The first of the alternatives, in order, with which the rest matches (`a|b|c`). */
export function alt(...alternatives: Node[]): Node {
  return (next) => {
    const steps = alternatives.map((a) => a(next));
    return (m, i) => {
      for (const step of steps) if (step(m, i)) return true;
      return false;
    };
  };
}

/**
 * One of `phrases`, tried in the order given, as `(?:one|two|three)` of literal text
 * tries them: each that the text at this point begins with, until the rest matches.
 * (Looked up by the text's next two characters: ~340 roles share some 20 first letters.)
 */
export function oneOf(phrases: readonly string[]): Node {
  const { byTwo, ofOne, firsts, nonAscii } = indexOf(phrases);
  return (next) => (m, i) => {
    const s = m.s;
    const c = s.charCodeAt(i);
    if (c < 128 ? firsts[c] === 0 : !nonAscii) return false;
    const list = (i + 1 < s.length ? byTwo.get((c << 16) | s.charCodeAt(i + 1)) : undefined) ?? ofOne.get(c);
    if (list === undefined) return false;
    for (const p of list) if (s.startsWith(p, i) && next(m, i + p.length)) return true;
    return false;
  };
}

/** The phrases by their first two characters, each list in the order given (one-character phrases in every list of their letter), and their first letters. */
interface PhraseIndex {
  byTwo: Map<number, string[]>;
  ofOne: Map<number, string[]>;
  firsts: Uint8Array;
  nonAscii: boolean;
}

/** Each list's index, made once: the lists of verbs and roles stand in several patterns. */
const INDEXES = new WeakMap<readonly string[], PhraseIndex>();

function indexOf(phrases: readonly string[]): PhraseIndex {
  let index = INDEXES.get(phrases);
  if (index) return index;
  const byTwo = new Map<number, string[]>();
  const ofOne = new Map<number, string[]>();
  // Per first character, the keys of byTwo that start with it: where a later one-character phrase goes too.
  const keysOf = new Map<number, number[]>();
  const firsts = new Uint8Array(128);
  let nonAscii = false;
  for (const p of phrases) {
    if (p === '') throw new Error('oneOf: an empty phrase');
    const c = p.charCodeAt(0);
    if (c < 128) firsts[c] = 1;
    else nonAscii = true;
    if (p.length === 1) {
      const one = ofOne.get(c) ?? [];
      ofOne.set(c, [...one, p]);
      for (const key of keysOf.get(c) ?? []) byTwo.get(key)!.push(p);
      continue;
    }
    const key = (c << 16) | p.charCodeAt(1);
    let list = byTwo.get(key);
    if (!list) {
      byTwo.set(key, (list = [...(ofOne.get(c) ?? [])]));
      keysOf.set(c, [...(keysOf.get(c) ?? []), key]);
    }
    list.push(p);
  }
  index = { byTwo, ofOne, firsts, nonAscii };
  INDEXES.set(phrases, index);
  return index;
}

/** Literal text. */
export function lit(text: string): Node {
  const first = text.charCodeAt(0);
  return (next) => (m, i) => m.s.charCodeAt(i) === first && m.s.startsWith(text, i) && next(m, i + text.length);
}

/**
 * A run of code points that `test` takes, `min` to `max` of them: the longest first
 * (`[…]{min,max}`), or the shortest first when `lazy`.
 */
export function run(test: CodePointTest, min = 1, max = Infinity, lazy = false): Node {
  return (next) => (m, i) => {
    const s = m.s;
    // How far the run may go; a code point past U+FFFF takes two code units.
    let n = 0;
    let at = i;
    let astral = false;
    while (n < max && at < s.length) {
      const c = s.charCodeAt(at);
      if (c >= 0xd800 && c <= 0xdbff) {
        const cp = codePointAt(s, at);
        if (!test(cp)) break;
        at += cp > 0xffff ? 2 : 1;
        astral ||= cp > 0xffff;
      } else {
        if (!test(c)) break;
        at++;
      }
      n++;
    }
    if (n < min) return false;
    if (!astral) {
      if (lazy) {
        for (let k = min; k <= n; k++) if (next(m, i + k)) return true;
      } else {
        for (let k = n; k >= min; k--) if (next(m, i + k)) return true;
      }
      return false;
    }
    const ends: number[] = [i];
    for (let e = i; ends.length <= n; ) ends.push((e += codePointAt(s, e) > 0xffff ? 2 : 1));
    if (lazy) {
      for (let k = min; k <= n; k++) if (next(m, ends[k]!)) return true;
    } else {
      for (let k = n; k >= min; k--) if (next(m, ends[k]!)) return true;
    }
    return false;
  };
}

/** `body` repeated `min` to `max` times: as many as can be first (`(?:…){min,max}`), or as few when `lazy`. The body never matches empty. */
export function repeat(body: Node, min: number, max: number, lazy = false): Node {
  return (next) => {
    if (max === Infinity) {
      // `(?:…)*` after `min` of them: a loop whose step refers to itself.
      let loop: Step = () => false;
      const again = body((m, j) => loop(m, j));
      loop = lazy ? (m, i) => next(m, i) || again(m, i) : (m, i) => again(m, i) || next(m, i);
      let step = loop;
      for (let c = 0; c < min; c++) step = body(step);
      return step;
    }
    // Finite: unrolled from the last repetition back, each a copy of the body.
    let step: Step = next;
    for (let c = max - 1; c >= 0; c--) {
      const withBody = body(step);
      if (c < min) step = withBody;
      else step = lazy ? (m, i) => next(m, i) || withBody(m, i) : (m, i) => withBody(m, i) || next(m, i);
    }
    return step;
  };
}

/** `body` or nothing: `(?:…)?`, or `(?:…)??` when `lazy`. */
export function optional(body: Node, lazy = false): Node {
  return repeat(body, 0, 1, lazy);
}

/**
 * Capturing group `n` (1-based) around `body`. (Inside a repetition of more than one, a
 * group keeps what its last repetition took, where a RegExp forgets it at each new one:
 * none of our patterns has a group there.)
 */
export function group(n: number, body: Node): Node {
  return (next) => {
    const inner = body((m, j) => {
      const start = m.caps[2 * n]!;
      const end = m.caps[2 * n + 1]!;
      m.caps[2 * n] = m.opened[n]!;
      m.caps[2 * n + 1] = j;
      if (next(m, j)) return true;
      m.caps[2 * n] = start;
      m.caps[2 * n + 1] = end;
      return false;
    });
    return (m, i) => {
      const opened = m.opened[n]!;
      m.opened[n] = i;
      if (inner(m, i)) return true;
      m.opened[n] = opened;
      return false;
    };
  };
}

/** Ends a look-around's body: it matched. */
const MATCHED: Step = () => true;

/** `(?!…)`: `body` does not match here. */
export function notAhead(body: Node): Node {
  const test = body(MATCHED);
  return (next) => (m, i) => !test(m, i) && next(m, i);
}

/** `(?=…)`: `body` matches here (and nothing is consumed). */
export function ahead(body: Node): Node {
  const test = body(MATCHED);
  return (next) => (m, i) => test(m, i) && next(m, i);
}

/** `(?<![…])`: the code point before is not one `test` takes. */
export function notAfter(test: CodePointTest): Node {
  return (next) => (m, i) => {
    const cp = codePointBefore(m.s, i);
    return (cp < 0 || !test(cp)) && next(m, i);
  };
}

/** `$`: the end of the text. */
export const atEnd: Node = (next) => (m, i) => i === m.s.length && next(m, i);

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
  private readonly step: Step;
  /** Reused by each match (one at a time: a pattern never runs inside itself). */
  private readonly m: Matching;

  constructor(
    node: Node,
    /** Its capturing groups. */
    private readonly groups: number,
    readonly mode: 'start' | 'sticky' | 'search' = 'start',
  ) {
    this.step = node((m, j) => ((m.end = j), true));
    this.m = { s: '', caps: new Array<number>(2 * groups + 2).fill(-1), opened: new Array<number>(groups + 1).fill(-1), end: -1 };
  }

  get sticky(): boolean {
    return this.mode === 'sticky';
  }

  exec(s: string): RegExpExecArray | null {
    const start = this.sticky ? this.lastIndex : 0;
    if (start > s.length) {
      this.lastIndex = 0;
      return null;
    }
    const m = this.m;
    m.s = s;
    for (let g = 2; g < m.caps.length; g++) m.caps[g] = -1;
    let at = start;
    while (!this.step(m, at)) {
      if (this.mode !== 'search' || at >= s.length) {
        if (this.sticky) this.lastIndex = 0;
        m.s = '';
        return null;
      }
      at += codePointAt(s, at) > 0xffff ? 2 : 1;
    }
    if (this.sticky) this.lastIndex = m.end;
    const out = [s.slice(at, m.end)] as unknown as RegExpExecArray;
    for (let g = 1; g <= this.groups; g++) out.push(m.caps[2 * g]! < 0 ? (undefined as unknown as string) : s.slice(m.caps[2 * g], m.caps[2 * g + 1]));
    out.index = at;
    out.input = s;
    m.s = '';
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
  const ascii = new Uint8Array(128);
  for (const cp of set) if (cp < 128) ascii[cp] = 1;
  return (cp) => (cp < 128 ? ascii[cp] === 1 : set.has(cp));
};

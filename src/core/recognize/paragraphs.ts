/**
 * Paragraph and sentence boundaries. A paragraph ends at a blank line; in a text whose
 * lines are not hard-wrapped (most news copied from the web) every line break ends one too.
 */
import { HONORIFICS, INITIAL_DIGRAPHS } from './lexicon';

export interface Span {
  start: number;
  end: number;
}

export function paragraphs(text: string, wrapped = looksHardWrapped(text)): Span[] {
  return paragraphsIn(text, 0, text.length, wrapped);
}

/**
 * The paragraphs of text[from, to), where `from` and `to` are paragraph boundaries
 * (see `paragraphWindow`).
 */
export function paragraphsIn(text: string, from: number, to: number, wrapped: boolean): Span[] {
  const out: Span[] = [];
  const re = wrapped ? /\r?\n[ \t]*\r?\n\s*/g : /\r?\n\s*/g;
  let start = from;
  while (start < to && /\s/.test(text[start]!)) start++;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < to) out.push({ start, end: to });
  return out;
}

/**
 * The smallest stretch of whole paragraphs holding [from, to), widened by `extra`
 * paragraphs on each side: it starts at the text's start or right after a line break,
 * and ends at the text's end or at a line break.
 */
export function paragraphWindow(text: string, from: number, to: number, wrapped: boolean, extra: number): Span {
  const brk = wrapped ? /\r?\n[ \t]*\r?\n/g : /\n/g;
  // Backwards: find the start of the paragraph, then `extra` more.
  let start = from;
  for (let k = 0; k <= extra && start > 0; k++) {
    const cut = lastBreakBefore(text, start - (k === 0 ? 0 : 1), brk);
    start = cut < 0 ? 0 : cut;
  }
  let end = to;
  for (let k = 0; k <= extra && end < text.length; k++) {
    brk.lastIndex = k === 0 ? end : end + 1;
    const m = brk.exec(text);
    end = m ? m.index : text.length;
  }
  return { start, end };
}

/** Index just after the last paragraph break ending at or before `at`, or -1. */
function lastBreakBefore(text: string, at: number, brk: RegExp): number {
  if (brk.source === '\\n') {
    const i = text.lastIndexOf('\n', at - 1);
    return i < 0 ? -1 : i + 1;
  }
  // Search backwards in growing chunks so a long paragraph costs little.
  for (let size = 512; ; size *= 4) {
    const from = Math.max(0, at - size);
    brk.lastIndex = from;
    let last = -1;
    for (let m = brk.exec(text); m && m.index + m[0].length <= at; m = brk.exec(text)) last = m.index + m[0].length;
    if (last >= 0) return last;
    if (from === 0) return -1;
  }
}

/**
 * Hard-wrapped text (lines broken at ~72 columns inside paragraphs) has many long runs
 * of consecutive, similarly short lines; copied web text has long lines instead. Read
 * by the lines another line follows without a blank one between: most are as long as
 * wrapped lines are. (Not the lines that end a paragraph, which any text has: counted,
 * they made a short article of short wrapped paragraphs look unwrapped.) Sampled, so it
 * stays cheap on big files.
 */
export function looksHardWrapped(text: string): boolean {
  const sample = text.length > WRAP_SAMPLE ? text.slice(0, WRAP_SAMPLE) : text;
  const lines = sample.split('\n');
  let followed = 0;
  let continued = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const kind = lineKind(lines[i]!);
    if (kind === BLANK || lineKind(lines[i + 1]!) === BLANK) continue;
    followed++;
    if (kind === WRAPPED_LENGTH) continued++;
  }
  return followed >= 3 && continued / followed > 0.6;
}

/** How much of a text `looksHardWrapped` reads. */
export const WRAP_SAMPLE = 200_000;

/** What `looksHardWrapped` sees of a line: blank, as long as a hard-wrapped line, or other. */
export function lineKind(line: string): number {
  const len = line.trimEnd().length;
  return len === 0 ? BLANK : len >= 40 && len <= 100 ? WRAPPED_LENGTH : OTHER_LENGTH;
}

const BLANK = 0;
const WRAPPED_LENGTH = 1;
const OTHER_LENGTH = 2;

/**
 * Where a pattern matches in one text, found by a native search and remembered:
 * questions asked in ascending order — one per quote — read the text about once in all,
 * where each looked at up to a thousand characters of its own (a text of nothing but
 * short quotes took seconds per 2 MB so). Ask one instance in one order only: asked by
 * turns from two places, it would search anew for every question.
 */
export class SentenceMarks {
  /** The last answer: no match starts in [asked, found); `found` is the text's length when there is none. */
  private asked = 1;
  private found = 0;
  private foundEnd = 0;

  private constructor(
    private readonly text: string,
    private readonly search: RegExp,
  ) {}

  /** The marks that may end a sentence, `.`, `?` and `!`: where `sentenceEnd` may stop. */
  static ends(text: string): SentenceMarks {
    return new SentenceMarks(text, /[.?!]/g);
  }

  /** What every sentence end `sentenceStart` accepts looks like. */
  static starts(text: string): SentenceMarks {
    return new SentenceMarks(text, new RegExp(MAY_END_SENTENCE.source, 'g'));
  }

  /** Where the first match at or after `at` starts, or the text's length. */
  nextFrom(at: number): number {
    if (at >= this.asked && at <= this.found) return this.found;
    this.search.lastIndex = at;
    const m = this.search.exec(this.text);
    this.asked = at;
    this.found = m ? m.index : this.text.length;
    this.foundEnd = m ? this.search.lastIndex : this.text.length;
    return this.found;
  }

  /** Where the match `nextFrom` last gave ends. */
  get end(): number {
    return this.foundEnd;
  }
}

/** Where the sentence holding `at` starts, not looking before `floor`. */
export function sentenceStart(text: string, at: number, floor: number, marks?: SentenceMarks /* SentenceMarks.starts */): number {
  // Over a long stretch, a native search tells first whether anything could end a sentence
  // there (text with no full stop asks this of every quote).
  if (at - floor > 64 && !mayEndSentenceIn(text, floor, at, marks)) return floor;
  for (let i = at - 1; i > floor; i--) {
    const c = text.charCodeAt(i);
    // ". " / "? " / "! " — possibly with a closing quote between — starts a new sentence.
    if ((c === 0x20 || c === 0x0a || c === 0x09) && i > floor) {
      let j = i - 1;
      while (j > floor && isClosingMark(text.charCodeAt(j))) j--;
      const p = text.charCodeAt(j);
      if ((p === 0x2e || p === 0x3f || p === 0x21) && !isAbbreviation(text, j)) return i + 1;
    }
  }
  return floor;
}

/** Whether text[floor, at) holds what looks like a sentence's end. */
function mayEndSentenceIn(text: string, floor: number, at: number, marks: SentenceMarks | undefined): boolean {
  if (!marks) return MAY_END_SENTENCE.test(text.slice(floor, at));
  marks.nextFrom(floor);
  return marks.end <= at;
}

/** Whether `at` opens a sentence: the text's or a line's start, or a sentence's end and blanks before it. */
export function opensSentenceAt(text: string, at: number): boolean {
  let i = at;
  for (let c = text.charCodeAt(i - 1); i > 0 && (c === 0x20 || c === 0xa0 || c === 0x09); c = text.charCodeAt(--i - 1));
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  return c === 0x0a || (i < at && (c === 0x2e || c === 0x21 || c === 0x3f));
}

/** Where the sentence holding `at` ends (exclusive), not looking past `ceiling`. */
export function sentenceEnd(text: string, at: number, ceiling: number, marks?: SentenceMarks /* SentenceMarks.ends */): number {
  for (let i = at; i < ceiling; i++) {
    if (marks) {
      i = marks.nextFrom(i); // the characters before it cannot end the sentence
      if (i >= ceiling) break;
    }
    const c = text.charCodeAt(i);
    if ((c === 0x2e || c === 0x3f || c === 0x21) && !isAbbreviation(text, i)) {
      let j = i + 1;
      while (j < ceiling && isClosingMark(text.charCodeAt(j))) j++;
      if (j >= ceiling || text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x0a) return j;
    }
  }
  return ceiling;
}

/** What every sentence end the loop in `sentenceStart` accepts looks like: a superset. */
const MAY_END_SENTENCE = /[.?!][”"’»)']*[ \n\t]/;

/** Whether a character may open a quote: “ " « „ ‘ '. */
export function isOpeningMark(c: number): boolean {
  return c === 0x201c || c === 0x22 || c === 0xab || c === 0x201e || c === 0x2018 || c === 0x27;
}

export function isClosingMark(c: number): boolean {
  return c === 0x201d || c === 0x22 || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x27;
}

/** "U.S.", "Nov.", "Mr." and initials ("B.", "Sh.") do not end sentences. */
function isAbbreviation(text: string, dot: number): boolean {
  if (text.charCodeAt(dot) !== 0x2e) return false;
  // Letters are tested one code unit at a time, so a surrogate is never one.
  let s = dot - 1;
  for (let c = text.charCodeAt(s); s >= 0 && (c === 0x2e || charKind(c) & LETTER); c = text.charCodeAt(--s));
  const len = dot - s - 1;
  if (len === 1) return (charKind(text.charCodeAt(s + 1)) & UPPER) !== 0;
  if (len === 2 && INITIAL_DIGRAPHS.has(text.slice(s + 1, dot))) return true;
  if (len >= 3 && len % 2 === 1 && isInitials(text, s + 1, dot)) return true;
  return len <= MAX_ABBREVIATION && ABBREVIATIONS.has(text.slice(s + 1, dot));
}

/** Letters and dots alternate, letters at both ends ("U.S", "e.g"). */
function isInitials(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((text.charCodeAt(i) === 0x2e) !== ((i - from) % 2 === 1)) return false;
  return true;
}

/**
 * Whether the dot at `dot`, after a word of two letters or more, ends an abbreviation —
 * what `isAbbreviation` says there — reading no further back than the longest one.
 */
export function endsAbbreviationWord(text: string, dot: number): boolean {
  if (text.charCodeAt(dot) !== 0x2e) return false;
  let s = dot;
  while (s > 0 && dot - s <= MAX_ABBREVIATION && isLetterOrDot(text.charCodeAt(s - 1))) s--;
  if (s > 0 && isLetterOrDot(text.charCodeAt(s - 1))) return false; // longer than any abbreviation
  return ABBREVIATIONS.has(text.slice(s, dot));
}

function isLetterOrDot(c: number): boolean {
  return c === 0x2e || (charKind(c) & LETTER) !== 0;
}

const ABBREVIATIONS = new Set([
  ...HONORIFICS, 'St', 'Jr', 'Sr',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'vs', 'etc', 'approx',
]);
const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((w) => w.length));

/** Bits of `charKind`: what `\p{L}`, `\p{Lu}`, `\p{N}` and `\s` say of a character. */
export const LETTER = 1;
export const UPPER = 2;
export const NUMBER = 4;
export const SPACE = 8;

/**
 * Property escapes in `u` RegExps are several times slower than a table, so the
 * characters news is written in are looked up; the rest (CJK and beyond) ask the
 * RegExps themselves. Takes a code unit or a code point; a lone surrogate is nothing.
 */
export function charKind(c: number): number {
  if (c < KIND_TABLE_SIZE) return kindTable()[c];
  // Past either end of a text (charCodeAt gives NaN there): no character.
  if (c !== c) return 0;
  let kind = kindsBeyond.get(c);
  if (kind === undefined) kindsBeyond.set(c, (kind = kindOf(String.fromCodePoint(c))));
  return kind;
}

/** `charKind` of the characters below KIND_TABLE_SIZE, for loops that look up many. */
export function kindTable(): Uint8Array {
  return (kinds ??= buildKindTable());
}

export const KIND_TABLE_SIZE = 0x3000;
let kinds: Uint8Array | undefined;
/** What was asked beyond the table: CJK text asks the same few thousand again and again. */
const kindsBeyond = new Map<number, number>();

function kindOf(ch: string): number {
  return (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/\s/.test(ch) ? SPACE : 0);
}

function buildKindTable(): Uint8Array {
  const table = new Uint8Array(KIND_TABLE_SIZE);
  // Runs found by one search per property cost far less than a test per character.
  const codes: number[] = [];
  for (let c = 0; c < KIND_TABLE_SIZE; c++) codes.push(c);
  let all = '';
  for (let c = 0; c < KIND_TABLE_SIZE; c += 1024) all += String.fromCharCode(...codes.slice(c, c + 1024));
  const runs: [RegExp, number][] = [[/\p{L}+/gu, LETTER], [/\p{Lu}+/gu, UPPER], [/\p{N}+/gu, NUMBER], [/\s+/g, SPACE]];
  for (const [re, bit] of runs) {
    for (let m = re.exec(all); m; m = re.exec(all)) for (let i = m.index; i < m.index + m[0].length; i++) table[i] |= bit;
  }
  return table;
}

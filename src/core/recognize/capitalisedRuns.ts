import { LOWER, markClass, UPPER, WORD_CHARS } from './charClasses';
import { NAME_PARTICLES, PATRONYMIC_ENDINGS } from './lexicon';
import { SpanSet } from './spanSet';

/**
 * Runs of capitalised words, collected once into typed arrays for both passes of
 * people.ts. A RegExp finds each next capital (a native search outruns a charCodeAt
 * loop over the lower-case bulk of the text); the run from there is read char by char.
 *
 * A run is what this pattern matches, scanning left to right as `exec` with the `g`
 * flag does (PARTICLE is one of NAME_PARTICLES or a middle initial, TOKEN a capitalised word):
 *   (?:(?:al|el)-)?TOKEN(?:[ \u00a0]+(?:PARTICLE[ \u00a0]+)*(?:(?:al|el)-)?TOKEN)*(?:[ \u00a0]+ENDING(?![WORD_CHARS]))?
 *   TOKEN = [UPPER][WORD_CHARS’']*(?:-[WORD_CHARS]+)*
 * (ENDING one of PATRONYMIC_ENDINGS, "Tazhibek kyzy", held as a particle)
 * where a TOKEN that is one capital (Latin or Cyrillic) followed by a dot, blanks and
 * the next TOKEN is a middle initial ("Mark A. Milley"): a particle, its dot with it.
 * A run that continues a word (a letter or digit right before it) is skipped whole.
 */

const IS_UPPER = 1;
const IS_LOWER = 2;
const IS_WORD = 4;

/** Class bits of the code units below U+2000, the range the three classes cover. */
const CLASS = markClass(markClass(markClass(new Uint8Array(0x2000), UPPER, IS_UPPER), LOWER, IS_LOWER), WORD_CHARS, IS_WORD);

const isUpperCode = (c: number): boolean => c < 0x2000 && (CLASS[c]! & IS_UPPER) !== 0;
const isLowerCode = (c: number): boolean => c < 0x2000 && (CLASS[c]! & IS_LOWER) !== 0;
const isWordCode = (c: number): boolean => c < 0x2000 && (CLASS[c]! & IS_WORD) !== 0;
const isRunSpace = (c: number): boolean => c === 0x20 || c === 0xa0;
const isAsciiLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;

const PARTICLES = new SpanSet(NAME_PARTICLES);

/** All runs starting in a range: run r is words first[r] … first[r + 1] - 1; word w spans start[w]…end[w]. */
export class Runs {
  constructor(
    readonly count: number,
    readonly first: Int32Array,
    readonly start: Int32Array,
    readonly end: Int32Array,
    private readonly particle: Uint8Array,
  ) {}

  /** The run that holds word `w`. */
  runOf(w: number): number {
    let lo = 0;
    let hi = this.count;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.first[mid]! <= w) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** One of NAME_PARTICLES between tokens. */
  isParticle(w: number): boolean {
    return this.particle[w] === 1;
  }

  /** Has a lower-case letter but does not start with one ("NATO" has none), or past "al-" or "el-" ("al-Harbi"); `text` is the text scanned. */
  isNameShaped(text: string, w: number): boolean {
    let start = this.start[w]!;
    const end = this.end[w]!;
    if (text.charCodeAt(start + 2) === 0x2d && (text.startsWith('al', start) || text.startsWith('el', start))) start += 3;
    if (isLowerCode(text.charCodeAt(start))) return false;
    for (let i = start + 1; i < end; i++) if (isLowerCode(text.charCodeAt(i))) return true;
    return false;
  }

  /** The runs that start in [from, to), as if text[from, to) had been scanned alone: offsets less `from`. */
  within(from: number, to: number): Runs {
    const r0 = this.firstRunFrom(from);
    const r1 = this.firstRunFrom(to);
    const w0 = this.first[r0]!;
    const w1 = this.first[r1]!;
    const first = this.first.slice(r0, r1 + 1);
    for (let r = 0; r < first.length; r++) first[r]! -= w0;
    const start = this.start.slice(w0, w1);
    const end = this.end.slice(w0, w1);
    for (let w = 0; w < start.length; w++) {
      start[w]! -= from;
      end[w]! -= from;
    }
    return new Runs(r1 - r0, first, start, end, this.particle.slice(w0, w1));
  }

  /** The first run starting at or after `at`. */
  private firstRunFrom(at: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.start[this.first[mid]!]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Whether no run ever holds the code unit `c` (it is no part of a word, particle or run
 * space, and no run that follows is dropped for continuing it): text cut right after one
 * scans, piece by piece, to the runs of the whole.
 */
export function endsRuns(c: number): boolean {
  return !isWordCode(c) && !isLetterOrDigit(c) && c !== 0x2019 && c !== 0x27 && c !== 0x2d && c !== 0x2e && !isRunSpace(c);
}

/** The runs starting in [from, to). */
export function scanRuns(text: string, from: number, to: number): Runs {
  const b = new RunsBuilder(text, to - from);
  let at = from;
  for (;;) {
    const searchFrom = at;
    at = nextCapital(text, at, to);
    if (at >= to) break;
    // "al-"/"el-" right before the capital starts the match there instead.
    let runStart = at;
    if (at - 3 >= searchFrom && text.charCodeAt(at - 1) === 0x2d && text.charCodeAt(at - 2) === 0x6c && isAOrE(text.charCodeAt(at - 3))) runStart = at - 3;
    const runEnd = b.addRun(runStart, at);
    // A run that continues a word is no run, but the search still resumes after it.
    if (runStart > 0 && isLetterOrDigit(text.charCodeAt(runStart - 1))) b.dropRun();
    at = runEnd;
  }
  return b.finish();
}

// Capitals are a few per cent of the text: a RegExp search for the next one skips the
// rest faster than a charCodeAt loop does (measured about twice as fast on news).
const CAPITAL = new RegExp(`[${UPPER}]`, 'g');

function nextCapital(text: string, at: number, to: number): number {
  CAPITAL.lastIndex = at;
  if (!CAPITAL.test(text)) return to;
  return Math.min(CAPITAL.lastIndex - 1, to);
}

/** Appends runs word by word to growing typed arrays. */
class RunsBuilder {
  private runs = 0;
  private words = 0;
  private first: Int32Array;
  private start: Int32Array;
  private end: Int32Array;
  private particle: Uint8Array;

  constructor(
    private readonly text: string,
    length: number,
  ) {
    // Room for a word per 16 characters (news has one per 26 or so): big texts rarely grow.
    const words = Math.max(256, length >> 4);
    this.first = new Int32Array(words);
    this.start = new Int32Array(words);
    this.end = new Int32Array(words);
    this.particle = new Uint8Array(words);
  }

  /** Takes back the last run. */
  dropRun(): void {
    this.words = this.first[--this.runs]!;
  }

  /** Adds the run whose first word starts at `at` (its capital at `capital`) and returns where it ends. */
  addRun(at: number, capital: number): number {
    const text = this.text;
    const n = text.length;
    if (this.runs + 1 >= this.first.length) this.first = grown(this.first, new Int32Array(this.first.length * 2));
    this.first[this.runs] = this.words;
    let runEnd = this.pushToken(at, capital);
    for (;;) {
      let q = runEnd;
      while (q < n && isRunSpace(text.charCodeAt(q))) q++;
      if (q === runEnd) break;
      const afterBlanks = q;
      const mark = this.words;
      for (;;) {
        const e = particleEnd(text, q);
        if (e < 0) break;
        this.push(q, e, 1);
        q = e + 1;
        while (q < n && isRunSpace(text.charCodeAt(q))) q++;
      }
      const t = tokenCapital(text, q);
      if (t < 0) {
        this.words = mark; // the particles belong to no token: the run ends before them
        const e = patronymicEnd(text, afterBlanks);
        if (e > 0) {
          this.push(afterBlanks, e, 1);
          runEnd = e;
        }
        break;
      }
      runEnd = this.pushToken(q, t);
    }
    this.runs++;
    return runEnd;
  }

  /** Adds the token starting at `at` (its capital at `capital`), or the middle initial there, and returns where it ends. */
  private pushToken(at: number, capital: number): number {
    const text = this.text;
    const end = tokenEnd(text, capital);
    if (end === capital + 1 && at === capital && text.charCodeAt(end) === 0x2e && isInitialCode(text.charCodeAt(capital))) {
      let q = end + 1;
      while (q < text.length && isRunSpace(text.charCodeAt(q))) q++;
      if (q > end + 1 && tokenCapital(text, q) >= 0) {
        this.push(at, end + 1, 1);
        return end + 1;
      }
    }
    this.push(at, end, 0);
    return end;
  }

  private push(start: number, end: number, particle: number): void {
    if (this.words === this.start.length) {
      this.start = grown(this.start, new Int32Array(this.words * 2));
      this.end = grown(this.end, new Int32Array(this.words * 2));
      this.particle = grown(this.particle, new Uint8Array(this.words * 2));
    }
    this.start[this.words] = start;
    this.end[this.words] = end;
    this.particle[this.words++] = particle;
  }

  finish(): Runs {
    this.first[this.runs] = this.words;
    return new Runs(this.runs, this.first, this.start, this.end, this.particle);
  }
}

/** Where the capital of a TOKEN starting at `q` is (past "al-"/"el-"), or -1 when none starts there. */
function tokenCapital(text: string, q: number): number {
  const c = text.charCodeAt(q);
  if (c < 0x2000 && (CLASS[c]! & IS_UPPER) !== 0) return q;
  if (isAOrE(c) && text.charCodeAt(q + 1) === 0x6c && text.charCodeAt(q + 2) === 0x2d && isUpperCode(text.charCodeAt(q + 3))) return q + 3;
  return -1;
}

/** A capital a middle initial is written with: Latin or Cyrillic. */
const isInitialCode = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f);

/** End of TOKEN whose capital is at `at`. */
function tokenEnd(text: string, at: number): number {
  const n = text.length;
  let i = at + 1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c) && c !== 0x2019 && c !== 0x27) break;
  }
  // A possessive is not the name's ("Petrova’s", "the Kazakhs’"), nor a closing quotation mark ("‘Petrova’").
  if (i - 2 > at && text.charCodeAt(i - 1) === 0x73 && isApostrophe(text.charCodeAt(i - 2))) i -= 2;
  else if (i - 1 > at && isApostrophe(text.charCodeAt(i - 1))) i -= 1;
  while (i + 1 < n && text.charCodeAt(i) === 0x2d && isWordCode(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
  }
  return i;
}

/** End of the particle at `at` followed by a space, or -1. */
function particleEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (!isAsciiLower(c) || ((PARTICLE_INITIALS >>> (c - 0x61)) & 1) === 0) return -1;
  let e = at + 1;
  while (e - at <= LONGEST_PARTICLE && isAsciiLower(text.charCodeAt(e))) e++;
  return isRunSpace(text.charCodeAt(e)) && PARTICLES.has(text, at, e) ? e : -1;
}

/** End of the patronymic ending at `at` (a whole word), or -1. */
function patronymicEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (!isAsciiLower(c) || ((PATRONYMIC_INITIALS >>> (c - 0x61)) & 1) === 0) return -1;
  let e = at + 1;
  while (e - at <= LONGEST_PATRONYMIC && isWordCode(text.charCodeAt(e))) e++;
  return !isWordCode(text.charCodeAt(e)) && PATRONYMICS.has(text, at, e) ? e : -1;
}

const PATRONYMICS = new SpanSet(PATRONYMIC_ENDINGS);
const LONGEST_PATRONYMIC = Math.max(...PATRONYMIC_ENDINGS.map((p) => p.length));
const PATRONYMIC_INITIALS = PATRONYMIC_ENDINGS.reduce((bits, p) => bits | (1 << (p.charCodeAt(0) - 0x61)), 0);

if (!NAME_PARTICLES.every((p) => /^[a-z]+$/.test(p))) throw new Error('particleEnd reads particles as words of a–z only');
const LONGEST_PARTICLE = Math.max(...NAME_PARTICLES.map((p) => p.length));
/** Bit k set when some particle starts with the k-th letter. */
const PARTICLE_INITIALS = NAME_PARTICLES.reduce((bits, p) => bits | (1 << (p.charCodeAt(0) - 0x61)), 0);

const grown = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
  to.set(from);
  return to;
};

const isApostrophe = (c: number) => c === 0x2019 || c === 0x27;

const isAOrE = (c: number) => c === 0x61 || c === 0x65;

/** The check people.ts has always made before a run: the Latin, Greek and Cyrillic blocks. */
function isLetterOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

import { runAtOnce } from '../util/sliced';

/**
 * Conversions between UTF-16 indices (what JavaScript strings and VS Code use) and
 * Unicode code point offsets (what the sidecar, the CLI and Python's `str` use).
 *
 * A text made only of BMP characters has identical offsets in both units, so the map
 * stores nothing for it; otherwise it records where each astral character sits.
 */
export class CodePointMap {
  /** UTF-16 index of the high surrogate of each astral character, ascending. */
  private readonly astral: number[];

  constructor(text: string, astral?: number[]) {
    this.astral = astral ?? runAtOnce(astralSteps(text, SCAN_CHUNK));
  }

  /**
   * The map of `text` built a slice at a time (a large file, on an editor's thread);
   * `chunk` units are scanned per step. A text in flat pieces maps as their concatenation.
   */
  static *steps(text: string | readonly string[], chunk = SCAN_CHUNK): Generator<void, CodePointMap> {
    // Empty pieces apart, so that the piece after one is the next that has units.
    const pieces = typeof text === 'string' ? [text] : text.filter((p) => p.length > 0);
    const astral: number[] = [];
    let base = 0;
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) yield;
      const piece = pieces[k]!;
      for (const at of yield* astralSteps(piece, chunk)) astral.push(base + at);
      // A pair split between two pieces: the last unit of one, the first of the next.
      const next = pieces[k + 1];
      if (next !== undefined && isHigh(piece.charCodeAt(piece.length - 1)) && isLow(next.charCodeAt(0))) astral.push(base + piece.length - 1);
      base += piece.length;
    }
    return new CodePointMap('', astral);
  }

  /** True when code point and UTF-16 offsets coincide everywhere. */
  get isIdentity(): boolean {
    return this.astral.length === 0;
  }

  /** Code point offset of a UTF-16 index. An index inside a surrogate pair maps to that character's start. */
  toCodePoint(utf16: number): number {
    if (this.astral.length === 0) return utf16;
    // Each astral character starting before `utf16` takes two units but one code point;
    // an index between its surrogates lands on the character's start, which is the same sum.
    return utf16 - countBelow(this.astral, utf16);
  }

  /** UTF-16 index of a code point offset. */
  toUtf16(codePoint: number): number {
    if (this.astral.length === 0) return codePoint;
    // The k-th astral character (0-based) sits at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astral[mid]! - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}

/** Units scanned per step: about a millisecond's native search. */
const SCAN_CHUNK = 1 << 20;

/** A surrogate pair: a native search finds the few in a text many times faster than reading each unit. */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Where each astral character of `text` starts, searched `chunk` units at a time. */
function* astralSteps(text: string, chunk: number): Generator<void, number[]> {
  const out: number[] = [];
  for (let from = 0; from < text.length; from += chunk) {
    if (from > 0) yield;
    // A unit past the chunk, so that a pair starting at its last unit is found in it.
    const piece = text.slice(from, from + chunk + 1);
    SURROGATE_PAIR.lastIndex = 0;
    for (let m = SURROGATE_PAIR.exec(piece); m && m.index < chunk; m = SURROGATE_PAIR.exec(piece)) out.push(from + m.index);
  }
  return out;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

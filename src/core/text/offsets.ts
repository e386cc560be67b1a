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

  constructor(text: string) {
    const astral: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral.push(i);
          i++;
        }
      }
    }
    this.astral = astral;
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

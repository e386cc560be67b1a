/** Strings looked up by a span of a text, so no substring is made for a miss. */
export class SpanSet {
  private readonly slots: Int32Array;
  readonly words: readonly string[];
  private readonly mask: number;
  /** A bit per (length, first, last character) seen: most misses stop at it, unhashed. */
  private readonly outline = new Int32Array(64);

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)];
    for (const w of this.words) {
      const bit = outlineBit(w, 0, w.length);
      this.outline[bit >>> 5] |= 1 << (bit & 31);
    }
    let size = 16;
    while (size < this.words.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.words.forEach((w, i) => {
      let s = hashSpan(w, 0, w.length) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = i + 1;
    });
  }

  has(text: string, start: number, end: number): boolean {
    const bit = outlineBit(text, start, end);
    if ((this.outline[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    const len = end - start;
    for (let s = hashSpan(text, start, end) & this.mask; ; s = (s + 1) & this.mask) {
      const slot = this.slots[s]!;
      if (slot === 0) return false;
      const w = this.words[slot - 1]!;
      if (w.length !== len) continue;
      let i = 0;
      while (i < len && w.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === len) return true;
    }
  }
}

function outlineBit(text: string, start: number, end: number): number {
  return (Math.imul(end - start, 0x9e3779b1) ^ Math.imul(text.charCodeAt(start), 0x85ebca6b) ^ Math.imul(text.charCodeAt(end - 1), 0xc2b2ae35)) >>> 21;
}

function hashSpan(text: string, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

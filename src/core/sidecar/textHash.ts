import { runAtOnce } from '../util/sliced';

/**
 * A 64-bit fingerprint of a text (two 32-bit FNV-1a lanes over UTF-16 units), written
 * as `fnv64:` and 16 hex digits. Pure JavaScript, so it runs in a browser worker too; it
 * detects change, it does not defend against tampering.
 */
export function textHash(text: string): string {
  return runAtOnce(textHashSteps(text));
}

/**
 * Units hashed between the steps of `textHashSteps`. The first steps run before the
 * compiler has met the loop: at 256 K units the first took 8–11 ms alone and 65 ms once in
 * a busy editor, past the 8 ms a slice is given; at 16 K, 1.4–1.9 ms, the whole as quick.
 */
const CHUNK = 1 << 14;

/** `textHash` as a sliced task (see runSliced): a 40 MB text takes ~150 ms. A text in flat pieces hashes as their concatenation. */
export function* textHashSteps(text: string | readonly string[]): Generator<void, string> {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const pieces = typeof text === 'string' ? [text] : text;
  let sinceStep = 0;
  for (const piece of pieces) {
    for (let from = 0; from < piece.length; from += CHUNK) {
      const to = Math.min(piece.length, from + CHUNK);
      for (let i = from; i < to; i++) {
        const c = piece.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
      }
      sinceStep += to - from;
      if (sinceStep >= CHUNK) {
        sinceStep = 0;
        yield;
      }
    }
  }
  return `fnv64:${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

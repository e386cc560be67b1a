import { CodePointMap } from '../text/offsets';
import type { TextLike } from '../text/pieceText';
import type { StoredAnnotation } from './model';

/** How many code points of context a text-quote selector keeps on each side. */
export const CONTEXT = 32;

/**
 * Builds a stored annotation for text[start16, end16) (UTF-16 indices): code-point
 * offsets and the exact text with its prefix and suffix.
 */
export function makeAnnotation(
  text: TextLike,
  map: CodePointMap,
  start16: number,
  end16: number,
  fields: Omit<StoredAnnotation, 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'id'> & { id?: string },
): StoredAnnotation {
  const { prefix, suffix } = contextAround(text, start16, end16);
  return {
    ...fields,
    id: fields.id ?? newId(),
    start: map.toCodePoint(start16),
    end: map.toCodePoint(end16),
    exact: text.slice(start16, end16),
    prefix,
    suffix,
  };
}

/**
 * `stored` at text[start16, end16): its offsets, exact text and context taken from there —
 * the very object when they are what it holds, so that a save of thousands of annotations
 * the text did not move copies none (copying every one took ~20 ms for 10,000, on the host).
 */
export function placedAt(text: TextLike, map: CodePointMap, stored: StoredAnnotation, start16: number, end16: number): StoredAnnotation {
  const start = map.toCodePoint(start16);
  const end = map.toCodePoint(end16);
  const exact = text.slice(start16, end16);
  const { prefix, suffix } = contextAround(text, start16, end16);
  if (start === stored.start && end === stored.end && exact === stored.exact && prefix === stored.prefix && suffix === stored.suffix) return stored;
  return { ...stored, start, end, exact, prefix, suffix };
}

/**
 * `placedAt` for each of `live` (one with no place, an orphan, kept as it is), a few
 * hundred between yields, so that a caller can run it in slices (see runSliced).
 */
export function* placedAllSteps(text: TextLike, map: CodePointMap, live: readonly { stored: StoredAnnotation; start: number; end: number; orphan?: string }[]): Generator<void, StoredAnnotation[]> {
  const out = new Array<StoredAnnotation>(live.length);
  for (let i = 0; i < live.length; i++) {
    const a = live[i]!;
    out[i] = a.orphan ? a.stored : placedAt(text, map, a.stored, a.start, a.end);
    if ((i & 255) === 255) yield;
  }
  return out;
}

/**
 * Up to CONTEXT code points before and after a UTF-16 range, a surrogate pair counting
 * as one. Counted in place: a save of 10,000 annotations works out every one's context
 * on the extension host, and splitting each side into an array of code points took
 * ~30 ms of it.
 */
export function contextAround(text: TextLike, start16: number, end16: number): { prefix: string; suffix: string } {
  let from = start16;
  for (let n = 0; n < CONTEXT && from > 0; n++) from -= isLow(text.charCodeAt(from - 1)) && isHigh(text.charCodeAt(from - 2)) ? 2 : 1;
  let to = end16;
  for (let n = 0; n < CONTEXT && to < text.length; n++) to += isHigh(text.charCodeAt(to)) && isLow(text.charCodeAt(to + 1)) ? 2 : 1;
  return { prefix: text.slice(from, start16), suffix: text.slice(end16, to) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

let counter = 0;

/** A short id, unique within a sidecar in practice (time, a counter and randomness). */
export function newId(): string {
  counter = (counter + 1) % 1296;
  const time = Date.now().toString(36).slice(-5);
  const rand = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  return `a${time}${counter.toString(36).padStart(2, '0')}${rand}`;
}

import type { Mention, Quote } from './types';

/*
 * Moving every mention after an edit touches hundreds of thousands of objects in a large
 * text. Each kind has its own loop, so that V8 sees one shape of object at each property
 * access: a helper shared by mentions, quotes and spans reads them several times slower.
 */

/** Moves mentions [from, to) by `delta`. */
export function shiftMentions(mentions: Mention[], from: number, to: number, delta: number): void {
  for (let i = from; i < to; i++) {
    const m = mentions[i]!;
    m.start += delta;
    m.end += delta;
  }
}

/** Moves quotes [from, to) by `delta`. */
export function shiftQuotes(quotes: Quote[], from: number, to: number, delta: number): void {
  for (let i = from; i < to; i++) {
    const q = quotes[i]!;
    q.start += delta;
    q.end += delta;
  }
}

/** Copies of mentions moved by `delta`, for passes that run on a stretch of the text. */
export function movedCopies(mentions: Mention[], delta: number): Mention[] {
  if (delta === 0) return mentions;
  return mentions.map((m) => ({ ...m, start: m.start + delta, end: m.end + delta }));
}

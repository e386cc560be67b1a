import { CodePointMap } from '../text/offsets';
import type { StoredAnnotation } from './model';

/** Where an annotation is in the current text (UTF-16), or why it could not be placed. */
export type Anchor =
  | { status: 'exact' | 'moved'; start: number; end: number }
  | { status: 'orphan'; reason: string };

/**
 * Finds a stored annotation in the text: first at its stored position, checked against
 * its quote; then the occurrence of the quote whose context (prefix, suffix) agrees best,
 * nearer the old position on a tie. Two equally good places, or none, make an orphan:
 * an annotation is never put on text that differs from its quote.
 */
export function anchor(text: string, map: CodePointMap, a: StoredAnnotation): Anchor {
  const start = map.toUtf16(a.start);
  const end = map.toUtf16(a.end);
  if (end <= text.length && text.slice(start, end) === a.exact) return { status: 'exact', start, end };
  if (a.exact.length === 0) return { status: 'orphan', reason: 'empty quote' };
  const found: { start: number; score: number; distance: number }[] = [];
  for (let i = text.indexOf(a.exact); i >= 0; i = text.indexOf(a.exact, i + 1)) {
    const score = commonSuffix(text.slice(Math.max(0, i - a.prefix.length), i), a.prefix) + commonPrefix(text.slice(i + a.exact.length, i + a.exact.length + a.suffix.length), a.suffix);
    found.push({ start: i, score, distance: Math.abs(i - start) });
    if (found.length > 10_000) break;
  }
  if (found.length === 0) return { status: 'orphan', reason: `“${a.exact}” is no longer in the text` };
  if (found.length === 1) return { status: 'moved', start: found[0]!.start, end: found[0]!.start + a.exact.length };
  // Several places: the context must single one out clearly, or it is a guess.
  found.sort((x, y) => y.score - x.score || x.distance - y.distance);
  const [best, second] = [found[0]!, found[1]!];
  if (best.score - second.score < CLEAR_MARGIN) return { status: 'orphan', reason: `“${a.exact}” appears in several places that fit about equally well` };
  return { status: 'moved', start: best.start, end: best.start + a.exact.length };
}

/** How many more characters of context the best place must share than the next. */
const CLEAR_MARGIN = 4;

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

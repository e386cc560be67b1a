import search from 'approx-string-match';
import { CodePointMap } from '../text/offsets';
import type { TextLike } from '../text/pieceText';
import { CONTEXT } from './selector';
import type { StoredAnnotation } from './model';

/** Where an annotation is in the current text (UTF-16), or why it could not be placed. */
export type Anchor =
  | { status: 'exact' | 'moved'; start: number; end: number }
  /** Found with a few edits (a typo fixed in a name): the text there differs from `exact`. */
  | { status: 'fuzzy'; start: number; end: number; errors: number }
  | { status: 'orphan'; reason: string };

/**
 * Finds a stored annotation in the text: first at its stored position, checked against
 * its quote; then the occurrence of the quote whose context (prefix, suffix) agrees best,
 * nearer the old position on a tie. Two equally good places, or none, make an orphan:
 * an annotation is never put on text that differs from its quote.
 */
export function anchor(text: string, map: CodePointMap, a: StoredAnnotation, seen?: Map<string, number[]>): Anchor {
  const start = map.toUtf16(a.start);
  const end = map.toUtf16(a.end);
  if (fitsInPlace(text, a, start, end)) return { status: 'exact', start, end };
  if (a.exact.length === 0) return { status: 'orphan', reason: 'empty quote' };
  // Every occurrence is a candidate, scored by the context it shares. Scoring one takes two
  // edit distances unless its context is intact; a bound from character counts lets most
  // of the others go unscored, as none of them can be best or second best (a common name
  // in a long text has thousands of occurrences).
  const places = occurrences(text, a.exact, seen);
  if (places.length === 0) return fuzzy(text, a, start);
  let best: Candidate | undefined;
  let second = -Infinity;
  const consider = (at: number, before: number, after: number, distance: number) => {
    // Nearness to the old place counts like a few characters of context, no more.
    const c: Candidate = { start: at, score: before + after - nearness(distance), distance, before, after };
    if (!best || c.score > best.score || (c.score === best.score && (c.distance < best.distance || (c.distance === best.distance && c.start < best.start)))) {
      if (best) second = best.score;
      best = c;
    } else if (c.score > second) second = c.score;
  };
  const later: { at: number; distance: number; bound: number }[] = [];
  for (const at of places) {
    const end = at + a.exact.length;
    const distance = Math.abs(at - start);
    const intactBefore = at >= a.prefix.length && text.startsWith(a.prefix, at - a.prefix.length);
    const intactAfter = text.startsWith(a.suffix, end);
    if (intactBefore && intactAfter) consider(at, a.prefix.length, a.suffix.length, distance);
    else {
      const bound = contextBound(text, a, at, end);
      later.push({ at, distance, bound: bound.before + bound.after - nearness(distance) });
    }
  }
  for (const { at, distance, bound } of later) {
    if (bound < second) continue; // the second best only rises: it can be neither
    const { before, after } = contextAgreement(text, a, at, at + a.exact.length);
    consider(at, before, after, distance);
  }
  const found = best!;
  // The quote somewhere else is only the same annotation if its context came along;
  // otherwise perhaps the quote itself was edited where it stands.
  if (found.score < contextNeeded(a) || !contextFits(text, a, found.start, found.start + a.exact.length, found.before, found.after, MOVED_SHARE)) {
    const changed = fuzzy(text, a, start);
    return changed.status !== 'orphan' ? changed : { status: 'orphan', reason: `“${a.exact}” is no longer where it was, and no other occurrence has its context` };
  }
  // Several places: the context must single one out clearly, or it is a guess.
  if (found.score - second < CLEAR_MARGIN) return { status: 'orphan', reason: `“${a.exact}” appears in several places that fit about equally well` };
  return { status: 'moved', start: found.start, end: found.start + a.exact.length };
}

interface Candidate {
  start: number;
  score: number;
  distance: number;
  before: number;
  after: number;
}

/** Where `exact` occurs in `text` (at most 10,001 places), found once per text and quote. */
function occurrences(text: string, exact: string, seen?: Map<string, number[]>): number[] {
  let places = seen?.get(exact);
  if (places) return places;
  places = [];
  for (let i = text.indexOf(exact); i >= 0 && places.length <= 10_000; i = text.indexOf(exact, i + 1)) places.push(i);
  seen?.set(exact, places);
  return places;
}

function nearness(distance: number): number {
  return Math.min(NEARNESS_WEIGHT, distance / 200);
}

/**
 * `anchor` for each of `annotations`, as a sliced task (see runSliced): ten thousand take
 * tens of milliseconds, more when many must be searched for.
 */
export function* anchorAll(text: string, map: CodePointMap, annotations: readonly StoredAnnotation[]): Generator<void, Anchor[]> {
  return yield* anchorAllIn(text, map, annotations, () => text);
}

/**
 * `anchorAll` over a text kept in pieces (a large file's, never joined on the editor's
 * thread): an annotation still in place is known so from the text around it; `flat`, the
 * whole text as one string, is asked for only when one must be searched for.
 */
export function* anchorAllIn(text: TextLike, map: CodePointMap, annotations: readonly StoredAnnotation[], flat: () => string): Generator<void, Anchor[]> {
  const placed: Anchor[] = [];
  const seen = new Map<string, number[]>(); // where each quote occurs: many annotations share one
  let whole: string | undefined;
  for (const a of annotations) {
    const start = map.toUtf16(a.start);
    const end = map.toUtf16(a.end);
    // The stretch the check in place reads, and past it: checked there, it answers as over the whole text.
    const from = Math.max(0, start - AROUND);
    const inPlace = typeof text === 'string' ? fitsInPlace(text, a, start, end) : fitsInPlace(text.slice(from, Math.min(text.length, end + AROUND)), a, start - from, end - from);
    placed.push(inPlace ? { status: 'exact', start, end } : anchor((whole ??= flat()), map, a, seen));
    yield;
  }
  return placed;
}

/**
 * Whether the annotation is still at text[start, end): the same words there, and their
 * context agreeing too (text typed before it can put another "Russia" exactly where the
 * old one was). Reads no further than AROUND from the span.
 */
function fitsInPlace(text: string, a: StoredAnnotation, start: number, end: number): boolean {
  if (end > text.length || text.slice(start, end) !== a.exact) return false;
  const { before, after } = contextAgreement(text, a, start, end);
  return contextFits(text, a, start, end, before, after);
}

/** How many more characters of context the best place must share than the next. */
const CLEAR_MARGIN = 10;
/** At most this many characters' worth of context is outweighed by being far from the old place. */
const NEARNESS_WEIGHT = 8;
/**
 * Whether a candidate keeps some of the context on both sides, and sits as near the
 * start or end of the text as the annotation did when its context was cut short there.
 */
function contextFits(text: string, a: StoredAnnotation, start: number, end: number, before: number, after: number, share = 0.6): boolean {
  // A whole word stays a whole word: "Tokaye" inside a corrected "Tokayev" is not it.
  const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  if (letter(a.exact.at(-1)) && !letter(a.suffix[0]) && letter(text[end])) return false;
  if (letter(a.exact[0]) && !letter(a.prefix.at(-1)) && letter(text[start - 1])) return false;
  if (before < sideNeeded(a.prefix.length, share) || after < sideNeeded(a.suffix.length, share)) return false;
  if (Array.from(a.prefix).length < CONTEXT && Array.from(text.slice(Math.max(0, start - CONTEXT * 2), start)).length !== Array.from(a.prefix).length) return false;
  if (Array.from(a.suffix).length < CONTEXT && Array.from(text.slice(end, end + CONTEXT * 2)).length !== Array.from(a.suffix).length) return false;
  return true;
}

/** Each side must keep most of its context: at least 4 characters, or `share` of it. */
function sideNeeded(length: number, share: number): number {
  return Math.min(length, Math.max(4, Math.ceil(length * share)));
}

/** Elsewhere than its old place, an annotation needs nearly all its context on both sides. */
const MOVED_SHARE = 0.85;

/** How much of its context an annotation must find again to be trusted elsewhere. */
function contextNeeded(a: StoredAnnotation): number {
  return Math.min(8, Math.floor((a.prefix.length + a.suffix.length) / 2));
}

/** At most this share of the quote may differ for an approximate match. */
const MAX_ERROR_RATE = 0.2;
/** A typo fixed, a letter changed: more than this many edits is another text. */
const MAX_ERRORS = 3;
/** Shorter quotes are never matched approximately: too many near-misses in news text. */
const MIN_FUZZY = 8;
/** Approximate search looks this far around the old position in a long text. */
const FUZZY_REACH = 200_000;

/**
 * The quote with a few edits: Myers' bit-parallel approximate matching, each candidate
 * scored on how much of the quote and of its context survives and on nearness to the
 * old place. Short quotes, weak matches and ties are orphans.
 */
function fuzzy(text: string, a: StoredAnnotation, oldStart: number): Anchor {
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(a.exact.length * MAX_ERROR_RATE));
  if (maxErrors < 1 || a.exact.length < MIN_FUZZY) return { status: 'orphan', reason: `“${a.exact}” is no longer in the text` };
  const from = Math.max(0, oldStart - FUZZY_REACH);
  const window = text.slice(from, oldStart + FUZZY_REACH);
  const matches = search(window, a.exact, maxErrors);
  if (matches.length === 0) return { status: 'orphan', reason: `“${a.exact}” is no longer in the text, not even with small changes` };
  const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const candidate = (start: number, end: number, errors: number) => {
    const { before, after } = contextAgreement(text, a, start, end);
    const context = before + after;
    // Quote agreement counts most, then context, then nearness (a tie-breaker only).
    const score = (a.exact.length - errors) * 4 + context - Math.min(1, Math.abs(start - oldStart) / 10_000);
    return { start, end, errors, score, context, fits: contextFits(text, a, start, end, before, after, MOVED_SHARE) };
  };
  type Candidate = ReturnType<typeof candidate>;
  const better = (current: Candidate, start: number, end: number): Candidate => {
    if (start < 0 || end > text.length) return current;
    const errors = levenshtein(a.exact, text.slice(start, end));
    if (errors > maxErrors) return current;
    const other = candidate(start, end, errors);
    return other.score > current.score ? other : current;
  };
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  const scored = matches.map((m) => {
    // A match may swallow a neighbouring space the quote did not have: it is scored without it.
    let foundStart = from + m.start;
    let foundEnd = from + m.end;
    let errors = m.errors;
    while (foundStart < foundEnd && space(text[foundStart]) && !space(a.exact[0])) foundStart++;
    while (foundEnd > foundStart && space(text[foundEnd - 1]) && !space(a.exact.at(-1))) foundEnd--;
    if (foundStart !== from + m.start || foundEnd !== from + m.end) errors = levenshtein(a.exact, text.slice(foundStart, foundEnd));
    let start = foundStart;
    let end = foundEnd;
    // Grow a match cut inside a word to the whole word ("Tokaye" → "Tokayev").
    while (letter(a.exact[0]) && letter(text[start - 1]) && start > 0) start--;
    while (letter(a.exact.at(-1)) && letter(text[end]) && end < text.length) end++;
    if (start !== foundStart || end !== foundEnd) {
      const grown = levenshtein(a.exact, text.slice(start, end));
      const added = foundStart - start + (end - foundEnd);
      // Growing may only complete a word the edit cut ("Tokaye" → "Tokayev", "Octobe" →
      // "Octobeer"): the word then ends as the quote does, or the letters added are extra.
      // Otherwise they belong to a neighbouring word that a deletion ran into this one
      // ("October 7" → "Octo7"), and the match stays as found.
      const endsAsQuote = (start === foundStart || text[start] === a.exact[0]) && (end === foundEnd || text[end - 1] === a.exact.at(-1));
      if (grown <= errors + 1 && (endsAsQuote || grown === errors + added)) errors = grown;
      else {
        start = foundStart;
        end = foundEnd;
      }
    }
    let best = candidate(start, end, errors);
    // Characters typed just inside the quote's first or last letter ("K. yrgyz") leave the
    // match without that letter: take it back in where that scores better.
    for (let k = 1; k <= maxErrors; k++) {
      if (text[start - k] === a.exact[0]) best = better(best, start - k, best.end);
      if (text[end + k - 1] === a.exact.at(-1)) best = better(best, best.start, end + k);
    }
    return best;
  });
  const usable = scored.filter((x) => x.errors <= maxErrors);
  if (usable.length === 0) return { status: 'orphan', reason: `“${a.exact}” is no longer in the text, not even with small changes` };
  usable.sort((x, y) => y.score - x.score);
  const best = usable[0]!;
  const second = usable.find((x) => x.start !== best.start || x.end !== best.end);
  if (second && best.score - second.score < CLEAR_MARGIN) return { status: 'orphan', reason: `“${a.exact}” may be at several changed places; none fits clearly` };
  // With the context gone too, a changed quote is a guess.
  if (best.context < contextNeeded(a) || !best.fits) return { status: 'orphan', reason: `“${a.exact}” and the text around it both changed` };
  // Candidates were scored without a space they swallowed (see above): nothing to trim here.
  return { status: 'fuzzy', start: best.start, end: best.end, errors: best.errors };
}

/**
 * How many characters of the stored prefix and suffix survive around [start, end):
 * their length less the edits needed to turn them into the text there, with the text
 * allowed to have gained words in between ("Contributor | the Getty…").
 */
/** How much more text than its context a side is compared with: room for words typed in between. */
const SLACK = 12;
/** How far around its span the check in place reads, and more: the context (up to 2 × CONTEXT units) with its slack. */
const AROUND = 4 * CONTEXT + 2 * SLACK;

function contextAgreement(text: string, a: StoredAnnotation, start: number, end: number): { before: number; after: number } {
  // Context found as it was (the usual case when a file is opened) costs no edit distance.
  const intactBefore = start >= a.prefix.length && text.startsWith(a.prefix, start - a.prefix.length);
  const intactAfter = text.startsWith(a.suffix, end);
  if (intactBefore && intactAfter) return { before: a.prefix.length, after: a.suffix.length };
  const beforeText = text.slice(Math.max(0, start - a.prefix.length - SLACK), start);
  const afterText = text.slice(end, end + a.suffix.length + SLACK);
  // Each edit costs two: unrelated text then scores nothing, a word typed in between little.
  const before = intactBefore ? a.prefix.length : a.prefix.length - 2 * anchoredDistance(reverse(a.prefix), reverse(beforeText));
  const after = intactAfter ? a.suffix.length : a.suffix.length - 2 * anchoredDistance(a.suffix, afterText);
  return { before: Math.max(0, before), after: Math.max(0, after) };
}

/**
 * At least what `contextAgreement` says, cheaply: a side whose context is not intact needs
 * at least one edit, and at least as many as its characters the text there lacks.
 */
function contextBound(text: string, a: StoredAnnotation, start: number, end: number): { before: number; after: number } {
  const intactBefore = start >= a.prefix.length && text.startsWith(a.prefix, start - a.prefix.length);
  const intactAfter = text.startsWith(a.suffix, end);
  const before = intactBefore ? a.prefix.length : Math.max(0, a.prefix.length - 2 * Math.max(1, missingCharacters(a.prefix, text, Math.max(0, start - a.prefix.length - SLACK), start)));
  const after = intactAfter ? a.suffix.length : Math.max(0, a.suffix.length - 2 * Math.max(1, missingCharacters(a.suffix, text, end, end + a.suffix.length + SLACK)));
  return { before, after };
}

/** How many of `pattern`'s characters text[from, to) lacks, counted with repeats: each costs an edit. */
function missingCharacters(pattern: string, text: string, from: number, to: number): number {
  const counts = CHARACTER_COUNTS;
  for (let i = 0; i < pattern.length; i++) counts[pattern.charCodeAt(i)]!++;
  const last = Math.min(to, text.length);
  for (let i = from; i < last; i++) counts[text.charCodeAt(i)]!--;
  let missing = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (counts[c]! > 0) missing += counts[c]!;
    counts[c] = 0;
  }
  for (let i = from; i < last; i++) counts[text.charCodeAt(i)] = 0;
  return missing;
}

const CHARACTER_COUNTS = new Int32Array(0x10000);

function reverse(s: string): string {
  return s.split('').reverse().join('');
}

/**
 * Edit distance between `pattern` and a prefix of `text` of any length: both start at
 * their first character, and whatever `text` has beyond the alignment is free.
 */
function anchoredDistance(pattern: string, text: string): number {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return 0;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (pc === text.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  let best = Infinity;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j]!);
  return best;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

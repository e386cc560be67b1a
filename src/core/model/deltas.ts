/**
 * Deltas of a recognition: what a recognition session (recognize/session.ts) sends after
 * each edit, and the receiver's side, which keeps a copy equal to the session's. Nothing
 * here recognises: the extension host applies deltas without loading the recogniser.
 */
import { runAtOnce } from '../util/sliced';
import { carryLengthBound } from '../util/sortedByStart';
import { spliceIn } from '../util/spliceIn';
import { unpackMentions, unpackQuotes, type PackedItems } from './packed';
import { shiftMentions, shiftQuotes } from './shift';
import type { Recognition } from './types';

/** Items [at, at + removed) are replaced by `added`; every item after them moves by `shift`. */
export interface ItemsDelta {
  at: number;
  removed: number;
  added: PackedItems;
  shift: number;
}

/** What one edit changed in a recognition, small enough to send on every keystroke. */
export interface RecognitionDelta {
  mentions: ItemsDelta;
  quotes: ItemsDelta;
}

/**
 * The receiver's side: brings a copy up to date with a delta (a sliced task, see
 * runSliced; a delta after an edit that changed everything is as big as the document).
 * Items that stay are moved in place; the arrays are new when items were replaced.
 */
export function* applyDeltaSteps(r: Recognition, d: RecognitionDelta): Generator<void, Recognition> {
  const mentions = yield* applyItems(r.mentions, d.mentions, yield* unpackMentions(d.mentions.added, ''), shiftMentions);
  const quotes = yield* applyItems(r.quotes, d.quotes, yield* unpackQuotes(d.quotes.added, ''), shiftQuotes);
  return { mentions, quotes };
}

export function applyDelta(r: Recognition, d: RecognitionDelta): Recognition {
  return runAtOnce(applyDeltaSteps(r, d));
}

/**
 * `applyDeltaSteps` for each of `deltas`, in order (the deltas of one message: an edit
 * may send several), copying each array once at most rather than once for each delta.
 */
export function* applyDeltasSteps(r: Recognition, deltas: readonly RecognitionDelta[]): Generator<void, Recognition> {
  if (deltas.length === 1) return yield* applyDeltaSteps(r, deltas[0]!);
  let mentions = r.mentions;
  let quotes = r.quotes;
  for (const d of deltas) {
    const added = yield* unpackMentions(d.mentions.added, '');
    if ((yield* moveTail(mentions, d.mentions, shiftMentions)) || added.length > 0) mentions = replaceIn(mentions, mentions === r.mentions ? yield* copySteps(mentions) : mentions, d.mentions, added);
    const addedQuotes = yield* unpackQuotes(d.quotes.added, '');
    if ((yield* moveTail(quotes, d.quotes, shiftQuotes)) || addedQuotes.length > 0) quotes = replaceIn(quotes, quotes === r.quotes ? yield* copySteps(quotes) : quotes, d.quotes, addedQuotes);
    yield; // a splice moves what follows it: one a slice at most
  }
  return { mentions, quotes };
}

export function applyDeltas(r: Recognition, deltas: readonly RecognitionDelta[]): Recognition {
  return runAtOnce(applyDeltasSteps(r, deltas));
}

/** Moves the items past the delta's range; true when it removes any. */
function* moveTail<T>(items: T[], d: ItemsDelta, shift: (items: T[], from: number, to: number, delta: number) => void): Generator<void, boolean> {
  const tailFrom = d.at + d.removed;
  if (d.shift !== 0) {
    for (let i = tailFrom; i < items.length; i += SHIFT_SLICE) {
      shift(items, i, Math.min(items.length, i + SHIFT_SLICE), d.shift);
      if (i + SHIFT_SLICE < items.length) yield;
    }
  }
  return d.removed > 0;
}

/** Replaces the delta's range of `items` (a copy of `from` of the receiver's own, or `from` itself) by `added`, in place. */
function replaceIn<T extends { start: number; end: number }>(from: T[], items: T[], d: ItemsDelta, added: T[]): T[] {
  carryLengthBound(from, items, added);
  if (d.removed === added.length) for (let i = 0; i < added.length; i++) items[d.at + i] = added[i]!;
  else spliceIn(items, d.at, d.removed, added);
  return items;
}

/** Items moved between the slices of a sliced task. */
const SHIFT_SLICE = 0x4000;

function* applyItems<T extends { start: number; end: number }>(
  items: T[],
  d: ItemsDelta,
  added: T[],
  shift: (items: T[], from: number, to: number, delta: number) => void,
): Generator<void, T[]> {
  yield* moveTail(items, d, shift);
  if (d.removed === 0 && added.length === 0) return items;
  const out = new Array<T>(items.length - d.removed + added.length);
  yield* copyInto(out, 0, items, 0, d.at);
  for (let k = 0; k < added.length; k++) out[d.at + k] = added[k]!;
  yield* copyInto(out, d.at + added.length, items, d.at + d.removed, items.length);
  carryLengthBound(items, out, added);
  return out;
}

/**
 * Copies items[from, to) into `out` from `at` on, a slice at a time (`out` made with its
 * length, never grown): a copy of 650,000 mentions at once held the host 10–25 ms.
 */
function* copyInto<T>(out: T[], at: number, items: readonly T[], from: number, to: number): Generator<void> {
  for (let i = from; i < to; ) {
    const end = Math.min(to, i + COPY_SLICE);
    for (; i < end; i++) out[at + i - from] = items[i]!;
    if (i < to) yield;
  }
}

function* copySteps<T>(items: readonly T[]): Generator<void, T[]> {
  const out = new Array<T>(items.length);
  yield* copyInto(out, 0, items, 0, items.length);
  return out;
}

/** Items copied between the slices of a sliced task. */
const COPY_SLICE = 0x10000;

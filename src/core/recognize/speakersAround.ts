import type { Mention, Quote } from '../model/types';
import { movedCopies } from '../model/shift';
import { firstStartingAt } from '../util/sortedByStart';
import { moveQuotes, type QuoteSpan } from './quotes';
import { HEADLINE_REACH, SPEAKER_REACH, speakerAttributor } from './speakers';
import type { OfficesOf } from './leaderOffices';
import type { SexOf } from './personSex';

/**
 * Speakers attributed again after an edit, around what it changed rather than over the
 * whole text: an attribution reads only so far (see SPEAKER_REACH, HEADLINE_REACH), bar
 * a quote that continues the one before, which is followed while answers change.
 */

/** What attribution after an edit reads and changes: the text (kept in pieces), the quotes with their spans, and the mentions, all as they are after the edit. */
export interface Attributed {
  readonly doc: { slice(from: number, to: number): string };
  readonly spans: QuoteSpan[];
  readonly quotes: Quote[];
  readonly mentions: Mention[];
  /** The offices each leader mention holds or held (see leaderOffices.ts). */
  readonly offices: OfficesOf;
  /** The text is hard-wrapped (see speakerAttributor). */
  readonly wrapped: boolean;
  /** A known person's sex (see personSex.ts). */
  readonly sexOf: SexOf;
}

/**
 * Speakers attributed again around each stretch of text, those near one another taken
 * together; returns the quotes [from, to) from the first whose speaker changed to the
 * last, `fresh` ones (new since the edit) included.
 */
export function attributeAroundAll(s: Attributed, stretches: readonly { start: number; end: number }[], fresh: readonly [number, number]): [number, number] {
  const sorted = [...stretches].sort((a, b) => a.start - b.start);
  let quotesFrom = fresh[0];
  let quotesTo = fresh[1];
  for (let i = 0; i < sorted.length; ) {
    let end = sorted[i]!.end;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start - end < NEAR) end = Math.max(end, sorted[j++]!.end);
    const attributed = attributeAround(s, sorted[i]!.start, end, fresh);
    if (attributed) {
      quotesFrom = Math.min(quotesFrom, attributed[0]);
      quotesTo = Math.max(quotesTo, attributed[1]);
    }
    i = j;
  }
  return [quotesFrom, quotesTo];
}

/** Stretches of text closer than this are attributed again together. */
const NEAR = 50_000;

/**
 * Speakers after an edit of [from, to): attributions reach HEADLINE_REACH forward and
 * SPEAKER_REACH back, so only the quotes around need the attributor, given the
 * mentions around them and a copy of the stretch of text it reads. Past those, a quote may
 * still continue its predecessor: the next quotes are attributed again, each with
 * the mentions around it, while answers change. Returns the quotes [from, to) from the
 * first whose speaker changed to the last, if any did, not counting quotes `fresh`
 * (new since the edit: the caller counts them as changed).
 */
export function attributeAround(s: Attributed, from: number, to: number, fresh: readonly [number, number] = [0, 0]): [number, number] | undefined {
  const { spans, quotes } = s;
  // Who the quotes attributed again were said by before, but for `fresh` ones, which
  // count as changed anyway (and may be all the text's).
  const speakers = new Map<number, string | null>();
  const entities = new Map<number, string | null>();
  let seenFrom = quotes.length;
  let seenTo = 0;
  const remember = (a: number, b: number) => {
    for (const [from, to] of [[a, Math.min(b, fresh[0])], [Math.max(a, fresh[1]), b]] as const) {
      for (let k = from; k < to; k++) {
        if (speakers.has(k)) continue;
        speakers.set(k, quotes[k]!.speaker);
        entities.set(k, quotes[k]!.speakerEntity);
      }
    }
    seenFrom = Math.min(seenFrom, a);
    seenTo = Math.max(seenTo, b);
  };
  const same = (k: number) => (k >= fresh[0] && k < fresh[1]) || (quotes[k]!.speaker === speakers.get(k) && quotes[k]!.speakerEntity === entities.get(k));
  // Quotes, spans and paragraphs sit at (offset − moved) while an attributor works on a copy of text from `moved`.
  let moved = 0;
  const attributorFor = (lo: number, hi: number, q0: number, q1: number) => {
    const { base, text } = stretchFor(s, lo, hi, q0, q1, moved);
    moveQuotes(spans, quotes, 0, spans.length, moved - base);
    moved = base;
    const attribute = speakerAttributor(text, movedCopies(s.mentions.slice(firstStartingAt(s.mentions, lo), firstStartingAt(s.mentions, hi)), -base), s.offices, s.wrapped, s.sexOf);
    return (a: number, b: number) => {
      remember(a, b);
      attribute(spans, quotes, a, b);
    };
  };
  try {
    const first = firstStartingAt(quotes, Math.max(0, from - HEADLINE_REACH - 4000));
    const last = firstStartingAt(quotes, to + 4000);
    let lo = (quotes[first]?.start ?? from) - SPEAKER_REACH - 1000;
    let hi = to + HEADLINE_REACH + 8000;
    let attribute = attributorFor(lo, hi, first, last);
    attribute(first, last);
    let k = last;
    let changedFrom = -1;
    for (; k < quotes.length; k++) {
      const start = quotes[k]!.start + moved;
      const end = quotes[k]!.end + moved;
      if (end + SPEAKER_REACH > hi) {
        lo = start - SPEAKER_REACH - 1000;
        hi = end + HEADLINE_REACH + 8000;
        attribute = attributorFor(lo, hi, k, k + 1);
      }
      const before = quotes[k]!.speaker;
      attribute(k, k + 1);
      if (quotes[k]!.speaker !== before && changedFrom < 0) changedFrom = k;
      if (quotes[k]!.speaker === before && spans[k]!.depth === 0) break;
    }
    const end = Math.min(k + 1, quotes.length);
    if (changedFrom >= 0) {
      // A headline quote before may repeat a quote whose speaker changed: attribute those again.
      const again = Math.min(first, firstStartingAt(quotes, quotes[changedFrom]!.start - HEADLINE_REACH));
      attribute = attributorFor(quotes[again]!.start + moved - SPEAKER_REACH - 1000, quotes[end - 1]!.end + moved + HEADLINE_REACH + 8000, again, end);
      attribute(again, end);
    }
  } finally {
    moveQuotes(spans, quotes, 0, spans.length, moved);
  }
  let lo = seenFrom;
  let hi = seenTo;
  while (lo < hi && same(lo)) lo++;
  while (hi > lo && same(hi - 1)) hi--;
  return lo < hi ? [lo, hi] : undefined;
}

/**
 * The stretch of text an attributor over the mentions in [lo, hi) reads for quotes
 * [q0, q1): around each mention, each quote's paragraph and the one before, the quote
 * a quote may continue, and the later quotes a headline may repeat. The quotes sit
 * `shift` before their offsets (see attributeAround).
 */
function stretchFor(s: Attributed, lo: number, hi: number, q0: number, q1: number, shift: number): { base: number; text: string } {
  const { spans, quotes } = s;
  let textFrom = lo - 1000;
  let textTo = hi + 1000;
  for (let k = q0 - 1; k >= 0; k--) {
    if (spans[k]!.depth === 0 && quotes[k]!.kind === 'speech') {
      textFrom = Math.min(textFrom, quotes[k]!.end + shift);
      break;
    }
  }
  let headlineTo = 0;
  for (let k = q0; k < q1; k++) {
    textFrom = Math.min(textFrom, spans[k]!.paragraph.start + shift - 400);
    textTo = Math.max(textTo, spans[k]!.paragraph.end + shift + 400);
    headlineTo = Math.max(headlineTo, quotes[k]!.end + shift + HEADLINE_REACH);
  }
  for (let k = q1; k < quotes.length && quotes[k]!.start + shift < headlineTo; k++) textTo = Math.max(textTo, quotes[k]!.end + shift + 400);
  textFrom = Math.max(0, textFrom);
  return { base: textFrom, text: s.doc.slice(textFrom, textTo) };
}

/**
 * Speakers again after people were renamed elsewhere: the mentions at `renamed` (text
 * positions, ascending) stand where they stood, as the same types, but go by other names
 * than `oldNames`. Attribution picks a mention by where it stands, its type and the
 * text, so a quote's answer can change only where it named one of those mentions (its
 * speaker is one of `oldNames`, or it took that speaker from a quote that was), where a
 * renamed mention stands between it and the quote it may continue (rule 5 compares
 * names), or right after a quote whose speaker changed. Those quotes are attributed
 * again over `text`, in order, and headline quotes that took a speaker from a later
 * quote once more after all of them. Returns the quotes [from, to) whose speaker changed
 * (undefined if none) — or false, every speaker left as it was, when one changed that
 * did not go by one of `oldNames`: the caller then attributes around the renamed
 * mentions as after any other change.
 */
export function attributeRenamed(s: Attributed, text: string, renamed: readonly number[], oldNames: ReadonlySet<string>): [number, number] | undefined | false {
  const { spans, quotes } = s;
  const n = quotes.length;
  const todo = new Uint8Array(n);
  for (let k = 0; k < n; k++) if (quotes[k]!.speaker !== null && oldNames.has(quotes[k]!.speaker!)) todo[k] = 1;
  // The quote each renamed mention stands before, up to the next one that may continue a statement.
  for (const at of renamed) markUpToNextStatement(spans, quotes, todo, firstStartingAt(quotes, at));
  const attribute = speakerAttributor(text, s.mentions, s.offices, s.wrapped, s.sexOf);
  /** Each quote attributed again as it was: speaker, entity and whether from a repeat. */
  const was = new Map<number, [string | null, string | null, boolean]>();
  let from = n;
  let to = 0;
  const again = (k: number): void => {
    if (!was.has(k)) was.set(k, [quotes[k]!.speaker, quotes[k]!.speakerEntity, spans[k]!.byRepeat]);
    const speaker = quotes[k]!.speaker;
    const entity = quotes[k]!.speakerEntity;
    attribute(spans, quotes, k, k + 1);
    if (quotes[k]!.speaker === speaker && quotes[k]!.speakerEntity === entity) return;
    // The quotes after may take this one's speaker: those nested in it, and the next statement.
    if (spans[k]!.depth === 0) markUpToNextStatement(spans, quotes, todo, k + 1);
  };
  for (let k = 0; k < n; k++) if (todo[k]) again(k);
  // A headline quote took its speaker from a later quote, which may have changed since.
  for (let k = 0; k < n; k++) if (todo[k] && spans[k]!.byRepeat) again(k);
  for (const [k, [speaker, entity]] of was) {
    if (quotes[k]!.speaker === speaker && quotes[k]!.speakerEntity === entity) continue;
    if (speaker === null || !oldNames.has(speaker)) {
      // Left as they were, for the caller's attribution to tell what changed.
      for (const [j, [speaker, entity, byRepeat]] of was) {
        quotes[j]!.speaker = speaker;
        quotes[j]!.speakerEntity = entity;
        spans[j]!.byRepeat = byRepeat;
      }
      return false;
    }
    from = Math.min(from, k);
    to = Math.max(to, k + 1);
  }
  return from < to ? [from, to] : undefined;
}

/** Marks quotes from `k` on: those nested in one before, then up to the next outermost speech quote. */
function markUpToNextStatement(spans: readonly QuoteSpan[], quotes: readonly Quote[], todo: Uint8Array, k: number): void {
  for (; k < quotes.length; k++) {
    todo[k] = 1;
    if (spans[k]!.depth === 0 && quotes[k]!.kind === 'speech') return;
  }
}

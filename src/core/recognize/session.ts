import type { KnowledgeBase } from '../kb/knowledgeBase';
import { packMentions, packQuotes, packRecognition, unpackMentions, unpackQuotes, type PackedItems, type PackedRecognition } from '../model/packed';
import type { Mention, Quote, Recognition } from '../model/types';
import { runAtOnce } from '../util/sliced';
import { IncrementalRecognizer, type TextChange } from './incremental';

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
 * A document recognised away from the editor (in a worker): edits come in, and what
 * they changed goes out as deltas, so a 10 MB document costs the receiver only the few
 * items near each edit. The receiver holds a copy built from `full()` and kept equal
 * to this one by `applyDelta`.
 */
export class RecognitionSession {
  private readonly recognizer: IncrementalRecognizer;
  /** What the receiver holds: the very objects (the recognizer moves them in place) and each quote's speaker then. */
  private sent: Mention[] = [];
  private sentQuotes: Quote[] = [];
  private sentSpeakers: string[] = [];

  constructor(kb: KnowledgeBase, text: string) {
    this.recognizer = new IncrementalRecognizer(kb, text);
    this.remember();
  }

  get result(): Recognition {
    return this.recognizer.result;
  }

  get stats(): { incremental: number; full: number } {
    return this.recognizer.stats;
  }

  /** Everything, with the texts (the receiver need not hold the document). */
  full(): PackedRecognition {
    return packRecognition(this.recognizer.result, true);
  }

  /** Applies one edit and says what changed. */
  edit(change: TextChange): RecognitionDelta {
    const r = this.recognizer.update([change]);
    const shift = change.text.length - change.rangeLength;
    const at = change.rangeOffset;
    const mentions = itemsDelta(this.sent, r.mentions, at, shift, () => true, (items) => packMentions(items, true));
    const speakers = this.sentSpeakers;
    const quotes = itemsDelta(this.sentQuotes, r.quotes, at, shift, (q, i) => speakerOf(q) === speakers[i], (items) => packQuotes(items, true));
    this.remember();
    return { mentions, quotes };
  }

  private remember(): void {
    const r = this.recognizer.result;
    this.sent = r.mentions.slice();
    this.sentQuotes = r.quotes.slice();
    this.sentSpeakers = r.quotes.map(speakerOf);
  }
}

/** Attribution changes a quote's speaker in place, so it is compared by value. */
function speakerOf(q: Quote): string {
  return `${q.speaker}\u0000${q.speakerEntity}`;
}

/**
 * The recognizer keeps untouched items as the same objects: those before the edit as
 * they were, those after it moved by the edit's length. So what the receiver must
 * replace is what lies between the longest run of same objects at each end.
 */
function itemsDelta<T extends { start: number }>(before: T[], after: T[], at: number, shift: number, unchanged: (item: T, index: number) => boolean, pack: (items: T[]) => PackedItems): ItemsDelta {
  const most = Math.min(before.length, after.length);
  let head = 0;
  while (head < most && after[head] === before[head] && before[head]!.start < at && unchanged(before[head]!, head)) head++;
  let tail = 0;
  while (tail < most - head && after[after.length - 1 - tail] === before[before.length - 1 - tail] && unchanged(before[before.length - 1 - tail]!, before.length - 1 - tail)) tail++;
  return { at: head, removed: before.length - head - tail, added: pack(after.slice(head, after.length - tail)), shift };
}

/**
 * The receiver's side: brings a copy up to date with a delta (a sliced task, see
 * runSliced; a delta after an edit that changed everything is as big as the document).
 * Items that stay are moved in place; the arrays are new when items were replaced.
 */
export function* applyDeltaSteps(r: Recognition, d: RecognitionDelta): Generator<void, Recognition> {
  const mentions = yield* applyItems(r.mentions, d.mentions, yield* unpackMentions(d.mentions.added, ''));
  const quotes = yield* applyItems(r.quotes, d.quotes, yield* unpackQuotes(d.quotes.added, ''));
  return { mentions, quotes };
}

export function applyDelta(r: Recognition, d: RecognitionDelta): Recognition {
  return runAtOnce(applyDeltaSteps(r, d));
}

function* applyItems<T extends { start: number; end: number }>(items: T[], d: ItemsDelta, added: T[]): Generator<void, T[]> {
  const tailFrom = d.at + d.removed;
  if (d.shift !== 0) {
    for (let i = tailFrom; i < items.length; i++) {
      if ((i & 0x3fff) === 0) yield;
      const x = items[i]!;
      x.start += d.shift;
      x.end += d.shift;
    }
  }
  if (d.removed === 0 && added.length === 0) return items;
  return items.slice(0, d.at).concat(added, items.slice(tailFrom));
}

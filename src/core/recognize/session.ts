import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { ItemsDelta, RecognitionDelta } from '../model/deltas';
import { packMentions, packQuotes, packRecognition, type PackedRecognition } from '../model/packed';
import type { Recognition } from '../model/types';
import { IncrementalRecognizer, type TextChange } from './incremental';

export { applyDelta, applyDeltas, applyDeltaSteps, applyDeltasSteps, type ItemsDelta, type RecognitionDelta } from '../model/deltas';

/**
 * A document recognised away from the editor (in a worker): edits come in, and what
 * they changed goes out as deltas, so a 10 MB document costs the receiver only the few
 * items near each edit. The receiver holds a copy built from `full()` and kept equal
 * to this one by `applyDelta`.
 */
export class RecognitionSession {
  private readonly recognizer: IncrementalRecognizer;

  /** `sizes`: the recognizer's stretch around an edit and piece size (see IncrementalRecognizer; smaller in tests). */
  constructor(kb: KnowledgeBase, text: string, sizes: { window?: number; pieceSize?: number } = {}) {
    this.recognizer = new IncrementalRecognizer(kb, text, sizes.window, sizes.pieceSize);
  }

  get result(): Recognition {
    return this.recognizer.result;
  }

  get stats(): IncrementalRecognizer['stats'] {
    return this.recognizer.stats;
  }

  /** What the first edits would work out otherwise, a step at a time, for a caller with time to spare (see IncrementalRecognizer.prepareSteps). */
  prepareSteps(): Generator<void> {
    return this.recognizer.prepareSteps();
  }

  /** Everything, with the texts (the receiver need not hold the document). */
  full(): PackedRecognition {
    return packRecognition(this.recognizer.result, true);
  }

  /**
   * Applies one edit and says what changed, as deltas to apply in order: the ranges the
   * recognizer replaced (after a full pass, the stretch that differs).
   */
  edit(change: TextChange): RecognitionDelta[] {
    return this.editAll([change]);
  }

  /**
   * Applies edits in order (each against the text the previous one left), deltas for
   * each — one, and one more for each stretch of mentions replaced far from the edit —
   * except that an edit needing a full pass takes the rest with it, in one pass and one
   * delta: how a worker catches up with typing that came in while it was busy.
   */
  editAll(changes: readonly TextChange[]): RecognitionDelta[] {
    const deltas: RecognitionDelta[] = [];
    for (let i = 0; i < changes.length; ) {
      const applied = this.recognizer.applyFirst(changes.slice(i));
      let shift = 0;
      for (const change of changes.slice(i, i + applied)) shift += change.text.length - change.rangeLength;
      i += applied;
      const r = this.recognizer.result;
      const c = this.recognizer.lastChange;
      if (c === 'all') throw new Error('unreachable: applyFirst says what changed');
      const mentions = (m: { at: number; removed: number; added: number }, by: number): ItemsDelta => ({ at: m.at, removed: m.removed, added: packMentions(r.mentions.slice(m.at, m.at + m.added), true), shift: by });
      // Stretches before the edit's first, in order (none moves what follows it), then the
      // edit's with the quotes (each moves what follows it), then those after, already moved.
      // (Each delta its own empty quotes: a worker moves every packed array it posts.)
      const still = (): ItemsDelta => ({ at: 0, removed: 0, added: packQuotes([], true), shift: 0 });
      for (const m of c.elsewhere?.before ?? []) deltas.push({ mentions: mentions(m, 0), quotes: still() });
      deltas.push({
        mentions: mentions(c.mentions, shift),
        quotes: { at: c.quotes.at, removed: c.quotes.removed, added: packQuotes(r.quotes.slice(c.quotes.at, c.quotes.at + c.quotes.added), true), shift },
      });
      for (const m of c.elsewhere?.after ?? []) deltas.push({ mentions: mentions(m, 0), quotes: still() });
    }
    return deltas;
  }
}

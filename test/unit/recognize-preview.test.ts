import { strict as assert } from 'node:assert';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { previewStretch, recognizePreview, recognizePreviewOf } from '../../src/core/recognize/preview';
import { corpusFiles, corpusText } from './corpus';

const kb = KnowledgeBase.builtin();

describe('preview of a large text', () => {
  it('from the stretch a host sends equals the preview from the whole text', () => {
    const text = corpusFiles()
      .map((f) => corpusText(f.slice(0, 3)))
      .join('\n\n')
      .repeat(12);
    for (const around of [0, 50_000, Math.floor(text.length / 2), text.length - 10]) {
      const { from, to } = previewStretch(around, text.length);
      const stretch = recognizePreviewOf(text.slice(from, to), from, kb, around);
      assert.ok(stretch.mentions.length > 0);
      assert.deepEqual(stretch, recognizePreview(text, kb, around), `around ${around}`);
    }
  });

  it('of a file of one long line covers the reach, not the whole file, and the stretch agrees', () => {
    const news = corpusFiles()
      .map((f) => corpusText(f.slice(0, 3)))
      .join('\n\n');
    const oneLine = news.replace(/\n/g, ' ').repeat(20);
    // Breaks far apart, some just inside the room past the reach and some just beyond it.
    const sparse = oneLine.slice(0, 200_000) + '\n\n' + oneLine.slice(0, 68_000) + '\n\n' + oneLine.slice(0, 400_000);
    for (const text of [oneLine, sparse]) {
      for (const around of [0, 10_000, 130_000, 266_000, 268_000, Math.floor(text.length / 2), text.length - 10]) {
        const { from, to } = previewStretch(around, text.length);
        const whole = recognizePreview(text, kb, around);
        assert.deepEqual(recognizePreviewOf(text.slice(from, to), from, kb, around), whole, `around ${around}`);
        assert.ok(whole.mentions.length > 0);
        for (const m of whole.mentions) assert.ok(m.start >= from && m.end <= to, `a mention at ${m.start} outside ${from}–${to}`);
      }
    }
  });
});

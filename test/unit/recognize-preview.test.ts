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
});

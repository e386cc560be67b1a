import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { packQuotes, unpackQuotes } from '../../src/core/model/packed';
import type { Quote } from '../../src/core/model/types';
import { charKind, LETTER } from '../../src/core/recognize/paragraphs';
import { WordStarts } from '../../src/core/recognize/wordStarts';
import { runAtOnce } from '../../src/core/util/sliced';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { recognize } from '../../src/core/recognize/index';
import { makeAnnotation } from '../../src/core/sidecar/index';
import { anchorAll } from '../../src/core/sidecar/anchor';
import { CodePointMap } from '../../src/core/text/offsets';
import { corpusText } from './corpus';

/** The helpers that keep long lines and paragraphs linear, against plain restatements of what they answer. */
describe('helpers for long stretches', () => {
  it('places 2,000 annotations of a long text again after a line was added at its top, in seconds, not minutes', function () {
    this.timeout(60_000);
    // Each moved annotation scores every occurrence of its quote: two edit distances each
    // took 13 s here (the same article four times over: every name occurs dozens of times).
    let text = '';
    while (text.length < 100_000) text += corpusText('002') + '\n\n';
    const map = new CodePointMap(text);
    const annotations = recognize(text, KnowledgeBase.builtin())
      .mentions.slice(0, 2_000)
      .map((m, i) => makeAnnotation(text, map, m.start, m.end, { kind: m.type, status: 'accepted', id: `m${i}` }));
    const edited = 'A line added at the top.\n' + text;
    const t = performance.now();
    const placed = runAtOnce(anchorAll(edited, new CodePointMap(edited), annotations));
    const ms = performance.now() - t;
    assert.equal(placed.length, 2_000);
    // The four copies are alike: no place fits clearly better than the same words a copy later.
    assert.ok(placed.every((p) => p.status === 'orphan'));
    assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
  });

  it('packs quotes that overlap, nest and touch with their texts, each stretch of text sent once', () => {
    const spans = fc.array(fc.tuple(fc.nat({ max: 300 }), fc.nat({ max: 120 })), { maxLength: 40 });
    fc.assert(
      fc.property(fc.string({ minLength: 420, maxLength: 420 }), spans, fc.boolean(), (text, raw, sorted) => {
        const quotes: Quote[] = raw.map(([start, length]) => ({ start, end: start + length, text: text.slice(start, start + length), kind: 'speech', speaker: null, speakerEntity: null }));
        if (sorted) quotes.sort((a, b) => a.start - b.start);
        const packed = packQuotes(quotes, true);
        assert.deepEqual(runAtOnce(unpackQuotes(packed, '')), quotes);
        // Sorted by start, as recognition gives them, no character is sent twice.
        if (sorted) {
          const covered = new Set<number>();
          for (const q of quotes) for (let i = q.start; i < q.end; i++) covered.add(i);
          assert.equal(packed.joined!.length, covered.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds where a word of a small set starts, as a character-by-character reading does', () => {
    const words = ['he', 'she', 'they', 'He', 'the', 'The'];
    const piece = fc.constantFrom(...words, ' ', '\u00a0', 'x', 'é', '.', '“', '\n', 'theme ', 'ashes ', 'hey ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3000 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const starts = new WordStarts(text, words);
        const from = text.length ? a % text.length : 0;
        const to = from + (text.length ? b % (text.length - from + 1) : 0);
        const seen: number[] = [];
        starts.firstIn(from, to, (at) => {
          seen.push(at);
          return false;
        });
        const expected: number[] = [];
        for (let at = from + 1; at < to; at++) {
          if (at > 0 && charKind(text.charCodeAt(at - 1)) & LETTER) continue;
          if (words.some((w) => text.startsWith(w, at) && (text[at + w.length] === ' ' || text[at + w.length] === '\u00a0'))) expected.push(at);
        }
        assert.deepEqual(seen, expected);
      }),
      { numRuns: 200 },
    );
  });
});

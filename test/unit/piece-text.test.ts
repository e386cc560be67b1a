import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PieceText } from '../../src/core/text/pieceText';

describe('text in pieces', () => {
  it('reads and edits like one string', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '“', '😀', 'é');
    fc.assert(
      fc.property(
        fc.nat({ max: 200_000 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 70_000 }), insert: fc.array(unit, { maxLength: 40 }).map((u) => u.join('')), big: fc.boolean() }), { maxLength: 12 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 6 }),
        (length, edits, reads) => {
          let text = 'x'.repeat(length);
          const pieces = new PieceText(text);
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            const remove = Math.min(e.remove, text.length - at);
            // Now and then an insertion bigger than a piece.
            const insert = e.big ? e.insert.repeat(3000) : e.insert;
            text = text.slice(0, at) + insert + text.slice(at + remove);
            pieces.edit(at, remove, insert);
            assert.equal(pieces.length, text.length);
            for (const [a, b] of reads) {
              const from = Math.floor(Math.min(a, b) * text.length);
              const to = Math.floor(Math.max(a, b) * text.length);
              assert.equal(pieces.slice(from, to), text.slice(from, to));
            }
          }
          assert.equal(pieces.toString(), text);
        },
      ),
      { numRuns: 60 },
    );
  });
});

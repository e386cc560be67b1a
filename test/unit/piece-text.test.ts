import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { makeAnnotation } from '../../src/core/sidecar/selector';
import { textHash, textHashSteps } from '../../src/core/sidecar/textHash';
import { CodePointMap } from '../../src/core/text/offsets';
import { PieceText } from '../../src/core/text/pieceText';
import { runAtOnce } from '../../src/core/util/sliced';

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

  it('made of pieces read apart, reads, hashes and maps code points like their concatenation, a surrogate pair split between two pieces included', () => {
    const unit = fc.constantFrom('a', ' ', '\n', '“', '😀', '\uD83D', '\uDE00', 'é');
    fc.assert(
      fc.property(fc.array(fc.array(unit, { maxLength: 12 }).map((u) => u.join('')), { maxLength: 8 }), fc.integer({ min: 1, max: 5 }), (parts, chunk) => {
        const text = parts.join('');
        const pieces = PieceText.of(parts);
        assert.equal(pieces.length, text.length);
        for (let i = -1; i <= text.length; i++) assert.ok(Object.is(pieces.charCodeAt(i), text.charCodeAt(i)), `unit ${i}`);
        for (let from = 0; from <= text.length; from++) for (let to = from; to <= text.length; to++) assert.equal(pieces.slice(from, to), text.slice(from, to));
        assert.equal(runAtOnce(textHashSteps(pieces.allPieces)), textHash(text));
        const map = runAtOnce(CodePointMap.steps(pieces.allPieces, chunk));
        const whole = new CodePointMap(text);
        for (let i = 0; i <= text.length; i++) assert.equal(map.toCodePoint(i), whole.toCodePoint(i), `code point of unit ${i}`);
        // Context and offsets of an annotation read from the pieces, as from the string.
        for (let start = 0; start < text.length; start += 3) {
          const end = Math.min(text.length, start + 2);
          assert.deepEqual(makeAnnotation(pieces, map, start, end, { id: 'a', kind: 'place', status: 'accepted' }), makeAnnotation(text, whole, start, end, { id: 'a', kind: 'place', status: 'accepted' }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ends every piece where it is told it may, and says which pieces an edit replaced', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', ',', 'é', '😀');
    const endsPiece = (c: number) => c === 0x0a || c === 0x2c;
    const piecesOf = (t: PieceText) => Array.from({ length: t.pieceCount }, (_, i) => t.piece(i));
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 3000 }).map((u) => u.join('')),
        fc.constantFrom(16, 64, 256),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 300 }), insert: fc.array(unit, { maxLength: 80 }).map((u) => u.join('')) }), { maxLength: 12 }),
        fc.boolean(),
        (start, pieceSize, edits, joinNow) => {
          let text = start;
          const t = new PieceText(text, { pieceSize, endsPiece });
          for (const e of edits) {
            const at = Math.floor(e.at * text.length);
            const remove = Math.min(e.remove, text.length - at);
            if (joinNow) assert.equal(t.toString(), text);
            const before = piecesOf(t);
            const changed = t.edit(at, remove, e.insert);
            text = text.slice(0, at) + e.insert + text.slice(at + remove);
            const after = piecesOf(t);
            assert.equal(after.join(''), text);
            assert.equal(t.pieceStart(t.pieceCount), text.length);
            // Every piece but the last ends after a character it may end after.
            for (const p of after.slice(0, -1)) assert.ok(p.length > 0 && endsPiece(p.charCodeAt(p.length - 1)), JSON.stringify(p.slice(-10)));
            // Outside the pieces replaced, the same pieces.
            assert.deepEqual(after.slice(0, changed.first), before.slice(0, changed.first));
            assert.deepEqual(after.slice(changed.first + changed.added), before.slice(changed.first + changed.removed));
            assert.equal(after.length - changed.added, before.length - changed.removed);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { endsRuns, type Runs, scanRuns } from '../../src/core/recognize/capitalisedRuns';
import { PieceText } from '../../src/core/text/pieceText';

/** Words, particles, initials and marks around which runs of capitalised words start, continue and end. */
const unit = fc.constantFrom('Putin', 'Jean-Pierre', 'O’Neil', 'al-', 'el-', 'Assad', 'van', 'der', 'de', 'NATO', 'iPhone', 'x', '7', ' ', ' ', '\u00a0', '\t', '\n', ',', '.', '-', '’', '×', 'Ölz', 'Ünal', 'Путин', 'é', 'A.', 'Ж.', ' A. ', 'kyzy', ' kyzy', 'uulu', 'oğlu', 'kyzyl');

/** Each run as the words' [start, end) in the whole text. */
function runsAsWords(runs: Runs, base: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < runs.count; r++) {
    const words: number[] = [];
    for (let w = runs.first[r]!; w < runs.first[r + 1]!; w++) words.push(base + runs.start[w]!, base + runs.end[w]!, runs.isParticle(w) ? 1 : 0);
    out.push(words);
  }
  return out;
}

describe('capitalised runs', () => {
  it('hold middle initials as particles, the dot with them, only before a token', () => {
    const text = 'Gen. Mark A. Milley met H. W. Bush and Plan B. Then A. it. Q. al-Assad';
    const words = (r: number, runs: Runs) => {
      const out: string[] = [];
      for (let w = runs.first[r]!; w < runs.first[r + 1]!; w++) out.push(text.slice(runs.start[w], runs.end[w]) + (runs.isParticle(w) ? '*' : ''));
      return out.join(' ');
    };
    const runs = scanRuns(text, 0, text.length);
    const all = Array.from({ length: runs.count }, (_, r) => words(r, runs));
    assert.deepEqual(all, ['Gen', 'Mark A.* Milley', 'H.* W.* Bush', 'Plan B.* Then A', 'Q.* al-Assad']);
  });

  it('end with a patronymic ending, held as a particle, after their last token only', () => {
    const text = 'Makhabat Tazhibek kyzy met Ilham Heydar oğlu, Azamat uulu Bek, Asel kyzyl and Aida kyzy.';
    const runs = scanRuns(text, 0, text.length);
    const all = Array.from({ length: runs.count }, (_, r) => {
      const out: string[] = [];
      for (let w = runs.first[r]!; w < runs.first[r + 1]!; w++) out.push(text.slice(runs.start[w], runs.end[w]) + (runs.isParticle(w) ? '*' : ''));
      return out.join(' ');
    });
    assert.deepEqual(all, ['Makhabat Tazhibek kyzy*', 'Ilham Heydar oğlu*', 'Azamat uulu*', 'Bek', 'Asel', 'Aida kyzy*']);
  });

  it('are the same scanned piece by piece, in pieces cut where no run goes on, or cut out of a scan of the whole', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 400 }).map((u) => u.join('')), fc.constantFrom(4, 16, 64), (text, pieceSize) => {
        const whole = scanRuns(text, 0, text.length);
        const expected = runsAsWords(whole, 0);
        const pieces = new PieceText(text, { pieceSize, endsPiece: endsRuns });
        const scanned: number[][] = [];
        const cut: number[][] = [];
        for (let i = 0; i < pieces.pieceCount; i++) {
          const piece = pieces.piece(i);
          const base = pieces.pieceStart(i);
          scanned.push(...runsAsWords(scanRuns(piece, 0, piece.length), base));
          cut.push(...runsAsWords(whole.within(base, pieces.pieceStart(i + 1)), base));
        }
        assert.deepEqual(scanned, expected);
        assert.deepEqual(cut, expected);
      }),
      { numRuns: 500 },
    );
  });
});

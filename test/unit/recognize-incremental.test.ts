import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { IncrementalRecognizer, type TextChange } from '../../src/core/recognize/incremental';
import { recognize } from '../../src/core/recognize/index';
import { corpusFiles, corpusText } from './corpus';
import { aimAtPerson, personEdit } from './personEdits';

const kb = KnowledgeBase.builtin();

/** Pieces people type into news text: names, cues, quote marks, line breaks. */
const piece = fc.constantFrom(
  'a', ' ', 'e', '.', ',', '\n', '\n\n', '“', '”', '"', '’', '‘', '«', '»',
  'Putin', ' Putin', 'Russia', 'Kazakh ', 'President ', 'Sadyr Japarov', 'Japarov', 'Aliyev', 'Ilham Aliyev',
  ' said', 'said Anna Petrova', ', an analyst,', ' expert Temur Umarov', 'he said', ' “We want respect,” ', ':\n“No.”',
);

const edit = (length: number) =>
  fc.record({
    at: fc.nat({ max: length }),
    remove: fc.nat({ max: 40 }),
    insert: fc.array(piece, { maxLength: 4 }).map((ps) => ps.join('')),
  });

function apply(text: string, e: { at: number; remove: number; insert: string }): { text: string; change: TextChange } {
  const at = Math.min(e.at, text.length);
  const remove = Math.min(e.remove, text.length - at);
  return { text: text.slice(0, at) + e.insert + text.slice(at + remove), change: { rangeOffset: at, rangeLength: remove, text: e.insert } };
}

/** Applies `edits` one by one and checks the text after each, and the result against a full recognition. */
function editedEqualsFull(original: string, edits: { at: number; remove: number; insert: string }[], window?: number): void {
  const inc = new IncrementalRecognizer(kb, original, window);
  let text = original;
  for (const e of edits) {
    const step = apply(text, e);
    text = step.text;
    inc.update([step.change]);
    assert.equal(inc.currentText, text);
  }
  assert.deepEqual(inc.result, recognize(text, kb));
}

describe('incremental recognition', () => {
  for (const article of ['001', '002', '004']) {
    it(`equals a full recognition after random edits (article ${article})`, () => {
      const original = corpusText(article);
      fc.assert(
        fc.property(fc.array(edit(original.length), { minLength: 1, maxLength: 6 }), (edits) => {
          editedEqualsFull(original, edits);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('equals a full recognition when the passes run on a stretch around each edit', () => {
    // A long text and a small stretch: the paragraphs, the names and the speakers are
    // worked out on copies of part of the text, and the whole text only when a paragraph
    // or a chain of quotes reaches past it.
    const articles = corpusFiles().map((f) => corpusText(f.slice(0, 3)));
    const original = Array.from({ length: 8 }, () => articles.join('\n\n')).join('\n\n');
    fc.assert(
      fc.property(fc.array(edit(original.length), { minLength: 1, maxLength: 4 }), fc.constantFrom(2048, 4096, 16_384), (edits, window) => {
        editedEqualsFull(original, edits, window);
      }),
      { numRuns: 12 },
    );
  });

  it('equals a full recognition after edits that introduce, drop and rename people, the text kept in pieces of any size', () => {
    // People may be mentioned anywhere: such an edit finds their mentions again in the
    // runs of capitalised words kept for each piece of the text.
    const original = ['003', '004', '001'].map(corpusText).join('\n\n').repeat(2);
    fc.assert(
      fc.property(fc.array(personEdit, { minLength: 1, maxLength: 6 }), fc.constantFrom(256, 2048, 32 * 1024), fc.constantFrom(2048, 16_384), (edits, pieceSize, window) => {
        const inc = new IncrementalRecognizer(kb, original, window, pieceSize);
        let text = original;
        for (const e of edits) {
          const step = apply(text, aimAtPerson(text, inc.result.mentions, e));
          text = step.text;
          inc.update([step.change]);
        }
        assert.equal(inc.currentText, text);
        assert.deepEqual(inc.result, recognize(text, kb));
      }),
      { numRuns: 30 },
    );
  });

  it('reads, for another quote, only speakers found by the rules, not those taken from a repeat', () => {
    // Found by the property above: a short quote typed 19,900 characters before “We want
    // respect”, whose speaker itself comes from a later repeat. A full pass settles
    // repeats last, so the typed quote must not take that speaker.
    const articles = corpusFiles().map((f) => corpusText(f.slice(0, 3)));
    const original = Array.from({ length: 8 }, () => articles.join('\n\n')).join('\n\n');
    editedEqualsFull(original, [{ at: 35818, remove: 0, insert: ' “We want respect,” ' }], 2048);
  });

  it('attributes a headline quote again when a speaker change runs on past the stretch to the quote it repeats', () => {
    // Naming the speaker of the first of twenty quotes in a row makes them all his (each
    // continues the one before), down to the last, 5,000 characters on, which repeats the
    // headline's words: the headline is his too, as a whole-text pass finds.
    const filler = 'The talks went on through the night in the old hall by the river, and the delegations kept their papers close.';
    const chain = Array.from({ length: 20 }, (_, k) => `“This is statement number ${k}, and it says that the talks must go on for the sake of the region,” ${filler} ${filler.slice(0, 100)}`);
    chain[19] = `“In the end we will never give up our land to anyone, whatever the cost of it,” ${filler.slice(0, 60)}`;
    const text = ['Vladimir Putin arrived in the capital on Monday.', '“We will never give up our land to anyone”', filler, ...chain].join('\n\n');
    const at = text.indexOf(',”', text.indexOf('statement number 0')) + 2;
    const inc = new IncrementalRecognizer(kb, text);
    inc.update([{ rangeOffset: at, rangeLength: 0, text: ' said Vladimir Putin.' }]);
    const full = recognize(text.slice(0, at) + ' said Vladimir Putin.' + text.slice(at), kb);
    assert.equal(full.quotes[0]!.speaker, 'Vladimir Putin', 'the headline takes the speaker of its repeat');
    assert.equal(inc.stats.incremental, 1);
    assert.deepEqual(inc.result, full);
  });

  it('handles most single-character typing without a full pass', () => {
    const text = corpusText('002');
    const inc = new IncrementalRecognizer(kb, text);
    let t = text;
    for (let i = 0; i < 50; i++) {
      const at = Math.floor((t.length * i) / 50);
      inc.update([{ rangeOffset: at, rangeLength: 0, text: 'x' }]);
      t = t.slice(0, at) + 'x' + t.slice(at);
    }
    assert.deepEqual(inc.result, recognize(t, kb));
    assert.ok(inc.stats.incremental >= 35, `only ${inc.stats.incremental} of 50 edits were incremental`);
  });

  it('refuses an edit outside the text', () => {
    const inc = new IncrementalRecognizer(kb, 'Putin');
    assert.throws(() => inc.update([{ rangeOffset: 3, rangeLength: 10, text: '' }]), RangeError);
  });
});

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { mentionCount, packRecognition, unpackRecognition } from '../../src/core/model/packed';
import { recognize } from '../../src/core/recognize/index';
import { applyDelta, RecognitionSession } from '../../src/core/recognize/session';
import { runAtOnce, runSliced } from '../../src/core/util/sliced';
import { corpusText } from './corpus';
import { aimAtPerson, personEdit } from './personEdits';

const kb = KnowledgeBase.builtin();

const piece = fc.constantFrom('a', ' ', '.', '\n', '\n\n', '“', '”', '"', 'Putin', ' Putin', 'Kazakh ', 'President ', 'Sadyr Japarov', 'Aliyev', ' said', 'said Anna Petrova', 'he said', ' “We want respect,” ');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });

describe('packed recognitions and recognition sessions', () => {
  for (const article of ['000', '001', '002', '003', '004']) {
    it(`a packed recognition unpacks to the same objects (article ${article})`, () => {
      const text = corpusText(article);
      const r = recognize(text, kb);
      assert.deepEqual(runAtOnce(unpackRecognition(packRecognition(r), text)), r);
      assert.deepEqual(runAtOnce(unpackRecognition(packRecognition(r, true), '')), r, 'with the texts sent along');
    });
  }

  it('unpacks a slice at a time without changing the result', async () => {
    const text = corpusText('002').repeat(60);
    const r = recognize(text, kb);
    assert.ok(r.mentions.length > 4096, 'enough mentions to need several slices');
    assert.deepEqual(await runSliced(unpackRecognition(packRecognition(r), text), 0), r);
  });

  for (const article of ['001', '002', '004']) {
    it(`a copy kept by deltas equals a full recognition after random edits (article ${article})`, () => {
      const original = corpusText(article);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
          copyKeptByDeltasEqualsFull(original, edits);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('a copy kept by deltas equals a full recognition after random edits in a long text', () => {
    // Long enough that attribution and deltas cover only part of it.
    const original = ['001', '002', '004'].map(corpusText).join('\n\n').repeat(8);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        copyKeptByDeltasEqualsFull(original, edits);
      }),
      { numRuns: 10 },
    );
  });

  it('a copy kept by deltas equals a full recognition after edits that introduce, drop and rename people', () => {
    const original = ['003', '004', '001'].map(corpusText).join('\n\n').repeat(2);
    fc.assert(
      fc.property(fc.array(personEdit, { minLength: 1, maxLength: 6 }), fc.constantFrom(256, 4096), (edits, pieceSize) => {
        const session = new RecognitionSession(kb, original, { pieceSize });
        let copy = runAtOnce(unpackRecognition(session.full(), ''));
        let text = original;
        for (const e of edits) {
          const { at, remove, insert } = aimAtPerson(text, session.result.mentions, e);
          text = text.slice(0, at) + insert + text.slice(at + remove);
          copy = applyDelta(copy, session.edit({ rangeOffset: at, rangeLength: remove, text: insert }));
        }
        assert.deepEqual(copy, recognize(text, kb));
      }),
      { numRuns: 30 },
    );
  });

  it('a copy kept by deltas equals a full recognition after edits taken several at a time, as a busy worker takes them', () => {
    const original = ['001', '002'].map(corpusText).join('\n\n').repeat(3);
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), (batches) => {
        const session = new RecognitionSession(kb, original);
        let copy = runAtOnce(unpackRecognition(session.full(), ''));
        let text = original;
        for (const batch of batches) {
          const changes = batch.map((e) => {
            const at = Math.floor(e.at * text.length);
            const removed = Math.min(e.remove, text.length - at);
            text = text.slice(0, at) + e.insert + text.slice(at + removed);
            return { rangeOffset: at, rangeLength: removed, text: e.insert };
          });
          for (const d of session.editAll(changes)) copy = applyDelta(copy, d);
        }
        assert.deepEqual(copy, recognize(text, kb));
      }),
      { numRuns: 25 },
    );
  });

  it('sends only what is near a one-character edit', () => {
    const text = corpusText('002').repeat(10);
    const session = new RecognitionSession(kb, text);
    const at = text.indexOf('Putin', text.length / 2);
    const d = session.edit({ rangeOffset: at - 1, rangeLength: 0, text: 'x' });
    const total = session.result.mentions.length;
    assert.ok(d.mentions.removed < 20 && mentionCount(d.mentions.added) < 20, `${d.mentions.removed} removed of ${total}`);
    assert.equal(d.mentions.shift, 1);
  });

  it('after an edit that introduces a person, names an entity for the first time or changes the date, finds people or settles names again without a full pass, and sends only the stretch that differs', () => {
    const text = corpusText('001').repeat(10);
    const session = new RecognitionSession(kb, text);
    let copy = runAtOnce(unpackRecognition(session.full(), ''));
    const at = text.indexOf('President Vladimir Putin', text.length / 2) + 'President V'.length;
    let edited = text;
    // "President Vadimir Putin" introduces "Vadimir"; "President Vdimir Putin" another one.
    for (let i = 0; i < 2; i++) {
      const { full, people } = session.stats;
      const d = session.edit({ rangeOffset: at, rangeLength: 1, text: '' });
      edited = edited.slice(0, at) + edited.slice(at + 1);
      assert.deepEqual([session.stats.full, session.stats.people], [full, people + 1], 'people found again, without a full pass');
      assert.ok(d.mentions.removed < 10 && mentionCount(d.mentions.added) < 10, `${d.mentions.removed} mentions replaced of ${session.result.mentions.length}`);
      assert.ok(d.quotes.removed < 10, `${d.quotes.removed} quotes replaced of ${session.result.quotes.length}`);
      copy = applyDelta(copy, d);
      assert.deepEqual(copy, recognize(edited, kb));
    }
    // An entity named for the first time: names are settled again everywhere, still without a full pass.
    {
      const { full, names } = session.stats;
      const where = edited.indexOf('\n', edited.length / 3) + 1;
      const d = session.edit({ rangeOffset: where, rangeLength: 0, text: 'Sadyr Japarov said so. ' });
      edited = edited.slice(0, where) + 'Sadyr Japarov said so. ' + edited.slice(where);
      assert.deepEqual([session.stats.full, session.stats.names], [full, names + 1], 'names settled again, without a full pass');
      // Those of the edited paragraph, not the 440 of the text.
      assert.ok(d.mentions.removed < 30, `${d.mentions.removed} mentions replaced of ${session.result.mentions.length}`);
      copy = applyDelta(copy, d);
      assert.deepEqual(copy, recognize(edited, kb));
    }
    // A date written at the top (the article's date settles some names): names settled again, no full pass either.
    const { full, names } = session.stats;
    const d = session.edit({ rangeOffset: 0, rangeLength: 0, text: 'Dushanbe, 2099-01-01\n\n' });
    edited = 'Dushanbe, 2099-01-01\n\n' + edited;
    assert.deepEqual([session.stats.full, session.stats.names], [full, names + 1], 'the date changed: names settled again');
    assert.ok(d.mentions.removed < 10, `${d.mentions.removed} mentions replaced of ${session.result.mentions.length}`);
    copy = applyDelta(copy, d);
    assert.deepEqual(copy, recognize(edited, kb));
  });
});

/** Edits `original` through a session and checks the receiver's copy against a full recognition. */
function copyKeptByDeltasEqualsFull(original: string, edits: { at: number; remove: number; insert: string }[]): void {
  const session = new RecognitionSession(kb, original);
  let copy = runAtOnce(unpackRecognition(session.full(), '')); // the receiver need not hold the text
  let text = original;
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    const removed = Math.min(e.remove, text.length - at);
    text = text.slice(0, at) + e.insert + text.slice(at + removed);
    copy = applyDelta(copy, session.edit({ rangeOffset: at, rangeLength: removed, text: e.insert }));
  }
  assert.deepEqual(copy, recognize(text, kb));
}

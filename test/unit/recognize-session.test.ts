import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { mentionCount, packRecognition, unpackRecognition } from '../../src/core/model/packed';
import type { Recognition } from '../../src/core/model/types';
import { recognize } from '../../src/core/recognize/index';
import { applyDelta, applyDeltas, applyDeltaSteps, applyDeltasSteps, RecognitionSession, type RecognitionDelta } from '../../src/core/recognize/session';
import { runAtOnce, runSliced } from '../../src/core/util/sliced';
import { firstEndingFrom, knownLengthBound } from '../../src/core/util/sortedByStart';
import { warmUpSteps } from '../../src/core/recognize/warmUp';
import { corpusText } from './corpus';
import { aimAtPerson, personEdit } from './personEdits';

const kb = KnowledgeBase.builtin();

const piece = fc.constantFrom('a', ' ', '.', '\n', '\n\n', '“', '”', '"', 'Putin', ' Putin', 'Kazakh ', 'President ', 'Sadyr Japarov', 'Aliyev', ' said', 'said Anna Petrova', 'he said', ' “We want respect,” ');
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) });

/** The recognition of `text` before its edit (the sessions' own result is the edited one). */
const recognitionOf = (text: string): Recognition => recognize(text, kb);

/** A delta that changes nothing. */
const still = (d: RecognitionDelta): RecognitionDelta => ({ mentions: { at: 0, removed: 0, added: packRecognition({ mentions: [], quotes: [] }).mentions, shift: 0 }, quotes: { ...d.quotes, at: 0, removed: 0, added: packRecognition({ mentions: [], quotes: [] }).quotes, shift: 0 } });

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
          copy = applyDeltas(copy, session.edit({ rangeOffset: at, rangeLength: remove, text: insert }));
        }
        assert.deepEqual(copy, recognize(text, kb));
      }),
      { numRuns: 30 },
    );
  });

  it('after an edit that renames a person mentioned far and wide, sends their mentions, not everything between them', () => {
    // Introduced once at the top, then mentioned after each of 40 copies of an article.
    const text = 'The analyst Zoltan Brankovic spoke first.\n\n' + Array.from({ length: 40 }, () => `${corpusText('002')}\n\nBrankovic agreed with that.`).join('\n\n');
    const session = new RecognitionSession(kb, text);
    let copy = runAtOnce(unpackRecognition(session.full(), ''));
    const at = text.indexOf('Zoltan') + 2;
    let edited = text;
    for (const change of [{ rangeOffset: at, rangeLength: 1, text: '' }, { rangeOffset: at, rangeLength: 0, text: 'l' }]) {
      const ds = session.edit(change);
      edited = edited.slice(0, change.rangeOffset) + change.text + edited.slice(change.rangeOffset + change.rangeLength);
      const d = sent(ds);
      assert.ok(ds.length >= 40 && ds.length <= 42, `${ds.length} deltas`);
      assert.ok(d.sent < 200, `${d.sent} mentions sent of ${session.result.mentions.length}`);
      const before = copy;
      copy = applyDeltas(copy, ds);
      assert.notEqual(copy.mentions, before.mentions, 'a new array when mentions were replaced');
      assert.deepEqual(copy, recognize(edited, kb));
    }
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
          lengthBoundsKept(copy, changes[0]!.rangeOffset);
        }
        assert.deepEqual(copy, recognize(text, kb));
      }),
      { numRuns: 25 },
    );
  });

  it('applies a delta to hundreds of thousands of mentions a slice at a time, the copy of the arrays included', () => {
    // A delta that moves nothing after it (one mention replaced by one as long): all the work is the copy.
    const text = 'Putin met Xi. '.repeat(120_000);
    const session = new RecognitionSession(kb, text);
    const at = text.indexOf('Xi', text.length / 2);
    const deltas = session.edit({ rangeOffset: at, rangeLength: 2, text: 'Li' });
    assert.equal(deltas[0]!.mentions.shift, 0);
    for (const steps of [() => applyDeltaSteps(runAtOnce(unpackRecognition(packRecognition(recognitionOf(text)), '')), deltas[0]!), () => applyDeltasSteps(runAtOnce(unpackRecognition(packRecognition(recognitionOf(text)), '')), [...deltas, ...deltas.map(still)])]) {
      const run = steps();
      let yields = 0;
      let step = run.next();
      for (; !step.done; step = run.next()) yields++;
      assert.ok(yields >= 2, `${yields} slices for 240,000 mentions`);
      assert.deepEqual(step.value.mentions.map((m) => [m.start, m.end, m.entity]), session.result.mentions.map((m) => [m.start, m.end, m.entity]));
    }
  });

  it('sends only what is near a one-character edit', () => {
    const text = corpusText('002').repeat(10);
    const session = new RecognitionSession(kb, text);
    const at = text.indexOf('Putin', text.length / 2);
    const ds = session.edit({ rangeOffset: at - 1, rangeLength: 0, text: 'x' });
    assert.equal(ds.length, 1);
    const d = ds[0]!;
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
      const ds = session.edit({ rangeOffset: at, rangeLength: 1, text: '' });
      edited = edited.slice(0, at) + edited.slice(at + 1);
      assert.deepEqual([session.stats.full, session.stats.people], [full, people + 1], 'people found again, without a full pass');
      const d = sent(ds);
      assert.ok(d.mentions < 10 && d.sent < 10, `${d.mentions} mentions replaced of ${session.result.mentions.length}`);
      assert.ok(d.quotes < 10, `${d.quotes} quotes replaced of ${session.result.quotes.length}`);
      copy = applyDeltas(copy, ds);
      assert.deepEqual(copy, recognize(edited, kb));
    }
    // An entity named for the first time: names are settled again everywhere, still without a full pass.
    {
      const { full, names } = session.stats;
      const where = edited.indexOf('\n', edited.length / 3) + 1;
      const ds = session.edit({ rangeOffset: where, rangeLength: 0, text: 'Sadyr Japarov said so. ' });
      edited = edited.slice(0, where) + 'Sadyr Japarov said so. ' + edited.slice(where);
      assert.deepEqual([session.stats.full, session.stats.names], [full, names + 1], 'names settled again, without a full pass');
      // Those of the edited paragraph, not the 440 of the text.
      assert.ok(sent(ds).mentions < 30, `${sent(ds).mentions} mentions replaced of ${session.result.mentions.length}`);
      copy = applyDeltas(copy, ds);
      assert.deepEqual(copy, recognize(edited, kb));
    }
    // A date written at the top (the article's date settles some names): names settled again, no full pass either.
    const { full, names } = session.stats;
    const ds = session.edit({ rangeOffset: 0, rangeLength: 0, text: 'Dushanbe, 2099-01-01\n\n' });
    edited = 'Dushanbe, 2099-01-01\n\n' + edited;
    assert.deepEqual([session.stats.full, session.stats.names], [full, names + 1], 'the date changed: names settled again');
    assert.ok(sent(ds).mentions < 10, `${sent(ds).mentions} mentions replaced of ${session.result.mentions.length}`);
    copy = applyDeltas(copy, ds);
    assert.deepEqual(copy, recognize(edited, kb));
  });
});

/** How many mentions and quotes `deltas` replace, and how many mentions they send. */
function sent(deltas: readonly RecognitionDelta[]): { mentions: number; sent: number; quotes: number } {
  let mentions = 0;
  let sentCount = 0;
  let quotes = 0;
  for (const d of deltas) {
    mentions += d.mentions.removed;
    sentCount += mentionCount(d.mentions.added);
    quotes += d.quotes.removed;
  }
  return { mentions, sent: sentCount, quotes };
}

describe('getting a worker ready for edits', () => {
  it('the warm-up runs each kind of edit handled in place — in a window, people found again, names settled again, the date, a rename — and never a full pass', () => {
    let steps = 0;
    const run = warmUpSteps(kb, corpusText('001'), 2);
    let next = run.next();
    for (; !next.done; next = run.next()) steps++;
    const stats = next.value;
    // Five spots and a word in the middle of the head, a letter out and back in, two rounds: 24 edits, one step each, after the session's first.
    assert.equal(steps, 25);
    assert.equal(stats.full, 1, 'only the session’s first recognition');
    assert.equal(stats.incremental, 24);
    // The person's name, the name named once, the date and the given name each change the people: 16 of the 20 in the article.
    assert.equal(stats.people, 16);
    // The name named once and the date settle names again: 8.
    assert.equal(stats.names, 8);
    // The given name renames the person the quote after it is said by: its new name put in, each time.
    assert.equal(stats.substituted, 4);
  });

  it('working out ahead what edits would, in steps between edits, changes nothing they find', () => {
    const text = corpusText('002').repeat(8);
    const session = new RecognitionSession(kb, text, { pieceSize: 2048 });
    let copy = runAtOnce(unpackRecognition(session.full(), ''));
    const prepare = session.prepareSteps();
    let current = text;
    for (let i = 0; !prepare.next().done; i++) {
      if (i % 3 !== 0) continue;
      const kinds = ['drop', 'type', 'title', 'said', 'cut'] as const;
      const e = aimAtPerson(current, session.result.mentions, { pick: ((i * 7919) % 1000) / 1000, offset: i, kind: kinds[i % 5]!, letters: 'l', unknown: i % 2 === 0 });
      current = current.slice(0, e.at) + e.insert + current.slice(e.at + e.remove);
      copy = applyDeltas(copy, session.edit({ rangeOffset: e.at, rangeLength: e.remove, text: e.insert }));
    }
    assert.ok(session.stats.people > 0, 'some edits changed the people');
    assert.deepEqual(copy, recognize(current, kb));
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
    copy = applyDeltas(copy, session.edit({ rangeOffset: at, rangeLength: removed, text: e.insert }));
    lengthBoundsKept(copy, at);
  }
  assert.deepEqual(copy, recognize(text, kb));
}

/**
 * The copy's arrays carry a length bound, set as they were unpacked or made by a delta
 * (a host holding a large file's items never walks them all to learn it), which no item
 * exceeds: a search from an offset (the edit's) reaches every item covering it.
 */
function lengthBoundsKept(copy: Recognition, at: number): void {
  for (const items of [copy.mentions, copy.quotes] as { start: number; end: number }[][]) {
    const bound = knownLengthBound(items);
    assert.ok(bound !== undefined, 'the length bound was carried along, not left to be worked out');
    for (const x of items) assert.ok(x.end - x.start <= bound, `an item of ${x.end - x.start} under a bound of ${bound}`);
    const first = firstEndingFrom(items, at);
    for (let i = 0; i < first; i++) assert.ok(items[i]!.end < at, 'an item covering the offset lies before where the search starts');
  }
}

import { strict as assert } from 'node:assert';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { recognize } from '../../src/core/recognize/index';
import { virtualBreaks } from '../../src/core/recognize/virtualBreaks';
import { applyDelta, RecognitionSession } from '../../src/core/recognize/session';
import { mentionCount, packRecognition, unpackRecognition, type PackedRecognition } from '../../src/core/model/packed';
import { runAtOnce } from '../../src/core/util/sliced';
import { spliceIn } from '../../src/core/util/spliceIn';
import { TEXT_SHAPES } from '../../bench/textShapes';
import { corpusFiles, corpusText } from './corpus';

const kb = KnowledgeBase.builtin();

/** The corpus, concatenated to `size` characters. */
function corpusOf(size: number): string {
  const base = corpusFiles()
    .map((f) => corpusText(f.slice(0, 3)))
    .join('\n\n');
  let text = base;
  while (text.length < size) text += '\n\n' + base;
  return text.slice(0, size);
}

/*
 * Each shape once took far longer than its size says (a file of one line: 14.6 s for 10 MB,
 * ten times a news text; a run of quotes with no full stop: minutes for 250 KB), because
 * some step looked back to the start of its line or paragraph from every name or quote;
 * and 8,000 different people in 330 KB took 14 s, each compared with all found before.
 */
const SHAPES = TEXT_SHAPES;

describe('recognition of texts that are not shaped like news', function () {
  this.timeout(120_000);
  const size = 300_000;
  const news = corpusOf(size);
  const time = (text: string): number => {
    const t = performance.now();
    recognize(text, kb);
    return performance.now() - t;
  };
  let newsMs = 0;
  before(() => {
    recognize(news.slice(0, 50_000), kb); // the compiler's warm-up is not the news text's
    newsMs = Math.min(time(news), time(news));
  });

  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`takes time in proportion to its size: ${shape}`, () => {
      const text = make(news);
      const ms = Math.min(time(text), time(text));
      // Linear work stays within a multiple of the news text's time per character (short
      // quotes with nothing else are the slowest: 15–37× as measured, ~9× once where sentences
      // may end was searched once per text); the looks back that
      // were fixed cost thousands of times more at this size (minutes).
      const bound = 100 * newsMs * (text.length / news.length) + 500;
      assert.ok(ms < bound, `${shape}: ${ms.toFixed(0)} ms for ${(text.length / 1e3).toFixed(0)} K characters, against ${newsMs.toFixed(0)} ms for ${size / 1e3} K of news`);
    });
  }

  it('takes about as long for 10 MB of one line as for 10 MB of news', () => {
    // What a line's start cost per name grows with the square of the line: hardly seen at
    // 300 K (above), ten times the news text's time at 10 MB.
    const big = corpusOf(10_000_000);
    const oneLine = SHAPES['one line']!(big);
    const newsBig = Math.min(time(big), time(big));
    const ms = Math.min(time(oneLine), time(oneLine));
    assert.ok(ms < 4 * newsBig, `one line of 10 MB: ${ms.toFixed(0)} ms, against ${newsBig.toFixed(0)} ms for 10 MB of news`);
  });

  it('takes about as long for 16,000 different people as for as much news', () => {
    // Each person was compared with every one found before: 8,000 took 14 s, 16,000 a minute.
    const more = corpusOf(650_000);
    const people = SHAPES['thousands of different people']!(more);
    const newsMore = Math.min(time(more), time(more));
    const ms = Math.min(time(people), time(people));
    assert.ok(ms < 10 * newsMore + 500, `${ms.toFixed(0)} ms for the people, against ${newsMore.toFixed(0)} ms for as much news`);
  });

  // A file of one line, prose (read as if broken after its sentences) or with no sentence
  // to break it after (then every edit is in the one paragraph, which is compared item by
  // item to send only what changed).
  for (const [shape, make, most] of [
    ['prose', SHAPES['one line']!, 200],
    ['no sentence ends', (t: string) => SHAPES['one line']!(t).replace(/([.!?][”"’»)']*) /g, '$1,'), 10],
  ] as const) {
    it(`follows edits in a file of one line (${shape}) without a full pass, and sends only what changed`, () => {
      const text = make(corpusOf(400_000));
      const session = new RecognitionSession(kb, text);
      let copy = unpacked(session.full());
      assert.ok(copy.mentions.length > 4096, 'a line wide enough to be compared item by item');
      if (shape !== 'prose') assert.deepEqual(virtualBreaks(text), [], 'no sentence to break the line after');
      let now = text;
      const full = session.stats.full;
      for (const [at, removed, inserted] of [[1_000, 1, ' Putin said “yes.” '], [200_000, 0, 'x'], [399_000, 5, '']] as const) {
        const deltas = session.edit({ rangeOffset: at, rangeLength: removed, text: inserted });
        assert.equal(deltas.length, 1);
        const delta = deltas[0]!;
        now = now.slice(0, at) + inserted + now.slice(at + removed);
        assert.deepEqual(session.result, recognize(now, kb));
        // Prose: the sentences around the edit (the first and last 4,096 characters have no
        // breaks); else the mentions that changed, not the thousands of the whole line.
        assert.ok(delta.mentions.removed < most && mentionCount(delta.mentions.added) < most, `${delta.mentions.removed} mentions removed, ${mentionCount(delta.mentions.added)} sent`);
        copy = applyDelta(copy, delta);
        assert.deepEqual(copy, session.result, 'the copy kept by deltas');
      }
      assert.equal(session.stats.full, full, 'no full pass');
    });
  }
});

describe('a packed recognition of a file of one line', () => {
  it('sends the text its quotes cover once, however many are left open to the end', () => {
    const text = corpusOf(300_000).replace(/\n/g, ' ').replace(/”/g, ' ');
    const r = recognize(text, kb);
    const open = r.quotes.filter((q) => q.unclosed && q.end > text.length - 10).length;
    assert.ok(open > 20, `${open} quotes run to the end of the one paragraph`);
    const packed = packRecognition(r, true);
    // One text per quote was many times the file here, and past the longest string V8 makes at 4 MB.
    assert.ok(packed.quotes.joined!.length <= text.length, `${packed.quotes.joined!.length} characters sent for a text of ${text.length}`);
    assert.deepEqual(runAtOnce(unpackRecognition(packed, '')), r);
  });

  it('unpacks quotes that nest, overlap and touch, without the text', () => {
    const text = '“He said ‘no’ and “then” left.” “Next” “one ‘two’ “three';
    const r = recognize(text, kb);
    assert.ok(r.quotes.length >= 5);
    assert.deepEqual(runAtOnce(unpackRecognition(packRecognition(r, true), '')), r);
  });
});

function unpacked(p: PackedRecognition) {
  return runAtOnce(unpackRecognition(p, ''));
}

describe('spliceIn', () => {
  it('splices in more items than a call can take as arguments', () => {
    const list = Array.from({ length: 10 }, (_, i) => i);
    const items = Array.from({ length: 500_000 }, (_, i) => 100 + i);
    assert.throws(() => list.slice().splice(2, 3, ...items), RangeError, 'the spread this replaces overflows the stack');
    spliceIn(list, 2, 3, items);
    assert.equal(list.length, 10 - 3 + 500_000);
    assert.deepEqual(list.slice(0, 3), [0, 1, 100]);
    assert.deepEqual(list.slice(-6), [100 + 499_999, 5, 6, 7, 8, 9]);
  });

  it('does what splice does for small and large lists alike', () => {
    for (const n of [0, 3, 20_000]) {
      const items = Array.from({ length: n }, (_, i) => -i);
      for (const [at, removed] of [[0, 0], [4, 2], [9, 1], [10, 0]] as const) {
        const a = Array.from({ length: 10 }, (_, i) => i);
        const b = a.slice();
        a.splice(at, removed, ...items);
        spliceIn(b, at, removed, items);
        assert.deepEqual(b, a);
      }
    }
  });
});

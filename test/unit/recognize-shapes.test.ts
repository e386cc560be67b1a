import { strict as assert } from 'node:assert';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { recognize } from '../../src/core/recognize/index';
import { RecognitionSession } from '../../src/core/recognize/session';
import { packRecognition, unpackRecognition } from '../../src/core/model/packed';
import { runAtOnce } from '../../src/core/util/sliced';
import { spliceIn } from '../../src/core/util/spliceIn';
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

/**
 * Texts that are not news but do get opened: each once took far longer than its size
 * says (a file of one line: 14.6 s for 10 MB, ten times a news text; a run of quotes
 * with no full stop: minutes for 250 KB), because some step looked back to the start of
 * its line or paragraph from every name or quote.
 */
const SHAPES: Record<string, (news: string) => string> = {
  'one line': (t) => t.replace(/\n/g, ' '),
  'one paragraph, single line breaks': (t) => t.replace(/\n+/g, '\n'),
  'no closing quotation marks': (t) => t.replace(/[”"]/g, ''),
  'no opening quotation marks': (t) => t.replace(/“/g, ''),
  'only opening quotation marks': (t) => t.replace(/”/g, '“'),
  'one line, quotes never closed': (t) => t.replace(/\n/g, ' ').replace(/”/g, ' '),
  'all capitals': (t) => t.toUpperCase(),
  'no white space': (t) => t.replace(/\s/g, ''),
  'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
  'one name over and over': (t) => 'President Vladimir Putin said '.repeat(t.length / 30),
  'short quotes, nothing else': (t) => '“a” '.repeat(t.length / 4),
  'minified JSON': (t) => JSON.stringify(t.split(/\s+/).map((w, i) => ({ [`k${i}`]: w }))),
  'CSV, every word quoted': (t) => t.split('\n').map((line) => line.split(' ').map((w) => `"${w}"`).join(',')).join('\n'),
};

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
      const ms = time(text);
      // Linear work stays within a small multiple of the news text's time; the looks back
      // that were fixed cost hundreds of times more at this size.
      assert.ok(ms < 25 * newsMs + 200, `${shape}: ${ms.toFixed(0)} ms for ${(text.length / 1e3).toFixed(0)} K characters, against ${newsMs.toFixed(0)} ms for ${size / 1e3} K of news`);
    });
  }

  it('takes about as long for 10 MB of one line as for 10 MB of news', () => {
    // What a line's start cost per name grows with the square of the line: hardly seen at
    // 300 K (above), ten times the news text's time at 10 MB.
    const big = corpusOf(10_000_000);
    const oneLine = SHAPES['one line']!(big);
    const newsBig = Math.min(time(big), time(big));
    const ms = time(oneLine);
    assert.ok(ms < 4 * newsBig, `one line of 10 MB: ${ms.toFixed(0)} ms, against ${newsBig.toFixed(0)} ms for 10 MB of news`);
  });

  it('follows edits in a file of one line, where every edit is in the one paragraph', () => {
    const text = SHAPES['one line']!(news.slice(0, 120_000));
    const session = new RecognitionSession(kb, text);
    let now = text;
    for (const at of [1_000, 60_000, 119_000]) {
      session.edit({ rangeOffset: at, rangeLength: 1, text: ' Putin said “yes.” ' });
      now = now.slice(0, at) + ' Putin said “yes.” ' + now.slice(at + 1);
      assert.deepEqual(session.result, recognize(now, kb));
    }
  });
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

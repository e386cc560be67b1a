import { strict as assert } from 'node:assert';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { WorkspaceIndex } from '../../src/core/corpus/workspaceIndex';
import { recognize } from '../../src/core/recognize/index';
import { runAtOnce } from '../../src/core/util/sliced';
import { corpusFiles, corpusText } from './corpus';

const kb = KnowledgeBase.builtin();

describe('workspace index', () => {
  const index = new WorkspaceIndex();
  before(() => {
    for (const f of corpusFiles()) index.set(f, corpusText(f.slice(0, 3)), recognize(corpusText(f.slice(0, 3)), kb));
  });

  it('finds every mention of an entity across the files, with line and column', () => {
    const refs = index.references('Q7747');
    assert.ok(new Set(refs.map((r) => r.uri)).size === 5, 'Putin appears in all five articles');
    const text = corpusText('001');
    for (const r of refs.filter((x) => x.uri.startsWith('001'))) {
      assert.match(text.slice(r.start, r.end), /Putin/);
      assert.equal(text.split('\n')[r.line]!.slice(r.character, r.endCharacter), text.slice(r.start, r.end));
    }
    const counts = index.counts('Q7747', corpusFiles()[1]!);
    assert.equal(counts.files, 5);
    assert.ok(counts.total > counts.file);
  });

  it('lists at most so many mentions: those of the asking file around its offset first, then the other files\' in order', () => {
    const all = index.references('RUS');
    const files = [...new Set(all.map((r) => r.uri))];
    const asking = files[1]!;
    const own = all.filter((r) => r.uri === asking);
    assert.ok(own.length >= 6 && files.length >= 3, `${own.length} mentions of Russia in ${asking}`);
    for (const k of [0, 1, 2, own.length >> 1, own.length - 1]) {
      const offset = own[k]!.start;
      const limit = 4;
      const { places, total } = runAtOnce(index.referencesSteps('RUS', limit, { uri: asking, offset }));
      assert.equal(total, all.length);
      const from = Math.max(0, Math.min(k - limit / 2, own.length - limit));
      assert.deepEqual(places, own.slice(from, from + limit), `around mention ${k}`);
    }
    // Past the asking file's: the others', in the index's order, up to the limit.
    const limit = own.length + 5;
    const { places } = runAtOnce(index.referencesSteps('RUS', limit, { uri: asking, offset: own[0]!.start }));
    assert.deepEqual(places, [...own, ...all.filter((r) => r.uri !== asking)].slice(0, limit));
    assert.deepEqual(runAtOnce(index.referencesSteps('RUS')).places, all, 'no limit: all, in order');
  });

  it('searches symbols and groups quotes by speaker', () => {
    const hits = index.symbols('tokay');
    assert.equal(hits[0]?.name, 'Kassym-Jomart Tokayev');
    const bySpeaker = index.quotesBySpeaker();
    assert.ok((bySpeaker.get('Temur Umarov')?.length ?? 0) >= 5);
    assert.ok(bySpeaker.get('Emomali Rahmon')!.some((q) => q.uri.startsWith('000')));
  });

  it('indexes a large file a slice at a time, its quotes too', () => {
    // Quotes and no mentions: every slice is the quotes'.
    const quotes = Array.from({ length: 20_000 }, (_, i) => ({ start: 10 * i, end: 10 * i + 5, text: '“Yes”', kind: i % 2 ? ('speech' as const) : ('term' as const), speaker: 'Anna Petrova', speakerEntity: null }));
    const index = new WorkspaceIndex();
    const steps = index.setSteps('file:///quotes.txt', '“Yes” '.repeat(40_000), { mentions: [], quotes });
    let yields = 0;
    while (!steps.next().done) yields++;
    assert.ok(yields >= 4, `${yields} slices for 20,000 quotes`);
    assert.equal(index.quotesBySpeaker().get('Anna Petrova')?.length, 10_000);
  });

  it('replaces and removes one file at a time', () => {
    const before = index.references('Q7747').length;
    index.set('000_f61aea6a88730801.txt', 'Putin.', recognize('Putin.', kb));
    assert.ok(index.references('Q7747').length < before);
    index.delete('000_f61aea6a88730801.txt');
    assert.ok(!index.references('Q7747').some((r) => r.uri.startsWith('000')));
  });
});

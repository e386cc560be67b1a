import { strict as assert } from 'node:assert';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { WorkspaceIndex } from '../../src/core/corpus/workspaceIndex';
import { recognize } from '../../src/core/recognize/index';
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

  it('searches symbols and groups quotes by speaker', () => {
    const hits = index.symbols('tokay');
    assert.equal(hits[0]?.name, 'Kassym-Jomart Tokayev');
    const bySpeaker = index.quotesBySpeaker();
    assert.ok((bySpeaker.get('Temur Umarov')?.length ?? 0) >= 5);
    assert.ok(bySpeaker.get('Emomali Rahmon')!.some((q) => q.uri.startsWith('000')));
  });

  it('replaces and removes one file at a time', () => {
    const before = index.references('Q7747').length;
    index.set('000_f61aea6a88730801.txt', 'Putin.', recognize('Putin.', kb));
    assert.ok(index.references('Q7747').length < before);
    index.delete('000_f61aea6a88730801.txt');
    assert.ok(!index.references('Q7747').some((r) => r.uri.startsWith('000')));
  });
});

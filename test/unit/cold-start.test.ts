import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engine, engineLoadReport, engineSteps, locateEngine, type Engine } from '../../src/engineLoader';
import { loadCommonJs } from '../../src/node/codeCache';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { Gazetteer } from '../../src/core/recognize/gazetteer';
import { recognize } from '../../src/core/recognize/index';
import { IncrementalRecognizer } from '../../src/core/recognize/incremental';
import { coldStartSteps, editWarmUpSteps, WARM_UP_ARTICLE, WARM_UP_HEAD } from '../../src/core/recognize/warmUp';
import { corpusText } from './corpus';

/** How many times a sliced task yields before it ends. */
function stepsOf(task: Generator<void, unknown>): number {
  let n = 0;
  while (!task.next().done) n++;
  return n;
}

describe('the recogniser warmed up a step at a time (the first document on the host)', () => {
  const user = (name: string) => ({ id: `user:${name}`, kind: 'person' as const, name, aliases: [], source: 'a test' });

  it('builds the gazetteer of the knowledge base it is given, a few hundred entities a step, and leaves it for fromKb', () => {
    const kb = KnowledgeBase.builtin().merge([user('Aigul Example')]);
    const steps = Gazetteer.fromKbSteps(kb);
    let yields = 0;
    let built: Gazetteer | undefined;
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) {
        built = r.value;
        break;
      }
      yields++;
    }
    assert.ok(yields >= Math.floor(kb.all().length / 256), `${yields} steps for ${kb.all().length} entities`);
    assert.equal(Gazetteer.fromKb(kb), built, 'kept for the knowledge base');
    assert.ok(built.lookup('Aigul Example')?.some((r) => r.entity.id === 'user:Aigul Example'));
    assert.deepEqual([...built.entries.keys()].sort(), [...Gazetteer.fromKb(KnowledgeBase.builtin()).entries.keys(), 'Aigul Example'].sort());
  });

  it('reads the document’s head a line or more a step, never past WARM_UP_HEAD, and changes no answer', () => {
    const kb = KnowledgeBase.builtin();
    const article = corpusText('002');
    const before = recognize(article, kb);
    const bare = stepsOf(coldStartSteps(() => kb));
    const withArticle = stepsOf(coldStartSteps(() => kb, article));
    assert.ok(bare >= 2, `${bare} steps without a document (the knowledge base, its gazetteer)`);
    assert.ok(withArticle > bare, 'the document’s lines read too');
    // A long document: only its head is read, so no more steps than for the head alone can take (one a line).
    let long = '';
    while (long.length < 8 * WARM_UP_HEAD) long += article + '\n\n';
    const head = long.slice(0, WARM_UP_HEAD);
    assert.ok(stepsOf(coldStartSteps(() => kb, long)) <= bare + head.split('\n').length + 1);
    assert.equal(stepsOf(coldStartSteps(() => kb, 'one line, no break at all')), bare, 'one step, as for no text');
    assert.deepEqual(recognize(article, kb), before);
  });

  it('warms the edit paths up apart, after the first document: a letter out and back gives the answer a fresh recognition gives', () => {
    const kb = KnowledgeBase.builtin();
    const steps = editWarmUpSteps(kb);
    let yields = 0;
    let answer;
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) {
        answer = r.value;
        break;
      }
      yields++;
    }
    assert.ok(yields >= WARM_UP_ARTICLE.split('\n\n').length + 3, `${yields} steps`);
    assert.ok(answer.mentions.length > 5 && answer.quotes.length >= 3, 'the article has names and quotes to warm up on');
    assert.deepEqual(answer, new IncrementalRecognizer(kb, WARM_UP_ARTICLE).result);
  });
});

describe('the recogniser bundled apart from the extension host’s code (dist/engine.js)', function () {
  this.timeout(60_000);
  const root = join(__dirname, '..', '..');
  before(() => {
    if (!existsSync(join(root, 'dist', 'engine.js'))) execFileSync(process.execPath, [join(root, 'esbuild.js')], { cwd: root });
  });

  it('gives the host what it takes from it, working', () => {
    const e = loadCommonJs<Engine>(join(root, 'dist', 'engine.js'), require, undefined).exports;
    const kb = e.KnowledgeBase.builtin();
    const own = e.parseEntityFile('a.entities.yaml', '- id: person:aigul-example\n  kind: person\n  name: Aigul Example\n');
    assert.deepEqual(own.diagnostics, []);
    const merged = kb.merge(own.entities);
    assert.ok(e.Gazetteer.fromKb(merged).lookup('Aigul Example'));
    assert.ok(stepsOf(e.coldStartSteps(() => merged, 'Aigul Example met Vladimir Putin.')) >= 2);
    assert.ok(stepsOf(e.editWarmUpSteps(merged)) > 5);
    const r = new e.IncrementalRecognizer(merged, '“We agree,” Aigul Example said after meeting Vladimir Putin.').result;
    assert.deepEqual(r.mentions.map((m) => m.entity), ['person:aigul-example', 'Q7747']);
    assert.equal(r.quotes[0]?.speakerEntity, 'person:aigul-example');
  });

  it('is not in the bundle the host loads at activation', () => {
    const main = readFileSync(join(root, 'dist', 'extensionMain.js'), 'utf8');
    // The knowledge base's text, and a phrase of the recogniser's word lists.
    assert.ok(!main.includes('"asOf"') && !main.includes('\\"asOf\\"'), 'the knowledge base is in the host bundle');
    assert.ok(!main.includes('was quoted as saying'), 'the recogniser is in the host bundle');
  });

  it('takes VS Code’s API as it is, never a copy of it in each module (see esbuild.js)', () => {
    const main = readFileSync(join(root, 'dist', 'extensionMain.js'), 'utf8');
    assert.ok(main.includes('require("vscode")'));
    assert.ok(!main.includes('(require("vscode"))'), 'a module wraps VS Code’s API');
  });
});

describe('loading the recogniser on the host (engineLoader)', function () {
  this.timeout(60_000);
  const root = join(__dirname, '..', '..');

  it('gives one engine to two callers that start loading it, step by step, at the same time, and to engine() after', () => {
    if (!existsSync(join(root, 'dist', 'engine.js'))) execFileSync(process.execPath, [join(root, 'esbuild.js')], { cwd: root });
    const cacheDir = mkdtempSync(join(tmpdir(), 'geo-engine-'));
    try {
      locateEngine(join(root, 'dist'), cacheDir);
      const a = engineSteps();
      const b = engineSteps();
      assert.equal(a.next().done, false, 'a read and compiled');
      assert.equal(b.next().done, false, 'b read and compiled');
      const fromA = a.next();
      assert.ok(fromA.done, 'a ran it');
      const fromB = b.next();
      assert.ok(fromB.done, 'b found it loaded');
      assert.equal(fromB.value, fromA.value, 'one engine');
      assert.equal(engine(), fromA.value);
      assert.equal(engineLoadReport()?.cache, 'absent');
      assert.equal(typeof engine().KnowledgeBase.builtin, 'function');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

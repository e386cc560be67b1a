import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync, existsSync, unlinkSync, readdirSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { GeoAnnotatorApi } from '../../../src/extension';
import { KnowledgeBase } from '../../../src/core/kb/knowledgeBase';
import { recognize } from '../../../src/core/recognize/index';
import { makeAnnotation, serializeSidecar } from '../../../src/core/sidecar/index';
import type { Mention } from '../../../src/core/model/types';
import { CodePointMap } from '../../../src/core/text/offsets';
import { timeApart } from '../../../src/core/util/taskTimes';
import { cacheFileName, readCache } from '../../../src/node/codeCache';

/** Runs inside VS Code with the workspace prepared by scripts/vscode/run-tests.mjs (corpus articles and samples). */
const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const fileIn = (name: string) => vscode.Uri.joinPath(folder(), name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Watches this thread (the extension host's) for its longest pause, whoever causes it:
 * a timer that should fire every 5 ms and is late by the length of any long task.
 */
function watchHostThread(): { readonly worst: number; worstApart(pauses: readonly { startTime: number; duration: number }[]): number; reset(): void; stop(): void } {
  let last = performance.now();
  let worst = 0;
  // Long gaps, kept to take the garbage collector's pauses out of them afterwards.
  const gaps: { from: number; to: number }[] = [];
  const tick = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    if (now - last > 20) gaps.push({ from: last, to: now });
    last = now;
  }, 5);
  return {
    get worst() {
      return worst;
    },
    worstApart: (pauses) => gaps.reduce((w, g) => Math.max(w, timeApart(g.from, g.to - g.from, pauses)), 0),
    reset: () => {
      worst = 0;
      gaps.length = 0;
    },
    stop: () => clearInterval(tick),
  };
}

/**
 * The garbage collector's pauses on this thread: it stops the thread for whoever
 * allocated last, for longer the more the heap holds (a 40 MB document's lines among it),
 * so our tasks are judged with its pauses taken out, and its pauses are reported apart.
 */
async function watchCollector(): Promise<{ readonly pauses: { startTime: number; duration: number }[]; readonly worst: number; stop(): void }> {
  const { PerformanceObserver } = await import('node:perf_hooks');
  const pauses: { startTime: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ startTime: e.startTime, duration: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    pauses,
    get worst() {
      return pauses.reduce((w, p) => Math.max(w, p.duration), 0);
    },
    stop: () => observer.disconnect(),
  };
}

/** "on a CPU N ms — task (waited W ms)": the longest task of ours once collector pauses and the thread's waits for a CPU are out. */
function heldFor(t: { task: string; ms: number; waited: number }): string {
  return `on a CPU ${t.ms.toFixed(1)} ms — ${t.task || 'none'} (having waited ${t.waited.toFixed(1)} ms for one)`;
}

/** The recognition matches the document's text everywhere we look (the worker's answers have caught up). */
function settledOn(state: { recognition: { mentions: { start: number; end: number; text: string }[] } }, doc: vscode.TextDocument): boolean {
  const text = doc.getText();
  return state.recognition.mentions.every((m) => text.slice(m.start, m.end) === m.text);
}

async function until<T>(what: string, f: () => T | undefined | false, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    let v: T | undefined | false;
    try {
      v = f();
    } catch {
      v = undefined; // e.g. a file not written yet
    }
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

let api: GeoAnnotatorApi;

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileIn(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await until(`${name} to be recognised`, () => api.registry.get(doc));
  return editor;
}

function sidecarOf(name: string): { annotations: Record<string, unknown>[] } & Record<string, unknown> {
  return parse(readFileSync(fileIn(name).fsPath + '.geo.yaml', 'utf8'));
}

/** The code cache of dist/`bundle` is on disk in `folder`, whole, alone of its bundle's, and V8 takes it. */
function cacheTakenFor(bundle: string, folder: string): void {
  const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'geo-annotator')!;
  const file = join(ext.extensionPath, 'dist', bundle);
  const bytes = readFileSync(file);
  const data = readCache(join(folder, cacheFileName(file, bytes)));
  assert.ok(data, `the cache of ${bundle} is on disk, whole`);
  assert.deepEqual(readdirSync(folder).filter((f) => f.startsWith(`${bundle}.`)), [cacheFileName(file, bytes)], `one cache of ${bundle}, this one's`);
  const compiled = performance.now();
  const script = new Script(Module.wrap(bytes.toString('utf8')), { filename: file, cachedData: data });
  const compileMs = performance.now() - compiled;
  assert.equal(script.cachedDataRejected, false, 'V8 takes it');
  console.log(`⟦geo⟧       (code cache of ${bundle} ${(data.length / 1024).toFixed(0)} KB; the bundle compiled with it in ${compileMs.toFixed(1)} ms)`);
}

const ARTICLE = '001_07f96165ea9ac347.txt';

describe('Geo Annotator in VS Code', () => {
  before(async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'geo-annotator');
    assert.ok(ext, 'the extension is installed');
    api = (await ext.activate()) as GeoAnnotatorApi;
    for (const f of ['001_07f96165ea9ac347.txt', 'steppe-summit.txt', 'brussels-briefing.txt']) {
      const p = fileIn(f).fsPath + '.geo.yaml';
      if (existsSync(p)) unlinkSync(p);
    }
  });

  it('activates quickly', () => {
    const { loadMs, vscodeApiMs, waitMs, activateMs, bundle } = api.activation;
    assert.ok(bundle, 'the extension proper was loaded by the entry point');
    console.log(
      `⟦geo⟧       (bundle top level ${loadMs.toFixed(1)} ms, of which VS Code's API ${vscodeApiMs.toFixed(1)} ms; VS Code's wait before activate() ${waitMs.toFixed(1)} ms; activate() ${activateMs.toFixed(1)} ms, of which the extension's bundle read ${bundle.readMs.toFixed(1)} ms, compiled ${bundle.compileMs.toFixed(1)} ms, run ${bundle.runMs.toFixed(1)} ms; code cache ${bundle.cache})`,
    );
    assert.ok(vscodeApiMs >= 0 && vscodeApiMs <= loadMs && waitMs >= 0, `${loadMs} / ${vscodeApiMs} / ${waitMs} ms`);
    assert.ok(bundle.readMs + bundle.compileMs + bundle.runMs <= activateMs, `${JSON.stringify(bundle)} within ${activateMs} ms`);
    assert.ok(activateMs < 250 && loadMs < 100, `${loadMs} + ${activateMs} ms`);
  });

  it('keeps a code cache of its bundle that V8 takes at the next start', async function () {
    this.timeout(30_000);
    const { state, folder } = api.codeCache;
    assert.ok(folder, 'a global storage folder on disk');
    // A fresh profile has none: this start writes one once the documents open at start are recognised.
    const wrote = await api.codeCache.saved();
    assert.equal(wrote, state !== 'used', `the cache was ${state} at this start`);
    cacheTakenFor('extensionMain.js', folder);
  });

  it('registers every command of its table', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of api.commands) assert.ok(all.includes(c), c);
  });

  it('highlights leaders, countries and quotes in an opened article', async () => {
    // The first document of the session: the recogniser warms up on the host a step at a time.
    const collector = await watchCollector();
    const opened = performance.now();
    const editor = await open(ARTICLE);
    const drawn = await until('decorations', () => api.decorations.drawn.get(editor.document.uri.toString()));
    const shownMs = performance.now() - opened;
    const held = api.taskTimes.longestOnCpu(collector.pauses);
    collector.stop();
    console.log(`⟦geo⟧       (the first article opened: highlights ${shownMs.toFixed(0)} ms after asking VS Code to open it; longest task of ours on the host ${api.taskTimes.longest.toFixed(1)} ms — ${api.taskTimes.longestTask}; ${heldFor(held)})`);
    assert.ok(held.ms < 100, `the first document held the host ${held.ms.toFixed(1)} ms (${held.task})`);
    const texts = (key: string) => (drawn.get(key) ?? []).map((r) => editor.document.getText(r));
    assert.ok(texts('leader.suggested').includes('Vladimir Putin'), texts('leader.suggested').join(', '));
    assert.ok(texts('country.suggested').includes('Kazakhstan'));
    assert.ok(texts('quote.suggested').some((q) => q.startsWith('“poisoning the atmosphere')));
  });

  it('loads the recogniser when the first article needs it, and keeps a code cache of it too', async function () {
    this.timeout(30_000);
    const load = api.recogniser.load();
    assert.ok(load, 'loaded for the first article');
    console.log(`⟦geo⟧       (the recogniser's bundle read ${load.readMs.toFixed(1)} ms, compiled ${load.compileMs.toFixed(1)} ms, run ${load.runMs.toFixed(1)} ms, each a task of its own; code cache ${load.cache})`);
    const saved = await until('the recogniser’s code cache written', () => api.recogniser.cacheSaved(), 20_000);
    assert.equal(saved, load.cache !== 'used');
    cacheTakenFor('engine.js', api.codeCache.folder!);
  });

  it('shows a hover card with the office and country for Putin', async () => {
    const editor = await open(ARTICLE);
    const at = editor.document.positionAt(editor.document.getText().indexOf('Vladimir Putin') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Vladimir Putin/);
    assert.match(text, /President/);
    assert.match(text, /Russia/);
    assert.match(text, /mentions in this file/);
  });

  it('annotates the document and writes the sidecar YAML beside it', async () => {
    await open(ARTICLE);
    const added = await vscode.commands.executeCommand<number>('geoAnnotator.annotateDocument');
    assert.ok(added > 20, `${added} annotations`);
    const y = sidecarOf(ARTICLE);
    assert.equal(y.version, 1);
    assert.equal(y.source, ARTICLE);
    const putin = y.annotations.find((a) => a.exact === 'Vladimir Putin')!;
    assert.equal(putin.kind, 'leader');
    assert.equal(putin.entity, 'Q7747');
    assert.equal(putin.status, 'accepted');
    assert.equal(typeof putin.prefix, 'string');
    const text = readFileSync(fileIn(ARTICLE).fsPath, 'utf8');
    assert.equal(Array.from(text).slice(putin.start as number, putin.end as number).join(''), 'Vladimir Putin');
  });

  it('adds a note, links, sets a speaker, rejects and removes — and keeps the user’s comments', async () => {
    const editor = await open(ARTICLE);
    const text = editor.document.getText();
    const path = fileIn(ARTICLE).fsPath + '.geo.yaml';
    writeFileSync(path, '# my reading of this article\n' + readFileSync(path, 'utf8'));
    await vscode.commands.executeCommand('geoAnnotator.refresh');
    const putinAt = text.indexOf('Vladimir Putin');
    await vscode.commands.executeCommand('geoAnnotator.editNote', { offset: putinAt, note: 'listened, embarrassed' });
    let y = sidecarOf(ARTICLE);
    assert.equal(y.annotations.find((a) => a.exact === 'Vladimir Putin')!.note, 'listened, embarrassed');
    assert.match(readFileSync(path, 'utf8'), /# my reading of this article/);

    const belarus = text.indexOf('Belarusian');
    await vscode.commands.executeCommand('geoAnnotator.linkEntity', { offset: belarus, entity: 'BLR' });
    const quoteAt = text.indexOf('“poisoning');
    await vscode.commands.executeCommand('geoAnnotator.setSpeaker', { offset: quoteAt + 2, speaker: 'Kassym-Jomart Tokayev' });
    y = sidecarOf(ARTICLE);
    assert.equal(y.annotations.find((a) => a.exact === 'Belarusian')!.entity, 'BLR');
    const quote = y.annotations.find((a) => typeof a.exact === 'string' && (a.exact as string).startsWith('“poisoning'))!;
    assert.equal(quote.speaker, 'Kassym-Jomart Tokayev');

    const moscow = text.indexOf('Moscow');
    await vscode.commands.executeCommand('geoAnnotator.rejectSuggestion', { offset: moscow });
    assert.equal(sidecarOf(ARTICLE).annotations.find((a) => a.exact === 'Moscow' && a.start === Array.from(text.slice(0, moscow)).length)!.status, 'rejected');
    await vscode.commands.executeCommand('geoAnnotator.removeAnnotation', { offset: belarus });
    assert.ok(!sidecarOf(ARTICLE).annotations.some((a) => a.exact === 'Belarusian'));
    assert.match(readFileSync(path, 'utf8'), /# my reading of this article/);
  });

  it('moves annotations with typing and saves offsets that match the text on disk', async () => {
    const editor = await open(ARTICLE);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'EDITED: '));
    await editor.document.save();
    await until('sidecar rewrite', () => sidecarOf(ARTICLE).annotations.some((a) => a.exact === 'Vladimir Putin' && (a.start as number) > 460));
    const text = readFileSync(fileIn(ARTICLE).fsPath, 'utf8');
    for (const a of sidecarOf(ARTICLE).annotations) assert.equal(Array.from(text).slice(a.start as number, a.end as number).join(''), a.exact);
  });

  it('navigates, opens the sidecar and lists all mentions', async () => {
    const editor = await open(ARTICLE);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('geoAnnotator.nextAnnotation');
    assert.ok(editor.document.offsetAt(editor.selection.active) > 0);
    const here = editor.document.offsetAt(editor.selection.active);
    await vscode.commands.executeCommand('geoAnnotator.nextAnnotation');
    await vscode.commands.executeCommand('geoAnnotator.previousAnnotation');
    assert.equal(editor.document.offsetAt(editor.selection.active), here);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('geoAnnotator.showMentions', { offset: editor.document.getText().indexOf('Putin') });
    assert.ok(locations.length >= 4, `${locations.length} mentions of Putin`);
    await vscode.commands.executeCommand('geoAnnotator.openSidecar');
    await until('the sidecar editor', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('.geo.yaml')));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('never writes over a sidecar it cannot read, and says why in Problems', async () => {
    const name = 'steppe-summit.txt';
    const path = fileIn(name).fsPath + '.geo.yaml';
    const broken = 'version: 1\nannotations:\n  - id: a1\n    kind: planet\n    start: 3\n';
    writeFileSync(path, broken);
    await open(name);
    await vscode.commands.executeCommand('geoAnnotator.refresh');
    await vscode.commands.executeCommand('geoAnnotator.annotateDocument');
    assert.equal(readFileSync(path, 'utf8'), broken);
    const problems = await until('diagnostics on the sidecar', () => {
      const d = vscode.languages.getDiagnostics(vscode.Uri.file(path));
      return d.length ? d : undefined;
    });
    assert.ok(problems.some((d) => /kind/.test(d.message) && d.range.start.line === 3), problems.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
  });

  it('annotates a selection as a chosen kind', async () => {
    const name = 'brussels-briefing.txt';
    const editor = await open(name);
    const at = editor.document.getText().indexOf('front line');
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + 'front line'.length));
    await vscode.commands.executeCommand('geoAnnotator.annotateSelection', { kind: 'place' });
    const y = sidecarOf(name);
    assert.ok(y.annotations.some((a) => a.exact === 'front line' && a.kind === 'place'));
    await vscode.commands.executeCommand('geoAnnotator.acceptSuggestion', { offset: editor.document.getText().indexOf('Volodymyr Zelenskyy') });
    assert.ok(sidecarOf(name).annotations.some((a) => a.exact === 'Volodymyr Zelenskyy' && a.status === 'accepted'));
  });

  it('carries the sidecar along when the text is renamed', async () => {
    const editor = await open('brussels-briefing.txt');
    await vscode.commands.executeCommand('geoAnnotator.annotateDocument');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    void editor;
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(fileIn('brussels-briefing.txt'), fileIn('brussels-renamed.txt'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = await until('the sidecar to move', () => existsSync(fileIn('brussels-renamed.txt').fsPath + '.geo.yaml') && !existsSync(fileIn('brussels-briefing.txt').fsPath + '.geo.yaml'));
    assert.ok(moved);
    assert.equal(sidecarOf('brussels-renamed.txt').source, 'brussels-renamed.txt');
  });

  it('turns annotations whose text was changed on disk into orphans with quick fixes', async () => {
    const name = 'gulf-mediation.txt';
    const editor = await open(name);
    const text = editor.document.getText();
    await vscode.commands.executeCommand('geoAnnotator.acceptSuggestion', { offset: text.indexOf('Abbas Araghchi') });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Another program rewrites the article: the annotated name is gone.
    const path = fileIn(name).fsPath;
    writeFileSync(path, readFileSync(path, 'utf8').replace('Abbas Araghchi', 'the foreign minister'));
    const reopened = await open(name);
    await vscode.commands.executeCommand('geoAnnotator.refresh');
    const problems = await until('an orphan in Problems', () => {
      const d = vscode.languages.getDiagnostics(reopened.document.uri).filter((x) => /lost its place/.test(x.message));
      return d.length ? d : undefined;
    });
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', reopened.document.uri, problems[0]!.range);
    assert.ok(fixes.some((f) => /Delete the orphaned annotation/.test(f.title)), fixes.map((f) => f.title).join(', '));
    const del = fixes.find((f) => /Delete/.test(f.title))!;
    await vscode.commands.executeCommand(del.command!.command, ...(del.command!.arguments ?? []));
    assert.ok(!sidecarOf(name).annotations.some((a) => a.exact === 'Abbas Araghchi'));
  });

  it('never overwrites a sidecar changed on disk while annotation changes are pending', async () => {
    const name = 'steppe-summit.txt';
    const path = fileIn(name).fsPath + '.geo.yaml';
    if (existsSync(path)) unlinkSync(path);
    const editor = await open(name);
    await vscode.commands.executeCommand('geoAnnotator.refresh');
    await vscode.commands.executeCommand('geoAnnotator.annotateDocument');
    // Unsaved typing: annotation changes wait for the save of the text.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'DRAFT '));
    const outside = readFileSync(path, 'utf8').replace('version: 1', '# edited by a colleague\nversion: 1');
    writeFileSync(path, outside);
    await until('the conflict to be noticed', () => api.registry.get(editor.document)?.conflict);
    await editor.document.save();
    await sleep(300);
    assert.equal(readFileSync(path, 'utf8'), outside);
  });

  it('lists every mention of an entity across the workspace (Go to References)', async () => {
    const editor = await open('004_cb2f0ed14a2d0f71.txt');
    await api.indexer.settled();
    const at = editor.document.positionAt(editor.document.getText().indexOf('Putin') + 1);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    const files = new Set(refs.map((r) => r.uri.path.split('/').pop()));
    assert.ok(files.size >= 5, [...files].join(', '));
    const first = refs.find((r) => r.uri.path.endsWith('002_68cde6279b7e6d9b.txt'))!;
    const doc = await vscode.workspace.openTextDocument(first.uri);
    assert.match(doc.getText(first.range), /Putin/);
  });

  it('merges a file of the user’s own entities into the open documents’ recognition, a document a task, and takes it back when the file goes', async function () {
    this.timeout(60_000);
    const name = 'own-entities.txt';
    writeFileSync(fileIn(name).fsPath, 'Dilnoza Karimova met the delegation in Tashkent on Monday.\n');
    const editor = await open(name);
    const karimova = () => api.registry.get(editor.document)?.recognition.mentions.find((m) => m.text === 'Dilnoza Karimova');
    assert.equal(karimova()?.entity ?? null, null, 'not known before the file');
    const entities = fileIn('analysts.entities.yaml').fsPath;
    const collector = await watchCollector();
    api.taskTimes.reset();
    writeFileSync(entities, '- id: person:dilnoza-karimova\n  kind: person\n  name: Dilnoza Karimova\n  aliases: [Karimova]\n  sex: female\n');
    try {
      await until('the entity merged in', () => karimova()?.entity === 'person:dilnoza-karimova', 30_000);
      const held = api.taskTimes.longestOnCpu(collector.pauses);
      console.log(`⟦geo⟧       (the user's entities merged into ${api.registry.all().length} open documents: longest task of ours on the host ${api.taskTimes.longest.toFixed(1)} ms — ${api.taskTimes.longestTask}; ${heldFor(held)})`);
      assert.ok(held.ms < 100, `${held.task} held the host ${held.ms.toFixed(1)} ms`);
    } finally {
      collector.stop();
      unlinkSync(entities);
    }
    await until('the entity taken back', () => karimova()?.entity !== 'person:dilnoza-karimova', 30_000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('finds entities with workspace symbol search', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Tokayev');
    const tokayev = symbols.find((x) => x.name === 'Kassym-Jomart Tokayev');
    assert.ok(tokayev, symbols.map((x) => x.name).join(', '));
    assert.match(tokayev.containerName, /mentions in \d+ files/);
  });

  it('shows who said what across the corpus, by country and speaker', async () => {
    await api.indexer.settled();
    const countries = await api.quotes.getChildren();
    const names = countries.map((c) => (c.type === 'country' ? c.name : ''));
    assert.ok(names.includes('Tajikistan'), names.join(', '));
    const tajikistan = countries.find((c) => c.type === 'country' && c.name === 'Tajikistan')!;
    const speakers = await api.quotes.getChildren(tajikistan);
    const rahmon = speakers.find((x) => x.type === 'speaker' && x.name === 'Emomali Rahmon')!;
    const quotes = await api.quotes.getChildren(rahmon);
    assert.ok(quotes.length >= 3);
    const item = api.quotes.getTreeItem(quotes[0]!);
    assert.equal(item.command?.command, 'vscode.open');
  });

  it('recognises a large file in the background, follows edits there, and never stalls the editor', async () => {
    const base = readFileSync(fileIn('002_68cde6279b7e6d9b.txt').fsPath, 'utf8');
    let big = '';
    while (big.length < 3_000_000) big += base + '\n\n';
    writeFileSync(fileIn('big.txt').fsPath, big);
    const host = watchHostThread();
    try {
      const doc = await vscode.workspace.openTextDocument(fileIn('big.txt'));
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      // Opening hands the editor's 3 MB model to the extension host: VS Code's own cost, measured apart.
      const openPause = host.worst;
      host.reset();
      api.taskTimes.reset();
      const collector = await watchCollector();
      const state = await until('the state', () => api.registry.get(doc));
      assert.ok(state.background, 'a 3 MB file goes to the worker');
      await until('background recognition', () => !state.pending && state.recognition.mentions.length > 1000, 60_000);
      const drawn = await until('decorations', () => api.decorations.drawn.get(editor.document.uri.toString())?.get('leader.suggested')?.length);
      assert.ok(drawn > 100);
      // An edit deep in the file: the worker's copy follows it and answers with a delta.
      const at = doc.getText().indexOf('\n\n', 1_500_000) + 2;
      const before = state.recognition.mentions.length;
      await editor.edit((b) => b.insert(doc.positionAt(at), 'Xi Jinping met Recep Tayyip Erdoğan. '));
      const xi = await until('the edit recognised', () => state.mentionAt(at + 1), 20_000);
      assert.equal(xi.entity, 'Q15031');
      assert.equal(state.mentionAt(at + 'Xi Jinping met '.length + 1)?.name, 'Recep Tayyip Erdoğan');
      assert.ok(state.recognition.mentions.length >= before + 2);
      const after = state.recognition.mentions.find((m) => m.start > at + 40)!;
      assert.equal(doc.getText().slice(after.start, after.end), after.text, 'what follows the edit moved with it');
      // Next / previous annotation find their way among 70,000 suggestions.
      editor.selection = new vscode.Selection(doc.positionAt(at + 1), doc.positionAt(at + 1));
      await vscode.commands.executeCommand('geoAnnotator.nextAnnotation');
      const next = state.recognition.mentions.find((m) => m.start > at + 1)!;
      assert.equal(doc.offsetAt(editor.selection.active), Math.min(next.start, state.recognition.quotes.find((q) => q.start > at + 1)?.start ?? Infinity));
      await vscode.commands.executeCommand('geoAnnotator.previousAnnotation');
      assert.equal(doc.offsetAt(editor.selection.active), at);
      // Fast typing in several places, without waiting: the worker's copy, kept by deltas, ends equal to a fresh recognition.
      const edits: Thenable<boolean>[] = [];
      for (let i = 0; i < 24; i++) {
        const where = doc.positionAt(Math.floor((doc.getText().length * (i % 6)) / 6) + i);
        edits.push(editor.edit((b) => (i % 3 === 2 ? b.delete(new vscode.Range(where, where.translate(0, 1))) : b.insert(where, i % 3 ? ' Putin' : 'x'))));
      }
      await Promise.all(edits);
      const version = doc.version;
      await until('the worker caught up', () => state.recognition.mentions.length > 0 && api.registry.get(doc) === state && doc.version === version && settledOn(state, doc), 30_000);
      host.stop(); // what follows is the test's own work on this thread
      const worst = host.worst;
      const fresh = recognize(doc.getText(), api.knowledgeBase());
      const brief = (r: { mentions: { start: number; end: number; entity: string | null }[] }) => r.mentions.map((m) => `${m.start}:${m.end}:${m.entity}`).join(' ');
      assert.equal(brief(state.recognition), brief(fresh));
      assert.deepEqual(state.recognition.quotes.map((q) => [q.start, q.end, q.speaker]), fresh.quotes.map((q) => [q.start, q.end, q.speaker]));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      const ours = api.taskTimes;
      collector.stop();
      const own = ours.longestOwn(collector.pauses);
      const onCpu = ours.longestOnCpu(collector.pauses);
      const tasks = ours.summary().slice(0, 4).map(([t, ms]) => `${t} ${ms.toFixed(1)}`).join(', ');
      console.log(`⟦geo⟧       (longest task of ours on the host: ${ours.longest.toFixed(1)} ms — ${tasks}; without collector pauses ${own.ms.toFixed(1)} ms — ${own.task}; ${heldFor(onCpu)}, longest collector pause ${collector.worst.toFixed(1)} ms; longest pause of the host thread, VS Code's own work included: ${Math.round(worst)} ms; VS Code opening the 3 MB document: ${Math.round(openPause)} ms)`);
      // Typically 15–30 ms here; the bound leaves room for a busy 2-core machine (the worker runs beside the host).
      assert.ok(onCpu.ms < 75, `the extension held the host for ${onCpu.ms.toFixed(1)} ms (${onCpu.task}), collector pauses and waits for a CPU apart`);
      // VS Code's own extensions scan a changed document too (links, merge conflicts): a loose bound on the whole thread.
      assert.ok(worst < 500, `the extension host stalled for ${Math.round(worst)} ms`);
    } finally {
      host.stop();
    }
  });

  it('opens a 40 MB file with highlights arriving progressively, and the host stays responsive', async function () {
    this.timeout(180_000);
    const base = readFileSync(fileIn('001_07f96165ea9ac347.txt').fsPath, 'utf8');
    const chunk = (base + '\n\n').repeat(Math.ceil(1_000_000 / base.length));
    writeFileSync(fileIn('huge.txt').fsPath, chunk.repeat(40));
    const doc = await vscode.workspace.openTextDocument(fileIn('huge.txt'));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    api.taskTimes.reset();
    // Holding 650,000 mentions makes the garbage collector copy them once: its pauses are counted apart.
    const collector = await watchCollector();
    // The whole thread too: work of ours that no task timer wraps would show here.
    const host = watchHostThread();
    const opened = performance.now();
    const state = await until('the state', () => api.registry.get(doc));
    const first = await until('the first highlights', () => (api.decorations.drawn.get(doc.uri.toString())?.get('leader.suggested')?.length ?? 0) > 0 && { at: performance.now(), pending: state.pending }, 60_000);
    assert.ok(first.pending, 'the first highlights come before the whole file is recognised');
    await until('the whole file', () => !state.pending, 150_000);
    const all = performance.now();
    host.stop();
    assert.ok(state.recognition.mentions.length > 200_000, `${state.recognition.mentions.length} mentions`);
    const last = state.recognition.mentions.at(-1)!;
    assert.equal(doc.getText(new vscode.Range(doc.positionAt(last.start), doc.positionAt(last.end))), last.text);
    const ours = api.taskTimes;
    collector.stop();
    const own = ours.longestOwn(collector.pauses);
    const onCpu = ours.longestOnCpu(collector.pauses);
    console.log(`⟦geo⟧       (40 MB: first highlights after ${Math.round(first.at - opened)} ms, all ${state.recognition.mentions.length} mentions after ${Math.round(all - opened)} ms; longest task of ours on the host: ${ours.longest.toFixed(1)} ms — ${ours.longestTask}; without collector pauses ${own.ms.toFixed(1)} ms — ${own.task}; ${heldFor(onCpu)}; longest garbage-collector pause ${collector.worst.toFixed(1)} ms; longest pause of the host thread, VS Code's own work included: ${Math.round(host.worst)} ms)`);
    // Not bounded: VS Code's own link detection scans the whole document here, ~0.4 s at
    // 40 MB (a CPU profile of this test showed no long run of ours), and the collector's
    // pauses, which grow with everything the host holds (VS Code's copy of the document too).
    // Two workers compete for the two cores, and a task's wall time includes any moment the
    // system gave its core to them (113 ms once for drawing one screen): a looser bound than for 3 MB.
    assert.ok(onCpu.ms < 200, `the extension held the host for ${onCpu.ms.toFixed(1)} ms (${onCpu.task}), collector pauses (up to ${collector.worst.toFixed(1)} ms) and waits for a CPU apart`);
    // One-character edits on screen, each breaking a name: from the edit to the screen
    // redrawn without it (the worker re-recognises the paragraph and answers with a delta).
    const uri = doc.uri.toString();
    const toEdit = (): Mention => {
      const screen = editor.visibleRanges[0]!;
      const [from, to] = [doc.offsetAt(screen.start), doc.offsetAt(screen.end)];
      return state.recognition.mentions.find((m) => m.start >= from && m.end <= to && (m.type === 'leader' || m.type === 'country') && m.entity !== null && m.end - m.start >= 5)!;
    };
    // The name as it was, only moved by the deletion: still drawn until the worker's answer lands.
    const drawnAsBefore = (m: Mention) => (api.decorations.drawn.get(uri)?.get(`${m.type}.suggested`) ?? []).some((r) => doc.offsetAt(r.start) === m.start && doc.offsetAt(r.end) === m.end - 1);
    const recognisedAgain = (m: Mention) => {
      const now = state.mentionAt(m.start);
      return !now || now.entity !== m.entity || now.end !== m.end - 1;
    };
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const m = toEdit();
      assert.ok(m, 'a name on screen to edit');
      const asked = performance.now();
      await editor.edit((b) => b.delete(new vscode.Range(doc.positionAt(m.start + 1), doc.positionAt(m.start + 2))));
      let stateAt = 0;
      for (const end = asked + 20_000; performance.now() < end; await new Promise((r) => setTimeout(r, 2))) {
        if (!stateAt && recognisedAgain(m)) stateAt = performance.now();
        if (stateAt && (api.decorations.drawnAt.get(uri) ?? 0) > asked && !drawnAsBefore(m)) break;
      }
      assert.ok(stateAt, 'the edit was recognised');
      latencies.push(api.decorations.drawnAt.get(uri)! - asked);
    }
    console.log(`⟦geo⟧       (one-character edits in the 40 MB file, each breaking a name on screen, from the edit to the screen redrawn: ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms)`);
    // Commands on the 40 MB file, as a user runs them on a name or quote on screen: each
    // answers without holding the host (what is at an offset is found by a binary search,
    // a pass over every mention runs a slice at a time).
    api.taskTimes.reset();
    const commandCollector = await watchCollector();
    const commandHost = watchHostThread();
    const screenFrom = doc.offsetAt(editor.visibleRanges[0]!.start);
    const country = state.recognition.mentions.find((m) => m.start >= screenFrom && m.entity === 'RUS' && m.type === 'country')!;
    assert.ok(country, 'Russia named after the screen');
    editor.revealRange(new vscode.Range(doc.positionAt(country.start), doc.positionAt(country.end)));
    const shown = (await vscode.commands.executeCommand('geoAnnotator.showMentions', { offset: country.start + 1 })) as vscode.Location[];
    await vscode.commands.executeCommand('closeReferenceSearch');
    const russiaNamed = state.mentionsOf('RUS');
    const pauses: [string, number][] = [['show mentions', commandHost.worstApart(commandCollector.pauses)]];
    commandHost.reset();
    editor.selection = new vscode.Selection(doc.positionAt(country.start), doc.positionAt(country.end));
    await vscode.commands.executeCommand('geoAnnotator.annotateSelection', { kind: 'country' });
    pauses.push(['annotate the selection', commandHost.worstApart(commandCollector.pauses)]);
    commandHost.reset();
    const quote = state.recognition.quotes.find((q) => q.start >= country.end)!;
    await vscode.commands.executeCommand('geoAnnotator.setSpeaker', { offset: quote.start + 1, speaker: 'Vladimir Putin' });
    pauses.push(['set a speaker', commandHost.worstApart(commandCollector.pauses)]);
    commandHost.reset();
    const leader = state.recognition.mentions.find((m) => m.start > quote.end && m.type === 'leader' && m.entity !== null)!;
    await vscode.commands.executeCommand('geoAnnotator.linkEntity', { offset: leader.start, entity: leader.entity! });
    pauses.push(['link a name', commandHost.worstApart(commandCollector.pauses)]);
    commandHost.reset();
    const references = (await vscode.commands.executeCommand('vscode.executeReferenceProvider', doc.uri, doc.positionAt(country.start + 1))) as vscode.Location[];
    pauses.push(['go to references', commandHost.worstApart(commandCollector.pauses)]);
    commandHost.reset();
    // The side panel, opened on the file, each level of it.
    const panel = api.entities;
    const kinds = await panel.getChildren();
    const countries = kinds.find((k) => k.type === 'kind' && k.kind === 'country')!;
    const entities = await panel.getChildren(countries);
    const russia = entities.find((e) => e.type === 'entity' && e.key === 'RUS')!;
    const russiaRows = await panel.getChildren(russia);
    const speakers = await panel.getChildren(kinds.find((k) => k.type === 'speakers'));
    const topSpeaker = speakers[0]!;
    const quotesOfTop = await panel.getChildren(topSpeaker);
    pauses.push(['the side panel', commandHost.worstApart(commandCollector.pauses)]);
    commandHost.reset();
    // Who Said What across the workspace, the 40 MB file's tens of thousands of quotes among them.
    await api.indexer.settled();
    commandHost.reset();
    const whoSpeakers = (await Promise.all((await api.quotes.getChildren()).map((c) => api.quotes.getChildren(c)))).flat();
    const mostQuoted = whoSpeakers.reduce((a, b) => (b.type === 'speaker' && a.type === 'speaker' && b.quotes.length > a.quotes.length ? b : a));
    const whoRows = await api.quotes.getChildren(mostQuoted);
    const whoItem = api.quotes.getTreeItem(whoRows[0]!);
    pauses.push(['who said what', commandHost.worstApart(commandCollector.pauses)]);
    assert.ok(mostQuoted.type === 'speaker' && mostQuoted.quotes.length > 500 && whoRows.length === 501 && whoRows[500]!.type === 'more', `${whoRows.length} rows for the most quoted speaker`);
    assert.equal(whoItem.command?.command, 'vscode.open');
    commandHost.reset();
    // All 650,000 suggestions would make a sidecar too large to read back: nothing is annotated.
    const annotationsBefore = state.annotations.length;
    const made = await vscode.commands.executeCommand('geoAnnotator.annotateDocument');
    pauses.push(['annotate the document (refused)', commandHost.worstApart(commandCollector.pauses)]);
    assert.equal(made, 0);
    assert.equal(state.annotations.length, annotationsBefore);
    commandHost.stop();
    commandCollector.stop();
    const ownInCommands = api.taskTimes.longestOwn(commandCollector.pauses);
    const onCpuInCommands = api.taskTimes.longestOnCpu(commandCollector.pauses);
    const annotated = state.annotations.filter((a) => !a.orphan);
    assert.ok(annotated.some((a) => a.start === country.start && a.end === country.end && a.stored.kind === 'country'), 'the selection annotated');
    assert.ok(annotated.some((a) => a.start === quote.start && a.stored.speaker === 'Vladimir Putin'), 'the speaker set');
    assert.ok(annotated.some((a) => a.start === leader.start && a.stored.entity === leader.entity), 'the name linked');
    // Lists of Russia's mentions hold the 5,000 nearest the cursor; the panel counts all and lists 500.
    assert.ok(russiaNamed > 100_000, `${russiaNamed} mentions of Russia`);
    for (const list of [shown, references]) {
      assert.equal(list.length, 5_000);
      const starts = list.map((l) => doc.offsetAt(l.range.start));
      assert.ok(starts[0]! <= country.start && country.start <= starts.at(-1)!, 'around the mention asked about');
    }
    assert.ok(countries.type === 'kind' && countries.count === state.recognition.mentions.filter((m) => m.type === 'country').length);
    assert.ok(russia.type === 'entity' && russia.count === state.recognition.mentions.filter((m) => m.type === 'country' && m.entity === 'RUS').length);
    assert.equal(russiaRows.length, 501, 'the first 500 rows and one saying how many more');
    assert.ok(topSpeaker.type === 'speaker' && topSpeaker.count > 500 && quotesOfTop.length === 501, `${topSpeaker.type === 'speaker' && topSpeaker.name}: ${quotesOfTop.length} rows`);
    const firstRow = quotesOfTop[0]!;
    assert.ok(firstRow.type === 'mention' && state.recognition.quotes.some((q) => q.start === firstRow.start && (q.speaker ?? '(no speaker)') === topSpeaker.name));
    console.log(`⟦geo⟧       (commands on the 40 MB file: the host's longest pause, collector pauses apart, VS Code's own work included: ${pauses.map(([c, ms]) => `${c} ${ms.toFixed(0)} ms`).join(', ')}; longest task of ours ${ownInCommands.ms.toFixed(1)} ms — ${ownInCommands.task}, ${heldFor(onCpuInCommands)}; ${shown.length} of Russia's ${russiaNamed} mentions listed)`);
    // Each used to hold the host for its whole pass over the 658,000 mentions (Show Mentions 684 ms with 120,000 locations, annotating 227 ms for the text's code-point map).
    assert.ok(onCpuInCommands.ms < 200, `a command held the host for ${onCpuInCommands.ms.toFixed(1)} ms (${onCpuInCommands.task}), collector pauses and waits for a CPU apart`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.equal(editor.document, doc);
  });

  for (const commented of [true, false]) {
    const shape = commented ? 'keeping a comment line and a field added by hand to every annotation' : 'as written with a comment line added, without the YAML library';
    // A file of its own each: the other's editor and sidecar state stay open.
    const name = commented ? 'many.txt' : 'many-as-written.txt';
    it(`reads and writes a sidecar of 10,000 annotations off the host thread, ${shape}`, async function () {
      this.timeout(120_000);
      const base = readFileSync(fileIn('002_68cde6279b7e6d9b.txt').fsPath, 'utf8');
      let text = '';
      while (text.length < 1_000_000) text += base + '\n\n';
      const map = new CodePointMap(text);
      const annotations = recognize(text, KnowledgeBase.builtin())
        .mentions.slice(0, 10_000)
        .map((m, i) => makeAnnotation(text, map, m.start, m.end, { kind: m.type, entity: m.entity, name: m.name, status: 'accepted', id: `m${i}` }));
      assert.equal(annotations.length, 10_000);
      writeFileSync(fileIn(name).fsPath, text);
      const path = fileIn(name).fsPath + '.geo.yaml';
      // A comment line at the top in both; in one, a field added by hand to every annotation (more than the plain writer keeps).
      const asWritten = '# checked by hand up to paragraph 40\n' + serializeSidecar({ version: 1, source: name, annotations });
      writeFileSync(path, commented ? asWritten.replaceAll('    status: accepted\n', '    status: accepted\n    checkedBy: Ana\n') : asWritten);
      api.taskTimes.reset();
      const collector = await watchCollector();
      const host = watchHostThread();
      const opened = Date.now();
      const editor = await open(name);
      host.reset(); // VS Code's own opening of the document, not ours
      const state = await until('the sidecar', () => api.registry.get(editor.document)?.annotations.length === 10_000 && api.registry.get(editor.document), 60_000);
      const loadedMs = Date.now() - opened;
      host.stop();
      const worst = host.worstApart(collector.pauses);
      const noteOnDisk = async (index: number, note: string) => {
        const asked = Date.now();
        await vscode.commands.executeCommand('geoAnnotator.editNote', { offset: state.annotations[index]!.start, note });
        const yaml = await until(`the note “${note}” on disk`, () => {
          const y = readFileSync(path, 'utf8');
          return y.includes(note) && y;
        }, 60_000);
        return { yaml, ms: Date.now() - asked };
      };
      // What closing the window waits for: a write under way (the first after the read waits for the YAML's parse, or the check that it is as written).
      const closing = Date.now();
      void vscode.commands.executeCommand('geoAnnotator.editNote', { offset: state.annotations[3_000]!.start, note: 'before closing' });
      // (A write that needs no wait may be on disk before the next look: then it is no longer under way.)
      const onDisk = () => readFileSync(path, 'utf8').includes('note: before closing');
      await until('a sidecar write under way or done', () => api.sidecarWrites.underWay() > 0 || onDisk(), 10_000);
      await api.sidecarWrites.settled();
      const settledMs = Date.now() - closing;
      assert.ok(onDisk(), 'settled before the write was on disk');
      const first = await noteOnDisk(5_000, 'the middle one');
      assert.match(first.yaml, /^# checked by hand up to paragraph 40\n# geo-annotator sidecar/);
      if (commented) assert.match(first.yaml, /\n {4}checkedBy: Ana\n/);
      const written = parse(first.yaml) as { annotations: { id: string; note?: string }[] };
      assert.equal(written.annotations.length, 10_000);
      assert.equal(written.annotations.filter((a) => a.note).length, 2);
      // The next write renders only the annotation that changed: the file gains one line, loses none.
      const second = await noteOnDisk(7_000, 'a later one');
      const before = new Set(first.yaml.split('\n'));
      const after = second.yaml.split('\n');
      assert.deepEqual(after.filter((line) => !before.has(line)), ['    note: a later one']);
      assert.equal(after.length, first.yaml.split('\n').length + 1);
      const ours = api.taskTimes;
      collector.stop();
      const own = ours.longestOwn(collector.pauses);
      const onCpu = ours.longestOnCpu(collector.pauses);
      console.log(`⟦geo⟧       (10,000 annotations, ${shape}: read ${loadedMs} ms after opening, the host thread's longest pause meanwhile ${Math.round(host.worst)} ms, ${Math.round(worst)} ms apart from the collector's; the first note on disk ${settledMs} ms after the command (what closing the window waits for), the next ${first.ms} ms after, the next ${second.ms} ms after; longest task of ours on the host ${ours.longest.toFixed(1)} ms — ${ours.longestTask}; without collector pauses ${own.ms.toFixed(1)} ms — ${own.task}; ${heldFor(onCpu)}; longest collector pause ${collector.worst.toFixed(1)} ms)`);
      // Placing the annotations once took ~300 ms in one piece, which no task timer saw; it is
      // timed now, a slice at a time, and bounded with our other tasks below. The whole
      // thread's bound is looser: it counts VS Code's own work, and moments when the two
      // cores are busy with the workers (51–105 ms typically; one loaded CI run saw 242 ms).
      assert.ok(worst < 500, `the extension host stalled for ${Math.round(worst)} ms while the sidecar was read and placed (collector pauses apart; up to ${collector.worst.toFixed(0)} ms)`);
      assert.ok(onCpu.ms < 150, `the extension held the host for ${onCpu.ms.toFixed(1)} ms (${onCpu.task}), collector pauses and waits for a CPU apart`);
      // Read again, unchanged since written: the sidecar worker answers from its parsed-sidecar
      // cache in the extension's global storage (recorded once the worker is idle after a write).
      await new Promise((r) => setTimeout(r, 3_000));
      const readAgain = Date.now();
      await state.loadSidecar();
      const againMs = Date.now() - readAgain;
      console.log(`⟦geo⟧       (read again, unchanged: ${againMs} ms, placing its 10,000 annotations included)`);
      assert.ok(state.sidecar.kind === 'loaded' && state.sidecar.parsed.fromCache, 'the second read came from the parsed-sidecar cache');
      assert.equal(state.annotations.length, 10_000);
      assert.deepEqual(state.annotations.filter((a) => a.stored.note).map((a) => a.stored.note), ['before closing', 'the middle one', 'a later one']);
    });
  }

  it('recognises a large file with a BOM and CRLF line ends in the worker, offsets matching the editor', async () => {
    const base = readFileSync(fileIn('004_cb2f0ed14a2d0f71.txt').fsPath, 'utf8').replace(/\r?\n/g, '\r\n');
    let text = '';
    while (text.length < 400_000) text += base + '\r\n\r\n';
    writeFileSync(fileIn('crlf.txt').fsPath, '\ufeff' + text);
    const editor = await open('crlf.txt');
    const state = await until('the state', () => api.registry.get(editor.document));
    assert.ok(state.background, 'a 400 KB file goes to the worker');
    await until('recognition', () => !state.pending && state.recognition.mentions.length > 100, 30_000);
    const doc = editor.document;
    for (const m of [state.recognition.mentions[0]!, state.recognition.mentions.at(-1)!, ...state.recognition.quotes.slice(0, 3)]) {
      assert.equal(doc.getText(new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))), m.text);
    }
  });

  it('draws a file of one long line near the cursor, not all of it at once', async function () {
    this.timeout(120_000);
    const base = readFileSync(fileIn('001_07f96165ea9ac347.txt').fsPath, 'utf8').replace(/\r?\n/g, ' ');
    let text = '';
    while (text.length < 4_000_000) text += base + ' ';
    writeFileSync(fileIn('oneline.txt').fsPath, text);
    api.taskTimes.reset();
    const collector = await watchCollector();
    const editor = await open('oneline.txt');
    const doc = editor.document;
    assert.equal(doc.lineCount, 1);
    const state = await until('the state', () => api.registry.get(doc));
    await until('recognition', () => !state.pending && state.recognition.mentions.length > 10_000, 60_000);
    const uri = doc.uri.toString();
    const drawnSpan = () => {
      // Names only: a quote left open runs to the end of the one paragraph, from wherever it began.
      const ranges = [...(api.decorations.drawn.get(uri) ?? [])].filter(([key]) => !key.startsWith('quote.')).flatMap(([, r]) => r);
      return { count: ranges.length, from: ranges.reduce((a, r) => Math.min(a, doc.offsetAt(r.start)), Infinity), to: ranges.reduce((a, r) => Math.max(a, doc.offsetAt(r.end)), 0) };
    };
    const first = await until('highlights', () => drawnSpan().count > 100 && drawnSpan());
    // The one line is "on screen" from end to end: drawing all of it was 80,000 ranges in one go.
    assert.ok(first.to < 300_000, `drawn up to ${first.to}, the cursor at the start`);
    const end = doc.positionAt(text.length - 10);
    editor.selection = new vscode.Selection(end, end);
    const last = await until('highlights near the cursor at the end', () => drawnSpan().from > text.length - 300_000 && drawnSpan());
    assert.ok(last.count > 100 && last.count < 20_000, `${last.count} ranges drawn`);
    // An edit in the middle of the line: read as if broken after its sentences, the worker
    // re-reads the sentences around it, and the copy kept by its deltas equals a fresh recognition.
    const middle = text.indexOf('. ', 2_000_000) + 1;
    const said = ' Putin said “we agree.”';
    const typed = Date.now();
    await editor.edit((b) => b.insert(doc.positionAt(middle), said));
    await until('the edit recognised', () => state.recognition.mentions.some((m) => m.start === middle + 1 && m.text === 'Putin') && settledOn(state, doc), 30_000);
    const answeredMs = Date.now() - typed;
    collector.stop();
    const own = api.taskTimes.longestOwn(collector.pauses);
    const onCpu = api.taskTimes.longestOnCpu(collector.pauses);
    const fresh = recognize(doc.getText(), api.knowledgeBase());
    assert.deepEqual(state.recognition.mentions.map((m) => `${m.start}:${m.end}:${m.entity}`), fresh.mentions.map((m) => `${m.start}:${m.end}:${m.entity}`));
    assert.deepEqual(state.recognition.quotes.map((q) => [q.start, q.end, q.speaker]), fresh.quotes.map((q) => [q.start, q.end, q.speaker]));
    console.log(`⟦geo⟧       (a 4 MB file of one line: ${first.count} ranges drawn at the start, ${last.count} at the end; an edit in the middle recognised ${answeredMs} ms after it was made; longest task of ours on the host ${own.ms.toFixed(1)} ms — ${own.task}, collector pauses apart; ${heldFor(onCpu)})`);
    assert.ok(onCpu.ms < 150, `the extension held the host for ${onCpu.ms.toFixed(1)} ms (${onCpu.task}), collector pauses and waits for a CPU apart`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCodeCacheFolder } from '../../src/cli/codeCacheFolder';
import { mergeIntoSidecar } from '../../src/cli/sidecarFiles';
import { cacheFileName, readCache } from '../../src/node/codeCache';
import { makeAnnotation } from '../../src/core/sidecar/selector';
import { CodePointMap } from '../../src/core/text/offsets';
import { CORPUS_DIR, corpusFiles } from './corpus';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

/** The code cache the runs below keep (see src/cli/entry.ts), in a folder of the tests' own. */
let codeCache = 'off';

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GEO_ANNOTATE_CODE_CACHE: codeCache, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Doc {
  source: string;
  mentions: { start: number; end: number; text: string; type: string; entity: string | null; name: string }[];
  quotes: { start: number; end: number; text: string; kind: string; speaker: string | null }[];
}

describe('CLI geo-annotate', function () {
  this.timeout(60_000);
  let tmp: string;

  before(() => {
    if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist', 'cliMain.js'))) execFileSync(process.execPath, [join(ROOT, 'esbuild.js')], { cwd: ROOT });
    tmp = mkdtempSync(join(tmpdir(), 'geo-cli-'));
    codeCache = join(tmp, 'code-cache');
  });
  after(() => {
    codeCache = 'off';
    rmSync(tmp, { recursive: true, force: true });
  });

  it('prints the JSON contract for every corpus article, with spans that match the text', () => {
    for (const name of corpusFiles()) {
      const r = run('annotate', '--json', join(CORPUS_DIR, name));
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout) as Doc;
      const cps = Array.from(readFileSync(join(CORPUS_DIR, name), 'utf8').replace(/^\uFEFF/, ''));
      assert.ok(doc.mentions.length > 10, `${name}: mentions found`);
      for (const m of [...doc.mentions, ...doc.quotes]) assert.equal(cps.slice(m.start, m.end).join(''), m.text);
      for (const m of doc.mentions) {
        assert.ok(['leader', 'person', 'country', 'demonym', 'place', 'org'].includes(m.type));
        assert.ok(typeof m.name === 'string' && m.name.length > 0);
      }
      for (let i = 1; i < doc.mentions.length; i++) assert.ok(doc.mentions[i - 1]!.end <= doc.mentions[i]!.start, 'mentions do not overlap');
    }
  });

  it('tags a nested quote only when it is a term in its own right, as the gold does', () => {
    const file = join(tmp, 'nested.txt');
    writeFileSync(file, '“He told me, ‘If they come for me, do not be afraid of anything at all,’ and called it a “witch hunt,”” she said.');
    const doc = JSON.parse(run('annotate', '--json', file).stdout) as Doc;
    assert.deepEqual(
      doc.quotes.map((q) => `${q.kind} ${q.text.slice(0, 12)}`),
      ['speech “He told me,', 'term “witch hunt,'],
    );
  });

  it('counts offsets in code points, after a BOM, with CRLF and astral characters', () => {
    const file = join(tmp, 'astral.txt');
    writeFileSync(file, '\uFEFF😀🇷🇺 Russia\r\n“Respect,” Vladimir Putin said. 𝔸 China');
    const doc = JSON.parse(run('annotate', '--json', file).stdout) as Doc;
    const russia = doc.mentions.find((m) => m.text === 'Russia')!;
    assert.deepEqual([russia.start, russia.end], [4, 10]);
    const china = doc.mentions.find((m) => m.text === 'China')!;
    const cps = Array.from(readFileSync(file, 'utf8').slice(1));
    assert.equal(cps.slice(china.start, china.end).join(''), 'China');
    const quote = doc.quotes[0]!;
    assert.equal(quote.text, '“Respect,”');
    assert.equal(quote.start, 12);
  });

  it('refuses a missing file, a directory, a binary and a non-UTF-8 file with a clear message', () => {
    const binary = join(tmp, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const latin1 = join(tmp, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Stra\xdfe in M\xfcnchen', 'latin1'));
    const cases: [string, RegExp][] = [
      [join(tmp, 'missing.txt'), /no such file/],
      [tmp, /is a directory/],
      [binary, /binary/],
      [latin1, /not valid UTF-8/],
    ];
    for (const [path, message] of cases) {
      const r = run('annotate', '--json', path);
      assert.notEqual(r.code, 0, path);
      assert.match(r.stderr, message);
    }
  });

  it('prints a readable summary and walks folders with -r', () => {
    const r = run('annotate', '-r', CORPUS_DIR);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /leader\s+Vladimir Putin ×\d+/);
    assert.match(r.stdout, /speech\s+“We want respect\. Nothing else\. Respect,” — Emomali Rahmon/);
    assert.equal((r.stdout.match(/ mentions, /g) ?? []).length, corpusFiles().length);
  });

  it('searches and lists the knowledge base', () => {
    const search = run('kb', 'search', 'tokaev');
    assert.equal(search.code, 0);
    assert.match(search.stdout, /Kassym-Jomart Tokayev/);
    const list = JSON.parse(run('kb', 'list', '--json').stdout) as { id: string; kind: string }[];
    assert.ok(list.some((e) => e.kind === 'country' && e.id === 'KAZ'));
    const stats = JSON.parse(run('kb', 'stats', '--json').stdout) as { countries: number; asOf: string };
    assert.ok(stats.countries >= 195);
    assert.match(stats.asOf, /^\d{4}-\d{2}/);
  });

  it('keeps a code cache of its bundle: written by a first run, taken by the next, the same answer either way', () => {
    const folder = join(tmp, 'own-cache');
    const article = join(CORPUS_DIR, corpusFiles()[0]!);
    const first = runWith({ GEO_ANNOTATE_CODE_CACHE: folder }, 'annotate', '--json', article);
    assert.equal(first.code, 0, first.stderr);
    const bundle = join(ROOT, 'dist', 'cliMain.js');
    const name = cacheFileName(bundle, readFileSync(bundle));
    assert.deepEqual(readdirSync(folder), [name]);
    assert.ok(readCache(join(folder, name)), 'a whole cache of ours');
    const written = statSync(join(folder, name)).mtimeMs;
    const second = runWith({ GEO_ANNOTATE_CODE_CACHE: folder }, 'annotate', '--json', article);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, first.stdout);
    // V8 took the cache: nothing was written again.
    assert.deepEqual(readdirSync(folder), [name]);
    assert.equal(statSync(join(folder, name)).mtimeMs, written);
  });

  it('runs the same without a code cache: when told so, and where its folder cannot be made', () => {
    const article = join(CORPUS_DIR, corpusFiles()[0]!);
    const cached = runWith({}, 'annotate', '--json', article);
    const off = runWith({ GEO_ANNOTATE_CODE_CACHE: 'off' }, 'annotate', '--json', article);
    assert.equal(off.code, 0, off.stderr);
    assert.equal(off.stdout, cached.stdout);
    const aFile = join(tmp, 'not-a-folder');
    writeFileSync(aFile, 'x');
    const blocked = runWith({ GEO_ANNOTATE_CODE_CACHE: join(aFile, 'code-cache') }, 'annotate', '--json', article);
    assert.equal(blocked.code, 0, blocked.stderr);
    assert.equal(blocked.stderr, '');
    assert.equal(blocked.stdout, cached.stdout);
    assert.equal(readFileSync(aFile, 'utf8'), 'x');
  });

  it('keeps its code cache in the user’s cache folder unless told otherwise', () => {
    const before = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = join(tmp, 'xdg');
    try {
      if (process.platform === 'linux') assert.equal(cliCodeCacheFolder({}), join(tmp, 'xdg', 'geo-annotator', 'code-cache'));
      assert.match(cliCodeCacheFolder({})!, /geo-annotator[\\/](?:Cache[\\/])?code-cache$/);
      assert.equal(cliCodeCacheFolder({ GEO_ANNOTATE_CODE_CACHE: '/elsewhere' }), '/elsewhere');
      assert.equal(cliCodeCacheFolder({ GEO_ANNOTATE_CODE_CACHE: 'off' }), undefined);
    } finally {
      if (before === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = before;
    }
  });

  it('exits 2 with usage on a bad command line', () => {
    assert.equal(run('frobnicate').code, 2);
    assert.equal(run('annotate', '--bogus', 'x.txt').code, 2);
  });
});

describe('sidecars too large to read back', function () {
  this.timeout(60_000);

  it('are never written: the merge says why, and the sidecar on disk stays as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geo-large-'));
    try {
      const textPath = join(dir, 'corpus.txt');
      const text = 'Vladimir Putin met Xi Jinping in Moscow, and talks went on. '.repeat(20_000);
      writeFileSync(textPath, text);
      const map = new CodePointMap(text);
      const at = (i: number) => (i * 61) % (text.length - 40);
      const one = await mergeIntoSidecar(textPath, text, [makeAnnotation(text, map, 0, 14, { id: 'a0', kind: 'leader', entity: 'Q7747', name: 'Vladimir Putin', status: 'accepted' })]);
      assert.deepEqual(one, { added: 1 });
      const before = readFileSync(`${textPath}.geo.yaml`, 'utf8');
      // ~170,000 annotations with their context: past the 32 MB a read takes.
      const many = Array.from({ length: 170_000 }, (_, i) => makeAnnotation(text, map, at(i), at(i) + 30, { id: `b${i}`, kind: 'place', status: 'suggested' }));
      const r = await mergeIntoSidecar(textPath, text, many);
      assert.ok('error' in r && /over the 32 MB a sidecar is read back up to; it was not written/.test(r.error), JSON.stringify(r).slice(0, 300));
      assert.equal(readFileSync(`${textPath}.geo.yaml`, 'utf8'), before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import type { WorkerAnswer, WorkerRequest } from '../../src/backgroundRecognizer';
import { unpackRecognition } from '../../src/core/model/packed';
import { runAtOnce } from '../../src/core/util/sliced';
import { cacheFileName, loadCommonJs, readCache } from '../../src/node/codeCache';
import type { WorkerEntryData } from '../../src/workerEntry';

/** A CommonJS module with functions of its own and a require, as a bundle has. */
const moduleText = (n: number) => `
const { join } = require('node:path');
function fib(k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }
exports.value = () => fib(${n}) + ':' + join('a', 'b') + ':' + typeof module + ':' + require('node:path').basename(__filename);
`;

describe('loadCommonJs (the code cache of the extension bundle)', () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'geo-code-cache-'));
    cacheDir = join(dir, 'storage', 'code-cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bundle = (text: string, name = 'main.js') => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const load = (file: string, folder: string | null = cacheDir) => loadCommonJs<{ value(): string }>(file, require, folder ?? undefined);
  const caches = () => readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache')).sort();

  it('runs the module as Node would, with no folder for a cache', async () => {
    const loaded = load(bundle(moduleText(10)), null);
    assert.equal(loaded.exports.value(), `55:${join('a', 'b')}:object:main.js`);
    assert.equal(loaded.report.cache, 'off');
    assert.equal(await loaded.saveCache(), false);
  });

  it('writes a cache at the first start that V8 takes at the next, and leaves it be then', async () => {
    const file = bundle(moduleText(12));
    const first = load(file);
    assert.equal(first.report.cache, 'absent');
    assert.equal(first.exports.value().split(':')[0], '144');
    assert.equal(await first.saveCache(), true);
    assert.equal(await first.saveCache(), true, 'asked again: the same write');
    assert.deepEqual(caches(), [cacheFileName(file, readFileSync(file))]);
    const second = load(file);
    assert.equal(second.report.cache, 'used');
    assert.equal(second.exports.value(), first.exports.value());
    assert.equal(await second.saveCache(), false);
    assert.ok(second.report.readMs >= 0 && second.report.compileMs >= 0 && second.report.runMs >= 0);
  });

  it('a changed bundle gets a cache of its own, and the old one goes when that is written', async () => {
    const other = bundle(moduleText(3), 'other.js');
    await load(other).saveCache();
    const file = bundle(moduleText(12));
    await load(file).saveCache();
    writeFileSync(file, moduleText(13));
    const changed = load(file);
    assert.equal(changed.report.cache, 'absent', 'the old cache is not this text’s');
    assert.equal(changed.exports.value().split(':')[0], '233');
    await changed.saveCache();
    assert.deepEqual(caches(), [cacheFileName(file, readFileSync(file)), cacheFileName(other, readFileSync(other))].sort());
    assert.equal(load(file).report.cache, 'used');
  });

  it('a cache file that is not whole is passed over, and written again', async () => {
    const file = bundle(moduleText(11));
    await load(file).saveCache();
    const cacheFile = join(cacheDir, caches()[0]!);
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length - 7));
    const cut = load(file);
    assert.equal(cut.report.cache, 'absent');
    assert.equal(cut.exports.value().split(':')[0], '89');
    assert.equal(await cut.saveCache(), true);
    assert.equal(load(file).report.cache, 'used');
  });

  it('a cache of ours that V8 refuses (made for another text) is reported so and replaced', async () => {
    const file = bundle(moduleText(12));
    const elsewhere = bundle(moduleText(12) + '\n// another text, another length\n', 'elsewhere.js');
    await load(elsewhere).saveCache();
    const theirs = readFileSync(join(cacheDir, cacheFileName(elsewhere, readFileSync(elsewhere))));
    writeFileSync(join(cacheDir, cacheFileName(file, readFileSync(file))), theirs);
    const refused = load(file);
    assert.equal(refused.report.cache, 'rejected');
    assert.equal(refused.exports.value().split(':')[0], '144');
    assert.equal(await refused.saveCache(), true);
    assert.equal(load(file).report.cache, 'used');
  });

  it('a folder that cannot be made costs the cache only', async () => {
    const file = bundle(moduleText(9));
    writeFileSync(join(dir, 'storage'), 'a file where the folder would be');
    const loaded = load(file);
    assert.equal(loaded.report.cache, 'absent');
    assert.equal(await loaded.saveCache(), false);
    assert.equal(loaded.exports.value().split(':')[0], '34');
  });

  it('readCache takes no file with any one byte changed', async () => {
    const file = bundle(moduleText(8));
    await load(file).saveCache();
    const cacheFile = join(cacheDir, caches()[0]!);
    const whole = readFileSync(cacheFile);
    assert.ok(readCache(cacheFile));
    fc.assert(
      fc.property(fc.nat(whole.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bytes = Buffer.from(whole);
        bytes[at] = bytes[at]! ^ flip;
        writeFileSync(cacheFile, bytes);
        return readCache(cacheFile) === undefined;
      }),
      { numRuns: 60 },
    );
  });

  it('a worker thread loads its bundle through the cache, which it writes after its first work', async function () {
    this.timeout(60_000);
    const dist = join(__dirname, '..', '..', 'dist');
    if (!existsSync(join(dist, 'workerEntry.js'))) execFileSync(process.execPath, [join(__dirname, '..', '..', 'esbuild.js')], { cwd: join(__dirname, '..', '..') });
    const text = 'Kazakh President Kassym-Jomart Tokayev met Vladimir Putin in Astana. “We agree,” Tokayev said.';
    const recognise = async () => {
      const workerData: WorkerEntryData = { main: 'recognizeWorker.js', codeCacheDir: cacheDir, codeCacheAfterMs: 50 };
      const worker = new Worker(join(dist, 'workerEntry.js'), { workerData });
      try {
        const answer = new Promise<WorkerAnswer>((resolve) => worker.once('message', resolve));
        worker.postMessage({ type: 'recognize', id: 1, text, userEntities: [] } satisfies WorkerRequest);
        const a = await answer;
        assert.ok(a.type === 'recognized');
        const r = runAtOnce(unpackRecognition(a.packed, text));
        for (let t = Date.now(); !existsSync(cacheDir) || caches().length === 0; ) {
          assert.ok(Date.now() - t < 20_000, 'no cache written');
          await new Promise((done) => setTimeout(done, 50));
        }
        return r;
      } finally {
        await worker.terminate();
      }
    };
    const first = await recognise();
    assert.deepEqual(first.mentions.map((m) => m.text), ['Kazakh', 'Kassym-Jomart Tokayev', 'Vladimir Putin', 'Astana', 'Tokayev']);
    assert.equal(first.quotes[0]?.speaker, 'Kassym-Jomart Tokayev');
    const main = join(dist, 'recognizeWorker.js');
    const bytes = readFileSync(main);
    assert.deepEqual(caches(), [cacheFileName(main, bytes)]);
    const data = readCache(join(cacheDir, caches()[0]!));
    assert.ok(data);
    assert.equal(new Script(Module.wrap(bytes.toString('utf8')), { filename: main, cachedData: data }).cachedDataRejected, false, 'V8 takes it');
    assert.deepEqual(await recognise(), first, 'the same answer through the cache');
  });
});

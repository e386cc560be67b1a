import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { makeAnnotation, parseSidecar, serializeSidecar, type Sidecar, type StoredAnnotation } from '../../src/core/sidecar/index';
import { unpackAnnotationsSteps } from '../../src/core/sidecar/packedAnnotations';
import { CodePointMap } from '../../src/core/text/offsets';
import { runAtOnce } from '../../src/core/util/sliced';
import { ParsedSidecarCache } from '../../src/node/parsedSidecarCache';
import { SidecarCodec, type SidecarAnswer, type SidecarNotice, type SidecarRead, type SidecarRequest, type SidecarWorkerData } from '../../src/sidecarCodec';

const WORKER_SOURCE = join(__dirname, '..', '..', 'src', 'sidecarWorker.ts');

/** A read or a write, without the id the client gives it. */
type Request = SidecarRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The sidecar worker itself, run from its source, spoken to as the extension does. */
class WorkerClient {
  private readonly worker: Worker;
  private next = 1;
  /** Sidecars the worker said it read wrongly. */
  readonly misread: string[] = [];

  constructor(workerData: SidecarWorkerData = {}) {
    this.worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER_SOURCE)});`, { eval: true, workerData });
    this.worker.on('message', (m: SidecarAnswer | SidecarNotice) => 'misread' in m && this.misread.push(m.misread));
  }

  async read(path: string, yaml: string, textLength?: number): Promise<SidecarRead> {
    const a = await this.ask({ type: 'read', path, yaml, ...(textLength === undefined ? {} : { textLength }) });
    assert.ok('read' in a);
    return a.read;
  }

  async write(path: string, sidecar: Sidecar): Promise<string> {
    const a = await this.ask({ type: 'write', path, sidecar, keep: true });
    assert.ok('yaml' in a);
    return a.yaml;
  }

  ask(request: Request): Promise<SidecarAnswer> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const onMessage = (a: SidecarAnswer) => {
        if (a.id !== id) return;
        this.worker.off('message', onMessage);
        // Many annotations come packed, as the codec unpacks them.
        if ('read' in a && a.read.ok && a.packed) a.read.sidecar.annotations = runAtOnce(unpackAnnotationsSteps(a.packed));
        resolve(a);
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.postMessage({ ...request, id });
    });
  }

  forget(path: string): void {
    this.worker.postMessage({ type: 'forget', path } satisfies SidecarRequest);
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

describe('the sidecar worker', function () {
  this.timeout(30_000);
  const text = 'Kazakh President Kassym-Jomart Tokayev met Vladimir Putin in Astana.';
  const map = new CodePointMap(text);
  const putin = makeAnnotation(text, map, 43, 57, { kind: 'leader', status: 'accepted', id: 'a1' });
  const yaml = '# read by hand\n' + serializeSidecar({ version: 1, source: 'a.txt', annotations: [putin] });
  // A key of one's own at the top: the plain writer cannot keep it, so such a file is written into its YAML document.
  const handEdited = yaml.replace('annotations:\n', 'reviewer: Ana\nannotations:\n');
  let client: WorkerClient;
  beforeEach(() => (client = new WorkerClient()));
  afterEach(() => client.close());

  it('takes a write that sends only the annotations it does not hold, and asks for all of them when it no longer holds those the write was sent against', async () => {
    const many = Array.from({ length: 6 }, (_, i) => makeAnnotation(text, map, 7 * i, 7 * i + 5, { kind: 'place', status: 'suggested', id: `m${i}` }));
    const sidecarYaml = serializeSidecar({ version: 1, source: 'a.txt', annotations: many });
    for (const file of ['plain.geo.yaml', 'hand.geo.yaml']) {
      const yamlRead = file === 'plain.geo.yaml' ? sidecarYaml : sidecarYaml.replace('annotations:\n', 'reviewer: Ana\nannotations:\n');
      const read = await client.ask({ type: 'read', path: file, yaml: yamlRead });
      assert.ok('read' in read && read.read.ok);
      // One changed, one removed, one added: the rest sent as indices into what was read.
      const changed = { ...many[2]!, note: 'checked' };
      const added = makeAnnotation(text, map, 60, 65, { kind: 'place', status: 'accepted', id: 'new' });
      const annotations = [many[0]!, many[1]!, changed, many[4]!, many[5]!, added];
      const full = new WorkerClient();
      try {
        await full.ask({ type: 'read', path: file, yaml: yamlRead });
        const expected = await full.write(file, { version: 1, source: 'a.txt', annotations });
        const sent = await client.ask({ type: 'write', path: file, sidecar: { version: 1, source: 'a.txt', annotations: [changed, added] }, keep: true, reuse: { base: read.id, at: Int32Array.from([0, 1, -1, 4, 5, -1]) } });
        assert.ok('yaml' in sent);
        assert.equal(sent.yaml, expected);
        // Against the write just answered, not the read before it any more.
        const stale = await client.ask({ type: 'write', path: file, sidecar: { version: 1, source: 'a.txt', annotations: [] }, keep: true, reuse: { base: read.id, at: Int32Array.from([0, 1]) } });
        assert.ok('resend' in stale);
        const next = await client.ask({ type: 'write', path: file, sidecar: { version: 1, source: 'a.txt', annotations: [] }, keep: true, reuse: { base: sent.id, at: Int32Array.from([5, 0]) } });
        assert.ok('yaml' in next);
        assert.equal(next.yaml, await full.write(file, { version: 1, source: 'a.txt', annotations: [added, many[0]!] }));
        client.forget(file);
        const forgotten = await client.ask({ type: 'write', path: file, sidecar: { version: 1, source: 'a.txt', annotations: [] }, keep: true, reuse: { base: next.id, at: Int32Array.from([0]) } });
        assert.ok('resend' in forgotten);
      } finally {
        await full.close();
      }
    }
  });

  it('writes into the document it read, keeping comments and fields added by hand', async () => {
    const read = await client.ask({ type: 'read', path: 'a.geo.yaml', yaml: handEdited });
    assert.ok('read' in read && read.read.ok);
    const noted = { ...putin, note: 'checked' };
    const first = await client.ask({ type: 'write', path: 'a.geo.yaml', sidecar: { version: 1, source: 'a.txt', annotations: [noted] }, keep: true });
    assert.ok('yaml' in first);
    assert.match(first.yaml, /^# read by hand/);
    assert.match(first.yaml, /\nreviewer: Ana\n/);
    assert.match(first.yaml, /note: checked/);
  });

  it('answers a sidecar in the shape it writes before parsing its YAML, and still writes into its document', async () => {
    const first = await client.read('a.geo.yaml', handEdited);
    const parsed = parseSidecar(handEdited);
    assert.ok(first.ok && first.fromPlainReader && parsed.ok);
    assert.deepEqual(first.sidecar, parsed.sidecar);
    const written = await client.write('a.geo.yaml', { ...first.sidecar, annotations: [{ ...putin, note: 'checked' }] });
    assert.match(written, /^# read by hand/);
    assert.match(written, /\nreviewer: Ana\n/);
    assert.match(written, /note: checked/);
    // A shape it does not read is parsed by the library at once.
    const flow = await client.read('b.geo.yaml', 'version: 1\nsource: a.txt\nannotations: [{id: a1, kind: leader, start: 43, end: 57, exact: Vladimir Putin}]\n');
    assert.ok(flow.ok && !flow.fromPlainReader && flow.sidecar.annotations[0]!.exact === 'Vladimir Putin');
    assert.deepEqual(client.misread, []);
  });

  it('writes a sidecar as it writes it (comment lines apart) without the library, from its text: a value anew as a new sidecar has it', async () => {
    const plain = serializeSidecar({ version: 1, source: 'a.txt', annotations: [putin] });
    assert.match(plain, /prefix: "ident Kassym-Jomart Tokayev met "\n/, 'the prefix was double-quoted (it ends in a space)');
    for (const [file, yamlRead] of [['plain.geo.yaml', plain], ['commented.geo.yaml', yaml], ['hand.geo.yaml', handEdited]] as const) {
      const read = await client.read(file, yamlRead);
      assert.ok(read.ok && read.fromPlainReader);
      const changed = { ...read.sidecar, annotations: [{ ...putin, prefix: 'Kazakh President', note: 'checked' }] };
      const written = await client.write(file, changed);
      const back = parseSidecar(written);
      assert.ok(back.ok);
      assert.deepEqual(back.sidecar, changed);
      if (file !== 'hand.geo.yaml') {
        // As a new sidecar (the comment line at the top kept as it was): the plain writer's text, in which a value that reads plain is written plain.
        assert.equal(written, (file === 'plain.geo.yaml' ? '' : '# read by hand\n') + serializeSidecar(changed));
        assert.match(written, /prefix: Kazakh President\n/);
      } else {
        // Into the document read: the comment and the key kept, and the value written in the quotes the file gave it.
        assert.match(written, /^# read by hand/);
        assert.match(written, /\nreviewer: Ana\n/);
        assert.match(written, /prefix: "Kazakh President"\n/);
      }
    }
    assert.deepEqual(client.misread, []);
  });

  it('reads a sidecar with CRLF line ends (as git checks files out on Windows) without the library, and writes it back with LF', async () => {
    const crlf = yaml.replaceAll('\n', '\r\n');
    const read = await client.read('crlf.geo.yaml', crlf);
    const parsed = parseSidecar(crlf);
    assert.ok(read.ok && read.fromPlainReader && parsed.ok, 'read by the library');
    assert.deepEqual(read.sidecar, parsed.sidecar);
    const changed = { ...read.sidecar, annotations: [{ ...putin, note: 'checked' }] };
    assert.equal(await client.write('crlf.geo.yaml', changed), '# read by hand\n' + serializeSidecar(changed));
    // With fields added by hand too: the library's, still reading CRLF as it reads LF.
    const hand = await client.read('crlf-hand.geo.yaml', handEdited.replaceAll('\n', '\r\n'));
    assert.ok(hand.ok && hand.fromPlainReader);
    assert.deepEqual(hand.sidecar, (parseSidecar(handEdited) as { sidecar: unknown }).sidecar);
    assert.deepEqual(client.misread, []);
  });

  it('writes what the plain writer leaves to the library into the document of the text before, its comment lines kept', async () => {
    const commented = yaml.replace('  - id: a1', '\n  # checked twice\n  - id: a1');
    const read = await client.read('c.geo.yaml', commented);
    assert.ok(read.ok);
    // A note that ends in two line breaks is a block scalar that keeps them: only the library writes it.
    const written = await client.write('c.geo.yaml', { ...read.sidecar, annotations: [{ ...putin, note: 'kept\n\n' }] });
    assert.match(written, /^# read by hand\n/);
    assert.match(written, /\n {2}# checked twice\n {2}- id: a1\n/);
    assert.match(written, /note: \|\+\n/);
    const back = parseSidecar(written);
    assert.ok(back.ok && back.sidecar.annotations[0]!.note === 'kept\n\n');
  });

  it('never writes a fresh document over one it was told to forget: it says so, and the caller reads again', async () => {
    await client.ask({ type: 'read', path: 'a.geo.yaml', yaml });
    client.forget('a.geo.yaml');
    const sidecar = { version: 1, source: 'a.txt', annotations: [{ ...putin, note: 'later' }] };
    assert.ok('forgotten' in (await client.ask({ type: 'write', path: 'a.geo.yaml', sidecar, keep: true })));
    await client.ask({ type: 'read', path: 'a.geo.yaml', yaml });
    const again = await client.ask({ type: 'write', path: 'a.geo.yaml', sidecar, keep: true });
    assert.ok('yaml' in again);
    assert.match(again.yaml, /^# read by hand/);
    // A new sidecar (nothing read) is written without one.
    const fresh = await client.ask({ type: 'write', path: 'b.geo.yaml', sidecar, keep: false });
    assert.ok('yaml' in fresh && !fresh.yaml.includes('read by hand'));
  });
});

describe('the sidecar codec, on the extension host’s side', function () {
  this.timeout(60_000);
  const dist = join(__dirname, '..', '..', 'dist');
  before(() => {
    if (!existsSync(join(dist, 'workerEntry.js'))) execFileSync(process.execPath, [join(__dirname, '..', '..', 'esbuild.js')], { cwd: join(__dirname, '..', '..') });
  });

  it('answers the requests it has when disposed — a write waiting for a large parse included — and then takes no more', async () => {
    const text = 'Vladimir Putin met Xi Jinping in Moscow. '.repeat(600);
    const map = new CodePointMap(text);
    const annotations: StoredAnnotation[] = [];
    for (let at = 0; at < text.length; at += 41) annotations.push(makeAnnotation(text, map, at, at + 14, { kind: 'leader', status: 'accepted', id: `p${at}` }));
    // A field added by hand to every annotation: the write needs the YAML document.
    const yaml = ('# kept\n' + serializeSidecar({ version: 1, source: 'long.txt', annotations })).replaceAll('    status: accepted\n', '    status: accepted\n    checkedBy: Ana\n');
    const codec = new SidecarCodec(dist);
    const read = await codec.read('long.txt.geo.yaml', yaml);
    assert.ok(read.ok && read.fromPlainReader, 'answered before the YAML was parsed');
    // The file's bytes, as the extension sends them, are decoded in the worker (a byte-order mark dropped, as VS Code's decoder drops it).
    const fromBytes = await codec.read('copy.txt.geo.yaml', new TextEncoder().encode('\ufeff' + yaml.replace('# kept', '# kept — “as read”')));
    assert.ok(fromBytes.ok);
    assert.deepEqual(fromBytes.sidecar, read.sidecar);
    // The write needs the document, parsed only now; the window closes meanwhile.
    const writing = codec.write('long.txt.geo.yaml', { ...read.sidecar, annotations: read.sidecar.annotations.map((a, i) => (i === 9 ? { ...a, note: 'last words' } : a)) }, true);
    codec.dispose();
    const written = await writing;
    assert.ok(written?.startsWith('# kept') && written.includes('note: last words'));
    assert.equal(codec.annotationsSent, 1, 'the others sent as indices into what the worker read');
    await assert.rejects(codec.read('other.geo.yaml', yaml), /shutting down/);
  });

  it('moves many annotations packed both ways, and a save packed while the window closes is still written', async () => {
    const text = 'Vladimir Putin met Xi Jinping in Moscow. '.repeat(600);
    const map = new CodePointMap(text);
    const annotations: StoredAnnotation[] = [];
    for (let at = 0; at < text.length; at += 41) annotations.push(makeAnnotation(text, map, at, at + 14, { kind: 'leader', entity: at % 82 ? null : 'Q7747', name: 'Vladimir Putin', status: 'accepted', id: `p${at}` }));
    assert.ok(annotations.length > 500);
    const yaml = serializeSidecar({ version: 1, source: 'long.txt', annotations });
    const codec = new SidecarCodec(dist);
    const read = await codec.read('long.txt.geo.yaml', yaml);
    const parsed = parseSidecar(yaml);
    assert.ok(read.ok && parsed.ok);
    assert.deepStrictEqual(read.sidecar, parsed.sidecar);
    // Every annotation changed: all sent, packed, and the codec disposed while it packs them.
    const noted = { ...read.sidecar, annotations: read.sidecar.annotations.map((a, i) => ({ ...a, note: `n${i}` })) };
    const writing = codec.write('long.txt.geo.yaml', noted, true);
    codec.dispose();
    const written = await writing;
    assert.equal(written, serializeSidecar(noted));
    assert.equal(codec.annotationsSent, annotations.length);
  });
});

describe('the parsed-sidecar cache', function () {
  this.timeout(60_000);
  // ~2,000 annotations, ~450 KB of YAML: over the size the cache starts at.
  const text = 'Vladimir Putin met Xi Jinping in Moscow. '.repeat(700);
  const map = new CodePointMap(text);
  const annotations: StoredAnnotation[] = [];
  for (let at = 0, i = 0; at < text.length; at += 41) {
    annotations.push(makeAnnotation(text, map, at, at + 14, { kind: 'leader', entity: 'Q7747', name: 'Vladimir Putin', status: 'accepted', id: `p${i++}` }));
    annotations.push(makeAnnotation(text, map, at + 19, at + 29, { kind: 'leader', entity: 'Q15031', name: 'Xi Jinping', status: 'suggested', id: `x${i++}` }));
  }
  const yamlAsWritten = serializeSidecar({ version: 1, source: 'long.txt', annotations });
  // A comment line, and a field added by hand to every annotation: more than the plain writer keeps, so such a file is written into its YAML document.
  const yamlCommented = ('# the team’s notes\n' + yamlAsWritten).replaceAll('    status: accepted\n', '    status: accepted\n    checkedBy: Ana\n');
  const yaml = yamlCommented;
  const path = 'long.txt.geo.yaml';
  let dir: string;
  const clients: WorkerClient[] = [];
  const client = () => {
    const c = new WorkerClient({ cacheDir: dir, recordAfterMs: 100, parseAfterMs: 50 });
    clients.push(c);
    return c;
  };
  /** Waits up to 5 s for an entry to be in the cache's folder (which the worker makes with its first). */
  const anEntry = async () => {
    for (let i = 0; i < 200 && !(existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'))); i++) await new Promise((r) => setTimeout(r, 25));
  };
  /**
   * Entries are recorded when the worker is idle, or when it forgets the path; what the
   * plain reader answered, once the YAML parsed agrees (`forget` would drop that parse).
   */
  const recorded = async (c: WorkerClient, p = path, forget = true) => {
    if (forget) c.forget(p);
    await anEntry();
    assert.equal(readdirSync(dir).filter((f) => f.endsWith('.json')).length, 1, 'one entry recorded');
  };
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'geo-parsed-'))));
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a large sidecar read before from the cache, with what the YAML says, and still writes into its document', async () => {
    assert.ok(yaml.length > ParsedSidecarCache.MIN_BYTES);
    const first = await client().read(path, yaml);
    assert.ok(first.ok && !first.fromCache && first.fromPlainReader);
    await recorded(clients[0]!, path, false);
    const again = client();
    const second = await again.read(path, yaml);
    assert.ok(second.ok && second.fromCache);
    assert.deepEqual(second.sidecar, first.sidecar);
    // A write right away waits for the YAML to be parsed, and keeps the comment.
    const noted = { ...second.sidecar, annotations: second.sidecar.annotations.map((a, i) => (i === 5 ? { ...a, note: 'checked' } : a)) };
    const written = await again.write(path, noted);
    assert.match(written, /^# the team’s notes/);
    const back = parseSidecar(written);
    assert.ok(back.ok);
    assert.deepEqual(back.sidecar, noted);
  });

  it('records what it wrote, which then reads back from the cache as the YAML parses', async () => {
    const c = client();
    const read = await c.read(path, yaml);
    assert.ok(read.ok);
    const changed = { ...read.sidecar, annotations: read.sidecar.annotations.filter((_, i) => i % 3 !== 0).map((a, i) => (i % 7 === 0 ? { ...a, status: 'accepted' as const, speaker: null } : a)) };
    const written = await c.write(path, changed);
    await recorded(c);
    const hit = await client().read(path, written);
    assert.ok(hit.ok && hit.fromCache);
    const parsed = parseSidecar(written);
    assert.ok(parsed.ok);
    assert.deepEqual(hit.sidecar, parsed.sidecar);
  });

  it('parses when the bytes differ, the build differs, the entry is broken, or the text is too short for it', async () => {
    await client().read(path, yaml);
    await recorded(clients[0]!, path, false);
    // One byte more (a comment): parsed, not answered from the entry.
    const edited = await client().read(path, yaml + '# one more line\n');
    assert.ok(edited.ok && !edited.fromCache);
    // Another build of the parser never trusts the entry.
    assert.equal(new ParsedSidecarCache(dir, 'another build').get(path, yaml), undefined);
    // A text shorter than the annotations reach: parsed, so that the errors say where.
    const short = await client().read(path, yaml, 100);
    assert.ok(!short.ok && short.errors[0]!.message.includes('past the end of the text'));
    // A broken entry is a miss, and the sidecar still reads.
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), '{"format":1,');
    const broken = await client().read(path, yaml);
    assert.ok(broken.ok && !broken.fromCache && broken.sidecar.annotations.length === annotations.length);
  });

  for (const commented of [true, false]) {
    it(`answers every series of reads, writes, hand edits, forgets and restarts exactly as a worker without the cache does (${commented ? 'a field added by hand to every annotation' : 'as written'})`, async () => {
      // Just over the size the cache starts at, so that each run stays quick.
      const asWritten = serializeSidecar({ version: 1, source: 'long.txt', annotations: annotations.slice(0, 640) });
      const small = commented ? ('# notes\n' + asWritten).replaceAll('    status: accepted\n', '    status: accepted\n    checkedBy: Ana\n') : asWritten;
      assert.ok(small.length > ParsedSidecarCache.MIN_BYTES);
      const strip = (r: SidecarRead) => (r.ok ? { ok: true, sidecar: r.sidecar, migratedFrom: r.migratedFrom } : r);
      let hits = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.constantFrom('read', 'write', 'hand', 'forget', 'restart', 'idle'), { minLength: 3, maxLength: 9 }), async (ops) => {
          rmSync(dir, { recursive: true, force: true });
          let cached = client();
          let plain = new WorkerClient();
          let disk = small;
          let values: Sidecar | undefined;
          let edits = 0;
          const readBoth = async () => {
            const [a, b] = await Promise.all([cached.read(path, disk), plain.read(path, disk)]);
            assert.deepEqual(strip(a), strip(b));
            if (a.ok && a.fromCache) hits++;
            values = b.ok ? b.sidecar : undefined;
          };
          try {
            // Read, and wait for the entry to be recorded (once the YAML is parsed): the next read of the same bytes is a hit.
            for (const op of ['read', 'settle', 'read', ...ops]) {
              if (op === 'read') await readBoth();
              else if (op === 'write' && values) {
                const n = edits++;
                const next = { ...values, annotations: values.annotations.map((a, i) => (i === (n * 37) % values!.annotations.length ? { ...a, note: `edit ${n}` } : a)) };
                const ask = () => Promise.all([cached.ask({ type: 'write', path, sidecar: next, keep: true }), plain.ask({ type: 'write', path, sidecar: next, keep: true })]);
                let [a, b] = await ask();
                assert.deepEqual(a, { ...b, id: a.id });
                if ('forgotten' in b) {
                  await readBoth();
                  [a, b] = await ask();
                  assert.deepEqual(a, { ...b, id: a.id });
                }
                assert.ok('yaml' in b);
                disk = b.yaml;
                values = next;
              } else if (op === 'hand') disk = `# read ${edits} times\n` + disk;
              else if (op === 'forget') {
                cached.forget(path);
                plain.forget(path);
              } else if (op === 'restart') {
                await Promise.all([cached.close(), plain.close()]);
                cached = client();
                plain = new WorkerClient();
              } else if (op === 'idle') await new Promise((r) => setTimeout(r, 400));
              else if (op === 'settle') await anEntry();
            }
          } finally {
            // Both, so that no worker of this run records into the next run's folder.
            await Promise.all([plain.close(), cached.close()]);
          }
        }),
        { numRuns: 4 },
      );
      assert.ok(hits >= 4, `only ${hits} reads came from the cache`);
    });
  }

  for (const commented of [true, false]) {
    it(`when a quick answer was wrong, says so, and refuses writes until the sidecar is read again (${commented ? 'a field added by hand to every annotation' : 'as written'})`, async () => {
      const yaml = commented ? yamlCommented : yamlAsWritten;
      // An entry for these very bytes that says otherwise: what a fault in a quick reader would answer.
      const self = statSync(WORKER_SOURCE);
      const wrong = { ...annotations[3]!, note: 'not in the file' };
      await new ParsedSidecarCache(dir, `${self.size}:${Math.round(self.mtimeMs)}`).put(path, yaml, { sidecar: { version: 1, source: 'long.txt', annotations: annotations.map((a, i) => (i === 3 ? wrong : a)) } });
      const c = client();
      const told = await c.read(path, yaml);
      assert.ok(told.ok && told.fromCache && told.sidecar.annotations[3]!.note === 'not in the file');
      const write = { version: 1, source: 'long.txt', annotations: told.sidecar.annotations };
      const refused = await c.ask({ type: 'write', path, sidecar: write, keep: true });
      assert.ok('refused' in refused, 'a write of what it wrongly said was not refused');
      assert.deepEqual(c.misread, [path]);
      const again = await c.read(path, yaml);
      assert.ok(again.ok && !again.fromCache);
      assert.deepEqual(again.sidecar.annotations[3], annotations[3]);
      const noted = { ...again.sidecar, annotations: again.sidecar.annotations.map((a, i) => (i === 3 ? { ...a, note: 'checked' } : a)) };
      const written = await c.write(path, noted);
      if (commented) assert.match(written, /^# the team’s notes/);
      else assert.equal(written, serializeSidecar(noted));
      const entry = new ParsedSidecarCache(dir, `${self.size}:${Math.round(self.mtimeMs)}`).get(path, yaml);
      assert.ok(entry === undefined || isDeepStrictEqual(entry.sidecar.annotations[3], annotations[3]), 'the wrong entry was kept');
    });
  }

  it('removes entries unused for two months, and what a crash left half-written', () => {
    const cache = new ParsedSidecarCache(dir, 'b');
    writeFileSync(join(dir, 'old.json'), '{}');
    writeFileSync(join(dir, 'new.json'), '{}');
    writeFileSync(join(dir, '.x.json.1.tmp'), '{');
    const old = new Date(Date.now() - ParsedSidecarCache.MAX_AGE_MS - 1000);
    utimesSync(join(dir, 'old.json'), old, old);
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(dir, '.x.json.1.tmp'), hourAgo, hourAgo);
    cache.prune();
    assert.deepEqual(readdirSync(dir), ['new.json']);
  });
});

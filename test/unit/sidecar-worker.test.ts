import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { makeAnnotation, serializeSidecar } from '../../src/core/sidecar/index';
import { CodePointMap } from '../../src/core/text/offsets';
import type { SidecarAnswer, SidecarRequest } from '../../src/sidecarCodec';

/** A read or a write, without the id the client gives it. */
type Request = SidecarRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The sidecar worker itself, run from its source, spoken to as the extension does. */
class WorkerClient {
  private readonly worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, '..', '..', 'src', 'sidecarWorker.ts'))});`, { eval: true });
  private next = 1;

  ask(request: Request): Promise<SidecarAnswer> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const onMessage = (a: SidecarAnswer) => {
        if (a.id !== id) return;
        this.worker.off('message', onMessage);
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
  let client: WorkerClient;
  beforeEach(() => (client = new WorkerClient()));
  afterEach(() => client.close());

  it('writes into the document it read, keeping comments', async () => {
    const read = await client.ask({ type: 'read', path: 'a.geo.yaml', yaml });
    assert.ok('read' in read && read.read.ok);
    const noted = { ...putin, note: 'checked' };
    const first = await client.ask({ type: 'write', path: 'a.geo.yaml', sidecar: { version: 1, source: 'a.txt', annotations: [noted] }, keep: true });
    assert.ok('yaml' in first);
    assert.match(first.yaml, /^# read by hand/);
    assert.match(first.yaml, /note: checked/);
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

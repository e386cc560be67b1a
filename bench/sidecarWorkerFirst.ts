import { Worker } from 'node:worker_threads';
import type { Sidecar } from '../src/core/sidecar/model';
import type { SidecarAnswer, SidecarRequest } from '../src/sidecarCodec';

/**
 * A sidecar's first read and first save through a fresh sidecar worker (the production
 * bundle, no parsed-sidecar cache), as the extension asks them when a file opens and the
 * user annotates: from starting the worker (the extension starts it for its first
 * request) and posting the file's bytes to the values' arrival, then from posting the
 * values with one annotation changed to the YAML's arrival. Times in ms.
 */
export async function firstReadAndSave(workerFile: string, yaml: string, textLength: number, change: (s: Sidecar) => Sidecar): Promise<{ readMs: number; saveMs: number }> {
  const bytes = new TextEncoder().encode(yaml);
  let start = performance.now();
  const worker = new Worker(workerFile, { workerData: {} });
  const ask = (r: SidecarRequest) =>
    new Promise<SidecarAnswer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(r);
    });
  try {
    const read = await ask({ type: 'read', id: 1, path: 'big.txt.geo.yaml', yaml: bytes, textLength });
    const readMs = performance.now() - start;
    if (!('read' in read) || !read.read.ok) throw new Error('the sidecar worker did not read the bench sidecar');
    const sidecar = change(read.read.sidecar);
    start = performance.now();
    const saved = await ask({ type: 'write', id: 2, path: 'big.txt.geo.yaml', sidecar, keep: true });
    const saveMs = performance.now() - start;
    if (!('yaml' in saved)) throw new Error('the sidecar worker did not write the bench sidecar');
    return { readMs, saveMs };
  } finally {
    await worker.terminate();
  }
}

import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerRequest } from '../src/backgroundRecognizer';
import type { TextChange } from '../src/core/recognize/incremental';

/**
 * The first edits of a document through a fresh recognition worker (the production
 * bundle), as the extension opens one: from posting each edit to its deltas' arrival.
 * `settleMs` after the full answer (while the worker warms up), then each of `edits`
 * in turn, each the first of its kind in the document.
 */
export async function firstEditsInWorker(workerFile: string, text: string, edits: readonly TextChange[], settleMs: number): Promise<number[]> {
  const worker = new Worker(workerFile);
  const next = (accept: (a: WorkerAnswer) => boolean) =>
    new Promise<WorkerAnswer>((resolve, reject) => {
      const on = (a: WorkerAnswer) => {
        if (!accept(a)) return;
        worker.off('message', on);
        resolve(a);
      };
      worker.on('message', on);
      worker.once('error', reject);
    });
  const post = (r: WorkerRequest) => worker.postMessage(r);
  try {
    const full = next((a) => a.type === 'full');
    post({ type: 'open', session: 1, source: { text }, userEntities: [], around: 0 });
    await full;
    await new Promise((r) => setTimeout(r, settleMs));
    const times: number[] = [];
    for (let v = 1; v <= edits.length; v++) {
      const answered = next((a) => a.type === 'deltas' && a.version === v);
      const start = performance.now();
      post({ type: 'edit', session: 1, version: v, changes: [edits[v - 1]!] });
      await answered;
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await worker.terminate();
  }
}

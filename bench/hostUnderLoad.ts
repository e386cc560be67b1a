import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RecognizeWorkerData, WorkerAnswer, WorkerRequest } from '../src/backgroundRecognizer';

export interface HostUnderLoad {
  /** The host's task, each run's duration in ms, sorted. */
  tasks: number[];
  /** From opening the document in its worker to its full answer. */
  fullMs: number;
}

/**
 * The extension host's thread while both recognition workers work, as when a 10 MB file
 * opens in a workspace being indexed: the document's worker recognises `text`, the
 * indexing worker reads it from disk `indexRuns` times, and meanwhile the host runs
 * `task` every 10 ms and times each run — the work it does for the user (drawing,
 * answering a hover) waits for a core the same way. `nice`: the workers' priorities, as
 * the extension starts them or both at 0.
 */
export async function hostUnderLoad(workerFile: string, text: string, task: () => void, nice: { document: number; background: number }, indexRuns = 2): Promise<HostUnderLoad> {
  const dir = mkdtempSync(join(tmpdir(), 'geo-bench-load-'));
  const path = join(dir, 'indexed.txt');
  writeFileSync(path, text);
  const start = (n: number) => new Worker(workerFile, { workerData: { nice: n } satisfies RecognizeWorkerData });
  const documentWorker = start(nice.document);
  const indexingWorker = start(nice.background);
  const answer = (w: Worker, accept: (a: WorkerAnswer) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const on = (a: WorkerAnswer) => {
        if (!accept(a)) return;
        w.off('message', on);
        resolve();
      };
      w.on('message', on);
      w.once('error', reject);
    });
  const post = (w: Worker, r: WorkerRequest) => w.postMessage(r);
  try {
    const indexed = (async () => {
      for (let i = 0; i < indexRuns; i++) {
        const done = answer(indexingWorker, (a) => a.type === 'recognizedFile');
        post(indexingWorker, { type: 'recognizeFile', id: i, path, userEntities: [] });
        await done;
      }
    })();
    const opened = performance.now();
    const full = answer(documentWorker, (a) => a.type === 'full');
    post(documentWorker, { type: 'open', session: 1, source: { text }, userEntities: [], around: 0 });
    let fullMs = NaN;
    void full.then(() => (fullMs = performance.now() - opened));
    const tasks: number[] = [];
    let busy = true;
    void Promise.all([full, indexed]).then(() => (busy = false));
    while (busy) {
      const t = performance.now();
      task();
      tasks.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
    return { tasks: tasks.sort((a, b) => a - b), fullMs };
  } finally {
    await Promise.all([documentWorker.terminate(), indexingWorker.terminate()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

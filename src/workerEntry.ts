/**
 * The entry of our worker threads (dist/workerEntry.js): lowers the thread's priority,
 * loads the worker's own bundle (`main` in its workerData) through the code cache the
 * host keeps for it, and — when there was none V8 took — writes one a while later, once
 * the worker's first work (the recogniser's warm-up, a first sidecar) has compiled what
 * it uses. The worker never waits for that write: its timer does not keep it alive.
 */
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { loadCommonJs } from './node/codeCache';
import { lowerThisThreadPriority } from './node/threadPriority';

/** What every worker is started with, besides its own data. */
export interface WorkerEntryData {
  /** The worker's bundle, in the entry's folder: "recognizeWorker.js", "sidecarWorker.js". */
  main: string;
  /** Where code caches are kept; none when undefined. */
  codeCacheDir?: string;
  /** How far below the host's thread the worker runs (see WORKER_NICE). */
  nice?: number;
  /** How long after the worker starts its code cache is written (default 4 s; tests shorten it). */
  codeCacheAfterMs?: number;
}

const { main, codeCacheDir, nice = 0, codeCacheAfterMs = 4000 } = workerData as WorkerEntryData;
// Before the compile: an indexing worker's start must not compete with the host either.
lowerThisThreadPriority(nice);
const loaded = loadCommonJs(join(__dirname, main), require, codeCacheDir);
setTimeout(() => void loaded.saveCache(), codeCacheAfterMs).unref();

import { cpus } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { annotationsFromRecognition } from '../core/export/fromRecognition';
import { KnowledgeBase } from '../core/kb/knowledgeBase';
import { recognize } from '../core/recognize/index';
import { displayPath, expandPaths } from './files';
import { readTextFile } from './readTextFile';
import { mergeIntoSidecar } from './sidecarFiles';
import { RECOGNITION_THREAD_LIMITS } from '../node/workerLimits';

interface Outcome {
  file: string;
  added?: number;
  error?: string;
  bytes: number;
}

/** Pre-annotates one file into its sidecar: recognised items become suggestions; the user's work stays. */
async function annotateInto(file: string, kb: KnowledgeBase): Promise<Outcome> {
  const read = readTextFile(file);
  if (!read.ok) return { file, error: read.message, bytes: 0 };
  const r = await mergeIntoSidecar(file, read.text, annotationsFromRecognition(read.text, recognize(read.text, kb)));
  return 'error' in r ? { file, error: `${displayPath(file)}.geo.yaml ${r.error}`, bytes: read.text.length } : { file, added: r.added, bytes: read.text.length };
}

/**
 * `geo-annotate annotate DIR… --write`: every .txt below the folders gets its sidecar,
 * merged, never clobbered. Uses worker threads (the CLI bundle itself) for many files,
 * shows progress on a terminal, and ends with a summary line.
 */
export async function writeCommand(paths: string[], recursive: boolean): Promise<number> {
  const files = expandPaths(paths, recursive);
  const t0 = performance.now();
  const outcomes: Outcome[] = [];
  const tty = Boolean(process.stderr.isTTY);
  const progress = (o: Outcome) => {
    outcomes.push(o);
    if (o.error) process.stderr.write(`${tty ? '\r\x1b[K' : ''}geo-annotate: ${o.error}\n`);
    if (tty) process.stderr.write(`\r\x1b[K[${outcomes.length}/${files.length}] ${displayPath(o.file)}`);
  };
  const threads = Math.min(cpus().length, Math.floor(files.length / 8));
  if (threads >= 2 && typeof __filename === 'string' && __filename.endsWith('.js')) {
    const queue = [...files];
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = new Worker(__filename, { workerData: { geoAnnotateWorker: true }, resourceLimits: RECOGNITION_THREAD_LIMITS });
        return new Promise<void>((resolve, reject) => {
          const next = () => {
            const file = queue.shift();
            if (file === undefined) void worker.terminate().then(() => resolve());
            else worker.postMessage(file);
          };
          worker.on('message', (o: Outcome) => {
            progress(o);
            next();
          });
          worker.on('error', reject);
          next();
        });
      }),
    );
  } else {
    const kb = KnowledgeBase.builtin();
    for (const f of files) progress(await annotateInto(f, kb));
  }
  if (tty) process.stderr.write('\r\x1b[K');
  const s = (performance.now() - t0) / 1000;
  const mb = outcomes.reduce((n, o) => n + o.bytes, 0) / 1e6;
  const failed = outcomes.filter((o) => o.error).length;
  const added = outcomes.reduce((n, o) => n + (o.added ?? 0), 0);
  process.stderr.write(`${files.length} files, ${added} suggestions added, ${failed} failed, in ${s.toFixed(1)} s (${(files.length / s).toFixed(0)} files/s, ${(mb / s).toFixed(1)} MB/s, ${Math.max(1, threads)} thread${threads > 1 ? 's' : ''})\n`);
  return failed ? 1 : 0;
}

/** Entry of a worker thread: annotate the files the main thread sends, one at a time. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !(workerData as { geoAnnotateWorker?: boolean } | null)?.geoAnnotateWorker) return false;
  const kb = KnowledgeBase.builtin();
  parentPort!.on('message', (file: string) => {
    void annotateInto(file, kb).then((o) => parentPort!.postMessage(o));
  });
  return true;
}

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Entity } from './core/kb/types';
import { unpackRecognition, type PackedRecognition } from './core/model/packed';
import type { Recognition } from './core/model/types';
import type { TextChange } from './core/recognize/incremental';
import type { RecognitionDelta } from './core/model/deltas';
import { runSliced } from './core/util/sliced';
import { taskTimes } from './core/util/taskTimes';
import { WORKER_NICE } from './node/threadPriority';
import { RECOGNITION_THREAD_LIMITS } from './node/workerLimits';
import type { WorkerEntryData } from './workerEntry';

/**
 * Where the worker gets a document's text: sent along, or — for a file saved on disk,
 * sparing the host a copy of a large text — read by the worker itself and checked
 * against the editor's length and first and last lines, with the text around the screen
 * sent along so that the first highlights need not wait for the whole file to be read.
 */
export type DocumentSource = { text: string } | { path: string; length: number; head: string; tail: string; around?: { from: number; text: string } };

export type WorkerRequest =
  | { type: 'recognize'; id: number; text: string; userEntities: Entity[] }
  | { type: 'recognizeFile'; id: number; path: string; userEntities: Entity[] }
  | { type: 'open'; session: number; source: DocumentSource; userEntities: Entity[]; around: number }
  | { type: 'edit'; session: number; version: number; changes: TextChange[] }
  | { type: 'close'; session: number };

export type WorkerAnswer =
  | { type: 'recognized'; id: number; packed: PackedRecognition }
  | { type: 'recognizedFile'; id: number; file: RecognizedFile | undefined }
  | { type: 'preview'; session: number; packed: PackedRecognition }
  | { type: 'full'; session: number; packed: PackedRecognition }
  | { type: 'needText'; session: number }
  | { type: 'deltas'; session: number; version: number; deltas: RecognitionDelta[] };

/** What the recognition worker is started with. */
export interface RecognizeWorkerData {
  nice: number;
}

/** A file read and recognised by the worker: its recognition, texts included, and where its lines start. */
export interface RecognizedFile {
  packed: PackedRecognition;
  lineStarts: Int32Array;
}

/** What a document open in the worker hears back. */
export interface SessionListener {
  /** A first recognition of the text around the first screen (very large files only). */
  preview(packed: PackedRecognition): void;
  full(packed: PackedRecognition): void;
  /** What edits changed, up to the document version given. */
  deltas(deltas: RecognitionDelta[], version: number): void;
  /** The file on disk did not match the editor's text: send the text (see `open`). */
  needText(): void;
  /** The worker died: the session is gone and must be opened again. */
  lost(): void;
}

/**
 * The extension host's side of the recognition worker thread. One-off recognitions
 * (workspace indexing) and open documents (sessions kept current by edits, answered
 * with deltas) share one worker, created on first use.
 */
export class BackgroundRecognizer {
  private worker: Worker | undefined;
  private next = 1;
  /** One-off requests by id; undefined answers them when the worker dies. */
  private readonly waiting = new Map<number, (answer: WorkerAnswer | undefined) => void>();
  private readonly sessions = new Map<number, SessionListener>();

  /** `nice`: how far below the host's thread the worker runs (see WORKER_NICE). */
  constructor(
    private readonly distDir: string,
    private readonly nice: number = WORKER_NICE.document,
    /** Where the worker's code cache is kept (see workerEntry.ts); none when undefined. */
    private readonly codeCacheDir?: string,
  ) {}

  /** Recognises a text once; the answer is unpacked a slice at a time so the host stays responsive. */
  async recognize(text: string, userEntities: Entity[]): Promise<Recognition> {
    const id = this.next++;
    const answer = await this.ask({ type: 'recognize', id, text, userEntities });
    const packed = answer?.type === 'recognized' ? answer.packed : undefined;
    return packed ? runSliced(unpackRecognition(packed, text), 8, 'unpacking a recognition') : { mentions: [], quotes: [] };
  }

  /**
   * Reads, decodes and recognises a file in the worker (the host never holds its text);
   * undefined when it is not readable UTF-8 text.
   */
  async recognizeFile(path: string, userEntities: Entity[]): Promise<{ recognition: Recognition; lineStarts: Int32Array } | undefined> {
    const id = this.next++;
    const answer = await this.ask({ type: 'recognizeFile', id, path, userEntities });
    const file = answer?.type === 'recognizedFile' ? answer.file : undefined;
    return file && { recognition: await runSliced(unpackRecognition(file.packed, ''), 8, 'unpacking a recognition'), lineStarts: file.lineStarts };
  }

  /**
   * Opens a document in the worker; returns the session id for `edit` and `close`. With
   * `session`, opens that session again from another source (after `needText`).
   */
  open(source: DocumentSource, userEntities: Entity[], around: number, listener: SessionListener, session = this.next++): number {
    this.sessions.set(session, listener);
    this.post({ type: 'open', session, source, userEntities, around });
    return session;
  }

  edit(session: number, version: number, changes: TextChange[]): void {
    if (this.sessions.has(session)) this.post({ type: 'edit', session, version, changes });
  }

  close(session: number): void {
    if (this.sessions.delete(session)) this.post({ type: 'close', session });
  }

  private ask(request: WorkerRequest & { id: number }): Promise<WorkerAnswer | undefined> {
    return new Promise((resolve) => {
      this.waiting.set(request.id, resolve);
      this.post(request);
    });
  }

  private post(request: WorkerRequest): void {
    this.ensure().postMessage(request);
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const workerData: RecognizeWorkerData & WorkerEntryData = { main: 'recognizeWorker.js', nice: this.nice, ...(this.codeCacheDir === undefined ? {} : { codeCacheDir: this.codeCacheDir }) };
    const w = new Worker(join(this.distDir, 'workerEntry.js'), { resourceLimits: RECOGNITION_THREAD_LIMITS, workerData });
    w.on('message', (m: WorkerAnswer) => taskTimes.measure('a worker answer', () => this.answer(m)));
    w.on('error', () => {
      // A crashed worker answers nobody: start a fresh one next time, and say so.
      this.worker = undefined;
      for (const resolve of this.waiting.values()) resolve(undefined);
      this.waiting.clear();
      const lost = [...this.sessions.values()];
      this.sessions.clear();
      for (const l of lost) l.lost();
    });
    w.unref();
    this.worker = w;
    return w;
  }

  private answer(m: WorkerAnswer): void {
    if (m.type === 'recognized' || m.type === 'recognizedFile') {
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
      return;
    }
    const listener = this.sessions.get(m.session);
    if (!listener) return; // closed meanwhile
    if (m.type === 'preview') listener.preview(m.packed);
    else if (m.type === 'full') listener.full(m.packed);
    else if (m.type === 'needText') listener.needText();
    else listener.deltas(m.deltas, m.version);
  }

  dispose(): void {
    void this.worker?.terminate();
  }
}

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Sidecar, StoredAnnotation } from './core/sidecar/model';
import { PACKED_FROM, packAnnotationsSteps, unpackAnnotationsSteps, type PackedAnnotations } from './core/sidecar/packedAnnotations';
import { runSliced } from './core/util/sliced';
import { WORKER_NICE } from './node/threadPriority';
import type { WorkerEntryData } from './workerEntry';
import type { SidecarError } from './core/sidecar/parse';

/** A sidecar that parsed and validated; its YAML document stays in the worker for the next write. */
export interface LoadedSidecar {
  ok: true;
  sidecar: Sidecar;
  /** The file was an older version and was migrated in memory. */
  migratedFrom?: number;
  /** Answered from the parsed-sidecar cache: the same bytes were read or written before. */
  fromCache?: true;
  /** Answered without the YAML library (by the plain reader, or the one-pass reader of sidecars as written): before it parsed the file, if it ever does. */
  fromPlainReader?: true;
}

/** Given to the worker: where it may keep parsed sidecars between sessions (none: no cache). */
export interface SidecarWorkerData {
  cacheDir?: string;
  /** How long after the last read or write an entry is recorded (default 1.5 s; tests shorten it). */
  recordAfterMs?: number;
  /** How long after the last quick answer (cache, plain reader) the YAML is parsed (default 1.5 s; tests shorten it). */
  parseAfterMs?: number;
  /** How far below the host's thread the worker runs (see WORKER_NICE). */
  nice?: number;
}

export type SidecarRead = LoadedSidecar | { ok: false; errors: SidecarError[] };

export type SidecarRequest =
  | { type: 'read'; id: number; path: string; yaml: string | Uint8Array; textLength?: number }
  | { type: 'write'; id: number; path: string; sidecar: Sidecar; keep: boolean; reuse?: Reuse; packed?: PackedAnnotations }
  | { type: 'forget'; path: string };

/**
 * A write that sends only the annotations the worker does not hold: `sidecar.annotations`
 * are those, in order, and annotation i of the sidecar written is the `base` values'
 * annotation `at[i]` (the values of the read or write answered to request `base`), or the
 * next of those sent where `at[i]` is -1. Cloning every one of 10,000 annotations for each
 * save held the host ~15–30 ms.
 */
export interface Reuse {
  base: number;
  at: Int32Array;
}

/**
 * `forgotten`: a write into the document last read, which the worker no longer keeps.
 * `refused`: a write to a sidecar that must be read again first (see `SidecarNotice`).
 */
/**
 * `packed`: the annotations a write sends, or a read answers with, packed (see
 * PackedAnnotations), where `sidecar.annotations` is then empty: many at once.
 */
export type SidecarAnswer = { id: number; read: SidecarRead; packed?: PackedAnnotations } | { id: number; yaml: string } | { id: number; forgotten: true } | { id: number; refused: string } | { id: number; resend: true };

/** Unasked: a read was answered with what the sidecar's YAML, parsed since, does not say. */
export type SidecarNotice = { misread: string };

/**
 * The extension host's side of the sidecar worker: parsing and writing YAML happen
 * there, so a large sidecar never blocks typing. Requests are answered in order.
 */
export class SidecarCodec {
  private worker: Worker | undefined;
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (a: SidecarAnswer) => void; reject: (e: Error) => void }>();
  private readonly misreadListeners: ((path: string) => void)[] = [];
  /** Annotations sent in full with writes so far (for tests and the benchmark: a save of one change sends one). */
  annotationsSent = 0;
  /** Per path, the annotations the worker holds as this side holds them (the same objects), and the request whose answer gave them. */
  private readonly held = new Map<string, { id: number; annotations: readonly StoredAnnotation[] }>();
  /** Writes being made ready to send (packed a slice at a time). */
  private preparing = 0;
  private disposed = false;

  constructor(
    private readonly distDir: string,
    /** A folder of the extension's own storage for the parsed-sidecar cache. */
    private readonly cacheDir?: string,
    /** Where the worker's code cache is kept (see workerEntry.ts); none when undefined. */
    private readonly codeCacheDir?: string,
  ) {}

  /**
   * Parses and validates; a sidecar that read cleanly is remembered for `write(…, keep)`.
   * Given as the file's bytes, it is decoded (UTF-8) in the worker: 30–90 ms for 10,000
   * annotations on the host thread otherwise, measured while a file opened.
   */
  async read(path: string, yaml: string | Uint8Array, textLength?: number): Promise<SidecarRead> {
    const a = await this.ask({ type: 'read', id: this.next++, path, yaml, ...(textLength === undefined ? {} : { textLength }) });
    if (!('read' in a)) throw new Error('the sidecar worker answered a read with a write');
    if (a.read.ok && a.packed) a.read.sidecar.annotations = await runSliced(unpackAnnotationsSteps(a.packed), 8, 'unpacking a sidecar');
    if (a.read.ok) this.held.set(path, { id: a.id, annotations: a.read.sidecar.annotations });
    else this.held.delete(path);
    return a.read;
  }

  /**
   * The YAML for `sidecar`; with `keep`, written into the document last read or written
   * for `path` — undefined when the worker no longer keeps it (see `forget`).
   */
  async write(path: string, sidecar: Sidecar, keep: boolean): Promise<string | undefined> {
    const reuse = keep ? reuseOf(this.held.get(path), sidecar.annotations) : undefined;
    // Asked before `dispose`: answered, though packing it may take slices past that.
    const beforeDispose = !this.disposed;
    this.preparing++;
    let a: SidecarAnswer;
    try {
      a = await this.ask(await this.writeRequest(path, sidecar, keep, reuse), beforeDispose);
      // The worker no longer holds those values (read again or forgotten meanwhile): all of them.
      if ('resend' in a) a = await this.ask(await this.writeRequest(path, sidecar, keep, undefined), beforeDispose);
    } finally {
      this.preparing--;
      this.endIfDone();
    }
    if ('yaml' in a) this.held.set(path, { id: a.id, annotations: sidecar.annotations });
    else this.held.delete(path);
    if ('forgotten' in a) return undefined;
    if ('refused' in a) throw new Error(a.refused);
    if (!('yaml' in a)) throw new Error('the sidecar worker answered a write with a read');
    return a.yaml;
  }

  /** A write of `sidecar`: against what the worker holds where `reuse` says so, and packed a slice at a time when it sends many. */
  private async writeRequest(path: string, sidecar: Sidecar, keep: boolean, reuse: { reuse: Reuse; fresh: StoredAnnotation[] } | undefined): Promise<SidecarRequest & { id: number }> {
    const sent = reuse ? reuse.fresh : sidecar.annotations;
    this.annotationsSent += sent.length;
    const packed = sent.length > PACKED_FROM ? await runSliced(packAnnotationsSteps(sent), 8, 'packing a sidecar') : undefined;
    const annotations = packed ? [] : sent;
    return { type: 'write', id: this.next++, path, sidecar: { ...sidecar, annotations }, keep, ...(reuse ? { reuse: reuse.reuse } : {}), ...(packed ? { packed } : {}) };
  }

  /** Calls `listener` with the path of each sidecar a read answered wrongly: it must be read again. */
  onMisread(listener: (path: string) => void): void {
    this.misreadListeners.push(listener);
  }

  /** Lets the worker drop what it keeps for `path` (a large document and its rendered annotations). */
  forget(path: string): void {
    this.held.delete(path);
    this.worker?.postMessage({ type: 'forget', path } satisfies SidecarRequest);
  }

  private ask(request: SidecarRequest & { id: number }, askedBeforeDispose = false): Promise<SidecarAnswer> {
    if (this.disposed && !askedBeforeDispose) return Promise.reject(new Error('the extension is shutting down'));
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.ensure().postMessage(request, 'packed' in request && request.packed ? [request.packed.ints.buffer as ArrayBuffer] : []);
    });
  }

  /**
   * Starts the worker ahead of its first request, if it has not started: it loads while
   * the host reads the file (in VS Code, ~0.5 s for each on a busy first open, one after
   * the other before).
   */
  start(): void {
    if (!this.disposed) this.ensure();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const workerData: SidecarWorkerData & WorkerEntryData = {
      main: 'sidecarWorker.js',
      nice: WORKER_NICE.document,
      ...(this.cacheDir === undefined ? {} : { cacheDir: this.cacheDir }),
      ...(this.codeCacheDir === undefined ? {} : { codeCacheDir: this.codeCacheDir }),
    };
    const w = new Worker(join(this.distDir, 'workerEntry.js'), { workerData });
    w.on('message', (a: SidecarAnswer | SidecarNotice) => {
      if ('misread' in a) return this.misreadListeners.forEach((l) => l(a.misread));
      this.waiting.get(a.id)?.resolve(a);
      this.waiting.delete(a.id);
      this.endIfDone();
    });
    w.on('error', (e) => {
      // Nothing is written without an answer: every pending request fails, loudly.
      this.worker = undefined;
      this.held.clear();
      for (const { reject } of this.waiting.values()) reject(e);
      this.waiting.clear();
    });
    w.unref();
    this.worker = w;
    return w;
  }

  /**
   * Takes no more requests; the worker ends once it has answered those it has (a write
   * of a large sidecar may take seconds, and closing the window must not lose it).
   */
  dispose(): void {
    this.disposed = true;
    this.endIfDone();
  }

  /** Once disposed, the worker ends when nothing asked of it is left to answer or being prepared. */
  private endIfDone(): void {
    if (this.disposed && this.waiting.size === 0 && this.preparing === 0) void this.worker?.terminate();
  }
}

/**
 * How `annotations` can be sent against the worker's `held` ones: by index where an
 * annotation is the very object held (those a save did not change), the rest in full.
 * Undefined when nothing is held, or nothing can be reused.
 */
function reuseOf(held: { id: number; annotations: readonly StoredAnnotation[] } | undefined, annotations: readonly StoredAnnotation[]): { reuse: Reuse; fresh: StoredAnnotation[] } | undefined {
  if (!held) return undefined;
  const at = new Int32Array(annotations.length);
  const fresh: StoredAnnotation[] = [];
  let where: Map<StoredAnnotation, number> | undefined;
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i]!;
    // Most stay where they were; one added or removed moves the rest by one.
    let j = held.annotations[i] === a ? i : -1;
    if (j < 0) {
      where ??= new Map(held.annotations.map((x, k) => [x, k]));
      j = where.get(a) ?? -1;
    }
    at[i] = j;
    if (j < 0) fresh.push(a);
  }
  return fresh.length === annotations.length ? undefined : { reuse: { base: held.id, at }, fresh };
}

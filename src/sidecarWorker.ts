/**
 * A worker thread that reads and writes sidecar YAML off the extension host's thread:
 * the YAML library takes seconds over a sidecar of ten thousand annotations. Between a
 * read and the next write it keeps, keyed by the sidecar's path, what the write builds
 * on: for a sidecar as the plain writer writes it (comment lines apart), its text (a
 * write then takes what did not change from it, without the library); for any other,
 * its YAML document (comments, unknown fields) with the rendered text of each
 * annotation, so a write renders only what changed. A read is answered quickly when it
 * can be — a large sidecar unchanged since this worker last read or wrote it from the
 * parsed-sidecar cache; one exactly as the plain writer writes it (comment lines apart)
 * in one pass that knows its text's layout too; one in the shape the extension writes
 * by the plain reader — and for the first and last its text is then compared with what
 * the plain writer writes for the answer; where it
 * differs, its YAML is parsed once the editor has settled (or at once, when a write
 * comes). Should that parse disagree with the quick answer, the extension is told to
 * read the sidecar again, and no write lands on it until it has.
 * Built as dist/sidecarWorker.js; no editor API.
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from 'yaml';
import { AnnotationCache, asWrittenFor, parseSidecar, readPlainSidecar, readWrittenSidecar, renderPlainSidecar, valuesAsWritten, valuesOf, withLineFeeds, writeSidecarDocument, type ParseOptions, type PlainSidecarText } from './core/sidecar/index';
import { ParsedSidecarCache, type CachedSidecar } from './node/parsedSidecarCache';
import type { Sidecar, StoredAnnotation } from './core/sidecar/model';
import type { Reuse, SidecarAnswer, SidecarNotice, SidecarRequest, SidecarWorkerData } from './sidecarCodec';
import { PACKED_FROM, packAnnotations, unpackAnnotationsSteps } from './core/sidecar/packedAnnotations';
import { runAtOnce } from './core/util/sliced';
import { lowerThisThreadPriority } from './node/threadPriority';

/** What a write builds on: the YAML document read or written, or — for a sidecar as the plain writer writes it (comment lines apart) — its text. */
type Kept = { document: Document; cache: AnnotationCache } | { text: PlainSidecarText };

const kept = new Map<string, Kept>();
/** Sidecars read but not yet rendered: rendered while the worker is idle, so the first write is quick too. */
const unrendered = new Set<string>();
/** Sidecars answered from the cache or by the plain reader, whose YAML is still to be parsed into a document. */
const unparsed = new Map<string, { yaml: string; textLength?: number; answered: CachedSidecar; by: 'cache' | 'plain reader' }>();
/** Sidecars whose quick answer their YAML then contradicted: no write lands on them until the extension reads them again. */
const misread = new Set<string>();
/** Sidecars the plain reader once read wrongly: the library reads them from then on. */
const notPlain = new Set<string>();
/**
 * Cache entries to record once the worker is idle: a burst of writes records only the
 * last. What a write recorded is worked out then too (`valuesAsWritten`), not while the
 * extension waits for the YAML.
 */
const toRecord = new Map<string, { yaml: string; parsed: CachedSidecar } | { yaml: string; written: Sidecar }>();
const SLICE_MS = 20;
const options = (workerData ?? {}) as SidecarWorkerData;
const recordAfterMs = options.recordAfterMs ?? 1500;
const parseAfterMs = options.parseAfterMs ?? 1500;
const parsedCache = cacheFrom(options);
lowerThisThreadPriority(options.nice ?? 0);

/** Per path, the annotations last read or written, and the request that gave them: what a write may send against (see Reuse). */
const held = new Map<string, { id: number; annotations: readonly StoredAnnotation[] }>();
/** The path of each read being answered. */
const readPaths = new Map<number, string>();

parentPort?.on('message', (msg: SidecarRequest) => {
  switch (msg.type) {
    case 'read': {
      readPaths.set(msg.id, msg.path);
      const yaml = withLineFeeds(typeof msg.yaml === 'string' ? msg.yaml : new TextDecoder().decode(msg.yaml));
      unrendered.delete(msg.path);
      unparsed.delete(msg.path);
      misread.delete(msg.path);
      const opts = msg.textLength === undefined ? {} : { textLength: msg.textLength };
      const hit = parsedCache?.get(msg.path, yaml, msg.textLength);
      if (hit) {
        toRecord.delete(msg.path); // the entry is for these very bytes: nothing older may replace it
        return answerQuickly(msg, yaml, hit, 'cache');
      }
      if (!notPlain.has(msg.path)) {
        // The usual sidecar, exactly as the plain writer wrote it: its values and its text's layout in one pass.
        const written = writtenRead(msg.path, yaml, opts);
        if (written) return answerAsWritten(msg, yaml, written);
      }
      // Recorded in the cache once the YAML, parsed, says the same.
      const plain = notPlain.has(msg.path) ? undefined : plainRead(msg.path, yaml, opts);
      if (plain) return answerQuickly(msg, yaml, plain, 'plain reader');
      const parsed = parseSidecar(yaml, opts);
      if (!parsed.ok) {
        kept.delete(msg.path);
        return answer({ id: msg.id, read: parsed });
      }
      const values = valuesOf(parsed);
      keep(msg.path, parsed.document);
      if (parsedCache && ParsedSidecarCache.worthCaching(yaml)) record(msg.path, { yaml, parsed: values });
      return answer({ id: msg.id, read: { ok: true, ...values } });
    }
    case 'write': {
      const sent = msg.packed ? runAtOnce(unpackAnnotationsSteps(msg.packed)) : msg.sidecar.annotations;
      const annotations = msg.reuse ? reused(msg.path, msg.reuse, sent) : sent;
      if (!annotations) return answer({ id: msg.id, resend: true });
      const sidecar = annotations === msg.sidecar.annotations ? msg.sidecar : { ...msg.sidecar, annotations };
      parseNow(msg.path);
      if (misread.has(msg.path)) return answer({ id: msg.id, refused: 'it was read wrongly at first and is being read again; nothing was written' });
      const previous = msg.keep ? kept.get(msg.path) : undefined;
      // Never a fresh document in its place: that would drop the user's comments.
      if (msg.keep && !previous) return answer({ id: msg.id, forgotten: true });
      const yaml = previous && 'document' in previous ? writeWithLibrary(msg.path, sidecar, previous.document, previous.cache) : writeAnew(msg.path, sidecar, previous?.text);
      if (parsedCache) record(msg.path, { yaml, written: sidecar });
      held.set(msg.path, { id: msg.id, annotations });
      return answer({ id: msg.id, yaml });
    }
    case 'forget':
      held.delete(msg.path);
      kept.delete(msg.path);
      unrendered.delete(msg.path);
      unparsed.delete(msg.path);
      recordNow(msg.path);
  }
});

/** Written into `document` (the one read or last written), or a new one. */
function writeWithLibrary(path: string, sidecar: Sidecar, document: Document | undefined, cache: AnnotationCache): string {
  const written = writeSidecarDocument(sidecar, document, cache);
  kept.set(path, { document: written.document, cache });
  unrendered.delete(path);
  return written.yaml;
}

/**
 * A write where the file holds nothing the values do not but comment lines (a new
 * sidecar, or one as the plain writer writes it): the plain writer's, from the text
 * before; the library's, into that text's document, for what the plain writer leaves to it.
 */
function writeAnew(path: string, sidecar: Sidecar, previous: PlainSidecarText | undefined): string {
  const text = renderPlainSidecar(sidecar, previous);
  if (text) {
    kept.set(path, { text });
    return text.yaml;
  }
  // Into the document of the text before, which may hold the user's comment lines (it parses: it was known as written).
  const before = previous ? parseSidecar(previous.yaml) : undefined;
  return writeWithLibrary(path, sidecar, before?.ok ? before.document : undefined, new AnnotationCache());
}

/** Answers a read before its YAML is parsed into a document (see parseNow). */
function answerQuickly(msg: SidecarRequest & { type: 'read' }, yaml: string, values: CachedSidecar, by: 'cache' | 'plain reader'): void {
  kept.delete(msg.path);
  const pending = { yaml, ...(msg.textLength === undefined ? {} : { textLength: msg.textLength }), answered: values, by };
  unparsed.set(msg.path, pending);
  parseLater();
  answer({ id: msg.id, read: { ok: true, ...values, ...(by === 'cache' ? { fromCache: true } : { fromPlainReader: true }) } });
  // Right after answering, not once the editor has settled: it takes tens of milliseconds, not seconds, and a write that comes soon is spared it.
  setImmediate(() => {
    if (unparsed.get(msg.path) === pending && knownAsWritten(msg.path, pending)) unparsed.delete(msg.path);
  });
}

/** Answers a read of a sidecar known as written: a write builds on its text, and the library never needs to parse it. */
function answerAsWritten(msg: SidecarRequest & { type: 'read' }, yaml: string, text: PlainSidecarText): void {
  kept.set(msg.path, { text });
  answer({ id: msg.id, read: { ok: true, sidecar: text.sidecar, fromPlainReader: true } });
  if (parsedCache && ParsedSidecarCache.worthCaching(yaml)) record(msg.path, { yaml, parsed: { sidecar: text.sidecar } });
}

type Pending = typeof unparsed extends Map<string, infer P> ? P : never;

/**
 * Whether the YAML is what the plain writer writes for the values answered (comment
 * lines apart); if so, writes build on its text. The library reads such a text to those
 * values (it reads back what it writes), so it need not be parsed.
 */
function knownAsWritten(path: string, pending: Pending): boolean {
  const text = asWrittenFor(pending.yaml, pending.answered.sidecar, pending.textLength === undefined ? {} : { textLength: pending.textLength });
  if (!text) return false;
  kept.set(path, { text });
  if (pending.by === 'plain reader' && parsedCache && ParsedSidecarCache.worthCaching(pending.yaml)) record(path, { yaml: pending.yaml, parsed: pending.answered });
  return true;
}

/** A sidecar as the plain writer writes it, read in one pass; none, should that ever fail (as plainRead). */
function writtenRead(path: string, yaml: string, opts: ParseOptions): PlainSidecarText | undefined {
  try {
    // Entries the library must render or read (notes over several lines, fields added by hand) are for the check after the answer.
    return readWrittenSidecar(yaml, opts, 'decline');
  } catch (e) {
    console.error(`geo-annotator: the reader of sidecars as written failed on ${path}: ${(e as Error).message}`);
    notPlain.add(path);
    return undefined;
  }
}

/** The plain reader's answer; none, should it ever fail (the library then reads the file, as for any it declines). */
function plainRead(path: string, yaml: string, opts: ParseOptions): CachedSidecar | undefined {
  try {
    return readPlainSidecar(yaml, opts);
  } catch (e) {
    console.error(`geo-annotator: the plain reader failed on ${path}: ${(e as Error).message}`);
    notPlain.add(path);
    return undefined;
  }
}

function keep(path: string, document: Document): void {
  kept.set(path, { document, cache: new AnnotationCache() });
  unrendered.add(path);
  workWhenIdle();
}

/**
 * Parses a sidecar answered quickly — unless it is what the plain writer writes for the
 * answer — and checks that the YAML says what the answer did.
 * If not, the cache entry goes, the plain reader is not asked about the file again, and
 * the extension is told to read it again; until it has, writes to it are refused (they
 * would write what it was wrongly told).
 */
function parseNow(path: string): void {
  const pending = unparsed.get(path);
  if (!pending) return;
  unparsed.delete(path);
  if (knownAsWritten(path, pending)) return;
  const parsed = parseSidecar(pending.yaml, pending.textLength === undefined ? {} : { textLength: pending.textLength });
  const values = parsed.ok ? valuesOf(parsed) : undefined;
  const agrees = values !== undefined && values.migratedFrom === pending.answered.migratedFrom && JSON.stringify(values.sidecar) === JSON.stringify(pending.answered.sidecar);
  if (!agrees) {
    console.error(`geo-annotator: the ${pending.by} read ${path} otherwise than its YAML says; it is read again`);
    parsedCache?.drop(path);
    toRecord.delete(path);
    if (pending.by === 'plain reader') notPlain.add(path);
    misread.add(path);
    parentPort!.postMessage({ misread: path } satisfies SidecarNotice);
  } else if (pending.by === 'plain reader' && parsedCache && ParsedSidecarCache.worthCaching(pending.yaml)) {
    // Through the queue of entries to record, as a write's: a write that follows replaces it there (one put each raced on the file).
    record(path, { yaml: pending.yaml, parsed: values });
  }
  if (parsed.ok) keep(path, parsed.document);
}

let parseTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Parses what was answered quickly once no quick answer has been asked for a while: the
 * editor is then placing the annotations it was sent, and a recognition worker is busy
 * too, and a parse of seconds on the other core would slow both (a write parses at once).
 */
function parseLater(): void {
  if (parseTimer) clearTimeout(parseTimer);
  parseTimer = setTimeout(() => {
    parseTimer = undefined;
    workWhenIdle();
  }, parseAfterMs);
}

let workScheduled = false;

/** Parses, then renders, kept documents in short slices, so a request that arrives meanwhile waits at most one slice (or one parse). */
function workWhenIdle(): void {
  if (workScheduled) return;
  workScheduled = true;
  setImmediate(() => {
    workScheduled = false;
    const toParse = unparsed.keys().next().value;
    if (toParse !== undefined) {
      parseNow(toParse);
      return workWhenIdle();
    }
    const path = unrendered.values().next().value;
    if (path === undefined) return;
    const k = kept.get(path);
    if (!k || !('document' in k) || k.cache.fill(k.document, performance.now() + SLICE_MS)) unrendered.delete(path);
    workWhenIdle();
  });
}

let recordTimer: ReturnType<typeof setTimeout> | undefined;

function record(path: string, entry: { yaml: string; parsed: CachedSidecar } | { yaml: string; written: Sidecar }): void {
  toRecord.set(path, entry);
  if (recordTimer) clearTimeout(recordTimer);
  recordTimer = setTimeout(() => {
    recordTimer = undefined;
    for (const p of [...toRecord.keys()]) recordNow(p);
  }, recordAfterMs);
}

function recordNow(path: string): void {
  const r = toRecord.get(path);
  if (!r || !parsedCache) return;
  toRecord.delete(path);
  const written = 'written' in r ? valuesAsWritten(r.written) : undefined;
  const parsed = 'parsed' in r ? r.parsed : written && { sidecar: written };
  if (parsed) void parsedCache.put(path, r.yaml, parsed);
  else parsedCache.drop(path); // two annotations with one id: it would not read back
}

function cacheFrom(data: SidecarWorkerData): ParsedSidecarCache | undefined {
  if (!data.cacheDir) return undefined;
  // This file's size and time stand for the parser's version: a rebuild never trusts older entries.
  const self = statSync(__filename);
  const cache = new ParsedSidecarCache(data.cacheDir, `${self.size}:${Math.round(self.mtimeMs)}`);
  setTimeout(() => cache.prune(), 10_000).unref();
  return cache;
}

function answer(a: SidecarAnswer): void {
  // What a read answered is what a write may send against (see Reuse).
  if ('read' in a) {
    const path = readPaths.get(a.id);
    readPaths.delete(a.id);
    if (path !== undefined && a.read.ok) held.set(path, { id: a.id, annotations: a.read.sidecar.annotations });
    else if (path !== undefined) held.delete(path);
    if (a.read.ok && a.read.sidecar.annotations.length > PACKED_FROM) {
      const packed = packAnnotations(a.read.sidecar.annotations);
      return parentPort!.postMessage({ ...a, read: { ...a.read, sidecar: { ...a.read.sidecar, annotations: [] } }, packed } satisfies SidecarAnswer, [packed.ints.buffer as ArrayBuffer]);
    }
  }
  parentPort!.postMessage(a);
}

/** The annotations of a write sent against the values `reuse.base` answered with, or undefined when those are no longer held. */
function reused(path: string, reuse: Reuse, fresh: readonly StoredAnnotation[]): StoredAnnotation[] | undefined {
  const base = held.get(path);
  if (!base || base.id !== reuse.base) return undefined;
  const out = new Array<StoredAnnotation>(reuse.at.length);
  let k = 0;
  for (let i = 0; i < out.length; i++) {
    const j = reuse.at[i]!;
    const a = j >= 0 ? base.annotations[j] : fresh[k++];
    if (a === undefined) return undefined;
    out[i] = a;
  }
  return k === fresh.length ? out : undefined;
}

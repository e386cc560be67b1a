/**
 * A worker thread that reads and writes sidecar YAML off the extension host's thread:
 * the YAML library takes seconds over a sidecar of ten thousand annotations. It keeps
 * each sidecar's YAML document (comments, unknown fields) between a read and the next
 * write, keyed by the sidecar's path, with the rendered text of each annotation, so a
 * write renders only what changed. A large sidecar unchanged since this worker last
 * read or wrote it is answered from the parsed-sidecar cache, and its YAML parsed
 * afterwards while idle (or at once, when a write needs the document).
 * Built as dist/sidecarWorker.js; no editor API.
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Document } from 'yaml';
import { AnnotationCache, parseSidecar, valuesAsWritten, writeSidecarDocument } from './core/sidecar/index';
import { ParsedSidecarCache, type CachedSidecar } from './node/parsedSidecarCache';
import type { Sidecar } from './core/sidecar/model';
import type { SidecarAnswer, SidecarRequest, SidecarWorkerData } from './sidecarCodec';

interface Kept {
  document: Document;
  cache: AnnotationCache;
}

const kept = new Map<string, Kept>();
/** Sidecars read but not yet rendered: rendered while the worker is idle, so the first write is quick too. */
const unrendered = new Set<string>();
/** Sidecars answered from the cache, whose YAML is still to be parsed into a document. */
const unparsed = new Map<string, { yaml: string; textLength?: number; answered: CachedSidecar }>();
/**
 * Cache entries to record once the worker is idle: a burst of writes records only the
 * last. What a write recorded is worked out then too (`valuesAsWritten`), not while the
 * extension waits for the YAML.
 */
const toRecord = new Map<string, { yaml: string; parsed: CachedSidecar } | { yaml: string; written: Sidecar }>();
const SLICE_MS = 20;
const options = (workerData ?? {}) as SidecarWorkerData;
const recordAfterMs = options.recordAfterMs ?? 1500;
const parsedCache = cacheFrom(options);

parentPort?.on('message', (msg: SidecarRequest) => {
  switch (msg.type) {
    case 'read': {
      unrendered.delete(msg.path);
      unparsed.delete(msg.path);
      const hit = parsedCache?.get(msg.path, msg.yaml, msg.textLength);
      if (hit) {
        kept.delete(msg.path);
        toRecord.delete(msg.path); // the entry is for these very bytes: nothing older may replace it
        unparsed.set(msg.path, { yaml: msg.yaml, ...(msg.textLength === undefined ? {} : { textLength: msg.textLength }), answered: hit });
        workWhenIdle();
        return answer({ id: msg.id, read: { ok: true, ...hit, fromCache: true } });
      }
      const parsed = parseSidecar(msg.yaml, msg.textLength === undefined ? {} : { textLength: msg.textLength });
      if (!parsed.ok) {
        kept.delete(msg.path);
        return answer({ id: msg.id, read: parsed });
      }
      const values: CachedSidecar = { sidecar: parsed.sidecar, ...(parsed.migratedFrom === undefined ? {} : { migratedFrom: parsed.migratedFrom }) };
      keep(msg.path, parsed.document);
      if (parsedCache && ParsedSidecarCache.worthCaching(msg.yaml)) record(msg.path, { yaml: msg.yaml, parsed: values });
      return answer({ id: msg.id, read: { ok: true, ...values } });
    }
    case 'write': {
      parseNow(msg.path);
      const previous = msg.keep ? kept.get(msg.path) : undefined;
      // Never a fresh document in its place: that would drop the user's comments.
      if (msg.keep && !previous) return answer({ id: msg.id, forgotten: true });
      const cache = previous?.cache ?? new AnnotationCache();
      const written = writeSidecarDocument(msg.sidecar, previous?.document, cache);
      kept.set(msg.path, { document: written.document, cache });
      unrendered.delete(msg.path);
      if (parsedCache) record(msg.path, { yaml: written.yaml, written: msg.sidecar });
      return answer({ id: msg.id, yaml: written.yaml });
    }
    case 'forget':
      kept.delete(msg.path);
      unrendered.delete(msg.path);
      unparsed.delete(msg.path);
      recordNow(msg.path);
  }
});

function keep(path: string, document: Document): void {
  kept.set(path, { document, cache: new AnnotationCache() });
  unrendered.add(path);
  workWhenIdle();
}

/**
 * Parses a sidecar answered from the cache, and checks that the YAML says what the
 * cache did: if not, the entry goes, and without a document no write lands on the file
 * (the extension reads it again first).
 */
function parseNow(path: string): void {
  const pending = unparsed.get(path);
  if (!pending) return;
  unparsed.delete(path);
  const parsed = parseSidecar(pending.yaml, pending.textLength === undefined ? {} : { textLength: pending.textLength });
  const agrees = parsed.ok && parsed.migratedFrom === pending.answered.migratedFrom && JSON.stringify(parsed.sidecar) === JSON.stringify(pending.answered.sidecar);
  if (!agrees) {
    console.error(`geo-annotator: the parsed-sidecar cache disagreed with ${path}; entry removed`);
    parsedCache?.drop(path);
  }
  if (parsed.ok) keep(path, parsed.document);
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
    if (!k || k.cache.fill(k.document, performance.now() + SLICE_MS)) unrendered.delete(path);
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
  parentPort!.postMessage(a);
}

/**
 * A worker thread that reads and writes sidecar YAML off the extension host's thread:
 * the YAML library takes seconds over a sidecar of ten thousand annotations. It keeps
 * each sidecar's YAML document (comments, unknown fields) between a read and the next
 * write, keyed by the sidecar's path, with the rendered text of each annotation, so a
 * write renders only what changed. Built as dist/sidecarWorker.js; no editor API.
 */
import { parentPort } from 'node:worker_threads';
import type { Document } from 'yaml';
import { AnnotationCache, parseSidecar, writeSidecarDocument } from './core/sidecar/index';
import type { SidecarAnswer, SidecarRequest } from './sidecarCodec';

interface Kept {
  document: Document;
  cache: AnnotationCache;
}

const kept = new Map<string, Kept>();
/** Sidecars read but not yet rendered: rendered while the worker is idle, so the first write is quick too. */
const unrendered = new Set<string>();
const SLICE_MS = 20;

parentPort?.on('message', (msg: SidecarRequest) => {
  switch (msg.type) {
    case 'read': {
      const parsed = parseSidecar(msg.yaml, msg.textLength === undefined ? {} : { textLength: msg.textLength });
      unrendered.delete(msg.path);
      if (!parsed.ok) {
        kept.delete(msg.path);
        return answer({ id: msg.id, read: parsed });
      }
      kept.set(msg.path, { document: parsed.document, cache: new AnnotationCache() });
      unrendered.add(msg.path);
      renderWhenIdle();
      return answer({ id: msg.id, read: { ok: true, sidecar: parsed.sidecar, ...(parsed.migratedFrom === undefined ? {} : { migratedFrom: parsed.migratedFrom }) } });
    }
    case 'write': {
      const previous = msg.keep ? kept.get(msg.path) : undefined;
      // Never a fresh document in its place: that would drop the user's comments.
      if (msg.keep && !previous) return answer({ id: msg.id, forgotten: true });
      const cache = previous?.cache ?? new AnnotationCache();
      const written = writeSidecarDocument(msg.sidecar, previous?.document, cache);
      kept.set(msg.path, { document: written.document, cache });
      unrendered.delete(msg.path);
      return answer({ id: msg.id, yaml: written.yaml });
    }
    case 'forget':
      kept.delete(msg.path);
      unrendered.delete(msg.path);
  }
});

let renderScheduled = false;

/** Renders kept documents in short slices, so a request that arrives meanwhile waits at most one slice. */
function renderWhenIdle(): void {
  if (renderScheduled) return;
  renderScheduled = true;
  setImmediate(() => {
    renderScheduled = false;
    const path = unrendered.values().next().value;
    if (path === undefined) return;
    const k = kept.get(path);
    if (!k || k.cache.fill(k.document, performance.now() + SLICE_MS)) unrendered.delete(path);
    renderWhenIdle();
  });
}

function answer(a: SidecarAnswer): void {
  parentPort!.postMessage(a);
}

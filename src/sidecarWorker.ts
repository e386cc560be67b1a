/**
 * A worker thread that reads and writes sidecar YAML off the extension host's thread:
 * the YAML library takes seconds over a sidecar of ten thousand annotations. It keeps
 * each sidecar's YAML document (comments, unknown fields) between a read and the next
 * write, keyed by the sidecar's path. Built as dist/sidecarWorker.js; no editor API.
 */
import { parentPort } from 'node:worker_threads';
import type { Document } from 'yaml';
import { parseSidecar, writeSidecarDocument } from './core/sidecar/index';
import type { SidecarAnswer, SidecarRequest } from './sidecarCodec';

const documents = new Map<string, Document>();

parentPort?.on('message', (msg: SidecarRequest) => {
  switch (msg.type) {
    case 'read': {
      const parsed = parseSidecar(msg.yaml, msg.textLength === undefined ? {} : { textLength: msg.textLength });
      if (!parsed.ok) {
        documents.delete(msg.path);
        return answer({ id: msg.id, read: parsed });
      }
      documents.set(msg.path, parsed.document);
      return answer({ id: msg.id, read: { ok: true, sidecar: parsed.sidecar, ...(parsed.migratedFrom === undefined ? {} : { migratedFrom: parsed.migratedFrom }) } });
    }
    case 'write': {
      const written = writeSidecarDocument(msg.sidecar, msg.keep ? documents.get(msg.path) : undefined);
      documents.set(msg.path, written.document);
      return answer({ id: msg.id, yaml: written.yaml });
    }
    case 'forget':
      documents.delete(msg.path);
  }
});

function answer(a: SidecarAnswer): void {
  parentPort!.postMessage(a);
}

import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseSidecar, readPlainSidecar, serializeSidecar, sidecarPathFor, textHash, type ParsedSidecar, type Sidecar, type StoredAnnotation } from '../core/sidecar/index';
import { writeFileAtomic } from '../node/atomicWrite';

export type LoadedSidecar = { kind: 'none' } | { kind: 'ok'; parsed: ParsedSidecar } | { kind: 'broken'; message: string };

/** The sidecar of a text file on disk, parsed and validated, with its YAML document to write into. */
export function loadSidecar(textPath: string): LoadedSidecar {
  const path = sidecarPathFor(textPath);
  if (!existsSync(path)) return { kind: 'none' };
  return parsedOrBroken(path, readFileSync(path, 'utf8'));
}

/**
 * The values of a text's sidecar, for a reader that writes nothing back: by the plain
 * reader when the file is in the shape it reads (10,000 annotations in ~0.1 s, not over a
 * second), else by the YAML library.
 */
export function readSidecarValues(textPath: string): { kind: 'none' } | { kind: 'ok'; sidecar: Sidecar } | { kind: 'broken'; message: string } {
  const path = sidecarPathFor(textPath);
  if (!existsSync(path)) return { kind: 'none' };
  const yaml = readFileSync(path, 'utf8');
  const plain = readPlainSidecar(yaml);
  if (plain) return { kind: 'ok', sidecar: plain.sidecar };
  const loaded = parsedOrBroken(path, yaml);
  return loaded.kind === 'ok' ? { kind: 'ok', sidecar: loaded.parsed.sidecar } : loaded;
}

function parsedOrBroken(path: string, yaml: string): LoadedSidecar {
  const r = parseSidecar(yaml);
  if (!r.ok) return { kind: 'broken', message: r.errors.map((e) => `${path}:${e.line}:${e.column}: ${e.message}`).join('\n') };
  return { kind: 'ok', parsed: r };
}

/**
 * Merges annotations into a text's sidecar without undoing the user's work: an annotation
 * over a span the sidecar already holds (accepted, rejected or suggested, with its note)
 * is skipped; the rest are added. Writes atomically; refuses an unreadable sidecar.
 * Returns how many were added, or an error message.
 */
export async function mergeIntoSidecar(textPath: string, text: string, incoming: StoredAnnotation[]): Promise<{ added: number } | { error: string }> {
  const loaded = loadSidecar(textPath);
  if (loaded.kind === 'broken') return { error: `not touched, it does not parse:\n${loaded.message}` };
  const previous = loaded.kind === 'ok' ? loaded.parsed : undefined;
  const existing = previous?.sidecar.annotations ?? [];
  const taken = new Set(existing.map((a) => `${a.start}:${a.end}`));
  const ids = new Set(existing.map((a) => a.id));
  const fresh = incoming.filter((a) => !taken.has(`${a.start}:${a.end}`)).map((a) => (ids.has(a.id) ? { ...a, id: `${a.id}-${a.start}` } : a));
  if (fresh.length === 0 && previous) return { added: 0 };
  const sidecar = { version: 1, source: basename(textPath), textHash: textHash(text), annotations: [...existing, ...fresh] };
  await writeFileAtomic(sidecarPathFor(textPath), serializeSidecar(sidecar, previous));
  return { added: fresh.length };
}

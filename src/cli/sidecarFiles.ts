import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseSidecar, readAsWritten, readPlainSidecar, readWrittenSidecar, renderPlainSidecar, serializeSidecar, sidecarPathFor, textHash, tooLargeToRead, withLineFeeds, type ParsedSidecar, type PlainSidecarText, type Sidecar, type StoredAnnotation } from '../core/sidecar/index';
import { writeFileAtomic } from '../node/atomicWrite';

/**
 * The values of a text's sidecar, for a reader that writes nothing back: in one pass
 * when the file is exactly as the extension writes it, by the plain reader when it is in
 * the shape that reads (10,000 annotations in ~0.1 s, not over a second), else by the
 * YAML library.
 */
export function readSidecarValues(textPath: string): { kind: 'none' } | { kind: 'ok'; sidecar: Sidecar } | { kind: 'broken'; message: string } {
  const path = sidecarPathFor(textPath);
  if (!existsSync(path)) return { kind: 'none' };
  const yaml = withLineFeeds(readFileSync(path, 'utf8'));
  const plain = readWrittenSidecar(yaml) ?? readPlainSidecar(yaml);
  if (plain) return { kind: 'ok', sidecar: plain.sidecar };
  const loaded = parsedOrBroken(path, yaml);
  return loaded.kind === 'ok' ? { kind: 'ok', sidecar: loaded.parsed.sidecar } : loaded;
}

function parsedOrBroken(path: string, yaml: string): { kind: 'ok'; parsed: ParsedSidecar } | { kind: 'broken'; message: string } {
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
  const loaded = loadForWriting(textPath);
  if (loaded.kind === 'broken') return { error: `not touched, it does not parse:\n${loaded.message}` };
  const existing = loaded.kind === 'none' ? [] : loaded.sidecar.annotations;
  const taken = new Set(existing.map((a) => `${a.start}:${a.end}`));
  const ids = new Set(existing.map((a) => a.id));
  const fresh = incoming.filter((a) => !taken.has(`${a.start}:${a.end}`)).map((a) => (ids.has(a.id) ? { ...a, id: `${a.id}-${a.start}` } : a));
  if (fresh.length === 0 && loaded.kind !== 'none') return { added: 0 };
  const sidecar = { version: 1, source: basename(textPath), textHash: textHash(text), annotations: [...existing, ...fresh] };
  // A sidecar as the plain writer writes it (comment lines apart) is written by it, from its text; any other into the document read (all kept).
  const yaml = loaded.kind === 'asWritten' ? (renderPlainSidecar(sidecar, loaded.text)?.yaml ?? intoParsed(sidecar, loaded.text.yaml)) : serializeSidecar(sidecar, loaded.kind === 'ok' ? loaded.parsed : undefined);
  const tooLarge = tooLargeToRead(yaml);
  if (tooLarge) return { error: tooLarge };
  await writeFileAtomic(sidecarPathFor(textPath), yaml);
  return { added: fresh.length };
}

/** What the plain writer leaves to the library, written into the document of the text before (its comment lines kept). */
function intoParsed(sidecar: Sidecar, before: string): string {
  const parsed = parseSidecar(before);
  return serializeSidecar(sidecar, parsed.ok ? parsed : undefined);
}

/** A text's sidecar to write into: read by the plain reader when the plain writer wrote it just so (no parse of seconds), else parsed. */
function loadForWriting(textPath: string): { kind: 'none' } | { kind: 'asWritten'; sidecar: Sidecar; text: PlainSidecarText } | { kind: 'ok'; sidecar: Sidecar; parsed: ParsedSidecar } | { kind: 'broken'; message: string } {
  const path = sidecarPathFor(textPath);
  if (!existsSync(path)) return { kind: 'none' };
  const yaml = withLineFeeds(readFileSync(path, 'utf8'));
  const text = readAsWritten(yaml);
  if (text) return { kind: 'asWritten', sidecar: text.sidecar, text };
  const loaded = parsedOrBroken(path, yaml);
  return loaded.kind === 'ok' ? { kind: 'ok', sidecar: loaded.parsed.sidecar, parsed: loaded.parsed } : loaded;
}

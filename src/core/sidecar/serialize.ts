import { Document, isMap, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import { annotationNode, HEADER, keyOf, updateAnnotation } from './layout';
import { inFileOrder, sameValues, SIDECAR_VERSION, type Sidecar, type StoredAnnotation } from './model';
import type { ParsedSidecar } from './parse';
import { renderPlainSidecar } from './plainWrite';
import { renderSidecarDocument, type AnnotationCache } from './render';

/**
 * Writes a sidecar as YAML. Given the sidecar it was read from, the same document is
 * updated in place: the user's comments, unknown fields and the annotations' own nodes
 * survive; annotations come out in a stable order.
 */
export function serializeSidecar(sidecar: Sidecar, previous?: ParsedSidecar): string {
  return (previous ? undefined : renderPlainSidecar(sidecar)?.yaml) ?? writeSidecarDocument(sidecar, previous?.document.clone()).yaml;
}

/**
 * `serializeSidecar` for a caller that keeps the document between writes: `doc` (the
 * one last read or written) is changed in place, sparing a copy of a large document.
 * With `cache`, annotations that did not change since the last write are neither touched
 * nor rendered again.
 */
export function writeSidecarDocument(sidecar: Sidecar, previous?: Document, cache?: AnnotationCache): { yaml: string; document: Document } {
  const doc = previous ?? new Document({});
  if (!previous) doc.commentBefore = HEADER;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  const root = doc.contents as unknown as YAMLMap;
  root.set('version', SIDECAR_VERSION);
  root.set('source', sidecar.source);
  if (sidecar.textHash) root.set('textHash', sidecar.textHash);
  else root.delete('textHash');

  const existing = new Map<string, YAMLMap>();
  const oldSeq = root.get('annotations', true);
  if (isSeq(oldSeq)) {
    for (const item of oldSeq.items) {
      if (!isMap(item)) continue;
      const id = cache?.writtenInto(item)?.id ?? item.get('id');
      if (id !== undefined && id !== null) existing.set(String(id), item);
    }
  }
  const seq = isSeq(oldSeq) ? (oldSeq as YAMLSeq) : new YAMLSeq();
  seq.items = inFileOrder(sidecar.annotations).map((a) => {
    const old = existing.get(a.id);
    if (!old) {
      const node = annotationNode(a);
      cache?.wrote(node, a);
      return node;
    }
    const before = cache?.writtenInto(old);
    if (before && sameValues(before, a)) return old;
    if (updateAnnotation(old, a)) cache?.forget(old);
    cache?.wrote(old, a);
    return old;
  });
  root.set('annotations', seq);
  // Version first, annotations last, whatever order the file had.
  root.items.sort((x, y) => rank(keyOf(x)) - rank(keyOf(y)));
  return { yaml: renderSidecarDocument(doc, cache), document: doc };
}

/**
 * The sidecar that the YAML `writeSidecarDocument` makes of `sidecar` parses back to —
 * the same values in the file's order, without fields a sidecar does not have — or
 * undefined when it would not parse (two annotations with one id). Spares a parse of
 * what was just written (see the parsed-sidecar cache).
 */
export function valuesAsWritten(sidecar: Sidecar): Sidecar | undefined {
  const ids = new Set<string>();
  const annotations: StoredAnnotation[] = [];
  for (const a of inFileOrder(sidecar.annotations)) {
    if (ids.has(a.id)) return undefined;
    ids.add(a.id);
    const v: StoredAnnotation = { id: a.id, kind: a.kind, start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix, status: a.status };
    if (a.entity !== undefined) v.entity = a.entity;
    if (a.name !== undefined) v.name = a.name;
    if (a.quoteKind !== undefined) v.quoteKind = a.quoteKind;
    if (a.speaker !== undefined) v.speaker = a.speaker;
    if (a.speakerEntity !== undefined) v.speakerEntity = a.speakerEntity;
    if (a.note !== undefined) v.note = a.note;
    annotations.push(v);
  }
  return { version: SIDECAR_VERSION, source: sidecar.source, ...(sidecar.textHash ? { textHash: sidecar.textHash } : {}), annotations };
}

function rank(key: string): number {
  const order = ['version', 'source', 'textHash'];
  const i = order.indexOf(key);
  return i >= 0 ? i : key === 'annotations' ? 100 : 50;
}

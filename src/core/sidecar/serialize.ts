import { Document, isMap, isSeq, YAMLMap, YAMLSeq, type Scalar } from 'yaml';
import { compareAnnotations, SIDECAR_VERSION, type Sidecar, type StoredAnnotation } from './model';
import type { ParsedSidecar } from './parse';

const HEADER = ' geo-annotator sidecar: annotations of the text file named in `source`.\n Offsets are Unicode code points (BOM not counted), end exclusive. Edit freely; comments are kept.';

/** Field order inside an annotation, for readable, stable files. */
const FIELDS: (keyof StoredAnnotation)[] = ['id', 'kind', 'start', 'end', 'exact', 'prefix', 'suffix', 'entity', 'name', 'quoteKind', 'speaker', 'speakerEntity', 'status', 'note'];

/**
 * Writes a sidecar as YAML. Given the sidecar it was read from, the same document is
 * updated in place: the user's comments, unknown fields and the annotations' own nodes
 * survive; annotations come out in a stable order.
 */
export function serializeSidecar(sidecar: Sidecar, previous?: ParsedSidecar): string {
  return writeSidecarDocument(sidecar, previous?.document.clone()).yaml;
}

/**
 * `serializeSidecar` for a caller that keeps the document between writes: `doc` (the
 * one last read or written) is changed in place, sparing a copy of a large document.
 */
export function writeSidecarDocument(sidecar: Sidecar, previous?: Document): { yaml: string; document: Document } {
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
      const id = item.get('id');
      if (id !== undefined && id !== null) existing.set(String(id), item);
    }
  }
  const seq = isSeq(oldSeq) ? (oldSeq as YAMLSeq) : new YAMLSeq();
  seq.items = [...sidecar.annotations].sort(compareAnnotations).map((a) => {
    const node = existing.get(a.id) ?? new YAMLMap();
    for (const key of FIELDS) {
      const value = a[key];
      if (value === undefined) {
        node.delete(key);
        continue;
      }
      const current = node.get(key, true) as Scalar | undefined;
      if (current && typeof current === 'object' && 'value' in current) current.value = value;
      else node.set(key, value);
    }
    if (!existing.has(a.id)) node.items.sort((x, y) => FIELDS.indexOf(String((x.key as Scalar).value ?? x.key) as keyof StoredAnnotation) - FIELDS.indexOf(String((y.key as Scalar).value ?? y.key) as keyof StoredAnnotation));
    return node;
  });
  root.set('annotations', seq);
  // Version first, annotations last, whatever order the file had.
  root.items.sort((x, y) => rank(String((x.key as Scalar).value ?? x.key)) - rank(String((y.key as Scalar).value ?? y.key)));
  return { yaml: doc.toString({ lineWidth: 0, minContentWidth: 0 }), document: doc };
}

function rank(key: string): number {
  const order = ['version', 'source', 'textHash'];
  const i = order.indexOf(key);
  return i >= 0 ? i : key === 'annotations' ? 100 : 50;
}

import type { Recognition } from '../model/types';
import { makeAnnotation, type StoredAnnotation } from '../sidecar/index';
import { CodePointMap } from '../text/offsets';

/** What the engine recognised, as stored annotations with the given status. */
export function annotationsFromRecognition(text: string, r: Recognition, status: StoredAnnotation['status'] = 'suggested'): StoredAnnotation[] {
  const map = new CodePointMap(text);
  const out: StoredAnnotation[] = [];
  r.mentions.forEach((m, i) => out.push(makeAnnotation(text, map, m.start, m.end, { id: `m${i + 1}`, kind: m.type, entity: m.entity, name: m.name, status })));
  r.quotes.forEach((q, i) => out.push(makeAnnotation(text, map, q.start, q.end, { id: `q${i + 1}`, kind: 'quote', quoteKind: q.kind, speaker: q.speaker, speakerEntity: q.speakerEntity, status })));
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

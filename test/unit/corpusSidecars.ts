import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { recognize } from '../../src/core/recognize/index';
import { makeAnnotation, type Sidecar } from '../../src/core/sidecar/index';
import { CodePointMap } from '../../src/core/text/offsets';
import { corpusText } from './corpus';

let kb: KnowledgeBase | undefined;

/**
 * A sidecar of a corpus article as the extension would write it: every mention suggested,
 * every quote accepted with its speaker, `noteOn(i)` the note of quote i (if any).
 */
export function corpusSidecar(id: string, noteOn: (i: number) => string | undefined): { text: string; map: CodePointMap; sidecar: Sidecar } {
  const text = corpusText(id);
  const map = new CodePointMap(text);
  const r = recognize(text, (kb ??= KnowledgeBase.builtin()));
  const annotations = [
    ...r.mentions.map((m, i) => makeAnnotation(text, map, m.start, m.end, { kind: m.type, entity: m.entity, name: m.name, status: 'suggested', id: `m${i}` })),
    ...r.quotes.map((q, i) => {
      const note = noteOn(i);
      return makeAnnotation(text, map, q.start, q.end, { kind: 'quote', quoteKind: q.kind, speaker: q.speaker, speakerEntity: q.speakerEntity, status: 'accepted', id: `q${i}`, ...(note === undefined ? {} : { note }) });
    }),
  ];
  return { text, map, sidecar: { version: 1, source: `${id}.txt`, textHash: 'fnv64:0123456789abcdef', annotations } };
}

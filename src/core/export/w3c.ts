import type { StoredAnnotation } from '../sidecar/index';

/**
 * W3C Web Annotation Data Model, as JSON-LD: an AnnotationCollection whose items target
 * the text with both a TextQuoteSelector (exact, prefix, suffix) and a
 * TextPositionSelector (start, end in code points).
 */
export function toW3c(source: string, annotations: StoredAnnotation[], wikidataOf: (entity: string) => string | undefined): object {
  const items = annotations
    .filter((a) => a.status !== 'rejected')
    .map((a) => {
      const body: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.kind === 'quote' ? (a.quoteKind ?? 'speech') : a.kind }];
      const qid = a.entity ? wikidataOf(a.entity) : undefined;
      if (qid) body.push({ type: 'SpecificResource', purpose: 'identifying', source: `http://www.wikidata.org/entity/${qid}` });
      else if (a.name) body.push({ type: 'TextualBody', purpose: 'identifying', value: a.name });
      if (a.kind === 'quote' && a.speaker) body.push({ type: 'TextualBody', purpose: 'describing', value: `speaker: ${a.speaker}` });
      if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
      return {
        id: `#${a.id}`,
        type: 'Annotation',
        motivation: qid ? 'identifying' : 'tagging',
        body,
        target: {
          source,
          selector: [
            { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
            { type: 'TextPositionSelector', start: a.start, end: a.end },
          ],
        },
      };
    });
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', id: `${source}#annotations`, type: 'AnnotationCollection', label: `Annotations of ${source}`, total: items.length, first: { type: 'AnnotationPage', items } };
}

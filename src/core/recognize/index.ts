import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Mention, Quote, Recognition } from '../model/types';
import { articleDate } from '../facts/articleDate';
import { Gazetteer } from './gazetteer';
import { findKnownNames } from './names';
import { findPeople } from './people';
import { classifyQuote } from './quoteKind';
import { findQuotes, type QuoteSpan } from './quotes';
import { attributeSpeakers } from './speakers';

/**
 * Finds mentions and quotes in `text`. Offsets are UTF-16 indices; mentions never
 * overlap and come sorted by start, as do quotes (which may nest).
 */
export function recognize(text: string, kb: KnowledgeBase): Recognition {
  const gazetteer = Gazetteer.fromKb(kb);
  const known = findKnownNames(text, gazetteer, articleDate(text));
  const people = findPeople(text, known);
  const mentions = mergeSorted(known, people);

  const spans = findQuotes(text);
  const quotes = spans.map((s) => toQuote(text, s));
  attributeSpeakers(text, spans, quotes, mentions);
  return { mentions, quotes };
}

/** A quote span classified, not yet attributed. */
export function toQuote(text: string, s: QuoteSpan): Quote {
  const inner = text.slice(s.start + 1, s.unopened ? s.end - 1 : s.unclosed ? s.end : s.end - 1);
  const q: Quote = {
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    kind: classifyQuote(inner, { nested: s.depth > 0, brokenMarks: s.unclosed || s.unopened }),
    speaker: null,
    speakerEntity: null,
  };
  if (s.unclosed) q.unclosed = true;
  return q;
}

/** Merges two lists of mentions, each sorted by start and never overlapping the other. */
function mergeSorted(a: Mention[], b: Mention[]): Mention[] {
  if (b.length === 0) return a;
  const out = new Array<Mention>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

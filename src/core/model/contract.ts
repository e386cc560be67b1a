import { CodePointMap } from '../text/offsets';
import type { Quote, Recognition } from './types';

/**
 * The JSON other tools read (DESIGN.md, "Contracts"): offsets in Unicode code points
 * into the text without its BOM, end exclusive.
 */
export interface ContractMention {
  start: number;
  end: number;
  text: string;
  type: string;
  entity: string | null;
  name: string;
  candidates?: string[];
  country?: string;
}

export interface ContractQuote {
  start: number;
  end: number;
  text: string;
  kind: string;
  speaker: string | null;
  speakerEntity: string | null;
  unclosed?: boolean;
}

export interface ContractDocument {
  source: string;
  mentions: ContractMention[];
  quotes: ContractQuote[];
}

export function toContract(source: string, text: string, r: Recognition): ContractDocument {
  const map = new CodePointMap(text);
  return {
    source,
    mentions: r.mentions.map((m) => {
      const out: ContractMention = {
        start: map.toCodePoint(m.start),
        end: map.toCodePoint(m.end),
        text: m.text,
        type: m.type,
        entity: m.entity,
        name: m.name,
      };
      if (m.candidates) out.candidates = m.candidates;
      if (m.country) out.country = m.country;
      return out;
    }),
    quotes: outerOrTerms(r.quotes).map((q) => {
      const out: ContractQuote = {
        start: map.toCodePoint(q.start),
        end: map.toCodePoint(q.end),
        text: q.text,
        kind: q.kind,
        speaker: q.speaker,
        speakerEntity: q.speakerEntity,
      };
      if (q.unclosed) out.unclosed = true;
      return out;
    }),
  };
}

/**
 * The quotes the contract tags: a nested quote only when it is a term in its own right
 * (the gold's convention) — words someone says inside another's quote are that quote's.
 * Quotes come sorted by start, so a quote is nested when an earlier outer one reaches
 * past its end.
 */
function outerOrTerms(quotes: readonly Quote[]): Quote[] {
  const out: Quote[] = [];
  let outerEnd = -1;
  for (const q of quotes) {
    const nested = q.end <= outerEnd;
    if (!nested) outerEnd = q.end;
    if (!nested || q.kind === 'term') out.push(q);
  }
  return out;
}

/** What the recognisers produce. Offsets here are UTF-16 indices into the text. */

export const MENTION_TYPES = ['leader', 'person', 'country', 'demonym', 'place', 'org'] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

export interface Mention {
  start: number;
  end: number;
  text: string;
  type: MentionType;
  /** Knowledge-base id, or null for a name the KB does not know. */
  entity: string | null;
  /** Canonical name: the KB's, or for an unknown name its fullest form in the document. */
  name: string;
  /** Several KB entities share this name and nothing in the document decided between them. */
  candidates?: string[];
  /** For a leader the KB does not know: the country in their title ("Kyrgyz President …"). */
  country?: string;
}

export type QuoteKind = 'speech' | 'term';

export interface Quote {
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  /** Canonical name of who is quoted, or null. */
  speaker: string | null;
  /** KB id of the speaker when known. */
  speakerEntity: string | null;
  /** The quote opened but never closed; it runs to the end of its paragraph. */
  unclosed?: boolean;
}

export interface Recognition {
  mentions: Mention[];
  quotes: Quote[];
}

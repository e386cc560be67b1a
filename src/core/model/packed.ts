import { MENTION_TYPES, type Mention, type Quote, type Recognition } from './types';
import { knownLengthBound, setLengthBound } from '../util/sortedByStart';

/**
 * A recognition as a few flat arrays, for sending between threads: typed arrays move
 * without copying, and rebuilding objects from them can be done a slice at a time,
 * where a structured clone of a million small objects would block the receiver.
 * Texts are sent as one string per array when the receiver does not hold the document.
 */
export interface PackedItems {
  /** MENTION_FIELDS or QUOTE_FIELDS ints per item. */
  ints: Int32Array;
  /** The strings the ints point to (-1 = none). */
  strings: string[];
  /**
   * Quotes' texts, for a receiver that does not hold the text they were found in: the
   * stretches of text quotes cover, each once, one after another (see `QuoteTexts`).
   * Quotes overlap — nested ones, and in a paragraph as long as the file every quote left
   * open runs to its end — so one text per quote could outgrow the longest string.
   * (Mentions' texts go in `strings`.)
   */
  joined?: string;
}

export interface PackedRecognition {
  mentions: PackedItems;
  quotes: PackedItems;
}

const MENTION_FIELDS = 7; // start, end, type, entity, name, country | candidates, text
const QUOTE_FIELDS = 5; // start, end, kind | unclosed << 1, speaker, speakerEntity
const CANDIDATES = 1 << 30; // flag on the sixth field: it holds candidates joined by \u0000

class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  id(s: string | null | undefined): number {
    if (s === null || s === undefined) return -1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

export function packMentions(mentions: readonly Mention[], withTexts = false): PackedItems {
  const table = new StringTable();
  const ints = new Int32Array(mentions.length * MENTION_FIELDS);
  let k = 0;
  for (const m of mentions) {
    ints[k++] = m.start;
    ints[k++] = m.end;
    ints[k++] = MENTION_TYPES.indexOf(m.type);
    ints[k++] = table.id(m.entity);
    ints[k++] = table.id(m.name);
    ints[k++] = m.candidates ? table.id(m.candidates.join('\u0000')) | CANDIDATES : table.id(m.country);
    // Mentions' texts repeat (every "Putin"): one string each, shared, costs the receiver no allocation.
    ints[k++] = withTexts ? table.id(m.text) : -1;
  }
  return { ints, strings: table.strings };
}

export function packQuotes(quotes: readonly Quote[], withTexts = false): PackedItems {
  const table = new StringTable();
  const ints = new Int32Array(quotes.length * QUOTE_FIELDS);
  let k = 0;
  for (const q of quotes) {
    ints[k++] = q.start;
    ints[k++] = q.end;
    ints[k++] = (q.kind === 'speech' ? 0 : 1) | (q.unclosed ? 2 : 0);
    ints[k++] = table.id(q.speaker);
    ints[k++] = table.id(q.speakerEntity);
  }
  if (!withTexts) return { ints, strings: table.strings };
  const parts: string[] = [];
  const texts = new QuoteTexts();
  for (const q of quotes) {
    // A quote's own text holds what it adds to the stretch: the text from `grows` on.
    const { grows } = texts.place(q.start, q.end);
    if (grows >= 0) parts.push(q.text.slice(grows - q.start));
  }
  return { ints, strings: table.strings, joined: parts.join('') };
}

/**
 * Where each quote's text lies in `joined`, worked out the same way by the packer and
 * the unpacker from the quotes' starts and ends alone: a quote that starts inside the
 * current stretch (or where it ends) extends it; any other starts a new one.
 */
class QuoteTexts {
  private from = -1;
  private to = -1;
  /** Where the current stretch starts in `joined`. */
  private base = 0;
  private length = 0;

  /** The quote's offset in `joined`, and where in the text it makes `joined` grow (-1 if it does not). */
  place(start: number, end: number): { offset: number; grows: number } {
    let grows = -1;
    if (this.from >= 0 && start >= this.from && start <= this.to) {
      if (end > this.to) {
        grows = this.to;
        this.length += end - this.to;
        this.to = end;
      }
    } else {
      grows = start;
      this.from = start;
      this.to = end;
      this.base = this.length;
      this.length += end - start;
    }
    return { offset: this.base + (start - this.from), grows };
  }
}

export function packRecognition(r: Recognition, withTexts = false): PackedRecognition {
  return { mentions: packMentions(r.mentions, withTexts), quotes: packQuotes(r.quotes, withTexts) };
}

/** The buffers to list as transferables when posting a packed recognition. */
export function transferables(...packs: PackedItems[]): ArrayBuffer[] {
  return packs.map((p) => p.ints.buffer as ArrayBuffer);
}

export function mentionCount(p: PackedItems): number {
  return p.ints.length / MENTION_FIELDS;
}

export function quoteCount(p: PackedItems): number {
  return p.ints.length / QUOTE_FIELDS;
}

const SLICE = 1024;

/** Rebuilds mentions into `out`, yielding every few thousand (see runSliced). */
export function* unpackMentions(p: PackedItems, text: string, out: Mention[] = []): Generator<void, Mention[]> {
  const { ints, strings } = p;
  const bound = new UnpackedBound(out);
  for (let k = 0, n = 0; k < ints.length; k += MENTION_FIELDS, n++) {
    if (n % SLICE === SLICE - 1) yield;
    const start = ints[k]!;
    const end = ints[k + 1]!;
    bound.see(end - start);
    const entity = ints[k + 3]!;
    const last = ints[k + 5]!;
    const sent = ints[k + 6]!;
    const m: Mention = { start, end, text: sent >= 0 ? strings[sent]! : text.slice(start, end), type: MENTION_TYPES[ints[k + 2]!]!, entity: entity < 0 ? null : strings[entity]!, name: strings[ints[k + 4]!]! };
    if (last >= 0 && last & CANDIDATES) m.candidates = strings[last & ~CANDIDATES]!.split('\u0000');
    else if (last >= 0) m.country = strings[last]!;
    out.push(m);
  }
  bound.set();
  return out;
}

export function* unpackQuotes(p: PackedItems, text: string, out: Quote[] = []): Generator<void, Quote[]> {
  const { ints, strings } = p;
  const source = p.joined ?? text;
  const texts = new QuoteTexts();
  const bound = new UnpackedBound(out);
  for (let k = 0, n = 0; k < ints.length; k += QUOTE_FIELDS, n++) {
    if (n % SLICE === SLICE - 1) yield;
    const start = ints[k]!;
    const end = ints[k + 1]!;
    bound.see(end - start);
    const flags = ints[k + 2]!;
    const speaker = ints[k + 3]!;
    const speakerEntity = ints[k + 4]!;
    const q: Quote = { start, end, text: p.joined === undefined ? source.slice(start, end) : sliceAt(source, texts.place(start, end).offset, end - start), kind: flags & 1 ? 'term' : 'speech', speaker: speaker < 0 ? null : strings[speaker]!, speakerEntity: speakerEntity < 0 ? null : strings[speakerEntity]! };
    if (flags & 2) q.unclosed = true;
    out.push(q);
  }
  bound.set();
  return out;
}

export function* unpackRecognition(p: PackedRecognition, text: string): Generator<void, Recognition> {
  const mentions = yield* unpackMentions(p.mentions, text);
  const quotes = yield* unpackQuotes(p.quotes, text);
  return { mentions, quotes };
}

/** The length bound of an array unpacked into (see sortedByStart.ts): the longest unpacked, or the bound it had before if longer. */
class UnpackedBound {
  private longest = 0;
  private readonly before: number | undefined;

  constructor(private readonly out: readonly { start: number; end: number }[]) {
    this.before = out.length === 0 ? 0 : knownLengthBound(out);
  }

  see(length: number): void {
    if (length > this.longest) this.longest = length;
  }

  set(): void {
    if (this.before !== undefined) setLengthBound(this.out, Math.max(this.before, this.longest));
  }
}

function sliceAt(s: string, offset: number, length: number): string {
  return s.slice(offset, offset + length);
}

import type { Quote } from '../model/types';
import { isWordCode } from './charClasses';
import type { Span } from './paragraphs';
import { sentenceStart } from './paragraphs';

/** A quotation's extent, before it is classified and attributed. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Opened but never closed: runs to the end of its paragraph (or to a closing attribution). */
  unclosed: boolean;
  /** Closed but never opened: starts at the beginning of its sentence. */
  unopened: boolean;
  /** How deep inside other quotes it sits (0 = outermost). */
  depth: number;
  paragraph: Span;
  /**
   * Its speaker came from a later quote that repeats its words (a headline's pull-quote).
   * The other rules read only speakers found otherwise, as in a pass over the whole text,
   * where the repeats are settled last.
   */
  byRepeat: boolean;
}

const OPEN_DOUBLE = 0x201c; // “
const CLOSE_DOUBLE = 0x201d; // ”
const OPEN_LOW = 0x201e; // „
const OPEN_SINGLE = 0x2018; // ‘
const CLOSE_SINGLE = 0x2019; // ’ (also the apostrophe)
const OPEN_GUILLEMET = 0xab; // «
const CLOSE_GUILLEMET = 0xbb; // »
const STRAIGHT_DOUBLE = 0x22; // "
const STRAIGHT_SINGLE = 0x27; // '

/** The opening marks a closing mark of each kind may close (constants: the scan asks for each mark it meets). */
const DOUBLE_OPENERS = [OPEN_DOUBLE, OPEN_LOW, OPEN_GUILLEMET, STRAIGHT_DOUBLE];
const SINGLE_OPENERS = [OPEN_SINGLE];
const STRAIGHT_DOUBLES = [STRAIGHT_DOUBLE];
const STRAIGHT_SINGLES = [STRAIGHT_SINGLE];

/** Characters worth stopping at; everything else is skipped by one RegExp search. */
const MARKS = /[“”„‘’«»"']/g;

interface Open {
  at: number;
  mark: number;
}

/** The quotations of the given paragraphs, sorted by start (outer before inner). Marks are part of the span. */
export function findQuotesIn(text: string, paras: readonly Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  if (paras.length === 0) return out;
  // One scan for marks over all paragraphs; a paragraph without any costs nothing.
  MARKS.lastIndex = paras[0]!.start;
  let m = MARKS.exec(text);
  for (const p of paras) {
    while (m && m.index < p.start) m = MARKS.exec(text);
    if (!m || m.index >= p.end) continue;
    m = scanParagraph(text, p, out, m);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** Scans one paragraph from its first mark `first`; returns the first mark after it, if any. */
function scanParagraph(text: string, p: Span, out: QuoteSpan[], first: RegExpExecArray): RegExpExecArray | null {
  const stack: Open[] = [];
  // Quotes closed inside a still-open one, to end it at an attribution if it never closes.
  const closedInside: QuoteSpan[] = [];
  let m: RegExpExecArray | null = first;
  for (; m && m.index < p.end; m = MARKS.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    const prev = i > p.start ? text.charCodeAt(i - 1) : 0x20;
    const next = i + 1 < p.end ? text.charCodeAt(i + 1) : 0x20;
    switch (c) {
      case OPEN_DOUBLE:
        // „…“ (German) closes with this mark; otherwise it opens.
        if (stack.length && stack.at(-1)!.mark === OPEN_LOW && !isSpace(prev)) close(i);
        else stack.push({ at: i, mark: c });
        break;
      case OPEN_LOW:
      case OPEN_GUILLEMET:
        stack.push({ at: i, mark: c });
        break;
      case CLOSE_DOUBLE:
      case CLOSE_GUILLEMET:
        if (findOpen(DOUBLE_OPENERS) >= 0) close(i);
        else if (stack.length === 0) unopened(i);
        break;
      case OPEN_SINGLE:
        if (isOpeningContext(prev) && !isSpace(next)) stack.push({ at: i, mark: c });
        break;
      case CLOSE_SINGLE:
        // An apostrophe (it’s, Russia’s, countries’) unless a ‘ is open and no letter follows.
        if (!isWordCode(next) && findOpen(SINGLE_OPENERS) >= 0 && !isSpace(prev)) close(i, SINGLE_OPENERS);
        break;
      case STRAIGHT_DOUBLE:
        if (findOpen(STRAIGHT_DOUBLES) >= 0 && !isSpace(prev)) close(i, STRAIGHT_DOUBLES);
        else if (isOpeningContext(prev) && !isSpace(next)) stack.push({ at: i, mark: c });
        else if (findOpen(STRAIGHT_DOUBLES) >= 0) close(i, STRAIGHT_DOUBLES);
        break;
      case STRAIGHT_SINGLE:
        if (findOpen(STRAIGHT_SINGLES) >= 0 && !isSpace(prev) && !isWordCode(next)) close(i, STRAIGHT_SINGLES);
        else if (isOpeningContext(prev) && isLetter(next)) stack.push({ at: i, mark: c });
        break;
    }
  }
  // What is still open runs to the end of the paragraph — unless a quote nested in it
  // closed right before an attribution ("… a “big brother,” said X"): then it ends there.
  // Each question is asked once per paragraph, not once per quote left open: a paragraph
  // as long as the file may leave thousands open.
  const end = trimEnd(text, p.start, p.end);
  const attributedInside = stack.length ? closedInside.filter((q) => q.end <= end && attributionFollows(text, q.end, end)) : [];
  let lastShape: number | undefined;
  for (let k = stack.length - 1; k >= 0; k--) {
    const o = stack[k]!;
    if (o.mark === STRAIGHT_SINGLE || o.mark === OPEN_SINGLE) {
      // A lone ' or ‘ is far more often an apostrophe or a typo than a quotation.
      lastShape ??= lastQuoteShape(text, p.start, end);
      if (lastShape <= o.at) continue;
    }
    const attributed = attributedInside.find((q) => q.start > o.at);
    out.push({
      start: o.at,
      end: attributed ? attributed.end : end,
      unclosed: true,
      unopened: false,
      depth: k,
      paragraph: p,
      byRepeat: false,
    });
  }
  return m;

  function findOpen(marks: readonly number[]): number {
    for (let k = stack.length - 1; k >= 0; k--) if (marks.includes(stack[k]!.mark)) return k;
    return -1;
  }

  function close(i: number, marks: readonly number[] = DOUBLE_OPENERS): void {
    const k = findOpen(marks);
    if (k < 0) return;
    // Anything opened inside and never closed ends with this mark too.
    for (let j = stack.length - 1; j >= k; j--) {
      const o = stack[j]!;
      const q: QuoteSpan = { start: o.at, end: i + 1, unclosed: j > k, unopened: false, depth: j, paragraph: p, byRepeat: false };
      if (j === k || o.mark === OPEN_DOUBLE || o.mark === OPEN_GUILLEMET) out.push(q);
      if (j === k && k > 0) closedInside.push(q);
    }
    stack.length = k;
  }

  function unopened(i: number): void {
    // A closing mark with no opening one: the speaker's words start with the sentence.
    const prev = text.charCodeAt(i - 1);
    if (!(prev === 0x2c || prev === 0x2e || prev === 0x21 || prev === 0x3f) && !attributionFollows(text, i + 1, p.end)) return;
    const floor = out.length && out.at(-1)!.end <= i && out.at(-1)!.end >= p.start ? out.at(-1)!.end : p.start;
    let start = sentenceStart(text, i, floor);
    while (start < i && isSpace(text.charCodeAt(start))) start++;
    if (start >= i) return;
    out.push({ start, end: i + 1, unclosed: false, unopened: true, depth: 0, paragraph: p, byRepeat: false });
  }
}

/** ", said X" / " he says" / " Umarov says" right after a closing mark. */
export function attributionFollows(text: string, at: number, limit: number): boolean {
  const tail = text.slice(at, Math.min(limit, at + 60));
  return /^[,.]?\s*(?:(?:said|says|told|added|noted|wrote|writes|explained|stressed|insisted|continued|argued|according)\b|(?:he|she|they)\s+(?:said|says|added|noted|told)\b|(?:\p{Lu}[\p{L}’'-]*\s+){1,3}(?:said|says|told|added|noted|wrote|is sure|believes|thinks|argued|insisted)\b)/u.test(
    tail,
  );
}

/**
 * A ‘ or ' quote needs a closing-looking mark somewhere after it, up to `end`; otherwise
 * it is not a quote. Where the last such mark in text[from, end) is (-1 if none).
 */
function lastQuoteShape(text: string, from: number, end: number): number {
  const re = /[’'](?![\p{L}\p{N}])/gu;
  const s = text.slice(from, end);
  let last = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) last = from + m.index;
  return last;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;
}

/** What may stand before an opening mark: start, space, dash, bracket, or another mark. */
function isOpeningContext(c: number): boolean {
  return (
    isSpace(c) ||
    c === 0x28 || c === 0x5b || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x3a ||
    c === 0x201c || c === 0xab || c === 0x201e || c === 0x2f || c === 0x2018 || c === 0x22
  );
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x52f);
}

/** Moves quotes [from, to) and their spans (and each span's paragraph, once) by `delta`. */
export function moveQuotes(spans: QuoteSpan[], quotes: Quote[], from: number, to: number, delta: number): void {
  if (delta === 0) return;
  // Spans are sorted and lie inside their paragraphs, so those sharing one are neighbours.
  let paragraph: Span | undefined;
  // Spelt out rather than through `shiftBy`: each access then sees one kind of object.
  for (let i = from; i < to; i++) {
    const span = spans[i]!;
    span.start += delta;
    span.end += delta;
    const quote = quotes[i]!;
    quote.start += delta;
    quote.end += delta;
    if (span.paragraph !== paragraph) {
      paragraph = span.paragraph;
      paragraph.start += delta;
      paragraph.end += delta;
    }
  }
}

/**
 * A line far longer than news paragraphs are (text pulled from a PDF or a web page as
 * one line) is read as if broken after its sentences: the recogniser sees a line break
 * where such a line has the space between two sentences. Paragraphs, and so quotations,
 * "the line" a cue or a shouted headline is judged by, and the stretch an edit is
 * recognised again in, then stay sentence-sized there too: an edit in a file of one line
 * no longer re-reads all of it. Whether a space is such a break is decided by the text
 * within BREAK_REACH of it, so that an edit moves only the breaks near it; lines shorter
 * than twice BREAK_CLEARANCE (all of news) have none, and read as before.
 *
 * A break is the single space after a sentence's end — two lower-case letters (Latin,
 * Greek or Cyrillic) that do not end an abbreviation paragraphs.ts knows ("etc.",
 * "Gen."), then `.`, `!` or `?` and any closing marks — before a capital, with no line
 * break within BREAK_CLEARANCE on either side, and not inside a quotation as the double
 * quotation marks before it tell (the last within QUOTE_LOOKBACK is not an opening one).
 * No built-in name spans such a space ("St. Petersburg", "George W. Bush" have no two
 * lower-case letters before the dot); a user's entity that does is kept whole (see
 * KeptTogether).
 */

import { upperBound } from '../util/sortedByStart';
import { charKind, endsAbbreviationWord, LETTER, UPPER } from './paragraphs';

/** How far from a line break a virtual one may stand. */
export const BREAK_CLEARANCE = 4096;
/** How far back an opening quotation mark keeps a sentence's end from being a break. */
const QUOTE_LOOKBACK = 2000;
/** How far the text around a position decides whether a break stands there. */
export const BREAK_REACH = BREAK_CLEARANCE + 16;

/**
 * A sentence's end and the space after it, before a capital: the space is `index +
 * length - 1`. (Searched for from the mark: lower-case letters are everywhere, so a
 * pattern that starts with them is tried at almost every position.)
 */
const SENTENCE_END = /[.!?][”"’»)']{0,3} (?=[A-ZÀ-ÖØ-ÞΆ-ΫЀ-Я])/g;
/** The double quotation marks the lookback reads. */
const DOUBLE_MARKS = /[“”„«»"]/g;

/**
 * The breaks in text[from, to), in order — positions of spaces — where `text` is a
 * stretch of the document that starts it when `atStart` and ends it when `atEnd`.
 * Undefined when a position in [from, to) may be a break but the stretch does not show
 * enough around it to tell (it needs BREAK_REACH on each side, or the document's edge).
 */
export function virtualBreaks(text: string, from = 0, to = text.length, atStart = true, atEnd = true, kept?: KeptTogether): number[] | undefined {
  const out: number[] = [];
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  // Line by line over the lines that reach into [from, to).
  let lineStart = text.lastIndexOf('\n', from - 1) + 1;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const knownStart = lineStart > 0 || atStart;
    const knownEnd = lineEnd < text.length || atEnd;
    // Where a break may stand: BREAK_CLEARANCE inside the line; where the line runs on
    // past the stretch, only positions that far inside the stretch are known to be.
    const sure0 = lineStart + BREAK_CLEARANCE;
    const sure1 = lineEnd - BREAK_CLEARANCE;
    const lo = Math.max(from, knownStart ? sure0 : lineStart);
    const hi = Math.min(to, knownEnd ? sure1 + 1 : lineEnd);
    if (lo < hi) {
      // A match reads a few characters before its space and one after: at the stretch's
      // edges, where the line runs on past them, it cannot be seen whole.
      if ((!knownStart && lo < lineStart + 8) || (!knownEnd && hi >= lineEnd - 1)) return undefined;
      const ends = sentenceEnds(text, lo, hi);
      const marks = ends.length > 0 ? doubleMarks(text, Math.max(lineStart, ends[0]! - QUOTE_LOOKBACK), ends[ends.length - 1]!) : [];
      let k = 0;
      for (const at of ends) {
        if (at < sure0 || at > sure1) return undefined; // the line may be long enough past the stretch: cannot tell
        while (k < marks.length && marks[k]! < at) k++;
        const last = k > 0 ? marks[k - 1]! : -1;
        if ((last < at - QUOTE_LOOKBACK || !opensQuotation(text, last)) && !kept?.splits(text, at)) out.push(at);
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * Names with a sentence's end inside as a break reads one ("Acme Inc. Holdings", a
 * user's entity; no built-in name has one): no break splits such a name where the text
 * has it. Names longer than MAX_KEPT are not looked for.
 */
export class KeptTogether {
  private constructor(
    /** Each name, and where in it the spaces a break would take are. */
    private readonly names: readonly { name: string; spaces: readonly number[] }[],
  ) {}

  static of(names: Iterable<string>): KeptTogether | undefined {
    const found: { name: string; spaces: number[] }[] = [];
    for (const name of names) {
      if (name.length > MAX_KEPT) continue;
      const spaces = sentenceEnds(name, 0, name.length);
      if (spaces.length > 0) found.push({ name, spaces });
    }
    return found.length > 0 ? new KeptTogether(found) : undefined;
  }

  /** Whether a break at `space` would split one of the names where `text` has it. */
  splits(text: string, space: number): boolean {
    for (const { name, spaces } of this.names) for (const k of spaces) if (text.startsWith(name, space - k)) return true;
    return false;
  }
}

/**
 * The longest name KeptTogether keeps whole: well within BREAK_CLEARANCE, so a stretch
 * that shows a space's clearance shows any such name around it.
 */
const MAX_KEPT = 256;

/** The spaces in [from, to) that end a sentence as a break needs. */
function sentenceEnds(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  // The match starts up to a few characters before its space.
  SENTENCE_END.lastIndex = Math.max(0, from - 5);
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const space = m.index + m[0].length - 1;
    if (space >= to) break;
    if (space < from) continue;
    // Two lower-case letters before the mark, not an abbreviation ("etc.", "Gen.").
    const dot = m.index;
    if (dot < 2 || !isLower(text.charCodeAt(dot - 1)) || !isLower(text.charCodeAt(dot - 2))) continue;
    if (!endsAbbreviationWord(text, dot)) out.push(space);
  }
  return out;
}

/** A lower-case letter of any script the character table knows (Latin, Greek, Cyrillic …). */
function isLower(c: number): boolean {
  const kind = charKind(c);
  return (kind & LETTER) !== 0 && (kind & UPPER) === 0;
}

/** Where the double quotation marks in text[from, to) are. */
function doubleMarks(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  DOUBLE_MARKS.lastIndex = from;
  for (let m = DOUBLE_MARKS.exec(text); m && m.index < to; m = DOUBLE_MARKS.exec(text)) out.push(m.index);
  return out;
}

/** Whether the double quotation mark at `at` opens a quotation. */
function opensQuotation(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 0x201c || c === 0x201e || c === 0xab) return true;
  if (c !== 0x22) return false;
  // A straight mark opens after a space, a bracket or the line's start.
  const before = at > 0 ? text.charCodeAt(at - 1) : 0x20;
  return before === 0x20 || before === 0x0a || before === 0x09 || before === 0x28 || before === 0xa0;
}

/** `text` (a stretch from `base`) with each of `breaks` inside it a line break. */
export function withBreaks(text: string, breaks: readonly number[], base = 0): string {
  return replaceAt(text, breaks, base, '\n');
}

/** `text` (a stretch from `base`, as the recogniser reads it) with each of `breaks` inside it a space again. */
export function withoutBreaks(text: string, breaks: readonly number[], base = 0): string {
  return replaceAt(text, breaks, base, ' ');
}

function replaceAt(text: string, at: readonly number[], base: number, ch: string): string {
  let i = upperBound(at, base - 1);
  if (i >= at.length || at[i]! >= base + text.length) return text;
  const parts: string[] = [];
  let from = 0;
  for (; i < at.length && at[i]! < base + text.length; i++) {
    const k = at[i]! - base;
    parts.push(text.slice(from, k), ch);
    from = k + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

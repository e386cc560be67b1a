import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Quote, Recognition } from '../model/types';
import { articleDate } from '../facts/articleDate';
import { Gazetteer } from './gazetteer';
import { findKnownNames } from './names';
import { looksHardWrapped, paragraphs } from './paragraphs';
import { findPeople } from './people';
import { classifyQuote, speaksInPerson } from './quoteKind';
import { citedInBrackets, designationBefore, isShortName, nameAfterThing, titleAfterName, wordEndingAt, WORK_LABELS } from './designation';
import { findQuotesIn, type QuoteSpan } from './quotes';
import { leaderOffices } from './leaderOffices';
import { sexFromKb } from './personSex';
import { attributeSpeakers, attributionFollows } from './speakers';
import { virtualBreaks, withBreaks, withoutBreaks } from './virtualBreaks';
import { SPEECH_VERBS } from './lexicon';
import { escapeRegExp } from './fold';
import { mergeByStart } from '../util/sortedByStart';

/** The recogniser's passes, in order, as `recognize` reports them to a `PassTimer`. */
export const RECOGNITION_PASSES = ['known names', 'people', 'quotes', 'speakers'] as const;
export type RecognitionPass = (typeof RECOGNITION_PASSES)[number];

/** Told, after each pass, how long it took (the benchmark's breakdown of where the time goes). */
export type PassTimer = (pass: RecognitionPass, ms: number) => void;

/**
 * Finds mentions and quotes in `text`. Offsets are UTF-16 indices; mentions never
 * overlap and come sorted by start, as do quotes (which may nest).
 */
export function recognize(text: string, kb: KnowledgeBase, timer?: PassTimer): Recognition {
  let lap = timer ? performance.now() : 0;
  const passed = (pass: RecognitionPass) => {
    if (!timer) return;
    const now = performance.now();
    timer(pass, now - lap);
    lap = now;
  };
  // Read with the breaks of very long lines (see virtualBreaks.ts); quotes keep the text's own words.
  const gazetteer = Gazetteer.fromKb(kb);
  const breaks = virtualBreaks(text, 0, text.length, true, true, gazetteer.keptTogether)!;
  const read = withBreaks(text, breaks);
  const wrapped = looksHardWrapped(text);
  const known = findKnownNames(read, gazetteer, articleDate(read), wrapped);
  passed('known names');
  const people = findPeople(read, known);
  const mentions = mergeByStart(known, people);
  passed('people');

  const spans = findQuotesIn(read, paragraphs(read, wrapped));
  const quotes = spans.map((s) => toQuote(read, s, breaks));
  passed('quotes');
  attributeSpeakers(read, spans, quotes, mentions, 0, quotes.length, leaderOffices(kb), wrapped, sexFromKb(kb));
  passed('speakers');
  return { mentions, quotes };
}

/**
 * A quote span classified, not yet attributed. `text` is the text as read, with the
 * `breaks` of very long lines (offsets in it from `base`), which the quote's own text
 * does not keep.
 */
export function toQuote(text: string, s: QuoteSpan, breaks: readonly number[] = [], base = 0): Quote {
  const inner = text.slice(s.start + 1, s.unopened ? s.end - 1 : s.unclosed ? s.end : s.end - 1);
  let kind = classifyQuote(inner, { nested: s.depth > 0, brokenMarks: s.unclosed || s.unopened, afterDeterminer: determinerBefore(text, s.start, s.paragraph.start) });
  // A few words read as a term, but “Words are cheap,” Mr. Blinken said is speech.
  if (kind === 'term' && s.depth === 0 && mayBeSaid(inner) && attributionFollows(text, s.end, s.paragraph.end)) kind = 'speech';
  // Or more, in the first person, whose capitals a title's might be: “I went to Victoria Park in 1990,” she said.
  if (kind === 'term' && s.depth === 0 && endsAsSaid(inner) && speaksInPerson(inner) && attributionFollows(text, s.end, s.paragraph.end)) kind = 'speech';
  // Words in capitals opening their paragraph, their comma inside the marks, then an attribution: “Every February,” she said.
  if (kind === 'term' && s.depth === 0 && inner.charCodeAt(inner.length - 1) === 0x2c && opensParagraph(text, s) && attributionFollows(text, s.end, s.paragraph.end)) kind = 'speech';
  // A headline's “Lavrov: ‘West Is Waging War Against Russia’”, words in title case after a speaker's colon.
  if (kind === 'term' && s.depth === 0 && afterSpeakersColon(text, s.start, s.paragraph.start)) kind = 'speech';
  // A headline's pull-quote after a verb of speech: "Xi hails “new golden age”", "exiles warn of “slow erasure”".
  if (kind === 'term' && s.depth === 0 && inHeadline(text, s.paragraph.start, s.paragraph.end) && HEADLINE_VERB_BEFORE.test(text.slice(Math.max(s.paragraph.start, s.start - 24), s.start))) kind = 'speech';
  // A headline's words an attribution follows: "Uzbekistan vote “lacked genuine competition”, observers say".
  // (A comma first: not "… on Russia’s ‘shadow fleet’ as minister promises new sanctions".)
  if (kind === 'term' && s.depth === 0 && text.charCodeAt(s.end) === 0x2c && inHeadline(text, s.paragraph.start, s.paragraph.end) && attributionFollows(text, s.end, s.paragraph.end)) kind = 'speech';
  // After a modal or "been" the words start with a verb, someone's: "the administration should “test it.”", "will “act firmly”",
  // "had been “punished without evidence.”".
  if (kind === 'term' && s.depth === 0 && wordBefore(text, s.start, s.paragraph.start, MODALS)) kind = 'speech';
  // (A word alone after "been" is a term: "there have been “excesses”".)
  if (kind === 'term' && s.depth === 0 && /\s/.test(inner.trim()) && wordBefore(text, s.start, s.paragraph.start, BEEN)) kind = 'speech';
  // A line of dialogue, a sentence alone in its paragraph (“No.”, “Why?”) or right after a verb of speech ends one ("she
  // said. “Twice.”"): a reply, where a word singled out in narration would be a term.
  if (kind === 'term' && s.depth === 0 && !s.unclosed && !s.unopened && endsSentence(inner) && (aloneInParagraph(text, s) || SAID_BEFORE.test(text.slice(Math.max(s.paragraph.start, s.start - 40), s.start)))) kind = 'speech';
  // A name given to something: "so-called “overseas police stations”", "designated “countries of particular concern”",
  // "jailed for “organising …”", "Podcast: “Is the Caspian drying up?”".
  if (kind === 'speech' && s.depth === 0 && !s.unclosed && !s.unopened && designationBefore(text, s.start, s.paragraph.start) && isShortName(inner)) kind = 'term';
  // A work cited in brackets with its date or page: "(“Three countries, one river,” May 12)".
  if (kind === 'speech' && s.depth === 0 && !s.unclosed && !s.unopened && citedInBrackets(text, s.start, s.end) && isShortName(inner, 12)) kind = 'term';
  // An event's or a work's name after its noun: "a scientific conference “Magtymguly Fragi — the light of the mind …”".
  if (kind === 'speech' && s.depth === 0 && !s.unclosed && !s.unopened && nameAfterThing(text, s.start, s.paragraph.start, inner)) kind = 'term';
  // A title after a name: "Frank Sinatra’s “My Way”" (the classifier reads "My" as the speaker's).
  if (kind === 'speech' && s.depth === 0 && !s.unclosed && !s.unopened && titleAfterName(text, s.start, s.paragraph.start, inner)) kind = 'term';
  const q: Quote = {
    start: s.start,
    end: s.end,
    text: withoutBreaks(text.slice(s.start, s.end), breaks, base + s.start),
    kind,
    speaker: null,
    speakerEntity: null,
  };
  if (s.unclosed) q.unclosed = true;
  return q;
}

/** Whether a quote's words end a sentence: “….” “…?” “…!”. */
function endsSentence(inner: string): boolean {
  const c = inner.charCodeAt(inner.length - 1);
  return c === 0x2e || c === 0x3f || c === 0x21 || c === 0x2026;
}

/** Whether only blanks stand between its paragraph's start and the quote (read back from the quote: a paragraph may be a whole minified file). */
function opensParagraph(text: string, s: QuoteSpan): boolean {
  let i = s.start;
  while (i > s.paragraph.start && /\s/.test(text[i - 1]!)) i--;
  return i === s.paragraph.start;
}

/** Whether a quote is all its paragraph holds, blanks aside. */
function aloneInParagraph(text: string, s: QuoteSpan): boolean {
  return text.slice(s.paragraph.start, s.start).trim() === '' && text.slice(s.end, s.paragraph.end).trim() === '';
}

/** A sentence that ends with a verb of speech, right before a quote: "…,” she said. “". */
const SAID_BEFORE = new RegExp(`(?<![\\p{L}])(?:${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})\\.[ \\u00a0]+$`, 'u');

/** Whether a quote's words end as words an attribution follows do: “…,” “…?” “…!”. */
function endsAsSaid(inner: string): boolean {
  const c = inner.charCodeAt(inner.length - 1);
  return c === 0x2c || c === 0x3f || c === 0x21;
}

/**
 * Whether a quote's words may be a short saying an attribution follows: they end as
 * such words do (“…,” “…?” “…!”), and are three at most, not a capitalised title
 * (“War and Peace,” her novel, told …).
 */
function mayBeSaid(inner: string): boolean {
  if (!endsAsSaid(inner)) return false;
  const words = inner.split(/\s+/).filter((w) => w !== '');
  return words.length <= 3 && (words.length === 1 || words.some((w) => w[0] !== w[0]!.toUpperCase()));
}

/** A line alone, short, with no full stop at its end: a headline's. */
function inHeadline(text: string, from: number, to: number): boolean {
  if (to - from > 160 || text.lastIndexOf('\n', to - 1) >= from) return false;
  let end = to;
  while (end > from && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x0d)) end--;
  return text.charCodeAt(end - 1) !== 0x2e && text.charCodeAt(end - 2) !== 0x2e;
}

/** A headline's verb of speech in the present, maybe with its preposition, right before a quote. */
const HEADLINE_VERB_BEFORE = /(?<![\p{L}])(?:says?|hails?|warns?|promises?|pledges?|vows?|urges?|slams?|decries|decry|denounces?|praises?|touts?|calls?|demands?|accuses?|blasts?|rejects?|welcomes?|fears?|predicts?|insists?|admits?|claims?|tells?|sees?|backs?|seeks?)(?:[ \u00a0]+(?:of|for|to|on|against))?[ \u00a0]+$/u;

const DETERMINERS = new Set(['the', 'The', 'a', 'A', 'an', 'An', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those']);
const MODALS = new Set(['will', 'would', 'should', 'must', 'can', 'could', 'shall']);
const BEEN = new Set(['been']);

/** Whether a determiner ("the", "a", "its" …) is the word right before `at`, one blank between, in the paragraph from `from`. */
function determinerBefore(text: string, at: number, from: number): boolean {
  return wordBefore(text, at, from, DETERMINERS);
}

/** Whether one of `words` is the word right before `at`, one blank between, in the paragraph from `from` (see wordEndingAt). */
function wordBefore(text: string, at: number, from: number, words: ReadonlySet<string>): boolean {
  const end = at - 1;
  if (end <= from || (text.charCodeAt(end) !== 0x20 && text.charCodeAt(end) !== 0xa0)) return false;
  const word = wordEndingAt(text, end, from);
  return word !== undefined && words.has(word);
}

/**
 * Whether a colon right after a word (a name: "Lavrov:") stands before `at`, blanks
 * between, in the paragraph from `from` — not a label's that names a work ("Book review:
 * “The Steppe and the Dragon”").
 */
function afterSpeakersColon(text: string, at: number, from: number): boolean {
  let i = at;
  while (i > from && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0xa0)) i--;
  if (!(i - 1 > from && i < at && text.charCodeAt(i - 1) === 0x3a && /\p{L}/u.test(text[i - 2]!))) return false;
  let w = i - 1;
  while (w > from && /\p{L}/u.test(text[w - 1]!)) w--;
  return !WORK_LABELS.has(text.slice(w, i - 1).toLowerCase());
}

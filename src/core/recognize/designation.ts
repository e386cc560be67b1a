import { isAsciiLetter } from './charClasses';
import { speaksInPerson } from './quoteKind';

/**
 * Words after which a quote is a name given to something, not anyone's words: a
 * designation ("designated “countries of particular concern”", "on its list of “…”") or a
 * criminal charge ("charged with “…”", "a five-year sentence for “inciting …”").
 */
const NAMING_WORDS = new Set(['designated', 'dubbed', 'labelled', 'labeled', 'branded', 'titled', 'entitled', 'nicknamed', 'codenamed', 'termed']);
/** What names something before "as": "known", "identified (only)", "referred to". */
const AS_NAMED = /(?<![A-Za-z])(?:known|identified(?: only)?|referred to|better known|also known)[ \u00a0]*$/;
/** The word before "of" or "with" that makes the quote a list's entry or a charge. */
const BEFORE_OF = new Set(['list', 'charge', 'charges', 'count', 'counts', 'guilty', 'convicted', 'suspicion', 'offence', 'offense', 'crime', 'crimes', 'article']);
const BEFORE_WITH = new Set(['charged']);
/** A sentence or a conviction "for" the quoted charge: one of these before it in the sentence. */
const SENTENCED = /\b(?:sentenced|sentence|jailed|imprisoned|convicted|fined|prosecuted|tried|detained|arrested|charged|punished)\b[^.!?;]*$/;
/** "(2024)." before a cited work's title. */
const CITED_YEAR = /\((?:1[89]|20)\d\d[a-z]?\)\.$/;
/** How far back a sentence's verb is looked for. */
const SENTENCE_REACH = 120;

/** Labels before a colon and a quoted title ("Podcast: “Is the Caspian drying up?”"), not a speaker's name. */
export const WORK_LABELS = new Set(['review', 'episode', 'headline', 'title', 'watch', 'read', 'listen', 'film', 'book', 'exhibition', 'documentary', 'podcast']);

/**
 * Whether the words right before the quote at `at` (in the paragraph from `from`) make
 * it a name given to something: "so-called", a designation's or a charge's, a work's
 * after its label and a colon, or a cited work's title after its year ("Kommersant
 * (2024). “…”").
 */
export function designationBefore(text: string, at: number, from: number): boolean {
  const end = at - 1;
  if (end <= from) return false;
  const c = text.charCodeAt(end);
  if (c !== 0x20 && c !== 0xa0) return false;
  let e = end;
  while (e > from && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0xa0)) e--;
  const last = text.charCodeAt(e - 1);
  if (last === 0x3a) {
    const label = wordEndingAt(text, e - 1, from);
    return label !== undefined && WORK_LABELS.has(label.toLowerCase());
  }
  if (last === 0x2e && CITED_YEAR.test(text.slice(Math.max(from, e - 8), e))) return true;
  if (last === 0x64 && e - 9 >= from && (text.startsWith('so-called', e - 9) || text.startsWith('So-called', e - 9))) return true;
  const word = wordEndingAt(text, end, from);
  if (word === undefined) return false;
  if (NAMING_WORDS.has(word)) return true;
  // "known as “residential surveillance at a designated location”", "identified only as “Mr. L.”", "referred to as".
  if (word === 'as') return AS_NAMED.test(text.slice(Math.max(from, end - 30), end - 2));
  if (word === 'of' || word === 'with') {
    const blank = end - word.length - 1;
    if (blank <= from || text.charCodeAt(blank) !== 0x20) return false;
    const before = wordEndingAt(text, blank, from);
    return before !== undefined && (word === 'of' ? BEFORE_OF : BEFORE_WITH).has(before.toLowerCase());
  }
  return word === 'for' && SENTENCED.test(text.slice(Math.max(from, at - SENTENCE_REACH), end - 3));
}

/** Nouns of events and works a quoted name may follow with no label's colon ("a scientific conference “…”"). */
const NAMED_THINGS = new Set(['conference', 'exhibition', 'festival', 'forum', 'congress', 'symposium', 'programme', 'program', 'campaign', 'competition', 'contest', 'theme', 'motif']);
/** Nouns that only name what follows them: a full stop inside the marks is the name's ("under the headline “Together against pressure.”"). */
const NAMING_NOUNS = new Set(['headline', 'headlines', 'title', 'slogan', 'motto', 'caption', 'hashtag']);
/** Verbs that make what follows the noun words said to it ("told the forum “…”"). */
const ADDRESSING = new Set(['told', 'tells', 'addressed', 'addresses', 'telling', 'addressing']);

/**
 * Whether the quote at `at` is the name an event or a work is given, right after its noun
 * ("a scientific conference “Magtymguly Fragi — the light of the mind”", "under the slogan
 * “…”"): twelve words at most, no sentence, nothing ending it as words said end ("told the
 * forum “Russia will never give up.”"), and no one addressing the noun.
 */
export function nameAfterThing(text: string, at: number, from: number, inner: string): boolean {
  const end = at - 1;
  if (end <= from || (text.charCodeAt(end) !== 0x20 && text.charCodeAt(end) !== 0xa0)) return false;
  const noun = wordEndingAt(text, end, from);
  if (noun === undefined) return false;
  if (NAMING_NOUNS.has(noun)) return isShortName(inner, 12);
  if (!NAMED_THINGS.has(noun)) return false;
  if (/[.!?,;:…]$/.test(inner) || !isShortName(inner, 12)) return false;
  const blank = end - noun.length - 1;
  if (blank <= from) return true;
  // "told the forum", "told a conference".
  let s = blank;
  while (s > from && text.charCodeAt(s - 1) !== 0x20) s--;
  const word = text.slice(s, blank);
  const verb = word === 'the' || word === 'a' || word === 'an' ? wordEndingAt(text, s - 1, from) : word;
  return verb === undefined || !ADDRESSING.has(verb);
}

/**
 * Whether the quote text[start, end) opens a bracket that cites a work, a date or a page
 * after it: "(“Three countries, one river,” May 12)", "(“Who pays?”, May 19)",
 * "(“Xi promises new era”, 19 June, page 27)".
 */
export function citedInBrackets(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start - 1) === 0x28 && CITATION_AFTER.test(text.slice(end, end + 24));
}

const CITATION_AFTER = /^,?[ \u00a0]+(?:\d{1,2}[ \u00a0]+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?|page|p\.)(?![A-Za-z])/;

/** The word of ASCII letters (14 at most) ending at `end`, in the paragraph from `from`; undefined when there is none. */
export function wordEndingAt(text: string, end: number, from: number): string | undefined {
  let start = end;
  while (start > from && start > end - 14 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (start === end || (start > from && isAsciiLetter(text.charCodeAt(start - 1)))) return undefined;
  return text.slice(start, end);
}

/**
 * Whether a quote's inner words are a short name rather than a sentence: `most` words at
 * most, none of them "I", "we" or "you", and no sentence ending inside before another
 * begins.
 */
export function isShortName(inner: string, most = 8): boolean {
  const words = inner.split(/[\s\u00a0]+/).filter((w) => w !== '');
  return words.length <= most && !speaksInPerson(inner) && !/[.!?][”"’»]?\s+\p{Lu}/u.test(inner);
}

/**
 * Whether a quote's inner words are a title in title case after a name — a work's or a
 * place's ("Frank Sinatra’s “My Way”", "the Church of the Mother of God “Quench My
 * Sorrows”"): five words at most, each capitalised but minor ones, nothing ending a
 * sentence or a clause at the end, and a possessive or a capitalised word right before.
 */
export function titleAfterName(text: string, at: number, from: number, inner: string): boolean {
  if (at - 2 < from || (text.charCodeAt(at - 1) !== 0x20 && text.charCodeAt(at - 1) !== 0xa0)) return false;
  if (/[.!?,;:…]$/.test(inner)) return false;
  const words = inner.split(/[\s\u00a0]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 5 || !words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && TITLE_MINOR_WORDS.has(w)))) return false;
  let s = at - 1;
  while (s > from && /[\p{L}’']/u.test(text[s - 1]!)) s--;
  const before = text.slice(s, at - 1);
  return /[’']s$/.test(before) || /^\p{Lu}/u.test(before);
}

const TITLE_MINOR_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'to', 'and', 'or', 'for', 'with', 'by', 'at', 'from']);

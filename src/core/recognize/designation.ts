import { isAsciiLetter } from './charClasses';

/**
 * Words after which a quote is a name given to something, not anyone's words: a
 * designation ("designated “countries of particular concern”", "on its list of “…”") or a
 * criminal charge ("charged with “…”", "a five-year sentence for “inciting …”").
 */
const NAMING_WORDS = new Set(['designated', 'dubbed', 'labelled', 'labeled', 'branded', 'titled', 'entitled', 'nicknamed', 'codenamed', 'termed']);
/** The word before "of" or "with" that makes the quote a list's entry or a charge. */
const BEFORE_OF = new Set(['list', 'charge', 'charges', 'count', 'counts', 'guilty', 'convicted', 'suspicion', 'offence', 'offense', 'crime', 'crimes', 'article']);
const BEFORE_WITH = new Set(['charged']);
/** A sentence or a conviction "for" the quoted charge: one of these before it in the sentence. */
const SENTENCED = /\b(?:sentenced|sentence|jailed|imprisoned|convicted|fined|prosecuted|tried|detained|arrested|charged|punished)\b[^.!?;]*$/;
/** How far back a sentence's verb is looked for. */
const SENTENCE_REACH = 120;

/**
 * Whether the words right before the quote at `at` (in the paragraph from `from`) make
 * it a designation's or a charge's name.
 */
export function designationBefore(text: string, at: number, from: number): boolean {
  const end = at - 1;
  if (end <= from || (text.charCodeAt(end) !== 0x20 && text.charCodeAt(end) !== 0xa0)) return false;
  const word = wordEndingAt(text, end, from);
  if (word === undefined) return false;
  if (NAMING_WORDS.has(word)) return true;
  if (word === 'of' || word === 'with') {
    const blank = end - word.length - 1;
    if (blank <= from || text.charCodeAt(blank) !== 0x20) return false;
    const before = wordEndingAt(text, blank, from);
    return before !== undefined && (word === 'of' ? BEFORE_OF : BEFORE_WITH).has(before.toLowerCase());
  }
  return word === 'for' && SENTENCED.test(text.slice(Math.max(from, at - SENTENCE_REACH), end - 3));
}

/** The word of ASCII letters (14 at most) ending at `end`, in the paragraph from `from`; undefined when there is none. */
function wordEndingAt(text: string, end: number, from: number): string | undefined {
  let start = end;
  while (start > from && start > end - 14 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  if (start === end || (start > from && isAsciiLetter(text.charCodeAt(start - 1)))) return undefined;
  return text.slice(start, end);
}

/**
 * Whether a quote's inner words are a short name rather than a sentence: eight words at
 * most, none of them "I", "we" or "you", and no sentence ending inside before another
 * begins.
 */
export function isShortName(inner: string): boolean {
  const words = inner.split(/[\s\u00a0]+/).filter((w) => w !== '');
  return words.length <= 8 && !words.some((w) => FIRST_SECOND_PERSON.test(w)) && !/[.!?][”"’»]?\s+\p{Lu}/u.test(inner);
}

const FIRST_SECOND_PERSON = /^(?:I|[Ww]e|[Uu]s|[Oo]ur|[Mm]y|me|[Yy]ou|[Yy]our)\W*$/;

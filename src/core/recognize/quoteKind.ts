import type { QuoteKind } from '../model/types';
import * as chars from './paragraphs';

// Read once: transpiled to CommonJS (tsx, the tests) an import is a getter call on every use.
const charKind = chars.charKind;
const kindTable = chars.kindTable;
const TABLE_SIZE = chars.KIND_TABLE_SIZE;
const WORD = chars.LETTER | chars.NUMBER;
const LETTER = chars.LETTER;
const UPPER = chars.UPPER;
const CAPITAL = chars.UPPER | chars.NUMBER;
const SPACE = chars.SPACE;

const FIRST_SECOND_PERSON = new Set(['I', 'we', 'We', 'us', 'our', 'Our', 'my', 'My', 'me', 'you', 'You', 'your', 'Your']);
/** A negation or an auxiliary: a few words holding one say something ("do not compete", "sees nothing alarming"), where a term names it ("big brother"). */
const SAYING_WORDS = new Set([
  'not', 'never', 'cannot', 'is', 'are', 'was', 'were', 'be', 'will', 'would', 'can', 'could', 'must', 'should', 'shall', 'may', 'might',
  'nothing', 'nobody', 'being', 'been', 'do', 'does', 'did', 'has', 'have', 'had', 'don', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'weren', 'won', 'wouldn', 'couldn', 'shouldn',
]);
const LONGEST_SAYING_WORD = Math.max(...[...SAYING_WORDS].map((w) => w.length));
/**
 * Words that start a fragment of a sentence, not a name for something: a preposition, a
 * negation, an adverb of degree or manner ("within hours", "no convincing explanation",
 * "very useful", "deeply concerned", "jointly uphold"), where a term is mostly a noun
 * with its adjectives ("big brother", "rules-based order").
 */
const FRAGMENT_STARTS = new Set([
  'within', 'in', 'of', 'above', 'below', 'under', 'over', 'into', 'at', 'on', 'for', 'from', 'without', 'against', 'beyond', 'after',
  'before', 'between', 'through', 'towards', 'toward', 'no', 'very', 'too', 'so', 'quite', 'extremely', 'fully', 'totally', 'completely',
  'deeply', 'closely', 'firmly', 'jointly', 'strongly', 'seriously', 'absolutely', 'entirely', 'highly', 'utterly', 'clearly', 'inevitably',
  'necessarily', 'immediately', 'categorically', 'resolutely', 'actively', 'urgently', 'carefully', 'constantly', 'ready', 'unable',
  'simply', 'merely', 'purely', 'largely', 'already', 'always',
]);
const LONGEST_FRAGMENT_START = Math.max(...[...FRAGMENT_STARTS].map((w) => w.length));
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'between', 'vs']);
const LONGEST_MINOR_WORD = Math.max(...[...MINOR_WORDS].map((w) => w.length));

const APOSTROPHE = 0x2019; // ’

/**
 * Speech is words presented as said or written by someone, fragments included; a term
 * is a scare quote, a word or short phrase singled out, or a quoted name or title.
 * `afterDeterminer`: the quote follows "the", "a", "its" … (it stands in a noun phrase).
 *
 * Words are runs of letters and digits that may go on with ’, ' and -; a sentence ends
 * the quote (.!?… before any trailing ,;: and spaces) or is followed by another
 * (". The"). One pass over the code points counts all of it: property-escape RegExps
 * cost several times more.
 */
export function classifyQuote(inner: string, opts: { nested: boolean; brokenMarks: boolean; afterDeterminer?: boolean }): QuoteKind {
  if (opts.brokenMarks) return 'speech';
  const table = kindTable();
  const n = inner.length;
  let words = 0;
  let major = 0;
  let capitalised = 0;
  let sentence = endsSentence(inner);
  // A sentence ends inside the quote (". The"): a title's full stop ends it only, in American style ("the “Great Game.”").
  let broken = false;
  for (let i = 0; i < n; ) {
    let c = inner.charCodeAt(i);
    const kind = c < TABLE_SIZE ? table[c] : charKind((c = codePointAt(inner, i)));
    if (!(kind & WORD)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    // ". The": a capital after a full stop and space.
    if (kind & UPPER && !broken && followsSentenceEnd(inner, i)) sentence = broken = true;
    const start = i;
    i += c > 0xffff ? 2 : 1;
    while (i < n) {
      let d = inner.charCodeAt(i);
      if (d === APOSTROPHE || d === 0x27 || d === 0x2d) {
        i++;
        continue;
      }
      if (!((d < TABLE_SIZE ? table[d] : charKind((d = codePointAt(inner, i)))) & WORD)) break;
      i += d > 0xffff ? 2 : 1;
    }
    if (i - start > LONGEST_MINOR_WORD || !MINOR_WORDS.has(inner.slice(start, i))) {
      major++;
      if (kind & CAPITAL) capitalised++;
    }
    // Past three words, a sentence makes it speech whatever the rest — but a title's, whose major words are all capitalised.
    if (++words > 3 && sentence && (broken || major > capitalised)) return 'speech';
  }
  if (words === 0) return 'term';
  // A title or a name: most words capitalised ("Economic War: Ukraine and the Global Conflict"), all of them when
  // it ends as a sentence does ("the “Xi'an Declaration.”", the early return above); not words shouted in capitals ("GIVE US TIME.").
  // (Not four words in lower case or more: “The Global Development Initiative, … proposed by President Xi are of great significance,”.)
  const titled = major >= 2 && capitalised / major >= 0.75 && major - capitalised < 4 && !broken && /\p{Ll}/u.test(inner);
  if (words <= 3) {
    const personal = speaksInPerson(inner);
    if (titled && !personal) return 'term';
    // A sentence of two or three words starts with a capital; in lower case, with its full stop inside in American style, a phrase is singled out ("the “dialogue partners.”").
    return personal ||
      // (Not after a determiner: "refers to as the “Zangezur corridor.”".)
      (sentence && words > 1 && !opts.nested && !opts.afterDeterminer && !startsLowerCase(inner)) ||
      (words > 1 && startsLowerCase(inner) && hasWordOf(inner, SAYING_WORDS, LONGEST_SAYING_WORD)) ||
      // Not "the “no limits” formula": after a determiner the words name something.
      (!opts.nested && !opts.afterDeterminer && startsWithWordOf(inner, FRAGMENT_STARTS, LONGEST_FRAGMENT_START))
      ? 'speech'
      : 'term';
  }
  if (titled) return 'term';
  if (opts.nested && words <= 5 && !sentence) return 'term';
  return 'speech';
}

/** Whether a quote's words speak in the first or second person ("I", "we", "our", "you" …). */
export function speaksInPerson(inner: string): boolean {
  return hasWordOf(inner, FIRST_SECOND_PERSON, 4);
}

/** The code point at `i`; a lone surrogate stands for itself. */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return c;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : c;
}

/** Whether one or more spaces, after . ! or ?, come right before `at`. */
function followsSentenceEnd(s: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && charKind(s.charCodeAt(j)) & SPACE) j--;
  if (j === at - 1 || j < 0) return false;
  const c = s.charCodeAt(j);
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

/** Whether the last character before any trailing , ; : and spaces is . ! ? or …. */
function endsSentence(s: string): boolean {
  let j = s.length - 1;
  for (let c = s.charCodeAt(j); j >= 0 && (c === 0x2c || c === 0x3b || c === 0x3a || charKind(c) & SPACE); c = s.charCodeAt(--j));
  if (j < 0) return false;
  const c = s.charCodeAt(j);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** Whether the first letter is a lower-case one: words taken from a sentence, not a title. */
function startsLowerCase(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const kind = charKind(s.charCodeAt(i));
    if (kind & LETTER) return !(kind & UPPER);
  }
  return false;
}

/** Whether the first run of letters of `s` is one of `set` (words of `longest` letters at most). */
function startsWithWordOf(s: string, set: ReadonlySet<string>, longest: number): boolean {
  let start = 0;
  while (start < s.length && !(charKind(s.charCodeAt(start)) & LETTER)) start++;
  let end = start;
  while (end < s.length && end - start <= longest && charKind(s.charCodeAt(end)) & LETTER) end++;
  return end > start && set.has(s.slice(start, end));
}

/** Whether one of `set` (words of `longest` letters at most) is a whole run of letters of `s`. */
function hasWordOf(s: string, set: ReadonlySet<string>, longest: number): boolean {
  const n = s.length;
  for (let i = 0; i < n; ) {
    const start = i;
    while (i < n) {
      const c = codePointAt(s, i);
      if (!(charKind(c) & LETTER)) break;
      i += c > 0xffff ? 2 : 1;
    }
    if (i > start) {
      if (i - start <= longest && set.has(s.slice(start, i))) return true;
    } else {
      i += codePointAt(s, i) > 0xffff ? 2 : 1;
    }
  }
  return false;
}

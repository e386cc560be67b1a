import type { Mention } from '../model/types';
import { LOWER, UPPER, WORD_CHARS } from './charClasses';
import { escapeRegExp } from './fold';
import {
  LEADER_TITLES,
  NAME_PARTICLES,
  NON_LEADER_TITLES,
  NOT_NAME_WORDS,
  PERSON_ROLES,
  SPEECH_VERBS,
} from './lexicon';
import { upperBound } from './names';

/**
 * People the knowledge base does not know, found by how news introduces them: a
 * political title before the name makes a leader ("Kyrgyz President Sadyr Japarov"); a
 * role ("expert Temur Umarov", "Max Hess, fellow at …"), a speech verb ("said Alisher
 * Ilhamov"), a byline or a photo credit makes a person. Then every later use of the
 * full name or the family name (in any common romanisation) is the same person.
 *
 * One pass finds runs of capitalised words; cues are checked only around them, by
 * looking up the few words before in sets and trying anchored patterns after.
 */

const PARTICLES = new Set(NAME_PARTICLES);
const TOKEN = `[${UPPER}][${WORD_CHARS}’']*(?:-[${WORD_CHARS}]+)*`;
const PARTICLE = `(?:${NAME_PARTICLES.join('|')})`;
/** Capitalised words with name particles between them; hyphenated al-/el- forms too. */
const RUN = new RegExp(`(?:(?:al|el)-)?${TOKEN}(?:[ \\u00a0]+(?:${PARTICLE}[ \\u00a0]+)*(?:(?:al|el)-)?${TOKEN})*`, 'g');
const LOWER_START = new RegExp(`^[${LOWER}]`);
const HAS_LOWER = new RegExp(`[${LOWER}]`);

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const TITLES = new Set(LEADER_TITLES);
const ROLES = new Set(PERSON_ROLES);
const VERBS = new Set(SPEECH_VERBS);
const SELF_CUES = new Set(['I’m', "I'm", 'I am', 'name is', 'Author:', 'author:', 'By', 'By:', 'Written by', 'written by', 'Reporting by', 'Photo:', 'Photo by', 'photo by']);

// Patterns tried right after a name (sticky: anchored at lastIndex).
const AFTER_APPOSITIVE = new RegExp(
  `,[ \\u00a0]+(?:(?:a|an|the)[ \\u00a0]+)?(?:[${WORD_CHARS}-]+[ \\u00a0]+){0,4}?(${alt([...PERSON_ROLES, ...LEADER_TITLES])})(?![${WORD_CHARS}])`,
  'y',
);
const AFTER_IS_A = new RegExp(`[ \\u00a0]+(?:is|was)[ \\u00a0]+(?:a|an|the)[ \\u00a0]+(?:[${WORD_CHARS}-]+[ \\u00a0]+){0,3}?(?:${alt(PERSON_ROLES)})(?![${WORD_CHARS}])`, 'y');
const AFTER_SPEECH = new RegExp(`[ \\u00a0]+(?:also[ \\u00a0]+)?(?:${alt(SPEECH_VERBS)})(?![${WORD_CHARS}])`, 'y');
const AFTER_CREDIT = /[ \t]+\|/y;

export interface FoundPerson {
  /** The fullest form of the name seen in the document. */
  name: string;
  type: 'leader' | 'person';
  country?: string;
}

interface Word {
  start: number;
  end: number;
  text: string;
}

/**
 * Finds people introduced by a cue and then all their later mentions. `known` are the
 * mentions already found from the knowledge base (sorted by start): a person's span
 * never overlaps them.
 */
export function findPeople(text: string, known: Mention[]): Mention[] {
  const occupied = new Occupancy(known);
  const people = findCuedPeople(text, occupied, 0, text.length);
  if (people.size === 0) return [];
  return findMentionsOf([...people.values()], text, occupied, 0, text.length);
}

/** People introduced by a cue in runs that start in [from, to), keyed by the name as first seen. */
export function findCuedPeople(text: string, occupied: Occupancy, from: number, to: number): Map<string, FoundPerson> {
  const people = new Map<string, FoundPerson>();
  forEachRun(text, from, to, (words) => {
    for (const seg of nameSegments(words, occupied)) considerSegment(text, seg, occupied, people);
  });
  return people;
}

/** Calls `visit` with the words of every run of capitalised words starting in [from, to). */
function forEachRun(text: string, from: number, to: number, visit: (words: Word[]) => void): void {
  RUN.lastIndex = from;
  for (let m = RUN.exec(text); m && m.index < to; m = RUN.exec(text)) {
    if (m.index > 0 && isLetterOrDigit(text.charCodeAt(m.index - 1))) continue;
    visit(splitWords(m[0], m.index));
  }
}

function splitWords(run: string, at: number): Word[] {
  const out: Word[] = [];
  const re = /[^ \u00a0]+/g;
  for (let m = re.exec(run); m; m = re.exec(run)) out.push({ start: at + m.index, end: at + m.index + m[0].length, text: m[0] });
  return out;
}

/** Maximal stretches of name words: no stop words, titles or KB names; particles only inside. */
function nameSegments(words: Word[], occupied: Occupancy): Word[][] {
  const out: Word[][] = [];
  let cur: Word[] = [];
  const flush = () => {
    while (cur.length && PARTICLES.has(cur.at(-1)!.text)) cur.pop();
    if (cur.length) out.push(cur);
    cur = [];
  };
  for (const w of words) {
    const particle = PARTICLES.has(w.text);
    const nameLike = !particle && !NOT_NAME_WORDS.has(w.text) && HAS_LOWER.test(w.text) && !LOWER_START.test(w.text) && !occupied.overlaps(w.start, w.end);
    if (nameLike || (particle && cur.length > 0)) cur.push(w);
    else flush();
  }
  flush();
  return out;
}

function considerSegment(text: string, seg: Word[], occupied: Occupancy, people: Map<string, FoundPerson>): void {
  const start = seg[0]!.start;
  const end = seg.at(-1)!.end;
  const before = wordsBefore(text, start, 3);
  const tokens = seg.filter((w) => !PARTICLES.has(w.text)).length;

  let cue: 'leader' | 'person' | undefined;
  let single = false;
  let titleStart: number | undefined;
  const title = suffixIn(before, TITLES);
  if (title) {
    const opposition = before.length > title.count && before[before.length - title.count - 1]!.text === 'opposition';
    cue = NON_LEADER_TITLES.has(title.phrase) || opposition ? 'person' : 'leader';
    // "President Tokayev" names him; "head of state Severe turbulence" names nobody.
    single = /^\p{Lu}/u.test(title.phrase);
    titleStart = before[before.length - title.count]!.start;
  } else if (suffixIn(before, ROLES)) {
    cue = 'person';
    single = true;
  } else if (tokens < 2) {
    // A lone word needs a title or a role right before it.
    return;
  } else if (suffixIn(before, VERBS) || suffixIn(before, SELF_CUES) || endsWith(before, ['according', 'to']) || endsWith(before, ['According', 'to'])) {
    cue = 'person';
  } else {
    AFTER_APPOSITIVE.lastIndex = end;
    const appositive = AFTER_APPOSITIVE.exec(text);
    if (appositive) cue = TITLES.has(appositive[1]!) && !NON_LEADER_TITLES.has(appositive[1]!) ? 'leader' : 'person';
    else if (matchesAt(AFTER_IS_A, text, end) || matchesAt(AFTER_SPEECH, text, end)) cue = 'person';
    else if (matchesAt(AFTER_CREDIT, text, end) && atLineStart(text, start)) cue = 'person';
  }
  if (!cue || (tokens < 2 && !single)) return;
  if (seg.some((w) => isShouted(w.text))) return;

  const name = text.slice(start, end);
  const existing = findPerson(people, name);
  if (existing) {
    if (cue === 'leader') existing.type = 'leader';
    if (name.length > existing.name.length) existing.name = name;
    return;
  }
  const p: FoundPerson = { name, type: cue };
  if (cue === 'leader' && titleStart !== undefined) {
    const country = occupied.countryEndingNear(titleStart);
    if (country) p.country = country;
  }
  people.set(name, p);
}

/** Up to `n` words before `at` on the same line, nearest last. Punctuation like ":" stays on its word. */
function wordsBefore(text: string, at: number, n: number): Word[] {
  const out: Word[] = [];
  let i = at;
  while (out.length < n) {
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0' || text[i - 1] === '\t')) i--;
    const end = i;
    while (i > 0 && !isWordBreak(text.charCodeAt(i - 1))) i--;
    if (i === end) break;
    out.unshift({ start: i, end, text: text.slice(i, end) });
  }
  return out;
}

const lastWordsCache = new WeakMap<Set<string>, Set<string>>();

/** The longest run of the last 1–3 words that is in `set`. */
function suffixIn(words: Word[], set: Set<string>): { phrase: string; count: number } | undefined {
  if (words.length === 0) return undefined;
  let lastWords = lastWordsCache.get(set);
  if (!lastWords) {
    lastWords = new Set([...set].map((p) => p.split(' ').at(-1)!));
    lastWordsCache.set(set, lastWords);
  }
  if (!lastWords.has(words.at(-1)!.text)) return undefined;
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const phrase = words
      .slice(words.length - k)
      .map((w) => w.text)
      .join(' ');
    if (set.has(phrase)) return { phrase, count: k };
  }
  return undefined;
}

/** White space and the punctuation that separates a cue from a name. */
function isWordBreak(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x2c || c === 0x3b || c === 0x201c || c === 0x201d || c === 0x22 || c === 0xab || c === 0xbb || c === 0x28;
}

function endsWith(words: Word[], tail: string[]): boolean {
  if (words.length < tail.length) return false;
  return tail.every((t, i) => words[words.length - tail.length + i]!.text === t);
}

function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

function atLineStart(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n';
}

const isShouted = (w: string) => w.length > 2 && w === w.toUpperCase();

function isLetterOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

function familyName(name: string): string {
  // "Tony van der Togt" → "van der Togt"; "Bashar al-Assad" → "al-Assad".
  const tokens = name.split(/[ \u00a0]+/);
  let i = tokens.length - 1;
  while (i > 1 && PARTICLES.has(tokens[i - 1]!)) i--;
  return tokens.slice(i).join(' ');
}

function findPerson(people: Map<string, FoundPerson>, name: string): FoundPerson | undefined {
  const direct = people.get(name);
  if (direct) return direct;
  const key = transliterationKey(familyName(name));
  const tokens = name.split(/[ \u00a0]+/);
  for (const p of people.values()) {
    if (transliterationKey(familyName(p.name)) !== key) continue;
    // Same family name: the same person unless both give different first names.
    const other = p.name.split(/[ \u00a0]+/);
    if (tokens.length === 1 || other.length === 1 || transliterationKey(tokens[0]!) === transliterationKey(other[0]!)) return p;
  }
  return undefined;
}

const keyCache = new Map<string, string>();

/**
 * Folds the spelling differences between romanisations of one Slavic or Central Asian
 * name: Ilkhamov/Ilhamov, Zhaparov/Japarov, Tokayev/Tokaev, Dzhumabekov/Jumabekov.
 */
export function transliterationKey(name: string): string {
  let key = keyCache.get(name);
  if (key !== undefined) return key;
  key = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]+/g, '')
    .replace(/dzh|dj|zh|j/g, 'j')
    .replace(/kh|h/g, 'h')
    .replace(/yev\b|yev$/g, 'ev')
    .replace(/iy\b|yy\b|ii\b|y\b/g, 'i')
    .replace(/ya/g, 'ia')
    .replace(/yu/g, 'iu')
    .replace(/w\b/g, 'v')
    .replace(/([aeiou])y([aeiou])/g, '$1$2')
    .replace(/[^a-z]/g, '');
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(name, key);
  return key;
}

/** Every use of the found people's full names and family names, in any romanisation, in runs starting in [from, to). */
export function findMentionsOf(people: FoundPerson[], text: string, occupied: Occupancy, from: number, to: number): Mention[] {
  const byKey = new Map<string, FoundPerson>();
  let longest = 1;
  for (const p of people) {
    const forms = [p.name];
    const family = familyName(p.name);
    if (family !== p.name && !NOT_NAME_WORDS.has(family)) forms.push(family);
    for (const f of forms) {
      const key = transliterationKey(f);
      if (!byKey.has(key)) byKey.set(key, p);
      longest = Math.max(longest, f.split(/[ \u00a0]+/).length);
    }
  }
  // A form ends with one of these words (keys): runs without any are skipped cheaply.
  const endings = new Set<string>();
  for (const p of people) {
    for (const f of [p.name, familyName(p.name)]) endings.add(transliterationKey(f.split(/[ \u00a0]+/).at(-1)!));
  }
  const out: Mention[] = [];
  forEachRun(text, from, to, (words) => {
    if (!words.some((w) => endings.has(transliterationKey(w.text)))) return;
    // Longest known stretch first, left to right, never across a KB mention.
    let i = 0;
    while (i < words.length) {
      let found: { len: number; person: FoundPerson } | undefined;
      for (let len = Math.min(longest, words.length - i); len >= 1 && !found; len--) {
        const s = words[i]!.start;
        const e = words[i + len - 1]!.end;
        if (occupied.overlaps(s, e)) continue;
        const phrase = text.slice(s, e);
        if (len === 1 && (NOT_NAME_WORDS.has(phrase) || PARTICLES.has(phrase))) continue;
        const person = byKey.get(transliterationKey(phrase));
        if (person) found = { len, person };
      }
      if (!found) {
        i++;
        continue;
      }
      const s = words[i]!.start;
      const e = words[i + found.len - 1]!.end;
      const mention: Mention = { start: s, end: e, text: text.slice(s, e), type: found.person.type, entity: null, name: found.person.name };
      if (found.person.country) mention.country = found.person.country;
      out.push(mention);
      i += found.len;
    }
  });
  return out;
}

/** The spans already taken by knowledge-base mentions, for fast overlap tests. */
export class Occupancy {
  private readonly starts: number[];
  constructor(private readonly mentions: Mention[]) {
    this.starts = mentions.map((m) => m.start);
  }

  overlaps(start: number, end: number): boolean {
    // Mentions never overlap each other, so only the one starting last before `end` matters.
    const i = upperBound(this.starts, end - 1) - 1;
    return i >= 0 && this.mentions[i]!.end > start;
  }

  /** The country named right before a title ("Kyrgyz President", "Azerbaijan’s President"). */
  countryEndingNear(titleStart: number): string | undefined {
    const i = upperBound(this.starts, titleStart) - 1;
    const m = this.mentions[i];
    if (!m || (m.type !== 'country' && m.type !== 'demonym')) return undefined;
    return titleStart - m.end <= 3 ? (m.entity ?? undefined) : undefined;
  }
}

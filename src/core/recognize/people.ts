import type { Mention } from '../model/types';
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
 */

const PARTICLE = `(?:${NAME_PARTICLES.join('|')})`;
/** A capitalised name word (Kassym-Jomart, O’Brien, McDonald) or an initial (W.). */
const TOKEN = `(?:\\p{Lu}[\\p{Ll}\\p{Lu}’']*\\p{Ll}(?:-\\p{Lu}?\\p{Ll}+)*|\\p{Lu}\\.)`;
const PARTICLE_TOKEN = `(?:(?:al|el)-${TOKEN})`;
const NAME = `(?<![\\p{L}\\p{N}’'-])(?:${TOKEN}(?:[ \\u00a0](?:${PARTICLE}[ \\u00a0])*(?:${PARTICLE_TOKEN}|${TOKEN})){0,3})`;
const alt = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

const TITLE_CUE = new RegExp(`(?<![\\p{L}-])(${alt(LEADER_TITLES)})[ \\u00a0]+(${NAME})`, 'gu');
const ROLE_CUE = new RegExp(`(?<![\\p{L}-])(${alt(PERSON_ROLES)})[ \\u00a0]+(${NAME})`, 'gu');
const APPOSITIVE_CUE = new RegExp(
  `(${NAME}),[ \\u00a0]+(?:(?:a|an|the)[ \\u00a0]+)?(?:[\\p{L}-]+[ \\u00a0]+){0,4}?(${alt([...PERSON_ROLES, ...LEADER_TITLES])})(?![\\p{L}])`,
  'gu',
);
const IS_A_CUE = new RegExp(
  `(${NAME})[ \\u00a0]+(?:is|was)[ \\u00a0]+(?:a|an|the)[ \\u00a0]+(?:[\\p{L}-]+[ \\u00a0]+){0,3}?(${alt(PERSON_ROLES)})(?![\\p{L}])`,
  'gu',
);
const SPEECH_AFTER_CUE = new RegExp(`(?<![\\p{L}])(?:${alt(SPEECH_VERBS)})[ \\u00a0]+(${NAME})`, 'gu');
const SPEECH_BEFORE_CUE = new RegExp(`(${NAME})[ \\u00a0]+(?:${alt(SPEECH_VERBS)})(?![\\p{L}])`, 'gu');
const ACCORDING_CUE = new RegExp(`(?<![\\p{L}])[Aa]ccording to[ \\u00a0]+(${NAME})`, 'gu');
const SELF_CUE = new RegExp(`(?<![\\p{L}])(?:I[’']m|I am|My name is|[Aa]uthor:|[Bb]y:?|Written by|Reporting by|Photo:)[ \\u00a0]+(${NAME})`, 'gu');
const CREDIT_CUE = new RegExp(`^[ \\t]*(${NAME})[ \\t]+\\|`, 'gmu');

export interface FoundPerson {
  /** The fullest form of the name seen in the document. */
  name: string;
  type: 'leader' | 'person';
  country?: string;
}

interface Candidate {
  start: number;
  end: number;
  text: string;
  leader: boolean;
  /** Whether a lone family name may stand here (after a title or role noun). */
  single: boolean;
  titleStart?: number;
}

/**
 * Finds people introduced by a cue and then all their later mentions. `known` are the
 * mentions already found from the knowledge base (sorted by start): a person's span
 * never overlaps them.
 */
export function findPeople(text: string, known: Mention[]): Mention[] {
  const occupied = new Occupancy(known);
  const candidates: Candidate[] = [];
  const collect = (re: RegExp, group: number, leaderOf: (m: RegExpExecArray) => boolean, single: boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[group]!;
      const start = m.index + m[0].indexOf(name, group === 1 ? 0 : m[1]!.length);
      candidates.push({ start, end: start + name.length, text: name, leader: leaderOf(m), single, titleStart: m.index });
    }
  };
  collect(TITLE_CUE, 2, (m) => !NON_LEADER_TITLES.has(m[1]!) && !/opposition\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index)), true);
  collect(ROLE_CUE, 2, () => false, true);
  collect(APPOSITIVE_CUE, 1, (m) => LEADER_TITLES.includes(m[2]!) && !NON_LEADER_TITLES.has(m[2]!), false);
  collect(IS_A_CUE, 1, () => false, false);
  collect(SPEECH_AFTER_CUE, 1, () => false, false);
  collect(SPEECH_BEFORE_CUE, 1, () => false, false);
  collect(ACCORDING_CUE, 1, () => false, false);
  collect(SELF_CUE, 1, () => false, false);
  collect(CREDIT_CUE, 1, () => false, false);

  // Settle the people: trim words that are not names, drop what the KB already covers.
  const people = new Map<string, FoundPerson>();
  for (const c of candidates) {
    const cleaned = cleanName(text, c, occupied);
    if (!cleaned) continue;
    const tokens = cleaned.text.split(/[ \u00a0]+/);
    if (tokens.length < 2 && !c.single) continue;
    const existing = findPerson(people, cleaned.text);
    if (existing) {
      if (c.leader) existing.type = 'leader';
      if (cleaned.text.length > existing.name.length && sameFamilyName(existing.name, cleaned.text)) existing.name = cleaned.text;
      continue;
    }
    const p: FoundPerson = { name: cleaned.text, type: c.leader ? 'leader' : 'person' };
    if (c.leader && c.titleStart !== undefined) {
      const country = occupied.countryEndingNear(c.titleStart);
      if (country) p.country = country;
    }
    people.set(cleaned.text, p);
  }
  if (people.size === 0) return [];
  return findMentionsOf([...people.values()], text, occupied);
}

/** Trims cue words and KB names off the ends of a candidate; null when nothing name-like is left. */
function cleanName(text: string, c: Candidate, occupied: Occupancy): { start: number; text: string } | null {
  const parts: { start: number; word: string }[] = [];
  const re = /[^ \u00a0]+/g;
  for (let m = re.exec(c.text); m; m = re.exec(c.text)) parts.push({ start: c.start + m.index, word: m[0] });
  while (parts.length && (NOT_NAME_WORDS.has(parts[0]!.word) || occupied.overlaps(parts[0]!.start, parts[0]!.start + parts[0]!.word.length) || isParticle(parts[0]!.word))) parts.shift();
  while (parts.length && (NOT_NAME_WORDS.has(parts.at(-1)!.word) || isParticle(parts.at(-1)!.word) || /^\p{Lu}\.$/u.test(parts.at(-1)!.word))) parts.pop();
  if (parts.length === 0) return null;
  const start = parts[0]!.start;
  const last = parts.at(-1)!;
  const end = last.start + last.word.length;
  if (occupied.overlaps(start, end)) return null;
  if (parts.some((p) => isShouted(p.word))) return null;
  return { start, text: text.slice(start, end) };
}

const isParticle = (w: string) => NAME_PARTICLES.includes(w);
const isShouted = (w: string) => w.length > 2 && w === w.toUpperCase() && /\p{L}/u.test(w);

function familyName(name: string): string {
  // "Tony van der Togt" → "van der Togt"; "Bashar al-Assad" → "al-Assad".
  const tokens = name.split(/[ \u00a0]+/);
  let i = tokens.length - 1;
  while (i > 1 && isParticle(tokens[i - 1]!)) i--;
  return tokens.slice(i).join(' ');
}

function sameFamilyName(a: string, b: string): boolean {
  return transliterationKey(familyName(a)) === transliterationKey(familyName(b));
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

/**
 * Folds the spelling differences between romanisations of one Slavic or Central Asian
 * name: Ilkhamov/Ilhamov, Zhaparov/Japarov, Tokayev/Tokaev, Dzhumabekov/Jumabekov.
 */
export function transliterationKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/dzh|dj|zh|j/g, 'j')
    .replace(/kh|h/g, 'h')
    .replace(/yev\b|yev$/g, 'ev')
    .replace(/iy\b|yy\b|ii\b|y\b/g, 'i')
    .replace(/ya/g, 'ia')
    .replace(/yu/g, 'iu')
    .replace(/w\b/g, 'v')
    .replace(/([aeiou])y([aeiou])/g, '$1$2')
    .replace(/[^a-z]/g, '');
}

/** Every use of the found people's full names and family names, in any romanisation. */
function findMentionsOf(people: FoundPerson[], text: string, occupied: Occupancy): Mention[] {
  const forms = new Map<string, FoundPerson>();
  for (const p of people) {
    forms.set(p.name, p);
    const family = familyName(p.name);
    if (family !== p.name && !NOT_NAME_WORDS.has(family)) {
      forms.set(family, p);
      // "van der Togt" at a sentence start is written "Van der Togt".
      forms.set(family[0]!.toUpperCase() + family.slice(1), p);
    }
  }
  // One pattern for every capitalised word, then a lookup by transliteration key, so
  // that "Ilhamov" finds "Ilkhamov" without listing spellings.
  const byKey = new Map<string, FoundPerson>();
  for (const [form, p] of forms) byKey.set(transliterationKey(form), p);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${NAME}(?![\\p{L}\\p{N}])`, 'gu');
  const out: Mention[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Try the whole run of capitalised words, then shorter tails and heads of it.
    const found = longestKnownSpan(m[0], m.index, byKey);
    if (!found) continue;
    const { start, end, person } = found;
    if (occupied.overlaps(start, end)) continue;
    const mention: Mention = { start, end, text: text.slice(start, end), type: person.type, entity: null, name: person.name };
    if (person.country) mention.country = person.country;
    out.push(mention);
    if (end < m.index + m[0].length) re.lastIndex = end;
  }
  return out;
}

function longestKnownSpan(run: string, at: number, byKey: Map<string, FoundPerson>): { start: number; end: number; person: FoundPerson } | null {
  const words: { start: number; end: number }[] = [];
  const re = /[^ \u00a0]+/g;
  for (let m = re.exec(run); m; m = re.exec(run)) words.push({ start: m.index, end: m.index + m[0].length });
  for (let len = words.length; len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      const s = words[i]!.start;
      const e = words[i + len - 1]!.end;
      const person = byKey.get(transliterationKey(run.slice(s, e)));
      if (person) return { start: at + s, end: at + e, person };
    }
  }
  return null;
}

/** The spans already taken by knowledge-base mentions, for fast overlap tests. */
class Occupancy {
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

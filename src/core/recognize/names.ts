import type { Entity } from '../kb/types';
import type { Mention } from '../model/types';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { upperBound } from '../util/sortedByStart';
import { isWordCode } from './charClasses';
import { isFamilyFirst } from './familyFirstNames';
import { wordEndingAt } from './designation';
import { isCommonGivenName } from './nameGender';
import { HONORIFICS, LEADER_TITLES, NOT_NAME_WORDS, PERSON_ROLES, RELATIVES, SPEECH_VERBS } from './lexicon';

/** A KB name found in the text, before ambiguity is settled. */
export interface NameHit {
  start: number;
  end: number;
  text: string;
  readings: GazetteerEntry[];
  /** "the elder Bush", "the younger Berdimuhamedov": which of a family the name is. */
  generation?: Generation;
}

type Generation = 'elder' | 'younger';

/** Words that name a place only with the article before them ("the West", not "West Bank" or "Western"). */
const NEEDS_THE = new Set(['West', 'East', 'Gulf', 'North', 'South', 'WEST', 'EAST', 'GULF', 'NORTH', 'SOUTH']);

/**
 * Where a weak family name of the knowledge base's stands in someone else's full name
 * ("Wang" of "spokesman Wang Wenbin" beside Wang Yi's weak "Wang"): per surface, the
 * positions, ascending. A bare "Wang" after such a one and after the entity's last
 * naming is that someone's (see someoneElseNamedLater).
 */
export type OthersNamed = Map<string, number[]>;

/**
 * Finds every KB surface form in `text` that starts in [from, to); `wrapped`: the text is
 * hard-wrapped (see Gazetteer.scan). Each weak family name there that is someone else's
 * goes into `others`, when given.
 */
export function findNames(text: string, gazetteer: Gazetteer, from = 0, to = text.length, wrapped = false, others?: OthersNamed): NameHit[] {
  const hits: NameHit[] = [];
  scanNames(
    text,
    gazetteer,
    from,
    to,
    (start, surface, readings) => {
      const h: NameHit = { start, end: start + surface.length, text: surface, readings };
      const generation = strongReadingOf(readings) ? undefined : generationBefore(text, start);
      if (generation) h.generation = generation;
      hits.push(h);
    },
    wrapped,
    others && ((start, surface) => addPosition(others, surface, start)),
  );
  return hits;
}

function addPosition(positions: Map<string, number[]>, key: string, at: number): void {
  const list = positions.get(key);
  if (list) list.push(at);
  else positions.set(key, [at]);
}

/**
 * `resolveNames(findNames(text, gazetteer), date)` in one scan, for a caller that keeps
 * no hits: most names have one strong reading and become mentions at once; only the
 * others wait for the whole document (and no hit object is made for the rest).
 */
export function findKnownNames(text: string, gazetteer: Gazetteer, date?: string, wrapped = false): Mention[] {
  const out: (Mention | null)[] = [];
  const strongAt = new Map<string, number[]>();
  const others: OthersNamed = new Map();
  const waiting: number[] = [];
  const waitingHits: NameHit[] = [];
  scanNames(text, gazetteer, 0, text.length, (start, surface, readings) => {
    const only = strongReadingOf(readings);
    if (only) {
      const id = only.entity.id;
      out.push({ start, end: start + surface.length, text: surface, type: only.type, entity: id, name: only.entity.name });
      const list = strongAt.get(id);
      if (list) list.push(start);
      else strongAt.set(id, [start]);
    } else {
      waiting.push(out.length);
      const h: NameHit = { start, end: start + surface.length, text: surface, readings };
      const generation = generationBefore(text, start);
      if (generation) h.generation = generation;
      waitingHits.push(h);
      out.push(null);
    }
  }, wrapped, (start, surface) => addPosition(others, surface, start));
  if (waiting.length === 0) return out as Mention[];
  const isNamed = (id: string) => strongAt.has(id);
  const nearest = (named: GazetteerEntry[], at: number) => closestNamed(named, strongAt, at);
  const someoneElse = someoneElseNamedLater(others, strongAt);
  for (let k = 0; k < waiting.length; k++) out[waiting[k]!] = resolveHit(waitingHits[k]!, isNamed, nearest, date, someoneElse);
  return out.filter((m): m is Mention => m !== null);
}

/**
 * Calls `visit` for each KB surface form starting in [from, to) that reads as a name
 * where it stands, and `other` for each weak family name there that is someone else's.
 */
function scanNames(
  text: string,
  gazetteer: Gazetteer,
  from: number,
  to: number,
  visit: (start: number, surface: string, readings: GazetteerEntry[]) => void,
  wrapped: boolean,
  other?: (start: number, surface: string) => void,
): void {
  // Whether a line is shouted is asked once per line: hits come in order, so one that
  // starts before the end of the line last asked about is on that line. (Looking for its
  // line's start again per hit would be quadratic on a file of one long line.)
  let lineEnd = -1;
  let shouted = false;
  gazetteer.scan(text, from, to, (start, surface, readings, familyNameOnly) => {
    // "the West", not "West Kowloon" nor "the West Kowloon Magistrates' Courts".
    if (NEEDS_THE.has(surface) && (!/\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start)) || /^[ \u00a0]\p{Lu}/u.test(text.slice(start + surface.length, start + surface.length + 2)))) return;
    if (mayBeShouted(surface)) {
      if (start >= lineEnd) {
        lineEnd = text.indexOf('\n', start + surface.length);
        if (lineEnd < 0) lineEnd = text.length;
        shouted = inShoutedLine(text, start, lineEnd);
      }
      if (shouted) return;
    }
    if (familyNameOnly) {
      const end = start + surface.length;
      const weak = readings.every((r) => r.weak);
      if (givenNameBefore(text, start, end, gazetteer, readings) || givenNameAfter(text, start, end) || (weak && familyNameAfter(text, end, gazetteer))) {
        if (other && weak) other(start, surface);
        return;
      }
    }
    // "the skater Sofia Samodelkina", "Defense Minister Wellington Koo": a place that is a given name too, or
    // after a title, a family name after it.
    if (readings.every((r) => r.type === 'place') && (isCommonGivenName(surface) || titleRightBefore(text, start)) && familyNameAfter(text, start + surface.length, gazetteer, false)) return;
    // "Puerto Rico's Israel Rivera,", "Chad Holloway, a former sparring partner,": a country that is a given name too, a family name after it.
    if (COUNTRY_GIVEN_NAMES.has(surface) && familyNameAfter(text, start + surface.length, gazetteer)) return;
    // "General Director Kevin Lyon": a place after a title and a given name is the family name.
    if (readings.every((r) => r.type === 'place') && afterTitledGivenName(text, start, gazetteer)) return;
    if (surface.length >= SHORTEST_NAMESAKE && NATIONAL_NAMESAKES.has(surface) && (nationalBefore(text, start, gazetteer) || nationalAfter(text, start + surface.length, gazetteer))) return;
    if (start > 0 && LINK_CHARS.has(text.charCodeAt(start - 1)) && inLink(text, start)) return;
    // "the nuclear icebreaker Yakutia": a ship named after a place.
    if (text.charCodeAt(start - 1) === 0x20 && readings.every((r) => r.type === 'place') && SHIP_WORDS.has(wordEndingAt(text, start - 1, Math.max(0, start - 16)) ?? '')) return;
    // "the Tomsk regional Duma", "the Moscow City Duma": a region's or a city's assembly, not the State Duma.
    if (surface === 'Duma' && LOCAL_DUMA.test(text.slice(Math.max(0, start - 12), start))) return;
    // "Lenin Avenue", "Amir Temur Square": a street named after a person.
    if (text.charCodeAt(start + surface.length) === 0x20 && STREET_WORDS.has(wordAt(text, start + surface.length + 1)) && readings.every((r) => r.type === 'leader' || r.type === 'person')) return;
    // "Urals crude", "the ESPO blend": an oil grade named after a place.
    if (text.charCodeAt(start + surface.length) === 0x20 && (text.startsWith(' crude', start + surface.length) || text.startsWith(' blend', start + surface.length))) return;
    visit(start, surface, readings);
  }, wrapped);
}

const LOCAL_DUMA = /(?:[Rr]egional|[Cc]ity|[Mm]unicipal|[Oo]blast|[Pp]rovincial|[Dd]istrict)[ \u00a0]$/;

/** Words that make a person's name a street's or a square's. */
const STREET_WORDS = new Set(['Avenue', 'Street', 'Square', 'Boulevard', 'Prospekt', 'Prospect', 'Embankment', 'Lane', 'Road']);

/** Words before a ship's name. */
const SHIP_WORDS = new Set(['icebreaker', 'ship', 'vessel', 'tanker', 'frigate', 'cruiser', 'destroyer', 'submarine', 'carrier', 'freighter', 'ferry', 'yacht', 'corvette']);

/** Characters a name inside a web address or a handle comes right after. */
const LINK_CHARS = new Set([0x2f, 0x40, 0x2e, 0x3d, 0x5f, 0x3a]);

/**
 * Whether `at` is inside a web address or a handle ("https://t.me/Hinshtein/8841",
 * "@Putin"): the run of non-blanks holding it has "://" or starts with "www." or "@".
 * (Not "U.S./Russia".) Read back 200 characters at most.
 */
function inLink(text: string, at: number): boolean {
  let from = at;
  const floor = Math.max(0, at - 200);
  while (from > floor && !boundsLink(text.charCodeAt(from - 1))) from--;
  const c = text.charCodeAt(from);
  return c === 0x40 || text.startsWith('www.', from) || text.slice(from, at).includes('://');
}

/** What a web address or a handle starts after: a blank, a line break or an opening bracket ("(@Putin)"). */
const boundsLink = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x28;

/** Names of international bodies that countries' own bodies share ("Russia's Security Council"). */
const NATIONAL_NAMESAKES = new Set(['Security Council', 'General Assembly']);
/** Most names are shorter: they skip the lookup. */
const SHORTEST_NAMESAKE = Math.min(...[...NATIONAL_NAMESAKES].map((n) => n.length));

/**
 * A country's or a region's possessive or a demonym right before `start` ("Russia’s ", "the Russian ", "Chechnya’s "),
 * or a word that makes the name a country's own body ("the National Security Council",
 * "his Security Council").
 */
function nationalBefore(text: string, start: number, gazetteer: Gazetteer): boolean {
  // "Sergei Shoigu, Secretary of the Security Council", "its deputy chairman": the UN's has a president, no secretary nor chairman.
  if (SECRETARY_OF_THE.test(text.slice(Math.max(0, start - 20), start))) return true;
  let e = start;
  while (e > 0 && isBlank(text.charCodeAt(e - 1))) e--;
  if (e === start) return false;
  const apostrophe = text.charCodeAt(e - 2);
  if (text.charCodeAt(e - 1) === 0x73 && (apostrophe === 0x2019 || apostrophe === 0x27)) e -= 2;
  let s = e;
  while (s > 0 && isWordCode(text.charCodeAt(s - 1))) s--;
  if (s === e) return false;
  const word = text.slice(s, e);
  if (e === start - 1 && NATIONAL_BODY_WORDS.has(word)) return true;
  const readings = gazetteer.lookup(word);
  // A region's too: "Chechnya's Security Council".
  return readings !== undefined && readings.some((r) => r.type === 'country' || r.type === 'demonym' || r.type === 'place');
}

const SECRETARY_OF_THE = /(?:[Ss]ecretary|[Cc]hairman|[Cc]hair)[ \u00a0]+of[ \u00a0]+the[ \u00a0]+$/;

/** "of the Russian Federation", "of Kazakhstan" right after `end`, or a secretary's title: a country's own body ("the Security Council of the Russian Federation"). */
function nationalAfter(text: string, end: number, gazetteer: Gazetteer): boolean {
  // "Security Council Secretary Sergei Shoigu": the UN's has a president, no secretary.
  if (/^[ \u00a0]+[Ss]ecretary(?![\p{L}-])/u.test(text.slice(end, end + 12))) return true;
  const of = NATIONAL_OF.exec(text.slice(end, end + 60));
  if (!of) return false;
  const words = of[1]!.split(/[ \u00a0]+/);
  for (let n = words.length; n > 0; n--) if (gazetteer.lookup(words.slice(0, n).join(' '))?.some((r) => r.type === 'country')) return true;
  return false;
}

const NATIONAL_OF = /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(\p{Lu}[\p{L}’'-]*(?:[ \u00a0]+\p{Lu}[\p{L}’'-]*){0,3})/u;

/** Words right before "Security Council" or "General Assembly" that make it a country's own. */
const NATIONAL_BODY_WORDS = new Set(['National', 'Federal', 'State', 'Supreme', 'Presidential', 'his', 'her', 'its', 'their', 'our']);

/** Words that may stand before a family name without being a given name ("Comrade Stalin"). */
const NOT_GIVEN_NAMES = new Set([...NOT_NAME_WORDS, ...LEADER_TITLES, 'Comrade', 'Marshal', 'Tsar', 'Czar', 'Emperor', 'Pope', 'Admiral', 'Colonel', 'Captain', 'Major', 'Lieutenant', 'Sergeant', 'Commander', 'Judge', 'Justice', 'Imam', 'Mullah', 'Madame', 'Monsieur', 'Herr', 'Frau', 'Senor', 'Señor']);

/**
 * "… told Akylbek Japarov": a capitalised word right before a leader's bare family name
 * (text[start, end)), in mid-sentence, that is none of the leader's given names, no title
 * and no name the knowledge base knows — someone else of that family name, not the
 * leader. At a sentence's start the word may be any word ("Later Japarov left"): there
 * only one of the region's common given names ("Nurlan Tokayev runs a café") or an
 * appositive with a role or a title after the name says it is a full name ("Akylbek
 * Japarov, chairman of the cabinet, said").
 */
function givenNameBefore(text: string, start: number, end: number, gazetteer: Gazetteer, readings: readonly GazetteerEntry[]): boolean {
  let e = start;
  while (e > 0 && isBlank(text.charCodeAt(e - 1))) e--;
  if (e === start) return false;
  let s = e;
  // A hyphen inside too: "By Min-ji Yoon", "writer Hyung-jin Kim".
  while (s > 0 && (isWordCode(text.charCodeAt(s - 1)) || (text.charCodeAt(s - 1) === 0x2d && s - 1 > 0 && isWordCode(text.charCodeAt(s - 2)) && s < e))) s--;
  if (s === e || !isNameShaped(text, s, e)) return false;
  // Mid-sentence: a letter, a digit or a comma before the word and its blanks; or a dash, as a signature opens ("— Farid Aliyev, Manchester").
  let b = s;
  while (b > 0 && isBlank(text.charCodeAt(b - 1))) b--;
  const before = b === s || b === 0 ? 0 : text.charCodeAt(b - 1);
  // After a quote's close too: "“…,” Viktor Kim said".
  const midSentence = before === 0x2c || before === 0x3b || before === 0x201d || before === 0x22 || before === 0x2014 || before === 0x2013 || (before !== 0 && isWordCode(before));
  const word = text.slice(s, e);
  // (A transcript's label too: "[00:12:31] Farangis Najibullah:".)
  if (!midSentence && !roleAppositiveAt(text, end) && !isCommonGivenName(word) && text.charCodeAt(end) !== 0x3a) return false;
  if (NOT_GIVEN_NAMES.has(word) || gazetteer.lookup(word)) return false;
  for (const r of readings) if (gazetteer.givenNamesOf(r.entity).has(word)) return false;
  return true;
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0xa0;

/** Whether a title and a given name stand right before `at` ("Director Kevin ", "Minister Anna "): a blank between each, the name no word the KB knows. */
function afterTitledGivenName(text: string, at: number, gazetteer: Gazetteer): boolean {
  if (!isBlank(text.charCodeAt(at - 1))) return false;
  let s = at - 1;
  while (s > 0 && isWordCode(text.charCodeAt(s - 1))) s--;
  if (s === at - 1 || !isNameShaped(text, s, at - 1)) return false;
  const word = text.slice(s, at - 1);
  return !NOT_GIVEN_NAMES.has(word) && (titleRightBefore(text, s) || (isBlank(text.charCodeAt(s - 1)) && ROLE_TITLE_WORDS.has(wordEndingAt(text, s - 1, Math.max(0, s - 16)) ?? ''))) && !gazetteer.lookup(word);
}

/** Countries' names that are given names too. */
const COUNTRY_GIVEN_NAMES = new Set(['Israel', 'Chad', 'Jordan']);

/** Capitalised roles a company's or a body's officer goes by before a name ("General Director Kevin Lyon"). */
const ROLE_TITLE_WORDS = new Set(['Director', 'Executive', 'Officer', 'Manager', 'Chairman', 'CEO', 'Chief', 'Coach', 'Editor']);

/** Whether a capitalised title's last word ("Minister", "Ambassador", "Mr.") stands right before `at`, one blank between. */
function titleRightBefore(text: string, at: number): boolean {
  if (!isBlank(text.charCodeAt(at - 1))) return false;
  let s = at - 1;
  while (s > 0 && (isWordCode(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 0x2e)) s--;
  return TITLE_WORDS.has(text.slice(s, at - 1));
}

const TITLE_WORDS = new Set([...LEADER_TITLES, ...HONORIFICS.flatMap((h) => [h, `${h}.`])].filter((t) => /^\p{Lu}/u.test(t)).map((t) => t.split(' ').at(-1)!));

/**
 * "… spokesman Wang Wenbin": a leader's bare Chinese family name (text[start, end),
 * "Wang" of Wang Yi) and a pinyin given name after it — not the leader's, or the scan
 * would have read the full name — someone else of that family.
 */
function givenNameAfter(text: string, start: number, end: number): boolean {
  if (!isBlank(text.charCodeAt(end))) return false;
  const given = wordAt(text, end + 1);
  return given !== '' && isFamilyFirst(text.slice(start, end) + ' ' + given);
}

/**
 * "Editing by Kim Coghill)", "Lee Anderson said", "Kim Yo-jong told": a name-shaped word
 * (hyphens inside too) after a weak family name of the knowledge base's (text[…, end)),
 * that it does not know and that is no title nor the head of a body's or a place's name
 * ("Khan Academy"), then punctuation, a speech verb or an affiliation ("of", "from" …) —
 * someone else's full name, the weak name a given name. (Not at a line's end: "Kim Warns"
 * may be a headline's.) Unless `closing`, any word may follow.
 */
function familyNameAfter(text: string, end: number, gazetteer: Gazetteer, closing = true): boolean {
  if (!isBlank(text.charCodeAt(end))) return false;
  let e = end + 1;
  while (e < text.length && (isWordCode(text.charCodeAt(e)) || (text.charCodeAt(e) === 0x2d && isWordCode(text.charCodeAt(e + 1))))) e++;
  if (e === end + 1 || !isNameShaped(text, end + 1, e)) return false;
  const c = text.charCodeAt(e);
  const closes = c === 0x2c || c === 0x3b || c === 0x3a || c === 0x29 || c === 0x2e || c === 0x27 || c === 0x2019;
  // Or a word that ties a person to where they are from or work, in lower case as no title-case headline ("Putin Meets Xi") has it: "Timur Abenov of the institute".
  if (closing && !closes && !(isBlank(c) && (SPEECH_VERB_WORDS.has(wordAt(text, e + 1)) || AFFILIATION_WORDS.has(wordAt(text, e + 1))))) return false;
  const word = text.slice(end + 1, e);
  return !NOT_GIVEN_NAMES.has(word) && !NOT_FAMILY_NAMES.has(word) && !gazetteer.lookup(word);
}

const AFFILIATION_WORDS = new Set(['of', 'from', 'at', 'who']);

/** Words after a family name that make no full name: a name's suffix, or the head of a body's or a place's name. */
const NOT_FAMILY_NAMES = new Set([
  'Sr', 'Jr', 'Snr', 'Jnr', 'Academy', 'Street', 'Avenue', 'Square', 'Bridge', 'Park', 'Tower', 'Prize', 'Award', 'Doctrine',
  'Plan', 'Airport', 'Stadium', 'Museum', 'Library', 'Hospital', 'School', 'College', 'Group', 'Holdings', 'Industries',
  'Bank', 'Trust', 'Family', 'Era', 'Club', 'Cup', 'Memorial', 'Line', 'Act', 'Law', 'Report', 'Station', 'Hotel',
  'Theatre', 'Theater', 'Gallery', 'Market', 'Dam', 'Canal', 'Port', 'Highway', 'Tribe', 'Dynasty', 'Clan',
]);
const SPEECH_VERB_WORDS = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ')));

/** The word of letters starting at `at`. */
function wordAt(text: string, at: number): string {
  let e = at;
  // Hyphens inside too: "Ming-hui".
  while (e < text.length && (isWordCode(text.charCodeAt(e)) || (text.charCodeAt(e) === 0x2d && e > at && isWordCode(text.charCodeAt(e + 1))))) e++;
  return text.slice(at, e);
}

/** The last word of each role and title, lower-cased: what an appositive after a name ends with ("…, chairman of the cabinet,"). */
const APPOSITIVE_ROLE_WORDS = new Set([...PERSON_ROLES, ...LEADER_TITLES, ...RELATIVES].map((r) => r.split(' ').at(-1)!.toLowerCase()));

/** Whether an appositive with a role, a title or a relative opens at `at` (", the former chairman of …", ", the former president’s brother,"): a comma, then one of its first six words. */
function roleAppositiveAt(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 0x2c) return false;
  const words = text.slice(at + 1, at + 80).split(/[,.;:“”"]/, 1)[0]!.trim().split(/[ \u00a0]+/, 6);
  return words.some((w) => APPOSITIVE_ROLE_WORDS.has(w.toLowerCase()));
}

/** A capital, then lower-case letters: "Akylbek", not "NATO" or "al". */
function isNameShaped(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (!((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde) || (c >= 0x410 && c <= 0x42f))) return false;
  for (let i = s + 1; i < e; i++) {
    const d = text.charCodeAt(i);
    if ((d >= 0x61 && d <= 0x7a) || (d >= 0xdf && d <= 0xff) || (d >= 0x430 && d <= 0x44f)) return true;
  }
  return false;
}

/** Short all-capital forms ("US", "UK") may be ordinary words in a shouted line. */
function mayBeShouted(surface: string): boolean {
  if (surface.length > 4) return false;
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false; // has a lower-case letter
  }
  return true;
}

/** A line written in capitals ("FOLLOW US ON GOOGLE NEWS"): its short capital words are not names. `lineEnd` is where the line holding `start` ends. */
function inShoutedLine(text: string, start: number, lineEnd: number): boolean {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  // Words are runs of letters; a word is shouted when upper-casing leaves it unchanged.
  let words = 0;
  let shouted = 0;
  let length = 0;
  let changes = false;
  for (let i = lineStart; i <= lineEnd; i++) {
    const c = i < lineEnd ? text.charCodeAt(i) : 0x20;
    if (c >= 0x2000 && c > 0x206f) return inShoutedLineExactly(text.slice(lineStart, lineEnd));
    const kind = c < 0x2000 ? letterCase(c) : NOT_A_LETTER;
    if (kind !== NOT_A_LETTER) {
      length++;
      if (kind === CHANGES_WHEN_UPPER_CASED) changes = true;
    } else if (length > 0) {
      words++;
      if (length > 1 && !changes) shouted++;
      length = 0;
      changes = false;
    }
  }
  return words >= 3 && shouted / words > 0.6;
}

/** `inShoutedLine` for lines with letters beyond U+2000 (rare in news): Unicode-aware and slower. */
function inShoutedLineExactly(line: string): boolean {
  const words = line.match(/\p{L}+/gu) ?? [];
  const shouted = words.filter((w) => w.length > 1 && w === w.toUpperCase()).length;
  return words.length >= 3 && shouted / words.length > 0.6;
}

const NOT_A_LETTER = 0;
const UNCHANGED_WHEN_UPPER_CASED = 1;
const CHANGES_WHEN_UPPER_CASED = 2;
const NOT_YET_KNOWN = 255;
/** Per code unit below U+2000: not a letter, or a letter that upper-casing keeps or changes; filled as characters are met. */
const LETTER_CASE = new Uint8Array(0x2000).fill(NOT_YET_KNOWN);

function letterCase(c: number): number {
  let kind = LETTER_CASE[c]!;
  if (kind === NOT_YET_KNOWN) {
    const ch = String.fromCharCode(c);
    kind = !/\p{L}/u.test(ch) ? NOT_A_LETTER : ch.toUpperCase() === ch ? UNCHANGED_WHEN_UPPER_CASED : CHANGES_WHEN_UPPER_CASED;
    LETTER_CASE[c] = kind;
  }
  return kind;
}

/**
 * Settles each hit on one reading, using the whole document: a weak alias counts only if
 * its entity was named strongly somewhere in the text; among several entities, the one
 * named nearest (before, preferably) wins; otherwise the mention keeps its candidates.
 */
export function resolveNames(hits: NameHit[], date?: string, others: OthersNamed = new Map()): Mention[] {
  const strongAt = strongPositions(hits);
  const isNamed = (id: string) => strongAt.has(id);
  const nearest = (named: GazetteerEntry[], at: number) => closestNamed(named, strongAt, at);
  const someoneElse = someoneElseNamedLater(others, strongAt);
  const out: Mention[] = [];
  for (const h of hits) {
    const m = resolveHit(h, isNamed, nearest, date, someoneElse);
    if (m) out.push(m);
  }
  return out;
}

/** Where each entity (of `only`, when given) is named unambiguously: position lists, ascending. */
export function strongPositions(hits: readonly NameHit[], only?: ReadonlySet<string>): Map<string, number[]> {
  const strongAt = new Map<string, number[]>();
  for (const h of hits) {
    const id = strongReading(h)?.entity.id;
    if (id === undefined || (only && !only.has(id))) continue;
    const list = strongAt.get(id);
    if (list) list.push(h.start);
    else strongAt.set(id, [h.start]);
  }
  return strongAt;
}

/** The one reading a hit has without doubt, if any. */
export function strongReading(h: NameHit): GazetteerEntry | undefined {
  return strongReadingOf(h.readings);
}

/** The one strong reading among `readings`, if there is exactly one. */
export function strongReadingOf(readings: readonly GazetteerEntry[]): GazetteerEntry | undefined {
  let found: GazetteerEntry | undefined;
  for (const r of readings) {
    if (r.weak) continue;
    if (found) return undefined;
    found = r;
  }
  return found;
}

/**
 * Whether settling `h` depends on where other entities are named, not only on which
 * are named at all.
 */
export function needsNearest(h: NameHit, isNamed: (id: string) => boolean): boolean {
  if (h.readings.length < 2) return false; // most hits: nothing to choose between
  const strong = h.readings.filter((r) => !r.weak);
  if (strong.length === 1) return false;
  const pool = strong.length > 0 ? strong : h.readings;
  return pool.filter((r) => isNamed(r.entity.id)).length > 1;
}

/**
 * One hit's mention, or null when it is a weak name of an entity the document never
 * names. A name several leaders share ("Aliyev", "Bush") goes to the one named in full in
 * the document; else to the one in office on the article's `date`; else it is a leader
 * mention with no entity and the candidates listed.
 */
export function resolveHit(
  h: NameHit,
  isNamed: (id: string) => boolean,
  /** Among `named`, the entity named nearest `at`. */
  nearest: (named: GazetteerEntry[], at: number) => GazetteerEntry,
  date?: string,
  /** Whether a weak name (no strong reading) is someone else's rather than the entity `chosen` for it. */
  someoneElse?: (h: NameHit, chosen: GazetteerEntry) => boolean,
): Mention | null {
  // Most hits (countries, demonyms, full names) have one strong reading: settle them without allocating.
  const only = strongReading(h);
  if (only) return { start: h.start, end: h.end, text: h.text, type: only.type, entity: only.entity.id, name: only.entity.name };
  const strong = h.readings.filter((r) => !r.weak);
  let chosen: GazetteerEntry | undefined;
  let candidates: GazetteerEntry[] = [];
  if (strong.length === 1) chosen = strong[0];
  else {
    const pool = strong.length > 0 ? strong : h.readings;
    const named = pool.filter((r) => isNamed(r.entity.id));
    const inOffice = date && pool.length > 1 && named.length === 0 ? pool.filter((r) => heldOfficeOn(r.entity, date)) : [];
    const byAge = h.generation && ofGeneration(pool, named, h.generation);
    if (byAge) chosen = byAge;
    else if (named.length === 1) chosen = named[0];
    else if (named.length > 1) chosen = nearest(named, h.start);
    else if (inOffice.length === 1) {
      chosen = inOffice[0];
      candidates = pool;
    } else if (pool.length > 1 && pool.every((r) => r.type === 'leader')) {
      // "Viktor Kim … Kim added": someone else of the family, named before, none of the leaders named.
      if (strong.length === 0 && someoneElse?.(h, pool[0]!)) return null;
      return { start: h.start, end: h.end, text: h.text, type: 'leader', entity: null, name: h.text, candidates: pool.map((r) => r.entity.id) };
    } else if (strong.length > 1) {
      // Several entities share a strong name and the document names none of them
      // fully: keep the first reading and offer the others.
      candidates = strong;
      chosen = strong[0];
    }
  }
  if (!chosen || (strong.length === 0 && someoneElse?.(h, chosen))) return null;
  const m: Mention = { start: h.start, end: h.end, text: h.text, type: chosen.type, entity: chosen.entity.id, name: chosen.entity.name };
  const others = candidates.filter((c) => c.entity.id !== chosen.entity.id);
  if (others.length > 0) m.candidates = [chosen.entity.id, ...others.map((c) => c.entity.id)];
  return m;
}

/**
 * "the elder Bush": of the entities a family name may be (`pool`), the one its words
 * say by their years of birth — the eldest or youngest of those the document names in
 * full when it names several; when it names one, the nearest in age of those older or
 * younger than that one (George H. W. Bush beside George W. Bush); when it names none,
 * the elder or younger of two. Undefined when their births do not tell.
 */
function ofGeneration(pool: readonly GazetteerEntry[], named: readonly GazetteerEntry[], generation: Generation): GazetteerEntry | undefined {
  const elder = generation === 'elder';
  const bornOf = (r: GazetteerEntry) => r.entity.person?.born;
  // Those with a year of birth, ordered from the one asked for: eldest first for "elder".
  const byBirth = (among: readonly GazetteerEntry[]) =>
    among
      .filter((r) => bornOf(r) !== undefined)
      .sort((a, b) => (elder ? bornOf(a)! - bornOf(b)! : bornOf(b)! - bornOf(a)!));
  const first = (among: readonly GazetteerEntry[]) => {
    const sorted = byBirth(among);
    return sorted.length === among.length && bornOf(sorted[0]!) !== bornOf(sorted[1]!) ? sorted[0] : undefined;
  };
  if (named.length > 1) return first(named);
  if (named.length === 1) {
    const born = bornOf(named[0]!);
    if (born === undefined) return undefined;
    return byBirth(pool)
      .filter((r) => (elder ? bornOf(r)! < born : bornOf(r)! > born))
      .at(-1); // the nearest in age
  }
  return pool.length === 2 ? first(pool) : undefined;
}

/** "the elder " or "the younger " right before `start`. */
function generationBefore(text: string, start: number): Generation | undefined {
  const before = text.slice(Math.max(0, start - 12), start);
  const m = GENERATION_BEFORE.exec(before);
  return m ? (m[1] as Generation) : undefined;
}

const GENERATION_BEFORE = /(?:^|[^\p{L}])[Tt]he[ \u00a0]+(elder|younger)[ \u00a0]+$/u;

/** Whether an entity held any office on `date` (ISO; a year-only bound covers the whole year). */
export function heldOfficeOn(e: Entity, date: string): boolean {
  return (e.person?.roles ?? []).some((r) => (!r.start || date.slice(0, r.start.length) >= r.start) && (!r.end || date.slice(0, r.end.length) <= r.end));
}

/**
 * Whether a weak family name at `h` is someone else's: another full name with it
 * (`others`) stands before it, later than the last naming of the entity chosen for it
 * (`namings`) — or there is none before it. "Wang Yi … spokesman Wang Wenbin … Wang
 * added" is Wang Wenbin's; the people pass then finds it his.
 */
export function someoneElseNamedLater(others: OthersNamed, namings: Map<string, number[]>): (h: NameHit, chosen: GazetteerEntry) => boolean {
  return (h, chosen) => {
    const positions = others.get(h.text);
    if (!positions) return false;
    const i = upperBound(positions, h.start - 1);
    if (i === 0) return false;
    const named = namings.get(chosen.entity.id) ?? [];
    const j = upperBound(named, h.start - 1);
    return j === 0 || named[j - 1]! < positions[i - 1]!;
  };
}

/** Among entities named in the document, the one named nearest before `at` (a later naming counts less). */
export function closestNamed(named: GazetteerEntry[], strongAt: Map<string, number[]>, at: number): GazetteerEntry {
  if (named.length === 1) return named[0]!;
  let best = named[0]!;
  let bestDistance = Infinity;
  for (const r of named) {
    const positions = strongAt.get(r.entity.id)!;
    const i = upperBound(positions, at);
    const before = i > 0 ? at - positions[i - 1]! : Infinity;
    const after = i < positions.length ? (positions[i]! - at) * 4 : Infinity;
    const d = Math.min(before, after);
    if (d < bestDistance) {
      bestDistance = d;
      best = r;
    }
  }
  return best;
}

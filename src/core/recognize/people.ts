import type { Mention } from '../model/types';
import { type Runs, scanRuns } from './capitalisedRuns';
import { SpanSet } from './spanSet';
import { UPPER, WORD_CHARS } from './charClasses';
import { escapeRegExp } from './fold';
import {
  CAPITALISED_ROLES,
  CITED_YEAR,
  COMPLEMENT_LINKS,
  LEADER_TITLES,
  NAME_PARTICLES,
  PATRONYMIC_ENDINGS,
  NON_LEADER_TITLES,
  NOT_NAME_WORDS,
  PERSON_HONORIFICS,
  PERSON_ROLES,
  PORTFOLIO_WORDS,
  RELATIVES,
  SPEECH_VERBS,
} from './lexicon';
import { upperBound } from '../util/sortedByStart';
import { RecentMemo } from '../util/recentMemo';
import { alt as either, atEnd, group, isBlank, isLetter, isUpper, lit, notAfter, one, oneOf, optional, repeat, run, seq, WordListPattern } from '../util/wordListPattern';
import { isFamilyFirst } from './familyFirstNames';
import { opensSentenceAt } from './paragraphs';
import { genderOfName, isCommonGivenName, isCommonGivenNameAt } from './nameGender';

/**
 * People the knowledge base does not know, found by how news introduces them: a
 * political title before the name makes a leader ("Kyrgyz President Sadyr Japarov"); a
 * role ("expert Temur Umarov", "Max Hess, fellow at …"), a speech verb ("said Alisher
 * Ilhamov"), a byline or a photo credit makes a person. Then every later use of the
 * full name or the family name (in any common romanisation) is the same person.
 *
 * One scan collects the runs of capitalised words (capitalisedRuns.ts) and both passes
 * read them. Cues are checked only around runs: the word right before and the word
 * right after, read in place, reject most; the rest look up the few words before in sets
 * and try anchored patterns after. Later mentions are sought only in runs with a word
 * whose first and last letters could fold into the key of a name found.
 */

const PARTICLES = new Set(NAME_PARTICLES);
const PATRONYMICS = new Set(PATRONYMIC_ENDINGS);

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const TITLES = new Set(LEADER_TITLES);
/** Roles, relatives, and honorifics that work as a role ("Mr. Ivanov"). */
const ROLES = new Set([...PERSON_ROLES, ...CAPITALISED_ROLES, ...RELATIVES, ...PERSON_HONORIFICS]);
/** What a wire story's sign-off and a photo's credit start with ("Reporting by …; Editing by …"). */
const SIGN_OFFS = ['Reporting by', 'Additional reporting by', 'additional reporting by', 'Writing by', 'Editing by', 'editing by', 'Photo by', 'Photographs by', 'Illustrations by'];
const VERBS = new Set(SPEECH_VERBS);
/** Speech verbs whose subject a name after them is: not "told", whose object is the listener, most often an outlet ("told Ukrainska Pravda"). */
const VERBS_BEFORE_SPEAKER = new Set([...SPEECH_VERBS.filter((v) => v !== 'told' && v !== 'tells'), 'quoted']);
const SELF_CUES = new Set(['I’m', "I'm", 'I am', 'name is', 'Author:', 'author:', 'By', 'By:', 'Written by', 'written by', 'Interview by', 'Interviewed by', 'Reviewed by', 'Compiled by', 'Translated by', 'translated by', 'Submitted by', 'Text by', ...SIGN_OFFS, 'Photo:', 'photo by']);

/** Words that go on a title after a role's word ("a former deputy defence minister", "the chief foreign policy adviser"): the role is not yet the last. */
const TITLE_HEADS = ['defence', 'defense', 'foreign', 'finance', 'interior', 'prime', 'economy', 'energy', 'trade', 'justice', 'health', 'transport', 'minister', 'premier', 'governor', 'mayor'];

// Patterns tried right after a name (sticky: anchored at lastIndex).
const AFTER_APPOSITIVE = new RegExp(
  `,[ \\u00a0]+(?:\\d{2,3},[ \\u00a0]+)?(?!(?:${alt(SPEECH_VERBS)}|and|or|but|while)[ \\u00a0])(?:(?:a|an|the)[ \\u00a0]+)?((?:[${UPPER}][${WORD_CHARS}’'-]*[ \\u00a0]+(?:and[ \\u00a0]+)?){0,4}?(?:[${WORD_CHARS}’'-]+[ \\u00a0]+){0,4}?)(${alt([...PERSON_ROLES, ...RELATIVES, ...LEADER_TITLES])})(?![${WORD_CHARS}]|[’']s(?![${WORD_CHARS}]))(?![ \\u00a0]+[${UPPER}])(?![ \\u00a0]+(?:${alt(TITLE_HEADS)})(?![${WORD_CHARS}]))`,
  'y',
);
const AFTER_IS_A = new RegExp(`[ \\u00a0]+(?:is|was)[ \\u00a0]+(?:a|an|the)[ \\u00a0]+(?:[${WORD_CHARS}’'-]+[ \\u00a0]+){0,3}?(?:${alt(PERSON_ROLES)})(?![${WORD_CHARS}])`, 'y');
const AFTER_SPEECH = new RegExp(`[ \\u00a0]+(?:also[ \\u00a0]+)?(?:${alt(SPEECH_VERBS)})(?![${WORD_CHARS}])`, 'y');
/** After an affiliation, as a speech verb does, an auxiliary says the name is someone's ("Yan Xuetong of Tsinghua University has been more cautious"). */
const AUXILIARIES = ['has', 'had', 'is', 'was', 'will', 'would'];
/** "Nargis Kassenova of Harvard University argues": an affiliation, then a speech verb or an auxiliary (a comma between when the affiliation closes an appositive). */
const AFTER_AFFILIATION = new RegExp(`[ \\u00a0]+of[ \\u00a0]+(?:the[ \\u00a0]+)?[${UPPER}][${WORD_CHARS}’'-]*(?:[ \\u00a0]+(?:[${UPPER}][${WORD_CHARS}’'-]*|to|for|of|and|on|the)){0,6},?[ \\u00a0]+(?:also[ \\u00a0]+)?(?:${alt([...SPEECH_VERBS, ...AUXILIARIES])})(?![${WORD_CHARS}])`, 'y');
/** "Aigerim Tleuzhan, who heads a legal aid group in Almaty, said": a clause of "who", then a speech verb. */
const AFTER_WHO = new RegExp(`,[ \\u00a0]+who[ \\u00a0]+[^,.;:!?"“”\\n]{1,160},[ \\u00a0]+(?:also[ \\u00a0]+)?(?:${alt(SPEECH_VERBS)})(?![${WORD_CHARS}])`, 'y');
const AFTER_CREDIT = /[ \t]+\|/y;
/** "Igor Smirnov — a retired engineer who …": a role's appositive between dashes. */
const AFTER_DASHED_ROLE = new RegExp(`[ \\u00a0]*[—–][ \\u00a0]*(?:a|an|the)[ \\u00a0]+(?:[${WORD_CHARS}’'-]+[ \\u00a0]+){0,3}?(?:${alt(PERSON_ROLES)})(?![${WORD_CHARS}])`, 'y');
/** A work's year after its author's name, as scholars cite it: "Umarov (2022) notes", "Reeves (2014, 12)". */
const AFTER_CITATION = new RegExp(`(?:[’']s)?${CITED_YEAR}`, 'y');
/** An age as an appositive, as news gives a person's: "Bakhodir Toshmatov, 58, leases …", "said Dilnoza, 34." */
const AFTER_AGE = /,[ \u00a0]+(?:(?:now|aged)[ \u00a0]+)?(?:1[6-9]|[2-9][0-9]|10[0-9])(?=[,.;)](?![0-9]))/y;
/**
 * Speech verbs of one word, looked up after a lone word before any pattern is tried (not
 * the first words of longer ones: "is" of "is quoted as saying" follows too many words).
 */
const SPEECH_WORDS = new SpanSet(SPEECH_VERBS.filter((v) => !v.includes(' ')));
const LONGEST_SPEECH_WORD = Math.max(...SPEECH_WORDS.words.map((w) => w.length));
/** The pairs of letters a speech verb of SPEECH_WORDS starts with ("sa", "to", "ad" …), by (first − 'a') × 26 + (second − 'a'). */
const SPEECH_OPENINGS = new Uint8Array(26 * 26);
for (const w of SPEECH_WORDS.words) SPEECH_OPENINGS[(w.charCodeAt(0) - 0x61) * 26 + (w.charCodeAt(1) - 0x61)] = 1;

/** Whether a blank and a speech verb of one word follow `end`. */
function speechWordAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x20) return false;
  const first = text.charCodeAt(end + 1) - 0x61;
  const second = text.charCodeAt(end + 2) - 0x61;
  if (first < 0 || first > 25 || second < 0 || second > 25 || SPEECH_OPENINGS[first * 26 + second] === 0) return false;
  let k = end + 1;
  while (k - end <= LONGEST_SPEECH_WORD && text.charCodeAt(k) >= 0x61 && text.charCodeAt(k) <= 0x7a) k++;
  return k > end + 1 && SPEECH_WORDS.has(text, end + 1, k);
}

/** Whether a speech verb follows a lone word ending at `end`, or one whose subject it is, text[wordStart, wordEnd), comes right before it. */
function speaksAlone(text: string, end: number, wordStart: number, wordEnd: number): boolean {
  return matchesAt(AFTER_SPEECH, text, end) || (wordStart < wordEnd && VERBS_BEFORE_SPEAKER.has(text.slice(wordStart, wordEnd)));
}

/** An age as an appositive and a speech verb after it: "Gulnora, 19, said". */
const AFTER_AGE_SPEECH = new RegExp(`${AFTER_AGE.source},[ \\u00a0]+(?:also[ \\u00a0]+)?(?:${alt(SPEECH_VERBS)})(?![${WORD_CHARS}])`, 'y');
/** "Karim Masimov, 58, who twice served as prime minister": a clause of "who" naming an office held (a leader's title not a spokesman's or an envoy's). */
const AFTER_WHO_HELD = new RegExp(
  `,[ \\u00a0]+(?:\\d{2},[ \\u00a0]+)?who[ \\u00a0]+(?:(?:twice|once|previously|briefly|later|also|formerly)[ \\u00a0]+)?(?:served|was|has[ \\u00a0]+been|had[ \\u00a0]+been)[ \\u00a0]+(?:as[ \\u00a0]+)?(?:the[ \\u00a0]+)?(?:(?:country|nation)’?'?s[ \\u00a0]+)?(?:${alt(LEADER_TITLES.filter((t) => !NON_LEADER_TITLES.has(t) && /^[a-z]/.test(t) && t !== 'leader' && t !== 'lawmaker'))})(?![${WORD_CHARS}])`,
  'y',
);

const NOT_NAME_SPANS = new SpanSet(NOT_NAME_WORDS);

/** The last two words of cue phrases, to tell cheaply that the words before a name end none. */
class CueEndings {
  private readonly alone: SpanSet;
  private readonly last: SpanSet;
  private readonly secondLast: SpanSet;
  readonly longestWord: number;

  constructor(phrases: Iterable<string>) {
    const split = [...phrases].map((p) => p.split(' '));
    this.alone = new SpanSet(split.filter((w) => w.length === 1).map((w) => w[0]!));
    this.last = new SpanSet(split.filter((w) => w.length > 1).map((w) => w.at(-1)!));
    this.secondLast = new SpanSet(split.filter((w) => w.length > 1).map((w) => w.at(-2)!));
    this.longestWord = Math.max(...split.flat().map((w) => w.length));
  }

  /** False when no phrase can end with the word text[start, end) and the words before it. */
  mayEndAt(text: string, start: number, end: number): boolean {
    if (this.alone.has(text, start, end)) return true;
    if (!this.last.has(text, start, end)) return false;
    const prevEnd = wordEndBefore(text, start);
    const prevStart = wordStartBefore(text, prevEnd, this.longestWord);
    return prevStart < prevEnd && this.secondLast.has(text, prevStart, prevEnd);
  }
}

/** Cues before a lone word (a title or a role) and before a longer name (any). */
const CUES_BEFORE_WORD = new CueEndings([...TITLES, ...ROLES, 'named']);
const CUES_BEFORE_NAME = new CueEndings([...TITLES, ...ROLES, ...VERBS, ...SELF_CUES, 'according to', 'According to', 'named', 'quoted']);
/** The word that starts every AFTER_IS_A, AFTER_SPEECH, AFTER_AFFILIATION match once the spaces are skipped. */
const AFTER_FIRST_WORDS = new SpanSet(['is', 'was', 'also', 'of', ...SPEECH_VERBS.map((v) => v.split(' ')[0]!)]);
const LONGEST_CUE_WORD = Math.max(CUES_BEFORE_NAME.longestWord, ...AFTER_FIRST_WORDS.words.map((w) => w.length));

export interface FoundPerson {
  /** The fullest form of the name seen in the document. */
  name: string;
  type: 'leader' | 'person';
  country?: string;
  /** Another of the family was named in full before: the family name alone is not this one's. */
  notByFamilyName?: true;
  /** The text calls them by their given name alone, which no list of common ones holds (see peopleOf). */
  byGivenName?: true;
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
  const runs = scanRuns(text, 0, text.length);
  const forms = PersonForms.of(peopleOf(cuesIn(text, runs, occupied)).values());
  return forms.isEmpty ? [] : mentionsIn(forms, text, runs, occupied);
}

/**
 * What a cue (a title, a role, a speech verb, a byline) says of the name words it
 * stands by: that `name` is a person — a leader when `type` says so, of `country` when
 * the title names one. Read in order, the cues of a text make its people (see peopleOf).
 */
export interface PersonCue {
  /** Where the name starts. */
  start: number;
  name: string;
  type: 'leader' | 'person';
  country?: string;
  /**
   * The name is a speaker's label ("Mao Ning: China firmly opposes …"): a person only
   * where the text labels them twice, as a transcript does, or another cue names them.
   */
  label?: true;
  /**
   * A full name with no cue, its last word shaped as the region's family names are
   * ("Anvar Yusupov has spent …") or its first one of the region's common given names
   * ("Alexander Cooley"): no one by itself, it gives someone another cue finds
   * by the family name alone ("“…,” Yusupov said") their full name.
   */
  form?: true;
  /**
   * A lone word of no family name's shape before or after a speech verb ("“…,” Kerim
   * says", "said Seitkali"), which may be a body's ("Kazatomprom said"): a person only
   * where a full name (a form) gives it as its family name.
   */
  weak?: true;
}

/** The cues in the runs given, in text order (offsets as the runs', plus `base`). */
export function cuesIn(text: string, runs: Runs, occupied: Occupancy, base = 0): PersonCue[] {
  const cues: PersonCue[] = [];
  const { first: firstOfRun, start, end } = runs;
  const taken = occupied.ascending();
  const consider = (from: number, to: number) => {
    const cue = considerSegment(text, wordsOf(text, runs, from, to), occupied);
    if (cue) {
      cue.start += base;
      cues.push(cue);
    }
  };
  for (let r = 0; r < runs.count; r++) {
    const runStart = firstOfRun[r]!;
    const runEnd = firstOfRun[r + 1]!;
    if (runEnd - runStart === 1) {
      // Most runs are one word: the cheaper and rarer test first.
      if (mayHaveCue(text, start[runStart]!, end[runStart]!, 1) && isNameWord(text, runs, runStart, taken)) consider(runStart, runEnd);
      continue;
    }
    // Segments: maximal stretches of name words (no stop words, titles or KB names) with
    // particles only inside. Most have no cue and end here.
    let first = -1;
    let last = -1;
    let tokens = 0;
    for (let w = runStart; w <= runEnd; w++) {
      if (w < runEnd) {
        if (runs.isParticle(w)) {
          // Kept inside a segment, dropped at its end — but a patronymic ending, which ends a name ("Tazhibek kyzy").
          if (first >= 0 && w === runEnd - 1 && PATRONYMICS.has(text.slice(start[w], end[w]))) last = w;
          continue;
        }
        if (isNameWord(text, runs, w, taken)) {
          if (first < 0) first = w;
          last = w;
          tokens++;
          continue;
        }
      }
      if (first >= 0 && mayHaveCue(text, start[first]!, end[last]!, tokens)) consider(first, last + 1);
      first = -1;
      last = -1;
      tokens = 0;
    }
  }
  return cues;
}

/**
 * Whether "leader" or "chairman" names the head of what holds no office: a party, a
 * movement, a protest ("Opposition party leader …", "…, the leader of the unregistered
 * Democratic Party,", "…, chairman of the opposition United National Movement," —
 * not "of the ruling party", nor of a party's faction in parliament). `before` are the
 * words before the title, `after` where the text after it starts, when it is read.
 */
function leadsNoOffice(title: string, before: readonly Word[], text: string, after?: number): boolean {
  if (!PARTY_HEADS.has(title)) return false;
  if (before.slice(-2).some((w) => NO_OFFICE_LEADS.has(w.text.toLowerCase()))) return true;
  if (after === undefined) return false;
  NO_OFFICE_COMPLEMENT.lastIndex = after;
  const of = NO_OFFICE_COMPLEMENT.exec(text);
  if (of === null) return false;
  // The clause on, to its comma: "of the Amanat party's parliamentary faction".
  const clause = /^[^,.;:\n]{0,80}/.exec(text.slice(after, after + 80))![0];
  return !/\b(?:ruling|parliamentary|faction|governing)\b/.test(clause);
}

const CHAIRS = new Set(['chairman', 'Chairman', 'chairwoman', 'Chairwoman', 'deputy chairman', 'Deputy Chairman', 'vice chairman', 'Vice Chairman']);
/** Titles a company's officers share with offices of state ("China Railway's vice president"): no office after an organisation's name. */
const COMPANY_OFFICES = new Set([...CHAIRS, 'president', 'vice president', 'Vice President', 'Vice-President']);

/**
 * Whether a chair's or a president's title at [titleAt, after) is a company's or a body's
 * that holds no office of state: an organisation's name right before it (", a Gazprom
 * deputy chairman,", "China Railway's vice president"), or such a body's noun ("football
 * federation president"); or, when `after` is given, such a body after it (", chairman of
 * the board of Orienbank,", ", president of the Association for Human Rights …,", ", vice
 * president of China Road and Bridge Corporation,").
 */
function officeOfABody(title: string, text: string, titleAt: number, after: number | undefined, occupied: Occupancy): boolean {
  if (!COMPANY_OFFICES.has(title)) return false;
  if (occupied.orgEndingRightBefore(text, titleAt)) return true;
  let wordEnd = wordEndBefore(text, titleAt);
  // Past "vice", "deputy" … ("Korea Zinc's vice chairman").
  for (let k = 0; k < 2 && TITLE_MODIFIERS.has(text.slice(wordStartBefore(text, wordEnd, 9), wordEnd)); k++) wordEnd = wordEndBefore(text, wordStartBefore(text, wordEnd, 9));
  // A possessive: "The company's deputy chairman", "Korea Zinc's vice chairman" (a name the knowledge base does not know: no state's).
  const possessive = wordEnd >= 2 && text.charCodeAt(wordEnd - 1) === 0x73 && (text.charCodeAt(wordEnd - 2) === 0x2019 || text.charCodeAt(wordEnd - 2) === 0x27);
  if (possessive) {
    // "Huawei's regional president": a company the knowledge base knows.
    if (occupied.orgEndingRightBefore(text, wordEnd + 1)) return true;
    wordEnd -= 2;
  }
  const word = text.slice(wordStartBefore(text, wordEnd, 12), wordEnd);
  if (BODIES_BEFORE_OFFICE.has(word)) return true;
  if (possessive && /^\p{Lu}/u.test(word) && !occupied.overlaps(wordEnd - word.length, wordEnd)) return true;
  return after !== undefined && BODY_AFTER_OFFICE.test(text.slice(after, after + 100));
}

const TITLE_MODIFIERS = new Set(['vice', 'Vice', 'deputy', 'Deputy', 'first', 'First', 'executive', 'Executive', 'regional', 'Regional', 'global', 'Global', 'senior', 'Senior']);

/** Bodies whose heads hold no office of state, named before the title ("football federation president") … */
const BODIES_BEFORE_OFFICE = new Set(['federation', 'association', 'club', 'company', 'bank', 'league', 'university', 'union', 'firm', 'fund', 'board']);
/** … or after it, "of" (the) and up to five words between: not "of the Russian Federation", a state. */
const BODY_AFTER_OFFICE = /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?:[\p{L}’'-]+[ \u00a0]+){0,5}?(?:board|[\p{L}-]*[Bb]ank|[Cc]ompany|[Cc]orporation|[Cc]oncern|[Ee]nterprise|[Aa]ssociation|[Cc]lub|[Ff]oundation|[Ff]und|[Gg]roup|[Hh]olding|[Ff]irm|[Uu]niversity|[Ii]nstitute|[Cc]ent(?:er|re)|[Ss]ociety|[Ee]xchange|[Cc]onsortium|[Ll]eague)(?![\p{L}])/u;

/** Titles a party's or a movement's head goes by. */
const PARTY_HEADS = new Set(['leader', 'Leader', ...CHAIRS]);
const NO_OFFICE_LEADS = new Set(['opposition', 'party', 'movement', 'protest', 'rebel', 'separatist', 'militant', 'religious', 'spiritual', 'community', 'student', 'union', 'exiled']);
const NO_OFFICE_COMPLEMENT = new RegExp(`[ \\u00a0]+of[ \\u00a0]+(?:the[ \\u00a0]+|an?[ \\u00a0]+)?(?:[${WORD_CHARS}’'-]+[ \\u00a0]+){0,5}?(?:[Pp]arty|[Mm]ovement|protests?|[Oo]pposition|rebels|union)(?![${WORD_CHARS}])`, 'y');

/** The honorifics among the roles: they say a person follows and nothing more. */
const HONORIFIC_ROLES = new Set(PERSON_HONORIFICS);

/**
 * What an appositive after the name at `end` says of it (", a former deputy leader of
 * …,", ", the acting minister for refugees,"): a leader for a title of office, a person for
 * a role, a relative, or a title that is no office; undefined when none follows.
 */
function appositiveCue(text: string, end: number, occupied: Occupancy): 'leader' | 'person' | undefined {
  AFTER_APPOSITIVE.lastIndex = end;
  const appositive = AFTER_APPOSITIVE.exec(text);
  if (!appositive) return undefined;
  const title = appositive[2]!;
  const at = AFTER_APPOSITIVE.lastIndex;
  // "Sergei Melikov, the head of Dagestan,", "…, the head of the Sergokala district,": a region's head holds office.
  if (title === 'head' && headOfRegion(text, at, occupied)) return 'leader';
  return TITLES.has(title) && !NON_LEADER_TITLES.has(title) && !leadsNoOffice(title, appositiveWords(appositive[1]!), text, at) && !officeOfABody(title, text, at - title.length, at, occupied) ? 'leader' : 'person';
}

/** Whether "of", perhaps "the", and a place the knowledge base knows follow `at` ("Head of the Republic of Buryatia …"). */
function headsAPlace(text: string, at: number, occupied: Occupancy): boolean {
  const m = OF_THE_AT.exec(text.slice(at, at + 12));
  return m !== null && occupied.placeAt(at + m[0].length);
}

const OF_THE_AT = /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?/;

/** Whether "of" and a place or a region's name follow `at` ("of Dagestan", "of the Sergokala district"). */
function headOfRegion(text: string, at: number, occupied: Occupancy): boolean {
  // Or of its administration, or the president's: "the head of the Zaporizhzhia regional military administration", "the head of the presidential office".
  if (HEAD_OF_ADMINISTRATION.test(text.slice(at, at + 80))) return true;
  const m = HEAD_OF_REGION.exec(text.slice(at, at + 80));
  return m !== null && (m[2] !== undefined || occupied.placeAt(at + m[1]!.length));
}

/** (The region's name ends the appositive, or a body of its follows its possessive: not "head of the Sahel programme".) */
const HEAD_OF_REGION = /^([ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?)\p{Lu}[\p{L}’'-]*?(?:[ \u00a0]+\p{Lu}[\p{L}’'-]*?){0,2}(?:[ \u00a0]+(district|region|republic|oblast|province|municipality))?(?=[ \u00a0]*(?:[,.;:)\n]|$)|[’']s[ \u00a0]+\p{Lu})/u;

const HEAD_OF_ADMINISTRATION = /^[ \u00a0]+of[ \u00a0]+the[ \u00a0]+(?:\p{Lu}[\p{L}’'-]*[ \u00a0]+)?(?:regional|oblast|city|district|provincial|presidential)[ \u00a0]+(?:military[ \u00a0]+|state[ \u00a0]+)?(?:administration|office)(?![\p{L}])/u;

/**
 * Past the name's spelling in its own script in brackets right after it, if one is
 * there ("Lin Chia-lung (林佳龍)", "Maria Zakharova (Russian: Мария Захарова)"): up to
 * 40 code points on the line, a letter of another script among them.
 */
function pastNativeSpelling(text: string, end: number): number {
  let i = end;
  const next = text.charCodeAt(i);
  if (next === 0x20 || next === 0xa0) i++;
  else if (next !== 0x28 && next !== 0xff08) return end;
  const open = text.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) return end;
  let other = false;
  for (let j = i + 1; j < text.length && j <= i + 41; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x29 || c === 0xff09) return other ? j + 1 : end;
    if (c === 0x0a || c === 0x28) return end;
    if (c >= 0x370) other = true;
  }
  return end;
}

/** Whether two lists of cues say the same, wherever they are. */
export function sameCues(a: readonly PersonCue[], b: readonly PersonCue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.name !== b[i]!.name || a[i]!.type !== b[i]!.type || a[i]!.country !== b[i]!.country || a[i]!.label !== b[i]!.label || a[i]!.form !== b[i]!.form || a[i]!.weak !== b[i]!.weak) return false;
  return true;
}

/**
 * The people cues make, read in order, keyed by the name as first seen: a later cue for
 * someone already found may make them a leader or give a fuller name.
 */
export function peopleOf(cues: Iterable<PersonCue>): Map<string, FoundPerson> {
  const people = new CuedPeople();
  const labelled = new Map<string, number>();
  const forms: PersonCue[] = [];
  // Per family name's key, the last full name of that family seen so far with no cue of its own; per given name, likewise.
  const lastForm = new Map<string, string>();
  const lastFormByGiven = new Map<string, string>();
  // Per family name's key, the first full name of that family, with a cue or not.
  const firstOfFamily = new Map<string, string>();
  const weak: PersonCue[] = [];
  for (const cue of cues) {
    if (wordCount(cue.name) > 1 && !firstOfFamily.has(familyKey(cue.name))) firstOfFamily.set(familyKey(cue.name), cue.name);
    if (cue.weak) {
      weak.push(cue);
      continue;
    }
    if (cue.form) {
      forms.push(cue);
      lastForm.set(familyKey(cue.name), cue.name);
      if (!isFamilyFirst(cue.name)) lastFormByGiven.set(firstWord(cue.name), cue.name);
      continue;
    }
    const existing = people.find(cue.name);
    if (existing) {
      if (cue.type === 'leader') existing.type = 'leader';
      if (cue.name.length > existing.name.length) people.rename(existing, cue.name);
      continue;
    }
    // A family name alone after the full name it stands for: that person, whom a relative
    // named in full later is not ("Bibigul Zhaksybekova was eleven … Zhaksybekova, now
    // 86, … Dana Zhaksybekova, her granddaughter,").
    // So is a common given name alone ("Almaz Toktogulov was eleven … “…,” Almaz said").
    const fuller = wordCount(cue.name) === 1 ? (lastForm.get(familyKey(cue.name)) ?? (isGivenNameAlone(cue.name) ? lastFormByGiven.get(cue.name) : undefined)) : undefined;
    if (fuller !== undefined && !cue.label) {
      const p: FoundPerson = { name: fuller, type: cue.type };
      if (cue.country) p.country = cue.country;
      people.add(fuller, p);
      continue;
    }
    if (cue.label) {
      // A heading's "Key Takeaways:" once is no one; a transcript labels its speakers again and again.
      const times = (labelled.get(cue.name) ?? 0) + 1;
      labelled.set(cue.name, times);
      if (times < 2) continue;
    }
    const p: FoundPerson = { name: cue.name, type: cue.type };
    if (cue.country) p.country = cue.country;
    people.add(cue.name, p);
  }
  for (const form of forms) {
    const known = people.find(form.name);
    if (known && wordCount(known.name) === 1) people.rename(known, form.name);
  }
  // A weak cue names the person of a full name with that family name, before it or after it ("Abdullah Kerim … “…,” Kerim says").
  for (const cue of weak) {
    const key = familyKey(cue.name);
    const full = lastForm.get(key);
    if (full === undefined || people.find(cue.name) || people.find(full)) continue;
    people.add(full, { name: full, type: 'person' });
  }
  // A weak cue of a word that is the given name of one person named in full is that person, whom
  // the text calls so: a feature's given names are not all common ones ("Nurlan’s father, Temirbek
  // Toktogulov, 48, … “…,” Temirbek said").
  let byFirstWord: Map<string, FoundPerson | null> | undefined;
  for (const cue of weak) {
    if (people.find(cue.name)) continue;
    byFirstWord ??= onePerGivenName(new Set(people.byName.values()), (p) => (p.type === 'person' && wordCount(p.name) > 1 && !isFamilyFirst(p.name) ? transliterationKey(firstWord(p.name)) : undefined));
    const p = byFirstWord.get(transliterationKey(cue.name));
    if (p) p.byGivenName = true;
  }
  // A common given name alone, found by a cue of its own ("“…,” Marat says"), is the one person named so in full.
  const byGiven = onePerGivenName(people.byName.values(), (p) => (wordCount(p.name) > 1 && !isFamilyFirst(p.name) ? firstWord(p.name) : undefined));
  for (const p of [...people.byName.values()]) {
    const full = wordCount(p.name) === 1 && isGivenNameAlone(p.name) ? byGiven.get(p.name) : undefined;
    if (full === undefined) continue;
    // (Two named so: neither, nor someone else.)
    if (full && p.type === 'leader') full.type = 'leader';
    people.remove(p);
  }
  // A family name alone is the first of the family named in full ("Gennady Voronin … The
  // elder of Voronin's two sons, Pavel Voronin, … Voronin is sixty-three"), if anyone's.
  for (const p of people.byName.values()) {
    const first = wordCount(p.name) > 1 ? firstOfFamily.get(familyKey(p.name)) : undefined;
    if (first !== undefined && transliterationKey(givenWord(first)) !== transliterationKey(givenWord(p.name))) p.notByFamilyName = true;
  }
  return people.byName;
}

/** Not a stop word, title or KB name. */
function isNameWord(text: string, runs: Runs, w: number, taken: AscendingOccupancy): boolean {
  const end = runs.end[w]!;
  return runs.isNameShaped(text, w) && !NOT_NAME_SPANS.has(text, runs.start[w]!, end) && !taken.overlaps(runs.start[w]!, end) && !isAgeWord(text, end);
}

/** Whether the word ending at `end` gives an age ("Sixteen-year-old Dastan Satpayev"): no name's. */
function isAgeWord(text: string, end: number): boolean {
  return text.charCodeAt(end - 1) === 0x64 && text.startsWith('-year-old', end - 9);
}

function wordsOf(text: string, runs: Runs, from: number, to: number): Word[] {
  const out: Word[] = [];
  for (let w = from; w < to; w++) out.push({ start: runs.start[w]!, end: runs.end[w]!, text: text.slice(runs.start[w], runs.end[w]) });
  return out;
}

/**
 * False when `considerSegment` would surely find no cue for the segment [start, end):
 * the word before ends no cue, and nothing after can start one (for one token, only
 * commas around it may make it an appositive).
 */
function mayHaveCue(text: string, start: number, nameEnd: number, tokens: number): boolean {
  const end = pastNativeSpelling(text, nameEnd);
  const cues = tokens < 2 ? CUES_BEFORE_WORD : CUES_BEFORE_NAME;
  const wordEnd = wordEndBefore(text, start);
  const wordStart = wordStartBefore(text, wordEnd, LONGEST_CUE_WORD);
  if (wordStart < wordEnd && (cues.mayEndAt(text, wordStart, wordEnd) || isAgeWord(text, wordEnd))) return true;
  // "who introduced herself as Aizhan".
  if (tokens < 2 && wordEnd - wordStart === 2 && text.startsWith('as', wordStart) && NAMED_AS.test(text.slice(Math.max(0, start - 40), start))) return true;
  if (tokens < 2 && callSignBefore(text, start)) return true;
  // "The driver’s name was Nurbek".
  if (wordEnd - wordStart <= 3 && text.charCodeAt(wordEnd - 1) === 0x73 && nameWasBefore(text, start, wordStart, wordEnd)) return true;
  // "as Umarov (2022) notes": an author cited.
  if ((text.charCodeAt(end + 1) === 0x28 || text.charCodeAt(end + 3) === 0x28) && matchesAt(AFTER_CITATION, text, end)) return true;
  // "his wife, Jamila, told", "said Gulnara, a teacher": a lone word as an appositive, or with one.
  if (tokens < 2 && familyNameSpeaks(text, start, nameEnd, wordStart, wordEnd)) return true;
  // "“…,” Kerim says", "said Seitkali": a weak cue (PersonCue.weak).
  if (tokens < 2 && (speechWordAfter(text, end) || (wordStart < wordEnd && SPEECH_WORDS.has(text, wordStart, wordEnd)))) return true;
  if (tokens < 2) return (text.charCodeAt(end) === 0x2c && (commaBefore(text, start) >= 0 || familyShaped(text, nameEnd, start) || (wordStart < wordEnd && CUES_BEFORE_NAME.mayEndAt(text, wordStart, wordEnd)) || matchesAt(AFTER_WHO_HELD, text, end) || matchesAt(AFTER_AGE_SPEECH, text, end) || agedWithRole(text, end) || roleAppositiveThenSpeech(text, end) || ((matchesAt(AFTER_WHO_CLAUSE, text, end) || roleAppositiveAfter(text, end)) && isCommonGivenNameAt(text, start, nameEnd)))) || (endsAppositive(text, end) && commaBefore(text, start) >= 0);
  if (familyShaped(text, nameEnd) || startsWithGivenName(text, start, nameEnd) || (tokens === 2 && isFamilyFirst(text.slice(start, nameEnd)))) return true; // a fuller form (see PersonCue.form)
  // "Minister of Energy …", "Ambassador to Kazakhstan …" before a full name: a capitalised word, "of", "for" or "to" up to three words before it.
  if (wordStart < wordEnd && mayCompleteTitle(text, wordStart, wordEnd) && linkBefore(text, wordStart)) return true;
  if (nextInList(text, start, wordStart, wordEnd) && inSignOff(text, start)) return true;
  if (((wordStart < wordEnd && LIST_STARTS.has(text.slice(wordStart, wordEnd))) || nextInList(text, start, wordStart, wordEnd)) && listedAfterPlural(text, start)) return true;
  const c = text.charCodeAt(end);
  if (c === 0x2c) return true; // AFTER_APPOSITIVE
  if ((c === 0x0a || c === 0x0d || end === text.length) && wordEnd - wordStart === 1 && isDash(text.charCodeAt(wordStart))) return true; // signatureAt
  if (c === 0x3a) return isLabel(text, start, end);
  if (endsAppositive(text, end) && commaBefore(text, start) >= 0) return true; // "said the expert, Anna Petrova."
  if (!isLineSpace(c)) return false;
  let j = end + 1;
  while (j < text.length && isLineSpace(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 0x7c || text.charCodeAt(j) === 0x2014 || text.charCodeAt(j) === 0x2013) return true; // AFTER_CREDIT, AFTER_DASHED_ROLE
  let k = j;
  while (k - j <= LONGEST_CUE_WORD && text.charCodeAt(k) >= 0x61 && text.charCodeAt(k) <= 0x7a) k++;
  return k > j && AFTER_FIRST_WORDS.has(text, j, k);
}

const isLineSpace = (c: number) => c === 0x20 || c === 0xa0 || c === 0x09;

/** Words that complete a title after "of", "for" or "to": portfolios and bodies ("Minister of Energy", "Head of the Presidential Administration"). */
const PORTFOLIOS = new Set([
  ...PORTFOLIO_WORDS, 'Foreign', 'Defence', 'Defense', 'Interior', 'Finance', 'National', 'Internal', 'Economic', 'Security', 'State',
  'Presidential', 'Administration', 'Cabinet', 'Ministers', 'Secretariat', 'Chancellery', 'Council', 'Committee', 'Office', 'Service',
  // A governor's region ("Governor of the Belgorod Region …", "the governor of the Bryansk region, …,").
  'Region', 'Oblast', 'Province', 'Territory', 'Krai', 'region', 'oblast', 'province', 'district', 'republic', 'territory', 'krai',
]);

/** Whether a word may end what completes a title: a portfolio or a body (in lower case too: "minister of culture and tourism"), or a name the knowledge base knows. */
function completesTitle(w: Word, occupied: Occupancy): boolean {
  return PORTFOLIOS.has(w.text) || PORTFOLIOS.has(w.text.charAt(0).toUpperCase() + w.text.slice(1)) || occupied.overlaps(w.start, w.end);
}

const LONGEST_COMPLEMENT_WORD = Math.max(...[...PORTFOLIOS].map((w) => w.length));

/** Whether the word text[start, end) may end what completes a title: capitalised, a letter last ("Energy", "Kazakhstan"; not "Asia."). */
function mayCompleteTitle(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1) | 0x20;
  return first >= 0x41 && first <= 0x5a && last >= 0x61 && last <= 0x7a;
}

/** Whether "of ", "for " or "to " ends right before the word at `at`, or one or two words ahead of it ("of the Presidential Administration"). */
function linkBefore(text: string, at: number): boolean {
  for (let words = 0; words < 3; words++) {
    const end = wordEndBefore(text, at);
    if (end === at) return false;
    const start = wordStartBefore(text, end, LONGEST_COMPLEMENT_WORD);
    const n = end - start;
    if ((n === 2 && (text.startsWith('of', start) || text.startsWith('to', start))) || (n === 3 && text.startsWith('for', start))) return true;
    at = start;
  }
  return false;
}

/** Where the last word before `at` on its line ends, as wordsBefore reads words. */
function wordEndBefore(text: string, at: number): number {
  while (at > 0 && isLineSpace(text.charCodeAt(at - 1))) at--;
  return at;
}

/**
 * Where the word ending at `end` starts (`end` when there is none). A word longer than
 * `longest` is not read to its start: all that counts is that it is longer.
 */
function wordStartBefore(text: string, end: number, longest: number): number {
  let i = end;
  while (i > 0 && end - i <= longest && !isWordBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The cue for the segment of name words `seg`, if any. */
function considerSegment(text: string, seg: Word[], occupied: Occupancy): PersonCue | undefined {
  const start = seg[0]!.start;
  const nameEnd = seg.at(-1)!.end;
  // What follows the name is read past its own script's spelling: "Chang Wen-hsuan (張文軒), a political scientist".
  const end = pastNativeSpelling(text, nameEnd);
  const before = wordsBefore(text, start, 3);
  const tokens = seg.filter((w) => !PARTICLES.has(w.text)).length;
  // The rest of a body's name ("the Agency for Financial Monitoring said"), or a thing's that is called so ("a group called Taza Suu").
  if (before.length >= 2 && ((BODY_LINKS.has(before.at(-1)!.text) && BODY_HEADS.has(before.at(-2)!.text)) || (before.at(-1)!.text === 'called' && CALLED_THINGS.has(before.at(-2)!.text)))) return undefined;

  let cue: 'leader' | 'person' | undefined;
  let single = false;
  let titleStart: number | undefined;
  let complemented: { phrase: string; start: number } | undefined;
  let label = false;
  let role: { phrase: string; count: number } | undefined;
  let listed: 'leader' | 'person' | undefined;
  const title = suffixIn(before, TITLES);
  if (title) {
    const opposition = before.length > title.count && before[before.length - title.count - 1]!.text.toLowerCase() === 'opposition';
    const titleAt = before[before.length - title.count]!.start;
    // "CNPC chairman Dai Houliang", "Lukoil president …": a company's or a body's chairman holds no political office.
    const orgsChair = officeOfABody(title.phrase, text, titleAt, undefined, occupied);
    // "the press secretary of the President Sherzod Asadov": the title completes a role, and the name is the role's.
    const rolesComplement = roleBeforeOf(text, titleAt);
    cue = NON_LEADER_TITLES.has(title.phrase) || opposition || orgsChair || rolesComplement || leadsNoOffice(title.phrase, before.slice(0, before.length - title.count), text) ? 'person' : 'leader';
    // "President Tokayev" names him; "head of state Severe turbulence" names nobody.
    single = /^\p{Lu}/u.test(title.phrase);
    titleStart = titleAt;
  } else if (before.length > 0 && completesTitle(before[before.length - 1]!, occupied) && (complemented = titleWithComplementBefore(text, start, occupied))) {
    // "Minister of Energy Almassadam Satkaliyev", "Ambassador to Kazakhstan Han Chunlin", "Head of the … Administration".
    // (A region's head holds office: "Head of the Republic of Buryatia Alexei Tsydenov".)
    cue = (NON_LEADER_TITLES.has(complemented.phrase) || !TITLES.has(complemented.phrase)) && !(complemented.phrase === 'head' && headsAPlace(text, complemented.start + 4, occupied)) ? 'person' : 'leader';
    single = true;
    titleStart = complemented.start;
  } else if ((role = suffixIn(before, ROLES))) {
    // "Lawyer Barred", a heading, names no one; "official English documents" no one either.
    const roleAt = before[before.length - role.count]!.start;
    if (tokens < 2 && (ADJECTIVE_ROLES.has(role.phrase) || (atLineStart(text, roleAt) && lineEndsAt(text, end)))) return undefined;
    // An honorific says only that a person follows; their appositive may say more ("Mawlawi Abdul Kabir, the acting minister …,").
    cue = (HONORIFIC_ROLES.has(role.phrase) && appositiveCue(text, end, occupied)) || 'person';
    single = true;
  } else if (matchesAt(AFTER_WHO_HELD, text, end)) {
    // A family name alone too: "Masimov, 58, who twice served as prime minister".
    cue = 'leader';
    single = true;
  } else if (before.length > 0 && isAgeWord(text, before.at(-1)!.end) && (isCommonGivenName(seg[0]!.text) || (tokens >= 2 && familyShaped(text, nameEnd)))) {
    // "Sixteen-year-old Dastan Satpayev", "the 34-year-old Nurlan": an age before a name, a common given name or a family
    // name of the region's shapes (not "a 52-year-old Uyghur woman", "the 90-year-old Hope Street").
    cue = 'person';
    single = true;
  } else if (matchesAt(AFTER_CITATION, text, end) && !WORK_WORDS.has(seg.at(-1)!.text) && commaBefore(text, start) < 0) {
    // "as Umarov (2022) notes", "Henry Hale’s (2015) theory": an author cited with a work's year (not the given name of
    // a bibliography's "Petrov, Sergei (2009).").
    cue = 'person';
    single = true;
  } else if (tokens < 2 && before.length > 0 && before.at(-1)!.text === 'as' && NAMED_AS.test(text.slice(Math.max(0, start - 40), start))) {
    // "a young mother who introduced herself as Aizhan", "A pensioner who gave her name only as Raisa".
    cue = 'person';
    single = true;
  } else if (tokens < 2 && callSignBefore(text, start)) {
    // "a commander with the call sign Grom", "who goes by the nom de guerre ‘Tsar’": a soldier's name in the war's reporting.
    cue = 'person';
    single = true;
  } else if (before.length > 0 && nameWasBefore(text, start, before.at(-1)!.start, before.at(-1)!.end)) {
    // "The driver’s name was Nurbek", "a guard, who said his name was Azamat".
    cue = 'person';
    single = true;
  } else if (namedAfterRole(text, before)) {
    // "a 22-year-old student named Nursultan Abdyrakhmanov", "a man named Farrukh".
    cue = 'person';
    single = true;
  } else if (tokens < 2) {
    // Not a place after "of" ("Sen. Jim Risch of Idaho, the committee’s top Republican, said": the appositive is his).
    if (before.length > 0 && LONE_WORD_LINKS.has(before.at(-1)!.text)) return undefined;
    // A lone word needs a title or a role right before it, or to be their appositive ("his wife, Jamila, told"),
    // or a speech verb before it and a role's appositive or an age after it ("said Gulnara, a 45-year-old teacher", "said Dilnoza, 34"),
    // or an age and a speech verb or a role's appositive after it ("Gulnora, 19, said", "Bakhtiyor, 41, a welder from Kulob,"),
    // or, for one of the region's common given names, a role's appositive or a clause of "who" ("Oyuna, a Buryat trader,").
    // Or a family name of the region's shapes with a speech verb before or after it ("“…,” Yusupov said"), or a
    // title of office as its appositive ("Markov, a former member of the State Duma,"); the appositive says which.
    const appositive = appositiveOfRole(text, start, end, occupied) ?? ((suffixIn(before, VERBS) && (roleAppositiveAfter(text, end) || matchesAt(AFTER_AGE, text, end))) || matchesAt(AFTER_AGE_SPEECH, text, end) || agedWithRole(text, end) || roleAppositiveThenSpeech(text, end) || ((matchesAt(AFTER_WHO_CLAUSE, text, end) || roleAppositiveAfter(text, end)) && isCommonGivenNameAt(text, start, nameEnd)) || familyNameSpeaks(text, start, nameEnd, before.at(-1)?.start ?? start, before.at(-1)?.end ?? start) ? { cue: appositiveCue(text, end, occupied) === 'leader' ? ('leader' as const) : ('person' as const) } : undefined) ?? (familyShaped(text, nameEnd, start) && appositiveCue(text, end, occupied) === 'leader' ? { cue: 'leader' as const } : undefined);
    if (!appositive) return speaksAlone(text, end, before.at(-1)?.start ?? start, before.at(-1)?.end ?? start) ? { start, name: text.slice(start, nameEnd), type: 'person', weak: true } : undefined;
    ({ cue, titleStart } = appositive);
    single = true;
  } else if (suffixIn(before, VERBS_BEFORE_SPEAKER) || suffixIn(before, SELF_CUES) || endsWith(before, ['according', 'to']) || endsWith(before, ['According', 'to']) || endsWith(before, ['headed', 'by']) || endsWith(before, ['led', 'by'])) {
    // "The State Committee for National Security, headed by Kamchybek Tashiev, said": its head ("The Democratic Party, led by …" too);
    // a leader when an appositive says so ("said Rustam Aliev, the minister for trade").
    cue = appositiveCue(text, end, occupied) === 'leader' ? 'leader' : 'person';
  } else if (nextInList(text, start, before.at(-1)?.start ?? start, before.at(-1)?.end ?? start) && inSignOff(text, start)) {
    // "Reporting by Mariya Gordeyeva in Astana and Guy Faulconbridge in Moscow": each full name of a wire story's sign-off.
    cue = 'person';
  } else if ((LIST_STARTS.has(before.at(-1)?.text ?? '') || nextInList(text, start, before.at(-1)?.start ?? start, before.at(-1)?.end ?? start)) && (listed = listedAfterPlural(text, start))) {
    // "opposition politicians, including Ilya Yashin and Vladimir Kara-Murza": each full name of a list of people.
    cue = listed;
  } else {
    const appositive = appositiveCue(text, end, occupied);
    if (appositive) cue = appositive;
    // (A title before the name, the name its appositive, still says which: "Uzbekistan’s minister of sport, Adham Ikramov, who attended, spoke".)
    else if (matchesAt(AFTER_IS_A, text, end) || matchesAt(AFTER_SPEECH, text, end) || matchesAt(AFTER_AFFILIATION, text, end) || matchesAt(AFTER_WHO, text, end) || matchesAt(AFTER_AGE, text, end) || matchesAt(AGED_ROLE, text, end) || matchesAt(AFTER_DASHED_ROLE, text, end)) ({ cue, titleStart } = appositiveOfRole(text, start, end, occupied) ?? { cue: 'person' });
    else if (signatureAt(text, before, end)) cue = 'person';
    else if (matchesAt(AFTER_CREDIT, text, end) && atLineStart(text, start)) cue = 'person';
    else if (isLabel(text, start, end) && labelsAName(seg)) label = true;
    else ({ cue, titleStart } = appositiveOfRole(text, start, end, occupied) ?? {});
    // A full name of the region's shape or with a common given name, and a clause of "who": "Aigerim Seitkali, who runs a logistics company,".
    if (!cue && !label && tokens >= 2 && matchesAt(AFTER_WHO_CLAUSE, text, end) && (familyShaped(text, nameEnd) || isCommonGivenName(seg[0]!.text))) cue = 'person';
  }
  // A common given name and a family name of the region's shapes need no cue: "I met Dilnoza Karimova at the market".
  if (!cue && !label && tokens === 2 && seg.length === 2 && isCommonGivenName(seg[0]!.text) && familyShaped(text, nameEnd)) cue = 'person';
  if (label) return inTitleCaseHeadline(text, start) ? undefined : { start, name: text.slice(start, nameEnd), type: 'person', label };
  // No cue, but a full name of the region's shape or with a common given name: a fuller form for someone another cue finds
  // ("Anvar Yusupov has spent …", "by Alexander Cooley and …" before "Cooley, a professor at Barnard College, told me").
  const form = !cue && tokens >= 2 && (familyShaped(text, nameEnd) || isCommonGivenName(seg[0]!.text) || (tokens === 2 && isFamilyFirst(text.slice(start, nameEnd)))) && !TITLES.has(seg[0]!.text) && !ROLES.has(seg[0]!.text.toLowerCase());
  if ((!cue && !form) || (tokens < 2 && !single)) return undefined;
  if (seg.some((w) => isShouted(w.text)) || inTitleCaseHeadline(text, start)) return undefined;
  if (form) return { start, name: text.slice(start, nameEnd), type: 'person', form };

  const found: PersonCue = { start, name: text.slice(start, nameEnd), type: cue! };
  if (cue === 'leader' && titleStart !== undefined) {
    const country = occupied.countryEndingNear(text, titleStart);
    if (country) found.country = country;
  }
  return found;
}

/**
 * Whether the full name at `start` is in a list that a plural of people opens
 * ("economists such as Galym Nurlanov and Dana Ospanova", "opposition figures, among them
 * …"): 'leader' after a plural of office holders ("ministers including"), 'person' after
 * any other, or after "opposition". Read back 300 characters at most, names and their
 * separators only between the opener and the name.
 */
function listedAfterPlural(text: string, start: number): 'leader' | 'person' | undefined {
  const m = LIST_BEFORE.exec(text.slice(Math.max(0, start - 300), start));
  if (!m) return undefined;
  return !m[1] && LEADER_PLURALS.has(m[2]![0]!.toLowerCase() + m[2]!.slice(1)) ? 'leader' : 'person';
}

/** The last word of what opens a list of names: "including", "such as", "among them" … */
const LIST_STARTS = new Set(['including', 'as', 'like', 'them', 'whom', 'notably', 'namely', 'especially']);
/** Plurals of office holders: a list after them names leaders. */
const LEADER_PLURALS = new Set(['ministers', 'lawmakers', 'legislators', 'parliamentarians', 'MPs', 'senators', 'governors', 'mayors', 'presidents', 'premiers']);
const pluralOf = (role: string): string =>
  role.endsWith('man') ? `${role.slice(0, -3)}men` : /[^aeiou]y$/.test(role) ? `${role.slice(0, -1)}ies` : /(?:s|sh|ch|x)$/.test(role) ? `${role}es` : `${role}s`;
/** Plural nouns of people that open a list: every one-word role's plural, and a few more. */
const PEOPLE_PLURALS = [
  ...new Set([...PERSON_ROLES.filter((r) => /^[a-z-]+$/.test(r) && r !== 'head' && r !== 'national').map(pluralOf), ...LEADER_PLURALS, 'politicians', 'figures', 'people', 'critics', 'women', 'men', 'artists', 'dissidents', 'players', 'athletes']),
];
/** The plural nouns LIST_BEFORE reads, each also capitalised, the longest first. */
export const LIST_PLURALS: readonly string[] = [...PEOPLE_PLURALS.flatMap((p) => [p, p[0]!.toUpperCase() + p.slice(1)])].sort((a, b) => b.length - a.length);
/** `[\p{L}’'.-]*`: the rest of a listed name's word. */
const LIST_WORD_REST = run((cp) => isLetter(cp) || cp === 0x2019 || cp === 0x27 || cp === 0x2e || cp === 0x2d, 0);
/** `\p{Lu}[\p{L}’'.-]*(?:[ \u00a0]+(?:\p{Lu}[\p{L}’'.-]*|${NAME_PARTICLES.join('|')})){0,3}`: a name in the list. */
const LIST_NAME = seq(one(isUpper), LIST_WORD_REST, repeat(seq(run(isBlank), either(seq(one(isUpper), LIST_WORD_REST), oneOf(NAME_PARTICLES))), 0, 3));
/**
 * What opens a list of names, then the names before this one (a WordListPattern: see
 * wordListPattern.ts, and its property test):
 * `(?<![\p{L}])([Oo]pposition[ \u00a0]+)?(${LIST_PLURALS}),?[ \u00a0]+(?:including|such[ \u00a0]+as|like|among[ \u00a0]+them|among[ \u00a0]+whom|notably|namely|especially)[ \u00a0]+(?:${LIST_NAME}(?:,[ \u00a0]+(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+))*$`, searched for
 */
export const LIST_BEFORE = new WordListPattern(
  seq(
    notAfter(isLetter),
    optional(group(1, seq(oneOf(['Opposition', 'opposition']), run(isBlank)))),
    group(2, oneOf(LIST_PLURALS)),
    optional(lit(',')),
    run(isBlank),
    either(lit('including'), seq(lit('such'), run(isBlank), lit('as')), lit('like'), seq(lit('among'), run(isBlank), lit('them')), seq(lit('among'), run(isBlank), lit('whom')), lit('notably'), lit('namely'), lit('especially')),
    run(isBlank),
    repeat(seq(LIST_NAME, either(seq(lit(','), run(isBlank), optional(seq(lit('and'), run(isBlank)))), seq(run(isBlank), lit('and'), run(isBlank)))), 0, Infinity),
    atEnd,
  ),
  2,
  'search',
);

/**
 * A letter's or a reader's signature: a dash opening the line, the name, and the line's
 * end, or a comma and a place of up to three capitalised words before it ("— Farid
 * Aliyev, Manchester").
 */
function signatureAt(text: string, before: readonly Word[], end: number): boolean {
  const dash = before.at(-1);
  if (!dash || dash.end - dash.start !== 1 || !isDash(text.charCodeAt(dash.start)) || !atLineStart(text, dash.start)) return false;
  return SIGNATURE_REST.test(text.slice(end, end + 60));
}

const isDash = (c: number): boolean => c === 0x2014 || c === 0x2013;
const SIGNATURE_REST = /^(?:,[ \u00a0]+\p{Lu}[\p{L}’'-]*(?:[ \u00a0]+\p{Lu}[\p{L}’'-]*){0,2})?[ \u00a0]*(?:\r?\n|$)/u;

/** Whether the name words text[start, end) start with one of the region's common given names ("Alexander Cooley"): a fuller form too. */
function startsWithGivenName(text: string, start: number, end: number): boolean {
  let e = start;
  while (e < end && !isLineSpace(text.charCodeAt(e))) e++;
  return e < end && isCommonGivenName(text.slice(start, e));
}

/** Whether the words before a title at `titleAt` end with a role and "of" or "of the" ("press secretary of the"). */
function roleBeforeOf(text: string, titleAt: number): boolean {
  const words = wordsBefore(text, titleAt, 3);
  const n = words.length;
  const of = n >= 1 && words[n - 1]!.text === 'the' ? n - 2 : n - 1;
  return of >= 1 && words[of]!.text === 'of' && ROLES.has(words[of - 1]!.text);
}

/** What the war's reporting writes before a soldier's name: "the call sign", "the nom de guerre ‘". */
const CALL_SIGN_BEFORE = /(?:call[ -]?sign|callsign|nom de guerre|code[ -]?name)[ \u00a0]+[‘“'"]?$/;

/** Whether CALL_SIGN_BEFORE ends at `at`; its last word's last letters read first, as most words have none of them before. */
function callSignBefore(text: string, at: number): boolean {
  let e = at;
  const c = text.charCodeAt(e - 1);
  if (c === 0x2018 || c === 0x201c || c === 0x27 || c === 0x22) e--;
  while (e > 0 && isLineSpace(text.charCodeAt(e - 1))) e--;
  const last = text.charCodeAt(e - 1);
  if ((last !== 0x6e && last !== 0x65) || !(text.startsWith('ign', e - 3) || text.startsWith('rre', e - 3) || text.startsWith('ame', e - 3))) return false;
  return CALL_SIGN_BEFORE.test(text.slice(Math.max(0, at - 20), at));
}
/** What a reporter writes before a name someone gave them: "introduced herself as", "gave his name only as", "was introduced to me only as". */
const NAMED_AS = /(?:introduced (?:himself|herself|to (?:me|us)) (?:only )?as|gave (?:his|her) name (?:only )?as|(?:identified|described) (?:himself|herself) (?:only )?as)[ \u00a0]+$/;

/** Words that end a work's or a body's name before its year ("the Annual Report (2024)"), not an author's. */
const WORK_WORDS = new Set(['Report', 'Review', 'Survey', 'Index', 'Plan', 'Strategy', 'Act', 'Law', 'Code', 'Concept', 'Doctrine', 'Programme', 'Program', 'Census', 'Yearbook', 'Atlas', 'Handbook', 'Dictionary', 'Encyclopedia', 'Bank', 'Fund', 'Commission', 'Institute']);

/** Words after which a lone word is a place's, not a person's: "of Idaho", "from Kulob". */
const LONE_WORD_LINKS = new Set(['of', 'from', 'in', 'at']);

/** Words that head a body's name before "for", "of" or "on" ("Agency for Financial Monitoring"). */
const BODY_HEADS = new Set(['Agency', 'Ministry', 'Committee', 'Commission', 'Council', 'Institute', 'Center', 'Centre', 'Fund', 'Foundation', 'Service', 'Bureau', 'Department', 'Office', 'Association', 'Union', 'Academy', 'School', 'University', 'Party', 'Movement', 'Front', 'Alliance', 'Coalition', 'Congress', 'Assembly', 'Court', 'Bank']);
const BODY_LINKS = new Set(['for', 'of', 'on']);
/** Things that are "called" a name, as people are not ("a small group called Taza Suu"). */
const CALLED_THINGS = new Set(['group', 'organisation', 'organization', 'movement', 'party', 'company', 'firm', 'initiative', 'project', 'campaign', 'fund', 'village', 'town', 'city', 'district', 'programme', 'program', 'channel', 'network', 'band', 'film', 'book', 'show', 'operation', 'platform', 'app', 'bloc', 'coalition', 'alliance', 'union', 'foundation', 'charity', 'outlet', 'newspaper', 'website', 'festival', 'exercise', 'plan', 'scheme']);

/** Those a name is given to with "named" ("a student named …"): a role, a relative, or one of these. */
const NAMED_ONES = new Set([...ROLES, 'man', 'woman', 'boy', 'girl', 'person']);

/** "his name was ", "the driver’s name is ", "whose real name was ": a person's name follows. */
const NAME_WAS = new RegExp(`(?:(?<![\\p{L}])(?:[Hh]is|[Hh]er|[Mm]y|[Ww]hose)|(?<![\\p{L}])(?:${alt([...NAMED_ONES].filter((r) => /^\p{Ll}/u.test(r)))})[’']s)[ \\u00a0]+(?:(?:first|real|full|given)[ \\u00a0]+)?name[ \\u00a0]+(?:was|is)[ \\u00a0]+$`, 'u');

/** Whether "name was" or "name is" — the word text[wordStart, wordEnd) the verb — and whose name it is come before `start`. */
function nameWasBefore(text: string, start: number, wordStart: number, wordEnd: number): boolean {
  const verb = text.slice(wordStart, wordEnd);
  return (verb === 'was' || verb === 'is') && text.startsWith('name', wordStart - 5) && NAME_WAS.test(text.slice(Math.max(0, start - 60), start));
}

/** Whether the words before a name end in "named" after a role or a person ("a student named", "a woman named"). */
function namedAfterRole(text: string, before: readonly Word[]): boolean {
  if (before.length < 2 || before.at(-1)!.text !== 'named') return false;
  // "a student from Shymkent named …": up to three words between.
  return NAMED_ONES.has(before.at(-2)!.text) || ROLE_THEN_WORDS.test(text.slice(Math.max(0, before.at(-1)!.start - 60), before.at(-1)!.start));
}

/** A role or a person, then up to three words, before "named" ("a student from Shymkent "). */
const ROLE_THEN_WORDS = new RegExp(`(?<![\\p{L}])(?:${alt([...NAMED_ONES].filter((r) => /^\p{Ll}/u.test(r)))})(?:[ \\u00a0]+[\\p{L}’'-]+){1,3}[ \\u00a0]+$`, 'u');

/**
 * A title, "of", "for" or "to" ("of the" too), then up to three words that complete it
 * — a portfolio or a body, or names the knowledge base knows ("Ambassador to
 * Kazakhstan"), twice so linked at most ("of the Cabinet of Ministers") — right before
 * `start`: the title (or a role written as one, lower-cased) and where it starts.
 */
function titleWithComplementBefore(text: string, start: number, occupied: Occupancy): { phrase: string; start: number } | undefined {
  const words = wordsBefore(text, start, 10);
  const linkBefore = (end: number): number => {
    let k = end;
    // Up to three words, "and" between two of them ("of Mines and Petroleum").
    for (;;) {
      if (k > 0 && end - k < 3 && completesTitle(words[k - 1]!, occupied)) k--;
      else if (k > 1 && k < end && end - k < 3 && words[k - 1]!.text === 'and' && completesTitle(words[k - 2]!, occupied)) k -= 2;
      else break;
    }
    if (k === end || k < 2) return -1;
    if (words[k - 1]!.text === 'the') k--;
    if (k < 2) return -1;
    const link = words[k - 1]!.text;
    return link === 'of' || link === 'for' || link === 'to' ? k - 1 : -1;
  };
  let k = linkBefore(words.length);
  if (k < 0) return undefined;
  // A complement with its own "of": "Deputy Chairman of the Cabinet of Ministers …".
  if (!suffixIn(words.slice(0, k), TITLES) && words[k]!.text === 'of') {
    const inner = linkBefore(k);
    if (inner >= 0 && suffixIn(words.slice(0, inner), TITLES)) k = inner;
  }
  const before = words.slice(0, k);
  const title = suffixIn(before, TITLES);
  if (title) return /^\p{Lu}/u.test(title.phrase) ? { phrase: title.phrase, start: words[k - title.count]!.start } : undefined;
  // A role written as a title ("Head of the Presidential Administration"): a person.
  const role = before.at(-1);
  return role && /^\p{Lu}/u.test(role.text) && ROLES.has(role.text.toLowerCase()) ? { phrase: role.text.toLowerCase(), start: role.start } : undefined;
}

/**
 * The name text[start, end) as the appositive of a role, a title or a relative, a comma
 * before it and a comma or the sentence's end after it ("Human Rights Watch's Central
 * Asia researcher, Syinat Sultanalieva, said", "his wife, Jamila, told", "said the
 * expert, Anna Petrova."): the cue, and where the title starts.
 */
function appositiveOfRole(text: string, start: number, end: number, occupied: Occupancy): { cue: 'leader' | 'person'; titleStart?: number } | undefined {
  if (text.charCodeAt(end) !== 0x2c && !endsAppositive(text, end)) return undefined;
  const comma = commaBefore(text, start);
  if (comma < 0) return undefined;
  const words = wordsBefore(text, comma, 3);
  const title = suffixIn(words, TITLES);
  if (title) {
    const titleStart = words[words.length - title.count]!.start;
    const office = !NON_LEADER_TITLES.has(title.phrase) && !officeOfABody(title.phrase, text, titleStart, undefined, occupied);
    return { cue: office ? 'leader' : 'person', titleStart };
  }
  // "One of them, Ganzorig Tseren, said": one of people the text spoke of.
  if (words.length === 3 && ONE_OF.has(words[0]!.text) && words[1]!.text === 'of' && words[2]!.text === 'them') return { cue: 'person' };
  return suffixIn(words, ROLES) ? { cue: 'person' } : roleWithComplementBefore(text, comma, occupied) ?? roleOpeningClause(text, comma);
}

/**
 * "A taxi driver I met outside the Khan Shatyr, Yerlan Dzhaksybekov, put it": the clause
 * before the comma at `comma` opens its sentence with "a", "an" or "the", a word at most
 * and a role, ten words in all and no verb of speech: the name is that role's.
 */
function roleOpeningClause(text: string, comma: number): { cue: 'person' } | undefined {
  const all = wordsBefore(text, comma, 10);
  let first = all.length - 4;
  while (first >= 0 && !(ARTICLES.has(all[first]!.text) && opensSentenceAt(text, all[first]!.start))) first--;
  if (first < 0) return undefined;
  const words = all.slice(first);
  const hasRole = ROLES.has(words[1]!.text) || ROLES.has(words[2]!.text);
  return hasRole && !words.some((w) => VERBS.has(w.text)) ? { cue: 'person' } : undefined;
}

const ARTICLES = new Set(['A', 'An', 'The']);

const ONE_OF = new Set(['One', 'one', 'Another', 'another']);

/**
 * "the EU's special representative for Central Asia, …", "the UN special rapporteur on
 * human rights defenders, …": a role or a title, then "for", "on", "to" or "of" and up
 * to four words, in the clause that ends at the comma at `comma`. A title makes a leader
 * only when a portfolio, a body or a name the knowledge base knows completes it
 * ("Minister of Energy", "Prime Minister of Kyrgyzstan"; not "president of the bank").
 */
function roleWithComplementBefore(text: string, comma: number, occupied: Occupancy): { cue: 'leader' | 'person'; titleStart?: number } | undefined {
  // The clause's words: wordsBefore stops at a comma or a semicolon, and a word ending a sentence keeps its full stop (no role).
  // A complement may hold a link of its own: "spokeswoman for Kazakhstan's Ministry of Energy", "head of the State Committee for National Security".
  const words = wordsBefore(text, comma, 9);
  for (let j = words.length - 2; j >= 1 && words.length - 1 - j <= 6; j--) {
    const link = words[j]!.text;
    if (!COMPLEMENT_LINKS.has(link) && !ROLE_LINKS.has(link)) continue;
    const head = words.slice(0, j);
    // A legislature's speaker or chairman holds office: "The speaker of the Legislative Assembly, Alexei Dolgikh,".
    if (LEGISLATURE_HEADS.has(head.at(-1)!.text.toLowerCase()) && words.slice(j + 1).some((w) => LEGISLATURES.has(w.text))) return { cue: 'leader', titleStart: head.at(-1)!.start };
    const title = suffixIn(head, TITLES);
    if (title) {
      const titleStart = head[head.length - title.count]!.start;
      const office = !NON_LEADER_TITLES.has(title.phrase) && completesTitle(words.at(-1)!, occupied) && !officeOfABody(title.phrase, text, titleStart, head.at(-1)!.end, occupied);
      return { cue: office ? 'leader' : 'person', titleStart };
    }
    if (suffixIn(head, ROLES)) return { cue: 'person' };
  }
  return undefined;
}

const LEGISLATURE_HEADS = new Set(['speaker', 'chairman', 'chairwoman', 'chair']);
/** Words that name a legislature ("the regional Duma", "the People’s Khural", "the Legislative Assembly"). */
const LEGISLATURES = new Set(['Duma', 'Assembly', 'Parliament', 'parliament', 'Khural', 'Kurultai', 'Kenesh', 'Mazhilis', 'Majlis', 'Senate', 'Rada', 'Congress', 'Legislature', 'legislature']);

/** What else completes a role: "a waitress at the restaurant", "a colleague from Tashkent", "a master with the … Shipping Company" (a title so completed makes no leader: no portfolio follows). */
const ROLE_LINKS = new Set(['at', 'from', 'with']);

/** Whether an appositive naming a role follows `end` (", a 45-year-old teacher"), not a title: a leader needs one before the name. */
function roleAppositiveAfter(text: string, end: number): boolean {
  AFTER_APPOSITIVE.lastIndex = end;
  const appositive = AFTER_APPOSITIVE.exec(text);
  return appositive !== null && !TITLES.has(appositive[2]!);
}

/** Endings of the region's family names ("Yusupov", "Ivanova", "Tkachenko", "Pashinyan", "Kowalski"); none of a common word's. */
const FAMILY_NAME_ENDING = /\p{Ll}(?:ov|ova|ev|eva|enko|sky|skiy|skaya|ski|yan|dze|shvili)$/u;

/**
 * Whether the word ending at `end` (starting at or after `start`) ends as the region's
 * family names do. Asked of most capitalised words: the last letter first, by its code.
 */
function familyShaped(text: string, end: number, start = 0): boolean {
  const last = text.charCodeAt(end - 1);
  // v (ov, ev), a (ova, eva, skaya), o (enko), y (sky, skiy), i (ski, shvili), n (yan), e (dze).
  if (last !== 0x76 && last !== 0x61 && last !== 0x6f && last !== 0x79 && last !== 0x69 && last !== 0x6e && last !== 0x65) return false;
  return FAMILY_NAME_ENDING.test(text.slice(Math.max(start, end - 7), end));
}

/**
 * Whether the lone word text[start, end) is a family name of the region's shapes, or one
 * of its common given names, with a speech verb right after it ("Yusupov said", "“…,”
 * Almaz said") or right before it, text[wordStart, wordEnd) ("said Yusupov"), or an age
 * as its appositive ("Vasilenko, 47,"): a person's, where a word of no such shape may be
 * a body's ("Kazatomprom said").
 */
function familyNameSpeaks(text: string, start: number, end: number, wordStart: number, wordEnd: number): boolean {
  const family = familyShaped(text, end, start);
  if (!family && !(isCommonGivenNameAt(text, start, end) && !GIVEN_NAMES_ALSO_WORDS.has(text.slice(start, end)))) return false;
  // Or an age as its appositive: "Vasilenko, 47, runs a Moscow-based firm", "Gulnara, 54, lives three houses down".
  return speaksAlone(text, end, wordStart, wordEnd) || matchesAt(AFTER_AGE, text, end);
}

/**
 * Whether a role's appositive follows `end` and, past its closing comma, a speech verb:
 * "Nurlan, a businessman in Osh who once worked with her, says".
 */
function roleAppositiveThenSpeech(text: string, end: number): boolean {
  AFTER_APPOSITIVE.lastIndex = end;
  const appositive = AFTER_APPOSITIVE.exec(text);
  if (appositive === null || TITLES.has(appositive[2]!)) return false;
  const rest = APPOSITIVE_REST.exec(text.slice(AFTER_APPOSITIVE.lastIndex, AFTER_APPOSITIVE.lastIndex + 200));
  return rest !== null && matchesAt(AFTER_SPEECH, text, AFTER_APPOSITIVE.lastIndex + rest[0].length);
}

/** The rest of an appositive to its closing comma, within its sentence. */
const APPOSITIVE_REST = /^[^,.;:!?"“”\n]{0,120},/;

/**
 * Whether an age and a role's appositive follow `end` (", 41, a welder", ", a 29-year-old
 * designer"): a person's, unlike a number and a noun ("Block Nine, 34, rooms").
 */
function agedWithRole(text: string, end: number): boolean {
  return (matchesAt(AFTER_AGE, text, end) || matchesAt(AGED_ROLE, text, end)) && roleAppositiveAfter(text, end);
}

const AGED_ROLE = /,[ \u00a0]+an?[ \u00a0]+\d{1,3}-year-old[ \u00a0]/y;

/** ", who owns three flats": a clause of "who" after a lone word, a person's when the word is a common given name ("Gulnara, who …"). */
const AFTER_WHO_CLAUSE = /,[ \u00a0]+who[ \u00a0]/y;

/** The words of an appositive before its title ("exiled " of ", the exiled leader"), for leadsNoOffice: their text is all it reads. */
function appositiveWords(words: string): Word[] {
  return words.split(/[ \u00a0]+/).filter((w) => w !== '').map((w) => ({ start: -1, end: -1, text: w }));
}

/** Whether an appositive may end at `end` other than at a comma: the sentence or the line ends ("said the expert, Anna Petrova."). */
function endsAppositive(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return c === 0x2e || c === 0x0a || c === 0x0d || end === text.length;
}

/** Where the comma right before `at` (blanks between) is, or -1. */
function commaBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && isLineSpace(text.charCodeAt(i - 1))) i--;
  return i < at && text.charCodeAt(i - 1) === 0x2c ? i - 1 : -1;
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
  const n = words.length;
  const last = words[n - 1]!.text;
  if (!lastWords.has(last)) return undefined;
  // The last one, two and three words as phrases; the longest in the set wins.
  const two = n >= 2 ? `${words[n - 2]!.text} ${last}` : undefined;
  const three = n >= 3 ? `${words[n - 3]!.text} ${two}` : undefined;
  if (three !== undefined && set.has(three)) return { phrase: three, count: 3 };
  if (two !== undefined && set.has(two)) return { phrase: two, count: 2 };
  return set.has(last) ? { phrase: last, count: 1 } : undefined;
}

/** White space and the punctuation that separates a cue from a name. */
function isWordBreak(c: number): boolean {
  return c < WORD_BREAKS.length && WORD_BREAKS[c] === 1;
}

const WORD_BREAKS = (() => {
  const t = new Uint8Array(0x201e);
  for (let c = 0; c <= 0x20; c++) t[c] = 1;
  for (const c of [0xa0, 0x2c, 0x3b, 0x201c, 0x201d, 0x22, 0xab, 0xbb, 0x28]) t[c] = 1;
  return t;
})();

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

/**
 * Whether the name words text[start, end) are a speaker's label: a line's first words (a
 * timestamp in brackets may come first), a colon and a blank right after them ("Mao
 * Ning: China firmly opposes …", "[00:12:31] Farangis Najibullah: …").
 */
function isLabel(text: string, start: number, end: number): boolean {
  return text.charCodeAt(end) === 0x3a && isLineSpace(text.charCodeAt(end + 1)) && (atLineStart(text, start) || afterTimestamp(text, start));
}

/** Whether a timestamp in brackets opens the line before `at` ("[00:12:31] Farangis Najibullah:"). */
function afterTimestamp(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isLineSpace(text.charCodeAt(i - 1))) i--;
  return text.charCodeAt(i - 1) === 0x5d && TIMESTAMP.test(text.slice(Math.max(0, i - 12), i)) && atLineStart(text, text.lastIndexOf('[', i - 1));
}

const TIMESTAMP = /\[(?:\d{1,2}:)?\d{1,2}:\d{2}\]$/;

/**
 * Whether a label's words may be a person's name: two or three, each a capital and then
 * small letters (no "Phoenix TV", no "Editor's Note"), none a word that labels a part of
 * a page ("Watch Live", "Key Takeaways").
 */
function labelsAName(seg: readonly Word[]): boolean {
  const words = seg.filter((w) => !PARTICLES.has(w.text));
  return words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u.test(w.text) && !PAGE_LABEL_WORDS.has(w.text));
}

const PAGE_LABEL_WORDS = new Set(['Watch', 'Live', 'Key', 'Takeaways', 'Editor', 'Note', 'Update', 'Updated', 'Published', 'Breaking', 'Latest', 'Top', 'More', 'See', 'Last', 'First', 'Full', 'Text', 'Transcript', 'Question', 'Answer', 'Listen', 'Subscribe', 'Background', 'Fact', 'Box', 'Timeline', 'Summary']);

/** Roles that are adjectives too: before a lone word ("official English documents") they name no one. */
const ADJECTIVE_ROLES = new Set(['official', 'executive', 'academic', 'chief']);

/** Whether only blanks stand between `at` and its line's end. */
function lineEndsAt(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && isLineSpace(text.charCodeAt(i))) i++;
  return i === text.length || text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d;
}

const isShouted = (w: string) => w.length > 2 && w === w.toUpperCase();

/**
 * Whether the line holding `at` is a wire story's sign-off ("Reporting by …; Editing by
 * …"), in brackets or not. Read back SIGN_OFF_REACH at most: asked for many names of a
 * line, the search for its start would make a very long one cost its length squared.
 */
function inSignOff(text: string, at: number): boolean {
  let from = at;
  const floor = Math.max(0, at - SIGN_OFF_REACH);
  while (from > floor && text.charCodeAt(from - 1) !== 0x0a) from--;
  if (from > 0 && text.charCodeAt(from - 1) !== 0x0a) return false;
  if (text.charCodeAt(from) === 0x28) from++;
  return SIGN_OFFS.some((s) => text.startsWith(s, from)) || BYLINE_STARTS.some((s) => text.startsWith(s, from)) || isByline(text, from);
}

/** What a line crediting a text's author starts with, besides "By" ("Reviewed by Jonathan Pryce"). */
const BYLINE_STARTS = ['Interview by', 'Interviewed by', 'Reviewed by', 'Written by', 'Compiled by', 'Translated by', 'Submitted by'];

/** Whether a byline starts at `from`: "By", a capital, a short line with no sentence's end ("By Farangis Yusupova and Nurlan Sadykov"). */
function isByline(text: string, from: number): boolean {
  if (!text.startsWith('By ', from) || !/^\p{Lu}/u.test(text.charAt(from + 3))) return false;
  // Read 121 characters at most: a line of a whole text must not be searched for its end at every name.
  const head = text.slice(from, from + 121);
  const to = head.indexOf('\n');
  if (to < 0 ? from + head.length < text.length : to > 120) return false;
  // (A middle initial's full stop ends no sentence: "By Daniel K. Halloran and Oksana Lisovskaya".)
  return !/[.!?]\s*$|(?<!(?:^|[ \u00a0])\p{Lu})[.!?][ \u00a0]+\p{Lu}/u.test(to < 0 ? head : head.slice(0, to));
}

const SIGN_OFF_REACH = 600;

/** Whether the name at `start` follows "and" (the word text[wordStart, wordEnd)) or a comma: the next of a list. */
function nextInList(text: string, start: number, wordStart: number, wordEnd: number): boolean {
  return (wordEnd - wordStart === 3 && text.startsWith('and', wordStart)) || commaBefore(text, start) >= 0;
}

/** Words a headline in title case may leave in lower case. */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'by', 'with', 'as', 'from', 'vs', 'is', 'are']);

/**
 * Whether the line holding `at` is a headline in title case ("Turkmen Leader Orders
 * Crackdown On Internet Access"): four words or more, every one but minor words
 * capitalised, no colon or bar (a byline, a credit), no sign-off's start ("Reporting by
 * …") and no sentence's end at its end. A title there is no cue: "Leader Orders
 * Crackdown" names nobody.
 */
function inTitleCaseHeadline(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  if (inSignOff(text, at)) return false;
  let to = text.indexOf('\n', at);
  if (to < 0) to = text.length;
  if (to - from > 200) return false;
  const line = text.slice(from, to).trimEnd();
  // (Nor a byline: "By Ann M. Simmons".)
  // (Nor a line of two commas, a signature's: "Submitted by Dr Catherine Ashworth, Senior Lecturer …, University of Glasgow".)
  if (/[:|.!?”"]$|[:|]/.test(line) || /^By[ \u00a0]/.test(line) || /,[^,]*,/.test(line)) return false;
  const words = line.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  return words.length >= 4 && words.every((w) => /^\p{Lu}/u.test(w) || MINOR_WORDS.has(w));
}

export function familyName(name: string): string {
  if (isFamilyFirst(name)) return firstWord(name); // "Mao Ning" → "Mao"
  // "Makhabat Tazhibek kyzy" → "Tazhibek kyzy".
  const lastSpace = lastBlank(name, name.length);
  if (lastSpace > 0 && PATRONYMICS.has(name.slice(lastSpace + 1))) {
    const before = lastBlank(name, lastSpace);
    if (before >= 0) return name.slice(before + 1);
  }
  // "Kenneth Yip Chun-kit" → "Yip": a Hong Kong name, an English given name first and a Chinese one last.
  const hyphenated = HONG_KONG_NAME.exec(name);
  if (hyphenated) return hyphenated[1]!;
  // "Tony van der Togt" → "van der Togt"; "Bashar al-Assad" → "al-Assad".
  // Most names have no particle: their last word, found without splitting the name.
  const last = lastBlank(name, name.length);
  if (last < 0) return name;
  let blanks = last;
  while (blanks > 0 && isBlankCode(name.charCodeAt(blanks - 1))) blanks--;
  const before = lastBlank(name, blanks);
  if (before < 0 || !PARTICLES.has(name.slice(before + 1, blanks))) return name.slice(last + 1);
  const tokens = name.split(/[ \u00a0]+/);
  let i = tokens.length - 1;
  while (i > 1 && PARTICLES.has(tokens[i - 1]!)) i--;
  return tokens.slice(i).join(' ');
}

const isBlankCode = (c: number): boolean => c === 0x20 || c === 0xa0;

/** An English given name, a Chinese family name of one syllable, a hyphenated Chinese given name ("Gary Chan Wai-ming"). */
const HONG_KONG_NAME = /^\p{Lu}\p{Ll}+ (\p{Lu}\p{Ll}{1,4}) \p{Lu}\p{Ll}+-\p{Ll}+$/u;

/** Where the last space or no-break space before `end` in `name` is, or -1. */
function lastBlank(name: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) if (isBlankCode(name.charCodeAt(i))) return i;
  return -1;
}

/** The first of the words `name.split(/[ \u00a0]+/)` makes. */
export function firstWord(name: string): string {
  for (let i = 0; i < name.length; i++) if (isBlankCode(name.charCodeAt(i))) return name.slice(0, i);
  return name;
}

/** The word of `name` that is a given name: the first, but for a Chinese name ("Ning" of Mao Ning). */
function givenWord(name: string): string {
  return isFamilyFirst(name) ? name.slice(name.indexOf(' ') + 1) : firstWord(name);
}

/** How many words `name.split(/[ \u00a0]+/)` makes, without making them. */
export function wordCount(name: string): number {
  let count = 1;
  for (let i = 0; i < name.length; i++) if (isBlankCode(name.charCodeAt(i)) && !(i > 0 && isBlankCode(name.charCodeAt(i - 1)))) count++;
  return count;
}

/**
 * The people found so far, keyed by the name as first seen, and indexed by the key of
 * their family name as it is now: a new name is compared with those of its family only,
 * not with everyone (a file introducing thousands of people took the square of that).
 */
class CuedPeople {
  readonly byName = new Map<string, FoundPerson>();
  private readonly byFamily = new Map<string, FoundPerson[]>();
  /** Which came first, for the earliest of a family to win as it did over the whole map. */
  private readonly order = new Map<FoundPerson, number>();

  add(name: string, p: FoundPerson): void {
    this.byName.set(name, p);
    this.order.set(p, this.order.size);
    this.index(p);
  }

  /** One found to be someone else already here. */
  remove(p: FoundPerson): void {
    for (const [name, q] of this.byName) if (q === p) this.byName.delete(name);
    const list = this.byFamily.get(familyKey(p.name));
    if (list) list.splice(list.indexOf(p), 1);
  }

  /** A longer form of a person's name was seen. */
  rename(p: FoundPerson, name: string): void {
    const list = this.byFamily.get(familyKey(p.name))!;
    list.splice(list.indexOf(p), 1);
    p.name = name;
    this.index(p);
  }

  /** Who `name` is among the people found: the same name, or the same family name and no other first name. */
  find(name: string): FoundPerson | undefined {
    const direct = this.byName.get(name);
    if (direct) return direct;
    const family = this.byFamily.get(familyKey(name));
    if (!family) return undefined;
    const alone = wordCount(name) === 1;
    for (const p of family) {
      // Same family name: the same person unless both give different first names.
      if (alone || wordCount(p.name) === 1 || transliterationKey(givenWord(name)) === transliterationKey(givenWord(p.name))) return p;
    }
    return undefined;
  }

  private index(p: FoundPerson): void {
    const key = familyKey(p.name);
    const list = this.byFamily.get(key);
    if (!list) return void this.byFamily.set(key, [p]);
    // In the order people were first found, as a walk over the whole map meets them.
    const at = this.order.get(p)!;
    let i = list.length;
    while (i > 0 && this.order.get(list[i - 1]!)! > at) i--;
    list.splice(i, 0, p);
  }
}

/** The key of a name's family name, worked out once per name (a person-changing edit reads every cue's again). */
const familyKeys = new RecentMemo((name) => transliterationKey(familyName(name)));
const familyKey = (name: string): string => familyKeys.get(name);

const transliterationKeys = new RecentMemo((name) =>
  name
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
    .replace(/[^a-z]/g, ''),
);

/**
 * Folds the spelling differences between romanisations of one Slavic or Central Asian
 * name: Ilkhamov/Ilhamov, Zhaparov/Japarov, Tokayev/Tokaev, Dzhumabekov/Jumabekov.
 * letterPairsOf knows how these rules may change a key's first and last letters: keep
 * the two in step.
 */
export function transliterationKey(name: string): string {
  return transliterationKeys.get(name);
}

/**
 * The forms people are mentioned by — each one's full name and family name, and a given
 * name only one of them has (see givenFormOf) — keyed by transliterationKey (the first
 * person in order wins a key), and the keys of the forms' last words, which every run
 * holding a mention has (see mentionsIn).
 */
export class PersonForms {
  readonly longest: number;

  private constructor(
    readonly byKey: ReadonlyMap<string, FoundPerson>,
    longest: number,
    readonly endings: WordKeys,
    /** The keys of byKey that are a given name alone (see givenFormOf). */
    readonly givenKeys: ReadonlySet<string>,
  ) {
    this.longest = longest;
  }

  static of(people: Iterable<FoundPerson>): PersonForms {
    const all = [...people];
    const byKey = new Map<string, FoundPerson>();
    const endings = new Set<string>();
    let longest = 1;
    for (const p of all) {
      const forms = [p.name];
      const family = familyName(p.name);
      if (family !== p.name && !NOT_NAME_WORDS.has(family) && !p.notByFamilyName) forms.push(family);
      for (const f of forms) {
        const key = transliterationKey(f);
        if (!byKey.has(key)) byKey.set(key, p);
        longest = Math.max(longest, wordCount(f));
        endings.add(transliterationKey(f.slice(lastBlank(f, f.length) + 1)));
      }
    }
    // After every full and family name, which win a key a given name shares.
    const givenKeys = new Set<string>();
    for (const [key, p] of onePerGivenName(all, (q) => { const given = givenFormOf(q); return given === undefined ? undefined : transliterationKey(given); })) {
      if (p === null || byKey.has(key)) continue;
      byKey.set(key, p);
      givenKeys.add(key);
      endings.add(key);
    }
    return new PersonForms(byKey, longest, new WordKeys(endings), givenKeys);
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  /** The names of the people these are the forms of. */
  names(): Set<string> {
    const names = new Set<string>();
    for (const p of this.byKey.values()) names.add(p.name);
    return names;
  }

  /**
   * Which words a run must hold, outside the knowledge base's names, for its mentions to
   * differ between `before` and these forms: none when no mention can; undefined when
   * any run may (then find them all again). Outside, since a mention never overlaps a
   * knowledge-base name, and a run is read only for an ending outside them (mentionsIn).
   */
  changedSince(before: PersonForms): WordKeys | undefined {
    const changed = new Set<string>();
    // A key whose person is only renamed changes no run's mentions but for their name
    // (and where a given name stands before it): its runs need not all be read again (see renamesApart).
    const renamed: [string, FoundPerson, FoundPerson][] = [];
    for (const [key, p] of this.byKey) {
      const q = before.byKey.get(key);
      if (samePerson(p, q)) continue;
      // Unless the key became a given name alone, or stopped being one (read otherwise: see mentionsInRun).
      if (q !== undefined && onlyRenamed(q, p) && before.givenKeys.has(key) === this.givenKeys.has(key)) renamed.push([key, q, p]);
      else changed.add(key);
    }
    for (const key of before.byKey.keys()) if (!this.byKey.has(key)) changed.add(key);
    let apart = renamed.length > 0 ? renamesApart(renamed) : undefined;
    if (apart && !namesKeptApart(apart.renames, before.names(), this.names())) apart = undefined;
    if (apart) for (const key of apart.readAgain) changed.add(key);
    else for (const [key] of renamed) changed.add(key);
    const renames = apart?.renames;
    // A mention of a changed form ends with the last word that has letters; that word's
    // key ends the form's key (a name's key is its words' keys one after another).
    const words = new Set<string>();
    for (const key of changed) for (let i = 0; i < key.length; i++) words.add(key.slice(i));
    // A run may hold a mention now, or no longer, when a last word comes or goes.
    for (const key of this.endings.keys) if (!before.endings.keys.has(key)) words.add(key);
    for (const key of before.endings.keys) if (!this.endings.keys.has(key)) words.add(key);
    if (changed.has('') || words.has('')) return undefined;
    // Whole: a form's key, or an ending, which opens a run to reading on its own.
    const wholes = new Set(changed);
    for (const key of words) if (this.endings.keys.has(key) !== before.endings.keys.has(key)) wholes.add(key);
    return new WordKeys(words, wholes, renames);
  }
}

/** Per given name, as `givenOf` reads it (none: undefined), the one person it may stand for; null where two share it. */
function onePerGivenName(people: Iterable<FoundPerson>, givenOf: (p: FoundPerson) => string | undefined): Map<string, FoundPerson | null> {
  const out = new Map<string, FoundPerson | null>();
  for (const p of people) {
    const given = givenOf(p);
    if (given !== undefined) out.set(given, out.has(given) ? null : p);
  }
  return out;
}

/**
 * The given name a person may be called by alone after being named in full, as features
 * call the people they follow ("Nurlan Temirbekov, a fisherman, … “…,” Nurlan said"):
 * one of the region's common given names that is no word of its own, of someone named
 * given name first who holds no office (leaders go by their family names).
 */
function givenFormOf(p: FoundPerson): string | undefined {
  if (p.type !== 'person' || wordCount(p.name) < 2 || isFamilyFirst(p.name)) return undefined;
  const given = firstWord(p.name);
  return isGivenNameAlone(given) || p.byGivenName ? given : undefined;
}

/** Whether a word is one of the region's common given names and no word of its own (see GIVEN_NAMES_ALSO_WORDS). */
function isGivenNameAlone(word: string): boolean {
  return isCommonGivenName(word) && !GIVEN_NAMES_ALSO_WORDS.has(word);
}

/** Common given names that are words or names of something else ("Islam", "the Roman Empire"). */
const GIVEN_NAMES_ALSO_WORDS = new Set(['Islam', 'Roman', 'Milan', 'Victoria', 'Sofia']);

/**
 * For the keys `renamed` whose person is only renamed (see onlyRenamed), each old name
 * and its new one, when a run read with the new forms holds the mentions it held before
 * with those names changed: then only the runs of the changed keys are read again, and
 * every other mention of an old name is given the new one (see
 * IncrementalRecognizer.findPeopleAgain). So when every old name gives one new name —
 * and, checked by the caller, the names are kept apart (namesKeptApart). A given name
 * before a one-word form makes someone else of it when it is not the person's own
 * ("Peter Brankovic" is not Zoltan Brankovic): where the person's given name changed,
 * `readAgain` holds the keys of the old given name and of the new before each such
 * form, for the runs where one stands to be read again. Undefined otherwise.
 */
function renamesApart(renamed: readonly [string, FoundPerson, FoundPerson][]): { renames: Map<string, string>; readAgain: string[] } | undefined {
  const renames = new Map<string, string>();
  const readAgain: string[] = [];
  for (const [key, q, p] of renamed) {
    if ((renames.get(q.name) ?? p.name) !== p.name) return undefined;
    renames.set(q.name, p.name);
    const givenBefore = transliterationKey(givenWord(q.name));
    const givenAfter = transliterationKey(givenWord(p.name));
    if (givenBefore !== givenAfter) readAgain.push(givenBefore + key, givenAfter + key);
  }
  return { renames, readAgain };
}

/** Whether no one after goes by an old name of `renames`, nor anyone before by a new one, nor is a new name an old one. */
function namesKeptApart(renames: ReadonlyMap<string, string>, namesBefore: ReadonlySet<string>, namesAfter: ReadonlySet<string>): boolean {
  for (const [was, now] of renames) if (namesAfter.has(was) || namesBefore.has(now) || renames.has(now)) return false;
  return true;
}

/**
 * Whether `after` is `before` renamed and nothing else: what reading a run takes from a
 * person's name besides the name itself (how many words it has, whether its family name
 * comes first) the same, and the sex the name says (which attribution reads) too.
 */
function onlyRenamed(before: FoundPerson, after: FoundPerson): boolean {
  return (
    before.type === after.type &&
    before.country === after.country &&
    before.notByFamilyName === after.notByFamilyName &&
    before.byGivenName === after.byGivenName &&
    wordCount(before.name) === wordCount(after.name) &&
    isFamilyFirst(before.name) === isFamilyFirst(after.name) &&
    genderOfName(before.name) === genderOfName(after.name)
  );
}

function samePerson(a: FoundPerson, b: FoundPerson | undefined): boolean {
  return b !== undefined && a.name === b.name && a.type === b.type && a.country === b.country && a.notByFamilyName === b.notByFamilyName && a.byGivenName === b.byGivenName;
}

/**
 * A set of word keys, and which words can be tested for it by their first and last
 * letters alone. Some may be only the ends of `wholes`, the keys a stretch of words
 * must make together (a name's key is its words' keys one after another).
 */
export class WordKeys {
  readonly mayBe: Uint8Array;

  constructor(
    readonly keys: ReadonlySet<string>,
    private readonly wholes: ReadonlySet<string> = keys,
    /** From changedSince: people only renamed, each old name and its new one, whose runs are none of these. */
    readonly renames?: ReadonlyMap<string, string>,
  ) {
    this.mayBe = letterPairsOf(keys);
  }

  /** Whether no mention can differ: no word, and no one renamed. */
  get isEmpty(): boolean {
    return this.keys.size === 0 && this.renames === undefined;
  }

  /** Whether the key of the word text[start, end) is one of these. */
  has(text: string, start: number, end: number): boolean {
    return this.mayBe[foldedLetter(text.charCodeAt(start)) * 27 + foldedLetter(text.charCodeAt(end - 1))] === 1 && this.keys.has(transliterationKey(text.slice(start, end)));
  }

  /** Whether run `r` holds a word of these outside the spans of `occupied` (whose offsets are the text's plus `base`). */
  inRun(text: string, runs: Runs, r: number, occupied: Occupancy, base: number): boolean {
    for (let w = runs.first[r]!, to = runs.first[r + 1]!; w < to; w++) {
      const start = runs.start[w]!;
      const end = runs.end[w]!;
      if (this.has(text, start, end) && !occupied.overlaps(start + base, end + base)) return true;
    }
    return false;
  }

  /**
   * Whether word `w` of run `r`, one of these, ends words of the run whose keys make
   * one of the wholes: "In" ends "vadimirputin" only after words that make "vadimirput".
   */
  endsWhole(text: string, runs: Runs, r: number, w: number): boolean {
    const known = keysOfWords(runs);
    let key = keyOfWord(text, runs, known, w);
    for (let j = w; ; ) {
      if (this.wholes.has(key)) return true;
      if (--j < runs.first[r]!) return false;
      key = keyOfWord(text, runs, known, j) + key;
      if (!this.keys.has(key)) return false;
    }
  }

  /**
   * The words of the runs that are one of these, in order — but for a run's first word,
   * only those that may be whole (see endsWhole): most words start a run, and most of
   * these keys may only end a whole one ("in", "rputin" of "vadimirputin"). Words `skip`
   * marks 1 are passed over unread (in 10 MB, 21,000 "Putin"s inside "Vladimir Putin").
   */
  wordsIn(text: string, runs: Runs, skip?: Uint8Array): Int32Array {
    const { byPair, offsets } = wordsByLetterPair(text, runs);
    const known = keysOfWords(runs);
    const held: number[] = [];
    const mayBeWhole = (this.wholesMayBe ??= this.wholes === this.keys ? this.mayBe : letterPairsOf(this.wholes));
    for (const pair of this.pairs) {
      for (let k = offsets[mayBeWhole[pair] === 1 ? 2 * pair : 2 * pair + 1]!, to = offsets[2 * pair + 2]!; k < to; k++) {
        const w = byPair[k]!;
        if (skip?.[w] !== 1 && this.keys.has(keyOfWord(text, runs, known, w))) held.push(w);
      }
    }
    return Int32Array.from(held).sort();
  }

  /** The letter pairs (f * 27 + l) whose words may have one of these keys. */
  private get pairs(): number[] {
    return (this.pairList ??= [...this.mayBe.keys()].filter((p) => this.mayBe[p] === 1));
  }

  private pairList: number[] | undefined;
  private wholesMayBe: Uint8Array | undefined;
}

const pairIndexOfRuns = new WeakMap<Runs, { byPair: Int32Array; offsets: Int32Array }>();
const keysOfRuns = new WeakMap<Runs, (string | undefined)[]>();

/** The words' keys worked out so far, kept with the runs (which never change). */
function keysOfWords(runs: Runs): (string | undefined)[] {
  let keys = keysOfRuns.get(runs);
  if (!keys) keysOfRuns.set(runs, (keys = new Array<string | undefined>(runs.first[runs.count]!)));
  return keys;
}

/** The key of word `w` of the runs, worked out once (`known`: keysOfWords(runs)). */
function keyOfWord(text: string, runs: Runs, known: (string | undefined)[], w: number): string {
  return (known[w] ??= transliterationKey(text.slice(runs.start[w], runs.end[w])));
}

/** Works out ahead what a search of the runs for a person's words reads first (see wordsByLetterPair). */
export function indexWordsOf(text: string, runs: Runs): void {
  wordsByLetterPair(text, runs);
}

/**
 * The words grouped by their first and last letters, folded as foldedLetter folds them
 * (pair p = f * 27 + l), a run's first words before the others: those of pair p are
 * byPair[offsets[2p]] … byPair[offsets[2p + 2] - 1], the others from offsets[2p + 1],
 * each group in order. Kept with the runs, which never change: a search for a few keys
 * reads only the words that may have one.
 */
function wordsByLetterPair(text: string, runs: Runs): { byPair: Int32Array; offsets: Int32Array } {
  let index = pairIndexOfRuns.get(runs);
  if (index) return index;
  const { start, end, first } = runs;
  const n = first[runs.count]!;
  const groups = new Uint16Array(n);
  const offsets = new Int32Array(2 * 27 * 27 + 1);
  for (let r = 0, w = 0; w < n; w++) {
    while (first[r + 1]! <= w) r++;
    const pair = foldedLetter(text.charCodeAt(start[w]!)) * 27 + foldedLetter(text.charCodeAt(end[w]! - 1));
    offsets[(groups[w] = 2 * pair + (first[r] === w ? 0 : 1)) + 1]!++;
  }
  for (let g = 0; g < 2 * 27 * 27; g++) offsets[g + 1]! += offsets[g]!;
  const next = offsets.slice(0, 2 * 27 * 27);
  const byPair = new Int32Array(n);
  for (let w = 0; w < n; w++) byPair[next[groups[w]!]!++] = w;
  index = { byPair, offsets };
  pairIndexOfRuns.set(runs, index);
  return index;
}

/**
 * Every use of people's full names and family names, in any romanisation, in the runs
 * given: offsets plus `base`, the coordinates `occupied` is in.
 */
export function mentionsIn(forms: PersonForms, text: string, runs: Runs, occupied: Occupancy, base = 0): Mention[] {
  const out: Mention[] = [];
  // A form ends with one of these words: runs without any are skipped cheaply, most
  // without computing a key, by the letters a key can start and end with. One inside a
  // knowledge-base name does not count: so a run's mentions change only with the forms
  // of its words outside them (see PersonForms.changedSince).
  for (let r = 0; r < runs.count; r++) if (forms.endings.inRun(text, runs, r, occupied, base)) mentionsInRun(forms, text, runs, r, occupied, base, out);
  return out;
}

/** Appends to `out` the mentions in run `r`, which holds a word of forms.endings (offsets as in mentionsIn). */
export function mentionsInRun(forms: PersonForms, text: string, runs: Runs, r: number, occupied: Occupancy, base: number, out: Mention[]): void {
  const words = wordsOf(text, runs, runs.first[r]!, runs.first[r + 1]!);
  const { byKey, longest } = forms;
  // Longest known stretch first, left to right, never across a KB mention.
  let i = 0;
  let done = 0;
  while (i < words.length) {
    let found: { len: number; person: FoundPerson } | undefined;
    for (let len = Math.min(longest, words.length - i); len >= 1 && !found; len--) {
      const s = words[i]!.start;
      const e = words[i + len - 1]!.end;
      if (occupied.overlaps(s + base, e + base)) continue;
      const phrase = text.slice(s, e);
      if (len === 1 && (NOT_NAME_WORDS.has(phrase) || PARTICLES.has(phrase))) continue;
      const person = byKey.get(transliterationKey(phrase));
      if (person) found = { len, person };
    }
    if (!found) {
      i++;
      continue;
    }
    // A given name alone is one, not the start or end of another's name ("Nurlan Abdrakhmanov").
    if (found.len === 1 && forms.givenKeys.size > 0 && forms.givenKeys.has(transliterationKey(words[i]!.text)) && (i + 1 < words.length || (i > 0 && mayBeGivenName(words[i - 1]!.text)))) {
      i++;
      continue;
    }
    // "Temirov Live", an outlet named after its founder Bolot Temirov: a name another word
    // of an organisation's name follows is the organisation's.
    if (i + found.len < words.length && ORG_NAME_ENDS.has(words[i + found.len]!.text)) {
      i += found.len;
      continue;
    }
    // "Sulaimon Davlatov" where his brother Farrukh Davlatov is found: another given name
    // before a family name makes another person, not this one.
    if (found.len === 1 && i > done && wordCount(found.person.name) > 1 && !isFamilyFirst(found.person.name)) {
      const given = words[i - 1]!;
      if (mayBeGivenName(given.text) && !occupied.overlaps(given.start + base, given.end + base) && transliterationKey(given.text) !== transliterationKey(givenWord(found.person.name))) {
        i++;
        continue;
      }
    }
    let s = words[i]!.start;
    const e = words[i + found.len - 1]!.end;
    // "Dauletmurat Tazhimuratov was jailed … Mr Tazhimuratov": a given name before the one name a person is known by (words of a run have only blanks between them).
    if (found.len === 1 && i > done && wordCount(found.person.name) === 1) {
      const given = words[i - 1]!;
      if (mayBeGivenName(given.text) && !occupied.overlaps(given.start + base, given.end + base) && !inTitleCaseHeadline(text, given.start)) s = given.start;
    }
    const mention: Mention = { start: s + base, end: e + base, text: text.slice(s, e), type: found.person.type, entity: null, name: found.person.name };
    if (found.person.country) mention.country = found.person.country;
    out.push(mention);
    i += found.len;
    done = i;
  }
}

/** A mention of a person, as mentionsInRun makes it, named `name` instead (shaped as its mentions are: the loops that move them stay fast). */
export function renamedMention(m: Mention, name: string): Mention {
  const mention: Mention = { start: m.start, end: m.end, text: m.text, type: m.type, entity: null, name };
  if (m.country) mention.country = m.country;
  return mention;
}

/** Words that end an organisation's or a place's name after a person's ("Temirov Live", "Navalny Foundation", "Nazarbayev University"). */
const ORG_NAME_ENDS = new Set([
  'Live', 'News', 'Media', 'TV', 'Times', 'Post', 'Report', 'Group', 'Foundation', 'Fund', 'Center', 'Centre', 'Institute',
  'University', 'School', 'Company', 'Holding', 'Holdings', 'Bank', 'Street', 'Avenue', 'Square', 'Prize', 'Award', 'Airport',
  'Hospital', 'Library', 'Museum', 'Stadium', 'Bridge', 'Doctrine', 'Plan', 'Cup',
]);

/** Whether a word is written as a given name is (a capital, then lower-case letters; "Gul-Nora" too), and is no title, role or word a sentence starts with. */
function mayBeGivenName(word: string): boolean {
  return GIVEN_NAME_SHAPE.test(word) && !NOT_NAME_WORDS.has(word) && !TITLES.has(word) && !ROLES.has(word.toLowerCase()) && !PARTICLES.has(word);
}

const GIVEN_NAME_SHAPE = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;

/**
 * For a word whose first and last letters fold (as transliterationKey folds them) to
 * letters f and l (1–26; 0 when unknown), whether its key may be one of `keys`: index
 * f * 27 + l. The key starts with f unless "dzh", "dj", "zh", "kh", "y…" rewrite it, and
 * ends with l unless "zh", "y", "w" do; the letters they may become are listed.
 */
function letterPairsOf(keys: ReadonlySet<string>): Uint8Array {
  const code = (ch: string) => ch.charCodeAt(0) - 0x60;
  const keyPairs = new Set([...keys].filter((k) => k.length > 0).map((k) => code(k[0]!) * 27 + code(k.at(-1)!)));
  const firstMayBe: Record<string, string> = { d: 'dj', z: 'zj', k: 'kh', y: 'yie', w: 'wv' };
  const lastMayBe: Record<string, string> = { h: 'hj', y: 'yi', w: 'wv' };
  const out = new Uint8Array(27 * 27);
  for (let f = 0; f <= 26; f++) {
    for (let l = 0; l <= 26; l++) {
      if (f === 0 || l === 0) {
        out[f * 27 + l] = 1;
        continue;
      }
      const fl = String.fromCharCode(0x60 + f);
      const ll = String.fromCharCode(0x60 + l);
      for (const a of firstMayBe[fl] ?? fl) for (const b of lastMayBe[ll] ?? ll) if (keyPairs.has(code(a) * 27 + code(b))) out[f * 27 + l] = 1;
    }
  }
  return out;
}

/** Per code unit below U+2000: the one letter a–z it folds to (1–26), 0 for none or several; 255 not yet known. */
const FOLDED = new Uint8Array(0x2000).fill(255);

function foldedLetter(c: number): number {
  if (c >= 0x2000) return 0;
  let f = FOLDED[c]!;
  if (f === 255) {
    const s = String.fromCharCode(c).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]+/g, '');
    f = s.length === 1 && s >= 'a' && s <= 'z' ? s.charCodeAt(0) - 0x60 : 0;
    FOLDED[c] = f;
  }
  return f;
}

/** The spans already taken by knowledge-base mentions, for fast overlap tests. */
export class Occupancy {
  private readonly starts: number[];
  constructor(private readonly mentions: Mention[]) {
    this.starts = mentions.map((m) => m.start);
  }

  /** `overlaps` for spans asked in ascending order of end, as one pass over the text asks them. */
  ascending(): AscendingOccupancy {
    return new AscendingOccupancy(this, this.starts, this.mentions);
  }

  overlaps(start: number, end: number): boolean {
    // Mentions never overlap each other, so only the one starting last before `end` matters.
    const i = upperBound(this.starts, end - 1) - 1;
    return i >= 0 && this.mentions[i]!.end > start;
  }

  /** Whether a place's or a country's name starts at `at`. */
  placeAt(at: number): boolean {
    const m = this.mentions[upperBound(this.starts, at) - 1];
    return m !== undefined && m.start === at && (m.type === 'place' || m.type === 'country');
  }

  /** Whether an organisation's name (or its possessive) ends right before `at`, one space between. */
  orgEndingRightBefore(text: string, at: number): boolean {
    const m = this.mentions[upperBound(this.starts, at - 1) - 1];
    if (!m || m.type !== 'org' || m.end >= at) return false;
    const gap = text.slice(m.end, at);
    return gap === ' ' || gap === '’s ' || gap === "'s ";
  }

  /**
   * The country named right before a title on its line ("Kyrgyz President",
   * "Azerbaijan’s President"; not a country ending the line before, which keeps a cue
   * from depending on another line).
   */
  countryEndingNear(text: string, titleStart: number): string | undefined {
    const i = upperBound(this.starts, titleStart) - 1;
    const m = this.mentions[i];
    if (!m || (m.type !== 'country' && m.type !== 'demonym') || titleStart - m.end > 3) return undefined;
    for (let k = m.end; k < titleStart; k++) if (text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d) return undefined;
    return m.entity ?? undefined;
  }
}

/** A cursor walks the starts instead of a binary search per span. */
class AscendingOccupancy {
  private next = 0; // first mention starting at or after the last span's end
  private readonly sorted: boolean;

  constructor(
    private readonly occupancy: Occupancy,
    private readonly starts: readonly number[],
    private readonly mentions: readonly Mention[],
  ) {
    let k = 1;
    while (k < starts.length && starts[k]! >= starts[k - 1]!) k++;
    this.sorted = k >= starts.length;
  }

  overlaps(start: number, end: number): boolean {
    if (!this.sorted) return this.occupancy.overlaps(start, end);
    const { starts } = this;
    while (this.next < starts.length && starts[this.next]! <= end - 1) this.next++;
    return this.next > 0 && this.mentions[this.next - 1]!.end > start;
  }
}

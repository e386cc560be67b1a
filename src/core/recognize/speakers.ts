import type { Mention, Quote } from '../model/types';
import { escapeRegExp } from './fold';
import { isAsciiLetter } from './charClasses';
import { genderOfName, genderOfPronoun, type NameGender } from './nameGender';
import { CAPITALISED_ROLES, CITED_YEAR, COMPLEMENT_LINKS, HONORIFICS, INITIAL_DIGRAPHS, LEADER_TITLES, NOT_NAME_WORDS, NOT_ONE_PERSON, PERSON_ROLES, RELATIVES, SPEECH_VERBS } from './lexicon';
import * as chars from './paragraphs';
import { SentenceMarks, isOpeningMark, opensSentenceAt, sentenceEnd, sentenceStart } from './paragraphs';
import type { QuoteSpan } from './quotes';
import { firstStartingAt } from '../util/sortedByStart';
import { type Office, type OfficesOf, officesFromTitles } from './leaderOffices';
import { noSexKnown, type SexOf } from './personSex';
import { WordStarts } from './wordStarts';
import { designationBefore, wordEndingAt } from './designation';
import { ahead, alt, anyOf, group, isDigit, isLetter, isLower, isNumber, isSpace, isUpper, lit, notAfter, notAhead, one, oneOf, optional, repeat, run, seq, WordListPattern } from '../util/wordListPattern';

/**
 * Decides who is quoted. In order: an attribution right after the quote ("…,” X said /
 * said X / he said); one before it in the same sentence ("X says: “…”", "according to X",
 * "Tokayev complained about … “…”"); "X says:" ending the previous paragraph; a "said X"
 * inside a quote that never closed; the same speaker as the quote just before when
 * nothing else is said; and for a headline pull-quote, whoever says those words later.
 * Pronouns stand for the most recent person who spoke or was cited, or who is the
 * subject of a sentence since in the paragraph or the one before; "the Kremlin spokesman"
 * for the person introduced so, "the president" or "the Russian foreign minister" for the
 * last leader named who holds or held such an office (leaderOffices.ts). Two who speak
 * together make no one speaker. An honorific may stand before the speaker's name
 * ("…,” said Mr. Putin").
 */

const FOREIGN_MINISTER = /Foreign Minister|Foreign Secretary|^Secretary of State$/;
const DEFENCE_MINISTER = /Defen[cs]e Minister|Defen[cs]e Secretary|^Secretary of Defense$/;
const HEAD_OF_GOVERNMENT = /^(?:Prime Minister|Premier|Chairman of the Cabinet)|and Prime Minister/;
/**
 * Each title also as official releases write it, its words capitalised but "of" and "the"
 * ("the Head of State stated", "the Chairman of the Cabinet of Ministers said").
 */
function withCapitals(titles: readonly [string, RegExp | undefined][]): [string, RegExp | undefined][] {
  const capitalised = (title: string) => title.replace(/(?<![\p{L}])(?!of\b|the\b)\p{Ll}/gu, (c) => c.toUpperCase());
  return titles.flatMap(([title, office]): [string, RegExp | undefined][] => [[title, office], [capitalised(title), office]]);
}
/**
 * What "the Russian …" may call a country's leader before a speech verb, and the titles
 * of the offices it means in the knowledge base (any leader's when none is given).
 */
const GENERIC_LEADER_TITLES: readonly [string, RegExp | undefined][] = withCapitals([
  ['leader', undefined], ['head of state', undefined], ['strongman', undefined], ['ruler', undefined],
  ['president', /^President/], ['prime minister', HEAD_OF_GOVERNMENT], ['premier', HEAD_OF_GOVERNMENT],
  ['chairman of the cabinet of ministers', HEAD_OF_GOVERNMENT], ['chairman of the cabinet', HEAD_OF_GOVERNMENT],
  ['chancellor', /^Chancellor$/], ['king', /^King/], ['emir', /^Emir/],
  ['foreign minister', FOREIGN_MINISTER], ['top diplomat', FOREIGN_MINISTER], ['chief diplomat', FOREIGN_MINISTER],
  ['defence minister', DEFENCE_MINISTER], ['defense minister', DEFENCE_MINISTER],
  ['governor', /^Governor/], ['mayor', /^Mayor/],
  // Last: any minister ("the Chinese minister said"), not the prime minister.
  ['minister', /(?<!Prime )Minister(?! of State for)|^Secretary of State$/],
]);
/** Each generic title and the offices it means ("minister" any leader's too). */
const GENERIC_TITLE_OFFICES = new Map<string, RegExp | undefined>([...GENERIC_LEADER_TITLES, ['minister', undefined]]);
/** The speech verbs, the longest first, as the patterns below try them. */
export const VERB_LIST: readonly string[] = [...SPEECH_VERBS].sort((a, b) => b.length - a.length);
const VERBS = VERB_LIST.map(escapeRegExp).join('|');
const ROLES = [...PERSON_ROLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
/** Roles, and what "the president" or "the 70-year-old leader" calls a leader, as the subject of a speech verb. */
export const SUBJECT_ROLE_LIST: readonly string[] = [...PERSON_ROLES, ...GENERIC_TITLE_OFFICES.keys()].sort((a, b) => b.length - a.length);
const SUBJECT_ROLES = SUBJECT_ROLE_LIST.map(escapeRegExp).join('|');

// The patterns with those lists in them are WordListPatterns (see wordListPattern.ts);
// each comment gives the RegExp it means, which its property test compares it with.
/** `[\s,.:;—–-]*`, `[ \u00a0]+`, `(?![\p{L}])`, `[\p{L}\p{N}-]+[ \u00a0]+`. */
const LEAD = run((cp) => isSpace(cp) || LEAD_MARKS(cp), 0);
const LEAD_MARKS = anyOf(',.:;—–-');
const BLANKS = run(isBlank);
const WORD_ENDS = notAhead(one(isLetter));
/** A word before a role, or an abbreviation with its dots ("a senior U.S. official"): `(?:(?:\p{Lu}\.){2,4}|[\p{L}\p{N}-]+)[ \u00a0]+`. */
const DESCRIPTOR = seq(alt(repeat(seq(one(isUpper), lit('.')), 2, 4), run((cp) => isLetter(cp) || isNumber(cp) || cp === 0x2d)), BLANKS);
const VERB = seq(oneOf(VERB_LIST), WORD_ENDS);
/** `(?:one|two|…)[ \u00a0]+`. */
const wordThenBlanks = (words: readonly string[]) => seq(oneOf(words), BLANKS);
/** `^[\s,.:;—–-]*(?:he|she|they|He|She|They)[ \u00a0]+(?:would[ \u00a0]+)?(?:also[ \u00a0]+|further[ \u00a0]+|then[ \u00a0]+|later[ \u00a0]+)?(?:${VERBS})(?![\p{L}])` */
const PRONOUN_VERB_AT_START = new WordListPattern(
  seq(LEAD, wordThenBlanks(['he', 'she', 'they', 'He', 'She', 'They']), optional(wordThenBlanks(['would'])), optional(wordThenBlanks(['also', 'further', 'then', 'later'])), VERB),
  0,
);
/** "“…,” said his wife": the verb first. */
/** `^[\s,.:;—–-]*(?:${VERBS})[ \u00a0]+(?:his|her|their|the)[ \u00a0]+(?:(?:older|younger|elder|eldest|youngest)[ \u00a0]+)?(${RELATIVES.join('|')})(?![\p{L}])` */
const VERB_RELATIVE_AT_START = new WordListPattern(
  seq(LEAD, oneOf(VERB_LIST), BLANKS, wordThenBlanks(['his', 'her', 'their', 'the']), optional(wordThenBlanks(['older', 'younger', 'elder', 'eldest', 'youngest'])), group(1, oneOf(RELATIVES)), WORD_ENDS),
  1,
);
/** `^[\s,.:;—–-]*(?:his|her|their|His|Her|Their|the|The)[ \u00a0]+(?:(?:older|younger|elder|eldest|youngest)[ \u00a0]+)?(${RELATIVES.join('|')})[ \u00a0]+(?:also[ \u00a0]+)?(?:${VERBS})(?![\p{L}])` */
const RELATIVE_VERB_AT_START = new WordListPattern(
  seq(LEAD, wordThenBlanks(['his', 'her', 'their', 'His', 'Her', 'Their', 'the', 'The']), optional(wordThenBlanks(['older', 'younger', 'elder', 'eldest', 'youngest'])), group(1, oneOf(RELATIVES)), BLANKS, optional(wordThenBlanks(['also'])), VERB),
  1,
);
const WRITER_VERB_AT_START = new RegExp(`^[\\s,.:;—–-]*I[ \\u00a0]+(?:${VERBS})(?![\\p{L}])`, 'u');
const AGED_VERB_AT_START = new RegExp(`^[\\s,.:;—–-]*(?:the|The)[ \\u00a0]+\\d{1,3}-year-old(?:[ \\u00a0]+[\\p{L}-]+){0,3}?[ \\u00a0]+(?:${VERBS})(?![\\p{L}])`, 'u');
/** "a" or "an" (in `articles`), up to three descriptor words, a role (group 1): "a foreign ministry spokeswoman", "A spokesman". */
const someoneRole = (articles: string) => `(?:${articles})[ \\u00a0]+(?:(?:(?:\\p{Lu}\\.){2,4}|[\\p{L}\\p{N}-]+)[ \\u00a0]+){0,3}?(${SUBJECT_ROLES})`;
/**
 * "“…,” a foreign ministry spokeswoman said": someone new by role, a speech verb.
 * `^[\s,.:;—–-]*${someoneRole('a|an')}[ \u00a0]+(?:also[ \u00a0]+)?(?:${VERBS})(?![\p{L}])`
 */
const SOMEONE_VERB_AT_START = new WordListPattern(
  seq(LEAD, wordThenBlanks(['a', 'an']), repeat(DESCRIPTOR, 0, 3, true), group(1, oneOf(SUBJECT_ROLE_LIST)), BLANKS, optional(wordThenBlanks(['also'])), VERB),
  1,
);
/** "He" or "She" opening a sentence, then a word in lower case: "She points", "He shrugged". */
const PRONOUN_ACTS = /^(?:He|She)[ \u00a0]+\p{Ll}{2,}(?![\p{L}])/u;
/** "A spokesman …" opening a sentence. */
const SOMEONE_AT = new RegExp(`^${someoneRole('a|an|A|An')}(?![\\p{L}])`, 'u');
/** The same as a sentence's subject before the quote ("a state prosecutor told the court"): sticky, tried where a clause starts. */
const SOMEONE_SUBJECT = new RegExp(`${someoneRole('a|an|A|An')}[ \\u00a0]+(?:also[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'uy');
/** "another", "a second" or "other" before a role: someone else than the one meant. */
const ANOTHER_BEFORE = /(?<![\p{L}])(?:[Aa]nother|[Oo]ther|second|third)[ \u00a0]+(?:[\p{L}-]+[ \u00a0]+){0,3}[\p{L}-]*,?[ \u00a0]*$/u;
/** `^[\s,.:;—–-]*(?:the|The)[ \u00a0]+(?:(?:(?:\p{Lu}\.){2,4}|[\p{L}\p{N}-]+)[ \u00a0]+)?(?:${SUBJECT_ROLES})s?[ \u00a0]+(?:also[ \u00a0]+|further[ \u00a0]+)?(?:${VERBS})(?![\p{L}])` */
const ROLE_VERB_AT_START = new WordListPattern(
  seq(LEAD, wordThenBlanks(['the', 'The']), optional(DESCRIPTOR), oneOf(SUBJECT_ROLE_LIST), optional(lit('s')), BLANKS, optional(wordThenBlanks(['also', 'further'])), VERB),
  0,
);
/** A speech verb between a comma and the name after it: ", said ", ", says ". */
const SAID_BETWEEN_COMMAS = new RegExp(`,[ \\u00a0]+(?:${VERBS})[ \\u00a0]+$`, 'u');
/** Sticky: tried only where a pronoun or "the" starts, see `firstMatch`. */
/**
 * (A verb of a gesture and "and" may come first: "she smiled and said".)
 * `(?<![\p{L}])(?:he|she|He|She|they|They)[ \u00a0]+(?:\p{Ll}+ed[ \u00a0]+and[ \u00a0]+)?(?:(?:also|further|then|again|later)[ \u00a0]+)?(?:${VERBS})(?![\p{L}])`, sticky
 */
const PRONOUN_SUBJECT = new WordListPattern(
  seq(notAfter(isLetter), wordThenBlanks(['he', 'she', 'He', 'She', 'they', 'They']), optional(seq(run(isLower), lit('ed'), BLANKS, lit('and'), BLANKS)), optional(wordThenBlanks(['also', 'further', 'then', 'again', 'later'])), VERB),
  0,
  'sticky',
);
/**
 * (A clause between commas may follow the role: "The president, whose own powers are largely ceremonial, said".)
 * `(?<![\p{L}])(?:the|The)[ \u00a0]+(?:[\p{L}\p{N}-]+[ \u00a0]+)?(?:${SUBJECT_ROLES})s?(?:,[ \u00a0]+(?:who|whose|whom|which)[ \u00a0][^,“”"«»\n]{1,80},)?[ \u00a0]+(?:(?:also|further|then|again|later)[ \u00a0]+)?(?:${VERBS})(?![\p{L}])`, sticky
 */
const ROLE_SUBJECT = new WordListPattern(
  seq(
    notAfter(isLetter),
    wordThenBlanks(['the', 'The']),
    optional(DESCRIPTOR),
    oneOf(SUBJECT_ROLE_LIST),
    optional(lit('s')),
    optional(seq(lit(','), BLANKS, oneOf(['who', 'whose', 'whom', 'which']), one(isBlank), run((cp) => !CLAUSE_STOPS(cp), 1, 80), lit(','))),
    BLANKS,
    optional(wordThenBlanks(['also', 'further', 'then', 'again', 'later'])),
    VERB,
  ),
  0,
  'sticky',
);
const CLAUSE_STOPS = anyOf(',“”"«»\n');
/** ", saying …", ", telling reporters …": a participle of speech after a comma. */
const PARTICIPLE_OF_SPEECH = /,[ \u00a0]+(?:saying|telling|adding|noting|stressing|insisting|arguing|explaining)(?![A-Za-zÀ-ɏ])/;
/** A sentence that opens with "He"/"She" (group 1) or "The" and a role (group 2), then a verb's word. */
const OPENING_SUBJECT = new RegExp(`^(?:(He|She)|(The)[ \\u00a0]+(?:[\\p{L}\\p{N}-]+[ \\u00a0]+)?(?:${SUBJECT_ROLES}))[ \\u00a0]+\\p{Ll}`, 'u');
const OBJECT_PRONOUN = /^(him|her)(?![\p{L}])/u;
/** A work's year in brackets after its author's name (" (2022)"). */
const CITED_YEAR_AT = new RegExp(`^${CITED_YEAR}`);
/** What lies between the two halves of a quote its attribution splits: no sentence's end, no line break, a comma before the second half. */
const SPLIT_BY_ATTRIBUTION = /^[^.!?\n“”"«»]*,[ \u00a0]*$/;
/** "According to" a source, anywhere in a sentence. */
const ACCORDING_TO = /(?<![\p{L}])[Aa]ccording[ \u00a0]+to[ \u00a0]/u;

/** The word before a name and the capitalised words of its title ("with Uzbek President "): group 1. */
const OBJECT_BEFORE_NAME = /(?<![\p{L}])(\p{L}+)[ \u00a0]+(?:\p{Lu}[\p{L}.’'-]*[ \u00a0]+){0,4}$/u;

/** A capital of the Latin alphabet, as abbreviations are written ("U.S.", "E.U."). */
const isCapitalCode = (c: number): boolean => c >= 0x41 && c <= 0x5a;

/** What ends a quote's words where its attribution follows: “…,” “…?” “…!” */
const ATTRIBUTION_HANDOFF = new Set([0x2c, 0x3f, 0x21]);

/** Speech denied: "Li Qiang said nothing", "she would not say", "the ministry declined to comment". */
const SAID_NOTHING = /(?<![\p{L}])(?:said|says|say|saying)[ \u00a0]+nothing(?![\p{L}])|(?:(?<![\p{L}])(?:not|never|declined[ \u00a0]+to|refused[ \u00a0]+to)|n[’']t)[ \u00a0]+(?:say|comment|speak|tell|answer)(?![\p{L}])/u;

const ROLE_AFTER_ACCORDING = new RegExp(`^(?:the|The)[ \\u00a0]+(?:${ROLES})`, 'u');
/**
 * "the judge cut" where tried (sticky): "the", a role (group 2, "former" or another word
 * before it in group 1), then a word in lower case that is no preposition or conjunction.
 */
const ROLE_ACTING = new RegExp(`(?:the|The)[ \\u00a0]+(?:([\\p{L}\\p{N}-]+)[ \\u00a0]+)??(${SUBJECT_ROLES})[ \\u00a0]+(?!(?:and|or|of|in|at|on|to|for|with|from|by|as|into|about|who|whose|whom|which|that)(?![\\p{L}]))\\p{Ll}`, 'uy');
/**
 * The role "the Kremlin spokesman" names, once ROLE_SUBJECT or ROLE_VERB_AT_START matched there.
 * `^(?:the|The)[ \u00a0]+(?:([\p{L}\p{N}-]+)[ \u00a0]+)??(${SUBJECT_ROLES})(?![\p{L}])`
 */
const ROLE_AT = new WordListPattern(
  seq(wordThenBlanks(['the', 'The']), optional(seq(group(1, run((cp) => isLetter(cp) || isNumber(cp) || cp === 0x2d)), BLANKS), true), group(2, oneOf(SUBJECT_ROLE_LIST)), WORD_ENDS),
  2,
);
const APPOSITIVE = /,[ \u00a0]+(?:a|an|the)[ \u00a0]/u;
const OF_THE = /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?/;
/** A noun of what someone said or wrote, then "from" and a role in lower case or none, right before their name: "a line from ", "one last dispatch from our correspondent ". */
const WORDS_FROM = /(?<![\p{L}])(?:line|lines|message|dispatch|word|words|note|letter|statement|remark|remarks|post|tweet|reply|answer|update|warning|appeal|quote)[ \u00a0]+from[ \u00a0]+(?:(?:our|the|its|their|his|her)[ \u00a0]+\p{Ll}[\p{Ll}-]*(?:[ \u00a0]+\p{Ll}[\p{Ll}-]*)?[ \u00a0]+)?$/u;
/** "’s remark … that " up to a quote: a noun of speech after a possessive, then "that" before the quote. */
const SPEECH_NOUN_THAT = /^[’']s[ \u00a0]+(?:remarks?|comments?|statement|claim|warning|assurance|promise|pledge|insistence|argument|assertion)(?![\p{L}])[^.!?“”"]{0,100}?(?<![\p{L}])that[ \u00a0][^“”"]*$/u;
const PRONOUNS = ['he', 'she', 'they', 'He', 'She', 'They'];
const ARTICLES = ['the', 'The'];
const OPENING_ARTICLES = ['The', 'A', 'An'];
const ANONYMITY = /on condition of anonymity|not to be (?:named|identified)|declined to be (?:named|identified)/;
const IN_THEIR_WORDS = /(?<![\p{L}])[Ii]n[ \u00a0]+(his|her)[ \u00a0]+(?:own[ \u00a0]+)?(?:words|view|opinion|assessment)(?![\p{L}])/u;
/** "Her answer was:", "His reply was short:" before a quote: the words are whom the pronoun stands for. */
const THEIR_ANSWER = /(?<![\p{L}])(His|Her|his|her)[ \u00a0]+(?:answer|reply|response|retort|verdict|message|explanation)(?:[ \u00a0]+(?:was|is|came))?(?:[ \u00a0]+\p{Ll}+)?[ \u00a0]*:[ \u00a0]*$/u;
/** A preposition opening the words before a name, or a subordinating word among them: no descriptors of that name. */
const PHRASE_BEFORE_NAME = /^[\s,]*(?:in|on|at|with|for|to|from|about|against|over|under|during|between|among|by)[ \u00a0]|(?<![\p{L}])(?:after|before|when|because|since|until|once|where|if)[ \u00a0]/u;
/** A conjunction opening another clause: "“historic”, while Kazakh President … said" or "“…,” and Energy Minister … told" is no attribution of the quote. */
const CLAUSE_OPENER = /(?<![\p{L}])(?:while|whereas|but|though|although)(?![\p{L}])|^and[ \u00a0]/u;
const RELATIVE_PRONOUNS = ['who', 'which'];
/** Between a subject and its verb ("Hess has repeatedly said", "Putin, who said", "NATO, which said"). */
const GAP_ADVERBS = new Set(['who', 'which', 'also', 'further', 'then', 'again', 'later', 'once', 'still', 'even', 'has', 'had', 'have', 'was', 'is', 'repeatedly', 'publicly', 'openly']);

// Read once: transpiled to CommonJS (tsx, the tests) an import is a getter call on every use.
const charKind = chars.charKind;
const kindTable = chars.kindTable;
const TABLE_SIZE = chars.KIND_TABLE_SIZE;
const LETTER = chars.LETTER;
const SPACE = chars.SPACE;
const UPPER = chars.UPPER;

/**
 * The matching here is spelt out over char codes rather than left to `u` RegExps, which
 * cost most of the time and are tried at every position. Each function below says which
 * pattern it stands for; it matches exactly what the pattern did, code points and all.
 */
interface Trie {
  next: Map<number, Trie>;
  word: boolean;
}

function trieOf(words: readonly string[], backwards: boolean): Trie {
  const root: Trie = { next: new Map(), word: false };
  for (const w of words) {
    let node = root;
    for (let k = 0; k < w.length; k++) {
      const c = w.charCodeAt(backwards ? w.length - 1 - k : k);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), word: false }));
      node = child;
    }
    node.word = true;
  }
  return root;
}

// Every verb starts and ends with a letter, so the spaces around one are whole runs.
const VERB_TRIE = trieOf(SPEECH_VERBS, false);
/**
 * Speech verbs a speaker may follow ("said Rustam Aliev"), "according to", and "quoted"
 * ("quoted Temir Sariyev, described as …": who is quoted speaks). Not those whose object
 * or topic a name after them is ("described Putin waiting", "urged Tokayev", "asked about
 * Prigozhin").
 */
const OBJECT_TAKING_VERBS = new Set(['described', 'describes', 'called', 'calls', 'accused', 'accuses', 'urged', 'urges', 'praised', 'praises', 'condemned', 'condemns', 'criticised', 'criticized', 'slammed', 'lauded', 'thanked', 'dismissed', 'denounced', 'branded', 'labelled', 'labeled', 'hailed', 'hails', 'defended', 'defends', 'asked', 'asks']);
const CUE_BACKWARDS_TRIE = trieOf([...SPEECH_VERBS.filter((v) => !OBJECT_TAKING_VERBS.has(v)), 'according to', 'quoted'], true);

/**
 * Sets `speaker` on the quotes with index in [from, to) — by default all of them — from
 * scratch. The quotes before `from` must already be attributed (a quote may continue
 * the one before it).
 */
export function attributeSpeakers(text: string, spans: QuoteSpan[], quotes: Quote[], mentions: Mention[], from = 0, to = quotes.length, offices: OfficesOf = officesFromTitles, wrapped = false, sexOf: SexOf = noSexKnown): void {
  speakerAttributor(text, mentions, offices, wrapped, sexOf)(spans, quotes, from, to);
}

/**
 * A hard-wrapped text as its paragraphs read: each line break inside a paragraph (not one
 * next to a blank line, which ends a paragraph as paragraphsIn reads it) a space, "\r\n"
 * two, so that every offset stays.
 */
export function unwrapped(text: string): string {
  return text.replace(/(?<![\n\r][ \t]*)\r?\n(?![ \t]*\r?\n)/g, (brk) => (brk.length === 1 ? ' ' : '  '));
}

/**
 * Prepares what attribution needs from a text and its mentions once, and returns a
 * function that attributes a range of quotes — cheap to call many times.
 */
export function speakerAttributor(
  text: string,
  mentions: Mention[],
  /** The offices a leader mention holds or held, for "the Russian foreign minister said". */
  offices: OfficesOf = officesFromTitles,
  /** The text is hard-wrapped: its line breaks inside a paragraph are read as spaces ("… Putin\ntold Tokayev"). */
  wrapped = false,
  /** A known person's sex, for "she said" to pass over a man the name does not show as one. */
  sexOf: SexOf = noSexKnown,
): (spans: QuoteSpan[], quotes: Quote[], from?: number, to?: number) => void {
  if (wrapped) text = unwrapped(text);
  const people = mentions.filter((m) => isSpeaking(m.type));
  /**
   * "the Russian foreign minister": the last leader named before `at`, within 3,000
   * characters, who holds or held an office of `country` titled as `title` says (any
   * office when it says nothing; an office of unknown title counts either way).
   */
  const leaderOf = ({ country, title }: DemonymLeader, at: number): Mention | undefined =>
    lastLeaderBefore(at, (o) => o.country === country && (!title || o.title === undefined || title.test(o.title)));
  /**
   * The last leader named before `at`, within 3,000 characters, who holds an office
   * `holds` takes, else who held one (any leader without it): "the president" is
   * Serdar Berdimuhamedov though his father, president before him, was named since.
   */
  const lastLeaderBefore = (at: number, holds?: (o: Office) => boolean, formerAsked = false): Mention | undefined => {
    let other: Mention | undefined;
    for (let i = firstStartingAt(people, at) - 1; i >= 0 && at - people[i]!.start < 3000; i--) {
      const p = people[i]!;
      if (p.type !== 'leader') continue;
      if (!holds) return subjectBeforeObject(i, (s) => s.type === 'leader');
      const held = offices(p)?.filter(holds);
      if (!held?.length) continue;
      // "the former president": one who held it, before one who holds it.
      if (held.some((o) => (o.former === true) === formerAsked)) return subjectBeforeObject(i, (s) => s.type === 'leader' && offices(s)?.some((o) => holds(o) && (o.former === true) === formerAsked) === true);
      other ??= p;
    }
    return other;
  };
  /** Whether the leader `p` is named as a preposition's object ("held talks with Uzbek President Shavkat Mirziyoyev"). */
  const objectOfPreposition = (p: Mention): boolean => {
    const before = OBJECT_BEFORE_NAME.exec(text.slice(Math.max(0, p.start - 60), p.start));
    return before !== null && OBJECT_PREPOSITIONS.has(before[1]!.toLowerCase());
  };
  /**
   * people[i], or when it is named as a preposition's object, one before it in its sentence
   * who also `fits` and is not: "Russian President Vladimir Putin held talks with Uzbek
   * President Shavkat Mirziyoyev … “…,” the president stressed" is Putin.
   */
  const subjectBeforeObject = (i: number, fits: (m: Mention) => boolean): Mention => {
    const p = people[i]!;
    if (!objectOfPreposition(p)) return p;
    const from = sentenceStart(text, p.start, Math.max(0, p.start - LONGEST_SENTENCE));
    for (let j = i - 1; j >= 0 && people[j]!.start >= from; j--) {
      const s = people[j]!;
      if (s.name !== p.name && fits(s) && !objectOfPreposition(s)) return s;
    }
    return p;
  };
  /**
   * "the Russian foreign minister said" from `at` (at "the"), or "Russia's top diplomat
   * said" (at the country), within `end`: the demonym's or the country's mention and the
   * office it names, if a leader's title follows it — and a speech verb, when `verb` asks
   * for one.
   */
  const demonymLeaderAt = (at: number, end: number, verb = true): DemonymLeader | undefined => {
    const article = startsWithWord(text, at, end, ARTICLES);
    const d = all[firstStartingAt(all, article ? skipBlanks(text, at + 3, end) : at)];
    if (!d || d.entity === null) return undefined;
    // "the Kremlin leader": a building or a capital that stands for its country's government.
    const seat = article && d.type === 'place' ? offices(d)?.[0]?.country : undefined;
    if (article ? d.start !== skipBlanks(text, at + 3, end) || (d.type !== 'demonym' && seat === undefined) : d.start !== at || d.type !== 'country' || !possessiveAt(text, d.end)) return undefined;
    const after = article ? d.end : d.end + 2;
    const titleAt = skipBlanks(text, after, end);
    if (titleAt === after) return undefined;
    for (const [title, office] of GENERIC_LEADER_TITLES) {
      if (text.startsWith(title, titleAt) && (verb ? verbAfterGap(text, titleAt + title.length, end) : !(kindOf(text.charCodeAt(titleAt + title.length)) & LETTER))) return { demonym: d, country: seat ?? d.entity, title: office };
    }
    return undefined;
  };
  /**
   * "the President of Uzbekistan said" from `at` (at "the"), within `end`: the country's
   * mention and the office its title names, a speech verb after them.
   */
  const titleOfCountryAt = (at: number, end: number): DemonymLeader | undefined => {
    if (!startsWithWord(text, at, end, ARTICLES)) return undefined;
    const titleAt = skipBlanks(text, at + 3, end);
    const head = text.slice(titleAt, titleAt + 20).toLowerCase();
    for (const [title, office] of GENERIC_LEADER_TITLES) {
      if (!head.startsWith(title)) continue;
      const of = OF_THE.exec(text.slice(titleAt + title.length, titleAt + title.length + 12));
      if (!of) return undefined;
      const countryAt = titleAt + title.length + of[0].length;
      const d = all[firstStartingAt(all, countryAt)];
      if (!d || d.start !== countryAt || d.type !== 'country' || d.entity === null || !verbAfterGap(text, d.end, end)) return undefined;
      return { demonym: d, country: d.entity, title: office };
    }
    return undefined;
  };
  // Whether each person mention is a speech event, worked out only when a pronoun asks:
  // most are never asked about. 0 not yet known, 1 yes, 2 no.
  const speechEvent = new Uint8Array(people.length);
  const isSpeechEvent = (i: number): boolean => {
    if (speechEvent[i] === 0) speechEvent[i] = isSpeechEventAt(text, people[i]!) ? 1 : 2;
    return speechEvent[i] === 1;
  };
  const all = mentions;
  // One for the ends after quotes and one for the starts before them: each is asked in
  // ascending order, and one asked by turns would search anew for every question.
  const endMarks = SentenceMarks.ends(text);
  const startMarks = SentenceMarks.starts(text);

  // Whether each person mention is the subject its sentence starts with, asked as above.
  const subject = new Uint8Array(people.length);
  const isSubject = (i: number): boolean => {
    if (subject[i] === 0) subject[i] = isSubjectAt(text, people[i]!) ? 1 : 2;
    return subject[i] === 1;
  };

  /**
   * Whether a person may be whom a pronoun of `gender` stands for: the knowledge base
   * (for a known `entity`) or else their name does not say otherwise (see nameGender.ts).
   */
  const genders = new Map<string, NameGender | undefined>();
  const fitsName = (name: string, entity: string | null, gender: NameGender | undefined): boolean => {
    if (gender === undefined) return true;
    let g = genders.get(name);
    if (g === undefined && !genders.has(name)) genders.set(name, (g = (entity !== null ? sexOf(entity) : undefined) ?? genderOfName(name)));
    return g === undefined || g === gender;
  };
  // An honorific before the mention says it too ("Mrs. Leung" is no "he").
  const fits = (p: Mention, gender: NameGender | undefined): boolean => fitsName(p.name, p.entity, gender) && (gender === undefined || (honorificGender(text, p.start) ?? gender) === gender);

  /**
   * The most recent person who spoke or was cited before `at`, or who is the subject of
   * a sentence since in its paragraph or the one before ("Mirziyoyev was more cautious.
   * “…,” he told the BBC."); else whom the last quote was given, when no such person came
   * since it (as a mention made of its speaker's name); else the last person named — of
   * them, only those whose name does not say they are not of the pronoun's `gender`
   * ("she" is not Tokayev).
   */
  const resolvePronoun = (at: number, gender?: NameGender): Mention | undefined => {
    const last = firstStartingAt(people, at) - 1;
    let since = paragraphBefore(text, at);
    // A line of dialogue between ("Zhang packed her contracts. / “Will you come back?” I asked. / “Of course,” she said.") leaves the paragraph before it as near.
    // So do several, an exchange by turns ("Her husband, Bakhtiyor, appeared on the screen. / “Did you eat?” she asked. / … / “…,” he said.").
    for (let lines = 0; since > 0 && isOpeningMark(text.charCodeAt(since)) && at - since < 400 + lines * SHORT_TURN && lines < UNNAMED_REACH_LINES; lines++) since = paragraphBefore(text, since);
    // So does the writer's short paragraph to them ("Nurbek … asked me what I would write. / I told him I wasn’t sure. / “…,” he said.").
    if (since > 0 && text.charCodeAt(since) === 0x49 && at - since < 400 && WRITER_TO_THEM.test(text.slice(since, text.indexOf('\n', since) >>> 0))) since = paragraphBefore(text, since);
    // Someone unnamed is the subject of this sentence or the one before ("A nurse …, who asked not to be identified, said …"): no one named before.
    const unnamed = unnamedSubjectBefore(text, at, gender, namedSubjectIn, mentionAt);
    // Who spoke last, by a quote attributed before `at` ("“…,” he said. … “…,” he continued"), if the pronoun may stand for them.
    const spoken = lastSpoken?.speaker && lastSpoken.end <= at && lastSpoken.start >= unnamed && at - lastSpoken.end < 3000 && fitsName(lastSpoken.speaker, lastSpoken.speakerEntity, gender) && spokenByPerson(lastSpoken) ? lastSpoken : undefined;
    // A paragraph after the last quote's that opens on someone new ("For Tursun, in Istanbul, …", "Uzbekistan: President
    // Shavkat Mirziyoyev fired …"): the first person it names stands for "he" more surely than anyone before it.
    // Not one after a pronoun that stands for someone before ("He was visibly pleased when Xi nodded along."), nor one
    // after a word in lower case but a role, the object of a verb or a preposition ("Voters who met Mirziyoyev were few",
    // "In 1988, under Mikhail Gorbachev, he was invited …").
    const paragraph = text.lastIndexOf('\n', at - 1) + 1;
    const opener = (): Mention | undefined => {
      if (lastSpoken && lastSpoken.end >= paragraph) return undefined;
      for (let i = firstStartingAt(people, paragraph); i <= last; i++) {
        const m = people[i]!;
        if (PERSONAL_PRONOUN.test(text.slice(paragraph, m.start))) return undefined;
        if (fits(m, gender) && !quoted(m.start) && !possessiveAt(text, m.end) && !(lowerWordBefore(text, m.start) && !endsWithRole(text, paragraph, m.start))) return m;
      }
      return undefined;
    };
    // Whom the writer asked since ("I asked Zhou whether he worried about that. / “…,” he said."): the one who answers.
    const asked = askedBy(since, at);
    if (asked && asked.start > unnamed && fits(asked, gender) && !(spoken && asked.start < spoken.start)) return asked;
    for (let i = last; i >= 0 && at - people[i]!.start < 3000 && !(spoken && people[i]!.start < spoken.start) && people[i]!.start >= unnamed; i--) {
      // "Kovalenko's mother stood by the steps. / “…,” she said.": the one introduced as his mother, or no one named.
      const relative = people[i]!.start >= since && !quoted(people[i]!.start) ? possessedSubject(i, gender) : undefined;
      if (relative !== undefined) {
        if (relative) return relative;
        roleUnnamed = true;
        return undefined;
      }
      // "In the evening, Gulnara’s phone rang. … “Did you eat?” she asked.": the owner of a thing opening a sentence since.
      if (people[i]!.start >= since && fits(people[i]!, gender) && !quoted(people[i]!.start) && ownsThing(i)) return people[i];
      if (fits(people[i]!, gender) && !quoted(people[i]!.start) && ((isSpeechEvent(i) && !possessiveAt(text, people[i]!.end)) || (people[i]!.start >= since && isSubject(i)))) return (people[i]!.start < paragraph && opener()) || people[i];
    }
    if (unnamed >= 0 && !spoken) {
      // "A spokesman for the ministry told journalists … “…,” he said." and the spokesman named soon after: him.
      const role = SOMEONE_AT.exec(text.slice(pastBullet(text, unnamed, at), at));
      const later = role ? namedLater(role[1]!.toLowerCase(), unnamed) : undefined;
      if (later && fits(later, gender)) return later;
      // Nor does the quote continue the statement before it.
      roleUnnamed = true;
      return undefined;
    }
    const first = opener();
    if (first) return first;
    if (spoken) return { start: spoken.start, end: spoken.end, text: spoken.speaker!, type: 'person', entity: spoken.speakerEntity, name: spoken.speaker! };
    // (Not the writer of a byline: "she told me" is never them.)
    for (let i = last; i >= 0 && at - people[i]!.start < FALLBACK_REACH; i--) if (fits(people[i]!, gender) && !quoted(people[i]!.start) && !inByline(text, people[i]!.start)) return people[i];
    return undefined;
  };
  /** The quotes of the attribution under way, for `quoted`. */
  let quoteSpans: readonly QuoteSpan[] = [];
  /**
   * Whether `at` is inside a closed quote ("“I know Pushkin!”"): no one named there is whom
   * a pronoun outside stands for. The last outermost quote starting before `at` says.
   */
  const quoted = (at: number): boolean => {
    let k = firstStartingAt(quoteSpans, at + 1) - 1;
    while (k >= 0 && quoteSpans[k]!.depth > 0) k--;
    return k >= 0 && quoteSpans[k]!.end > at && !quoteSpans[k]!.unclosed;
  };
  /** The last quote of speech before the one being attributed, unless its speaker was taken from a repeat. */
  let lastSpoken: Quote | undefined;
  /** Whether a quote's speaker is a person (not "Geely said"): the type of the last mention of that name before its end. */
  const spokenByPerson = (q: Quote): boolean => {
    for (let k = firstStartingAt(all, q.end) - 1; k >= 0 && q.end - all[k]!.start < 3000; k--) if (all[k]!.name === q.speaker) return isSpeaking(all[k]!.type);
    return false;
  };

  /**
   * "the Kremlin spokesman said" at `at` (at "the"), within `end`: the last person before
   * `before` (by default `at`) introduced with that role ("Kremlin Spokesman Dmitry
   * Peskov", "Peskov, the Kremlin spokesman,"), within 3,000 characters; else, for a
   * leader's title ("the president"), the last leader who holds or held such an office,
   * and for other roles as "he said". Undefined for "the Kazakh president", which the
   * demonym's rule reads.
   */
  const resolveRole = (at: number, end: number, before = at): Mention | undefined => {
    const match = ROLE_AT.exec(text.slice(at, Math.min(end, at + 80)));
    if (!match) return resolvePronoun(before);
    // "the Kazakh president": the demonym's rule says whom (see demonymLeaderAt).
    if (match[1] !== undefined) {
      const wordAt = at + match[0].indexOf(match[1], 3);
      const d = all[firstStartingAt(all, wordAt)];
      // So does "the Kremlin leader" (not "the Kremlin spokesman", a role the rules below read).
      if (d && d.start === wordAt && (d.type === 'demonym' || (d.type === 'place' && demonymLeaderAt(at, end) !== undefined))) return undefined;
    }
    const role = match[2]!.toLowerCase();
    // "“…,” the official said, speaking on condition of anonymity": no one named.
    if (ANONYMITY.test(text.slice(at, end))) {
      roleUnnamed = true;
      return undefined;
    }
    const holder = roleHolder(role, before, match[1]?.toLowerCase() === 'former');
    // "One official at the ministry, who asked not to be named, … “…,” the official said": someone
    // unnamed, introduced with the role after the one found, or in the sentence before the quote's
    // ("A Kremlin official, speaking on condition of anonymity, said President Vladimir Putin …").
    if (holder && unnamedWithRole(text, role, Math.min(holder.end, sentenceBefore(text, before)), at, people)) {
      roleUnnamed = true;
      return undefined;
    }
    return holder;
  };
  /** Set when resolveRole or resolvePronoun last found whom it means unnamed: then no statement is continued either. */
  let roleUnnamed = false;
  /**
   * One introduced with `role` soon after `at` ("“…,” a foreign ministry spokeswoman said.
   * / The spokeswoman, Mao Ning, told …"), when no one before holds it: wire copy names a
   * source by role first. Not one introduced as another of the role ("Another official, …").
   */
  const namedLater = (role: string, at: number): Mention | undefined => {
    for (let i = firstStartingAt(people, at); i < people.length && people[i]!.start - at < NAMED_LATER_REACH; i++) {
      if (introducedAs(text, people[i]!, role) && !ANOTHER_BEFORE.test(text.slice(Math.max(0, people[i]!.start - 40), people[i]!.start))) return people[i];
    }
    return undefined;
  };
  /**
   * Who holds `role` before `before`: one introduced with it, else for a leader's title the
   * last leader named who holds or held such an office. Undefined when no one is.
   */
  const introducedHolder = (role: string, before: number, formerAsked: boolean): Mention | undefined => {
    // (Not for "the former president": "President Serdar …" introduces who holds it now.)
    // "Saidov said … “…,” the minister said": one the quote's paragraph names, introduced with the role
    // before, beats another introduced nearer ("… Foreign Minister Bakhtiyor Saidov and Deputy Prime Minister Ishaq Dar.").
    const paragraph = text.lastIndexOf('\n', before - 1) + 1;
    for (let i = firstStartingAt(people, before) - 1; i >= 0 && people[i]!.start >= paragraph && !(formerAsked && GENERIC_TITLE_OFFICES.has(role)); i--) {
      const name = people[i]!.name;
      for (let j = i; j >= 0 && before - people[j]!.start < 3000; j--) if (people[j]!.name === name && introducedAs(text, people[j]!, role, formerAsked)) return people[i];
    }
    for (let i = firstStartingAt(people, before) - 1; i >= 0 && before - people[i]!.start < 3000 && !(formerAsked && GENERIC_TITLE_OFFICES.has(role)); i--) {
      if (introducedAs(text, people[i]!, role, formerAsked)) return subjectBeforeObject(i, (s) => introducedAs(text, s, role, formerAsked));
    }
    // "the 70-year-old leader added", "the president said": the last leader named who holds or held such an office.
    if (GENERIC_TITLE_OFFICES.has(role)) {
      const office = GENERIC_TITLE_OFFICES.get(role);
      return lastLeaderBefore(before, office && ((o) => o.title !== undefined && office.test(o.title)), formerAsked);
    }
    return undefined;
  };
  const roleHolder = (role: string, before: number, formerAsked: boolean): Mention | undefined => {
    const holder = introducedHolder(role, before, formerAsked);
    if (holder || GENERIC_TITLE_OFFICES.has(role)) return holder;
    const later = formerAsked ? undefined : namedLater(role, before);
    if (later) return later;
    // No one named when a scene met someone of the role unnamed ("The vendor, a man in a doppi skullcap, did not wait"), no one introduced with it.
    if (theRoleUnnamed(text, role, before - 3000, before)) {
      roleUnnamed = true;
      return undefined;
    }
    // "the spokeswoman said" as "she said", "the spokesman said" as "he said".
    return resolvePronoun(before, role.endsWith('woman') ? 'f' : role.endsWith('man') ? 'm' : undefined);
  };

  /** The last person before `before`, within 3,000 characters, introduced as someone's `relative` ("his wife, Natalya Belova,"). */
  const relativeHolder = (relative: string, before: number): Mention | undefined => {
    for (let i = firstStartingAt(people, before) - 1; i >= 0 && before - people[i]!.start < 3000; i--) {
      if (introducedAs(text, people[i]!, relative) || relativeWithComma(text, people[i]!.start, relative)) return people[i];
    }
    return undefined;
  };
  let relative: RegExpExecArray | null;
  let quotedAs: RegExpExecArray | null;
  let someone: RegExpExecArray | null;

  /**
   * Who does what the sentence ending before `at`, in its paragraph from `floor`, tells,
   * a full stop ending it and no quote in it: a person named first ("Wang looked at the
   * ground."), whom "he" or "she" first stands for ("He laughed and threw up his hands."),
   * null for someone unnamed ("The child pointed at the cranes."); else undefined.
   */
  const actionBefore = (at: number, floor: number): Mention | null | undefined => {
    let end = at;
    while (end > floor && kindOf(text.charCodeAt(end - 1)) & SPACE) end--;
    if (end === at || end <= floor || (text.charCodeAt(end - 1) !== 0x2e && text.charCodeAt(end - 1) !== 0x21)) return undefined;
    const from = pastBullet(text, sentenceStart(text, end - 1, Math.max(floor, end - LONGEST_SENTENCE)), end);
    if (quoted(from)) return undefined;
    const first = firstPersonIn(from, end);
    // "Rakhimova laughed." or "He sighed.": a sound before words, not words of its own.
    if (first?.start === from && SOUND_ONLY.test(text.slice(first.end, end))) return first;
    const pronoun = first ? null : PRONOUN_AT_START.exec(text.slice(from, from + 5));
    if (pronoun && SOUND_ONLY.test(text.slice(from + pronoun[0].length, end))) return resolvePronoun(from, genderOfPronoun(text, from)) ?? null;
    // (Not a sentence that tells of speech, "Her young son has asthma, she said.", but someone unnamed's cue: "His
    // neighbour, a woman in a red headscarf, cut in.")
    if (speechVerbIn(text, from, end)) return APPOSITIVE_THEN_VERB.test(text.slice(from, end)) && unnamedSubjectAt(text, from, end, undefined, mentionAt) ? null : undefined;
    for (let i = from; i < end; i++) if (isOpeningMark(text.charCodeAt(i)) && !isApostrophe(text, i)) return undefined;
    if (unnamedSubjectAt(text, from, end, undefined, mentionAt)) return null;
    const fronted = FRONTED_PHRASE.exec(text.slice(from, Math.min(end, from + 200)));
    const subjectAt = fronted ? from + fronted[0].length : from;
    // (A verb in lower case after the name: "9. Ibraev, Taalaibek (25 June 2024)." in a list of sources tells nothing.)
    if (first && first.start === subjectAt && isSubjectAt(text, first) && LOWER_WORD.test(text.slice(first.end, end))) return first;
    if (startsWithWord(text, subjectAt, end, PRONOUNS) && !first) return resolvePronoun(subjectAt, genderOfPronoun(text, subjectAt)) ?? null;
    return undefined;
  };
  /**
   * The subject an attribution opens with at `lead`, a speech verb after it within `end`:
   * the mention right there, "the" or honorifics allowed before it ("the Kremlin said", "Mr.
   * Putin said"), or a person after a few descriptor words that end with a role or a title
   * ("Kremlin spokesman Dmitry Peskov told reporters"; not "while Rep. Adam Smith said").
   * With where the subject would start and the mention and the person found, for the
   * attributions after a dash.
   */
  const subjectOpening = (lead: number, end: number): { at: number; m: Mention | undefined; who: Mention | undefined; subject: Mention | undefined } => {
    const at = pastHonorifics(text, startsWithWord(text, lead, end, ['the']) ? pastElder(text, skipBlanks(text, lead + 3, end), end) : lead, end);
    const m = all[firstStartingAt(all, at)];
    if (m && m.start === at && (isSpeaking(m.type) || m.type === 'org' || m.type === 'place') && verbFollows(text, m.end, end)) return { at, m, who: undefined, subject: m };
    const who = firstPersonIn(at, end);
    // Up to eight words (“CPJ's Europe and Central Asia program coordinator Gulnoza Said”), or the name as an appositive (“her brother, Farrukh Hakimov, told”).
    // (Not past a phrase or a clause of its own: "“new era” in relations with China after Chinese President Xi Jinping promised".)
    // (A title with its complement too: "“…,” Minister of Foreign Affairs Wang Yi said".)
    const described = who !== undefined && ((onlyDescriptors(text, at, who.start, false, 8) && (endsWithRole(text, at, who.start) || roleWithComplementEndingAt(text, at, who.start)) && !CLAUSE_OPENER.test(text.slice(at, who.start)) && !PHRASE_BEFORE_NAME.test(text.slice(at, who.start))) || titleAppositiveBefore(text, at, who.start));
    return { at, m, who, subject: described && verbFollows(text, who.end, end) ? who : undefined };
  };
  /**
   * Who speaks in the sentence ending right before `quotes[qi]` (after `floor`), when it
   * reports speech ("X said …", "…, X said.", "According to X, …", "I asked X …") and quotes no one's
   * words itself (a term it may: "China is “eagerly” filling the void").
   */
  const reportedSpeechBefore = (quotes: readonly Quote[], qi: number, floor: number): Mention | undefined => {
    const at = quotes[qi]!.start;
    let end = at;
    while (end > floor && kindOf(text.charCodeAt(end - 1)) & SPACE) end--;
    if (end === at || end <= floor || (text.charCodeAt(end - 1) !== 0x2e && text.charCodeAt(end - 1) !== 0x21)) return undefined;
    const from = pastBullet(text, sentenceStart(text, end - 1, Math.max(floor, end - LONGEST_SENTENCE)), end);
    const sentence = text.slice(from, end);
    if (quoted(from) || !(speechVerbIn(text, from, end) || ACCORDING_TO.test(sentence)) || SAID_NOTHING.test(sentence)) return undefined;
    for (let k = qi - 1; k >= 0 && quotes[k]!.end > from; k--) if (quotes[k]!.kind === 'speech') return undefined;
    // (Nor the attribution of a quote right before it, "“And?” Semyon asked.", a sentence of its own after a question.)
    const before = quotes[qi - 1];
    if (before && before.end <= from && /^[ \u00a0\t]*$/.test(text.slice(before.end, from))) return undefined;
    // "I asked Lavrov whether the talks had failed. “…”": the answer.
    return askedBy(from, end) ?? subjectBefore(from, end);
  };
  /**
   * Whom the sentence starting right after a quote at `at` tells of doing something, in
   * the paragraph to `end`: a person named first, then a word in lower case, and no quote
   * in it ("Nurlan Sadyrbaev pulled out the stool by the window.", "Gulnara laughed.").
   */
  const actionAfter = (at: number, end: number): Mention | undefined => {
    const from = skipBlanks(text, at, end);
    const first = firstPersonIn(from, from + 1);
    if (!first || possessiveAt(text, first.end)) return undefined;
    const stop = sentenceEnd(text, first.end, Math.min(end, first.end + LONGEST_SENTENCE));
    const rest = text.slice(first.end, stop);
    if (!LOWER_WORD_FIRST.test(rest)) return undefined;
    for (let i = first.end; i < stop; i++) if (isOpeningMark(text.charCodeAt(i)) && !isApostrophe(text, i)) return undefined;
    return first;
  };
  /** The last person the writer asked in text[from, to) ("I asked Zhou whether …", "I asked Mr. Liu about …"), not a possessor. */
  const askedBy = (from: number, to: number): Mention | undefined => {
    const stretch = text.slice(from, to);
    if (!stretch.includes('I ')) return undefined;
    let found: Mention | undefined;
    WRITER_ASKED.lastIndex = 0;
    for (let m = WRITER_ASKED.exec(stretch); m; m = WRITER_ASKED.exec(stretch)) {
      const at = pastHonorifics(text, from + m.index + m[0].length, to);
      const who = firstPersonIn(at, at + 1);
      if (who && !possessiveAt(text, who.end)) found = who;
    }
    return found;
  };
  /** Whether a mention of anything starts at `at`. */
  const mentionAt = (at: number): boolean => all[firstStartingAt(all, at)]?.start === at;
  /** Whether a leader or a person is named in [from, to), not only as a possessor ("remembered Stalin’s death"). */
  const namedSubjectIn = (from: number, to: number): boolean => {
    for (let k = firstStartingAt(people, from); k < people.length && people[k]!.start < to; k++) if (!possessiveAt(text, people[k]!.end)) return true;
    return false;
  };
  /**
   * When people[i] opens its sentence as a possessor of a relative ("Kovalenko's mother
   * stood …") whom a pronoun of `gender` may stand for: the person introduced before as
   * that relative of theirs ("Kovalenko's mother, Lyudmila,"), or null for no one named.
   */
  const possessedSubject = (i: number, gender: NameGender | undefined): Mention | null | undefined => {
    const m = people[i]!;
    if (!possessiveAt(text, m.end)) return undefined;
    const match = POSSESSED_SUBJECT.exec(text.slice(m.end, m.end + 60));
    if (!match || !opensSentence(text, m)) return undefined;
    const sex = UNNAMED_GENDER.get(match[1]!);
    if (gender !== undefined && sex !== undefined && sex !== gender) return undefined;
    for (let j = i - 1; j > 0 && m.start - people[j]!.start < 3000; j--) {
      const owner = people[j - 1]!;
      if (owner.name === m.name && possessiveAt(text, owner.end) && POSSESSED_RELATIVE.test(text.slice(owner.end, people[j]!.start)) && text.slice(owner.end, people[j]!.start).includes(` ${match[1]!},`)) {
        return fits(people[j]!, gender) ? people[j]! : null;
      }
    }
    return null;
  };
  /** Whether people[i] opens its sentence as the possessor of a thing, not of a person ("Gulnara’s phone rang", not "Putin’s spokesman said"). */
  const ownsThing = (i: number): boolean => {
    const m = people[i]!;
    if (!possessiveAt(text, m.end)) return false;
    const thing = POSSESSED_THING.exec(text.slice(m.end, m.end + 40));
    // (Neither of the first two words a person's noun, nor the first a plural: "’s shift supervisor, …", "’s aides were".)
    return thing !== null && !UNNAMED_WORDS.has(thing[1]!) && !UNNAMED_WORDS.has(thing[2]!) && !thing[1]!.endsWith('s') && opensSentence(text, m, undefined, true);
  };
  /** "said Aigul's husband, Daniyar,": the one named as the relative or the role of the possessor `m`, within `end`. */
  const possessorsRelative = (m: Mention, end: number): Mention | undefined => {
    if (!possessiveAt(text, m.end)) return undefined;
    const next = firstPersonIn(m.end, end);
    return next && POSSESSED_RELATIVE.test(text.slice(m.end, next.start)) ? next : undefined;
  };
  /** The first leader or person mention starting in [from, to). */
  const firstPersonIn = (from: number, to: number): Mention | undefined => {
    const m = people[firstStartingAt(people, from)];
    return m && m.start < to ? m : undefined;
  };

  /** The subject of a speech verb in text[from, to), the sentence before a quote. */
  const subjectBefore = (from: number, to: number): Mention | undefined => {
    const before = text.slice(from, to);
    if (before.includes('ccording to')) {
      const according = /[Aa]ccording to[ \u00a0]+/gu;
      for (let m = according.exec(before); m; m = according.exec(before)) {
        const who = firstPersonIn(from + m.index + m[0].length, from + m.index + m[0].length + 60);
        if (who && who.start < to) {
          // "According to Uali, Tokayev said the result “…”": the source reports another's words.
          for (let k = firstStartingAt(all, who.end); k < all.length && all[k]!.start < to; k++) {
            if (isSpeaking(all[k]!.type) && verbFollows(text, all[k]!.end, to, all[k]!.start)) return all[k];
          }
          return who;
        }
        if (ROLE_AFTER_ACCORDING.test(before.slice(m.index + m[0].length))) return resolvePronoun(from + m.index);
        // "According to him, “…”".
        const object = OBJECT_PRONOUN.exec(before.slice(m.index + m[0].length));
        if (object) return resolvePronoun(from + m.index, object[1] === 'her' ? 'f' : 'm');
        // "according to the Russian foreign minister".
        const named = demonymLeaderAt(from + m.index + m[0].length, to, false);
        const leader = named && leaderOf(named, from + m.index);
        if (leader) return leader;
      }
    }
    // "Chinese state media quoted Li as saying …", "Abenov quoted Energy Minister Almassadam
    // Satkaliyev as saying": the person between, titles or roles before the name.
    for (let q = before.indexOf('quoted '); q >= 0; q = before.indexOf('quoted ', q + 7)) {
      const at = from + q + 7;
      const who = firstPersonIn(at, to);
      if (who && (who.start === at || describedBefore(text, at, who.start)) && /^,?[ \u00a0]+as[ \u00a0]+saying(?![\p{L}])/u.test(text.slice(who.end, who.end + 13))) return who;
      // "The channel quoted him as saying: “…”".
      const pronoun = /^(him|her)[ \u00a0]+as[ \u00a0]+saying(?![\p{L}])/u.exec(text.slice(at, at + 16));
      if (pronoun) return resolvePronoun(at, pronoun[1] === 'her' ? 'f' : 'm');
    }
    // The person nearest the quote, in its sentence, who is the subject of a speech verb
    // ("Graham called it “a trap,” while Smith said it should “test it.”").
    // A person beats an organisation ("Temur Umarov of the Carnegie Center said").
    // Two who speak together ("Putin and Xi said") make no one speaker.
    let subject: Mention | undefined;
    let joint = false;
    for (let k = firstStartingAt(all, from); k < all.length && all[k]!.start < to; k++) {
      const m = all[k]!;
      // (Not a preposition's object: "Mr. Putin himself, speaking alongside Xi Jinping, China's leader, …, called".)
      if ((isSpeaking(m.type) || (m.type === 'org' && !(subject && isSpeaking(subject.type)))) && !OBJECT_PREPOSITIONS.has(wordBeforeAt(text, m.start)) && (verbFollows(text, m.end, to, m.start) || (onlyColonBetween(text, m.end, to) && startsSentence(text, from, m.start)))) {
        joint = isSpeaking(m.type) && k > 0 && isSpeaking(all[k - 1]!.type) && onlyAndBetween(text, all[k - 1]!.end, m.start);
        subject = joint ? undefined : m;
      }
    }
    const pron = firstMatch(before, from, PRONOUN_SUBJECT, PRONOUNS, () => (pronounStarts ??= new WordStarts(text, PRONOUNS)));
    // "When Judge Fedina asked whether he understood, he replied: “…”": a pronoun's speech after
    // the named subject's is someone else's when the name says it cannot be theirs ("Tokayev
    // replied that … what he called “…”" is Tokayev's).
    if (subject && pron >= 0 && isSpeaking(subject.type)) {
      let at = from + pron;
      if (at < subject.end) {
        const later = firstMatch(text.slice(subject.end, to), subject.end, PRONOUN_SUBJECT, PRONOUNS, () => (pronounStarts ??= new WordStarts(text, PRONOUNS)));
        at = later < 0 ? -1 : subject.end + later;
      }
      const gender = at < 0 ? undefined : genderOfPronoun(text, at);
      if (at >= 0 && !fits(subject, gender)) return resolvePronoun(at, gender);
    }
    if (subject) {
      // "… Alexei Miller reported to the president, and the president described the work as “…”": a role
      // speaking after the named subject, nearer the quote, is whom it means.
      const role = isSpeaking(subject.type) ? firstMatch(text.slice(subject.end, to), subject.end, ROLE_SUBJECT, ARTICLES, () => (articleStarts ??= new WordStarts(text, ARTICLES))) : -1;
      return (role >= 0 && resolveRole(subject.end + role, to)) || subject;
    }
    if (joint) return undefined;
    if (pron >= 0) return resolvePronoun(from + pron, genderOfPronoun(text, from + pron));
    // "In his words: “…”", "In her words, the publications are part of a campaign of «…»": whom the pronoun stands for.
    const inWords = before.includes('words') || before.includes('view') || before.includes('opinion') || before.includes('assessment') ? IN_THEIR_WORDS.exec(before) : null;
    if (inWords) return resolvePronoun(from + inWords.index, inWords[1] === 'her' ? 'f' : 'm');
    // "Her answer was: “…”", "His reply was short: “…”".
    // (Read over the colon's last 60 characters: a page of "key": "value" has a colon before every quote.)
    const tail = colonEndsAt(text, from, to) ? Math.max(0, before.length - 60) : -1;
    const answer = tail >= 0 ? THEIR_ANSWER.exec(before.slice(tail)) : null;
    if (answer) return resolvePronoun(from + tail + answer.index, answer[1]!.toLowerCase() === 'her' ? 'f' : 'm');
    const role = firstMatch(before, from, ROLE_SUBJECT, ARTICLES, () => (articleStarts ??= new WordStarts(text, ARTICLES)));
    const holder = role >= 0 ? resolveRole(from + role, to) : undefined;
    if (holder) return holder;
    // "In closing arguments, a state prosecutor told the court that the money “was spent on villas”": someone new, named soon after.
    // (Tried only where a clause starts, as pronouns and articles are looked for above.)
    const newcomer = firstMatch(before, from, SOMEONE_SUBJECT, INDEFINITE_ARTICLES, () => (indefiniteStarts ??= new WordStarts(text, INDEFINITE_ARTICLES)), (i) => opensClause(before, i));
    if (newcomer >= 0) {
      SOMEONE_SUBJECT.lastIndex = newcomer;
      const later = namedLater(SOMEONE_SUBJECT.exec(before)![1]!.toLowerCase(), from + newcomer);
      if (later) return later;
    }
    // "When he turned to the cameras, the judge cut him short: “…”": a role doing something, its clause
    // ending with a colon right before the quote, is who speaks if someone was introduced with it.
    const acting = colonEndsAt(text, from, to) ? roleActingToColon(before) : undefined;
    if (acting && !PREPOSITIONS.has(wordBeforeAt(text, from + acting.at))) {
      const holder = introducedHolder(acting.role, from + acting.at, acting.former);
      if (holder) return holder;
    }
    // "He declined to disclose the price, saying only that “…”", "The Kremlin spokesman declined to say more, telling
    // reporters …": a pronoun or a role opening the sentence, a participle of speech after a comma further on.
    if (PARTICIPLE_OF_SPEECH.test(before)) {
      const opening = OPENING_SUBJECT.exec(before);
      if (opening?.[1] !== undefined) return resolvePronoun(from, genderOfPronoun(text, from));
      if (opening?.[2] !== undefined) {
        const who = resolveRole(from, to);
        if (who) return who;
      }
    }
    // "The Kazakh president told delegates: “…”", "Russia's top diplomat said": the last Kazakh (Russian) leader named before.
    for (let k = firstStartingAt(all, from); k < all.length && all[k]!.start < to; k++) {
      const d = all[k]!;
      if (d.type === 'country') {
        const named = possessiveAt(text, d.end) ? demonymLeaderAt(d.start, to) : undefined;
        const leader = named?.demonym === d ? leaderOf(named, d.start) : undefined;
        if (leader) return leader;
        continue;
      }
      if (d.type !== 'demonym' || d.start < from + 4) continue;
      const article = d.start - 4;
      const named = text.startsWith('the ', article) || text.startsWith('The ', article) ? demonymLeaderAt(article, to) : undefined;
      if (named?.demonym === d) {
        const leader = leaderOf(named, d.start);
        if (leader) return leader;
      }
    }
    // "Tokayev met Putin and said: “…”": the person who starts the sentence, a speech verb
    // further on in it. (Not "He greeted them and said": whom "he" stands for is less sure
    // there than right before a speech verb, and a wrong speaker is worse than none.)
    const first = all[firstStartingAt(all, from)];
    if (first !== undefined && first.start === from && isSpeaking(first.type) && speechVerbIn(text, first.end, to)) return first;
    // The same of a leader named by demonym and title ("The Kazakh president paused for the cameras and said
    // only: “…”"), no one named between to whom the verb may belong.
    const opener = demonymLeaderAt(from, to, false);
    if (opener && firstStartingAt(people, to) === firstStartingAt(people, opener.demonym.end) && speechVerbIn(text, opener.demonym.end, to)) {
      const leader = leaderOf(opener, from);
      if (leader) return leader;
    }
    // The same past a phrase put first and descriptors ending with a role ("At a meeting in Xian in April, Chinese
    // Foreign Minister Wang Yi pledged more scholarships and said …").
    const fronted = FRONTED_PHRASE.exec(before);
    if (fronted) {
      const opening = from + fronted[0].length;
      const subject = firstPersonIn(opening, to);
      if (subject && (subject.start === opening || (onlyDescriptors(text, opening, subject.start, false, 6) && endsWithRole(text, opening, subject.start))) && !possessiveAt(text, subject.end) && speechVerbIn(text, subject.end, to)) return subject;
    }
    // "Dmitry Peskov’s remark on Tuesday that contacts were continuing “at the working level”": words a noun of speech gives a person.
    for (let k = firstStartingAt(people, from); k < people.length && people[k]!.start < to; k++) {
      if (possessiveAt(text, people[k]!.end) && SPEECH_NOUN_THAT.test(text.slice(people[k]!.end, to))) return people[k];
    }
    // "A line from Rahmon that delegates share: “…”", "One last dispatch from Rashidova: “…”": words a noun of speech
    // says are a person's, the last named before the colon that ends the sentence's words before the quote.
    if (colonEndsAt(text, from, to)) {
      const k = firstStartingAt(people, to) - 1;
      if (k >= 0 && people[k]!.start >= from && WORDS_FROM.test(text.slice(Math.max(from, people[k]!.start - 40), people[k]!.start))) return people[k];
    }
    // "Mirziyoyev also invited carmakers to Tashkent: “Come and produce here.”": so does a colon before the quote, no one else named between.
    if (first !== undefined && first.start === from && isSpeaking(first.type) && !possessiveAt(text, first.end) && colonEndsAt(text, first.end, to) && firstStartingAt(people, to) === firstStartingAt(people, first.end)) return first;
    // The same after words that end with a role ("China's Foreign Ministry spokesperson Lin
    // Jian declined to comment, saying …"), one clause at most between the name and the quote.
    const who = firstPersonIn(from, to);
    if (who && who.start > from && !possessiveAt(text, who.end) && onlyDescriptors(text, from, who.start, false, 8) && endsWithRole(text, from, who.start) && commasIn(text, who.end, to) <= 1 && (speechVerbIn(text, who.end, to) || participleAfterComma(text, who.end, to))) return who;
    // "The gap, said Maria Snegovaya, a senior fellow at …, “is the clearest …”": an attribution set off by commas
    // (not "He said Putin was a “liar”", where the name opens what was said).
    for (let k = firstStartingAt(people, from); k < people.length && people[k]!.start < to; k++) {
      const m = people[k]!;
      if (text.charCodeAt(m.end) === 0x2c && SAID_BETWEEN_COMMAS.test(text.slice(Math.max(from, m.start - 24), m.start))) return m;
    }
    return undefined;
  };
  let pronounStarts: WordStarts | undefined;
  let articleStarts: WordStarts | undefined;
  let indefiniteStarts: WordStarts | undefined;

  return (spans, quotes, from = 0, to = quotes.length) => {
  quoteSpans = spans;
  let previous: { quote: Quote; span: QuoteSpan } | undefined;
  for (let k = from - 1; k >= 0; k--) {
    if (spans[k]!.depth === 0 && quotes[k]!.kind === 'speech') {
      previous = { quote: quotes[k]!, span: spans[k]! };
      break;
    }
  }
  for (let qi = from; qi < to; qi++) {
    const q = quotes[qi]!;
    const span = spans[qi]!;
    q.speaker = null;
    q.speakerEntity = null;
    span.byRepeat = false;
    if (span.depth > 0) continue; // nested quotes take their container's speaker below
    // "the so-called “referendums”": the writer's scare quotes, no one's words; nor is a designation's or a charge's name.
    if (q.kind === 'term' && designationBefore(text, q.start, span.paragraph.start)) continue;
    const p = span.paragraph;
    let speaker: Mention | undefined;
    lastSpoken = previous && !previous.span.byRepeat ? previous.quote : undefined;
    // The writer's question between ("“…,” he said. / “And Maxim?” / “…,” he said.") leaves who spoke before it the last.
    if (lastSpoken && lastSpoken.speaker === null && isQuestion(text, lastSpoken)) lastSpoken = speechBefore(spans, quotes, quotes.indexOf(lastSpoken, Math.max(0, qi - 64))) ?? lastSpoken;

    // 1. After the closing mark, in the same sentence. (The sentence's end past the
    // 160-character cap does not matter, so it is not looked for.)
    // A quote that ends its sentence with a full stop, a capital after it ("…China's
    // “consistent support.” Mirziyoyev called …"), has the next sentence after it, not its attribution.
    const endsItsSentence = !span.unclosed && text.charCodeAt(q.end - 2) === 0x2e && (kindOf(text.charCodeAt(skipBlanks(text, q.end, p.end))) & UPPER) !== 0;
    const afterEnd = endsItsSentence ? q.end : Math.min(p.end, sentenceEnd(text, q.end, Math.min(p.end, q.end + 160), endMarks) + 1, q.end + 160);
    const lead = skipLead(text, q.end, afterEnd);
    const verbEnd = speechVerbEnd(text, lead, afterEnd);
    if (verbEnd >= 0) {
      const m = firstPersonIn(verbEnd, afterEnd);
      if (m && (onlyDescriptors(text, verbEnd, m.start) || titleAppositiveBefore(text, verbEnd, m.start))) speaker = possessorsRelative(m, afterEnd) ?? m;
    }
    roleUnnamed = false;
    // "“…,” according to the political scientist Marat Seitkaliyev": the person after, descriptors ending with a role allowed before.
    if (!speaker && text.startsWith('according to', lead)) {
      const from = skipBlanks(text, lead + 12, afterEnd);
      const who = from > lead + 12 ? firstPersonIn(from, afterEnd) : undefined;
      if (who && (who.start === from || (onlyDescriptors(text, from, who.start, false, 8) && endsWithRole(text, from, who.start)))) speaker = who;
      // A source named but not found ("according to the ministry") continues no statement.
      else roleUnnamed = true;
    }
    if (!speaker && startsWithWord(text, lead, afterEnd, PRONOUNS) && PRONOUN_VERB_AT_START.test(text.slice(q.end, afterEnd))) speaker = resolvePronoun(q.start, genderOfPronoun(text, lead));
    else if (!speaker && startsWithWord(text, lead, afterEnd, ARTICLES) && ROLE_VERB_AT_START.test(text.slice(q.end, afterEnd))) speaker = resolveRole(lead, afterEnd, q.start);
    // "“…,” a foreign ministry spokeswoman said": someone new, whom the text may name soon after.
    else if (!speaker && (someone = SOMEONE_VERB_AT_START.exec(text.slice(q.end, afterEnd)))) speaker = namedLater(someone[1]!.toLowerCase(), q.end);
    // "“…,” his wife asked": the one introduced as his wife ("his wife, Natalya Belova,"), no one else.
    else if (!speaker && ((relative = RELATIVE_VERB_AT_START.exec(text.slice(q.end, afterEnd))) || (relative = VERB_RELATIVE_AT_START.exec(text.slice(q.end, afterEnd))))) {
      speaker = relativeHolder(relative[1]!, q.start);
      // No one introduced so: someone unnamed ("“Yes,” his mother said" of a child met in the street), who continues no one.
      roleUnnamed = speaker === undefined;
    }
    // "“…,” the prosecutor's office quoted him as saying": whom the pronoun stands for.
    else if (!speaker && (quotedAs = quotedPronounAfter(text, q.end, afterEnd))) speaker = resolvePronoun(q.start, quotedAs[1] === 'her' ? 'f' : 'm');
    // "“Why?” I asked.": the writer, whom no one named stands for, nor does it continue the statement before.
    else if (!speaker && text.startsWith('I', lead) && WRITER_VERB_AT_START.test(text.slice(q.end, afterEnd))) roleUnnamed = true;
    // "“…,” the 34-year-old from Kulob said": an age for a role, read as "he said".
    else if (!speaker && startsWithWord(text, lead, afterEnd, ARTICLES) && AGED_VERB_AT_START.test(text.slice(q.end, afterEnd))) speaker = resolvePronoun(q.start);
    if (!speaker) {
      const { at, m, who, subject } = subjectOpening(lead, afterEnd);
      if (subject) speaker = subject;
      // "“We are ready” — Tokayev.": a dash, the name, and the sentence ends or a comma follows; descriptors ending
      // with a role may come first ("— Kazakh political scientist Zhanar Omarova, speaking on a podcast.").
      else if (m && m.start === at && isSpeaking(m.type) && dashBetween(text, q.end, at) && (endsSentenceAt(text, m.end, afterEnd) || text.charCodeAt(m.end) === 0x2c)) speaker = m;
      else if (who && dashBetween(text, q.end, lead) && onlyDescriptors(text, lead, who.start, false, 8) && endsWithRole(text, lead, who.start) && (endsSentenceAt(text, who.end, afterEnd) || text.charCodeAt(who.end) === 0x2c)) speaker = who;
      else {
        // "…,” the Russian leader said" or "the President of Uzbekistan said": the last such leader named before the quote.
        const named = demonymLeaderAt(lead, afterEnd) ?? titleOfCountryAt(lead, afterEnd);
        if (named) speaker = leaderOf(named, q.start);
      }
    }

    // 2. Before the opening mark, in the same sentence.
    const sentenceFrom = speaker ? q.start : sentenceStart(text, q.start, Math.max(p.start, q.start - LONGEST_SENTENCE), startMarks);
    if (!speaker) speaker = subjectBefore(sentenceFrom === p.start ? pastDateline(text, sentenceFrom, q.start) : sentenceFrom, q.start);

    // 2a. Inside reported speech whose attribution closes the sentence, after a comma: "Russia will “never accept” the
    // deal, Lavrov told reporters on Tuesday.", "China will not be “coerced” by Washington, Foreign Minister Wang Yi said."
    if (!speaker && !roleUnnamed && !endsItsSentence) {
      // (Read no further than the attribution after a quote is: a text of nothing but quotes asks this of each.)
      const end = Math.min(p.end, sentenceEnd(text, q.end, Math.min(p.end, q.end + 160), endMarks) + 1, q.end + 160);
      let comma = end - 1;
      while (comma >= q.end && text.charCodeAt(comma) !== 0x2c) comma--;
      if (comma >= q.end) speaker = subjectOpening(skipBlanks(text, comma + 1, end), end).subject;
    }

    // 2b. Reported speech right before the quote, the quote attributed to no one: the words go on in the speaker's
    // own ("Umarov said Moscow had lost ground. “…”", "According to the former diplomat, China is filling the void.
    // “…”", "…, he thinks. “…”"); the sentence before in its paragraph, or the last of the paragraph before for a
    // quote that opens its own. (Not a sentence with a quote of its own: those are attributed.)
    if (!speaker && !roleUnnamed && q.kind === 'speech' && sentenceFrom === q.start && !attributionFollows(text, q.end, p.end)) {
      const reported = reportedSpeechBefore(quotes, qi, q.start > p.start ? p.start : paragraphBefore(text, q.start));
      if (reported) speaker = reported;
    }

    // 2c. Else a sentence of someone's doing right before the quote, in its paragraph: the words are that subject's
    // ("Gulzhan turned to me. “…”"), or no one's when the subject is unnamed ("Her husband, a tall man in a leather
    // jacket, shook his head. “…”").
    if (!speaker && !roleUnnamed && q.kind === 'speech' && sentenceFrom === q.start && q.start > p.start && !attributionFollows(text, q.end, p.end)) {
      const beat = actionBefore(q.start, p.start);
      if (beat === null) roleUnnamed = true;
      else speaker = beat;
    }

    // 2d. A line of dialogue whose quote ends a sentence, someone named doing something right after it in its short
    // paragraph: the words are theirs ("“You said it was urgent.” Nurlan Sadyrbaev pulled out the stool …").
    if (!speaker && !roleUnnamed && q.kind === 'speech' && q.start === p.start && p.end - p.start <= 2 * SHORT_TURN && endsWithStop(text, q)) {
      const beat = actionAfter(q.end, p.end);
      if (beat) speaker = beat;
      // Or "he" or "she" doing something: "“This one.” She points at Bekzat, who studies the floor." — whom it stands for.
      else {
        const from = skipBlanks(text, q.end, p.end);
        if (PRONOUN_ACTS.test(text.slice(from, Math.min(p.end, from + 24))) && !quoteMarkIn(text, from, sentenceEnd(text, from, Math.min(p.end, from + LONGEST_SENTENCE)))) speaker = resolvePronoun(q.start, genderOfPronoun(text, from));
      }
    }

    // 3. "Umarov says:" ending the paragraph before a quote that opens its own paragraph.
    if (!speaker && q.start === p.start) {
      const before = text.slice(Math.max(0, p.start - 200), p.start).trimEnd();
      if (before.endsWith(':')) {
        const prevStart = before.lastIndexOf('\n') + 1 + Math.max(0, p.start - 200);
        speaker = subjectBefore(sentenceStart(text, p.start - 2, prevStart), p.start);
      }
    }

    // 4. A quote that never closed may hold its own attribution ("…Respect said X, …").
    if (!speaker && span.unclosed) {
      const inner = text.slice(q.start, q.end);
      const re = /(?:said|says|told)[ \u00a0]+/gu;
      for (let m = re.exec(inner); m && !speaker; m = re.exec(inner)) {
        const at = q.start + m.index + m[0].length;
        const who = firstPersonIn(at, at + 1);
        if (who) speaker = who;
      }
      // Or after a quote inside it, where the writer's own quote left open should have closed too ("aimed at “the
      // development of relations within “the Eurasian space, …,” the Kremlin said."), read as after a closing mark.
      for (let close = inner.indexOf('”'); !speaker && close > 0; close = inner.indexOf('”', close + 1)) {
        const mark = q.start + close;
        if (!ATTRIBUTION_HANDOFF.has(text.charCodeAt(mark - 1))) continue;
        const lead = skipBlanks(text, mark + 1, q.end);
        speaker = subjectOpening(lead, Math.min(q.end, lead + 160)).subject;
      }
    }

    // 5a. The answer to a question asked in the paragraph before, a paragraph of its own with no attribution ("“Then what
    // are you doing here?” / “Talking to the drivers.”"): not the asker's, but whoever spoke before them in the exchange.
    const answered = !speaker && !roleUnnamed && q.kind === 'speech' && q.start === p.start && previous !== undefined && isQuestion(text, previous.quote) && previous.quote.end > p.start - 200 && onlyDialogueBetween(text, previous.quote.end, q.start, spans) && !attributionFollows(text, q.end, p.end);
    if (answered && previous) {
      const asker = previous.quote.speaker;
      for (let k = quotes.indexOf(previous.quote, Math.max(0, qi - 64)) - 1, after = previous.quote.start; k >= 0 && onlyDialogueBetween(text, spans[k]!.end, after, spans); k--) {
        if (spans[k]!.depth > 0 || quotes[k]!.kind !== 'speech') continue;
        after = quotes[k]!.start;
        if (quotes[k]!.speaker === asker) continue;
        q.speaker = quotes[k]!.speaker;
        q.speakerEntity = quotes[k]!.speakerEntity;
        break;
      }
    }

    // 5b. Turn-taking: a short line of dialogue with no attribution after two such lines of different speakers (the
    // writer's, no one's, counts as one), nothing but dialogue between, is the speaker's of the line before the last
    // ("“That’s not true,” Mohira said. / “He failed because they asked him about Pushkin.” / “Everybody knows Pushkin.”").
    let turned = false;
    if (!speaker && !answered && !roleUnnamed && q.kind === 'speech' && previous && q.start === p.start && p.end - p.start <= SHORT_TURN && q.end - q.start <= TURN_QUOTE && !attributionFollows(text, q.end, p.end)) {
      const t1 = previous;
      const t1Index = quotes.indexOf(t1.quote, Math.max(0, qi - 64));
      let k = t1Index - 1;
      while (k >= 0 && (spans[k]!.depth > 0 || quotes[k]!.kind !== 'speech' || spans[k]!.paragraph.start === t1.span.paragraph.start)) k--;
      const t2 = k >= 0 ? { quote: quotes[k]!, span: spans[k]! } : undefined;
      if (t2 && !t1.span.byRepeat && !t2.span.byRepeat && t1.quote.speaker !== t2.quote.speaker && isDialogueLine(text, spans, t1Index) && isDialogueLine(text, spans, k) && onlyDialogueBetween(text, t2.quote.end, q.start, spans)) {
        turned = true;
        q.speaker = t2.quote.speaker;
        q.speakerEntity = t2.quote.speakerEntity;
      }
    }

    // 5. Continuing the previous quote's statement: next sentence or next paragraph, no one else speaking.
    if (!speaker && !answered && !turned && q.kind === 'speech' && previous?.quote.speaker && !previous.span.byRepeat && previous.quote.kind === 'speech' && q.start - previous.quote.end < 400) {
      const prev = previous.quote;
      const gap = text.slice(prev.end, q.start);
      // A quote split by its own attribution: "“You can build the most modern plant,” he said, “but if the pipe …”".
      const split = q.start - prev.end < 60 && SPLIT_BY_ATTRIBUTION.test(gap) && attributionFollows(text, prev.end, q.start);
      const paragraphsBetween = (gap.match(/\n\s*\n|\n/g) ?? []).length;
      let someoneElse = false;
      // Whom the speaker, named in the attribution after the quote before, spoke to or with there is not someone else
      // speaking ("“…,” Putin told journalists after talks with Xi Jinping in Beijing. “…”").
      const attributionEnd = sentenceEnd(text, prev.end, Math.min(q.start, prev.end + 300));
      // So is whom "she" told in it ("“…,” she tells Cholpon. “…”"): the pronoun is the speaker's.
      let speakerNamed = PRONOUN_VERB_AT_START.test(text.slice(prev.end, attributionEnd));
      for (let k = firstStartingAt(all, prev.end); k < all.length && all[k]!.start < q.start && !someoneElse; k++) {
        const m = all[k]!;
        if (m.name === prev.speaker) speakerNamed ||= m.start < attributionEnd;
        else someoneElse = isSpeaking(m.type) && !(speakerNamed && m.start < attributionEnd);
      }
      // "Russia's foreign ministry said it was “…”": someone not found speaks in the quote's own sentence.
      if (!someoneElse) someoneElse = speechVerbIn(text, Math.max(prev.end, sentenceFrom), q.start);
      // "According to the ministry, Russian troops, “…”": a source of its own, not found as a person.
      if (!someoneElse) someoneElse = sentenceFrom > prev.end && text.slice(sentenceFrom, q.start).includes('ccording to');
      // "The liberal channel Nezavisimy Analitik mocked the phrase: “…”": a sentence of its own subject, "the" or "a" and a noun, before the quote.
      if (!someoneElse) someoneElse = sentenceFrom < q.start && startsWithWord(text, pastBullet(text, sentenceFrom, q.start), q.start, OPENING_ARTICLES);
      // "In my interviews in Bishkek, a senior customs official was blunter: “…”": someone unnamed is the sentence's subject.
      if (!someoneElse) someoneElse = sentenceFrom > prev.end && unnamedSubjectAt(text, sentenceFrom, q.start, undefined, mentionAt);
      // "DUSHANBE (Reuters) - …": a dateline opens another story.
      if (!someoneElse) someoneElse = p.start > prev.end && pastDateline(text, p.start, q.start) > p.start;
      // "“…,” said Gulnara, a teacher": an attribution after the quote to someone named but not found ("he said" or "said the
      // political scientist" may be the same speaker).
      if (!someoneElse) someoneElse = roleUnnamed || (attributionFollows(text, q.end, p.end) && namesSomeone(text, lead, afterEnd));
      // "“…,” she added" or "“…,” the spokeswoman said" after a man's words: someone else.
      const pronoun = startsWithWord(text, lead, afterEnd, PRONOUNS);
      if (!someoneElse && (pronoun || startsWithWord(text, lead, afterEnd, ARTICLES))) {
        const gender = pronoun ? genderOfPronoun(text, lead) : genderOfRole(text, skipBlanks(text, lead + 3, afterEnd), afterEnd);
        someoneElse = !fitsName(prev.speaker!, prev.speakerEntity, gender);
      }
      if ((paragraphsBetween <= 1 && !someoneElse) || split) {
        q.speaker = prev.speaker;
        q.speakerEntity = prev.speakerEntity;
      }
    }

    if (speaker) {
      q.speaker = speaker.name;
      q.speakerEntity = speaker.entity;
    }
    if (q.kind === 'speech') previous = { quote: q, span };
  }

  // Nested quotes belong to their container's speaker. Quotes are sorted by start, so
  // the container is the last outermost quote that began before.
  let container: Quote | undefined;
  let containerByRepeat = false;
  for (let k = from - 1; k >= 0 && !container; k--) {
    if (spans[k]!.depth === 0) {
      container = quotes[k];
      containerByRepeat = spans[k]!.byRepeat;
    }
  }
  for (let qi = from; qi < to; qi++) {
    const q = quotes[qi]!;
    if (spans[qi]!.depth === 0) {
      container = q;
      containerByRepeat = false;
      continue;
    }
    if (container && container.end >= q.end && container.speaker && !containerByRepeat) {
      q.speaker = container.speaker;
      q.speakerEntity = container.speakerEntity;
    }
  }

  attributeHeadlineQuotes(text, spans, quotes, from, to);
  };
}

const WRITER_ASKED = /(?<![\p{L}])I[ \u00a0]+(?:asked|pressed|told|ask|press|tell)[ \u00a0]+/gu;
const APPOSITIVE_THEN_VERB = new RegExp(`,[ \\u00a0]+(?:${VERBS})[.!]$`, 'u');
const PRONOUN_AT_START = /^(?:[Hh]e|[Ss]he|[Tt]hey)(?![\p{L}])/u;
const SOUND_ONLY = /^[ \u00a0]+(?:laughed|laughs|smiled|smiles|sighed|sighs|shrugged|shrugs|nodded|nods|grinned|grins)(?:[ \u00a0]+again)?[.!]$/;
const POSSESSED_RELATIVE = new RegExp(`^[’']s[ \\u00a0]+(?:(?:older|younger|elder|eldest|youngest|late)[ \\u00a0]+)?(?:${RELATIVES.join('|')}|${ROLES}),[ \\u00a0]+$`, 'u');
/** A paragraph of the writer's telling or asking "him" or "her" something, a sentence or two. */
const WRITER_TO_THEM = /^I[ \u00a0]+(?:\p{Ll}+[ \u00a0]+)?(?:told|asked|answered|said[ \u00a0]+to|showed|gave|thanked|promised)[ \u00a0]+(?:him|her)(?![\p{L}])[^\n“”"]{0,160}[.?!]?[ \u00a0]*$/u;
/** QUOTED_PRONOUN_AFTER's match in text[at, end), looked for only where "quoted" is. */
function quotedPronounAfter(text: string, at: number, end: number): RegExpExecArray | null {
  const after = text.slice(at, end);
  return after.includes(' quoted ') ? QUOTED_PRONOUN_AFTER.exec(after) : null;
}

/** After a quote, someone quoting a pronoun's words: "…,” the prosecutor's office quoted him as saying". */
const QUOTED_PRONOUN_AFTER = /^[\s,.:;—–-]*[^.!?“”"\n]{0,80}?[ \u00a0]quoted[ \u00a0]+(him|her)[ \u00a0]+as[ \u00a0]+(?:saying|telling)(?![\p{L}])/u;
/** Two words in lower case after a possessor: a noun and its verb, or an adjective and a noun ("’s phone rang", "’s old car"). */
const POSSESSED_THING = /^[’']s[ \u00a0]+(\p{Ll}+)[ \u00a0]+(\p{Ll}{2,})(?![\p{L}])/u;
/** A relative after a possessor, then a word in lower case: the sentence's subject ("’s mother stood", "’s younger brother, who …" not). */
const POSSESSED_SUBJECT = new RegExp(`^[’']s[ \\u00a0]+(?:(?:older|younger|elder|eldest|youngest|late)[ \\u00a0]+)?(${RELATIVES.join('|')})[ \\u00a0]+\\p{Ll}`, 'u');
const LOWER_WORD = /(?<![\p{L}])\p{Ll}{2,}/u;
/** A verb in lower case right after a name ("Nurlan pulled …", "Aibek, twenty-two, puts …" not). */
const LOWER_WORD_FIRST = /^[ \u00a0]+\p{Ll}{2,}/u;

/** Whether a quote's words end with a full stop, a question or an exclamation mark: a sentence of its own. */
function endsWithStop(text: string, q: Quote): boolean {
  const c = text.charCodeAt(q.end - 2);
  return c === 0x2e || c === 0x3f || c === 0x21;
}

/** Whether the straight or curly single mark at `at` is an apostrophe: a letter before it ("Shatalov's"). */
function isApostrophe(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c === 0x27 || c === 0x2019) && at > 0 && (kindOf(text.charCodeAt(at - 1)) & LETTER) !== 0;
}

/** The last quote of speech, not nested, before quote `k`, within 64 quotes, unless its speaker was taken from a repeat. */
function speechBefore(spans: readonly QuoteSpan[], quotes: readonly Quote[], k: number): Quote | undefined {
  for (let j = k - 1; j >= 0 && j >= k - 64; j--) {
    if (spans[j]!.depth === 0 && quotes[j]!.kind === 'speech') return spans[j]!.byRepeat ? undefined : quotes[j];
  }
  return undefined;
}

/** Whether a quote asks a question: a question mark ends its words. */
function isQuestion(text: string, q: Quote): boolean {
  return text.charCodeAt(q.end - 2) === 0x3f;
}

/** The longest paragraph read as a turn of a dialogue (see 5b). */
const SHORT_TURN = 160;

/** The longest quote read as a turn with no tag: a news statement that goes on is longer. */
const TURN_QUOTE = 100;

/** The most a line of dialogue holds besides its quotes: a bare tag ("Gulnara said.", "he asked, and grinned."), no news attribution's time and place. */
const BARE_TAG = 48;

/**
 * Whether the paragraph of quote `k` is a short line of dialogue: it opens with a quote,
 * or with a beat of one sentence before it, holds a turn's length, and little but its
 * quotes and a bare tag.
 */
function isDialogueLine(text: string, spans: readonly QuoteSpan[], k: number): boolean {
  const p = spans[k]!.paragraph;
  if (p.end - p.start > SHORT_TURN + BEAT) return false;
  let quoted = 0;
  let first = k;
  for (let j = k; j >= 0 && spans[j]!.paragraph.start === p.start; j--) {
    if (spans[j]!.depth > 0) continue;
    quoted += spans[j]!.end - spans[j]!.start;
    first = j;
  }
  for (let j = k + 1; j < spans.length && spans[j]!.paragraph.start === p.start; j++) if (spans[j]!.depth === 0) quoted += spans[j]!.end - spans[j]!.start;
  // A beat may come first, a sentence of its own ("Nurlan put down his cup. “From Yekaterinburg?”").
  const opens = pastBullet(text, p.start, p.end);
  const beat = spans[first]!.start - opens;
  if (beat > 0 && (beat > BEAT || !endsSentenceBefore(text, spans[first]!.start, opens))) return false;
  return p.end - p.start - quoted - beat <= BARE_TAG;
}

/**
 * Whether every paragraph that starts in text[from, to) opens with a quote, or with a
 * beat of one sentence before its first quote (`spans`): lines of one dialogue, no
 * narration between ("“Is it a big dog?” / “Very big.”", "Nurlan put down his cup. “Now?”").
 */
function onlyDialogueBetween(text: string, from: number, to: number, spans?: readonly QuoteSpan[]): boolean {
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    let at = i;
    while (at < to && kindOf(text.charCodeAt(at)) & SPACE) at++;
    if (at >= to || isOpeningMark(text.charCodeAt(at))) continue;
    const next = spans?.[firstStartingAt(spans, at)];
    if (!next || next.start - at > BEAT || next.start > to || !endsSentenceBefore(text, next.start, at) || text.slice(at, next.start).includes('\n')) return false;
  }
  return true;
}

/** The longest beat before a line of dialogue's quote. */
const BEAT = 100;

/** Whether a sentence ends right before `at` (past blanks), after `floor`: a full stop, a question or an exclamation mark. */
function endsSentenceBefore(text: string, at: number, floor: number): boolean {
  let i = at;
  while (i > floor && kindOf(text.charCodeAt(i - 1)) & SPACE) i--;
  const c = text.charCodeAt(i - 1);
  return i > floor && (c === 0x2e || c === 0x3f || c === 0x21);
}

/**
 * Whether text[from, to) introduces someone unnamed with `role` (lower case): "an
 * official", "one senior official", "Separately, a senior KazMunayGas executive" — not
 * as the appositive of a person named right before its comma ("Anna Petrova, a professor").
 */
function unnamedWithRole(text: string, role: string, from: number, to: number, people: readonly Mention[]): boolean {
  if (to - from > 3000) from = to - 3000;
  let re = UNNAMED_WITH_ROLE.get(role);
  if (!re) UNNAMED_WITH_ROLE.set(role, (re = new RegExp(`(?<![\\p{L}])(?:an?|An?|one|One)[ \\u00a0]+(?:[\\p{L}-]+[ \\u00a0]+){0,3}?${escapeRegExp(role)}(?![\\p{L}])`, 'gu')));
  const stretch = text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(stretch); m; m = re.exec(stretch)) {
    // Named as its appositive after the role's complement: "A spokeswoman for the Mangystau regional police, Dinara Kuanysheva,".
    if (namedAfterComma(text, from + m.index + m[0].length, people)) continue;
    let c = from + m.index;
    while (c > 0 && isBlank(text.charCodeAt(c - 1))) c--;
    if (text.charCodeAt(c - 1) !== 0x2c) return true;
    // The person's age may come between: "Anna Petrova, 45, a professor".
    const named = people[firstStartingAt(people, c) - 1];
    if (!named || (named.end !== c - 1 && !/^,[ \u00a0]*\d{1,3}$/.test(text.slice(named.end, c - 1)))) return true;
  }
  return false;
}

const UNNAMED_WITH_ROLE = new Map<string, RegExp>();

/**
 * Whether text[from, to) meets someone of `role` with "the" and no name: its appositive
 * says who in lower case ("The vendor, a man in a doppi skullcap,"), or it opens a
 * sentence with a verb after it ("The driver leaned out of his cab.").
 */
function theRoleUnnamed(text: string, role: string, from: number, to: number): boolean {
  if (from < 0) from = 0;
  let re = THE_ROLE_UNNAMED.get(role);
  if (!re) THE_ROLE_UNNAMED.set(role, (re = new RegExp(`(?:(?<![\\p{L}])the|(?:^|[.!?][ \\u00a0]+|\\n)The)[ \\u00a0]+${escapeRegExp(role)}(?:,[ \\u00a0]+(?:an?|one)[ \\u00a0]|(?<=The[ \\u00a0]+\\p{Ll}+)[ \\u00a0]+\\p{Ll}+ed[ \\u00a0])`, 'gu')));
  re.lastIndex = 0;
  return re.test(text.slice(from, to));
}
const THE_ROLE_UNNAMED = new Map<string, RegExp>();

/** Whether the next comma after `at`, within 80 characters and its sentence, has a person's name right after it. */
function namedAfterComma(text: string, at: number, people: readonly Mention[]): boolean {
  const end = Math.min(text.length, at + 80);
  let i = at;
  while (i < end && text.charCodeAt(i) !== 0x2c && text.charCodeAt(i) !== 0x2e && text.charCodeAt(i) !== 0x0a) i++;
  if (i >= end || text.charCodeAt(i) !== 0x2c) return false;
  const next = skipBlanks(text, i + 1, end);
  return people[firstStartingAt(people, next)]?.start === next;
}

/** How many commas text[from, to) holds (read within the stretch: a search on could run to the text's end). */
function commasIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x2c) n++;
  return n;
}

/**
 * Whether a person mention was introduced with `role` (lower case): the word right
 * before it ("Kremlin Spokesman Dmitry Peskov"), or an appositive right after it, past
 * an age ("Dmitry Peskov, the Kremlin spokesman,") — a former one's when `former` asks
 * ("the minister said" is not "Sir Julian Ashby, a former defence minister,").
 */
function introducedAs(text: string, m: Mention, role: string, former = false): boolean {
  let e = m.start;
  while (e > 0 && isBlank(text.charCodeAt(e - 1))) e--;
  if (e < m.start && e >= role.length && text.slice(e - role.length, e).toLowerCase() === role && !(kindOf(text.charCodeAt(e - role.length - 1)) & LETTER)) {
    return FORMER_BEFORE.test(text.slice(Math.max(0, e - role.length - 30), e - role.length)) === former;
  }
  // A title and its complement before it: "Foreign Minister of Uzbekistan Bakhtiyor Saidov".
  if (e < m.start) {
    const before = text.slice(Math.max(0, e - 60), e);
    const k = before.toLowerCase().lastIndexOf(role);
    if (k > 0 && !(kindOf(before.charCodeAt(k - 1)) & LETTER) && COMPLEMENT_AFTER_TITLE.test(before.slice(k + role.length))) return FORMER_BEFORE.test(before.slice(0, k)) === former;
  }
  if (text.charCodeAt(m.end) !== 0x2c) return false;
  // "The spokeswoman, Mao Ning, told": the name the appositive of the role before it, "the" and descriptors before that.
  if (text.charCodeAt(e - 1) === 0x2c && THE_ROLE_COMMA_BEFORE.test(text.slice(Math.max(0, e - 60), e)) && text.slice(e - 1 - role.length, e - 1).toLowerCase() === role && !(kindOf(text.charCodeAt(e - 2 - role.length)) & LETTER)) {
    return FORMER_BEFORE.test(text.slice(Math.max(0, e - 1 - role.length - 30), e - 1 - role.length)) === former;
  }
  // Past an age: "Ivan Petrov, 45, a senior executive".
  const from = m.end + (/^,[ \u00a0]*\d{1,3},/.exec(text.slice(m.end, m.end + 6))?.[0].length ?? 1);
  const appositive = /^[^,.;]{0,80}/.exec(text.slice(from, from + 80))![0].toLowerCase();
  // The role ends it, or its complement follows ("a senior executive at KazMunayGas", "the minister responsible for sanctions").
  const at = appositive.lastIndexOf(role);
  return at >= 0 && !/\p{L}/u.test(appositive.charAt(at - 1)) && /^(?:\s*$|[ \u00a0]+(?:responsible[ \u00a0]+)?(?:at|of|for|in|with|from|who|whom|that|we)[ \u00a0])/u.test(appositive.slice(at + role.length)) && FORMER_BEFORE.test(appositive.slice(0, at)) === former;
}

/** Whether `relative` and a comma stand before the name at `at` ("his wife, Natalya Belova"). */
function relativeWithComma(text: string, at: number, relative: string): boolean {
  let e = at;
  while (e > 0 && isBlank(text.charCodeAt(e - 1))) e--;
  if (text.charCodeAt(e - 1) !== 0x2c) return false;
  const s = e - 1 - relative.length;
  return s >= 0 && text.startsWith(relative, s) && !(kindOf(text.charCodeAt(s - 1)) & LETTER);
}

/** What completes a title before a name: "of", "for" or "to", and up to four capitalised words ("of Uzbekistan", "for Foreign Affairs"), a comma after them when the name is the appositive ("Minister of Tourism and Sports, Yerbol Myrzabosynov,"). */
const COMPLEMENT_AFTER_TITLE = /^[ \u00a0]+(?:of|for|to)[ \u00a0]+(?:the[ \u00a0]+)?\p{Lu}[\p{L}’'-]*(?:[ \u00a0]+(?:\p{Lu}[\p{L}’'-]*|of|and|the)){0,4},?$/u;

/** "the" and up to three descriptor words before a role, the role, and the comma before a name: "The spokeswoman,", "the state prosecutor,". */
const THE_ROLE_COMMA_BEFORE = /(?<![\p{L}])(?:the|The)[ \u00a0]+(?:[\p{L}-]+[ \u00a0]+){0,3}[\p{L}-]+,[ \u00a0]*$/u;

/** "former " or "ex-", and a word at most, before a role ("a former defence ", "ex-"). */
const FORMER_BEFORE = /(?<![\p{L}])(?:[Ff]ormer[ \u00a0]+|[Ee]x-)(?:[\p{L}-]+[ \u00a0]+)?$/u;

/** "the Russian foreign minister": the demonym's mention, its country, and the titles of the offices meant. */
interface DemonymLeader {
  /** The demonym's mention ("the Russian …"), or the country's ("Russia's …"). */
  demonym: Mention;
  country: string;
  title: RegExp | undefined;
}

function isSpeaking(type: Mention['type']): boolean {
  return type === 'leader' || type === 'person';
}


/**
 * Whether a person mention is the subject or object of a speech verb: an antecedent of
 * "he said". Not a name that ends another's appositive ("Yulia Navalnaya, the widow of
 * opposition leader Alexei Navalny, called …": the verb is hers).
 */
function isSpeechEventAt(text: string, m: Mention): boolean {
  return cueBefore(text, m.start) || verbFollows(text, m.end, Math.min(text.length, m.end + 120), m.start) || appositiveFollows(text, m.end);
}

/**
 * Where the sentence holding `at`, or the one before it (in the paragraph before when
 * `at`'s sentence starts its own), starts when its subject is someone unnamed — "A nurse
 * from a district hospital …", "Outside the cordon, a taxi driver who …", "Her son, a
 * university student, was less sure." — whom a pronoun of `gender` may stand for; else -1.
 * Not when a name follows the noun ("Another analyst, Jonathan Price, cautioned …").
 * Further back, through the paragraph before and past lines of dialogue, while no one is
 * named (`named`): a scene's "a young border guard … When I showed my press card, he
 * handed it back. “No photographs,” he said."
 */
function unnamedSubjectBefore(text: string, at: number, gender: NameGender | undefined, named: (from: number, to: number) => boolean, mentionAt: (at: number) => boolean): number {
  let end = at;
  let floor = text.lastIndexOf('\n', at - 1) + 1;
  let paragraphs = 0;
  let lines = 0;
  for (let sentences = 0; sentences < UNNAMED_REACH_SENTENCES; ) {
    let start: number;
    if (sentences > 0 && end > floor && isOpeningMark(text.charCodeAt(pastBullet(text, floor, end)))) {
      // A line of dialogue ("“Is that better or worse?”", "“…,” he said.") is passed over whole, its sentences not counted.
      if (named(floor, end) || ++lines > UNNAMED_REACH_LINES) return -1;
      start = floor;
    } else {
      start = sentenceStart(text, end, Math.max(floor, end - LONGEST_SENTENCE));
      sentences++;
      if (unnamedSubjectAt(text, start, end, gender, mentionAt)) return start;
      if (named(start, end)) return -1;
    }
    end = start;
    while (end > 0 && kindOf(text.charCodeAt(end - 1)) & SPACE) end--;
    if (end === 0 || start - end > 4) return -1;
    if (end < floor) {
      // A paragraph that opens with a quote is a line of dialogue: it does not count.
      if (!isOpeningMark(text.charCodeAt(pastBullet(text, floor, end))) && ++paragraphs > 1) return -1;
      floor = text.lastIndexOf('\n', end - 1) + 1;
    }
  }
  return -1;
}

/** How many lines of dialogue unnamedSubjectBefore passes over. */
const UNNAMED_REACH_LINES = 8;

/** How many sentences back unnamedSubjectBefore reads. */
const UNNAMED_REACH_SENTENCES = 6;

/** Whether the sentence text[from, to) opens with someone unnamed (a phrase put first aside) whom a pronoun of `gender` may stand for. */
function unnamedSubjectAt(text: string, from: number, to: number, gender: NameGender | undefined, isMentionAt?: (at: number) => boolean): boolean {
  const i = pastBullet(text, from, to);
  const head = text.slice(i, Math.min(to, i + 160));
  const fronted = FRONTED_PHRASE.exec(head);
  let rest = fronted ? head.slice(fronted[0].length) : head;
  // A participle's phrase after the fronted one: "At one meeting, attended by this reporter, a woman …".
  const aside = fronted ? PARTICIPLE_ASIDE.exec(rest) : null;
  if (aside) rest = rest.slice(aside[0].length);
  const m = UNNAMED_SUBJECT.exec(rest) ?? COUNTED_UNNAMED.exec(rest);
  if (!m) {
    // Someone the recogniser does not know, a word of a name doing something ("Tilek spent four years …"): whoever
    // they are, not one named before. Not a name it knows, a word that is no name, nor a noun opening a sentence
    // ("Traffic slowed"): a name is written with its capital inside a sentence nearby too.
    const unknown = isMentionAt ? UNKNOWN_SUBJECT.exec(rest) : null;
    return unknown !== null && !NOT_NAME_WORDS.has(unknown[1]!) && !NOT_SUBJECT_NAMES.has(unknown[1]!) && !isMentionAt!(i + (head.length - rest.length)) && capitalisedInside(text, unknown[1]!, i);
  }
  // The noun's sex, else its appositive's ("The vendor, a man in a doppi skullcap,").
  const said = UNNAMED_GENDER.get((m[1] ?? m[2] ?? m[3])!.toLowerCase()) ?? UNNAMED_GENDER.get(SEX_IN_APPOSITIVE.exec(rest.slice(m[0].length))?.[1] ?? '');
  return gender === undefined || said === undefined || said === gender;
}

/** Whether `word` stands with its capital after a word in lower case within 3,000 characters of `at`: a name's way. */
function capitalisedInside(text: string, word: string, at: number): boolean {
  const from = Math.max(0, at - 3000);
  const to = Math.min(text.length, at + 3000);
  for (let k = text.indexOf(word, from); k >= 0 && k < to; k = text.indexOf(word, k + word.length)) {
    if (kindOf(text.charCodeAt(k + word.length)) & LETTER) continue;
    let j = k;
    while (j > from && isBlank(text.charCodeAt(j - 1))) j--;
    if (j < k && isLowerLetter(text.charCodeAt(j - 1))) return true;
  }
  return false;
}

/** "The first was a woman in her sixties", "The second was a man of about thirty". */
const COUNTED_UNNAMED = /^(?:The|the)[ \u00a0]+(?:first|second|third|fourth|fifth|other|last)(?:[ \u00a0]+one)?[ \u00a0]+(?:was|is)[ \u00a0]+(?:an?[ \u00a0]+)?(?:[\p{L}-]+[ \u00a0]+){0,2}?(man|woman|boy|girl)(?![\p{L}])/u;
/** A capitalised word, not a plural's, and a verb in the past after it. */
const UNKNOWN_SUBJECT = /^(\p{Lu}\p{Ll}+(?<!s))[ \u00a0]+(?:\p{Ll}+ed|spent|sat|stood|took|went|came|got|put|ran|sold|bought|kept|left|held|said|told|made|gave|drove|brought|thought|felt|knew|saw|lit)(?![\p{L}])/u;
/** Capitalised words that open sentences as subjects and are no one's names. */
const NOT_SUBJECT_NAMES = new Set(['Nobody', 'Everyone', 'Everybody', 'Someone', 'Somebody', 'Nothing', 'Something', 'Everything', 'None', 'One', 'Another', 'Police', 'Prosecutors', 'Officials', 'Later', 'Earlier', 'Once', 'Again', 'Still']);

/**
 * People a report meets and does not name: a determiner, up to three words ("A former
 * Wagner fighter", "One, a 47-year-old"), the noun; no name after it ("Another analyst,
 * Jonathan Price,"). "The" only before a noun no one holds as an office ("The child,
 * perhaps three, pointed"), or with an appositive that says who ("The vendor, a man in a
 * doppi skullcap,"): "the official" may be one named before.
 */
const UNNAMED_PEOPLE = [...PERSON_ROLES.filter((r) => /^\p{Ll}/u.test(r) && r !== 'employer'), ...RELATIVES, 'man', 'woman', 'boy', 'girl', 'employee', 'staffer', 'person', 'fighter', 'mercenary', 'conscript', 'passenger', 'stranger', 'teenager', 'child',
  // Whom scenes meet and seldom name.
  'grandmother', 'grandfather', 'bailiff', 'attendant', 'provodnitsa', 'vet', 'customer', 'shopper', 'buyer', 'porter', 'toastmaster', 'usher', 'janitor', 'watchman', 'pilgrim', 'mourner', 'onlooker', 'bystander', 'passer-by', 'voter', 'pupil', 'patient', 'client', 'roommate'];
export const UNNAMED_ONLY = ['man', 'woman', 'boy', 'girl', 'child', 'baby', 'toddler', 'teenager', 'stranger', 'passenger'];
const UNNAMED_WORDS = new Set(UNNAMED_PEOPLE);
/** The nouns of UNNAMED_PEOPLE, the longest first. */
export const UNNAMED_NOUN_LIST: readonly string[] = [...new Set(UNNAMED_PEOPLE)].sort((a, b) => b.length - a.length);
/** `[\p{L}\p{N}’'-]+[ \u00a0]+`: a word before the noun. */
const UNNAMED_DESCRIPTOR = seq(run((cp) => isLetter(cp) || isNumber(cp) || cp === 0x2019 || cp === 0x27 || cp === 0x2d), BLANKS);
/**
 * `^(?:(?:An?|Another|One|an?|another|one|His|Her|Their|My|Our|One,[ \u00a0]+an?)[ \u00a0]+(?:[\p{L}\p{N}’'-]+[ \u00a0]+){0,3}?(${UNNAMED_NOUNS}|\d{1,3}-year-old)|(?:The|the)[ \u00a0]+(?:[\p{L}\p{N}’'-]+[ \u00a0]+){0,2}?(${UNNAMED_ONLY.join('|')})|(?:The|the)[ \u00a0]+(?:[\p{L}\p{N}’'-]+[ \u00a0]+){0,2}?(${UNNAMED_NOUNS})(?=,[ \u00a0]+(?:an?|one)[ \u00a0]))(?![\p{L}-])(?![ \u00a0]*,?[ \u00a0]*\p{Lu})`
 */
const UNNAMED_SUBJECT = new WordListPattern(
  seq(
    alt(
      seq(
        alt(oneOf(['An', 'A', 'Another', 'One', 'an', 'a', 'another', 'one', 'His', 'Her', 'Their', 'My', 'Our']), seq(lit('One,'), BLANKS, oneOf(['an', 'a']))),
        BLANKS,
        repeat(UNNAMED_DESCRIPTOR, 0, 3, true),
        group(1, alt(oneOf(UNNAMED_NOUN_LIST), seq(run(isDigit, 1, 3), lit('-year-old')))),
      ),
      seq(wordThenBlanks(['The', 'the']), repeat(UNNAMED_DESCRIPTOR, 0, 2, true), group(2, oneOf(UNNAMED_ONLY))),
      seq(wordThenBlanks(['The', 'the']), repeat(UNNAMED_DESCRIPTOR, 0, 2, true), group(3, oneOf(UNNAMED_NOUN_LIST)), ahead(seq(lit(','), BLANKS, oneOf(['an', 'a', 'one']), one(isBlank)))),
    ),
    notAhead(one((cp) => isLetter(cp) || cp === 0x2d)),
    notAhead(seq(run(isBlank, 0), optional(lit(',')), run(isBlank, 0), one(isUpper))),
  ),
  3,
);
const PARTICIPLE_ASIDE = /^\p{Ll}+(?:ed|ing)(?:[ \u00a0]+[\p{L}\p{N}’'-]+){0,8},[ \u00a0]+/u;
const SEX_IN_APPOSITIVE = /^,[ \u00a0]+(?:an?|one)[ \u00a0]+(?:[\p{L}-]+[ \u00a0]+){0,2}?(man|woman|boy|girl)(?![\p{L}])/u;
/** The sex a noun of UNNAMED_PEOPLE says, where it says one. */
const UNNAMED_GENDER = new Map<string, NameGender>([
  ...['man', 'boy', 'son', 'husband', 'father', 'brother', 'uncle', 'nephew', 'widower', 'grandfather', 'grandson', 'stepfather', 'boyfriend', 'fiancé', 'father-in-law', 'son-in-law', 'brother-in-law', 'businessman', 'spokesman', 'cameraman'].map((w) => [w, 'm'] as [string, NameGender]),
  ...['woman', 'girl', 'daughter', 'wife', 'mother', 'sister', 'aunt', 'niece', 'widow', 'grandmother', 'granddaughter', 'stepmother', 'girlfriend', 'fiancée', 'mother-in-law', 'daughter-in-law', 'sister-in-law', 'businesswoman', 'spokeswoman', 'camerawoman', 'actress', 'waitress', 'housewife'].map((w) => [w, 'f'] as [string, NameGender]),
]);

/** Where the sentence before the one holding `at` starts, in its paragraph (the paragraph's start when there is none). */
function sentenceBefore(text: string, at: number): number {
  const floor = text.lastIndexOf('\n', at - 1) + 1;
  const own = sentenceStart(text, at, Math.max(floor, at - LONGEST_SENTENCE));
  return own <= floor ? floor : sentenceStart(text, own - 1, Math.max(floor, own - LONGEST_SENTENCE));
}

/** Where the paragraph before the one holding `at` starts (its line, blank lines between). */
function paragraphBefore(text: string, at: number): number {
  let i = text.lastIndexOf('\n', at - 1);
  while (i > 0 && kindOf(text.charCodeAt(i - 1)) & SPACE) i--;
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** The sex a role word at `at` says ("spokeswoman", "chairman"), if it says one. */
function genderOfRole(text: string, at: number, end: number): NameGender | undefined {
  let e = at;
  while (e < end && kindOf(text.charCodeAt(e)) & LETTER) e++;
  const word = text.slice(at, e).toLowerCase();
  return word.endsWith('woman') ? 'f' : MAN_ROLE.test(word) ? 'm' : undefined;
}

/** Roles that say a man ("German" is no role). */
const MAN_ROLE = /^(?:spokes|chair|congress|business|camera|states|police|anchor|fisher|country)?man$/;

/** Whether "’s" or "'s" ends a word at `at` ("Xi's aides"). */
function possessiveAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c === 0x2019 || c === 0x27) && text.charCodeAt(at + 1) === 0x73 && !(kindOf(text.charCodeAt(at + 2)) & LETTER);
}

/**
 * A phrase put before a sentence's subject, to its comma: "In a televised address, ",
 * "Asked about the vote, ", "However, ", "As the sun came up over the centre, ",
 * "Standing on the pavement as the group dispersed, ", "For weeks, " — not "For example, ", whose
 * subject is an example's, not whom the text follows.
 */
const FRONTED_PHRASE = /^(?:(?:In|At|On|Near|For(?![ \u00a0]+(?:example|instance))|Despite|Following|Until|After|Before|During|Later|Earlier|Speaking|Meanwhile|However|Asked|Separately|Elsewhere|Then|Still|Yet|Now|Today|Instead|Afterwards|Last|This|Writing|Addressing|Responding|As|When|While|Since|Outside|Inside|Nearby|Across|Back|With|By|Because|Although|Though|Once|Unlike)(?:[ \u00a0]+[\p{L}\p{N}’'-]+){0,16}|\p{Lu}\p{Ll}+ing(?:[ \u00a0]+[\p{L}\p{N}’'-]+){1,10}),[ \u00a0]+/u;

/**
 * Whether a person mention starts its sentence as its subject: descriptors ending with a
 * title or role may stand before it ("Uzbekistan's leader Shavkat Mirziyoyev was …"), or
 * a phrase put first ("In a televised address, Mirziyoyev thanked …"); a
 * possessive may not follow it ("Xi's aides"), and the sentence ends as one does (not a
 * photo credit, "Florence Lo | Afp | Getty Images", or a heading).
 */
/** Where the sentence holding the mention `m` starts, in its line. */
function sentenceOf(text: string, m: Mention): number {
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  return sentenceStart(text, m.start, Math.max(lineStart, m.start - LONGEST_SENTENCE));
}

/**
 * Whether the mention `m` opens its sentence, starting at `from`: after a phrase put first
 * if any ("Outside the building, Kovalenko’s mother …"), or with `clauses`, after clauses
 * put first, each closed by a comma and naming no one capitalised ("In the evening, when
 * the heat had gone, Gulnara’s phone rang").
 */
function opensSentence(text: string, m: Mention, from = sentenceOf(text, m), clauses = false): boolean {
  const fronted = FRONTED_PHRASE.exec(text.slice(from, m.start));
  if (startsSentence(text, fronted ? from + fronted[0].length : from, m.start)) return true;
  return clauses && fronted !== null && text.charCodeAt(m.start - 2) === 0x2c && !/[ \u00a0]\p{Lu}/u.test(text.slice(from + 1, m.start));
}

function isSubjectAt(text: string, m: Mention): boolean {
  if (possessiveAt(text, m.end)) return false;
  const from = sentenceOf(text, m);
  // After a phrase put first, descriptors ending with a role may come ("Asked whether …, Kremlin spokesman Dmitry Peskov was …").
  if (!opensSentence(text, m, from) && !appositiveOfSubject(text, from, m)) return false;
  let lineEnd = text.indexOf('\n', m.end);
  if (lineEnd < 0) lineEnd = text.length;
  let end = sentenceEnd(text, m.end, Math.min(lineEnd, m.end + LONGEST_SENTENCE));
  while (end > m.end && (kindOf(text.charCodeAt(end - 1)) & SPACE || chars.isClosingMark(text.charCodeAt(end - 1)))) end--;
  const last = text.charCodeAt(end - 1);
  return last === 0x2e || last === 0x3f || last === 0x21;
}

/** Whether `at` is on a byline: a line opening with "By", "Words by", "Photographs by" … ("By Anna Kessler | Photographs by …"). */
function inByline(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return at - lineStart < 120 && BYLINE.test(text.slice(lineStart, lineStart + 20));
}

const BYLINE = /^(?:By|BY|Words by|Written by|Text by|Photographs by|Photos by|Photo by)[ \u00a0:]/;

/** The sex an honorific right before `at` says ("Mrs. Leung", "Mr Ivanov"), if one stands there. */
function honorificGender(text: string, at: number): NameGender | undefined {
  const h = HONORIFIC_BEFORE.exec(text.slice(Math.max(0, at - 7), at));
  return h === null ? undefined : h[1] === 'Mr' ? 'm' : 'f';
}

const HONORIFIC_BEFORE = /(?<![\p{L}])(Mrs|Mr|Ms|Miss)\.?[ \u00a0]+$/u;

/**
 * Whether `m` is the appositive of descriptors ending with a role, or a role and its
 * complement, that start the sentence at `from` (a phrase put first aside), commas around
 * it: "The U.S. deputy ambassador, Dorothy Shea, rejected …", "Outside the chamber,
 * Ukraine's ambassador to the UK, Valerii Zaluzhnyi, welcomed …".
 */
function appositiveOfSubject(text: string, from: number, m: Mention): boolean {
  // An affiliation may close it: "Another analyst, Jonathan Price of the Center for Strategic Frontiers, cautioned …".
  if (text.charCodeAt(pastAffiliation(text, m.end, Math.min(text.length, m.end + 120))) !== 0x2c) return false;
  let comma = m.start;
  while (comma > from && isBlank(text.charCodeAt(comma - 1))) comma--;
  if (!(comma < m.start && comma > from && text.charCodeAt(comma - 1) === 0x2c)) return false;
  from = pastBullet(text, from, comma - 1);
  const fronted = FRONTED_PHRASE.exec(text.slice(from, comma - 1));
  if (fronted) from += fronted[0].length;
  return onlyDescriptors(text, from, comma - 1, true) && (endsWithRole(text, from, comma - 1) || roleWithComplementEndingAt(text, from, comma - 1)) && !NOT_DESCRIPTORS.test(text.slice(from, comma - 1));
}

/**
 * Whether a speech verb or "according to", then up to five words, each run of words
 * and spaces whole, none of them "that" or another word opening a clause, ends right
 * before `at`, all within the 80 characters before it:
 * `(?:VERBS|according to)[ \u00a0]+(?:[\p{L}’'-]+\.?[ \u00a0]+){0,5}$`, the dot only after an honorific.
 */
function cueBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - 80);
  let i = at;
  for (let words = 0; ; words++) {
    const blanksEnd = i;
    while (i > from && isBlank(text.charCodeAt(i - 1))) i--;
    if (i === blanksEnd) return false;
    if (cueEndsAt(text, i, from)) return true;
    if (words === 5) return false;
    const honorific = honorificEndingAt(text, i, from);
    if (honorific < i) {
      i = honorific;
      continue;
    }
    const wordEnd = i;
    for (let w = wordCharBefore(text, i, from); w > 0; w = wordCharBefore(text, i, from)) i -= w;
    if (i === wordEnd) return false;
    // "He said that President Japarov had raised it": the name is what was said, not who said it;
    // "said oral testimony from people like Kim was …": a preposition's object, not who said it.
    if (wordEnd - i <= 9 && (CLAUSE_OPENERS.has(text.slice(i, wordEnd)) || CUE_BREAKING_PREPOSITIONS.has(text.slice(i, wordEnd)))) return false;
  }
}

/** Words that open what a speech verb reports: a name after them is no speaker. */
const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'why', 'what', 'when']);

/** Whether a speech verb or "according to" ends at `at`, starting at or after `from`. */
function cueEndsAt(text: string, at: number, from: number): boolean {
  let node: Trie | undefined = CUE_BACKWARDS_TRIE;
  for (let i = at - 1; i >= from; i--) {
    node = node.next.get(text.charCodeAt(i));
    if (!node) return false;
    if (node.word) return true;
  }
  return false;
}

/** Length of the letter, ’, ' or - ending at `at` (2 for a surrogate pair), 0 if there is none. */
function wordCharBefore(text: string, at: number, from: number): number {
  if (at <= from) return 0;
  const c = text.charCodeAt(at - 1);
  if (c === 0x2019 || c === 0x27 || c === 0x2d) return 1;
  if (c >= 0xdc00 && c <= 0xdfff && at - 2 >= from) {
    const h = text.charCodeAt(at - 2);
    if (h >= 0xd800 && h <= 0xdbff) return charKind(((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000) & LETTER ? 2 : 0;
  }
  return kindOf(c) & LETTER ? 1 : 0;
}

/**
 * Whether text[at, end) opens with a speech verb after its subject: one or two appositives
 * (", a fellow at X,"), spaces, up to two adverbs ("has repeatedly"), then the verb —
 * `^(?:(?:,[^,“”"«»]{0,80}){1,2},|,)?[ \u00a0]+(?:(?:ADVERBS)[ \u00a0]+){0,2}(?:VERBS)(?![\p{L}])`,
 * the lone comma closing an appositive that is the name itself.
 */
function verbFollows(text: string, at: number, end: number, start?: number): boolean {
  let i = at;
  // Past a work's year after its author: "as Umarov (2022) notes".
  if (text.charCodeAt(i + 1) === 0x28) {
    const cited = CITED_YEAR_AT.exec(text.slice(i, i + 32));
    if (cited) i += cited[0].length;
  }
  // "The Russian president, Vladimir Putin, has said": the name is the appositive, a comma
  // before it too when its `start` is given (not "The Chinese leader, greeted by … minister
  // Dmitry Chernyshenko, said"); or "Putin, who said".
  if (i < end && text.charCodeAt(i) === 0x2c && (start === undefined || commaBefore(text, start) || rolesAfterComma(text, start) || startsWithWord(text, skipBlanks(text, i + 1, end), end, RELATIVE_PRONOUNS)) && (verbAfterGap(text, i + 1, end) || verbAfterPhraseAnd(text, i + 1, end))) return true;
  // "Putin — who for years avoided saying the name in public — said:": an aside between dashes.
  const aside = pastDashedAside(text, i, end);
  if (aside > i && (verbAfterGap(text, aside, end) || speechVerbEnd(text, aside, end) >= 0)) return true;
  // "Nargis Kassenova of Harvard University argues".
  const affiliated = pastAffiliation(text, i, end);
  if (affiliated > i && verbAfterGap(text, affiliated, end)) return true;
  // "A reporter from Kazakhstan, Aliya Serikbayeva of the Kazinform news agency, asked": the appositive's comma
  // closing it, a few words in lower case ending the body's name first.
  if (affiliated > i && start !== undefined && commaBefore(text, start)) {
    const closed = pastLowerWords(text, affiliated, end, 3);
    if (text.charCodeAt(closed) === 0x2c && verbAfterGap(text, closed + 1, end)) return true;
  }
  if (i >= end || text.charCodeAt(i) !== 0x2c) return verbAfterGap(text, i, end) || (start !== undefined && opensSentenceAt(text, start) && verbAfterPhraseAnd(text, i, end));
  // Up to two appositives ("Lindsey Graham, Republican of South Carolina, who has pushed
  // for sanctions, said"), each closed by the next comma within 120 code points ("Dmitry
  // Peskov, asked about deportations … after the Crocus City Hall attack in March 2024,
  // said"), which may open the next.
  for (let groups = 0; groups < 2; groups++) {
    i++;
    for (let count = 0; ; count++) {
      if (i >= end) return false;
      const c = text.charCodeAt(i);
      if (c === 0x2c) break;
      // A title quoted in it, its own commas inside: "Max Hess, … and author of “Economic War: …,” told".
      if (c === 0x201c || c === 0xab || c === 0x22) {
        const closing = c === 0x201c ? 0x201d : c === 0xab ? 0xbb : 0x22;
        const limit = Math.min(end, i + 121);
        let close = i + 1;
        while (close < limit && text.charCodeAt(close) !== closing) close++;
        if (close >= limit) return false;
        i = close;
        if (text.charCodeAt(close - 1) === 0x2c) break;
        i++;
        continue;
      }
      if (c === 0x201d || c === 0xbb || count === 120) return false;
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    }
    if (verbAfterGap(text, i + 1, end) || (start !== undefined && opensSentenceAt(text, start) && verbAfterPhraseAnd(text, i + 1, end))) return true;
  }
  return false;
}

/**
 * Whether another verb's phrase and "and" come before a speech verb at `at`: "Sergei
 * Vakunov, …, laid flowers at the scene and told reporters that". The phrase opens with a
 * word in lower case and holds no punctuation and no word that opens a clause of someone
 * else's ("arrived when officials greeted him and said"), within 80 code points.
 */
function verbAfterPhraseAnd(text: string, at: number, end: number): boolean {
  let i = skipBlanks(text, at, end);
  if (i === at || i >= end || !isLowerLetter(text.charCodeAt(i))) return false;
  const limit = Math.min(end, at + 80);
  // Most phrases hold no "and": found natively before any word is read.
  const and = text.indexOf(' and ', i);
  if (and < 0 || and >= limit) return false;
  for (let wordStart = i; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0xa0) {
      wordStart = i + 1;
      continue;
    }
    if (!isLetterAt(text, i, end) && !(c >= 0x30 && c <= 0x39) && c !== 0x2d && c !== 0x2019 && c !== 0x27) return false;
    if (i !== wordStart) continue;
    const word = wordAt(text, i, end);
    if (PHRASE_BREAKS.has(word)) return false;
    // "and" as a word of its own, a speech verb right after it.
    if (word === 'and' && i > at + 1 && verbAfterGap(text, i + 3, end)) return true;
  }
  return false;
}

/** Words that open a clause whose subject may be someone else's, or join another's. */
const PHRASE_BREAKS = new Set(['where', 'when', 'who', 'whom', 'whose', 'which', 'that', 'as', 'because', 'while', 'after', 'before', 'if', 'until', 'since', 'but', 'or', 'though', 'although', 'whether']);

/**
 * Whether only a title or a role, with its descriptors, stands in [from, to) before a
 * name, or the name is its appositive: "Energy Minister ", "the Kazakh energy minister, ".
 */
function describedBefore(text: string, from: number, to: number): boolean {
  return (onlyDescriptors(text, from, to) && endsWithRole(text, from, to)) || titleAppositiveBefore(text, from, to);
}

/** The word of ASCII letters in lower case at `at`. */
function wordAt(text: string, at: number, end: number): string {
  let i = at;
  while (i < end && isLowerLetter(text.charCodeAt(i))) i++;
  return text.slice(at, i);
}

function isLowerLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/**
 * Whether a comma and descriptors ending with a role stand right before `at` ("Its
 * coordinator for the mission, Danish lawmaker Henrik Moller Sand, told …"): the name
 * with its descriptors, four words at most, is the appositive.
 */
function rolesAfterComma(text: string, at: number): boolean {
  const floor = Math.max(0, at - 60);
  let comma = at - 1;
  while (comma > floor && text.charCodeAt(comma) !== 0x2c && text.charCodeAt(comma) !== 0x0a) comma--;
  if (!(comma > floor && text.charCodeAt(comma) === 0x2c && onlyDescriptors(text, comma + 1, at, false, 4) && endsWithRole(text, comma + 1, at))) return false;
  // Not a clause's ("The Chinese leader, greeted by the deputy prime minister Dmitry Chernyshenko, said": the verb is the leader's).
  return !text.slice(comma + 1, at).split(/[ \u00a0]+/).some((w) => PREPOSITIONS.has(w));
}

/** "he", "she", "him" or "her" as a word. */
const PERSONAL_PRONOUN = /(?<![\p{L}])(?:[Hh]e|[Ss]he|him|[Hh]er)(?![\p{L}’'])/u;

/** Descriptors holding one of these are a clause's, not a name's ("greeted by the deputy prime minister …"). */
/** Prepositions whose object a name after them is, never a speech verb's subject. */
const OBJECT_PREPOSITIONS = new Set(['alongside', 'beside', 'besides', 'with', 'against', 'toward', 'towards', 'among', 'between', 'without']);

/** The word of letters right before `at`, blanks between ('' when there is none). */
function wordBeforeAt(text: string, at: number): string {
  let e = at;
  while (e > 0 && isBlank(text.charCodeAt(e - 1))) e--;
  return e < at ? (wordEndingAt(text, e, Math.max(0, e - 16)) ?? '') : '';
}

const PREPOSITIONS = new Set(['under', 'with', 'by', 'to', 'for', 'from', 'of', 'about', 'against', 'on', 'at', 'in', 'after', 'before', 'than', 'like', 'including', 'between']);
/** Prepositions between a speech verb and a name that make the name no speaker ("of" may open a title's complement). */
const CUE_BREAKING_PREPOSITIONS = new Set([...[...PREPOSITIONS].filter((p) => p !== 'of' && p !== 'by'), 'besides', 'without']);

/** Whether a word in lower case but "and", "but" or "named" is the word before `at`, blanks between ("met Mirziyoyev", not "Russia’s Putin"). */
function lowerWordBefore(text: string, at: number): boolean {
  let e = at;
  while (e > 0 && isBlank(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > 0 && (isAsciiLetter(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 0x2019 || text.charCodeAt(s - 1) === 0x27)) s--;
  const c = text.charCodeAt(s);
  return s < e && e < at && c >= 0x61 && c <= 0x7a && !CLAUSE_JOINS.has(text.slice(s, e));
}

/** Words a clause's subject, or a person introduced, may come after: "…, and Sadyr Japarov was very emotional", "an engineer named Nurbek Asanaliev". */
const CLAUSE_JOINS = new Set(['and', 'but', 'named']);

/** Past an aside between dashes at `at` (" — who … — ", "—who …—"), to right after the second dash; `at` when there is none. Read 160 characters at most, no sentence's end inside. */
function pastDashedAside(text: string, at: number, end: number): number {
  const open = skipBlanks(text, at, end);
  const dash = text.charCodeAt(open);
  if (dash !== 0x2014 && dash !== 0x2013) return at;
  const stop = Math.min(end, open + 160);
  for (let i = open + 1; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === dash) return i + 1;
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x201c || c === 0x22) return at;
  }
  return at;
}

/** Whether the first comma in text[from, to) starts a participle of speech (", telling a panel that …"). */
function participleAfterComma(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && text.charCodeAt(i) !== 0x2c) i++;
  if (i >= to) return false;
  PARTICIPLE_AT.lastIndex = i;
  return PARTICIPLE_AT.test(text);
}

const PARTICIPLE_AT = new RegExp(PARTICIPLE_OF_SPEECH.source, 'y');

/** Whether a comma stands right before `at`, blanks between. */
function commaBefore(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  return i < at && text.charCodeAt(i - 1) === 0x2c;
}

/** Whether text[from, to) is " and " or " & ", blanks around. */
function onlyAndBetween(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to).trim();
  return between === 'and' || between === '&';
}

/** Past " of Harvard University" / " of the Carnegie Endowment" / " at Texas A&M" at `at` (capitalised words, links between), to the space after; `at` when none is there. */
function pastAffiliation(text: string, at: number, end: number): number {
  let i = skipBlanks(text, at, end);
  // (Or "at": "Edward Lemon at Texas A&M wrote".)
  const link = i === at ? 0 : startsWithWord(text, i, end, ['of']) ? 2 : startsWithWord(text, i, end, ['at']) ? 2 : 0;
  if (link === 0) return at;
  i = skipBlanks(text, i + link, end);
  if (startsWithWord(text, i, end, ['the'])) i = skipBlanks(text, i + 3, end);
  let last = at;
  // Capitalised words, "to", "for", "of", "and" or "on" between them ("of the Committee to Protect Journalists").
  for (let words = 0; words < 7 && i < end; words++) {
    const capital = (kindOf(text.charCodeAt(i)) & UPPER) !== 0;
    if (!capital && (words === 0 || !startsWithWord(text, i, end, AFFILIATION_LINKS))) break;
    while (wordCharAt(text, i, end) > 0 || (text.charCodeAt(i) === 0x26 && capital)) i += wordCharAt(text, i, end) || 1;
    if (capital) last = i;
    i = skipBlanks(text, i, end);
  }
  return last;
}

const AFFILIATION_LINKS = ['to', 'for', 'of', 'and', 'on'];

/**
 * "the judge cut him short:" in the clause that a colon ends `before` with (no comma,
 * stop or quote mark in it): where the role's "the" stands, the role in lower case, and
 * whether "former" comes before it.
 */
function roleActingToColon(before: string): { at: number; role: string; former: boolean } | undefined {
  let colon = before.length;
  while (colon > 0 && before.charCodeAt(colon - 1) !== 0x3a) colon--;
  let start = colon - 1;
  while (start > 0 && !CLAUSE_ENDS.has(before.charCodeAt(start - 1))) start--;
  for (let h = before.indexOf('he', start + 1); h > 0 && h < colon; h = before.indexOf('he', h + 2)) {
    const at = h - 1;
    if ((before.charCodeAt(at) | 0x20) !== 0x74 || (at > 0 && kindOf(before.charCodeAt(at - 1)) & LETTER)) continue; // "the", not "bathe"
    ROLE_ACTING.lastIndex = at;
    const m = ROLE_ACTING.exec(before);
    if (m && m.index + m[0].length <= colon) return { at, role: m[2]!.toLowerCase(), former: m[1]?.toLowerCase() === 'former' };
  }
  return undefined;
}

/** Whether text[from, to) holds an opening or closing quotation mark, apostrophes aside. */
function quoteMarkIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((isOpeningMark(text.charCodeAt(i)) || chars.isClosingMark(text.charCodeAt(i))) && !isApostrophe(text, i)) return true;
  return false;
}

/** What ends a clause for roleActingToColon: a comma, a semicolon, a colon, a stop, a line's end, a quote mark. */
const CLAUSE_ENDS = new Set([0x2c, 0x3b, 0x3a, 0x2e, 0x21, 0x3f, 0x0a, 0x201c, 0x201d, 0x22, 0xab, 0xbb]);

const INDEFINITE_ARTICLES = ['a', 'an', 'A', 'An'];

/** Whether a clause opens at `at` of `sentence`: at its start, or after a comma and blanks. */
function opensClause(sentence: string, at: number): boolean {
  let i = at;
  while (i > 0 && (sentence.charCodeAt(i - 1) === 0x20 || sentence.charCodeAt(i - 1) === 0xa0)) i--;
  return i === 0 || sentence.charCodeAt(i - 1) === 0x2c;
}

/** Past up to `most` words in lower case, each after blanks, from `at` within `end`: where the next is not one. */
function pastLowerWords(text: string, at: number, end: number, most: number): number {
  let i = at;
  for (let words = 0; words < most; words++) {
    const from = skipBlanks(text, i, end);
    if (from === i || from >= end || (kindOf(text.charCodeAt(from)) & (LETTER | UPPER)) !== LETTER) break;
    let j = from;
    while (j < end && kindOf(text.charCodeAt(j)) & LETTER) j++;
    i = j;
  }
  return i;
}

/** Spaces, up to two adverbs ("has repeatedly"), then a speech verb, from `at` within `end`. */
function verbAfterGap(text: string, at: number, end: number): boolean {
  let i = at;
  for (let adverbs = 0; ; adverbs++) {
    const blanks = i;
    i = skipBlanks(text, i, end);
    if (i === blanks) return false;
    if (speechVerbEnd(text, i, end) >= 0) return true;
    if (adverbs === 2) return false;
    const word = i;
    while (i < end && text.charCodeAt(i) >= 0x61 && text.charCodeAt(i) <= 0x7a) i++;
    if (!GAP_ADVERBS.has(text.slice(word, i))) return false;
  }
}

/**
 * End of the longest speech verb at `at` that a letter does not continue, within `end`;
 * -1 if none — `(?:VERBS)(?![\p{L}])` with its alternatives longest first.
 */
function speechVerbEnd(text: string, at: number, end: number): number {
  let node: Trie | undefined = VERB_TRIE;
  let found = -1;
  for (let i = at; i < end; i++) {
    node = node.next.get(text.charCodeAt(i));
    if (!node) break;
    if (node.word && !isLetterAt(text, i + 1, end)) found = i + 1;
  }
  return found;
}

/** Whether the code point at `i`, within `end`, is a letter. */
function isLetterAt(text: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = text.charCodeAt(i + 1);
    if (isLowSurrogate(d)) return (charKind(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) & LETTER) !== 0;
  }
  return (kindOf(c) & LETTER) !== 0;
}

/**
 * Whether text[from, to) is only descriptor words before a name ("said Kazakh political
 * scientist ", "said Dr. ") — `^[\s,]*(?:[\p{L}’'-]+\.?[ \u00a0]+){0,maxWords}$`, the dot
 * only after an honorific, or a word an initialism ("U.S."); with `endsWithWord`, the last
 * word may end at `to`.
 */
function onlyDescriptors(text: string, from: number, to: number, endsWithWord = false, maxWords = 6): boolean {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 0x2c || kindOf(text.charCodeAt(i)) & SPACE)) i++;
  for (let words = 0; i < to; words++) {
    if (words === maxWords) return false;
    const word = i;
    i = initialismEnd(text, i, to);
    if (i === word) for (let w = wordCharAt(text, i, to); w > 0; w = wordCharAt(text, i, to)) i += w;
    if (i === word) return false;
    if (endsWithWord && i === to) return true;
    if (text.charCodeAt(i) === 0x2e && i < to && HONORIFIC_WORDS.has(text.slice(word, i))) i++;
    const blanks = i;
    i = skipBlanks(text, i, to);
    if (i === blanks) return false;
  }
  return true;
}

/** Past "U.S." or "U.N." at `at` (two or more capitals, each with its dot), within `to`; `at` when none is there. */
function initialismEnd(text: string, at: number, to: number): number {
  let i = at;
  while (i + 1 < to && text.charCodeAt(i) >= 0x41 && text.charCodeAt(i) <= 0x5a && text.charCodeAt(i + 1) === 0x2e) i += 2;
  return i - at >= 4 ? i : at;
}

/** "Tokayev: “…”", "Kazakh President Tokayev: “…”": the name starts its sentence, titles aside (not "… for Putin: “…”"). */
function startsSentence(text: string, from: number, at: number): boolean {
  from = pastBullet(text, from, at);
  // An honorific before the name is no descriptor of another's: "Mr Tokayev was careful."
  return at === from || pastHonorifics(text, from, at) === at || (onlyDescriptors(text, from, at) && endsWithRole(text, from, at) && !NOT_DESCRIPTORS.test(text.slice(from, at)));
}

/** A subject, a clause or a preposition's phrase before a name, which its descriptors are not: "He said that President …", "Under laws signed by President …". */
const NOT_DESCRIPTORS = /^[\s,]*(?:He|She|They|It|We|I|Under|By|With|Without|For|From|In|On|At|To|After|Before|During|Against|Despite|Through|Unlike|Like|Among|Between)[ \u00a0]|(?<![\p{L}])(?:that|whether)[ \u00a0]/u;

/** Past a list's bullet, or a live report's time and dash ("11:50 — Putin: “…”"), and the blanks after it at `at`, within `end`. */
function pastBullet(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && kindOf(text.charCodeAt(i)) & SPACE) i++;
  i = pastTime(text, i, end);
  const c = text.charCodeAt(i);
  if (c !== 0x2022 && c !== 0x25e6 && c !== 0x25aa && c !== 0x2023 && c !== 0x2a && c !== 0x2d && c !== 0x2013 && c !== 0x2014) return at;
  return skipBlanks(text, i + 1, end);
}

/** Past "11:50", "9.05 GMT" or "10:42 a.m." and the blanks after it at `at`, within `end`, when a dash follows; else `at`. */
function pastTime(text: string, at: number, end: number): number {
  TIME_AT.lastIndex = at;
  const m = TIME_AT.exec(text);
  return m && at + m[0].length < end ? at + m[0].length : at;
}

const TIME_AT = /\d{1,2}[:.]\d{2}(?:[ \u00a0]*(?:[ap]\.?m\.?|GMT|UTC|BST|CET|local time))?[ \u00a0]*(?=[-–—])/y;

/** "Tokayev: “…”": only a colon and blanks in text[from, to). */
function onlyColonBetween(text: string, from: number, to: number): boolean {
  if (from >= to || text.charCodeAt(from) !== 0x3a) return false;
  for (let i = from + 1; i < to; i++) if (!(kindOf(text.charCodeAt(i)) & SPACE)) return false;
  return true;
}

/** Past "elder " or "younger " at `at` ("the elder Berdimuhamedov told"), within `end`; else `at`. */
function pastElder(text: string, at: number, end: number): number {
  const word = startsWithWord(text, at, end, ['elder']) ? 5 : startsWithWord(text, at, end, ['younger']) ? 7 : 0;
  return word === 0 ? at : skipBlanks(text, at + word, end);
}

/** Whether a colon, blanks after it, ends text[from, to). */
function colonEndsAt(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && kindOf(text.charCodeAt(i - 1)) & SPACE) i--;
  return i > from && text.charCodeAt(i - 1) === 0x3a;
}

/** "” — ": blanks, one dash (em, en or a hyphen) and blanks make text[from, to). */
function dashBetween(text: string, from: number, to: number): boolean {
  let dashes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2014 || c === 0x2013 || c === 0x2d) dashes++;
    else if (!(kindOf(c) & SPACE)) return false;
  }
  return dashes === 1;
}

/** Whether the sentence ends at `at`: the text's or the stretch's end, or `.` `!` `?` `;` with blanks or nothing after. */
function endsSentenceAt(text: string, at: number, end: number): boolean {
  if (at >= end || at >= text.length) return true;
  const c = text.charCodeAt(at);
  if (c === 0x0a || c === 0x0d) return true;
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x3b) return false;
  return at + 1 >= text.length || (kindOf(text.charCodeAt(at + 1)) & SPACE) !== 0;
}

/** Whether a speech verb stands as a word in text[from, to). */
function speechVerbIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((i === 0 || !isLetterAt(text, i - 1, to)) && VERB_TRIE.next.has(text.charCodeAt(i)) && speechVerbEnd(text, i, to) >= 0) return true;
  return false;
}

/**
 * Whether a speech verb follows a closing mark at `at`, in the same sentence and
 * before `end`, after at most six words ("…,” said Graham", "…,” Mr. Blinken said",
 * "…,” the analyst said"): read from the text alone, for a quote's kind.
 */
export function attributionFollows(text: string, at: number, end: number): boolean {
  const stop = Math.min(end, at + 160);
  let i = skipLead(text, at, stop);
  for (let words = 0; words <= 6; words++) {
    if (speechVerbEnd(text, i, stop) >= 0) return true;
    const word = i;
    for (let w = wordCharAt(text, i, stop); w > 0; w = wordCharAt(text, i, stop)) i += w;
    if (i === word) return false;
    if (i < stop && text.charCodeAt(i) === 0x2e && HONORIFIC_WORDS.has(text.slice(word, i))) i++;
    // An abbreviation of capitals and dots: "a senior U.S. official told".
    else if (i === word + 1 && i < stop && text.charCodeAt(i) === 0x2e && isCapitalCode(text.charCodeAt(word))) {
      while (i + 2 < stop && isCapitalCode(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 0x2e) i += 2;
      i++;
    }
    const blanks = i;
    i = skipBlanks(text, i, stop);
    if (i === blanks) return false;
  }
  return false;
}

/**
 * Whether the attribution at `at` names someone other than whoever spoke before: one of
 * its first six words, before a comma or the sentence's end within `end`, is
 * capitalised and no pronoun or article ("said Gulnara", "Umarov added") or a leader's
 * title ("the president said": had it been the speaker before, the title would have
 * found them); or its subject — the words before the speech verb, or the three after
 * one that comes first — is what no one person is ("the ministry said", "said the
 * statement"), or comes with "a" ("a spokeswoman said"), someone new.
 */
function namesSomeone(text: string, at: number, end: number): boolean {
  const words: string[] = [];
  let verb = -1;
  let i = at;
  while (words.length < 6 && i < end) {
    const word = i;
    if (verb < 0 && speechVerbEnd(text, i, end) >= 0) verb = words.length;
    for (let w = wordCharAt(text, i, end); w > 0; w = wordCharAt(text, i, end)) i += w;
    if (i === word) break;
    const w = text.slice(word, i);
    // "the head of Russian diplomacy specified": a foreign minister's periphrasis, no one new by itself.
    if (kindOf(text.charCodeAt(word)) & UPPER ? !NOT_SOMEONE.has(w) && !(text.startsWith(' diplomacy', i) && text.slice(word - 8, word) === 'head of ') : TITLE_WORDS.has(w)) return true;
    words.push(w);
    const blanks = i;
    i = skipBlanks(text, i, end);
    if (i === blanks) break;
  }
  const subject = verb === 0 ? words.slice(1, 4) : words.slice(0, Math.max(0, verb));
  return subject.some((w) => NOT_ONE_PERSON.has(w)) || subject[0] === 'a' || subject[0] === 'an' || subject[0] === 'one';
}

const NOT_SOMEONE = new Set(['He', 'She', 'They', 'The', 'It', 'We', 'I']);
const TITLE_WORDS = new Set([...GENERIC_TITLE_OFFICES.keys()].map((t) => t.split(' ').at(-1)!));

/** The last word of each role and title, as "…,” Central Asia expert X said" may end its descriptors. */
/** (And "man" or "woman": "said the woman, Tatyana Gorbunova, 52,".) */
const ROLE_ENDINGS = new Set([...[...PERSON_ROLES, ...CAPITALISED_ROLES, ...RELATIVES, ...LEADER_TITLES].map((r) => r.split(' ').at(-1)!), 'man', 'woman']);

/**
 * "said the Kazakh president, Kassym-Jomart Tokayev": descriptors ending with a role or
 * a title, a comma, the name at `to` — or a role between them ("said its author, deputy
 * Nadira Narmatova").
 */
function titleAppositiveBefore(text: string, from: number, to: number): boolean {
  let comma = to;
  while (comma > from && isBlank(text.charCodeAt(comma - 1))) comma--;
  if (comma < to && comma > from && text.charCodeAt(comma - 1) !== 0x2c && endsWithRole(text, from, comma)) {
    // The role's words, back to the comma before them.
    let i = comma;
    for (let words = 0; words < 3 && i > from && text.charCodeAt(i - 1) !== 0x2c; words++) {
      while (i > from && isBlank(text.charCodeAt(i - 1))) i--;
      for (let w = wordCharBefore(text, i, from); w > 0; w = wordCharBefore(text, i, from)) i -= w;
      while (i > from && isBlank(text.charCodeAt(i - 1))) i--;
    }
    comma = i;
  }
  if (comma === to || comma <= from || text.charCodeAt(comma - 1) !== 0x2c) return false;
  comma--;
  return (onlyDescriptors(text, from, comma, true) && endsWithRole(text, from, comma)) || (onlyDescriptors(text, from, comma, true, 12) && roleWithComplementEndingAt(text, from, comma));
}

/**
 * A role or a title, then "for", "on", "to" or "of" and up to four words, ending at `end`
 * ("the UN special rapporteur on human rights defenders", "the EU's special
 * representative for Central Asia").
 */
function roleWithComplementEndingAt(text: string, from: number, end: number): boolean {
  let e = end;
  for (let words = 0; words < 5; words++) {
    while (e > from && isBlank(text.charCodeAt(e - 1))) e--;
    let s = e;
    for (let w = wordCharBefore(text, s, from); w > 0; w = wordCharBefore(text, s, from)) s -= w;
    if (s === e) return false;
    if (words > 0 && COMPLEMENT_LINKS.has(text.slice(s, e))) return endsWithRole(text, from, s);
    e = s;
  }
  return false;
}

/**
 * Past a dateline that opens a paragraph at `from` ("TIANJIN, China — ", "ULAANBAATAR, July 1
 * (Reuters) - "): the sentence's subject comes after it. `from` where there is none.
 */
function pastDateline(text: string, from: number, to: number): number {
  const m = DATELINE.exec(text.slice(from, Math.min(to, from + 80)));
  return m ? from + m[0].length : from;
}

/** A word in capitals (a place, "YEREVAN/BAKU"), maybe a country or a date after a comma and an agency in brackets, then a dash ("--" too, as Xinhua writes it). */
const DATELINE = /^\p{Lu}[\p{Lu}.'’/-]+(?:[ \u00a0]\p{Lu}[\p{Lu}.'’/-]+)*(?:,[ \u00a0]+[\p{L}\p{N}. ]{2,30}?)?(?:[ \u00a0]+\([^()\n]{1,40}\))?[ \u00a0]+(?:--|[—–-])[ \u00a0]+/u;

/** Whether the descriptor words text[from, to) end with a role or a title, honorifics aside. */
function endsWithRole(text: string, from: number, to: number): boolean {
  let end = to;
  for (;;) {
    while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
    const honorific = honorificEndingAt(text, end, from);
    if (honorific < end) {
      end = honorific;
      continue;
    }
    let start = end;
    for (let w = wordCharBefore(text, start, from); w > 0; w = wordCharBefore(text, start, from)) start -= w;
    if (start === end) return false;
    const word = text.slice(start, end);
    if (ROLE_ENDINGS.has(word)) return true;
    if (!HONORIFIC_WORDS.has(word)) return false;
    end = start;
  }
}

/** (Religious ones too: "“…,” Mullah Abdul Ghani Baradar … said".) */
const HONORIFIC_WORDS = new Set([...HONORIFICS, 'Mullah', 'Mawlawi', 'Maulvi', 'Haji', 'Hajji', 'Mufti']);
const LONGEST_HONORIFIC = Math.max(...HONORIFICS.map((h) => h.length));

/** Past the honorifics at `at` and the blanks after each ("Mr. ", "Lt. Gen. ", "Mr "), within `end`. */
function pastHonorifics(text: string, at: number, end: number): number {
  let i = at;
  for (let k = 0; k < 2; k++) {
    let j = i;
    while (j < end && j - i <= LONGEST_HONORIFIC && isAsciiLetter(text.charCodeAt(j))) j++;
    // An initial too, as the region's agencies write a name ("B. Ajikeev stressed", "Sh. Umurzakov said").
    if (!HONORIFIC_WORDS.has(text.slice(i, j)) && !isInitial(text, i, j)) break;
    if (j < end && text.charCodeAt(j) === 0x2e) j++;
    const next = skipBlanks(text, j, end);
    if (next === j) break;
    i = next;
  }
  return i;
}

/** Whether text[start, end) is an initial before a dot: a capital, or one of the digraphs Cyrillic letters are romanised by ("Sh", "Zh", "Ye"). */
function isInitial(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) !== 0x2e) return false;
  if (end - start === 1) return (kindOf(text.charCodeAt(start)) & UPPER) !== 0;
  return end - start === 2 && INITIAL_DIGRAPHS.has(text.slice(start, end));
}


/** Where an honorific and its dot ending at `at` ("Mr.") start, no further back than `from`; `at` when none ends there. */
function honorificEndingAt(text: string, at: number, from: number): number {
  if (at <= from || text.charCodeAt(at - 1) !== 0x2e) return at;
  let s = at - 1;
  while (s > from && at - 1 - s < LONGEST_HONORIFIC && isAsciiLetter(text.charCodeAt(s - 1))) s--;
  if (s > from && wordCharBefore(text, s, from) > 0) return at; // part of a longer word
  return HONORIFIC_WORDS.has(text.slice(s, at - 1)) ? s : at;
}

/** Length of the letter, ’, ' or - at `at` (2 for a surrogate pair), 0 if there is none. */
function wordCharAt(text: string, at: number, end: number): number {
  if (at >= end) return 0;
  const c = text.charCodeAt(at);
  if (c === 0x2019 || c === 0x27 || c === 0x2d) return 1;
  if (!isLetterAt(text, at, end)) return 0;
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/** ", a " / ", the " right after a name: an appositive follows. */
function appositiveFollows(text: string, at: number): boolean {
  const end = Math.min(text.length, at + 6);
  for (let i = at; i < end; i++) if (text.charCodeAt(i) === 0x2c) return APPOSITIVE.test(text.slice(at, end));
  return false;
}

/**
 * Where `re` (sticky) first matches in `s`, the text from `from` on, or -1. It is tried
 * only where one of `words` starts, with no letter code unit before it (or at the start
 * of `s`) and a space after, and where `at` takes the place: every match starts at such
 * a place, and there are few. A long `s` (a sentence that never ends) has those places
 * looked up in `starts`.
 */
function firstMatch(s: string, from: number, re: RegExp | WordListPattern, words: readonly string[], starts: () => WordStarts, at: (i: number) => boolean = () => true): number {
  const matchesAt = (i: number): boolean => {
    if (!at(i)) return false;
    re.lastIndex = i;
    return re.test(s);
  };
  if (s.length > LONG_STRETCH) {
    if (startsWithWord(s, 0, s.length, words) && matchesAt(0)) return 0;
    const found = starts().firstIn(from, from + s.length, (p) => startsWithWord(s, p - from, s.length, words) && matchesAt(p - from));
    return found < 0 ? -1 : found - from;
  }
  const firsts = firstLettersOf(words);
  let previous = 0x20;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const afterLetter = kindOf(previous) & LETTER;
    previous = c;
    if (afterLetter || !(c < 128 && firsts[c | 0x20] === 1)) continue;
    if (startsWithWord(s, i, s.length, words) && matchesAt(i)) return i;
  }
  return -1;
}

/** The first letters of `words` in lower case, as a table by ASCII code: where firstMatch tries them. */
function firstLettersOf(words: readonly string[]): Uint8Array {
  let firsts = FIRST_LETTERS.get(words);
  if (!firsts) {
    firsts = new Uint8Array(128);
    for (const w of words) firsts[w.charCodeAt(0) | 0x20] = 1;
    FIRST_LETTERS.set(words, firsts);
  }
  return firsts;
}
const FIRST_LETTERS = new WeakMap<readonly string[], Uint8Array>();

/** Longer than news sentences mostly are: past this, `firstMatch` looks its places up. */
const LONG_STRETCH = 400;

/** Whether one of `words` starts at `at`, followed by a space or no-break space before `end`. */
function startsWithWord(text: string, at: number, end: number, words: readonly string[]): boolean {
  for (const w of words) if (at + w.length < end && text.startsWith(w, at) && isBlank(text.charCodeAt(at + w.length))) return true;
  return false;
}

/** Past `[\s,.:;—–-]*`: what may come between a closing mark and its attribution. */
function skipLead(text: string, at: number, end: number): number {
  let i = at;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x2c || c === 0x2e || c === 0x3a || c === 0x3b || c === 0x2014 || c === 0x2013 || c === 0x2d || kindOf(c) & SPACE)) break;
  }
  return i;
}

function skipBlanks(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0xa0;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `charKind` of a code unit, the table looked up directly. */
function kindOf(c: number): number {
  return c < TABLE_SIZE ? kindTable()[c] : charKind(c);
}

/**
 * How far before a quote its sentence is read for a subject. News sentences are far
 * shorter; the bound keeps a paragraph of many quotes and no full stop (minified JSON,
 * a CSV row) from costing the square of its length.
 */
const LONGEST_SENTENCE = 1_000;

/** How far after a role with no one introduced with it before may name them (see namedLater). */
const NAMED_LATER_REACH = 1_500;

/** How far back "he said" may look for the person meant. */
export const SPEAKER_REACH = 20_000;
/**
 * How far back "he said" takes the nearest person who fits when no rule names one: within
 * the 4,000 characters after an edit whose quotes the incremental pass attributes again
 * (see speakersAround.ts), so that a person an edit drops or adds further back cannot
 * change them.
 */
const FALLBACK_REACH = 3_000;

/** How far after a headline quote its speaker may be named; also what an edit can reach back to. */
export const HEADLINE_REACH = 20_000;

/**
 * A quote standing alone on a short line (a headline or pull-quote) with no speaker gets
 * the speaker of a later quote that repeats its words.
 */
function attributeHeadlineQuotes(text: string, spans: QuoteSpan[], quotes: Quote[], from: number, to: number): void {
  // A quote is compared with many headlines before it: its words are worked out once.
  const keys = new Map<number, string>();
  const keyOf = (k: number): string => {
    let key = keys.get(k);
    if (key === undefined) keys.set(k, (key = wordsOf(text.slice(quotes[k]!.start, quotes[k]!.end))));
    return key;
  };
  for (let qi = from; qi < to; qi++) {
    const q = quotes[qi]!;
    if (q.speaker) continue;
    const p = spans[qi]!.paragraph;
    if (p.end - p.start > 160) continue;
    const words = keyOf(qi);
    // (Not a word or two, which a later quote may hold by chance: "“Vorukh.”" before "“Vorukh is Tajikistan,” he said".)
    if (words.length < 6 || words.indexOf(' ', words.indexOf(' ') + 1) < 0) continue;
    const mayRepeat = repeatFilter(words);
    // Only the same article: the next quotes within a few pages.
    for (let k = qi + 1; k < quotes.length && quotes[k]!.start - q.end < HEADLINE_REACH; k++) {
      const later = quotes[k]!;
      if (!later.speaker || spans[k]!.byRepeat) continue;
      if (!keys.has(k) && !mayRepeat(text.slice(later.start, later.end))) continue;
      if (keyOf(k).includes(words)) {
        q.speaker = later.speaker;
        q.speakerEntity = later.speakerEntity;
        spans[qi]!.byRepeat = true;
        break;
      }
    }
  }
}

/**
 * A quote's words, lower-cased, without marks and punctuation: what a repeat must share.
 * As `s.replace(/[“”„"«»‘’',.!?:;]/g, '').replace(/\s+/g, ' ').trim().toLowerCase()`,
 * without a RegExp pass and a new string per step.
 */
function wordsOf(s: string): string {
  let out = '';
  let space = false;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const dropped = isDroppedMark(c);
    if (!dropped && !(kindOf(c) & SPACE)) continue;
    // A run of kept characters ends here.
    if (run < i) {
      if (space && out) out += ' ';
      out += s.slice(run, i);
      space = false;
    }
    run = i + 1;
    if (!dropped) space = true;
  }
  if (run < s.length) {
    if (space && out) out += ' ';
    out += s.slice(run);
  }
  return out.toLowerCase();
}

/**
 * A test that every quote whose `wordsOf` holds `words` passes, and most others fail,
 * run natively on the raw quote: its longest ASCII word, letters in either case with
 * dropped marks allowed between them. Lower-casing only turns ASCII capitals into ASCII
 * letters — bar a few other characters (the Kelvin sign, "İ"), so any quote with a
 * character outside ASCII and the common marks and dashes passes too.
 */
function repeatFilter(words: string): (quote: string) => boolean {
  let probe = '';
  for (const w of words.match(/[a-z0-9]+/g) ?? []) if (w.length > probe.length) probe = w;
  if (probe.length < 3) return () => true;
  const re = new RegExp([...probe].join(`[${DROPPED_MARKS}]*`), 'i');
  return (quote) => NOT_PLAIN.test(quote) || re.test(quote);
}

const DROPPED_MARKS = '“”„"«»‘’\',.!?:;';
/** Any character beyond ASCII, the no-break space and the common marks and dashes. */
// eslint-disable-next-line no-control-regex -- the range is all of ASCII, controls included
const NOT_PLAIN = /[^\u0000-\u007f\u00a0“”„«»‘’—–…]/;

/** “ ” „ " « » ‘ ’ ' , . ! ? : ; */
function isDroppedMark(c: number): boolean {
  return c < 0x80
    ? c === 0x22 || c === 0x27 || c === 0x2c || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b
    : c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb || c === 0x2018 || c === 0x2019;
}

/** The WordListPatterns above, by name, for their property tests. */
export const WORD_LIST_PATTERNS = { PRONOUN_VERB_AT_START, VERB_RELATIVE_AT_START, RELATIVE_VERB_AT_START, SOMEONE_VERB_AT_START, ROLE_VERB_AT_START, PRONOUN_SUBJECT, ROLE_SUBJECT, ROLE_AT, UNNAMED_SUBJECT };

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { escapeRegExp } from '../../src/core/recognize/fold';
import { NAME_PARTICLES, RELATIVES } from '../../src/core/recognize/lexicon';
import { LIST_BEFORE, LIST_PLURALS } from '../../src/core/recognize/people';
import { SUBJECT_ROLE_LIST, UNNAMED_NOUN_LIST, UNNAMED_ONLY, VERB_LIST, WORD_LIST_PATTERNS } from '../../src/core/recognize/speakers';
import { alt, group, isLetter, lit, oneOf, optional, repeat, run, seq, WordListPattern } from '../../src/core/util/wordListPattern';

/**
 * Each WordListPattern of the recogniser against the RegExp it stands for (its comment's),
 * on texts made of the words and phrases it reads, pieces of them and what stands near
 * them: the same match or none, the same groups, the same lastIndex after.
 */

const join = (list: readonly string[]) => list.map(escapeRegExp).join('|');
const VERBS = join(VERB_LIST);
const SUBJECT_ROLES = join(SUBJECT_ROLE_LIST);
const UNNAMED_NOUNS = join(UNNAMED_NOUN_LIST);
const someoneRole = (articles: string) => `(?:${articles})[ \\u00a0]+(?:(?:(?:\\p{Lu}\\.){2,4}|[\\p{L}\\p{N}-]+)[ \\u00a0]+){0,3}?(${SUBJECT_ROLES})`;
const LIST_NAME = `\\p{Lu}[\\p{L}’'.-]*(?:[ \\u00a0]+(?:\\p{Lu}[\\p{L}’'.-]*|${join(NAME_PARTICLES)})){0,3}`;

/** The RegExps, as they were written before they became WordListPatterns. */
const ORACLES: Record<keyof typeof WORD_LIST_PATTERNS | 'LIST_BEFORE', RegExp> = {
  PRONOUN_VERB_AT_START: new RegExp(`^[\\s,.:;—–-]*(?:he|she|they|He|She|They)[ \\u00a0]+(?:would[ \\u00a0]+)?(?:also[ \\u00a0]+|further[ \\u00a0]+|then[ \\u00a0]+|later[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'u'),
  VERB_RELATIVE_AT_START: new RegExp(`^[\\s,.:;—–-]*(?:${VERBS})[ \\u00a0]+(?:his|her|their|the)[ \\u00a0]+(?:(?:older|younger|elder|eldest|youngest)[ \\u00a0]+)?(${RELATIVES.join('|')})(?![\\p{L}])`, 'u'),
  RELATIVE_VERB_AT_START: new RegExp(`^[\\s,.:;—–-]*(?:his|her|their|His|Her|Their|the|The)[ \\u00a0]+(?:(?:older|younger|elder|eldest|youngest)[ \\u00a0]+)?(${RELATIVES.join('|')})[ \\u00a0]+(?:also[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'u'),
  SOMEONE_VERB_AT_START: new RegExp(`^[\\s,.:;—–-]*${someoneRole('a|an')}[ \\u00a0]+(?:also[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'u'),
  ROLE_VERB_AT_START: new RegExp(`^[\\s,.:;—–-]*(?:the|The)[ \\u00a0]+(?:(?:(?:\\p{Lu}\\.){2,4}|[\\p{L}\\p{N}-]+)[ \\u00a0]+)?(?:${SUBJECT_ROLES})s?[ \\u00a0]+(?:also[ \\u00a0]+|further[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'u'),
  PRONOUN_SUBJECT: new RegExp(`(?<![\\p{L}])(?:he|she|He|She|they|They)[ \\u00a0]+(?:\\p{Ll}+ed[ \\u00a0]+and[ \\u00a0]+)?(?:(?:also|further|then|again|later)[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'uy'),
  ROLE_SUBJECT: new RegExp(`(?<![\\p{L}])(?:the|The)[ \\u00a0]+(?:(?:(?:\\p{Lu}\\.){2,4}|[\\p{L}\\p{N}-]+)[ \\u00a0]+)?(?:${SUBJECT_ROLES})s?(?:,[ \\u00a0]+(?:who|whose|whom|which)[ \\u00a0][^,“”"«»\\n]{1,80},)?[ \\u00a0]+(?:(?:also|further|then|again|later)[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'uy'),
  ROLE_AT: new RegExp(`^(?:the|The)[ \\u00a0]+(?:([\\p{L}\\p{N}-]+)[ \\u00a0]+)??(${SUBJECT_ROLES})(?![\\p{L}])`, 'u'),
  UNNAMED_SUBJECT: new RegExp(
    `^(?:(?:An?|Another|One|an?|another|one|His|Her|Their|My|Our|One,[ \\u00a0]+an?)[ \\u00a0]+(?:[\\p{L}\\p{N}’'-]+[ \\u00a0]+){0,3}?(${UNNAMED_NOUNS}|\\d{1,3}-year-old)|(?:The|the)[ \\u00a0]+(?:[\\p{L}\\p{N}’'-]+[ \\u00a0]+){0,2}?(${UNNAMED_ONLY.join('|')})|(?:The|the)[ \\u00a0]+(?:[\\p{L}\\p{N}’'-]+[ \\u00a0]+){0,2}?(${UNNAMED_NOUNS})(?=,[ \\u00a0]+(?:an?|one)[ \\u00a0]))(?![\\p{L}-])(?![ \\u00a0]*,?[ \\u00a0]*\\p{Lu})`,
    'u',
  ),
  LIST_BEFORE: new RegExp(
    `(?<![\\p{L}])([Oo]pposition[ \\u00a0]+)?(${join(LIST_PLURALS)}),?[ \\u00a0]+(?:including|such[ \\u00a0]+as|like|among[ \\u00a0]+them|among[ \\u00a0]+whom|notably|namely|especially)[ \\u00a0]+(?:${LIST_NAME}(?:,[ \\u00a0]+(?:and[ \\u00a0]+)?|[ \\u00a0]+and[ \\u00a0]+))*$`,
    'u',
  ),
};
const PATTERNS: Record<keyof typeof ORACLES, WordListPattern> = { ...WORD_LIST_PATTERNS, LIST_BEFORE };

/** A phrase of `list`, or a piece of one, or one with a letter more or a capital. */
const phraseOf = (list: readonly string[]) =>
  fc.tuple(fc.constantFrom(...list), fc.nat(), fc.constantFrom('whole', 'whole', 'whole', 'whole', 'whole', 'whole', 'cut', 's', 'capital', 'letter')).map(([p, n, how]) =>
    how === 'cut' ? p.slice(0, 1 + (n % p.length)) : how === 's' ? `${p}s` : how === 'capital' ? p[0]!.toUpperCase() + p.slice(1) : how === 'letter' ? `${p}x` : p,
  );
const WORDS = ['he', 'she', 'they', 'He', 'She', 'They', 'I', 'would', 'also', 'further', 'then', 'later', 'again', 'his', 'her', 'their', 'His', 'Her', 'Their', 'the', 'The', 'a', 'an', 'A', 'An', 'Another', 'another', 'One', 'one', 'One,', 'My', 'Our', 'older', 'younger', 'elder', 'youngest', 'who', 'whose', 'whom', 'which', 'and', 'including', 'such', 'as', 'like', 'among', 'them', 'notably', 'namely', 'especially', 'Opposition', 'opposition', 'smiled', 'nodded', 'ed', 'sed', 's', 'Kremlin', 'foreign', 'ministry', 'state-run', 'Putin', 'Tokayev', 'Ms.', "O'Neil", 'al-Assad', '45', '7', '1234', '45-year-old', '-year-old', 'year-old', '٣', 'Ébert', 'élite', 'Ω', 'ß', 'ǅ', '𝐀', '𝐚', 'x'];
const MARKS = [',', '.', ':', ';', '—', '–', '-', '’', "'", '“', '”', '«', '»', '"', '\n', '!', '?', '\t'];
const SEPARATORS = [' ', ' ', ' ', ' ', '\u00a0', '  ', '', ', ', ' , '];
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: phraseOf(VERB_LIST) },
  { weight: 2, arbitrary: phraseOf(SUBJECT_ROLE_LIST) },
  { weight: 1, arbitrary: phraseOf(RELATIVES) },
  { weight: 1, arbitrary: phraseOf(UNNAMED_NOUN_LIST) },
  { weight: 1, arbitrary: phraseOf(LIST_PLURALS) },
  { weight: 1, arbitrary: fc.constantFrom(...NAME_PARTICLES) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKS) },
);
const noise = fc.array(fc.tuple(token, fc.constantFrom(...SEPARATORS)), { maxLength: 12 }).map((parts) => parts.map(([t, s]) => t + s).join(''));

// Texts shaped as each pattern reads, with a blank now and then made another or taken out.
const pick = (...xs: string[]) => fc.constantFrom(...xs);
const LEAD = pick('', '', ', ', ' — ', '. ', '\n', ', \u00a0', 'x ');
const TAIL = pick('', '', ' x', 'x', ',', '.', ' Putin', ', Putin', ' ,Putin', '-x', ' said', '’s', ', a', ', one ', ', an x');
const VERB = phraseOf(VERB_LIST);
const ROLE = phraseOf(SUBJECT_ROLE_LIST);
const RELATIVE = phraseOf(RELATIVES);
const descriptors = (most: number) => fc.array(pick('foreign ', 'ministry ', 'state-run ', 'x ', '45 ', 'élite ', 'O’Brien ', 'the ', 'U.S. ', 'U.N.', 'E.U.-', 'U. ', 'Ä.Ö. '), { maxLength: most }).map((a) => a.join(''));
const maybe = (...xs: string[]) => pick('', '', ...xs);
const shaped = (...parts: fc.Arbitrary<string>[]) =>
  fc.tuple(fc.tuple(...parts), fc.nat(), pick('keep', 'keep', 'nbsp', 'double', 'none')).map(([ps, n, how]) => {
    const s = ps.join('');
    const blanks = [...s.matchAll(/ /g)].map((m) => m.index);
    if (how === 'keep' || blanks.length === 0) return s;
    const at = blanks[n % blanks.length]!;
    return s.slice(0, at) + (how === 'nbsp' ? '\u00a0' : how === 'double' ? '  ' : '') + s.slice(at + 1);
  });
const SHAPES: Record<keyof typeof ORACLES, fc.Arbitrary<string>> = {
  PRONOUN_VERB_AT_START: shaped(LEAD, pick('he', 'she', 'they', 'He', 'She', 'They', 'It'), pick(' '), maybe('would '), maybe('also ', 'further ', 'then ', 'later ', 'again '), VERB, TAIL),
  VERB_RELATIVE_AT_START: shaped(LEAD, VERB, pick(' '), pick('his', 'her', 'their', 'the', 'The', 'its'), pick(' '), maybe('older ', 'younger ', 'eldest '), RELATIVE, TAIL),
  RELATIVE_VERB_AT_START: shaped(LEAD, pick('his', 'her', 'their', 'His', 'Her', 'Their', 'the', 'The', 'a'), pick(' '), maybe('older ', 'younger ', 'eldest '), RELATIVE, pick(' '), maybe('also '), VERB, TAIL),
  SOMEONE_VERB_AT_START: shaped(LEAD, pick('a', 'an', 'A', 'the'), pick(' '), descriptors(4), ROLE, pick(' '), maybe('also '), VERB, TAIL),
  ROLE_VERB_AT_START: shaped(LEAD, pick('the', 'The', 'a'), pick(' '), descriptors(2), ROLE, maybe('s'), pick(' '), maybe('also ', 'further ', 'then '), VERB, TAIL),
  PRONOUN_SUBJECT: shaped(pick('', '', 'x', 'and '), pick('he', 'she', 'they', 'He', 'She', 'They'), pick(' '), maybe('smiled and ', 'nodded and ', 'sed and ', 'x and ', 'smiled '), maybe('also ', 'further ', 'then ', 'again ', 'later '), VERB, TAIL),
  ROLE_SUBJECT: shaped(pick('', '', 'x', 'and '), pick('the', 'The'), pick(' '), descriptors(2), ROLE, maybe('s'), maybe(', who was here,', ', whose “x”,', ', which x', ', whom I met,', ',  who x,'), pick(' '), maybe('also ', 'again ', 'then '), VERB, TAIL),
  ROLE_AT: shaped(pick('the', 'The', 'a'), pick(' '), descriptors(2), ROLE, TAIL),
  UNNAMED_SUBJECT: shaped(
    pick('An', 'A', 'Another', 'One', 'an', 'a', 'another', 'one', 'His', 'Her', 'Their', 'My', 'Our', 'One, an', 'One, a', 'One,a', 'The', 'the', 'Its'),
    pick(' '),
    descriptors(4),
    fc.oneof(phraseOf(UNNAMED_NOUN_LIST), fc.constantFrom(...UNNAMED_ONLY), pick('45-year-old', '1234-year-old', '7-year-old', '٣-year-old')),
    TAIL,
  ),
  LIST_BEFORE: shaped(
    pick('', 'x', 'the ', 'xopposition '),
    maybe('opposition ', 'Opposition '),
    phraseOf(LIST_PLURALS),
    maybe(','),
    pick(' '),
    pick('including', 'such as', 'like', 'among them', 'among whom', 'notably', 'namely', 'especially', 'such'),
    pick(' '),
    fc.array(fc.tuple(pick('Ilya Yashin', 'Kara-Murza', 'Bashar al-Assad', 'Ursula von der Leyen', 'Ms. O’Neil', 'x', 'Ω'), pick(', ', ', and ', ' and ', ',', ' ')), { maxLength: 3 }).map((a) => a.map(([n, sep]) => n + sep).join('')),
    maybe('x', ' '),
  ),
};

/** The pattern's answer and the RegExp's, and lastIndex after, for `s` with lastIndex `at`. */
function both(name: keyof typeof ORACLES, s: string, at: number) {
  const oracle = ORACLES[name];
  const ours = PATTERNS[name];
  oracle.lastIndex = at;
  ours.lastIndex = at;
  const expected = oracle.exec(s);
  const actual = ours.exec(s);
  return { expected: expected && { groups: [...expected], index: expected.index }, actual: actual && { groups: [...actual], index: actual.index }, lastIndex: [oracle.lastIndex, ours.lastIndex] };
}

describe('word-list patterns', () => {
  for (const name of Object.keys(ORACLES) as (keyof typeof ORACLES)[]) {
    it(`${name} matches as its RegExp does`, () => {
      let matched = 0;
      fc.assert(
        fc.property(fc.oneof({ weight: 4, arbitrary: SHAPES[name] }, { weight: 1, arbitrary: noise }), fc.nat(), fc.nat({ max: 3 }), (s, n, where) => {
          // Sticky patterns are tried where a word starts in the recogniser; any code unit but a surrogate pair's second here.
          let at = ORACLES[name].sticky ? (where > 0 ? [...s.matchAll(/(?:he|she|they|the)\b/gi)].map((m) => m.index)[n % 3] ?? 0 : n % (s.length + 2)) : 0;
          if (at > 0 && at < s.length && /[\udc00-\udfff]/.test(s[at]!) && /[\ud800-\udbff]/.test(s[at - 1]!)) at--;
          const r = both(name, s, at);
          assert.deepEqual(r.actual, r.expected, JSON.stringify(s));
          assert.equal(r.lastIndex[1], r.lastIndex[0], `lastIndex after ${JSON.stringify(s)}`);
          if (r.expected) matched++;
        }),
        { numRuns: 2000 },
      );
      // The texts must reach the patterns' matches too, not only their failures. (Of 2,000, the
      // rarest, ROLE_SUBJECT, matches 95–135 from seed to seed: 50 is far enough below to never flake.)
      assert.ok(matched >= 50, `${name}: only ${matched} of the texts matched`);
    });
  }

  it('match the texts the recogniser meets as their RegExps do', () => {
    const cases: [keyof typeof ORACLES, string][] = [
      ['PRONOUN_VERB_AT_START', ', she would also say that'],
      ['VERB_RELATIVE_AT_START', ' said his mother-in-law, who'],
      ['RELATIVE_VERB_AT_START', ', his younger brother also recalled'],
      ['SOMEONE_VERB_AT_START', ' a foreign ministry spokeswoman told reporters'],
      ['ROLE_VERB_AT_START', ', the Kremlin spokesman said'],
      ['PRONOUN_SUBJECT', 'she smiled and said'],
      ['ROLE_SUBJECT', 'The president, whose own powers are largely ceremonial, said'],
      ['ROLE_AT', 'the Kremlin spokesman Dmitry Peskov'],
      ['UNNAMED_SUBJECT', 'A 45-year-old taxi driver'],
      ['UNNAMED_SUBJECT', 'the man, a teacher'],
      ['LIST_BEFORE', 'opposition politicians, including Ilya Yashin, Vladimir Kara-Murza and '],
    ];
    for (const [name, s] of cases) {
      const r = both(name, s, 0);
      assert.ok(r.expected, `${name} matches ${JSON.stringify(s)}`);
      assert.deepEqual(r.actual, r.expected, `${name} on ${JSON.stringify(s)}`);
    }
  });

  it('keeps the RegExp’s order: alternatives in turn, greedy and lazy repetition, groups undone on backtracking', () => {
    const same = (node: Parameters<typeof seq>[0], groups: number, re: RegExp, s: string) => {
      const expected = re.exec(s);
      const actual = new WordListPattern(node, groups).exec(s);
      assert.deepEqual(actual && [...actual], expected && [...expected], `${re} on ${JSON.stringify(s)}`);
      assert.equal(actual?.index, expected?.index);
      return actual;
    };
    // "mother" first, then "mother-in-law" when the rest needs it (a list in its own order).
    assert.ok(same(seq(group(1, oneOf(['mother', 'mother-in-law'])), lit(' said')), 1, /^(mother|mother-in-law) said/u, 'mother-in-law said'));
    // Lazy: as few words as the rest allows; greedy: as many.
    for (const s of ['he said it ', 'he said said it', 'said']) {
      same(seq(group(1, repeat(seq(run(isLetter), lit(' ')), 0, 3, true)), group(2, oneOf(['said', 'said it']))), 2, /^((?:\p{L}+ ){0,3}?)(said|said it)/u, s);
      same(seq(group(1, repeat(seq(run(isLetter), lit(' ')), 0, 3)), group(2, oneOf(['said', 'said it']))), 2, /^((?:\p{L}+ ){0,3})(said|said it)/u, s);
    }
    // A group that took part in a failed alternative is undone.
    assert.deepEqual([...same(alt(seq(group(1, lit('ab')), lit('x')), lit('ab')), 1, /^(?:(ab)x|ab)/u, 'aby')!], ['ab', undefined]);
    // An astral letter is one code point, as with the u flag.
    assert.ok(same(seq(run(isLetter, 2, 2), lit('!')), 0, /^\p{L}{2}!/u, '𝐀𝐚!'));
    assert.equal(same(seq(optional(lit('x')), run(isLetter, 3, 3), lit('!')), 0, /^x?\p{L}{3}!/u, '𝐀𝐚!'), null);
  });
});

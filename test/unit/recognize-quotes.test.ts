import { strict as assert } from 'node:assert';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { recognize } from '../../src/core/recognize/index';
import { corpusLine, corpusText } from './corpus';

const kb = KnowledgeBase.builtin();
const quotesOf = (text: string) => recognize(text, kb).quotes.map((q) => ({ text: q.text, kind: q.kind }));

describe('quotes', () => {
  it('reads a few words an attribution follows as speech, not a term', () => {
    const kindOf = (text: string) => quotesOf(text)[0]!.kind;
    assert.equal(kindOf('“Words are cheap,” Mr. Blinken said at a news conference.'), 'speech');
    assert.equal(kindOf('“Nobody is winning,” General Milley said.'), 'speech');
    assert.equal(kindOf('“Why?” he asked.'), 'speech');
    // Without one, or for a title, or nested, they stay terms.
    assert.equal(kindOf('Moscow calls it a “special operation,” and few agree.'), 'term');
    assert.equal(kindOf('He wrote “Economic War: Ukraine and the West,” told CNBC.'), 'term');
    assert.equal(quotesOf('“He called it ‘a trap,’ said nothing more and left the room,” she said.').find((q) => q.text === '‘a trap,’')!.kind, 'term');    // Words in title case after a speaker's colon, as a headline quotes them.
    assert.equal(kindOf("Lavrov: 'West Is Waging War Against Russia'\n\nMOSCOW — He spoke."), 'speech');
    assert.equal(kindOf('The book is “War and Peace” by Tolstoy.'), 'term');
    // More words, in the first person, whose capitals and years a title's might be.
    assert.equal(kindOf('“I went to Victoria Park in 1990 and in 2019,” she said.'), 'speech');
    assert.equal(kindOf('He starred in “Victoria Park in 1990 and 2019,” the film, that year.'), 'term');
  });

  it('reads a line of dialogue as speech: a sentence alone in its paragraph, or right after a verb of speech ends one', () => {
    const kinds = (s: string) => quotesOf(s).map((q) => q.kind);
    assert.deepEqual(kinds('“Do you know anyone who did it?” I asked.\n\n“No.”'), ['speech', 'speech']);
    assert.deepEqual(kinds('"He was district champion," she said. "Twice."'), ['speech', 'speech']);
    assert.deepEqual(kinds('"Who will build it?" Gulnara asked. "The Russians?"'), ['speech', 'speech']);
    // Not a word singled out in narration, nor a title alone on its line, nor a word after a sentence of its own.
    assert.deepEqual(kinds('She called it "theft." Nobody agreed.'), ['term']);
    assert.deepEqual(kinds('“Everything Goes North”\n\nBy Ivan Petrov'), ['term']);
    assert.deepEqual(kinds('The lake was quiet. "Twice."'), ['term']);
  });

  it('never takes an apostrophe for a quote', () => {
    const line = corpusLine('003', 'Russia’s image in those countries is taking');
    const qs = quotesOf(line);
    assert.ok(qs.every((q) => !q.text.startsWith('’')));
    // The one real ‘…’ quote runs from ‘Russia’s image to care.’ — apostrophes inside it.
    const single = qs.find((q) => q.text.startsWith('‘'));
    assert.ok(single, 'the ‘…’ quote is found');
    assert.ok(single.text.endsWith('won’t care.’'));
    assert.equal(single.kind, 'speech');
  });

  it('runs an unclosed quote to the end of its paragraph', () => {
    const text = corpusText('001');
    const q = recognize(text, kb).quotes.find((x) => x.text.startsWith('“We want respect'))!;
    assert.ok(q.unclosed);
    assert.ok(q.text.endsWith('since the Soviet era.'));
    assert.equal(q.kind, 'speech');
  });

  it('ends an unclosed outer quote where a nested one closes before “said”', () => {
    const line = corpusLine('000', 'The Central Asian states, noting');
    const qs = quotesOf(line);
    const outer = qs.find((q) => q.text.startsWith('“The Central Asian states'))!;
    const inner = qs.find((q) => q.text.startsWith('“big brother'))!;
    assert.ok(outer.text.endsWith('“big brother,”'));
    assert.equal(inner.text, '“big brother,”');
    assert.equal(outer.kind, 'speech');
    assert.equal(inner.kind, 'term');
  });

  it('starts a quote that was never opened at the beginning of its sentence', () => {
    const line = corpusLine('000', 'The vacuum will be filled');
    const q = quotesOf(line).find((x) => x.text.startsWith('The vacuum'));
    assert.ok(q, 'the unopened quote is found');
    assert.equal(q.text, 'The vacuum will be filled by China step by step,”');
    assert.ok(quotesOf(line).some((x) => x.text === '“big brother”' && x.kind === 'term'));
  });

  it('accepts mixed marks “…» and guillemets and German „…“', () => {
    const mixed = corpusLine('002', 'the number has halved»');
    assert.ok(quotesOf(mixed).some((q) => q.text.startsWith('“Before the war') && q.text.endsWith('halved»')));
    assert.deepEqual(quotesOf('Er sagte „nie wieder“ und ging. «Assez», dit-il.').map((q) => q.text), ['„nie wieder“', '«Assez»']);
  });

  it('tells terms from speech', () => {
    const kinds = (s: string) => quotesOf(s).map((q) => q.kind);
    const line = corpusLine('003', 'among others, “chose”');
    const byText = new Map(quotesOf(line).map((q) => [q.text, q.kind]));
    assert.equal(byText.get('“chose”'), 'term');
    assert.equal(byText.get('“territorial integrity”'), 'term');
    assert.equal(byText.get('“There is some influence in Central Asia that is waning,”'), 'speech');
    assert.deepEqual(kinds('Chinese "Belt and Road Project" aims far.'), ['term']);
    assert.deepEqual(kinds('“We want respect”'), ['speech']);
    assert.deepEqual(kinds(corpusLine('000', 'poison the atmosphere of cooperation')), ['speech']);
    assert.deepEqual(kinds('author of “Economic War: Ukraine and the Global Conflict Between Russia and the West,” told CNBC.'), ['term']);
    // A few words from a sentence that say something, a negation or an auxiliary in them: speech.
    assert.deepEqual(kinds('Miller has said the two projects “do not compete,” but they do.'), ['speech']);
    assert.deepEqual(kinds('He said the deal “was signed” and “won’t change” much.'), ['speech', 'speech']);
    assert.deepEqual(kinds('A “special military operation,” a “new normal” and the show “Love is Blind” came up.'), ['term', 'term', 'term']);
    // A fragment that starts as a sentence's words do, not as a name: a preposition, "no", an adverb of degree or manner.
    assert.deepEqual(kinds('He said the truce was broken “within hours” and “no convincing explanation” came.'), ['speech', 'speech']);
    assert.deepEqual(kinds('The ministry was “deeply concerned” and would “jointly uphold” the deal.'), ['speech', 'speech']);
    // After a determiner the same words name something; a noun with its adjectives stays a term.
    assert.deepEqual(kinds('They hailed the “no limits” formula and Russia’s “rules-based order”.'), ['term', 'term']);
    // A title or a name keeps its full stop inside the marks in American style: every major word capitalised.
    assert.deepEqual(kinds('The leaders sign the “Xi’an Declaration.” Some see a new “Great Game.”'), ['term', 'term']);
    assert.deepEqual(kinds('She wrote "The Rhetoric of Integration: Russian Investment in the Post-Soviet South." It sold.'), ['term']);
    assert.deepEqual(kinds('The episode asks "Who Really Runs the Middle Corridor?" of us.'), ['term']);
    // So does a phrase in lower case of two or three words; a sentence of as many starts with a capital.
    assert.deepEqual(kinds('Egypt is among the “dialogue partners.” Schools serve Chinese “soft power.”'), ['term', 'term']);
    assert.deepEqual(kinds('“Never again.” The crowd left. “Good luck.”'), ['speech', 'speech']);
    // A headline's pull-quote after a verb of speech; not a sentence's, nor a headline's term after no such verb.
    assert.deepEqual(kinds('Xi hails “new golden age” at summit\n\nExiles warn of “slow erasure”\n\nThe ‘Great Game’ returns'), ['speech', 'speech', 'term']);
    assert.deepEqual(kinds('Exiles warn of “slow erasure” in the valley.'), ['term']);
    // After a modal the words start with a verb: someone's.
    assert.deepEqual(kinds('Smith said it should “test it.” Russia will “act firmly” and “the great hunger” will “act firmly”.'), ['speech', 'speech', 'term', 'speech']);
    assert.deepEqual(kinds('He said companies had been “punished without evidence.” There have been “excesses”.'), ['speech', 'term']);
    // Not a sentence with a word in lower case, nor one that ends and another begins, nor words shouted in capitals.
    assert.deepEqual(kinds('He said: “For China, Kazakhstan is the gateway to Europe for the China-Europe Railway Express.”'), ['speech']);
    assert.deepEqual(kinds('The sign read “Russia Is Great. Long Live Russia.” Then it fell.'), ['speech']);
    assert.deepEqual(kinds('He paused. “No. Never” came the answer.'), ['speech']);
    assert.deepEqual(kinds('TOKAYEV SAID KAZAKHSTAN "WILL NOT BE A TOOL FOR CIRCUMVENTING SANCTIONS." HE LEFT.'), ['speech']);
    // A designation's or a charge's name, however long, is a term — not a sentence, nor anyone's words after "for".
    assert.deepEqual(kinds('The commission asked that Russia be designated “countries of particular concern”.'), ['term']);
    assert.deepEqual(kinds('Washington keeps Tajikistan on its list of "countries of particular concern."'), ['term']);
    assert.deepEqual(kinds('He was sentenced to six years in a prison for "organising the activity of an extremist organisation".'), ['term']);
    assert.deepEqual(kinds('Two men were charged with “organising mass riots in the city centre”.'), ['term']);
    assert.deepEqual(kinds('They voted for “a just and lasting peace in the whole region”. He was labelled “We will not go back to it.”'), ['speech', 'speech']);
    // So is what "so-called" names, a work's title after its label and a colon, and a cited work's after its year.
    assert.deepEqual(kinds('The report found 100 so-called "overseas police service stations" abroad.'), ['term']);
    assert.deepEqual(kinds('- Podcast: "Is the Caspian drying up?" with a hydrologist'), ['term']);
    assert.deepEqual(kinds('Kommersant (2024). "Genshtab o tsentralnoaziatskom napravlenii". Moscow.'), ['term']);
    assert.deepEqual(kinds('Lavrov: "Is the Caspian drying up?" he asked.'), ['speech']);
    // A headline's words with an attribution after a comma are someone's; a headline's term before "as … promises" is not.
    assert.deepEqual(kinds('Uzbekistan vote "lacked genuine competition", observers say\n\nMPs demand action on Russia’s ‘shadow fleet’ as minister promises sanctions'), ['speech', 'term']);
    // A title in title case after a name is a term, "My" notwithstanding; not after a word in lower case, nor a clause.
    assert.deepEqual(kinds('To the strains of Frank Sinatra’s “My Way” he was buried by the Church of the Mother of God “Quench My Sorrows”.'), ['term', 'term']);
    assert.deepEqual(kinds('He sang “My Way Home” to us. Sinatra sang “My way, I said,” to us. Russia’s “We Will Win,” he said.'), ['speech', 'speech', 'speech']);
    // A negation says something: "sees nothing alarming".
    assert.deepEqual(kinds('Peskov said Moscow "sees nothing alarming" in the summit.'), ['speech']);
    // A label before a colon that names a work is no speaker: "Book review: “…”".
    assert.deepEqual(kinds('Book review: “The Steppe and the Dragon” by Harriet Lowe'), ['term']);
    assert.deepEqual(kinds('Lavrov: “The Steppe and the Dragon”'), ['speech']);
    // Four words in lower case or more make no title, however many capitals: a sentence's subject names things.
    assert.deepEqual(kinds('“The Global Development Initiative, the Global Security Initiative and the Global Civilization Initiative proposed by President Xi are of great significance,” Mirziyoyev noted.'), ['speech']);
    assert.deepEqual(kinds('He cited “The Fall of the Great Soviet Empire and its Legacy in the East,” a book.'), ['term']);
    // An event's or a work's name right after its noun, however long; not what someone tells the forum.
    assert.deepEqual(kinds('A scientific conference “Magtymguly Fragi — the light of the mind of the Turkmen people” is planned.'), ['term']);
    assert.deepEqual(kinds('The campaign “Russia will never give up” began.'), ['term']);
    assert.deepEqual(kinds('Putin told the forum “Russia will never give up.”'), ['speech']);
    assert.deepEqual(kinds('Putin told the forum “Russia will never give up”.'), ['speech']);
    // A work cited in brackets with its date or page, and a name after a noun that only names ("under the headline").
    assert.deepEqual(kinds('Your report (“Three countries, one river,” May 12) rightly describes it. The letter (“Who pays for the newcomers?”, 19 May) was wrong.'), ['term', 'term']);
    assert.deepEqual(kinds('He added (“We will never give up,” he said) that it was over.'), ['speech']);
    assert.deepEqual(kinds('The paper ran it under the headline “Together against pressure.”'), ['term']);
    // A fragment that starts with "being" or an adverb of manner is someone's words.
    assert.deepEqual(kinds('He said only that the president was "being kept informed". Japarov said the law was "simply about transparency".'), ['speech', 'speech']);
    // What is "known as" or "identified as" so is a name.
    assert.deepEqual(kinds('He was held under a measure known as “residential surveillance at a designated location,” he said. A diplomat identified only as “the old fox” spoke.'), ['term', 'term']);
    // A short sentence after a determiner is a name singled out: "refers to as the “Zangezur corridor.”".
    assert.deepEqual(kinds('Baku refers to it as the “Zangezur corridor.”'), ['term']);
    assert.deepEqual(kinds('He said “Zangezur corridor.”'), ['speech']);
  });

  it('handles straight quotes and CRLF', () => {
    const text = 'He said: "It is over."\r\nThen "calm" returned.\r\n';
    assert.deepEqual(quotesOf(text).map((q) => q.text), ['"It is over."', '"calm"']);
  });
});

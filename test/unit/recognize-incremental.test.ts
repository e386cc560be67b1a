import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { IncrementalRecognizer, type TextChange } from '../../src/core/recognize/incremental';
import { recognize } from '../../src/core/recognize/index';
import type { Quote } from '../../src/core/model/types';
import { Gazetteer } from '../../src/core/recognize/gazetteer';
import { BREAK_CLEARANCE, BREAK_REACH, virtualBreaks } from '../../src/core/recognize/virtualBreaks';
import { corpusFiles, corpusText } from './corpus';
import { aimAtPerson, personEdit } from './personEdits';

const kb = KnowledgeBase.builtin();

/** Pieces people type into news text: names, cues, quote marks, line breaks. */
const piece = fc.constantFrom(
  'a', ' ', 'e', '.', ',', '\n', '\n\n', '\r\n', '“', '”', '"', '’', '‘', '«', '»',
  'Putin', ' Putin', 'Russia', 'Kazakh ', 'President ', 'Sadyr Japarov', 'Japarov', 'Aliyev', 'Ilham Aliyev',
  ' said', 'said Anna Petrova', ', an analyst,', ' expert Temur Umarov', 'he said', ' “We want respect,” ', ':\n“No.”',
  ' Mr. ', 'said Mr. Ivan Ivanov', ' Gen. ', 'Sen.', ' Mr Japarov said', ' A. ', 'said Mark A. Milley', 'Vladimir V. Putin', ' V.', '“Words are cheap,” ', ' Mr. Blinken said', ' by Akylbek Japarov', ' Akylbek', '“We agree,” the Russian leader said.', ' The Kazakh president told them: “Yes.”',
  '\nMOSCOW, ', 'MOSCOW', 'NEW DELHI (AP) — ', ' - ', '(', 'WEST, ',
  'her brother, ', ' researcher, Anna Petrova, said', ' Petrova', ', Farrukh Hakimov, told', ' Security Council', 'Russia’s', ' UN',
  ' the Russian foreign minister said', 'Foreign Minister Sergei Lavrov', ' Spokesman Dmitry Peskov', '“No,” the Kremlin spokesman said.', ' and Xi said', ', an aide,',
  'Minister of Energy Ivan Petrov', ' Ambassador to Kazakhstan Han Chunlin', ' of ', '“Yes,” said Gulnara.', ' said the professor.',
  ', a Republican, who pushed, said', ' dismissed it as “theater.”', ' his wife, Jamila, told', ' Jamila',
  '“Yes,” the president said.', ' the 70-year-old leader added', '\n• Putin: “No.”',
  '\nKazakh President Visits Beijing For Talks\n', ' Leader Orders Crackdown',
  '\nAkylbek Japarov, chairman of the cabinet, said', ', chairman', 'Later ', ' said Gulnara, a teacher.',
  ' the UN special rapporteur on rights, Mary Lawlor, said', ' representative for Central Asia, ', ' said the expert, Anna Petrova.', ' Petrova.', ', who heads a group, said', 'Dauletmurat ', ' Mr Tazhimuratov said.', ' Tazhimuratov',
  ' spokesperson Mao Ning said', ' Mao said.', ' Mao', ' Ning', ' Wang Yi', ' Wang', ' Wenbin', ' spokesman Wang Wenbin',
  ' National', ' his ', ', the widow of opposition leader Alexei Navalny, called', ' she said',
  ' kyzy', 'Makhabat Tazhibek kyzy, a journalist, said', ' Tazhibek kyzy said',
  ' the elder ', ' the younger ', ' Bush', 'George W. Bush', ' Serdar Berdimuhamedov', ' Berdimuhamedov', ' Kim',
  ' told Ukrainska Pravda', ' top commander, Oleksandr Syrskyi, told', ' praised “the courage.”', '\nAnalyst Arkady Dubnov disagreed.', 'Analyst ', ' Tatiana Stanovaya said', ' “No,” she said.', ' “Yes,” he said.', ' Petrov', ' “consistent support.” Mirziyoyev called it', '\nReporting by Mariya Gordeyeva; Editing by Andrew Osborn', '\n(Reporting by Mariya Gordeyeva and Guy Faulconbridge', ', Felix Light and Anna Malpas)', ' press secretary, Berik Uali, wrote', ' said its author, deputy Nadira Narmatova.', '\nOne official at the ministry said so. “We will pay,” the official said.', ' spokesperson Lin Jian declined to comment, saying it was “an internal affair.”', ' “do not compete,”', '\n11:50 — Putin: “We will not retreat.”', ', the leader of the unregistered Democratic Party,', '\nOpposition party leader Ermurat Bapi said', ' his father, Gurbanguly Berdimuhamedov.', ' “Yes,” the former president said.', '\nMasimov, 58, who twice served as prime minister,', '\nIn a televised address, Mirziyoyev thanked voters.', ' the Central Election Commission said', ' state media quoted Li as saying “yes.”', ' State Duma deputy Yevgeny Fyodorov said', '\nSulaimon Davlatov was detained.', ' “No,” Nurlan said.', '\nNurlan Temirbekov, a fisherman, left.', ' Nurlan Saidov', '\nBibigul Zhaksybekova was eleven.', '\nZhaksybekova, now 86, left.', ' Dana Zhaksybekova, a teacher,', ' His brother, Farrukh Davlatov, said so.', ', a member of the movement,', ' founded Temirov Live.', ' Bolot Temirov', ' of the Committee to Protect Journalists urged',
  // A role named after its quote, a given name alone, a role before a colon, words "from" someone.
  ' a foreign ministry spokeswoman said', '\nThe spokeswoman, Anna Petrova, told them.', ' Temirbek said', '\nNurlan’s father, Temirbek Toktogulov, 48, came.',
  ', the judge cut him short: “Sit.”', '\nJudge Aigerim Zhakupova spoke.', '\nA line from Rahmon: “Water.”', ' Meryemgul', ' she replied', ' His classmate Aziza Turgunova was cautious.',
);

const edit = (length: number) =>
  fc.record({
    at: fc.nat({ max: length }),
    remove: fc.nat({ max: 40 }),
    insert: fc.array(piece, { maxLength: 4 }).map((ps) => ps.join('')),
  });

function apply(text: string, e: { at: number; remove: number; insert: string }): { text: string; change: TextChange } {
  const at = Math.min(e.at, text.length);
  const remove = Math.min(e.remove, text.length - at);
  return { text: text.slice(0, at) + e.insert + text.slice(at + remove), change: { rangeOffset: at, rangeLength: remove, text: e.insert } };
}

/** One to five edits of pieces `typed`, each at a fraction of the length of the text the edits before it left. */
const fractionEdits = (typed: fc.Arbitrary<string>, maxRemove: number) =>
  fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: maxRemove }), insert: typed }), { minLength: 1, maxLength: 5 });

/** `fractionEdits` as offsets into a text of `length` and those after it. */
function atFractions(length: number, edits: readonly { at: number; remove: number; insert: string }[]): { at: number; remove: number; insert: string }[] {
  return edits.map((e) => {
    const at = Math.floor(e.at * length);
    length += e.insert.length - Math.min(e.remove, length - at);
    return { at, remove: e.remove, insert: e.insert };
  });
}

/** Applies `edits` one by one and checks the text after each, and the result against a full recognition. */
function editedEqualsFull(original: string, edits: { at: number; remove: number; insert: string }[], window?: number, base = kb): void {
  const inc = new IncrementalRecognizer(base, original, window);
  let text = original;
  for (const e of edits) {
    const step = apply(text, e);
    text = step.text;
    inc.update([step.change]);
    assert.equal(inc.currentText, text);
  }
  assert.deepEqual(inc.result, recognize(text, base));
}

/**
 * Texts `textOf` makes of random orders of its parts (their indices, as many as `parts`
 * says), edited one to `maxEdits` times up to `maxOffset` after where one of `who` first
 * stands, or anywhere, by removing up to two characters and typing one of `inserts`:
 * each equal to a full recognition after its edits.
 */
function editsNearPeopleEqualFull(
  textOf: (order: readonly number[]) => string,
  { who, maxOffset, inserts, parts, maxEdits, numRuns }: { who: string[]; maxOffset: number; inserts: string[]; parts: [number, number]; maxEdits: number; numRuns: number },
): void {
  const edit = fc.record({
    who: fc.constantFrom(...who, ''),
    offset: fc.nat({ max: maxOffset }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 2 }),
    insert: fc.constantFrom(...inserts),
  });
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 40 }), { minLength: parts[0], maxLength: parts[1] }), fc.array(edit, { minLength: 1, maxLength: maxEdits }), (order, edits) => {
      const original = textOf(order);
      const at = (e: { who: string; offset: number; at: number }) => {
        const person = e.who ? original.indexOf(e.who) : -1;
        return person >= 0 ? person + e.offset : Math.floor(e.at * original.length);
      };
      editedEqualsFull(original, edits.map((e) => ({ at: at(e), remove: e.remove, insert: e.insert })), 1024);
    }),
    { numRuns },
  );
}

/**
 * Texts of `pieces` (3 to 12, paragraphs by default), edited one to five times by pieces
 * `typed` at fractions of their length, each equal to a full recognition after its edits.
 */
function editsOfPiecesEqualFull(pieces: fc.Arbitrary<string>, typed: fc.Arbitrary<string>, { minLength = 3, maxLength = 12, separator = '\n\n', maxRemove = 20 } = {}): void {
  fc.assert(
    fc.property(
      fc.array(pieces, { minLength, maxLength }).map((ps) => ps.join(separator)),
      fractionEdits(typed, maxRemove),
      (original, edits) => editedEqualsFull(original, atFractions(original.length, edits)),
    ),
    { numRuns: 150 },
  );
}

describe('incremental recognition', () => {
  for (const article of ['001', '002', '004']) {
    it(`equals a full recognition after random edits (article ${article})`, () => {
      const original = corpusText(article);
      fc.assert(
        fc.property(fc.array(edit(original.length), { minLength: 1, maxLength: 6 }), (edits) => {
          editedEqualsFull(original, edits);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('equals a full recognition when the passes run on a stretch around each edit', () => {
    // A long text and a small stretch: the paragraphs, the names and the speakers are
    // worked out on copies of part of the text, and the whole text only when a paragraph
    // or a chain of quotes reaches past it.
    const articles = corpusFiles().map((f) => corpusText(f.slice(0, 3)));
    const original = Array.from({ length: 8 }, () => articles.join('\n\n')).join('\n\n');
    fc.assert(
      fc.property(fc.array(edit(original.length), { minLength: 1, maxLength: 4 }), fc.constantFrom(2048, 4096, 16_384), (edits, window) => {
        editedEqualsFull(original, edits, window);
      }),
      { numRuns: 12 },
    );
  });

  it('equals a full recognition after edits that introduce, drop and rename people, the text kept in pieces of any size', () => {
    // People may be mentioned anywhere: such an edit finds their mentions again in the
    // runs of capitalised words kept for each piece of the text.
    const original = ['003', '004', '001'].map(corpusText).join('\n\n').repeat(2);
    fc.assert(
      fc.property(fc.array(personEdit, { minLength: 1, maxLength: 6 }), fc.constantFrom(256, 2048, 32 * 1024), fc.constantFrom(2048, 16_384), (edits, pieceSize, window) => {
        const inc = new IncrementalRecognizer(kb, original, window, pieceSize);
        let text = original;
        for (const e of edits) {
          const step = apply(text, aimAtPerson(text, inc.result.mentions, e));
          text = step.text;
          inc.update([step.change]);
        }
        assert.equal(inc.currentText, text);
        assert.deepEqual(inc.result, recognize(text, kb));
      }),
      { numRuns: 30 },
    );
  });

  it('reads a run for people only for a form\'s ending outside the knowledge base\'s names, as a full recognition does', () => {
    // "Vadimir Putin" makes "Putin" an ending, there only inside the leader's name: the
    // run is no more read than before, so "Abubakr" (Abu Bakr spelt as one word) is no
    // mention, in a full recognition as after the edit.
    const original = 'President Vladimir Putin arrived in Astana on Monday.\n\nForeign Minister Abu Bakr met him.\n\nThey spoke of Abubakr President Putin and more.\n';
    const inc = new IncrementalRecognizer(kb, original);
    const at = original.indexOf('Vladimir') + 1;
    inc.update([{ rangeOffset: at, rangeLength: 1, text: '' }]);
    assert.equal(inc.stats.people, 1);
    assert.ok(inc.result.mentions.some((m) => m.name === 'Vadimir Putin'));
    assert.ok(!inc.result.mentions.some((m) => m.text === 'Abubakr'));
    assert.deepEqual(inc.result, recognize(inc.currentText, kb));
  });

  it('reads a run again where an edit drops the one ending it held, though that word is no name by itself', () => {
    // "kyzy" ends Makhabat Tazhibek kyzy's name: while she is named, the run "Abubakr
    // Kyzy" is read, and "Abubakr" is Abu Bakr spelt as one word; once she is gone, not.
    const filler = 'The talks went on for hours and ended late in the evening.\n\n'.repeat(80);
    const original = `Foreign Minister Abu Bakr met him.\n\nThe journalist Makhabat Tazhibek kyzy was detained.\n\n${filler}They spoke of Abubakr Kyzy and more.\n`;
    const inc = new IncrementalRecognizer(kb, original);
    assert.ok(inc.result.mentions.some((m) => m.text === 'Abubakr'));
    const at = original.indexOf('The journalist');
    inc.update([{ rangeOffset: at, rangeLength: original.indexOf('The talks') - at, text: '' }]);
    assert.equal(inc.stats.people, 1);
    assert.ok(!inc.result.mentions.some((m) => m.text === 'Abubakr'));
    assert.deepEqual(inc.result, recognize(inc.currentText, kb));
  });

  it('attributes a quote again when the one its role names is introduced after it, or no longer is', () => {
    // "“…,” a spokeswoman said" is hers whom "The spokeswoman, Mao Ning," introduces a
    // paragraph later: edits there change the quote's speaker before them.
    const filler = 'The talks went on for hours and ended late in the evening.\n\n'.repeat(60);
    const original = `${filler}“Ties are good,” a foreign ministry spokeswoman said on Monday.\n\nThe spokeswoman, Anna Petrova, told a briefing that talks would go on.\n\n${filler}`;
    const inc = new IncrementalRecognizer(kb, original, 1024, 256);
    const speaker = () => inc.result.quotes[0]?.speaker;
    assert.equal(speaker(), 'Anna Petrova');
    const steps: [string, string][] = [
      ['Anna Petrova', 'Anna Petrov'],
      ['The spokeswoman, Anna Petrov,', 'The analyst, Anna Petrov,'],
      ['The analyst, Anna Petrov,', 'The spokeswoman, Anna Petrov,'],
      ['told a briefing', 'told a long briefing'],
    ];
    for (const [from, to] of steps) {
      const at = inc.currentText.indexOf(from);
      inc.update([{ rangeOffset: at, rangeLength: from.length, text: to }]);
      assert.deepEqual(inc.result, recognize(inc.currentText, kb), `after "${to}"`);
    }
    assert.equal(speaker(), 'Anna Petrov');
  });

  it('reads a given name alone far away again once a speech verb by it comes or goes', () => {
    // "Temirbek" is no common given name: it names Temirbek Toktogulov alone only while
    // "“…,” Temirbek said" does; then "Temirbek nodded", far from the edit, names him too.
    const filler = 'The talks went on for hours and ended late in the evening.\n\n'.repeat(80);
    const original = `Nurlan’s father, Temirbek Toktogulov, 48, knows the road.\n\n“It is hard,” Temirbek said.\n\n${filler}Temirbek nodded.\n`;
    const inc = new IncrementalRecognizer(kb, original, 1024, 256);
    const nodded = original.indexOf('Temirbek nodded');
    const nameAt = (offset: number) => inc.result.mentions.find((m) => m.start === offset)?.name;
    assert.equal(nameAt(nodded), 'Temirbek Toktogulov');
    const said = original.indexOf(' said.');
    inc.update([{ rangeOffset: said, rangeLength: 5, text: ' smiled' }]);
    assert.equal(nameAt(nodded + 2), undefined);
    assert.deepEqual(inc.result, recognize(inc.currentText, kb));
    inc.update([{ rangeOffset: said, rangeLength: 7, text: ' said' }]);
    assert.equal(nameAt(nodded), 'Temirbek Toktogulov');
    assert.deepEqual(inc.result, recognize(inc.currentText, kb));
    // Two named so: the given name alone is no one's.
    const uncle = inc.currentText.indexOf('Nurlan’s father');
    inc.update([{ rangeOffset: uncle, rangeLength: 0, text: 'His uncle, Temirbek Osmonov, came. ' }]);
    assert.equal(inc.result.mentions.find((m) => m.start > nodded && m.text === 'Temirbek'), undefined);
    assert.deepEqual(inc.result, recognize(inc.currentText, kb));
  });

  it('reads a word for people again once the knowledge-base name it lay in is gone, its own stretch of text untouched', () => {
    // "CPC" is the Communist Party's only while the party is named in full. Which words
    // lie in names is kept between the edits that change the people: a first one reads
    // it; the party's name then loses a letter far away (names settled again, "CPC" no
    // longer one); then "Anna Cp" becomes "Anna Cpc", whose family name "CPC" now is.
    const filler = 'The talks went on for hours and ended late in the evening.\n\n'.repeat(40);
    const original = `The Communist Party of China met.\n\nMinister Anna Cp spoke.\n\nMinister Ivan Petrov spoke.\n\n${filler}Later CPC said no.\n`;
    const inc = new IncrementalRecognizer(kb, original, 1024, 256);
    const cpcAt = original.indexOf('CPC');
    const entityAt = (offset: number) => inc.result.mentions.find((m) => m.start === offset)?.entity;
    const nameAt = (offset: number) => inc.result.mentions.find((m) => m.start === offset)?.name;
    assert.equal(entityAt(cpcAt), 'org:ccp');
    const petrov = original.indexOf('Petrov') + 1;
    inc.update([{ rangeOffset: petrov, rangeLength: 1, text: '' }]);
    assert.equal(inc.stats.people, 1);
    const china = original.indexOf('China') + 4;
    inc.update([{ rangeOffset: china, rangeLength: 1, text: '' }]);
    assert.equal(inc.stats.names, 1);
    assert.equal(entityAt(cpcAt - 1), undefined);
    const cp = inc.currentText.indexOf('Anna Cp') + 'Anna Cp'.length;
    inc.update([{ rangeOffset: cp, rangeLength: 0, text: 'c' }]);
    assert.equal(nameAt(cpcAt - 1), 'Anna Cpc');
    assert.deepEqual(inc.result, recognize(inc.currentText, kb));
    assert.equal(inc.stats.full, 1);
  });

  it('finds a person introduced by an edit where their family name is no leader\'s, past the runs where it is', () => {
    // "President Vadimir Putin": a person whose family name the text elsewhere gives the
    // leader (those runs are passed over), named in full once more; a businessman of the
    // family, "Akylbek Putin", is someone else. "In" ends the new name's key, but no run
    // where it stands makes the rest of it ("Putin Arrives In Astana").
    const filler = 'The talks went on for hours and ended late in the evening.\n\n'.repeat(40);
    const leader = 'In Astana Putin met officials. Putin Arrives In Astana, said a poster. In March Putin spoke.\n\n'.repeat(100);
    const original = `${filler}President Vladimir Putin arrived in Astana on Monday.\n\n${filler}${leader}${filler}The contract was signed by Vadimir Putin on Friday, with Akylbek Putin.\n\n${filler}Later Putin spoke.\n`;
    const inc = new IncrementalRecognizer(kb, original);
    const at = original.indexOf('Vladimir') + 1;
    const signed = original.indexOf('Vadimir Putin on Friday');
    const businessman = original.indexOf('Akylbek Putin') + 'Akylbek '.length;
    const namesAt = (offset: number) => inc.result.mentions.find((m) => m.start === offset)?.name;
    assert.equal(namesAt(signed), undefined);
    inc.update([{ rangeOffset: at, rangeLength: 1, text: '' }]);
    assert.equal(namesAt(signed - 1), 'Vadimir Putin');
    assert.equal(namesAt(businessman - 1), undefined);
    // Read again: the contract's two runs, not the 300 runs where Putin is the leader ("Later Putin" too).
    assert.equal(inc.stats.runsRead, 2);
    assert.deepEqual(inc.result, recognize(inc.currentText, kb));
    inc.update([{ rangeOffset: at, rangeLength: 0, text: 'l' }]);
    assert.equal(namesAt(signed), undefined);
    assert.deepEqual(inc.result, recognize(original, kb));
    assert.equal(inc.stats.full, 1);
    assert.equal(inc.stats.people, 2);
  });

  it('equals a full recognition when an edit makes a line a byline, or no longer', () => {
    const paragraph = fc.constantFrom('By Farangis Yusupova and Nurlan Sadykov', 'By Harriet Colclough in Almaty', 'Talks went on. Yusupova said so.', 'x'.repeat(80));
    const typed = fc.constantFrom('.', '\n', ' and Aigerim Sadykova', 'By ', 'x'.repeat(130), ' Then it ended.');
    editsOfPiecesEqualFull(paragraph, typed);
  });

  it('equals a full recognition when an edit makes a line a headline, whose pull-quotes are speech, or no longer', () => {
    const paragraph = fc.constantFrom('Xi hails “new golden age” at summit', 'Exiles warn of “slow erasure”', 'The “Great Game” returns', 'x'.repeat(80));
    const typed = fc.constantFrom('.', '\n', ' at the summit in Xi’an', ' says', 'x'.repeat(100), '“');
    editsOfPiecesEqualFull(paragraph, typed);
  });

  it('equals a full recognition when an edit makes a name in capitals a heading or a dateline, or no longer', () => {
    const paragraph = fc.constantFrom('KAZAKHSTAN', 'MOSCOW, Nov 9 (Reuters) - Talks.', 'TASHKENT', 'Tokayev signed it.', 'RUSSIA WARNS', 'x'.repeat(80));
    const typed = fc.constantFrom('\n', '\n\n', ' WARNS', ',', ' —', 'x', 'KAZAKHSTAN', '\r\n');
    editsOfPiecesEqualFull(paragraph, typed, { separator: '\n' });
  });

  it('equals a full recognition when an edit moves the namings a name shared by several leaders goes by', () => {
    // A lone "Aliyev" goes to the Aliyev named nearest (one after counts a quarter as
    // much): text typed between it and a naming in another paragraph can change which.
    const text = `Heydar Aliyev spoke.\n\n${'x'.repeat(300)} Aliyev.\n\n${'z'.repeat(40)}\n\nIlham Aliyev answered.`;
    assert.equal(recognize(text, kb).mentions.find((m) => m.text === 'Aliyev')?.entity, 'person:ilham-aliyev');
    editedEqualsFull(text, [{ at: text.indexOf('zzz') + 5, remove: 0, insert: 'z'.repeat(60) }]);
    const paragraph = fc.constantFrom('Heydar Aliyev spoke.', 'Ilham Aliyev answered.', 'Aliyev said so.', 'Then Aliyev left.', 'x'.repeat(120), 'y'.repeat(30));
    const typed = fc.constantFrom('z', 'z'.repeat(50), '\n\n', 'Aliyev', ' Heydar Aliyev', 'Ilham Aliyev ');
    editsOfPiecesEqualFull(paragraph, typed);
  });

  it('equals a full recognition when an edit names someone else of a leader’s weak family name, or no longer does', () => {
    // A bare "Wang" goes to whoever of that family was named last before it: Wang Yi, or
    // the spokesman Wang Wenbin once he is named after Wang Yi; taking his given name away
    // gives it back to Wang Yi, in another paragraph.
    const text = `Foreign Minister Wang Yi arrived.\n\nSpokesman Wang Wenbin spoke.\n\n${'x'.repeat(200)}\n\n“We object,” Wang added.`;
    const speaker = (t: string) => recognize(t, kb).quotes.at(-1)!.speaker;
    assert.equal(speaker(text), 'Wang Wenbin');
    const given = text.indexOf(' Wenbin');
    editedEqualsFull(text, [{ at: given, remove: ' Wenbin'.length, insert: '' }]);
    assert.equal(speaker(text.slice(0, given) + text.slice(given + ' Wenbin'.length)), 'Wang Yi');
    editedEqualsFull(text, [{ at: text.indexOf('Foreign'), remove: 0, insert: 'Spokesman Wang Wenbin spoke. ' }]);
    // Someone else of the family named later too: taking the first one's given name away
    // leaves one, so the name is still someone else's somewhere, and only the bare names
    // between the two go back to Wang Yi — one typed there since too.
    const two = `Foreign Minister Wang Yi arrived.\n\nSpokesman Wang Wenbin spoke.\n\n${'x'.repeat(60)}\n\n“We object,” Wang added.\n\nSpokesman Wang Lei spoke later.\n\n“No,” Wang said.`;
    const without = (t: string) => t.replace(' Wenbin', '');
    assert.deepEqual(recognize(without(two), kb).quotes.map((q) => q.speaker), ['Wang Yi', 'Wang Lei']);
    editedEqualsFull(two, [{ at: two.indexOf(' Wenbin'), remove: ' Wenbin'.length, insert: '' }]);
    const bare = two.replace('“We object,” Wang added.\n\n', '');
    const typedThere = { at: bare.indexOf('xxx'), remove: 0, insert: '“Yes,” Wang said. ' };
    editedEqualsFull(bare, [typedThere, { at: bare.indexOf(' Wenbin'), remove: ' Wenbin'.length, insert: '' }]);
    // The first such name typed, then Wang Yi named again after it: the bare name is his again.
    const none = `Foreign Minister Wang Yi arrived.\n\n${'x'.repeat(60)}\n\n${'y'.repeat(200)}\n\n${'z'.repeat(200)}\n\n“We object,” Wang added.`;
    editedEqualsFull(none, [
      { at: none.indexOf('xxx'), remove: 0, insert: 'Spokesman Wang Wenbin spoke.\n\n' },
      { at: none.indexOf('yyy') + 'Spokesman Wang Wenbin spoke.\n\n'.length, remove: 0, insert: 'Later Wang Yi spoke again.\n\n' },
    ]);
    const paragraph = fc.constantFrom('Foreign Minister Wang Yi arrived.', 'Spokesman Wang Wenbin spoke.', '“We object,” Wang added.', 'Wang said so.', 'x'.repeat(120), 'The activist Jaswant Singh disagreed.', 'Rajnath Singh spoke. Singh left.', '(Editing by Kim Coghill)', 'Kim Jong Un spoke. Kim left.');
    const typed = fc.constantFrom('z', ' Wenbin', 'Wang', ' Wang Yi', 'Spokesman Wang Wenbin ', '\n\n', ' Singh', 'Jaswant', ' Kim', ' Coghill said', ')');
    editsOfPiecesEqualFull(paragraph, typed);
  });

  it('equals a full recognition when an edit renames a person so that the name says another sex, which “she said” reads', () => {
    const text = 'Analyst Aru Petrov said: "We will not stop now." Then Ivan Sidorov said: "We will win this war." "We never lie," she added.';
    assert.equal(recognize(text, kb).quotes.at(-1)!.speaker, null);
    const at = text.indexOf('Petrov') + 'Petrov'.length;
    editedEqualsFull(text, [{ at, remove: 0, insert: 'a' }]);
    assert.equal(recognize(text.slice(0, at) + 'a' + text.slice(at), kb).quotes.at(-1)!.speaker, 'Aru Petrova');
    editedEqualsFull(text.slice(0, at) + 'a' + text.slice(at), [{ at, remove: 1, insert: '' }]);
  });

  it('equals a full recognition when an edit makes a speaker’s label of a cue, or a cue of a label', () => {
    // A label makes a person only when the text labels them twice: the same name and type, another reading.
    const text = ['Zhou Meiling said: China firmly opposes the measures.', 'Bloomberg: And Kazakhstan?', corpusText('001')].join('\n\n');
    const said = text.indexOf(' said:');
    const found = (t: string) => recognize(t, kb).mentions.some((m) => m.text === 'Zhou Meiling');
    assert.ok(found(text));
    assert.ok(!found(text.slice(0, said) + text.slice(said + ' said'.length)));
    editedEqualsFull(text, [{ at: said, remove: ' said'.length, insert: '' }]);
    editedEqualsFull(text.slice(0, said) + text.slice(said + ' said'.length), [{ at: said, remove: 0, insert: ' said' }]);
  });

  it('equals a full recognition when an edit changes who spoke the quote a later “he said” goes back to', () => {
    const story = [
      'Analyst Timur Sadykov met migrants at the centre.',
      '“The rules are strict,” he said.',
      'He said that President Sadyr Japarov had raised the issue with Vladimir Putin.',
      '“Of course there are problems,” he continued.',
    ].join('\n\n');
    const text = [corpusText('001'), story, corpusText('004')].join('\n\n');
    const at = (s: string, past = 0) => text.indexOf(s) + past;
    for (const e of [
      { at: at('Sadykov met') + 'Sadykov'.length, remove: 0, insert: 'a' },
      { at: at('” he said.') + 2, remove: 2, insert: 'she' },
      { at: at('said that President') + 5, remove: 4, insert: 'how' },
      { at: at('“The rules'), remove: '“The rules are strict,” he said.'.length, insert: 'Nothing.' },
      { at: at('Analyst'), remove: 'Analyst '.length, insert: '' },
    ]) editedEqualsFull(text, [e]);
  });

  it('equals a full recognition when an edit makes or breaks a name that starts with lower-case particles', () => {
    const text = [corpusText('001'), '“We will act,” von der Leyen told reporters, and al-Assad left.', corpusText('004')].join('\n\n');
    const at = text.indexOf('von der');
    for (const e of [
      { at, remove: 1, insert: '' },
      { at: at + 3, remove: 4, insert: '' },
      { at, remove: 0, insert: 'E' },
      { at: text.indexOf('al-Assad') + 2, remove: 1, insert: ' ' },
    ]) editedEqualsFull(text, [e]);
  });

  it('equals a full recognition when an edit makes or breaks a web address holding a name', () => {
    const text = [corpusText('001'), 'Read more at https://t.me/Putin/8841 and on @Lavrov today.', corpusText('004')].join('\n\n');
    const at = text.indexOf('https://');
    for (const e of [
      { at: at + 5, remove: 1, insert: '' },
      { at, remove: 'https://t.me/'.length, insert: '' },
      { at: text.indexOf('@Lavrov'), remove: 1, insert: '' },
      { at: text.indexOf('/Putin'), remove: 1, insert: ' ' },
    ]) editedEqualsFull(text, [e]);
  });

  it('equals a full recognition when an edit makes or breaks a dateline of places joined by slashes', () => {
    const text = ['Talks go on.', 'MOSCOW/ASTANA, Nov 9 (Reuters) - Russia said so.', corpusText('001')].join('\n\n');
    const at = text.indexOf('/ASTANA');
    for (const e of [
      { at, remove: 1, insert: '' },
      { at, remove: 0, insert: ' ' },
      { at: at + 2, remove: 1, insert: 'x' },
      { at: at + 7, remove: 0, insert: '/BAKU' },
      { at: text.indexOf('MOSCOW') + 1, remove: 1, insert: '' },
    ]) editedEqualsFull(text, [e]);
  });

  it('equals a full recognition when an edit types or takes away “the elder” before a family name, or a naming it goes by', () => {
    const text = 'George W. Bush spoke. Then Bush left.';
    editedEqualsFull(text, [{ at: text.indexOf('Bush left'), remove: 0, insert: 'the elder ' }]);
    const paragraph = fc.constantFrom('George W. Bush spoke.', 'George H. W. Bush answered.', 'Bush said so.', 'The elder Bush left.', 'It was the younger Bush.', 'Serdar Berdimuhamedov spoke.', 'The elder Berdimuhamedov did not.', 'x'.repeat(60));
    const typed = fc.constantFrom('the elder ', 'the younger ', 'The elder ', 'x', ' Bush', 'George W. Bush ', ' Berdimuhamedov', '\n\n');
    editsOfPiecesEqualFull(paragraph, typed, { minLength: 2, maxLength: 8, separator: ' ', maxRemove: 12 });
  });

  it('equals a full recognition when an edit changes the article\'s date, which settles names no naming does', () => {
    // "Aliyev" alone, neither Aliyev named in full: the one in office on the date.
    const text = `Baku, 1995-05-01\n\nAliyev said so, and “we agree,” Aliyev added.\n\n${corpusText('003')}\n\nLater Aliyev left.`;
    const aliyev = (t: string) => recognize(t, kb).mentions.find((m) => m.text === 'Aliyev')?.entity;
    assert.equal(aliyev(text), 'person:heydar-aliyev');
    assert.equal(aliyev(text.replace('1995', '2015')), 'person:ilham-aliyev');
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat({ max: 15 }), remove: fc.nat({ max: 2 }), insert: fc.constantFrom('1', '2', '0', '9', '-', 'x', '') }), { minLength: 1, maxLength: 5 }), (edits) => {
        editedEqualsFull(text, edits);
      }),
      { numRuns: 60 },
    );
  });

  it('equals a full recognition when people or names change in ways that take the whole text again', () => {
    // A person whose name has no Latin letters (its key is empty, so any run may mention
    // them): people are found again in the whole text.
    const cyrillic = `${corpusText('004')}\n\nThe report was read out, said Иван Петров.\n\nПетров left early.`;
    const said = cyrillic.indexOf('said Иван');
    editedEqualsFull(cyrillic, [{ at: said, remove: 5, insert: '' }]);
    editedEqualsFull(cyrillic, [{ at: said, remove: 5, insert: '' }, { at: said, remove: 0, insert: 'said ' }]);
    // A name whose reading changes on a line too long to copy: the names' changes are
    // made, and people and speakers found again in the whole text.
    const long = `Heydar Aliyev spoke.\n\n${'word '.repeat(14_000)}“We will see,” Aliyev said.\n\nThe end.`;
    assert.equal(recognize(long, kb).mentions.find((m) => m.text === 'Aliyev')?.entity, 'person:heydar-aliyev');
    const inc = new IncrementalRecognizer(kb, long);
    inc.update([{ rangeOffset: 2, rangeLength: 1, text: '' }]);
    const edited = long.slice(0, 2) + long.slice(3);
    assert.deepEqual(inc.result, recognize(edited, kb));
    assert.ok(inc.lastChange !== 'all' && inc.lastChange.mentions.at === 0, 'everything counts as changed');
    editedEqualsFull(long, [{ at: 2, remove: 1, insert: '' }, { at: 2, remove: 0, insert: 'y' }]);
  });

  it('gives a leader the country named before the title on the line only, so that an edit of another line cannot change it', () => {
    const text = 'Kazakhstan and Kyrgyzstan met.\n\nThe talks ended in Kazakhstan\n\nPresident Bolat Nurlanov said more.\n\nKyrgyz President Sadyr Japarov listened.';
    const leaders = (r: { mentions: { text: string; country?: string }[] }) => r.mentions.filter((m) => m.text === 'Bolat Nurlanov').map((m) => m.country);
    assert.deepEqual(leaders(recognize(text, kb)), [undefined], 'not from the line before');
    const at = text.indexOf('Kazakhstan\n');
    editedEqualsFull(text, [{ at, remove: 'Kazakhstan'.length, insert: 'Kyrgyzstan' }]);
    editedEqualsFull(text, [{ at: text.indexOf('said more') + 4, remove: 0, insert: 'x' }]);
  });

  it('equals a full recognition when an edit of a line\'s length, with no line break, turns the text hard-wrapped or back', () => {
    // Ten lines, six as long as hard-wrapped lines are (40–100) and followed by another:
    // one more and the text reads as hard-wrapped, its paragraphs ending at blank lines
    // only — which changes where the open quote at the top ends, and who says it.
    const lines = [
      '“We will see what the region decides, said Anna Petrova at the',
      'meeting in Astana today, and the talks went on into the night',
      'as Kazakh President Kassym-Jomart Tokayev listened to the speech',
      'of his guests, who said “all is well” to the press in the hall.',
      `Putin left early. ${'y'.repeat(80)} and the long line ends here.`,
      'Another line of ordinary text that is long enough to count',
      'Yet another line of ordinary text, long enough to count here',
      'The eighth.',
      'short',
      'The last line.',
    ];
    const text = lines.join('\n') + '\n';
    const wrappedAt = (t: string) => recognize(t, kb).quotes[0]!.end;
    const long = text.indexOf('y'.repeat(80));
    const shortened = text.slice(0, long) + text.slice(long + 40);
    assert.notEqual(wrappedAt(shortened), wrappedAt(text), 'the quote at the top ends elsewhere once the long line is short enough');
    // Shortened a letter at a time past 100; lengthened back; a line made blank and filled again; a short line made long.
    editedEqualsFull(text, Array.from({ length: 40 }, () => ({ at: long, remove: 1, insert: '' })));
    editedEqualsFull(shortened, Array.from({ length: 3 }, () => ({ at: long, remove: 0, insert: 'y' })));
    const eighth = text.indexOf('The eighth.');
    editedEqualsFull(text, [{ at: eighth, remove: 'The eighth.'.length, insert: '' }, { at: eighth, remove: 0, insert: 'The eighth.' }]);
    editedEqualsFull(text, [{ at: eighth + 'The eighth'.length, remove: 0, insert: ' line of ordinary text, long enough to count at all' }]);
  });

  it('equals a full recognition after edits of texts of short lines, some as long as hard-wrapped lines are, near the line of turning hard-wrapped', () => {
    const words = ['the', 'talks', 'Putin', 'said', '“We', 'agree,”', 'Anna', 'Petrova', 'Kazakh', 'President', 'Tokayev', 'Aliyev', 'region', 'in', 'Astana', '“', '”', 'he', 'added.', 'US', 'said:', '2023-10-14', 'Vladimir', 'Shavkat', 'Mirziyoyev'];
    const line = fc.array(fc.constantFrom(...words), { maxLength: 18 }).map((ws) => ws.join(' '));
    const lines = fc.array(line, { minLength: 4, maxLength: 24 }).map((ls) => ls.join('\n') + '\n');
    const lineEdit = fc.record({ at: fc.nat({ max: 2000 }), remove: fc.nat({ max: 12 }), insert: fc.constantFrom('', 'x', ' ', 'y'.repeat(20), '\n', '\n\n', '“', '”', ' said Anna Petrova', 'Aliyev', 'Vladimir\nPutin', '\nMirziyoyev') });
    fc.assert(
      fc.property(lines, fc.array(lineEdit, { minLength: 1, maxLength: 8 }), fc.constantFrom(256, 16_384), (text, edits, window) => {
        editedEqualsFull(text, edits, window);
      }),
      { numRuns: 200 },
    );
  });

  it('equals a full recognition after an edit of a hard-wrapped paragraph whose quote is attributed across a line break', () => {
    const paragraph = [
      'Russian President Vladimir Putin hosted his Kazakh counterpart in the',
      'Kremlin on Tuesday for talks on energy, transport and the war in Ukraine.',
      '"Kazakhstan is our closest ally and strategic partner," Putin',
      'told Tokayev at the start of the talks, according to a Kremlin',
      'transcript. Tokayev thanked him and praised the growth in trade.',
    ].join('\n');
    const text = Array.from({ length: 12 }, () => paragraph).join('\n\n');
    assert.equal(recognize(text, kb).quotes[5]!.speaker, 'Vladimir Putin');
    const at = text.indexOf('Putin\ntold', text.length / 2) + 'Putin'.length;
    for (const e of [
      { at, remove: 0, insert: '\n' },
      { at, remove: 1, insert: ' ' },
      { at, remove: 1, insert: '\r\n' },
      { at: at + 1, remove: 4, insert: 'said' },
    ]) editedEqualsFull(text, [e], 2048);
  });

  it('equals a full recognition after an edit near a name across a line break of a hard-wrapped text', () => {
    const lines = [
      'Kazakhstan’s president, Kassym-Jomart Tokayev, told a gathering of foreign',
      'investors in Astana on Tuesday that the country would remain open, and that',
      'relations with Vladimir',
      'Putin remained pragmatic. Kyrgyz President Sadyr Japarov, speaking later, said',
      'the region needed more investment, not more lectures, and then left the hall.',
    ];
    const text = Array.from({ length: 6 }, () => lines.join('\n')).join('\n\n');
    const at = text.indexOf('remained pragmatic', text.length / 2);
    editedEqualsFull(text, [{ at, remove: 0, insert: 'x' }]);
    editedEqualsFull(text, [{ at: at - 7, remove: 1, insert: '' }, { at: at - 7, remove: 0, insert: '\n' }]);
    // With Windows line ends: "\r\n" stands for the space too.
    const crlf = text.replaceAll('\n', '\r\n');
    const atCrlf = crlf.indexOf('remained pragmatic', crlf.length / 2);
    editedEqualsFull(crlf, [{ at: atCrlf, remove: 0, insert: 'x' }]);
    editedEqualsFull(crlf, [{ at: atCrlf - 8, remove: 2, insert: '' }, { at: atCrlf - 8, remove: 0, insert: '\r\n' }]);
    editedEqualsFull(crlf, [{ at: atCrlf - 8, remove: 1, insert: '' }, { at: atCrlf - 8, remove: 0, insert: '\r' }]);
  });

  it('reads, for another quote, only speakers found by the rules, not those taken from a repeat', () => {
    // Found by the property above: a short quote typed 19,900 characters before “We want
    // respect”, whose speaker itself comes from a later repeat. A full pass settles
    // repeats last, so the typed quote must not take that speaker.
    const articles = corpusFiles().map((f) => corpusText(f.slice(0, 3)));
    const original = Array.from({ length: 8 }, () => articles.join('\n\n')).join('\n\n');
    editedEqualsFull(original, [{ at: 35818, remove: 0, insert: ' “We want respect,” ' }], 2048);
  });

  it('attributes a headline quote again when a speaker change runs on past the stretch to the quote it repeats', () => {
    // Naming the speaker of the first of twenty quotes in a row makes them all his (each
    // continues the one before), down to the last, 5,000 characters on, which repeats the
    // headline's words: the headline is his too, as a whole-text pass finds.
    const filler = 'The talks went on through the night in the old hall by the river, and the delegations kept their papers close.';
    const chain = Array.from({ length: 20 }, (_, k) => `“This is statement number ${k}, and it says that the talks must go on for the sake of the region,” ${filler} ${filler.slice(0, 100)}`);
    chain[19] = `“In the end we will never give up our land to anyone, whatever the cost of it,” ${filler.slice(0, 60)}`;
    const text = ['Vladimir Putin arrived in the capital on Monday.', '“We will never give up our land to anyone”', filler, ...chain].join('\n\n');
    const at = text.indexOf(',”', text.indexOf('statement number 0')) + 2;
    const inc = new IncrementalRecognizer(kb, text);
    inc.update([{ rangeOffset: at, rangeLength: 0, text: ' said Vladimir Putin.' }]);
    const full = recognize(text.slice(0, at) + ' said Vladimir Putin.' + text.slice(at), kb);
    assert.equal(full.quotes[0]!.speaker, 'Vladimir Putin', 'the headline takes the speaker of its repeat');
    assert.equal(inc.stats.incremental, 1);
    assert.deepEqual(inc.result, full);
  });

  it('counts a name written with a middle initial as the name, when an edit takes it away', () => {
    // "Aliyev" goes to the Aliyev named in full; with him gone, it is ambiguous again.
    const text = 'Ilham H. Aliyev spoke in Baku.\n\nLater Aliyev left for Moscow.\n\n' + corpusText('002');
    const inc = new IncrementalRecognizer(kb, text);
    assert.equal(inc.result.mentions.find((m) => m.text === 'Aliyev')!.entity !== null, true);
    inc.update([{ rangeOffset: 0, rangeLength: 'Ilham H. Aliyev'.length, text: 'He' }]);
    const edited = 'He' + text.slice('Ilham H. Aliyev'.length);
    assert.deepEqual(inc.result, recognize(edited, kb));
    assert.equal(inc.result.mentions.find((m) => m.text === 'Aliyev')!.entity, null);
  });

  describe('lines far longer than paragraphs, read as if broken after their sentences', () => {
    // Text pulled from a PDF or a web page as one line: the breaks near an edit are
    // worked out again, and the stretch read again reaches every one that moved — a line
    // break typed or taken out, a line growing past twice the clearance, a quotation
    // opened before a sentence's end, a full stop typed or deleted.
    const oneLine = (...articles: string[]) => articles.map(corpusText).join(' ').replace(/\s*\n\s*/g, ' ');
    const longPiece = fc.constantFrom('. ', '. The', '“', '”', '"', ' “Yes.” ', '\n', '\n\n', 'etc. ', 'x', ' Putin said. ', 'Anna Petrova', '. He said “no” ', 'z'.repeat(300));

    it('breaks only lines longer than twice the clearance, and reads news as before', () => {
      const news = corpusText('002');
      assert.deepEqual(virtualBreaks(news), []);
      const line = oneLine('002', '004');
      const breaks = virtualBreaks(line)!;
      assert.ok(breaks.length > 20, `${breaks.length} breaks`);
      for (const b of breaks) {
        assert.equal(line[b], ' ');
        assert.ok(b >= BREAK_CLEARANCE && b <= line.length - BREAK_CLEARANCE);
        assert.match(line.slice(b - 3, b + 2), /[a-z][.!?][”"’»)']* [A-Z]|[a-z][.!?] \p{Lu}/u);
      }
      // Cyrillic sentences too; an abbreviation's dot is not a sentence's end.
      const russian = 'Президент заявил, что переговоры продолжатся. Министр ответил и т.д. Всё. '.repeat(200);
      const ends = virtualBreaks(russian)!;
      assert.ok(ends.length > 100, `${ends.length} breaks in Cyrillic`);
      for (const b of ends) assert.match(russian.slice(b - 3, b + 2), /ся\. М|сё\. П/u);
    });

    // A user's entity whose name reads as if a sentence ended inside it.
    const acme = kb.merge([{ id: 'org:acme', kind: 'org', name: 'Acme Inc. Holdings', aliases: ['Acme Inc. Group'], source: 'test' }]);
    const kept = Gazetteer.fromKb(acme).keptTogether;
    const withAcme = (line: string) => line.replace(/\. (?=The )/g, (dot, at: number) => (at % 5 === 0 ? '. Acme Inc. Holdings said so. ' : at % 5 === 1 ? ', as Acme Inc. Group does. ' : dot));

    it('keeps an abbreviation and a name with a full stop inside on one line', () => {
      assert.equal(Gazetteer.fromKb(kb).keptTogether, undefined, 'no built-in name needs it');
      let said = 0;
      const line = withAcme(oneLine('001', '002', '004')).replace(/\. The /g, (dot, at: number) => (at % 3 === 0 ? `. Gen. Valery Gerasimov said: “Fine ${said++} times.” The ` : dot));
      const breaks = virtualBreaks(line, 0, line.length, true, true, kept)!;
      assert.ok(breaks.length > 20, `${breaks.length} breaks`);
      for (const b of breaks) assert.doesNotMatch(line.slice(b - 4, b + 9), /Gen\. Valery|Inc\. Holdings|Inc\. Group/);
      // What a paragraph of its own finds, the long line finds too.
      const r = recognize(line, acme);
      const count = (re: RegExp) => line.match(re)!.length;
      assert.equal(r.mentions.filter((m) => m.entity === 'org:acme').length, count(/Acme Inc\. (Holdings|Group)/g));
      const general = r.quotes.filter((q) => q.text.startsWith('“Fine '));
      assert.equal(general.length, said);
      // (One inside a quote the article never closes is that quote's.)
      const inside = (q: Quote) => r.quotes.some((o) => o.start < q.start && o.end >= q.end);
      const toGerasimov = general.filter((q) => q.speaker === 'Valery Gerasimov');
      assert.deepEqual(general.filter((q) => !inside(q)), toGerasimov);
      assert.ok(toGerasimov.length > said / 2, `${toGerasimov.length} of ${said}`);
      // A stretch cut inside such a name cannot tell a break before the cut.
      const whole = virtualBreaks(line, 0, line.length, true, true, kept)!;
      for (const m of line.matchAll(/Acme Inc\. (Holdings|Group)/g)) {
        for (let cut = m.index; cut <= m.index + m[0].length; cut++) {
          const base = Math.max(0, cut - 3 * BREAK_REACH);
          for (let to = cut - 20; to < cut; to++) {
            const found = virtualBreaks(line.slice(base, cut), to - BREAK_REACH - base, to - base, base === 0, false, kept);
            if (found) assert.deepEqual(found.map((x) => x + base), whole.filter((x) => x >= to - BREAK_REACH && x < to));
          }
        }
      }
      // Without the names kept together, a break would split them.
      assert.ok(virtualBreaks(line)!.some((b) => /Inc\. (Holdings|Group)/.test(line.slice(b - 4, b + 9))));
    });

    it('tells the breaks of a stretch as the whole text does, or says it cannot', () => {
      // What an edit relies on: breaks worked out on the copy of the stretch around it.
      const texts = [oneLine('001', '002', '004'), `${corpusText('003')}\n${oneLine('000', '002')}\n\n${oneLine('004')}`, withAcme(oneLine('000', '003'))];
      fc.assert(
        fc.property(fc.nat({ max: texts.length - 1 }), fc.nat(), fc.nat(), fc.nat({ max: 12_000 }), fc.nat({ max: 12_000 }), (t, a, b, margin0, margin1) => {
          const text = texts[t]!;
          const whole = virtualBreaks(text, 0, text.length, true, true, kept)!;
          const start = a % text.length;
          const end = start + (b % (text.length - start + 1));
          const base = Math.max(0, start - margin0);
          const limit = Math.min(text.length, end + margin1);
          const found = virtualBreaks(text.slice(base, limit), start - base, end - base, base === 0, limit === text.length, kept);
          if (found) assert.deepEqual(found.map((x) => x + base), whole.filter((x) => x >= start && x < end));
          // With the reach on either side, a stretch always can tell.
          if (start - base >= BREAK_REACH + 8 && limit - end >= BREAK_REACH + 8) assert.ok(found, 'a stretch with the reach on both sides');
        }),
        { numRuns: 400 },
      );
    });

    it('equals a full recognition after random edits, with stretches of any size', () => {
      const original = oneLine('001', '002', '004');
      const edit = fc.record({
        at: fc.nat({ max: original.length }),
        remove: fc.nat({ max: 40 }),
        insert: fc.array(longPiece, { maxLength: 3 }).map((ps) => ps.join('')),
      });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(1024, 8192, 16_384), (edits, window) => {
          editedEqualsFull(original, edits, window);
        }),
        { numRuns: 30 },
      );
    });

    it('equals a full recognition after random edits around names kept together', () => {
      const original = withAcme(oneLine('002', '004'));
      const near = fc.constantFrom(...[...original.matchAll(/Acme/g)].map((m) => m.index));
      const acmePiece = fc.constantFrom('Acme Inc. Holdings', ' Acme Inc. Group ', 'Inc. ', '. ', ' Gen. ', 'Holdings', 'x', '\n');
      const edit = fc.record({
        at: fc.tuple(near, fc.integer({ min: -30, max: 30 })).map(([at, d]) => Math.max(0, at + d)),
        remove: fc.nat({ max: 12 }),
        insert: fc.array(acmePiece, { maxLength: 3 }).map((ps) => ps.join('')),
      });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => editedEqualsFull(original, edits, 8192, acme)),
        { numRuns: 25 },
      );
    });

    it('re-reads a few sentences for an edit in the middle of a line of 200,000 characters', () => {
      let text = '';
      while (text.length < 200_000) text += oneLine('001', '002', '003', '004') + ' ';
      const inc = new IncrementalRecognizer(kb, text);
      const at = text.indexOf('. ', 100_000) + 1;
      inc.update([{ rangeOffset: at, rangeLength: 0, text: ' Putin said “we agree.”' }]);
      const change = inc.lastChange;
      assert.notEqual(change, 'all');
      if (change !== 'all') assert.ok(change.mentions.removed < 200, `${change.mentions.removed} mentions read again`);
      assert.deepEqual([inc.stats.full, inc.stats.incremental], [1, 1]);
      assert.deepEqual(inc.result, recognize(text.slice(0, at) + ' Putin said “we agree.”' + text.slice(at), kb));
    });
  });

  describe('renaming a person quoted far from where they are introduced', () => {
    // Ways a quote comes to a person, or to whoever spoke last: after it, before it, by
    // a pronoun, continuing the quote before, repeated from a headline; and a second
    // person whose mentions stand between quotes.
    const parts = [
      '“We will not give in,” Brankovic said.',
      '“Nothing has changed,” said Brankovic. “We stay the course.”',
      'Brankovic told reporters: “The talks failed.”',
      '“It is over,” he said.',
      '“Trade matters,” Petrova said. Brankovic disagreed. “It does not,” the analyst said.',
      '“The talks failed and nobody will try again”',
      'The analyst Mira Brankovic said that “the plan is dead,” according to Brankovic.',
      '“Fine,” Brankovic added, “but slow.” “And costly.”',
      'Anna Petrova said: “Yes.” “No,” Brankovic said. “The talks failed and nobody will try again,” he added.',
    ];
    const intro = 'The analyst Zoltan Brankovic spoke first. The expert Anna Petrova spoke next.\n\n';
    const textOf = (order: readonly number[]) => intro + order.map((i) => parts[i % parts.length]).join('\n\n') + '\n\n' + corpusText('002');

    it('attributes again only the quotes that could change, as a full recognition does', () => {
      const text = textOf(Array.from({ length: 90 }, (_, i) => i));
      const at = text.indexOf('Zoltan') + 2;
      const inc = new IncrementalRecognizer(kb, text, 1024);
      inc.update([{ rangeOffset: at, rangeLength: 1, text: '' }]);
      const edited = text.slice(0, at) + text.slice(at + 1);
      const full = recognize(edited, kb);
      assert.deepEqual([inc.stats.full, inc.stats.renamed, inc.stats.substituted], [1, 1, 1], 'the renamed mentions take the shortcut, not a full pass: the new name put for the old');
      assert.ok(full.quotes.filter((q) => q.speaker === 'Zotan Brankovic').length > 50, 'the rename reaches quotes all through the text');
      assert.deepEqual(inc.result, full);
    });

    it('attributes again where a rename merges two people or makes a name say another sex, as a full recognition does', () => {
      // "Zoltan" → "Zotan" makes him the Zotan Brankovic named later: one person where two were.
      const merged = textOf(Array.from({ length: 30 }, (_, i) => i)) + '\n\nThe analyst Zotan Brankovic spoke last. “Enough,” Zotan Brankovic said.';
      const at = merged.indexOf('Zoltan') + 2;
      const inc = new IncrementalRecognizer(kb, merged, 1024);
      inc.update([{ rangeOffset: at, rangeLength: 1, text: '' }]);
      assert.deepEqual(inc.result, recognize(merged.slice(0, at) + merged.slice(at + 1), kb));
      assert.equal(inc.stats.substituted, 0);
      // "Anna Petrova" → "Anna Petrov": "she said" no longer reads as hers.
      const sexed = textOf(Array.from({ length: 30 }, (_, i) => i)).replace('“It is over,” he said.', '“It is over,” she said.');
      const petrova = sexed.indexOf('Anna Petrova') + 'Anna Petrov'.length;
      const again = new IncrementalRecognizer(kb, sexed, 1024);
      again.update([{ rangeOffset: petrova, rangeLength: 1, text: '' }]);
      assert.deepEqual(again.result, recognize(sexed.slice(0, petrova) + sexed.slice(petrova + 1), kb));
      assert.equal(again.stats.substituted, 0);
    });

    it('equals a full recognition after edits of the people introduced and anywhere else', () => {
      editsNearPeopleEqualFull(textOf, { who: ['Zoltan', 'Anna Petrova'], maxOffset: 12, inserts: ['', 'a', 'l', 'ov', ' ', 'he said ', '“', 'Brankovic '], parts: [20, 50], maxEdits: 6, numRuns: 25 });
    });
  });

  describe('renaming a person whose other mentions stand alone', () => {
    // Beside the renamed person's family name alone: another given name before it
    // (someone else, before the rename and after), the old full name and the new one
    // (read again: a given name before the family name decides whose it is), and the
    // given names alone.
    const parts = [
      '“We will not give in,” Brankovic said.',
      'A letter signed Peter Brankovic arrived.',
      'Readers of Zoltan Brankovic, and of Zotan Brankovic, wrote in.',
      'Zoltan and Zotan were absent.',
      '“Fine,” Brankovic added, “but slow.”',
      'Brankovic disagreed. “It does not,” the analyst said.',
      // Full names that make people of their own, so that some edits merge or split people.
      'Zoltan Brankovic wrote again.',
      'Zotan Brankovic wrote back.',
    ];
    const intro = 'The analyst Zoltan Brankovic spoke first.\n\n';
    const textOf = (order: readonly number[], kinds = parts.length) => intro + order.map((i) => parts[i % kinds]).join('\n\n') + '\n\n' + corpusText('002');

    it('gives the new name to the mentions of the family name alone without reading their runs again, as a full recognition names them', () => {
      const text = textOf(Array.from({ length: 72 }, (_, i) => i), 6);
      const at = text.indexOf('Zoltan') + 2;
      const inc = new IncrementalRecognizer(kb, text, 1024);
      inc.update([{ rangeOffset: at, rangeLength: 1, text: '' }]);
      const edited = text.slice(0, at) + text.slice(at + 1);
      const full = recognize(edited, kb);
      assert.deepEqual(inc.result, full);
      assert.ok(full.mentions.filter((m) => m.name === 'Zotan Brankovic').length >= 40, 'the family name alone is the renamed person’s all through the text');
      assert.ok(full.quotes.filter((q) => q.speaker === 'Zotan Brankovic').length >= 20);
      // Read again: only the runs of the full names, old and new (twelve of each), not the forty-eight runs of “Brankovic” alone.
      assert.equal(inc.stats.runsRead, 24);
      assert.deepEqual([inc.stats.full, inc.stats.substituted], [1, 1]);
      inc.update([{ rangeOffset: at, rangeLength: 0, text: 'l' }]);
      assert.deepEqual(inc.result, recognize(text, kb));
      assert.equal(inc.stats.full, 1);
    });

    it('reads again the runs where the old given name or the new stands before the family name', () => {
      // "Peter Zoltan Brankovic" → "Poveter Zoltan Brankovic": "Peter Brankovic" was his (his
      // given name before his family name), and is no one's after; its run holds neither full name.
      const original = textOf([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
      const at = original.indexOf('Zoltan');
      editedEqualsFull(original, [{ at, remove: 0, insert: 'Peter ' }, { at: at + 1, remove: 0, insert: 'ov' }], 1024);
    });

    it('reads again the runs of a form that became a given name alone, the person only renamed', () => {
      // "Anna Anna" → "Anna Athe" (the second "Anna" joined to the "the" after it): "Anna", her
      // family name before, is her given name after, which alone before another capitalised
      // word is no one ("Anna President").
      const original = 'the the Petrova Tokayev\nthe the the the Anna said the Anna Anna\n\n\nthe said\nAnna President\n';
      const at = original.indexOf('nna\n\n\n');
      editedEqualsFull(original, [{ at, remove: 'nna\n\n\n'.length, insert: '' }], 256);
    });

    it('equals a full recognition after edits of the person introduced and anywhere else', () => {
      editsNearPeopleEqualFull(textOf, { who: ['Zoltan', 'Peter', 'Zotan Brankovic'], maxOffset: 8, inserts: ['', 'a', 'l', 'ov', ' ', 'Zoltan ', 'Peter ', 'the analyst '], parts: [10, 40], maxEdits: 5, numRuns: 40 });
    });
  });

  it('handles most single-character typing without a full pass', () => {
    const text = corpusText('002');
    const inc = new IncrementalRecognizer(kb, text);
    let t = text;
    for (let i = 0; i < 50; i++) {
      const at = Math.floor((t.length * i) / 50);
      inc.update([{ rangeOffset: at, rangeLength: 0, text: 'x' }]);
      t = t.slice(0, at) + 'x' + t.slice(at);
    }
    assert.deepEqual(inc.result, recognize(t, kb));
    assert.ok(inc.stats.incremental >= 35, `only ${inc.stats.incremental} of 50 edits were incremental`);
  });

  it('equals a full recognition when an edit drops the only person “she said” could go back to, far before it', () => {
    // The byline "Author: Anne-Kathrin Hamilton" cut 4,600 characters before a quote no one else could have said.
    editedEqualsFull(corpusText('002'), [{ at: 5116, remove: 0, insert: ' “No,” she said.' }, { at: 462, remove: 29, insert: '' }]);
  });

  it('refuses an edit outside the text', () => {
    const inc = new IncrementalRecognizer(kb, 'Putin');
    assert.throws(() => inc.update([{ rangeOffset: 3, rangeLength: 10, text: '' }]), RangeError);
  });
});

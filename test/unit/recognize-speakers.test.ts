import { strict as assert } from 'node:assert';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { recognize } from '../../src/core/recognize/index';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusText } from './corpus';

const kb = KnowledgeBase.builtin();
const speakerOf = (text: string, quoteStart: string) => {
  const q = recognize(text, kb).quotes.find((x) => x.text.startsWith(quoteStart));
  assert.ok(q, `quote starting ${quoteStart}`);
  return q.speaker;
};

describe('speakers', () => {
  it('“…,” X said and said X', () => {
    const text = corpusText('000');
    assert.equal(speakerOf(text, '“We want respect. Nothing else'), 'Emomali Rahmon');
    assert.equal(speakerOf(text, '“The Central Asian states'), 'Rustam Burnashev');
  });

  it('“…,” X was quoted by an agency as saying', () => {
    assert.equal(speakerOf('“Nobody listened to us,” Lavrov was quoted by TASS as saying.', '“'), 'Sergei Lavrov');
  });

  it('reads an attribution that closes the sentence after a comma as a quote’s inside it: “Russia will “never accept” the deal, Lavrov told reporters.”', () => {
    assert.equal(speakerOf('Russia will “never accept” the deal, Lavrov told reporters in Moscow on Tuesday.', '“'), 'Sergei Lavrov');
    assert.equal(speakerOf('China will not be “coerced” by Washington, Foreign Minister Wang Yi said on Saturday.', '“'), 'Wang Yi');
    // Not a clause of its own after the comma, nor past a quote that ends its sentence.
    assert.equal(speakerOf('Russia will “never accept” the deal, and Lavrov told reporters so.', '“'), null);
    assert.equal(speakerOf('Russia will “never accept.” The deal is off, Lavrov told reporters.', '“'), null);
  });

  it('reads “the president said” as the sentence’s subject before the leader its preposition names: “Putin held talks with Uzbek President Mirziyoyev”', () => {
    const talks = 'MOSCOW (TASS) - Russian President Vladimir Putin held talks with Uzbek President Shavkat Mirziyoyev in the Kremlin on Tuesday.\n\n';
    assert.equal(speakerOf(`${talks}"Uzbekistan is our strategic partner," the head of state stressed.`, '"'), 'Vladimir Putin');
    assert.equal(speakerOf(`${talks}"Uzbekistan is our strategic partner," the president stressed.`, '"'), 'Vladimir Putin');
    // The one named last, when no preposition's object: "Putin met Mirziyoyev".
    assert.equal(speakerOf('Putin met Mirziyoyev in Samarkand. "We are friends," the president said.', '"'), 'Shavkat Mirziyoyev');
    assert.equal(speakerOf('Mirziyoyev spoke with Putin by phone. "We are friends," the president said.', '"'), 'Shavkat Mirziyoyev');
  });

  it('reads past a title quoted in the speaker’s appositive, its commas inside it, and “accusing … of”', () => {
    const article = corpusText('004');
    assert.equal(speakerOf(article, '“I think Russia is confident'), 'Max Hess'); // Max Hess, … author of “Economic War: …,” told CNBC
    assert.equal(speakerOf('“No,” Max Hess, author of “Economic War, Again,” said.', '“No'), 'Max Hess');
    assert.equal(speakerOf('Max Hess, author of “Economic War,” said the West “was wrong.”', '“was'), 'Max Hess');
    // Not a quote in the appositive that is no title, its mark never closed.
    assert.equal(speakerOf('“No,” Max Hess, author of “Economic War and more, said.', '“No'), null);
    assert.equal(speakerOf(article, '“neighbours, friends and allies”'), 'Sergei Lavrov'); // … Lavrov …, accusing the West of “luring” Russia’s “…”
  });

  it('finds the attribution of a quote left open after the close of a quote inside it', () => {
    // Article 004: “the further development of Russian-Kazakh relations, … within “the Eurasian space, …,” the Kremlin said.
    assert.equal(speakerOf(corpusText('004'), '“the further development'), 'Kremlin');
    assert.equal(speakerOf('He spoke of “the plan, which “nobody likes,” and left.', '“the plan'), null);
  });

  it('“…,” a few descriptor words, X said', () => {
    assert.equal(speakerOf(corpusText('002'), '“Putin never saw this region'), 'Temur Umarov'); // “…,” Central Asia expert Temur Umarov told Watson
    assert.equal(speakerOf('"We are ready," Kremlin spokesman Dmitry Peskov told reporters.', '"'), 'Dmitry Peskov');
    assert.equal(speakerOf('“No,” Foreign Ministry spokeswoman Maria Zakharova said on Monday.', '“'), 'Maria Zakharova');
    assert.equal(speakerOf('“No,” Kremlin spokesman Mr. Dmitry Peskov said.', '“'), 'Dmitry Peskov');
    // Not when the words between are more than a descriptor, or end with no role or title, or no speech verb follows.
    assert.notEqual(speakerOf('Sen. Lindsey Graham called the overture “a trap,” while Rep. Adam Smith, a Democrat, said no.', '“'), 'Adam Smith');
    assert.equal(speakerOf('“No,” the talks ended and Dmitry Peskov said.', '“'), null);
    assert.equal(speakerOf('“No,” the talks ended and then many of the delegates left with Maria Zakharova said.', '“'), null);
    assert.equal(speakerOf('“No,” Foreign Ministry spokeswoman Maria Zakharova.', '“'), null);
  });

  it('“…,” up to eight descriptor words ending with a role, or the name as their appositive, X said', () => {
    assert.equal(speakerOf('"This is a blatant attempt," CPJ’s Europe and Central Asia program coordinator Gulnoza Said said in a statement.', '"'), 'Gulnoza Said');
    assert.equal(speakerOf('"We have no information," her brother, Farrukh Hakimov, told RFE/RL.', '"'), 'Farrukh Hakimov');
    assert.equal(speakerOf('Li Qiang met them. "China is willing," Li was quoted as saying by Xinhua.', '"'), 'Li Qiang');
    assert.equal(speakerOf('"No," the Kazakh foreign minister, Murat Nurtleu, said.', '"'), 'Murat Nurtleu');
    // A role with what completes it ("for …", "on …") before the appositive.
    assert.equal(speakerOf('“We are worried,” the UN special rapporteur on human rights defenders, Mary Lawlor, said.', '“'), 'Mary Lawlor');
    assert.equal(speakerOf('“We are worried,” the EU’s special representative for Central Asia, Terhi Hakala, told reporters.', '“'), 'Terhi Hakala');
    assert.equal(speakerOf('“We are worried,” said the expert, Anna Petrova.', '“'), 'Anna Petrova');
    // A role between the comma and the name.
    assert.equal(speakerOf('“It is about transparency,” said its author, deputy Nadira Narmatova.', '“'), 'Nadira Narmatova');
    assert.equal(speakerOf('“No,” said its author, the talks over, Nadira Narmatova.', '“'), null);
    // Not descriptors that end with no role, nor an appositive after such words.
    assert.equal(speakerOf('"No," members of the Europe and Central Asia program team Gulnoza Said said.', '"'), null);
    assert.equal(speakerOf('"No," in the end, Farrukh Hakimov, a student, said.', '"'), null);
    assert.equal(speakerOf('“No,” at the end of the talks on trade, Farrukh Hakimov, a student, said.', '“'), null);
  });

  it('takes no attribution from the next sentence when a quote ends its own with a full stop', () => {
    const text = 'Tokayev said Kazakhstan appreciated China\'s "consistent support." Mirziyoyev called the summit "a historic event."';
    assert.equal(speakerOf(text, '"consistent'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf(text, '"a historic'), 'Shavkat Mirziyoyev');
    // A question or a cry may go on in its sentence; so does an attribution in lower case, or after a dash.
    assert.equal(speakerOf('Tokayev arrived. "Why now?" Mirziyoyev asked.', '"Why'), 'Shavkat Mirziyoyev');
    assert.equal(speakerOf('Tokayev arrived. "It is over." he said.', '"It is'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Tokayev arrived. “We are ready.” — Mirziyoyev.', '“We'), 'Shavkat Mirziyoyev');
  });

  it('continues the previous speaker only when no one else speaks in the quote’s sentence', () => {
    const marat = '“Implementation is the hard part,” said Erica Marat, a professor.\n\n';
    assert.equal(speakerOf(`${marat}“We just want to live normally,” said Gulnara, a teacher.`, '“We just'), 'Gulnara');
    assert.equal(speakerOf(`${marat}“We just want to live normally,” she added.`, '“We just'), 'Erica Marat');
    assert.equal(speakerOf(`${marat}“We just want to live normally,” said the professor.`, '“We just'), 'Erica Marat');
    // Whom the speaker spoke with in the attribution is no one else speaking; someone named in a sentence after it is.
    const talks = '“All is agreed,” Putin told journalists after talks with Chinese President Xi Jinping in Beijing. “What remains are details.”';
    assert.equal(speakerOf(talks, '“What remains'), 'Vladimir Putin');
    assert.equal(speakerOf(talks.replace(' “What', ' Xi Jinping nodded. Li Qiang said nothing. “What'), '“What remains'), null);
    // (Right after a sentence of what a person does, the quote is theirs: see the test of such sentences.)
    assert.equal(speakerOf(talks.replace(' “What', ' Xi Jinping smiled. “What'), '“What remains'), 'Xi Jinping');
    // (A common given name of the region with a speech verb is a person's: hers, not the professor's.)
    assert.equal(speakerOf(`${marat}“We just want to live normally,” Gulnara added.`, '“We just'), 'Gulnara');
    assert.equal(speakerOf(`${marat}“We just want to live normally,” Zhibek added.`, '“We just'), null);
    assert.equal(speakerOf(`${marat}“We just want to live normally.”`, '“We just'), 'Erica Marat');
    const said = '"This is a historic day," Japarov said at the ceremony.\n\n';
    assert.equal(speakerOf(said + '"We will not stop here."', '"We will not'), 'Sadyr Japarov');
    // Nor across a dateline, which opens another story of a round-up.
    assert.equal(speakerOf(said + 'DUSHANBE (Reuters) - Parliament banned "clothing alien to national culture, as it was put."', '"clothing'), null);
    assert.equal(speakerOf(said + 'The Russian foreign ministry said it was "an example for the region".', '"an example'), null);
    // What no one person is, or someone new with "a", as the attribution's subject.
    for (const attribution of ['the ministry said', 'officials told reporters', 'said the statement', 'the embassy’s press office said', 'a spokeswoman said', 'said an official', 'it said in a statement', 'the brokerage wrote in a note', 'people shouted']) {
      assert.equal(speakerOf(`${said}"We will not be bullied," ${attribution}.`, '"We will not'), null, attribution);
    }
    // Not such words after the verb, nor "a" anywhere but the subject's start.
    for (const attribution of ['the professor said in a statement', 'the 70-year-old said in a statement', 'the 70-year-old told a news conference', 'he said in a report']) {
      assert.equal(speakerOf(`${marat}"We will not be bullied," ${attribution}.`, '"We will not'), 'Erica Marat', attribution);
    }
  });

  it('gives a headline pull-quote the speaker who says it later', () => {
    assert.equal(speakerOf(corpusText('000'), '“We want respect”'), 'Emomali Rahmon');
  });

  it('finds the subject of a speech verb before the quote', () => {
    assert.equal(speakerOf(corpusText('000'), '“poison the atmosphere'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf(corpusText('001'), '“poisoning the atmosphere'), 'Kassym-Jomart Tokayev');
  });

  it('finds a speaker named in an appositive: “The Russian president, Vladimir Putin, has said …”', () => {
    assert.equal(speakerOf("The Russian president, Vladimir Putin, has said Moscow is 'open to a political settlement'.", "'open"), 'Vladimir Putin');
    assert.equal(speakerOf('Ukraine’s foreign minister, Dmytro Kuleba, said Kyiv would “never accept” it.', '“never'), 'Dmytro Kuleba');
    assert.equal(speakerOf('“No,” said the Kazakh president, Kassym-Jomart Tokayev.', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('“No,” said the talks, Kassym-Jomart Tokayev.', '“'), null);
  });

  it('takes the person who starts the sentence when a speech verb comes further on, and the one “who said”', () => {
    assert.equal(speakerOf('Tokayev met Putin and said: “We agree.”', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Tokayev met Putin, who said: “We agree.”', '“'), 'Vladimir Putin');
    // Not a pronoun that starts it: whom “he” stands for is less sure there.
    assert.equal(speakerOf('Putin arrived. He greeted the hosts and said: “Thank you.”', '“'), null);
    // Descriptors that end with a role may come first.
    assert.equal(speakerOf('China’s Foreign Ministry spokesperson Lin Jian declined to comment, saying it was “an internal affair.”', '“'), 'Lin Jian');
    assert.equal(speakerOf('China’s Foreign Ministry spokesperson Lin Jian declined to comment, and it was “an internal affair.”', '“'), null);
    assert.equal(speakerOf('In Beijing on Monday Lin Jian declined to comment, saying it was “an internal affair.”', '“'), null);
    assert.equal(speakerOf('Chinese President Xi Jinping’s spokesman said Beijing “respects the choices” of its neighbours.', '“'), null);
  });

  it('reads past an affiliation, prefers a person to an organisation, and knows “as X put it”', () => {
    assert.equal(speakerOf('In a new paper, Nargis Kassenova of Harvard University argues that the leaders are "hedging, not choosing."', '"'), 'Nargis Kassenova');
    assert.equal(speakerOf('Temur Umarov of the Carnegie Russia Eurasia Center said: “No.”', '“'), 'Temur Umarov');
    assert.equal(speakerOf('Putin met NATO, which said: “No.”', '“'), 'NATO');
    // The name an appositive, the affiliation closed by its comma, lower-case words ending the body's name.
    const briefing = 'BEIJING - Mao Ning, a spokeswoman, spoke.\n\n';
    assert.equal(speakerOf(`${briefing}A reporter from Kazakhstan, Aliya Serikbayeva of the Kazinform news agency, asked: "What results?"`, '"What'), 'Aliya Serikbayeva');
    // Not a name after a phrase put first, whose comma is no appositive's.
    assert.equal(speakerOf(`${briefing}At the briefing, Aliya Serikbayeva of the Kazinform news agency, Mao Ning said: "What results?"`, '"What'), 'Mao Ning');
    const said = '“Central Asia is our friend,” Foreign Ministry spokesman Lin Jian told a briefing.\n\n';
    assert.equal(speakerOf(said + 'As one Kazakh diplomat put it: “We cannot choose our neighbours.”', '“We cannot'), null);
  });

  it('reads “Tokayev: …”, “… — Tokayev.” and “X hailed it as …”', () => {
    assert.equal(speakerOf('Tokayev: “We will not recognise the referendum”', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Kazakh President Tokayev: “No.”', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('“We are ready” — Tokayev.', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Mirziyoyev hailed the deal as “historic,” adding that trade would double.', '“'), 'Shavkat Mirziyoyev');
    // Not a name the colon or the dash does not make the speaker of.
    assert.equal(speakerOf('It went badly for Putin: “At the moment we lose.”', '“'), null);
    assert.equal(speakerOf('“We are ready” — Tokayev and Putin met.', '“'), null);
    assert.equal(speakerOf('“We are ready” — Tokayev, in an interview.', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('• “We are not between Russia and China.” — Kazakh political scientist Zhanar Omarova, speaking on a podcast.', '“'), 'Zhanar Omarova');
    assert.equal(speakerOf('“We are ready” — a Kazakh political scientist, Zhanar Omarova and others met.', '“'), null);
  });

  it('finds the leader “the Russian leader” means: the last one of that country named before', () => {
    // A building that stands for a government as the demonym: "the Kremlin leader", not its spokesman.
    const talks = 'President Vladimir Putin met Kyrgyz President Sadyr Japarov. Kremlin spokesman Dmitry Peskov was there.\n\n';
    assert.equal(speakerOf(`${talks}“We are against bloc thinking,” the Kremlin leader said.`, '“We are'), 'Vladimir Putin');
    assert.equal(speakerOf(`${talks}“We are against bloc thinking,” the Kremlin spokesman said.`, '“We are'), 'Dmitry Peskov');
    assert.equal(speakerOf('Putin met Xi in Moscow. “We are friends,” the Russian leader said.', '“'), 'Vladimir Putin');
    assert.equal(speakerOf('Putin met Xi. The Chinese leader said: “We agree.”', '“'), 'Xi Jinping');
    assert.equal(speakerOf('Tokayev spoke first. “We are ready,” the Kazakh president told delegates.', '“'), 'Kassym-Jomart Tokayev');
    // A leader the KB does not know, by the country of his title.
    assert.equal(speakerOf('Kyrgyz President Adilbek Sultanov came. “Yes,” the Kyrgyz leader said.', '“'), 'Adilbek Sultanov');
    // No Uzbek leader named: no speaker.
    assert.equal(speakerOf('Putin met Xi. “No,” the Uzbek president said.', '“'), null);
    // The office the words name: the foreign minister, not the president named since (TASS style).
    const tass = 'Russian Foreign Minister Sergey Lavrov spoke after Vladimir Putin left. ';
    assert.equal(speakerOf(`${tass}“We have never refused contacts,” the Russian top diplomat stressed.`, '“'), 'Sergei Lavrov');
    assert.equal(speakerOf(`${tass}“No,” the Russian foreign minister said.`, '“'), 'Sergei Lavrov');
    assert.equal(speakerOf(`${tass}“No,” the Russian president said.`, '“'), 'Vladimir Putin');
    assert.equal(speakerOf(`${tass}According to the Russian foreign minister, Moscow expects “concrete steps” from them.`, '“'), 'Sergei Lavrov');
    assert.equal(speakerOf(`${tass}“No,” the Russian defence minister said.`, '“'), null);
    // The country's possessive, as the demonym.
    assert.equal(speakerOf(`${tass}Russia’s top diplomat said that “the West is waging war.”`, '“'), 'Sergei Lavrov');
    assert.equal(speakerOf(`${tass}“No,” Russia's foreign minister said.`, '“'), 'Sergei Lavrov');
    assert.equal(speakerOf(`${tass}Russia’s foreign ministry said that “the West is waging war.”`, '“'), null);
  });

  it('reads past two appositives, and verbs that characterise (“dismissed … as”, “praised …”)', () => {
    assert.equal(speakerOf('Senator Lindsey Graham, Republican of South Carolina, who has pushed for sanctions, said they should “stop talking.”', '“'), 'Lindsey Graham');
    assert.equal(speakerOf('The Russian Foreign Ministry spokeswoman, Maria Zakharova, dismissed the remarks as “theater.”', '“'), 'Maria Zakharova');
    assert.equal(speakerOf('Critics, such as Fyodor Lukyanov, editor of Russia in Global Affairs, contend that “the West overestimates its leverage.”', '“'), 'Fyodor Lukyanov');
    for (const verb of ['praised', 'condemned', 'criticised', 'slammed']) assert.equal(speakerOf(`Defence Minister Andrei Belousov ${verb} “the courage of our soldiers.”`, '“'), 'Andrei Belousov', verb);
    // Not three, nor an appositive that runs past 120 characters.
    assert.equal(speakerOf('Senator Lindsey Graham, a Republican, of South Carolina, who pushed, said it was “done.”', '“'), null);
    assert.equal(speakerOf(`Senator Lindsey Graham, ${'a very long appositive '.repeat(6)}, said it was “done.”`, '“'), null);
  });

  it('gives no one a quote two speak together, nor to a name inside a clause', () => {
    assert.equal(speakerOf('In a joint statement, Putin and Xi said the two countries would “deepen strategic coordination”.', '“'), null);
    assert.equal(speakerOf('In a joint statement, Putin & Xi said they would “deepen coordination”.', '“'), null);
    assert.equal(speakerOf('Putin said: “We agree.”', '“'), 'Vladimir Putin');
    assert.equal(speakerOf('The Chinese leader, greeted by the deputy prime minister Dmitry Chernyshenko, said it would be “fruitful”.', '“'), null);
    // But a name with its descriptors may be the appositive, and the verb theirs.
    assert.equal(speakerOf('“Yes,” said Ivan Petrov, an analyst. Its coordinator for the mission, Danish lawmaker Henrik Sand, told reporters it went well. “It is new,” he said.', '“It'), 'Henrik Sand');
    assert.equal(speakerOf('The Chinese leader, greeted by minister Dmitry Chernyshenko, said it would be “fruitful”.', '“'), null);
    assert.equal(speakerOf('Speaking to reporters, Yuri Ushakov, a Kremlin foreign policy aide, said they had met. “The topic was raised,” Ushakov said.', '“'), 'Yuri Ushakov');
  });

  it('gives “the president said” or “the 70-year-old leader added” to the last leader named who holds such an office', () => {
    assert.equal(speakerOf('Tokayev, 70, said the country was ready. “We are prepared,” the 70-year-old leader added.', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Lavrov met Putin on Monday. “We are prepared,” the president said.', '“'), 'Vladimir Putin');
    assert.equal(speakerOf('Lavrov met Putin on Monday. The foreign minister said: “We are prepared.”', '“'), 'Sergei Lavrov');
    // No leader named before: no one, not the last who spoke.
    assert.equal(speakerOf('“Yes,” said Anna Petrova, an analyst. “We are prepared,” the president said.', '“We'), null);
    // One who holds the office before one who held it, though named later — and the other way for "the former president".
    const son = 'President Serdar Berdimuhamedov opened a city named after his father, Gurbanguly Berdimuhamedov.';
    assert.equal(speakerOf(`${son} “It is a symbol of our era,” the president said.`, '“'), 'Serdar Berdimuhamedow');
    assert.equal(speakerOf(`${son} “It is a symbol of our era,” the former president said.`, '“'), 'Gurbanguly Berdimuhamedow');
    assert.equal(speakerOf('Tokayev met Nazarbayev. “We are prepared,” the Kazakh president said.', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Nazarbayev ruled until 2019. “We are prepared,” the president said.', '“'), 'Nursultan Nazarbayev');
  });

  it('reads past an affiliation with “to” or “for” in its name', () => {
    assert.equal(speakerOf('The embassy said it was “disappointed.” Gulnoza Said of the Committee to Protect Journalists urged authorities to “free them immediately.”', '“free'), 'Gulnoza Said');
  });

  it('reads “media quoted X as saying …”', () => {
    assert.equal(speakerOf('Li Qiang left. Chinese state media quoted Li as saying the ties were “at their best in history.”', '“'), 'Li Qiang');
    assert.equal(speakerOf('Xinhua quoted Chinese Premier Li Qiang as saying: “We are friends.”', '“'), 'Li Qiang');
    assert.equal(speakerOf('Xinhua quoted a source close to Li Qiang as saying: “We are friends.”', '“'), null);
    // A person named before who quotes another, with the other's title or role in an appositive.
    const meeting = 'Ruslan Abenov, a deputy minister, opened the meeting. ';
    assert.equal(speakerOf(`${meeting}Abenov quoted Energy Minister Almassadam Satkaliyev as saying that it was "a matter of national security."`, '"'), 'Almassadam Satkaliyev');
    assert.equal(speakerOf(`${meeting}Abenov quoted the Kazakh energy minister, Almassadam Satkaliyev, as saying that it was "a matter of national security."`, '"'), 'Almassadam Satkaliyev');
  });

  it('reads “• Putin: “…”” in a list', () => {
    assert.equal(speakerOf('Key points\n• Putin: "We will not retreat."\n• Zelenskyy: "Never."', '"We'), 'Vladimir Putin');
    assert.equal(speakerOf('Key points\n• Putin: "We will not retreat."\n• Zelenskyy: "Never."', '"Never'), 'Volodymyr Zelensky');
  });

  it('reads “11:50 — Putin: “…”” in a live report', () => {
    assert.equal(speakerOf('11:50 — Russian President Vladimir Putin: "The multipolar world has become a reality."', '"'), 'Vladimir Putin');
    assert.equal(speakerOf('Live\n\n9.05 GMT - Putin: "We will not retreat."', '"'), 'Vladimir Putin');
    assert.equal(speakerOf('At 11:50 — Putin: "We will not retreat."', '"'), null);
  });

  it('gives “the Kremlin spokesman said” to the person introduced with that role', () => {
    const text = 'Kremlin Spokesman Dmitry Peskov told reporters that Russian President Vladimir Putin had no plans to call. ';
    assert.equal(speakerOf(`${text}“There are no such plans,” the Kremlin spokesman said.`, '“'), 'Dmitry Peskov');
    assert.equal(speakerOf(`${text}The Kremlin spokesman said: “There are no such plans.”`, '“'), 'Dmitry Peskov');
    assert.equal(speakerOf('Dmitry Peskov, the Kremlin spokesman, met Putin, who said so. “No plans,” the spokesman said.', '“'), 'Dmitry Peskov');
    // The title the very first words of the text (which once read a character before the text, and threw).
    assert.equal(speakerOf('Spokesman Dmitry Peskov arrived. “No,” the spokesman said.', '“'), 'Dmitry Peskov');
    assert.equal(speakerOf('President Anna Petrova arrived. “No,” the president said.', '“'), 'Anna Petrova');
    // Not when someone unnamed was introduced with the role since: nor is the statement before continued.
    const unnamed = 'Deputy Prime Minister Edil Baisalov defended the bill. According to Baisalov, the law “does not ban anything.”\n\nOne official at the Foreign Ministry, who asked not to be named, said the law could hurt relations. “We will pay a price,” the official said.';
    assert.equal(speakerOf(unnamed, '“does'), 'Edil Baisalov');
    assert.equal(speakerOf(unnamed, '“We will'), null);
    assert.equal(speakerOf(unnamed.replace('One official at the Foreign Ministry, who asked not to be named,', 'He'), '“We will'), 'Edil Baisalov');
    assert.equal(speakerOf(unnamed.replace('One official at the Foreign Ministry, who asked not to be named, said', 'As he left, said an official,'), '“We will'), null);
    assert.equal(speakerOf(unnamed.replace('One official at the Foreign Ministry, who asked not to be named,', 'A Turkish foreign ministry official, speaking on condition of anonymity,'), '“We will'), null);
    // After a comma too, unless it is the appositive of the one named before it (an age between).
    const executive = 'Roman Vassilenko, the deputy foreign minister, stressed the point.\n\nSeparately, a senior KazMunayGas executive met us. The executive said, "We need the gas."';
    assert.equal(speakerOf(executive, '"We need'), null);
    assert.equal(speakerOf(executive.replace('Separately, a senior KazMunayGas executive met us.', 'We met Ivan Petrov, a senior executive at KazMunayGas.'), '"We need'), 'Ivan Petrov');
    assert.equal(speakerOf(executive.replace('Separately, a senior KazMunayGas executive met us.', 'We met Ivan Petrov, 45, a senior executive at KazMunayGas.'), '"We need'), 'Ivan Petrov');
  });

  it('gives a role no one before was introduced with to the one the text introduces with it soon after', () => {
    // "a spokeswoman said", then "The spokeswoman, Mao Ning, told": the headline's repeat of the quote too.
    const briefing = 'China says ties "at their best in history"\n\nBEIJING - Ties are "at their best in history", a foreign ministry spokeswoman said on Monday.\n\nThe spokeswoman, Mao Ning, told a briefing that the meeting would go ahead.';
    assert.equal(speakerOf(briefing, '"at their'), 'Mao Ning');
    assert.equal(recognize(briefing, kb).quotes.map((q) => q.speaker).join(), 'Mao Ning,Mao Ning');
    // A subject before the quote, then "the prosecutor said" after it, and the name later in an appositive.
    const trial = 'In closing arguments, a state prosecutor told the court that the money “was spent on villas”.\n\n“Every tenge was stolen,” the prosecutor said.\n\nSpeaking to reporters, the prosecutor, Yerlan Abenov, said his office would appeal.';
    assert.equal(speakerOf(trial, '“was spent'), 'Yerlan Abenov');
    assert.equal(speakerOf(trial, '“Every tenge'), 'Yerlan Abenov');
    // "he said" after the unnamed spokesman, who is named after with the role and a clause.
    const blog = '12:35 — A spokesman for the Uzbek foreign ministry told journalists that a declaration was being finalised. "The text is agreed," he said.\n\n13:00 — Farrukh Ergashev, the foreign ministry spokesman we quoted earlier, now says the signing will take place at two.';
    assert.equal(speakerOf(blog, '"The text'), 'Farrukh Ergashev');
    // Not another of the role, nor one named with another role, nor one named far later.
    const official = '“We will see,” an official said.';
    assert.equal(speakerOf(`${official} Another official, Ivan Petrov, disagreed.`, '“We will'), null);
    assert.equal(speakerOf(`${official} The analyst, Ivan Petrov, disagreed.`, '“We will'), null);
    assert.equal(speakerOf(`${official}${'\n\nThe talks went on for hours and ended late.'.repeat(40)}\n\nThe official, Ivan Petrov, disagreed.`, '“We will'), null);
  });

  it('takes the speaker nearest the quote when two speak in its sentence', () => {
    const text = 'Lindsey Graham, a senator, called it “a trap,” while Adam Smith, an analyst, said the plan should be tested, calling it “worth a try.”';
    assert.equal(speakerOf(text, '“worth'), 'Adam Smith');
    assert.equal(speakerOf(text, '“a trap'), 'Lindsey Graham');
  });

  it('finds “said X” inside a quote that never closed', () => {
    assert.equal(speakerOf(corpusText('001'), '“We want respect'), 'Emomali Rahmon');
  });

  it('resolves “she said” to the one whose appositive ends with another name, not to that name', () => {
    const widow = 'Yulia Navalnaya, the widow of opposition leader Alexei Navalny, called on governments to respond. "Putin is not Russia," she said.';
    assert.equal(speakerOf(widow, '"Putin'), 'Yulia Navalnaya');
    // A name that is itself the appositive is the subject still.
    assert.equal(speakerOf('The opposition leader, Alexei Navalny, called on them to act. "Putin is not Russia," he said.', '"Putin'), 'Alexei Navalny');
  });

  it('reads “the President of Uzbekistan said”, and a title with its complement before a name as what introduces it', () => {
    const visit = 'Vladimir Putin arrived in Tashkent. Shavkat Mirziyoyev greeted him. "Your visit is historic," the President of Uzbekistan said.';
    assert.equal(speakerOf(visit, '"Your'), 'Shavkat Mirziyoyev');
    assert.equal(speakerOf(visit.replace('of Uzbekistan', 'of Russia'), '"Your'), 'Vladimir Putin');
    const ministers = 'Energy Minister Sergey Tsivilev came too.\n\nEarlier, Foreign Minister of Uzbekistan Bakhtiyor Saidov said trade was growing. "More than half is in rubles," the minister said.';
    assert.equal(speakerOf(ministers, '"More'), 'Bakhtiyor Saidov');
  });

  it('reads a person’s words named by a noun of speech, and continues no statement into a sentence of its own subject', () => {
    const remark = 'Dmitry Peskov’s remark on Tuesday that contacts were continuing “at the working level” drew a mixed reaction. The liberal channel Nezavisimy Analitik mocked the phrase: “Nobody important is answering.”';
    assert.equal(speakerOf(remark, '“at the'), 'Dmitry Peskov');
    assert.equal(speakerOf(remark, '“Nobody'), null);
    // Not words others said of the remark.
    assert.equal(speakerOf('Critics called Dmitry Peskov’s remarks “absurd”.', '“absurd'), null);
    // "A line from X …:" and "a dispatch from our correspondent X:", the last named before the colon.
    const blog = '11:00 — Emomali Rahmon spoke on water.\n\n11:07 — A line from Rahmon that is already being shared by delegates: “Water does not recognise borders.”\n\n';
    assert.equal(speakerOf(blog, '“Water'), 'Emomali Rahmon');
    assert.equal(speakerOf(`${blog}14:48 — One last dispatch from our correspondent Madina Rashidova in the press centre: “It is signed.”`, '“It is'), 'Madina Rashidova');
    // Not when someone else is named after, nor without the colon.
    assert.equal(speakerOf(`${blog}11:09 — A letter from Rahmon arrived, and Ivan Petrov, an analyst, read it aloud: “Dear friends.”`, '“Dear'), null);
    assert.equal(speakerOf(`${blog}11:09 — A letter from Rahmon arrived with “greetings”.`, '“greetings'), null);
  });

  it('reads “in his words”, an affiliation closing an opening appositive, and no clause after “while” as an attribution', () => {
    const mehta = 'Analyst Anna Petrova spoke first.\n\nRohan Mehta, a senior fellow at a Delhi centre, argued that India had an offer. In his words: "India does not come with debt traps."';
    assert.equal(speakerOf(mehta, '"India'), 'Rohan Mehta');
    assert.equal(speakerOf('Analyst Ivan Petrov spoke. Maria Zakharova disagreed. In her words, the reports are part of a campaign of «anti-Russian hysteria».', '«'), 'Maria Zakharova');
    const price = 'Analyst Rebecca Holloway spoke first.\n\nAnother analyst, Jonathan Price of the Center for Strategic Frontiers, cautioned that leaders would wait. "They will take deals gladly," he said.';
    assert.equal(speakerOf(price, '"They'), 'Jonathan Price');
    assert.equal(speakerOf('Uzbek President Shavkat Mirziyoyev, the host, called the summit "historic", while Kazakh President Kassym-Jomart Tokayev said Europe invested.', '"historic'), 'Shavkat Mirziyoyev');
  });

  it('gives “the official said” to no one after an unnamed official named in the sentence before, or when the attribution says so', () => {
    const text = 'A Kremlin official, speaking on condition of anonymity, said President Vladimir Putin had no view yet. "The president will look at the text," the official said. "Then we will see."';
    assert.equal(speakerOf(text, '"The president'), null);
    assert.equal(speakerOf(text, '"Then'), null);
    assert.equal(speakerOf('Donald Trump spoke first.\n\n"The envoy believes there is a framework," the official said, speaking on condition of anonymity.', '"The envoy'), null);
    assert.equal(speakerOf('Kremlin official Ivan Petrov briefed reporters. "The president will look at the text," the official said.', '"The president'), 'Ivan Petrov');
  });

  it('gives a leader’s old name, a common family name, to another of that name named in full', () => {
    assert.equal(speakerOf('Deputy Finance Minister Akmal Rakhmonov spoke. "Opacity costs more," Rakhmonov said.', '"Opacity'), 'Akmal Rakhmonov');
    assert.equal(speakerOf('Emomali Rakhmonov, as he was then called, spoke. "Opacity costs more," Rakhmonov said.', '"Opacity'), 'Emomali Rahmon');
  });

  it('reads “According to X, Y said …” as Y’s words, “Her answer was: …” as hers, and “laughed X” as an attribution', () => {
    assert.equal(speakerOf('Tokayev called Putin, his press secretary, Berik Uali, said. According to Uali, Tokayev said the result “clearly demonstrates support”.', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('According to Uali, the result “clearly demonstrates support”.', '“'), null);
    assert.equal(speakerOf('According to press secretary Berik Uali, the result “clearly demonstrates support”.', '“'), 'Berik Uali');
    assert.equal(speakerOf('Putin spoke first. The Chinese Foreign Ministry spokeswoman, Mao Ning, was asked about it. Her answer was: “It is not directed against anyone.”', '“'), 'Mao Ning');
    assert.equal(speakerOf('Putin spoke first. Mao Ning was asked about it. His answer was short: “It is not directed against anyone.”', '“'), 'Vladimir Putin');
    assert.equal(speakerOf('“Everybody has a VPN,” laughed Aizat Sydykova, a student.', '“'), 'Aizat Sydykova');
    assert.equal(speakerOf('“We will not chase volume,” Chief Executive Officer Meirzhan Yussupov said.', '“'), 'Meirzhan Yussupov');
    // "“…,” according to X" after the quote; a source not found continues no statement.
    assert.equal(speakerOf('“We will build it,” Japarov said. “It is a mistake,” according to the political scientist Marat Seitkaliyev.', '“It'), 'Marat Seitkaliyev');
    assert.equal(speakerOf('“We will build it,” Japarov said. “It is a mistake,” according to the ministry.', '“It'), null);
    assert.equal(speakerOf('“We will build it,” Japarov said. “It is a mistake,” according to reports that quoted Dmitry Peskov.', '“It'), null);
    // "he would later say"; no attribution after "and" opening another clause; a participle of speech after a role's name.
    assert.equal(speakerOf('Nazarbayev signed it. “The Union left us,” he would later say.', '“'), 'Nursultan Nazarbayev');
    assert.equal(speakerOf('Tokayev said Kazakhstan should make “finished fuel,” and Energy Minister Almasadam Satkaliyev told reporters it was done.', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Critics liked it. Russian critic Pavel Ostrovsky was more cautious, telling a panel that the film “flirts with tourism” at times.', '“'), 'Pavel Ostrovsky');
    // Whom "he" stands for after "an engineer named …" opens a paragraph.
    assert.equal(speakerOf('“We dig,” said Almaz Sadykov, a miner.\n\nSadykov’s shift supervisor, an engineer named Nurbek Asanaliev, put it another way. The mine, he said, was running “at the edge.”', '“at'), 'Nurbek Asanaliev');
    // A source "according to" in the quote's sentence: the statement before is not continued.
    assert.equal(speakerOf('“I don’t know where he is,” said Galina Sergeyeva, a pensioner.\nThe ministry said its forces held. According to the ministry, troops, “with the support of aviation,” held the line.', '“with'), null);
    // An aside between dashes after the name.
    assert.equal(speakerOf('Asked about Navalny, Putin — who for years avoided saying his name in public — said: “He passed away.”', '“'), 'Vladimir Putin');
    assert.equal(speakerOf('Asked about Navalny, Putin—who for years avoided saying his name—said: “He passed away.”', '“'), 'Vladimir Putin');
    assert.equal(speakerOf('Xi Jinping said: “Yes.” They met Putin — who was tired. The rain fell — said to be cold. “No,” he said.', '“No'), 'Xi Jinping');
  });

  it('reads “the 34-year-old from Kulob said” as “he said”', () => {
    assert.equal(speakerOf('Farrukh Sharipov, a builder, lives in Moscow.\n\n"Everything changed," the 34-year-old from Kulob said by phone.', '"Everything'), 'Farrukh Sharipov');
  });

  it('gives the writer’s scare quotes after “so-called” to no one', () => {
    assert.equal(speakerOf('Tokayev said Kazakhstan would not recognise the so-called “referendums” in Ukraine.', '“referendums'), null);
    // Nor the name of a charge in a speaker's sentence.
    assert.equal(speakerOf('Tokayev has promised that the country “respects the freedom of all”, but a man got a five-year sentence for “inciting discord” after posting lectures.', '“inciting'), null);
    assert.equal(speakerOf('Tokayev said Kazakhstan would not recognise the “referendums” in Ukraine.', '“referendums'), 'Kassym-Jomart Tokayev');
  });

  it('reads a colon before the quote after the person who starts the sentence, and “the elder X told”', () => {
    assert.equal(speakerOf('Shavkat Mirziyoyev also invited Chinese carmakers to Tashkent: “Come and produce here.”', '“Come'), 'Shavkat Mirziyoyev');
    // Not a possessive, nor with someone else named between.
    assert.equal(speakerOf('Shavkat Mirziyoyev’s banner read: “Come and produce here.”', '“Come'), null);
    assert.equal(speakerOf('Shavkat Mirziyoyev also invited Analyst Ivan Petrov to Tashkent: “Come and produce here.”', '“Come'), null);
    assert.equal(speakerOf('“You are always welcome,” the elder Berdimuhamedov told the Russian leader.', '“You are'), 'Gurbanguly Berdimuhamedow');
  });

  it('reads a role doing something before a colon as the one introduced with it, and a leader by demonym and title opening the sentence, a speech verb further on', () => {
    const trial = 'Judge Aigerim Zhakupova read the verdict. “It is proven,” she said.\n\nDaniyar Tulegenov insisted he was innocent. “I took nothing,” he told the court.\n\n';
    assert.equal(speakerOf(`${trial}When he turned towards the cameras, the judge cut him short: “Address the court.”`, '“Address'), 'Aigerim Zhakupova');
    assert.equal(speakerOf(`${trial}The presiding judge was blunt: “Address the court.”`, '“Address'), 'Aigerim Zhakupova');
    // Not a preposition's object, not a role no one was introduced with, not past a comma.
    assert.equal(speakerOf(`${trial}When he turned towards the cameras, he looked at the judge angrily: “Address the court.”`, '“Address'), 'Daniyar Tulegenov');
    assert.equal(speakerOf(`${trial}The prosecutor cut him short: “Address the court.”`, '“Address'), null);
    assert.equal(speakerOf(`${trial}The judge nodded, and he went on: “I took nothing.”`, '“I took nothing.”'), 'Daniyar Tulegenov');
    const arrival = 'Kassym-Jomart Tokayev has arrived. The Kazakh president paused for the cameras and said only: “Good morning.”';
    assert.equal(speakerOf(arrival, '“Good'), 'Kassym-Jomart Tokayev');
    // Someone named between may be whom the verb is of.
    assert.equal(speakerOf('Kassym-Jomart Tokayev has arrived. The Kazakh president greeted Analyst Ivan Petrov, who said: “Good morning.”', '“Good'), 'Ivan Petrov');
  });

  it('reads “the minister said” as the minister in office, not a former one, and an appositive subject after a phrase put first', () => {
    // The title with its complement as the appositive's head: "Kazakhstan's Minister of Tourism and Sports, Yerbol Myrzabosynov, said".
    assert.equal(speakerOf('Hungary’s Prime Minister Viktor Orbán came.\n\nKazakhstan’s Minister of Tourism and Sports, Yerbol Myrzabosynov, said costs were high.\n\n“We are not building for a week,” the minister said.', '“We'), 'Yerbol Myrzabosynov');
    const debate = 'Stephen Doughty, the Foreign Office minister responsible for sanctions, opened the debate. Sir Julian Ashby, a former defence minister, said the Treasury was slow.\n\nAsked about refiners, the minister said he would “not speculate on future designations”.';
    assert.equal(speakerOf(debate, '“not speculate'), 'Stephen Doughty');
    assert.equal(speakerOf(debate.replace('the minister said', 'the former minister said'), '“not speculate'), 'Julian Ashby');
    assert.equal(speakerOf('Minister Stephen Doughty opened the debate. Former defence minister Julian Ashby said the Treasury was slow.\n\nAsked about refiners, the minister said he would “not speculate on future designations”.', '“not speculate'), 'Stephen Doughty');
    const envoy = 'Analyst Ivan Petrov spoke first.\n\nOutside the chamber, Ukraine’s ambassador to the UK, Valerii Zaluzhnyi, welcomed the designations. “Britain has been with us,” he told reporters.';
    assert.equal(speakerOf(envoy, '“Britain'), 'Valerii Zaluzhnyi');
    // The subject after a phrase put first: descriptors ending with a role before it, or a participle's phrase.
    const asked = 'Analyst Zhao Minghui said it was close.\n\nAsked whether a deal could be signed this year, Kremlin spokesman Dmitry Peskov was noncommittal. “Work is continuing,” he said.';
    assert.equal(speakerOf(asked, '“Work'), 'Dmitry Peskov');
    const standing = 'Gulzira Mamyrkhan, 52, a teacher, held a photograph of her brother.\n\nMadina Turdakhunova, a researcher, said it had limits. “There is no one,” she said.\n\nStanding on the pavement as the group dispersed, Gulzira Mamyrkhan folded the photograph. “I will come back,” she said.';
    assert.equal(speakerOf(standing, '“I will'), 'Gulzira Mamyrkhan');
    const teacher = 'Gulnora Davlatova, a nurse, said tents were needed.\n\nBy Tuesday evening, a young teacher, Shahlo Rahmonova, was helping to register survivors. “We are counting,” she said.';
    assert.equal(speakerOf(teacher, '“We are counting'), 'Shahlo Rahmonova');
  });

  it('gives “she said” to no one when someone unnamed is the subject of its sentence or the one before', () => {
    const nurse = 'Ogulgerek Annayeva said she paid a local man. “It was a third of my salary,” she told us.\n\nA nurse from a district hospital in Lebap province, who asked not to be identified, said that staff were ordered to leave. “We left two nurses for forty patients,” she said. “If an inspector came, we hid.”';
    assert.equal(speakerOf(nurse, '“We left'), null);
    // Nor does the next quote continue her statement.
    assert.equal(speakerOf(nurse, '“If an inspector'), null);
    // Named in an appositive, or right after, the subject is that person; a phrase may come before it.
    assert.equal(speakerOf(nurse.replace('A nurse from', 'A nurse, Gulnara Saidova, from'), '“We left'), 'Gulnara Saidova');
    assert.equal(speakerOf('Dilbar Usmonova said she felt safer. “Before, men raced here,” she said.\n\nHer son, a university student, was less sure. “It is good for traffic,” he said.', '“It is good'), null);
    assert.equal(speakerOf('Thomas Reiner, a banker, praised him. “He reads every page,” Reiner said.\n\nLater, another banker, based in Dubai, said the debt was a worry. “The assets are excellent,” she said.', '“The assets'), null);
    // Not when the pronoun cannot stand for the unnamed one ("her son … she said"), nor an unnamed one further back.
    assert.equal(speakerOf('Dilbar Usmonova said she felt safer. Her son, a university student, was less sure. “It is good for traffic,” she said.', '“It is good'), 'Dilbar Usmonova');
    assert.equal(speakerOf('A nurse said staff left. Then Dilbar Usmonova, a shopkeeper, arrived. She spoke to us. “It is good for traffic,” she said.', '“It is good'), 'Dilbar Usmonova');
  });

  it('reads a scene’s dialogue: someone unnamed further back past lines of dialogue, the writer’s own questions, answers to a question', () => {
    // Someone unnamed two sentences back, a paragraph of dialogue between, while no one is named since.
    const guard = 'Bakyt Omurzakov, a truck driver, had waited three days. “We sleep in the cab,” he said.\n\nAt the barrier itself, a young border guard in a fur hat checked passports. When I showed my press card, he handed it back.\n\n“No photographs,” he said.\n\n“I’m not taking any.”';
    assert.equal(speakerOf(guard, '“No photographs'), null);
    assert.equal(speakerOf(guard, '“I’m not'), null);
    const boy = 'Bakyt Omurzakov, a truck driver, had waited three days. “We sleep in the cab,” he said.\n\nBack in the queue, a boy of about eight was kicking a bottle. He told me where he lived.\n\n“Are you going to Bishkek?” I asked.\n\n“To my grandmother’s,” he said.';
    assert.equal(speakerOf(boy, '“To my'), null);
    assert.equal(speakerOf(boy.replace('a boy of about eight', 'Omurzakov'), '“To my'), 'Bakyt Omurzakov');
    // "One, a 47-year-old …" and "The child, perhaps three," are someone unnamed.
    assert.equal(speakerOf('Bakyt Omurzakov, a miner, spoke first. “The mine is safe,” he said.\n\nMost would not give their names. One, a 47-year-old with thirty years underground, said he knew the dead.\n\n“The gas was always there,” he said.', '“The gas'), null);
    assert.equal(speakerOf('Zhou Minghui, a teacher, spoke first. "We paid," he said.\n\nThe child, perhaps three, pointed at the cranes. "Big bird," he said.', '"Big'), null);
    // Not past a sentence that names someone: "A career diplomat …, Tokayev took power" is no one unnamed for the "he" two paragraphs on.
    assert.equal(speakerOf('Kassym-Jomart Tokayev, President of Kazakhstan\n\nA career diplomat who once served at Geneva, Tokayev took power in 2019. He has since presented himself as a reformer.\n\nAbroad, Tokayev practises a "multi-vector" foreign policy. He has declined to recognise the annexation, telling Vladimir Putin so in 2022. "We respect the territorial integrity of states," he said then.', '"We respect'), 'Kassym-Jomart Tokayev');
    // An employer is seldom a person ("Her employer, a municipal kindergarten,").
    assert.equal(speakerOf('Svetlana Kuznetsova, a teacher, marched again.\n\nKuznetsova, for her part, has stopped going to the tomb. Her employer, a municipal kindergarten, warned her. But she still posts every Saturday.\n\n"I write to him every night," she said.', '"I write'), 'Svetlana Kuznetsova');
    // Who spoke since someone unnamed was met is whom "he" stands for ("He added: …").
    assert.equal(speakerOf('According to Yerlan Dzhaksybekov, an energy economist in Almaty, the question is the terms.\n\n“Whoever builds it supplies the fuel,” he said. “That is geopolitics.”\n\nHe added: “The West will read it one way.”', '“The West'), 'Yerlan Dzhaksybekov');
    // The writer asking: no one's, and the answer is no continuation of it.
    const writer = 'Bakyt Omurzakov, a truck driver, had waited three days. “Three days,” he said. “Last year it was one.”\n\n“Why?” I asked.';
    assert.equal(speakerOf(writer, '“Why'), null);
    // "his mother said" with no one introduced so: someone unnamed, who continues no one.
    assert.equal(speakerOf('Zhou Minghui, a teacher, spoke first. "We paid," she said.\n\n"Yes," his mother said. "It doesn\'t fly."', '"It doesn'), null);
    // A line of dialogue between leaves the paragraph before it as near as the one before the quote.
    assert.equal(speakerOf('Zhou Minghui, a teacher, came at dawn.\n\n"The line is clear," said Huang Tianfei, a researcher.\n\nBy early afternoon the crowd had thinned. Zhou packed her contracts back into the folder.\n\n"Will you come back tomorrow?" I asked.\n\n"Of course," she said.', '"Of course'), 'Zhou Minghui');
    // An answer in a paragraph of its own is not the asker's, but the one's who spoke before them in the exchange.
    const exchange = '“I need bread more than you,” Irina Belyakova said.\n\n“And?” Semyon Volkovich asked.\n\n“And it is not California.”';
    assert.equal(speakerOf(exchange, '“And it'), 'Irina Belyakova');
    // Lines of dialogue by turns, no question among them: the line before the last's speaker (5b).
    assert.equal(speakerOf(exchange.replace('“And?” Semyon Volkovich asked.', '“So I am hungry,” Semyon Volkovich said.'), '“And it'), 'Irina Belyakova');
    const kitchen = '“Tell her about the exam,” Mohira said.\n\n“What exam?” Gulnara said.\n\n“The Russian exam. The new one.”\n\n“Ah, that.”\n\n“That’s not true,” Mohira said. “He failed the first time.”\n\n“He failed because they asked him about Pushkin.”\n\n“Everybody knows Pushkin.”\n\n“In Oltiariq nobody knows Pushkin.”';
    assert.deepEqual(['“The Russian', '“Ah, that', '“He failed because', '“Everybody knows', '“In Oltiariq'].map((q) => speakerOf(kitchen, q)), ['Mohira', 'Gulnara', 'Gulnara', 'Mohira', 'Gulnara']);
    // The writer's line counts as one of the two sides ("“Journalist?” he asked. / “Journalist.” / “Where are you going?”").
    const border = 'A young guard, who said his name was Azamat, studied my passport.\n\n“Journalist?” he asked.\n\n“Journalist.”\n\n“Where are you going?”\n\n“Vorukh.”\n\n“Vorukh is Tajikistan,” he said.';
    assert.deepEqual(['“Journalist?', '“Journalist.', '“Where', '“Vorukh.', '“Vorukh is'].map((q) => speakerOf(border, q)), ['Azamat', null, 'Azamat', null, 'Azamat']);
    // A news story's paragraphs, each a statement longer than a turn, go on with the last speaker.
    const news = '“We are ready to talk at any level, as we have said many times before,” Dmitry Peskov told reporters on Tuesday.\n\n“The ball is in Washington’s court, and it has been there for months now,” Maria Zakharova said at her weekly briefing.\n\n“There will be no concessions on the main questions, whatever the pressure from the West and whatever they say in Brussels.”';
    assert.equal(speakerOf(news, '“There will'), 'Maria Zakharova');
    // Only lines of dialogue between: narration before the question ends the exchange.
    assert.equal(speakerOf(exchange.replace('said.\n\n', 'said.\n\nThe train slowed.\n\n'), '“And it'), null);
  });

  it('gives a quote with no attribution to whom the sentence just before it, in its paragraph, tells of: “Wang looked at the ground. “…””', () => {
    const haggle = '"We are not against anyone," said Wang Leiming, a teacher.\n\n"Tell him," Gulnara Saidova, a nurse, said.\n\nWang looked at the ground. "Three hundred and twenty."';
    assert.equal(speakerOf(haggle, '"Three'), 'Wang Leiming');
    // Whom "he" stands for; no one for someone unnamed.
    assert.equal(speakerOf(haggle.replace('Wang looked', 'He looked'), '"Three'), 'Wang Leiming');
    assert.equal(speakerOf(haggle.replace('Wang looked', 'Her husband, a tall man in a leather jacket, looked'), '"Three'), null);
    // Not a sentence that tells of speech, nor one with a quote in it, nor one with no verb in lower case (a list of sources).
    assert.equal(speakerOf('"In the evening you can taste it," said Nodira Yusupova, a pharmacist.\n\nHer young son has asthma, she said. "They say the new plant will be cleaner."', '"They say'), 'Nodira Yusupova');
    assert.equal(speakerOf(haggle.replace('Wang looked at the ground.', 'Wang weighed the "fair" price and left.'), '"Three'), null);
    assert.equal(speakerOf(haggle.replace('Wang looked at the ground.', 'Wang shook his brother\'s hand.'), '"Three'), 'Wang Leiming');
    assert.equal(speakerOf('"Business is good," said Nurlan Toktogulov, a trader. His neighbour, a woman in a red headscarf, cut in. "Don\'t listen to him."', '"Don'), null);
    // (Nor words of a quote before: “…?” starts a sentence there.)
    assert.equal(speakerOf('“Korea? My son will not go to Korea,” Gulnora Saidova, a nurse, says firmly. “He cannot even eat spicy food.” “Korea? My son stays home,” Gulnora smiles. “He cannot cook.”', '“He cannot cook'), 'Gulnora Saidova');
    const sources = 'Taalaibek Ibraev, the head of the agency, spoke.\n\nNotes\n\n7. "Mirziyoyev backs Kambarata project". Gazeta.uz. 6 September 2017.\n8. Ibraev, Taalaibek (25 June 2024). "Interview: the dam will pay for itself". 24.kg.\n9. "World Bank backs Central Asia water-energy nexus". The World Bank.';
    assert.equal(speakerOf(sources, '"Interview'), null);
  });

  it('reads the roles and relatives of a scene: “the vendor said” of someone met unnamed, “the husband said”, “said Aigul’s husband, Daniyar”', () => {
    const market = 'President Shavkat Mirziyoyev promised reform.\n\n“Reform is a staircase,” said Dilnoza Rakhimova, an economist.\n\nThe vendor, a man in a doppi skullcap, did not wait to be asked. “Richer?” he said.\n\nRakhimova laughed. “You see?”\n\n“Put me on television,” the vendor said.';
    assert.equal(speakerOf(market, '“Richer'), null);
    assert.equal(speakerOf(market, '“Put me'), null);
    // "Rakhimova laughed." (or "She laughed.") before words is her cue, not words of its own.
    assert.equal(speakerOf(market, '“You see'), 'Dilnoza Rakhimova');
    assert.equal(speakerOf(market.replace('Rakhimova laughed.', 'She laughed.'), '“You see'), 'Dilnoza Rakhimova');
    assert.equal(speakerOf('“Two days,” said Nurlan Abdykadyrov, a trader.\n\nThe driver leaned out of his cab.\n\n“Four if they are not,” the driver said.', '“Four'), null);
    // A vendor named with the role is the one.
    assert.equal(speakerOf(market.replace('The vendor, a man in a doppi skullcap, did', 'Sherzod Karimov, a vendor, did'), '“Put me'), 'Sherzod Karimov');
    // "the husband said" as "his husband said": the one introduced so, else no one.
    const clinic = '“Since when?” asked Saule Zhaksylykova, the doctor.\n\n“That is sixty kilometres,” the husband said.';
    assert.equal(speakerOf(clinic, '“That is'), null);
    assert.equal(speakerOf(clinic.replace('the doctor.', 'the doctor, and her husband, Daniyar Omarov.'), '“That is'), 'Daniyar Omarov');
    assert.equal(speakerOf('"Half of them will not vote at all," said Aigul\'s husband, Daniyar, without looking up.', '"Half'), 'Daniyar');
    // Someone unnamed's cue, an appositive and a verb of speech.
    assert.equal(speakerOf('"Business is good," said Nurlan Toktogulov, a trader. His neighbour, a woman in a red headscarf, cut in. "Don\'t listen to him."', '"Don'), null);
    // Whom scenes meet and seldom name, past a participle's aside after a fronted phrase.
    const court = 'Presidential spokesman Dmitry Peskov declined to comment.\n\nA bailiff in a black uniform walked past. “This is a court, not a market,” he said.';
    assert.equal(speakerOf(court, '“This is'), null);
    assert.equal(speakerOf(court.replace('A bailiff in a black uniform walked past.', 'At one meeting, attended by this reporter, a man in a red cap stood up.'), '“This is'), null);
    // "Near midnight," is a phrase put first; "Serikzhan" is a man's name.
    assert.equal(speakerOf('The groom’s mother, Maral, had cooked for days.\n\n“Remittances matter,” said Luca Anceschi, a professor.\n\nNear midnight, Maral finally sat down.\n\n“Tomorrow we clean,” she said.', '“Tomorrow'), 'Maral');
    assert.equal(speakerOf('Gulnara Turdieva, a mother, waits.\n\n“Yes,” said Serikzhan Bilash, an activist.\n\nShe smiled slightly. “This year, too.”', '“This year'), 'Gulnara Turdieva');
    // "shot back" is a verb of speech; "Jasur", a husband, is no "she".
    assert.equal(speakerOf('"You sold the mountains," said Nurlanbek Asanov, a deputy.\n\nElvira Toktogulova, a minister, laughed. "Slogans."\n\n"No," he shot back, "but they need no dollars."', '"but they'), 'Nurlanbek Asanov');
    assert.equal(speakerOf('Gulchehra Tursunova, a deputy, travels a lot. Her husband, Jasur, an engineer, looks after their daughters. "Without them, there would be no deputy," she said.', '"Without'), 'Gulchehra Tursunova');
  });

  it('meets the unnamed and the unknown of a scene further: “The first was a woman”, a name it does not know doing something, lines of dialogue passed over whole', () => {
    const metro = 'Elvira Nabiullina, the central bank governor, raised rates again.\n\nThe first was a woman in her sixties with a shopping bag. The second was a man of about thirty in a courier\'s jacket.\n\nIt began when she took a pack of butter out of her bag.\n\n“Three hundred and forty roubles,” she said.';
    assert.equal(speakerOf(metro, '“Three'), null);
    // Someone it does not know by name, written so inside a sentence nearby: not one named before.
    const shepherd = 'President Sadyr Japarov promised new roads.\n\nThe shepherd is called Ermat. Ermat spent four years on building sites.\n\n“Why did you come back?” I asked.\n\nHe shrugged. “Because the sheep don’t ask for documents.”';
    assert.equal(speakerOf(shepherd, '“Because'), null);
    // One of the region's common given names is someone: whom "he" then stands for.
    assert.equal(speakerOf(shepherd.replaceAll('Ermat', 'Tilek'), '“Because'), 'Tilek');
    // (Not a noun opening a sentence: "Traffic slowed.")
    assert.equal(speakerOf('“We will build roads,” said President Sadyr Japarov.\n\nTraffic slowed to a crawl.\n\n“Next year,” he said.', '“Next'), 'Sadyr Japarov');
    // Lines of dialogue are passed over whole: the old man three lines back, past a possessor ("Stalin’s death") too.
    const teahouse = 'The fourth man, who had not spoken yet, laughed. He said he remembered Stalin’s death.\n\n“In 1953 my father cried,” he said. “Everybody cried. Then they said he was a criminal. Politics is like that. You cry either way. So it goes.”\n\n“Is that better or worse?”\n\nHe considered this seriously. “The houses are better.”';
    assert.equal(speakerOf(teahouse, '“In 1953'), null);
    assert.equal(speakerOf(teahouse, '“The houses'), null);
    assert.equal(speakerOf('“Bed six,” said Jamshed Kurbonov, the doctor.\n\nAround three, Rustam Nazarov, a retired driver, sat up on the quilt.\n\n“In my time we all worked,” he said.', '“In my time'), 'Rustam Nazarov');
    // A preposition's phrase before a title and a name is no subject's descriptors: "Under laws signed by President Vladimir Putin, books …".
    assert.equal(speakerOf('Boris Feldman, 68, a bookseller, sat there.\n\nFeldman has run the shop since 1993. Under laws signed by President Vladimir Putin, books must carry labels.\n\n"I sell books," he said.', '"I sell'), 'Boris Feldman');
    // A possessor is no speech event: "shrugged when told of Abenov's comments" leaves Tokoev the subject.
    assert.equal(speakerOf('His coach, Nurbol Abenov, was more cautious. "We respect them," he said.\n\nAcross the field, the players were unbothered. Their captain, Azamat Tokoev, shrugged when told of Abenov\'s comments. "Every host says this," he said.', '"Every host'), 'Azamat Tokoev');
    // "introduced to me only as Domla" names him, and the old man's "he said" is his.
    assert.equal(speakerOf('The fourth man laughed. He was introduced to me only as Domla, the teacher. He said he remembered Stalin’s death.\n\n“In 1953 my father cried,” he said.', '“In 1953'), 'Domla');
    // Whom the writer asked is who answers "he said".
    const train = 'On my right was a software developer named Zhou Lei.\n\nPresident Xi Jinping has called the network a symbol of rejuvenation, and Premier Li Qiang said last year that the country would keep investing.\n\nI asked Zhou whether he worried about that.\n\n"The line makes money," he said.';
    assert.equal(speakerOf(train, '"The line'), 'Zhou Lei');
    // In the present tense too ("I ask Davron what tomorrow will look like.").
    assert.equal(speakerOf('Davron Sharipov, thirty-four, stands at the stove.\n\n“Put on the helmet,” says Sergei Belov, the foreman.\n\nI ask Davron what tomorrow will look like.\n\n“Tomorrow,” he says, “the same.”', '“Tomorrow'), 'Davron Sharipov');
    // The writer's question between leaves who spoke before it the last to speak.
    assert.equal(speakerOf('Viktor Grebnev, a retired colonel, sat outside.\n\nOn the radio, Dmitry Peskov, the Kremlin spokesman, was saying something about talks. Grebnev was not listening.\n\n“We have to win. What was it for?” he said.\n\n“And Maxim?”\n\n“Maxim is smarter than me,” he said.', '“Maxim'), 'Viktor Grebnev');
  });

  it('resolves “she said” to no one whose name says he is a man, and “he said” to no woman so named', () => {
    const stanovaya = 'Political analyst Tatiana Stanovaya has tracked the Kremlin for years. Putin has not changed. "He sees the war as existential," she said.';
    assert.equal(speakerOf(stanovaya, '"He sees'), 'Tatiana Stanovaya');
    assert.equal(speakerOf(stanovaya.replace('she said', 'he said'), '"He sees'), 'Vladimir Putin');
    // The family name's ending or the given name says so; a name that says nothing may be either.
    assert.equal(speakerOf('Said analyst Ivan Petrov: "No." Analyst Anna Ivanova agreed. "Never," he added.', '"Never'), 'Ivan Petrov');
    assert.equal(speakerOf('Said analyst Ivan Petrov: "No." Analyst Kate Mallinson agreed. "Never," she added.', '"Never'), 'Kate Mallinson');
    assert.equal(speakerOf('Said analyst Ivan Petrov: "No." "Never," she added.', '"Never'), null);
    // "The spokeswoman said" as "she said".
    assert.equal(speakerOf('Said analyst Ivan Petrov: "No." Then analyst Anna Ivanova arrived. "Never," the spokeswoman said.', '"Never'), 'Anna Ivanova');
    assert.equal(speakerOf('Analyst Anna Ivanova arrived. Then analyst Ivan Petrov spoke. "Never," the spokeswoman said.', '"Never'), 'Anna Ivanova');
    // Nor does "she added" continue a man's statement.
    assert.equal(speakerOf('Analyst Ivan Petrov said: "We will not stop now." "We never lie," she added.', '"We never'), null);
    // Nor "the spokeswoman said", and "the spokesman said" not a woman's.
    assert.equal(speakerOf('Analyst Ivan Petrov said: "No way." "Never," the spokeswoman said.', '"Never'), null);
    assert.equal(speakerOf('Analyst Ivan Petrov said: "No way." Then Anna Ivanova arrived. "Never," the spokeswoman said.', '"Never'), 'Anna Ivanova');
    assert.equal(speakerOf('Analyst Anna Ivanova said: "No way." "Never," the spokesman said.', '"Never'), null);
    assert.equal(speakerOf('Analyst Anna Ivanova said: "No way." Then Ivan Petrov arrived. "Never," the spokesman said.', '"Never'), 'Ivan Petrov');
    assert.equal(speakerOf('Analyst Anna Ivanova said: "No way." "Never," the analyst said.', '"Never'), 'Anna Ivanova');
    assert.equal(speakerOf('Analyst Ivan Petrov said: "We will not stop now." "We never lie," he added.', '"We never'), 'Ivan Petrov');
    // An honorific before the mention says so too.
    const leung = 'Analyst Chen Ho spoke to reporters.\n\nMrs. Leung, a retired teacher, waited in line. “We wait,” he noted.';
    assert.equal(speakerOf(leung, '“We wait'), 'Chen Ho');
    assert.equal(speakerOf(leung.replace('Mrs.', 'Mr.'), '“We wait'), 'Leung');
    // A pronoun's speech after the subject's in the quote's sentence: another's when the name says it cannot be the subject's.
    const judge = 'Judge Olga Fedina found Andrei Kolesnikov-Rybin, 58, guilty.\n\nWhen Judge Fedina asked whether he understood the sentence, he replied: “I understand it.”';
    assert.equal(speakerOf(judge, '“I understand'), 'Andrei Kolesnikov-Rybin');
    assert.equal(speakerOf(judge.replace('he replied', 'she replied'), '“I understand'), 'Olga Fedina');
    // A Mongolian given name's ending says it, where a patronymic's would mislead ("Purev" is no "-ev" of a man's).
    assert.equal(speakerOf('Ganbold Tserendorj, a trader, said prices rose. "We pay more," he said.\n\nNarantsetseg Purev, a host, said drivers wait. "My customers will go," she said.', '"My'), 'Narantsetseg Purev');
    assert.equal(speakerOf('Bolormaa Tsendsuren, an analyst, spoke. Ganbold Tserendorj, a trader, said prices rose. "We pay more," she said.', '"We'), 'Bolormaa Tsendsuren');
    // So do a Turkic given name's "flower" and "bek" or "Muhammad", a name of one word too.
    const family = '“It was hard,” said Nurmuhammad Abdurehim, a driver.\n\nHis wife, Meryemgul, poured tea. “He did not listen,” she said.\n\n“I did not,” Nurmuhammad said.\n\n';
    assert.equal(speakerOf(`${family}“Not a big one,” she replied.`, '“Not a big'), 'Meryemgul');
    assert.equal(speakerOf('His wife, Patigul, poured tea. Her son, Kubanychbek, spoke first. “We waited,” she said.', '“We waited'), 'Patigul');
    // And a sentence's subject after "his" and a role is whom "she said" stands for, before one who spoke earlier.
    assert.equal(speakerOf('Our correspondent, Madina Rashidova, says the mood is relaxed. “Lots of handshakes,” she writes.\n\nHis classmate Aziza Turgunova was more cautious. “Summits are easy,” she said.', '“Summits'), 'Aziza Turgunova');
    // A name of one word says it too, a given name or a family name's ending.
    assert.equal(speakerOf('Analyst Gulsara Tashieva spoke first. Her husband, Nurbek, died in 2022. “They called me,” she said.', '“They'), 'Gulsara Tashieva');
    assert.equal(speakerOf('Analyst Gulsara Tashieva spoke first. Her colleague, Usmonova, wrote it. “They called me,” he said.', '“They'), null);
    // The knowledge base says it of those it knows whose names say nothing.
    assert.equal(speakerOf('Kaja Kallas spoke after Josep Borrell told reporters the talks had gone well. “We want a partnership,” she said.', '“We want'), 'Kaja Kallas');
    assert.equal(speakerOf('Annalena Baerbock met Wang Yi in Beijing. Wang Yi said little. “We disagree on Ukraine,” she told reporters.', '“We disagree'), 'Annalena Baerbock');
    assert.equal(speakerOf('Ursula von der Leyen welcomed Emmanuel Macron, who said Europe must arm. “He is right,” she said.', '“He is'), 'Ursula von der Leyen');
    assert.equal(speakerOf('Josep Borrell spoke after Kaja Kallas told reporters the talks had gone well. “We want a partnership,” he said.', '“We want'), 'Josep Borrell');
    const thanks = '"Kazakhstan is our closest ally," Putin told Tokayev. "We have a rich agenda."\n\nTokayev replied that relations were "at a high level" and thanked Putin for what he called "the personal attention you pay."';
    assert.equal(speakerOf(thanks, '"the personal'), 'Kassym-Jomart Tokayev');
  });

  it('reads “spoke about”, “speaks of” and “defends as” as reporting speech', () => {
    assert.equal(speakerOf('Ursula von der Leyen spoke at the Samarkand summit about a “partnership of equals.”', '“partnership'), 'Ursula von der Leyen');
    assert.equal(speakerOf('Xi speaks of a “China–Central Asia community with a shared future.”', '“China'), 'Xi Jinping');
    assert.equal(speakerOf('It was a decision Tokayev defends as “purely technical.”', '“purely'), 'Kassym-Jomart Tokayev');
  });

  it('resolves “she said” to the appositive of a sentence’s opening role, since the last quote', () => {
    const text = 'Vassily Nebenzia, Russia’s envoy, spoke first. “We object,” he said.\n\nThe U.S. deputy ambassador, Dorothy Shea, rejected it. “Nobody is trying to encircle anyone,” she said.';
    assert.equal(speakerOf(text, '“Nobody'), 'Dorothy Shea');
    // Not a name after a clause's comma.
    assert.equal(speakerOf(text.replace('The U.S. deputy ambassador, Dorothy Shea, rejected it.', 'He said that the deputy ambassador, Dorothy Shea, was away.'), '“Nobody'), 'Vassily Nebenzia');
  });

  it('resolves “he said” to no one named only inside a quote', () => {
    const text = '“The questions were about Pushkin,” says Madina. “I know Pushkin!”\n\nNot everyone stays. “I am tired,” he told me.';
    assert.equal(speakerOf(text, '“I am tired'), null);
    assert.equal(speakerOf(text.replace('Not everyone stays.', 'Not Ivan Petrov, a welder.'), '“I am tired'), 'Ivan Petrov');
    // Nor to one who speaks inside a quote.
    assert.equal(speakerOf('Analyst Ivan Petrov met analyst Anna Ivanova. “Maxim Orlov said we must go,” she recalled.\n\n“I am tired,” he told me.', '“I am tired'), 'Ivan Petrov');
  });

  it('resolves “he said” to the last person who spoke, not the last name', () => {
    // “He said … for Putin: “At the moment…” — Ilhamov, cited in the paragraph before.
    assert.match(speakerOf(corpusText('001'), '“At the moment') ?? '', /Il(k)?hamov$/);
  });

  it('resolves “he said” to whom the last quote was given, before a name he only mentioned since, and to no one named in what was said', () => {
    const intro = 'Analyst Timur Sadykov met migrants at the centre.\n\n“The rules are strict,” he said.\n\n';
    const reported = 'He said that President Sadyr Japarov had raised the issue with Vladimir Putin.\n\n';
    assert.equal(speakerOf(`${intro}${reported}“Of course there are problems,” he continued.`, '“Of course'), 'Timur Sadykov');
    // Not to whom "said that" reports on, with no quote given before either: the subject of the paragraph.
    assert.equal(speakerOf(`Analyst Timur Sadykov met migrants. ${reported}“Of course there are problems,” he said.`, '“Of course'), 'Timur Sadykov');
    // A company that spoke is no "he".
    assert.equal(speakerOf('Mayor Aibek Dzhunushaliev visited the plant. Geely said it was “on track.”\n\n“We will see,” he said.', '“We will'), 'Aibek Dzhunushaliev');
  });

  it('resolves “he said” to the subject of a sentence since in the paragraph, before one who spoke earlier', () => {
    const spoke = 'The UK Foreign Secretary, David Lammy, told MPs: ‘We are watching closely.’\n\n';
    assert.equal(speakerOf(`${spoke}Uzbekistan’s leader Shavkat Mirziyoyev was more cautious. ‘We don’t take sides,’ he told the BBC.`, '‘We don’'), 'Shavkat Mirziyoyev');
    // Rahmon opens the paragraph; Umarov spoke in the one before.
    assert.equal(speakerOf(corpusText('002'), '“We expect you to respect us'), 'Emomali Rahmon');
    // Not a possessive, an object, a photo credit, or a subject in another paragraph.
    assert.equal(speakerOf(corpusText('004'), '“In some countries'), 'Max Hess');
    assert.equal(speakerOf('Putin said it was over. Xi Jinping’s aides were absent. “We are friends,” he said.', '“'), 'Vladimir Putin');
    assert.equal(speakerOf('Putin said it was over. He met Xi Jinping later. “We are friends,” he said.', '“'), 'Vladimir Putin');
    // AP style: the subject in the paragraph before, an initialism among the descriptors.
    const ap = 'Russia’s U.N. Ambassador Vassily Nebenzia told the council: “This cannot continue.”\n\nU.S. Ambassador Linda Thomas-Greenfield rejected the charge.\n\n';
    assert.equal(speakerOf(`${ap}“Russia started this war,” she said.`, '“Russia'), 'Linda Thomas-Greenfield');
    assert.equal(speakerOf('“Russia started this war,” U.S. Ambassador Linda Thomas-Greenfield said.', '“'), 'Linda Thomas-Greenfield');
    assert.equal(speakerOf('Lavrov said it was over.\n\nXi Jinping arrived.\n\n“We are friends,” he said.', '“'), 'Xi Jinping');
    assert.equal(speakerOf('Lavrov said it was over.\n\nXi Jinping arrived.\n\nThe talks went on.\n\n“We are friends,” he said.', '“'), 'Sergei Lavrov');
    // A phrase put before the subject.
    const observer = '“It was no contest,” Eoghan Murphy, head of the OSCE mission, told reporters.\n\n';
    assert.equal(speakerOf(`${observer}In a televised address, Mirziyoyev thanked voters. “I will justify it,” he said.`, '“I will'), 'Shavkat Mirziyoyev');
    assert.equal(speakerOf(`${observer}Asked about the vote, Mirziyoyev smiled. “I will justify it,” he said.`, '“I will'), 'Shavkat Mirziyoyev');
    assert.equal(speakerOf(`${observer}As the sun came up over the square, Mirziyoyev was still there.\n\n“I will justify it,” he said.`, '“I will'), 'Shavkat Mirziyoyev');
    assert.equal(speakerOf(`${observer}Voters who met Mirziyoyev were few. “I will justify it,” he said.`, '“I will'), 'Eoghan Murphy');
  });

  it('resolves “he said” to the first person a paragraph names, when the last quote was in another and no one since spoke', () => {
    const spoke = 'Kremlin spokesman Dmitry Peskov said it was fine. “We are calm,” he said.\n\n';
    assert.equal(speakerOf(`${spoke}For Sadyr Japarov, in Bishkek, the question is whether he is watched. “If I call, they punish her,” he said.`, '“If'), 'Sadyr Japarov');
    assert.equal(speakerOf(`${spoke}Uzbekistan: President Shavkat Mirziyoyev fired the governor. “Officials have no place here,” he said.`, '“Officials'), 'Shavkat Mirziyoyev');
    // Not one named after a pronoun that stands for someone before, nor the object of a preposition.
    assert.equal(speakerOf(`${spoke}He was visibly pleased when Xi Jinping nodded along. “Now it is real,” he added.`, '“Now'), 'Dmitry Peskov');
    assert.equal(speakerOf(`${spoke}The plan was dropped in 1988 under Mikhail Gorbachev. “It was a desert,” he said.`, '“It was'), 'Dmitry Peskov');
    // Before one who spoke in a paragraph before, when the last quote was another's; a possessive or "and" before the name.
    assert.equal(speakerOf('“It is calm,” said Dmitry Peskov.\n\n“Now we see,” said Anna Petrova.\n\nFor Japarov, that argument misses the point. “It is wrong,” he said.', '“It is wrong'), 'Sadyr Japarov');
    assert.equal(speakerOf(`${spoke}Turkmenistan’s Serdar Berdimuhamedov, whose country sells gas, kept it short. “Gas will flow,” he said.`, '“Gas'), 'Serdar Berdimuhamedow');
    assert.equal(speakerOf(`${spoke}It began in December, and Sadyr Japarov was very emotional about it. He said at the ceremony, “We waited.”`, '“We waited'), 'Sadyr Japarov');
    assert.equal(speakerOf(`${spoke}Days before the visit, the court’s spokesman Fadi El Abdallah reminded Ulaanbaatar of it. “States must act,” he told reporters.`, '“States'), 'Fadi El Abdallah');
    // Nor when the last quote was in the same paragraph.
    assert.equal(speakerOf('Kremlin spokesman Dmitry Peskov spoke.\n\n“We are calm,” the spokesman said. Officials who met Xi Jinping were few. “We are ready,” he said.', '“We are ready'), 'Dmitry Peskov');
    assert.equal(speakerOf('Kremlin spokesman Dmitry Peskov said it was fine. “We are calm,” he said. The talks with Xi Jinping lasted an hour. “We are ready,” he said.', '“We are ready'), 'Dmitry Peskov');
  });

  it('reads a hard-wrapped text’s line breaks inside a paragraph as spaces: “… Putin\\ntold Tokayev”', () => {
    const wrapped = [
      'Russian President Vladimir Putin hosted his Kazakh counterpart in the',
      'Kremlin on Tuesday for talks on energy, transport and the war in Ukraine.',
      '"Kazakhstan is our closest ally and strategic partner," Putin',
      'told Tokayev at the start of the talks, according to a Kremlin',
      'transcript. Tokayev thanked him and praised the growth in trade.',
      '',
      'The television host Vladimir Solovyov, a loud voice of the war,',
      'suggested that Kazakhstan could face "the same problems as Ukraine,"',
      'and drew a protest from Astana, where officials called it a threat.',
    ].join('\n');
    assert.equal(speakerOf(wrapped, '"Kazakhstan'), 'Vladimir Putin');
    assert.equal(speakerOf(wrapped, '"the same'), 'Vladimir Solovyov');
    assert.equal(speakerOf(wrapped.replaceAll('\n', '\r\n'), '"Kazakhstan'), 'Vladimir Putin');
    // Not a text of short lines, each its own paragraph: there a line break ends the sentence's paragraph.
    assert.equal(speakerOf('"We are close partners," Putin\ntold the guests.', '"We'), null);
  });

  it('takes “X says:” at the end of the previous paragraph', () => {
    const text = corpusText('002');
    assert.equal(speakerOf(text, '“Putin’s interest in Central Asia'), 'Temur Umarov');
    assert.equal(speakerOf(text, '“It’s a pragmatic attempt'), 'Temur Umarov');
  });

  it('attributes a quote closed without an opening mark', () => {
    assert.equal(speakerOf(corpusText('000'), 'The vacuum will be filled'), 'Alisher Ilkhamov');
  });

  it('gives a bare family name two people share to the one named last before it', () => {
    const briefing = 'Foreign Minister Wang Yi told his counterpart to stop “provocative actions.”\n\nAt a briefing, foreign ministry spokesman Wang Wenbin said China had “exercised maximum restraint.”\n\n';
    assert.equal(speakerOf(briefing + '“The Philippine side should stop making trouble,” Wang added.', '“The Philippine'), 'Wang Wenbin');
    assert.equal(speakerOf(briefing + 'Later Wang Yi met the press. “We want calm,” Wang said.', '“We want calm'), 'Wang Yi');
  });

  it('finds the subject of a sentence past its paragraph’s dateline, and reads “calling on” and “thanked” as reporting speech', () => {
    const summit = 'SCO summit opens\n\nTIANJIN, China — Chinese leader Xi Jinping opened a summit on Monday, calling on members to resist “Cold War mentality.”\n\n';
    assert.equal(speakerOf(summit, '“Cold War'), 'Xi Jinping');
    assert.equal(speakerOf('YEREVAN/BAKU (Reuters) - Armenian Prime Minister Nikol Pashinyan spoke on Monday, calling the talks “useful.”', '“useful'), 'Nikol Pashinyan');
    assert.equal(speakerOf('Pakistan’s Prime Minister Shehbaz Sharif thanked China for its “steadfast support.”', '“steadfast'), 'Shehbaz Sharif');
    assert.equal(speakerOf('Kazakh President Kassym-Jomart Tokayev addressed parliament, urging lawmakers to pass “the reform package.”', '“the reform'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Kazakh President Kassym-Jomart Tokayev addressed parliament, warning of “hard times ahead.”', '“hard times'), 'Kassym-Jomart Tokayev');
    // Xinhua's dateline, its dash doubled, and "noting that".
    assert.equal(speakerOf('BEIJING, May 19 (Xinhua) -- Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon on Monday, noting that the two are “good neighbors.”', '“good'), 'Xi Jinping');
    assert.equal(speakerOf('Lukashenko has ruled Belarus for three decades. “Belarus is ready for dialogue,” he was quoted as saying by Belta.', '“Belarus'), 'Alexander Lukashenko');
  });

  it('reads a pronoun or a role opening the sentence, an adverb before its verb or a participle of speech after a comma', () => {
    const lavrov = 'Foreign Minister Sergei Lavrov met Wang Yi. ';
    assert.equal(speakerOf(`${lavrov}The foreign minister later told state television that the two had "very close positions."`, '"very'), 'Sergei Lavrov');
    const peskov = 'Kremlin spokesman Dmitry Peskov was asked about it. ';
    assert.equal(speakerOf(`${peskov}The Kremlin spokesman declined to say more, telling reporters only that "all questions" were discussed.`, '"all'), 'Dmitry Peskov');
    const deputy = 'Deputy Minister Jurabek Mirzamakhmudov signed the deal. ';
    assert.equal(speakerOf(`${deputy}He declined to disclose the price, saying only that it was "competitive and market-based."`, '"competitive'), 'Jurabek Mirzamakhmudov');
    // No participle after a comma, or the sentence not opened by its subject: no one.
    assert.equal(speakerOf(`${deputy}He declined to disclose the price of the "competitive and market-based" deal.`, '"competitive'), null);
    assert.equal(speakerOf(`${deputy}Prices rose after he declined to comment, saying the deal was "competitive and market-based."`, '"competitive'), null);
  });

  it('reads a speaker whose name starts with lower-case particles', () => {
    assert.equal(speakerOf('“We will act,” von der Leyen told reporters.', '“We'), 'Ursula von der Leyen');
  });

  it('reads past an honorific between the quote and its speaker', () => {
    // American style puts a dotted honorific before nearly every name; British drops the dot.
    const cases: [string, string][] = [
      ['“No deal,” Mr. Putin said.', 'Vladimir Putin'],
      ['“No deal,” said Mr. Putin.', 'Vladimir Putin'],
      ['“No deal,” Mr Putin said.', 'Vladimir Putin'],
      ['“We will not allow it,” said Lt. Gen. Valery Gerasimov.', 'Valery Gerasimov'],
      ['“We will not allow it,” Gen. Gerasimov said.', 'Gerasimov'],
      ['“It will fail,” said Dr. Anna Petrova, an analyst.', 'Anna Petrova'],
      ['“Never,” said Sen. Lindsey Graham.', 'Lindsey Graham'],
    ];
    for (const [text, speaker] of cases) assert.equal(speakerOf(text, '“'), speaker, text);
    // "he" goes back to a person introduced with one, past a "said Mr." before him.
    const text = 'The talks stalled, said Mr. Ivan Ivanov on Monday. Later, more was said. “It is over,” he said.';
    assert.equal(speakerOf(text, '“It is over'), 'Ivan Ivanov');
  });

  it('reads an article in American style: honorifics, middle initials, titles before the name', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'samples', 'kremlin-talks.txt'), 'utf8');
    const r = recognize(text, kb);
    const speakers = r.quotes.map((q) => `${q.kind} ${q.speaker}`);
    assert.deepEqual(speakers, [
      'speech Vladimir Putin', 'speech Vladimir Putin', 'speech Dmitry Peskov', 'speech Antony Blinken', 'speech Antony Blinken',
      'term Lindsey Graham', 'speech Adam Smith', 'speech Tatiana Stanovaya', 'speech Mark A. Milley', 'speech Mao Ning',
    ]);
    const named = (name: string) => r.mentions.filter((m) => m.name === name).map((m) => m.text);
    assert.deepEqual(named('Vladimir Putin'), ['Vladimir V. Putin', 'Putin', 'Putin', 'Putin']);
    assert.deepEqual(named('Mark A. Milley'), ['Mark A. Milley', 'Milley']);
  });

  it('reads the wire-style sample: datelines, offices, roles, joint statements, appositives', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'samples', 'wire-roundup.txt'), 'utf8');
    const r = recognize(text, kb);
    assert.deepEqual(r.quotes.map((q) => `${q.kind} ${q.speaker}`), [
      'speech Daniyar Abenov', 'speech Murat Nurtleu', 'speech null', 'speech Dmitry Peskov', 'speech Firuz Saidov', 'speech Lola Karimova', 'speech Gulnora',
    ]);
    const typed = (t: string) => r.mentions.find((m) => m.text === t)?.type;
    assert.deepEqual(['ASTANA', 'BISHKEK', 'MOSCOW', 'DUSHANBE'].map(typed), ['place', 'place', 'place', 'place']);
    assert.equal(typed('Daniyar Abenov'), 'leader');
    assert.equal(typed('Kanybek Turdaliev'), 'person');
    assert.equal(r.mentions.find((m) => m.text === 'Radio Ozodi')?.name, 'Radio Free Europe/Radio Liberty');
    assert.equal(r.mentions.find((m) => m.text === 'CPC')?.name, 'Caspian Pipeline Consortium', 'the pipeline consortium the text names, not the party');
  });

  it('reads an official release’s titles in capitals as its leader: “the Head of State stated”, “the Chairman of the Cabinet of Ministers said”', () => {
    const akorda = 'Kassym-Jomart Tokayev received the minister.\n\nKassym-Jomart Tokayev emphasized that reliability matters.\n\n“All work must be completed before winter,” the President said.\n\n“Every embassy must work to attract investment,” the Head of State stated.';
    assert.equal(speakerOf(akorda, '“All work'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf(akorda, '“Every embassy'), 'Kassym-Jomart Tokayev');
    const cabinet = 'Sadyr Japarov met Adylbek Kasymaliev.\n\nAdylbek Kasymaliev reported on the plant.\n\n"We have ordered the equipment," the Chairman of the Cabinet of Ministers said.';
    assert.equal(speakerOf(cabinet, '"We have'), 'Adylbek Kasymaliev');
    assert.equal(speakerOf('Olzhas Bektenov thanked Alexander Lukashenko. “We are reliable partners,” the Kazakh Prime Minister said.', '“'), 'Olzhas Bektenov');
  });

  it('prefers whom the quote’s paragraph names for a role’s attribution: “Saidov said … the minister said”', () => {
    const text = 'Foreign Minister Bakhtiyor Saidov and Deputy Prime Minister Ishaq Dar attended.\n\nSaidov said the deal mattered. “Today we take a concrete step,” the minister said.';
    assert.equal(speakerOf(text, '“Today'), 'Bakhtiyor Saidov');
    // With no one of the role in the paragraph, the nearest so introduced.
    assert.equal(speakerOf('Foreign Minister Bakhtiyor Saidov and Deputy Prime Minister Ishaq Dar attended.\n\n“Today we take a concrete step,” the minister said.', '“Today'), 'Ishaq Dar');
  });

  it('reads more attributions: “boasted that”, “he liked to say”, “quoted X … he was quoted as saying”, a subject after “For weeks,”', () => {
    assert.equal(speakerOf('Only last week Dmitry Peskov boasted that “the sanctions machine has run out of steam.”', '“'), 'Dmitry Peskov');
    assert.equal(speakerOf('Nursultan Nazarbayev built the capital. “Kazakhstan is a bridge, not a battlefield,” he liked to say.', '“'), 'Nursultan Nazarbayev');
    assert.equal(speakerOf('Ilham Tohti was jailed.\n\nAn article quoted Temir Bekbolotov, described as a banker. He was quoted as saying "Chinese money has bought our silence".', '"'), 'Temir Bekbolotov');
    assert.equal(speakerOf('“We were wrong,” Ilham Tohti said. An article quoted Temir Bekbolotov, described as a banker. He was quoted as saying "Chinese money has bought our silence".', '"'), 'Temir Bekbolotov');
    // An attribution set off by commas before the quote; not a name that opens what was said.
    assert.equal(speakerOf('The gap, said Maria Snegovaya, a senior fellow at CSIS, “is the clearest fingerprint.”', '“'), 'Maria Snegovaya');
    assert.equal(speakerOf('Dmitry Peskov was asked. He then said Maria Snegovaya was “wrong about it”.', '“'), 'Dmitry Peskov');
    assert.notEqual(speakerOf('The aide nodded, said Vladimir Putin would decide and called the talk “premature”.', '“'), 'Vladimir Putin');
    // A name after a verb that takes it as its object is no speaker ("described Putin waiting").
    assert.equal(speakerOf('Andrei Kolesnikov, the Kommersant correspondent, was there. Kolesnikov described Putin waiting for Xi. “For a man who does not like to wait, the president waited,” he wrote.', '“'), 'Andrei Kolesnikov');
    // Someone unnamed with a capitalised word among the words before the noun ("A former Wagner fighter").
    assert.equal(speakerOf('“We won,” Yevgeny Prigozhin said.\n\nA former Wagner fighter, who asked not to be identified, said many felt betrayed. “We were told we were heroes,” he said.', '“We were'), null);
    // A quote its own attribution splits; "According to him, “…”"; "said the woman, …,"; a name "asked about" is no speaker.
    assert.equal(speakerOf('“No,” Sergei Lavrov said.\n\nAccording to Nurlan Zhumagulov, a consultant, the risk is big. "You can build a plant," he said, "but if the pipe does not work, the oil stays."', '"but'), 'Nurlan Zhumagulov');
    assert.equal(speakerOf('Rajiv Bhatia, a fellow at Gateway House, was sceptical. According to him, “India wants cheap oil.”', '“'), 'Rajiv Bhatia');
    assert.equal(speakerOf('“He told the truth,” said the woman, Tatyana Gorbunova, 52, who lost a son.', '“'), 'Tatyana Gorbunova');
    assert.equal(speakerOf('“We won,” Yevgeny Prigozhin said in 2023.\n\nA Moscow taxi driver, asked about Prigozhin, laughed nervously. “Who?” he said.', '“Who'), null);
    // "the governor wrote" is the governor named; "reported that"; a role speaking after a named subject, nearer the quote.
    assert.equal(speakerOf('Kursk Governor Alexander Khinshtein visited. Khinshtein, who runs the region, spoke. “We will not abandon anyone,” the governor wrote on Telegram.', '“'), 'Alexander Khinshtein');
    assert.equal(speakerOf('In April, Valery Gerasimov, the chief of the general staff, reported to Vladimir Putin that the region had been “completely liberated”.', '“'), 'Valery Gerasimov');
    assert.equal(speakerOf('Vladimir Putin met them. Alexei Miller reported to the president last week, and the president described the work as "timely and correct."', '"'), 'Vladimir Putin');
    // An affiliation with "at" between the name and the verb: the person before the body speaks.
    assert.equal(speakerOf('My colleague Edward Lemon at Texas A&M wrote that repression “pushes people into the arms of recruiters”.', '“'), 'Edward Lemon');
    // "the source said" continues no one's statement; "instructed"; "In her view"; the sentence's subject past a phrase put first and a title, a speech verb further on.
    assert.equal(speakerOf('“Talks continue,” Yuri Ushakov said. “Gazprom can’t accept that,” the source said.', '“Gazprom'), null);
    assert.equal(speakerOf('Tokayev instructed officials to “work out every alternative route without delay”, according to a readout.', '“'), 'Kassym-Jomart Tokayev');
    assert.equal(speakerOf('Nargis Kassenova, a scholar at Harvard, was upbeat. In her view the region had “never had more options”.', '“'), 'Nargis Kassenova');
    assert.equal(speakerOf('At a meeting in Xian in April, Chinese Foreign Minister Wang Yi pledged more scholarships and said the projects would “benefit local people first”.', '“'), 'Wang Yi');
    assert.equal(speakerOf('Asked about it, Tengizchevron General Director Kevin Lyon said the company was "fully compliant" with its contract.', '"'), 'Kevin Lyon');
    // An initial before the speaker's family name, one Latin capital or a digraph, ends no sentence.
    assert.equal(speakerOf('Boobek Ajikeev, the minister, arrived. “Not a single family should be left without a roof. We will assess the damage,” B. Ajikeev stressed.', '“'), 'Boobek Ajikeev');
    assert.equal(speakerOf('Hokim Shavkat Umurzakov spoke. “Prices should be lower. Hokims are responsible,” Sh. Umurzakov said at a meeting.', '“'), 'Shavkat Umurzakov');
    // The writer of a byline is never whom "she told me" means.
    assert.equal(speakerOf('By Anna Kessler\n\nIn Bishkek, the deputy climbed a chair. “If you wait, you will be waiting,” she told me.', '“'), null);
    // A cited author speaks past the work's year; someone unnamed as the sentence's subject continues no statement.
    assert.equal(speakerOf('His sidelining of Nursultan Nazarbayev suggests, as Umarkhanov (2022) notes, that “the student had outgrown the teacher.”', '“'), 'Umarkhanov');
    assert.equal(speakerOf('In Bishkek, Akylbek Japarov said it was “not our problem at all.” In my interviews, a senior customs official was blunter: “The trade is too profitable. Everyone is involved.”', '“The trade'), null);
    // An appositive of up to 120 characters between the subject and the verb; an ombudsperson.
    assert.equal(speakerOf('Kremlin spokesman Dmitry Peskov, asked about deportations of Central Asian migrants after the Crocus City Hall attack in March 2024, said that Russia was "acting within the law."', '"'), 'Dmitry Peskov');
    assert.equal(speakerOf('Asked about it, Uzbekistan’s ombudsperson, Feruza Eshmatova, said her office "does not comment on the actions of foreign courts."', '"'), 'Feruza Eshmatova');
    // A role introduced with its complement and the name as its appositive is that person's, no one unnamed.
    assert.equal(speakerOf('A spokeswoman for the Mangystau regional police, Dinara Kuanysheva, said no one was held. Officers were there “to ensure public order,” the spokeswoman said.', '“'), 'Dinara Kuanysheva');
    assert.equal(speakerOf('Kremlin spokesman Dmitry Peskov spoke. A spokeswoman for the ministry said it was calm. “It is calm,” the spokeswoman said.', '“'), null);
    // "she smiled and said"; "one man shouted back" is someone new.
    assert.equal(speakerOf('Elvira Nabiullina spoke. Asked by a reporter, she smiled and said only that “all options are open.”', '“'), 'Elvira Nabiullina');
    assert.equal(speakerOf('Mayor Galym Nurov spoke. “Wait,” he said. His words drew whistles. “He said the same thing last summer,” one man shouted back.', '“He said'), null);
    // A preposition's object is no subject; a religious honorific before the speaker; "sniffed".
    assert.notEqual(speakerOf('Vladimir Putin arrived. Mr. Putin himself, speaking alongside Xi Jinping, China’s leader, at a summit, called the partnership “an example to all.”', '“'), 'Xi Jinping');
    assert.equal(speakerOf('“Afghanistan has the right to use its own water,” Mullah Abdul Ghani Baradar, the deputy prime minister, said.', '“'), 'Abdul Ghani Baradar');
    assert.equal(speakerOf('Sergei Lavrov sniffed that the region was being “lured by shiny beads”.', '“'), 'Sergei Lavrov');
    assert.equal(speakerOf('Boris Golubtsov, a glaciologist, was blunt. “Ice doesn’t read newspapers,” Golubtsov used to tell his students.', '“'), 'Boris Golubtsov');
    // A role's subject with a clause between commas before its verb.
    assert.equal(speakerOf('President Salome Zourabichvili refused to sign.\n\nThe president, whose own powers are largely ceremonial, said she would keep speaking out “as long as my voice counts.”', '“'), 'Salome Zourabichvili');
    // "specified", as translated wires write it.
    assert.equal(speakerOf('Kremlin spokesman Dmitry Peskov told reporters the talks went well. "They discussed trade and energy," the Kremlin spokesman specified.', '"They'), 'Dmitry Peskov');
    const recean = 'Transnistrian leader Vadim Krasnoselsky stayed silent.\n\nPrime Minister Dorin Recean said Moldova had offered gas. For weeks, Krasnoselsky refused. He said the offer was “a political ultimatum dressed up as aid.”';
    assert.equal(speakerOf(recean, '“'), 'Vadim Krasnoselsky');
    // "For example," puts no subject forward for a pronoun.
    const example = '“Influence is waning,” says expert Tony van der Togt. For example, Kazakh President Kassym-Jomart Tokayev has refused to acknowledge it. According to the former diplomat, China is “eagerly” diving in.';
    assert.equal(speakerOf(example, '“eagerly”'), 'Tony van der Togt');
    // A foreign minister's periphrasis continues his statement.
    assert.equal(speakerOf('«This process is already irreversible and nobody will stop it», Sergei Lavrov said. «More than 90 percent of payments are in roubles», the head of Russian diplomacy specified.', '«More'), 'Sergei Lavrov');
  });

  it('reads the subject past another verb’s phrase and “and”: “Vakunov, …, laid flowers at the scene and told reporters that”', () => {
    assert.equal(speakerOf('Russia’s ambassador in Bishkek, Sergei Vakunov, laid flowers at the scene and told reporters that Russia was “ready to help our Kyrgyz friends in any way.”', '“ready'), 'Sergei Vakunov');
    // Not a verb's object, nor a name after a preposition, nor a phrase with someone else's name in it.
    assert.equal(speakerOf('Ruslan Osipov, a businessman, testified against him. Yerlan Abdikarimov, a former mayor, spoke for an hour.\n\nHe said he had never met Osipov privately and described the recordings as “fragments cut and glued together.”', '“fragments'), 'Yerlan Abdikarimov');
    assert.equal(speakerOf('Japarov has met Vladimir Putin frequently and has said that "Russia was, is and will be our strategic partner."', '"Russia'), 'Sadyr Japarov');
    assert.equal(speakerOf('Putin met Tokayev on Monday and told reporters that the talks were “very good.”', '“very'), 'Vladimir Putin');
    assert.equal(speakerOf('Tokayev met Putin in Astana and told reporters the talks were “useful.”', '“useful'), 'Kassym-Jomart Tokayev');
    // Not past a clause of someone else's.
    assert.equal(speakerOf('Russia’s ambassador, Sergei Vakunov, arrived at the scene where officials greeted him and said the fire was “under control by now.”', '“under'), null);
  });

  it('takes no one past a phrase of its own after the quote for its speaker: “new era” in relations with China after … Xi Jinping promised', () => {
    assert.equal(speakerOf('Uzbek President Shavkat Mirziyoyev on Wednesday welcomed what he called a “new era” in relations with China after Chinese President Xi Jinping promised fresh loans.', '“new'), 'Shavkat Mirziyoyev');
    // Descriptors with "of" inside still come before the name.
    assert.equal(speakerOf('“We are partners,” Minister of Foreign Affairs Wang Yi said.', '“We'), 'Wang Yi');
  });

  it('takes no preposition’s object after a speech verb for a speaker: “said oral testimony from people like Kim was …”', () => {
    assert.equal(speakerOf('Vera Kim, 93, remembers the trains. Gulnara Mendikulova, a historian, said oral testimony from people like Kim was disappearing. “In ten years there will be no one left,” she said.', '“In ten'), 'Gulnara Mendikulova');
  });

  it('reads features’ attributions: “Aigerim laughs”, “Andrei repeated”, “he calls out”, and a relative who speaks: “his wife asked”', () => {
    assert.equal(speakerOf('Aigerim Satpayeva, a teacher, is busy. “It is a nightmare,” Aigerim laughs.', '“It is'), 'Aigerim Satpayeva');
    assert.equal(speakerOf('Andrei Belov, an engineer, waits. "Weather permitting," Andrei repeated.', '"Weather'), 'Andrei Belov');
    assert.equal(speakerOf('One of them, Serhiy, raises a hand. ‘Back by morning,’ he calls out.', '‘Back'), 'Serhiy');
    const family = 'Andrei Belov, an engineer, lives in Tomsk with his wife, Natalya Belova, a doctor. ';
    assert.equal(speakerOf(`${family}"Who?" his wife asked.`, '"Who'), 'Natalya Belova');
    assert.equal(speakerOf('Gulmira Zhakenova, his mother, is a nurse. Kairat Zhakenov, his father, coaches. “He took the stairs two at a time,” his mother says.', '“He took'), 'Gulmira Zhakenova');
    // No one introduced so: no one, not the last person named.
    assert.equal(speakerOf(`${family}"Who?" his brother asked.`, '"Who'), null);
  });

  it('reads “the Chinese minister said” as the last minister of that country named, not its premier', () => {
    assert.equal(speakerOf('Lavrov met Wang Yi and Li Qiang. “It is consistent and clear,” the Chinese minister said.', '“It is'), 'Wang Yi');
    assert.equal(speakerOf('Lavrov met Wang Yi. The Chinese minister said China’s position had been “consistent and clear” and left.', '“consistent'), 'Wang Yi');
    assert.equal(speakerOf('Li Qiang met Lavrov. “It is consistent and clear,” the Chinese minister said.', '“It is'), null);
  });

  it('reads an honorific before a sentence’s subject, as British style writes every later mention: “Mr Tokayev was careful. ‘…,’ he said.”', () => {
    assert.equal(speakerOf('Asked about Mr Putin, Mr Tokayev was careful. ‘I have a good working relationship with President Putin,’ he said.', '‘I have'), 'Kassym-Jomart Tokayev');
  });

  it('leaves the journalist’s scare quotes without a speaker', () => {
    const text = 'Moscow sees the region as its own “backyard.” Nobody argued.';
    const q = recognize(text, kb).quotes[0]!;
    assert.equal(q.kind, 'term');
    assert.equal(q.speaker, null);
  });

  it('reads a relative opening a sentence as the one introduced so (“Kovalenko’s mother stood …”), and “quoted him as saying”', () => {
    const court = 'Artyom Kovalenko, 31, was sentenced. His lawyer, Svetlana Moiseyeva, said so.\n\nKovalenko’s mother, Lyudmila, sat in the second row.\n\n"In treason cases the appeal court almost never changes anything," Moiseyeva said.\n\nOutside the building, Kovalenko’s mother stood for a long time by the steps.\n\n"I will bring him warm socks," she said.';
    assert.equal(speakerOf(court, '"I will'), 'Lyudmila');
    // No one introduced as his mother: someone unnamed, not the last woman who spoke; nor a relative of another sex.
    assert.equal(speakerOf(court.replace('Kovalenko’s mother, Lyudmila, sat', 'Lyudmila Petrova sat'), '"I will'), null);
    assert.equal(speakerOf(court.replace('"I will bring him warm socks," she said.', '"I will appeal," he said.').replace('Kovalenko’s mother stood', 'Kovalenko’s mother and the lawyer stood'), '"I will appeal'), 'Artyom Kovalenko');
    // A partner is introduced as a relative is.
    assert.equal(speakerOf('Moiseyeva spoke first. His partner, Yana, 29, was there.\n\n"I waited at the belt," she said.', '"I waited'), 'Yana');
    // "…," the office quoted him as saying.
    assert.equal(speakerOf('Prosecutor Denis Gorbunov asked for 16 years.\n\n"The sum does not matter," the prosecutor’s office quoted him as saying.', '"The sum'), 'Denis Gorbunov');
    assert.equal(speakerOf('Prosecutor Denis Gorbunov asked for 16 years. The channel quoted him as saying: "The sum does not matter."', '"The sum'), 'Denis Gorbunov');
  });

  it('reads “his name was Nurbek” as naming him, and the writer’s short answer to him as no one new', () => {
    const road = 'The driver’s name was Nurbek, and he had one rule.\n\nBack in Batken, Abdimalik Sydykov, the deputy governor, received me.\n\n"We have to make the border boring," he said.\n\nOn the drive back, Nurbek stopped at a teahouse and asked me what I was going to write.\n\nI told him I wasn’t sure yet.\n\n"Write that we want to live normally," he said.';
    assert.equal(speakerOf(road, '"Write'), 'Nurbek');
    assert.equal(speakerOf(road.replace('I told him I wasn’t sure yet.', 'The road was long and the tea was cold, as it always is there in autumn.'), '"Write'), 'Abdimalik Sydykov');
  });

  it('reaches back over an exchange of several lines for “he said” (“Her husband, Bakhtiyor, appeared on the screen.”)', () => {
    const call = '“The problem is the language,” Sherzod Ergashev added.\n\nIn the evening, Gulnara’s phone rang. Her husband, Bakhtiyor, appeared on the screen.\n\n“Did you eat?” she asked.\n\n“I ate. Did the apricots dry?”\n\n“Half of them. Then the rain came.”\n\n“Tell the guest it doesn’t rain like that in Kazan,” he said, and grinned.';
    assert.equal(speakerOf(call, '“Tell the guest'), 'Bakhtiyor');
  });

  it('gives a headline quote no speaker of a later quote that only holds its one word', () => {
    assert.equal(speakerOf('Azamat, a guard, looked up.\n\n“Vorukh.”\n\n“Vorukh is Tajikistan,” Azamat said.', '“Vorukh.'), null);
    assert.equal(speakerOf('“We will build the dam”\n\nBy Aigul Sadykova\n\n“We will build the dam whatever it costs,” Japarov said.', '“We will build the dam”'), 'Sadyr Japarov');
  });

  it('gives a quote opening its sentence, attributed to no one, to whom the sentence before reports speaking', () => {
    assert.equal(speakerOf('Sergei Lavrov said the talks had failed. “Nobody listened to us.”', '“'), 'Sergei Lavrov');
    assert.equal(speakerOf('The talks failed, Aigerim Bekova said. “Nobody listened to us.”', '“'), 'Aigerim Bekova');
    assert.equal(speakerOf('According to Aigerim Bekova, the talks failed. “Nobody listened to us.”', '“'), 'Aigerim Bekova');
    assert.equal(speakerOf('According to Aigerim Bekova, a lawyer, the talks failed. “Nobody listened to us.”', '“'), 'Aigerim Bekova');
    // Someone unnamed after the quote, an abbreviation among the words before the verb: no one's, not the last reported speaker's.
    const wang = 'BEIJING (Reuters) - China will not be "coerced," Foreign Minister Wang Yi said on Saturday.\n\nAsked about Taiwan, Wang said Beijing would "never allow" it.\n\n';
    assert.equal(speakerOf(`${wang}"We are watching closely," a senior U.S. official told Reuters.`, '"We are'), null);
    assert.equal(speakerOf(`${wang}"We are watching closely," a U.N. spokesman said.`, '"We are'), null);
    // Someone unnamed reported: no one's.
    assert.equal(speakerOf('A lawyer, who asked not to be named, said the talks failed. “Nobody listened to us.”', '“'), null);
    // The sentence's speaker, not whom it names after the verb; whom the writer asked, the answer's.
    assert.equal(speakerOf('Putin met Xi in Beijing. Xi said Putin had agreed. “We agreed on everything.”', '“'), 'Xi Jinping');
    assert.equal(speakerOf('I asked Lavrov whether the talks had failed. “Nobody listened to us.”', '“'), 'Sergei Lavrov');
    assert.equal(speakerOf('Lavrov was quoted by TASS as saying the talks had failed. “Nobody listened to us.”', '“'), 'Sergei Lavrov');
    // The last sentence of the paragraph before, for a quote that opens its own.
    assert.equal(speakerOf('“It is over,” Putin said.\n\nLavrov said the talks had failed.\n\n“Nobody listened to us.”', '“Nobody'), 'Sergei Lavrov');
    assert.equal(speakerOf('Lavrov said the talks had failed.\n\n“Nobody listened to us,” Zakharova added.', '“Nobody'), 'Maria Zakharova');
    // A quote ending the paragraph before is no attribution's: "Kasmalieva said" opens a paragraph of her own.
    assert.equal(speakerOf('Temur Umarov said it. “The difference is clear.”\n\nKasmalieva said several groups would close. “Some of my colleagues have left.”', '“Some'), 'Kasmalieva');
    // In the corpus: “according to the former diplomat” (a term quoted in it), “he thinks”, each after another leader named.
    const article = corpusText('003');
    assert.equal(speakerOf(article, '“For example, there is a Chinese base'), 'Tony van der Togt');
    assert.equal(speakerOf(article, '“People don’t want to trade'), 'Tony van der Togt');
    assert.equal(speakerOf(article, '‘Russia’s image in those countries is taking'), 'Tony van der Togt');
    // Not speech denied, nor a sentence of someone else's quote, nor past an attribution of the quote's own.
    assert.equal(speakerOf('Lavrov would not say whether the talks failed. “We will see.”', '“We'), null);
    assert.equal(speakerOf('Lavrov didn’t say whether the talks failed. “We will see.”', '“We'), null);
    assert.equal(speakerOf('Tokayev met Lavrov. “It is over,” Lavrov said of the talks. “We will see.”', '“We'), 'Sergei Lavrov');
    assert.equal(speakerOf('“It is over,” Tokayev said. Lavrov said the talks had failed. “We will see.”', '“We'), 'Sergei Lavrov');
    assert.equal(speakerOf('Lavrov said the talks had failed. “We will see,” Tokayev added.', '“We'), 'Kassym-Jomart Tokayev');
  });

  it('reads a beat after a line’s quote as its speaker’s, beats before quotes as lines of an exchange, “said his wife”, and the owner of a ringing phone', () => {
    const kitchen = '“You came,” Aibek said.\n\n“You said it was urgent.” Nurlan Sadyrbaev pulled out the stool by the window.\n\nAibek Toktogulov smoothed the letter with the side of his hand. “Timur wants to come home.”\n\nNurlan put down his cup. “From Yekaterinburg? Now, in November?”\n\n“Now.”\n\n“What about the job on the building site?”\n\n“That’s Russia these days,” said his wife.';
    assert.deepEqual(['“You said', '“Now.', '“What about', '“That’s Russia'].map((q) => speakerOf(kitchen, q)), ['Nurlan Sadyrbaev', 'Aibek Toktogulov', 'Nurlan Sadyrbaev', null]);
    assert.equal(speakerOf('His wife, Gulnara, came in.\n\n“That’s Russia these days,” said his wife.', '“That’s'), 'Gulnara');
    assert.equal(speakerOf('“Ah, that.” Gulnara laughed. “Now you need a test.”', '“Ah'), 'Gulnara');
    // Not a paragraph of narration before the beat: "On a construction site …" opens no line of the exchange.
    assert.equal(speakerOf('“People think we come for the money,” Irina Sokolova says.\n\nOn a construction site, Aibek Toktogulov is arguing with his foreman.\n\n“Toktogulov! Where is your helmet?”\n\n“On my head.”', '“On my head'), null);
    const call = 'Gulnara, 54, lives three houses down.\n\n“Everyone thinks only men can go,” Mohira said.\n\nIn the evening, when the heat had gone out of the day, Gulnara’s phone rang. Her husband appeared on the screen.\n\n“Did you eat?” she asked.';
    assert.equal(speakerOf(call, '“Did you eat'), 'Gulnara');
    // Not the owner of people ("’s aides", "’s shift supervisor").
    assert.equal(speakerOf(call.replace('Gulnara’s phone rang', 'Gulnara’s aides left'), '“Did you eat'), 'Mohira');
  });

  it('reads “she” or “he” doing something after a line of dialogue as its speaker, whom “she tells” in an attribution as no one else speaking, and a line in capitals with its attribution as speech', () => {
    const visit = 'Saltanat Mambetova, 78, lives across the road.\n\n“You came for nothing,” Saltanat says. “I wanted to tell you the boy has a fever.”\n\n“Which boy?”\n\n';
    assert.equal(speakerOf(`${visit}“This one.” She points at Bekzat, who studies the floor.`, '“This one'), 'Saltanat Mambetova');
    // Not a pronoun that stands for no one here.
    assert.equal(speakerOf('“This one.” He points at the boy.', '“This one'), null);
    const soup = 'Saltanat Mambetova, 78, lives across the road. Cholpon Abdykadyrova is the doctor.\n\nSaltanat comes across the road at noon. “You should get a generator,” she tells Cholpon. “Write to Japarov. Write to the television.”';
    assert.equal(speakerOf(soup, '“Write'), 'Saltanat Mambetova');
    // Someone named after the attribution's sentence still speaks.
    assert.equal(speakerOf(soup.replace('she tells Cholpon.', 'she tells Cholpon. Cholpon shrugs:'), '“Write'), 'Cholpon Abdykadyrova');
    const february = recognize('“Do you ever think about leaving?” I asked Cholpon Abdykadyrova.\n\n“Every February,” she said. “Then March comes.”', kb).quotes;
    assert.deepEqual(february.slice(1).map((q) => [q.kind, q.speaker]), [['speech', 'Cholpon Abdykadyrova'], ['speech', 'Cholpon Abdykadyrova']]);
    // Not a name in capitals inside a sentence.
    assert.equal(recognize('She called it “Great Game,” she said.', kb).quotes[0]?.kind, 'term');
  });
});

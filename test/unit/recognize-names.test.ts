import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { Gazetteer } from '../../src/core/recognize/gazetteer';
import type { Mention } from '../../src/core/model/types';
import { recognize, RECOGNITION_PASSES } from '../../src/core/recognize/index';
import { NAME_PARTICLES } from '../../src/core/recognize/lexicon';
import { looksHardWrapped } from '../../src/core/recognize/paragraphs';
import { familyName, firstWord, wordCount } from '../../src/core/recognize/people';
import { corpusLine, corpusText } from './corpus';

const kb = KnowledgeBase.builtin();
const mentions = (text: string): Mention[] => recognize(text, kb).mentions;
const spans = (text: string) => mentions(text).map((m) => `${m.text}:${m.type}:${m.name}`);

describe('names from the knowledge base', () => {
  it('spans only the name in a possessive, curly or straight', () => {
    const line = corpusLine('000', 'Russia loses to China: Putin');
    assert.deepEqual(spans(line).slice(0, 3), ['Russia:country:Russia', 'China:country:China', 'Putin:leader:Vladimir Putin']);
    assert.ok(spans('Putin’s allies').includes('Putin:leader:Vladimir Putin'));
  });

  it('reads a name with an apostrophe written curly or straight', () => {
    for (const text of ['the People’s Republic of China', "the People's Republic of China"]) assert.deepEqual(spans(text), [`${text.slice(4)}:country:China`]);
    assert.deepEqual(spans('Xi’an and Xi\'an'), ['Xi’an:place:Xian', "Xi'an:place:Xian"]);
  });

  it('reads a name that starts with lower-case particles: “von der Leyen”, “al-Assad”', () => {
    assert.deepEqual(spans('Ursula von der Leyen came; von der Leyen spoke.'), ['Ursula von der Leyen:leader:Ursula von der Leyen', 'von der Leyen:leader:Ursula von der Leyen']);
    assert.deepEqual(mentions('He met al-Assad and Assad.').map((m) => m.text), ['al-Assad', 'Assad']);
    // Not inside a word, nor with other particles.
    assert.deepEqual(spans('Evon der Leyen and van der Leyen.'), []);
  });

  it('reads an outlet’s or a bank’s name that holds a place’s as the organisation’s, no article in its span', () => {
    assert.deepEqual(spans('Nikkei Asia and The Moscow Times reported that the Bank of Russia held rates.'), [
      'Nikkei Asia:org:Nikkei Asia',
      'Moscow Times:org:Moscow Times',
      'Bank of Russia:org:Bank of Russia',
    ]);
    // A university named after a leader or holding a place's name; the United Kingdom's nations.
    assert.deepEqual(spans('At Nazarbayev University and the University of New South Wales, Wales beat England.'), [
      'Nazarbayev University:org:Nazarbayev University',
      'University of New South Wales:org:University of New South Wales',
      'Wales:place:Wales',
      'England:place:England',
    ]);
  });

  it('finds names inside hyphenated words', () => {
    assert.ok(spans(corpusLine('000', 'post-Soviet conflicts')).includes('Soviet:demonym:Soviet Union'));
    const usLed = mentions('the U.S.-led troops').find((m) => m.text === 'U.S.');
    assert.equal(usLed?.name, 'United States');
    assert.ok(spans('the Russian-led CSTO military bloc').includes('Russian:demonym:Russia'));
  });

  it('prefers the longest name', () => {
    const line = corpusLine('000', 're-export of goods to the Russian Federation');
    assert.ok(spans(line).includes('Russian Federation:country:Russia'));
    assert.ok(!spans(line).includes('Russian:demonym:Russia'));
  });

  it('folds diacritics and knows transliterations', () => {
    assert.ok(spans('Recep Tayyip Erdoğan met Erdogan’s aides').every((s) => s.endsWith(':leader:Recep Tayyip Erdoğan')));
    const line = corpusLine('000', 'Rakhmon and Japarov never shook hands');
    assert.ok(spans(line).includes('Rakhmon:leader:Emomali Rahmon'));
    assert.ok(spans(line).includes('Japarov:leader:Sadyr Japarov'));
    assert.ok(spans(corpusLine('000', 'prompted Zhaparov')).includes('Zhaparov:leader:Sadyr Japarov'));
    assert.ok(spans(corpusLine('002', 'Tokaev was still dependent')).includes('Tokaev:leader:Kassym-Jomart Tokayev'));
  });

  it('types demonyms with their country and places and organisations', () => {
    const line = corpusLine('000', 'Kazakhstani leadership');
    assert.ok(spans(line).includes('Kazakhstani:demonym:Kazakhstan'));
    const summit = spans(corpusLine('000', 'at the CIS summit in Kazakhstan'));
    assert.ok(summit.includes('Tajik:demonym:Tajikistan'));
    assert.ok(summit.some((s) => s.startsWith('CIS:org:')));
    assert.ok(spans(corpusLine('001', 'in Moscow, realizing')).includes('Moscow:place:Moscow'));
    assert.deepEqual(spans('The Taliban said ISIS-K planned it.'), ['Taliban:org:Taliban', 'ISIS-K:org:Islamic State Khorasan']);
    assert.deepEqual(spans('The Amu Darya and the Syr Darya fed the Aral Sea.'), ['Amu Darya:place:Amu Darya', 'Syr Darya:place:Syr Darya', 'Aral Sea:place:Aral Sea']);
    assert.deepEqual(spans('China National Nuclear Corp. and KHNP bid.'), ['China National Nuclear Corp.:org:China National Nuclear Corporation', 'KHNP:org:Korea Hydro & Nuclear Power']);
    // Both spellings of the OSCE's name.
    assert.deepEqual(spans('Observers from the Organization for Security and Cooperation in Europe said so.'), ['Organization for Security and Cooperation in Europe:org:Organization for Security and Co-operation in Europe']);
    assert.ok(spans('the Kremlin said').some((s) => s.startsWith('Kremlin:place:')));
    // The region's cities and regions news names.
    assert.deepEqual(spans('Tokayev met Putin in Sochi; protests in Nukus and Karakalpakstan, talks in Jalal-Abad.').filter((s) => s.includes(':place:')), ['Sochi:place:Sochi', 'Nukus:place:Nukus', 'Karakalpakstan:place:Karakalpakstan', 'Jalal-Abad:place:Jalal-Abad']);
    // A country's own Security Council is not the UN's.
    for (const text of ['Russia’s Security Council met.', 'the Russian Security Council met.', 'Kazakhstan\'s Security Council met.', 'the National Security Council met.', 'Putin told his Security Council.', 'the Security Council of the Russian Federation met.', 'the Security Council of Kazakhstan met.', 'secretary of Chechnya’s Security Council', 'Sergei Shoigu, now Secretary of the Security Council, spoke.', 'Dmitry Medvedev, the deputy chairman of the Security Council, spoke.', 'Security Council Secretary Sergei Shoigu spoke.']) assert.deepEqual(spans(text).filter((s) => s.includes('UN Security')), [], text);
    // Russia's own, named so.
    assert.deepEqual(spans('the Russian Security Council met.'), ['Russian Security Council:org:Security Council of Russia']);
    for (const text of ['the UN Security Council met.', 'the U.N. Security Council met.', 'The Security Council met.', 'The Security Council of the United Nations met.', 'The Security Council on Monday met.']) assert.ok(spans(text).some((s) => s.includes('Security Council:org:')), text);
    // The region's outlets and rights groups, an RFE/RL service by its own name.
    assert.deepEqual(spans('Human Rights Watch and the CPJ told Azattyk and CCTV'), ['Human Rights Watch:org:Human Rights Watch', 'CPJ:org:Committee to Protect Journalists', 'Azattyk:org:Radio Free Europe/Radio Liberty', 'CCTV:org:China Central Television']);
    // "Communist Party" is China's only once the article names that party.
    assert.deepEqual(spans('The Communist Party met.'), []);
    assert.deepEqual(spans('The Chinese Communist Party met. The Communist Party agreed.').filter((s) => s.includes(':org:')), ['Chinese Communist Party:org:Chinese Communist Party', 'Communist Party:org:Chinese Communist Party']);
  });

  it('tags “the West” but not Western or a bare West', () => {
    assert.ok(spans('compete with the West').some((s) => s.startsWith('West:place')));
    assert.ok(!spans('Western sanctions').some((s) => s.startsWith('West')));
    // Nor the head of a longer name: "the West Kowloon Magistrates' Courts".
    assert.deepEqual(spans('closing submissions at the West Kowloon Magistrates’ Courts'), []);
  });

  it('reads a name across a line break in a hard-wrapped text, and only there', () => {
    const wrapped = [
      'Kazakhstan’s president, Kassym-Jomart Tokayev, told a gathering of foreign',
      'investors in Astana on Tuesday that the country would remain open, and Kassym-Jomart',
      'Tokayev said that',
      'relations with Vladimir',
      'Putin remained pragmatic. Kyrgyz President Sadyr Japarov, speaking later, said',
      'the region needed more investment, not more lectures. Uzbek President Shavkat',
      'Mirziyoyev did not attend the meeting in the capital this year, his office said.',
    ].join('\n');
    const found = mentions(wrapped).map((m) => `${m.text}:${m.entity}`);
    assert.ok(found.includes('Vladimir\nPutin:Q7747'), found.join(' | '));
    // A break after a later word of the name, the first one hyphenated.
    assert.ok(found.includes('Kassym-Jomart\nTokayev:person:kassym-jomart-tokayev'), found.join(' | '));
    assert.ok(found.includes('Shavkat\nMirziyoyev:person:shavkat-mirziyoyev'), found.join(' | '));
    assert.ok(!found.some((f) => f.startsWith('Shavkat:')), 'no leader named Shavkat alone');
    // Lines that are paragraphs: a heading's last word and the next line's first are no name.
    const paragraphs = 'Talks with Vladimir\nPutin remained pragmatic, the Kremlin said on Tuesday.';
    assert.ok(!mentions(paragraphs).some((m) => m.text.includes('\n')));
    // The same with Windows line ends.
    const crlf = mentions(wrapped.replaceAll('\n', '\r\n')).map((m) => `${m.text}:${m.entity}`);
    assert.ok(crlf.includes('Vladimir\r\nPutin:Q7747'), crlf.join(' | '));
    assert.ok(crlf.includes('Shavkat\r\nMirziyoyev:person:shavkat-mirziyoyev'), crlf.join(' | '));
    assert.ok(!mentions(paragraphs.replace('\n', '\r\n')).some((m) => m.text.includes('\n')));
  });

  it('reads no place in the name of an oil grade: “Urals crude”', () => {
    assert.deepEqual(spans('The discount on Urals crude and the ESPO blend narrowed in the Urals.'), ['Urals:place:Urals']);
    // Nor in a ship's: "the nuclear icebreaker Yakutia".
    assert.deepEqual(spans('The nuclear icebreaker Yakutia left Yakutia.'), ['Yakutia:place:Yakutia']);
  });

  it('reads a name a hard-wrapped text hyphenated at a line’s end, as a PDF’s text has it', () => {
    const wrapped = [
      'At the St Petersburg forum in June 2022, with Putin beside him, President Tokay-',
      'ev said his country would not recognise the republics. Kremlin spokesman Dmitry Pes-',
      'kov said Moscow understood, and Xi spoke at the gates of Nazarbayev Uni-',
      'versity in 2013 about relations between the capitals Moscow and Bei-',
      'jing. It was the Kremlin, not the office of President Kassym-',
      'Jomart Tokayev, that drew the eye of the Moscow-',
      'based press, always quick to see the signs of Sino-',
      'Russian rivalry in the steppe, where the railways of the region meet.',
    ].join('\n');
    for (const ends of ['\n', '\r\n']) {
      const found = mentions(wrapped.replaceAll('\n', ends)).map((m) => `${m.text.replaceAll(ends, '⏎')}:${m.name}`);
      for (const f of ['Tokay-⏎ev:Kassym-Jomart Tokayev', 'Dmitry Pes-⏎kov:Dmitry Peskov', 'Nazarbayev Uni-⏎versity:Nazarbayev University', 'Bei-⏎jing:Beijing', 'Kassym-⏎Jomart Tokayev:Kassym-Jomart Tokayev', 'Moscow:Moscow']) assert.ok(found.includes(f), `${f} in ${found.join(' | ')}`);
      assert.ok(!found.some((f) => f.startsWith('Tokay:') || f.startsWith('Nazarbayev:') || f.startsWith('Dmitry Pes:')), found.join(' | '));
    }
    // Not in a text that is not hard-wrapped.
    assert.ok(!mentions('President Tokay-\nev said so.').some((m) => m.name === 'Kassym-Jomart Tokayev'));
    // Such a name is looked up as it was found.
    const gazetteer = Gazetteer.fromKb(kb);
    assert.equal(gazetteer.lookup('Tokay-\r\nev')?.[0]?.entity.name, 'Kassym-Jomart Tokayev');
    assert.equal(gazetteer.lookup('Kassym-\nJomart Tokayev')?.[0]?.entity.name, 'Kassym-Jomart Tokayev');
  });

  it('takes a short article of short wrapped paragraphs for hard-wrapped, and web text for not', () => {
    const wrapped = [
      'Uzbekistan court jails blogger',
      '',
      'A court in Nukus on Tuesday sentenced the blogger Valijon Kalonov to',
      'seven years in prison, his lawyer said, in a case rights groups called',
      'politically motivated. Mr Kalonov had criticised President Shavkat',
      'Mirziyoyev over constitutional changes that sparked protests in 2022.',
      '',
      '"This verdict sends a chilling message," said Hugh Williamson, Europe',
      'and Central Asia director at Human Rights Watch. "Uzbekistan promised',
      'reform, but critics are still behind bars."',
      '',
      'The prosecutor general’s office did not respond. Kalonov denied the',
      'charges, according to his sister, Malika Kalonova.',
    ];
    // As a file ends, with a line break (the last paragraph's end counted against it once).
    assert.ok(looksHardWrapped(`${wrapped.join('\n')}\n`));
    assert.ok(mentions(`${wrapped.join('\r\n')}\r\n`).some((m) => m.text === 'Shavkat\r\nMirziyoyev'));
    // Paragraphs of one line each, blank lines between or none, and a heading before a paragraph: not wrapped.
    const paragraphs = wrapped.filter((l) => l !== '').map((l, i) => (i % 2 ? l : `${l} ${l}`));
    assert.ok(!looksHardWrapped(paragraphs.join('\n\n')));
    assert.ok(!looksHardWrapped(paragraphs.map((l) => `${l} ${l}`).join('\n')));
    assert.ok(!looksHardWrapped('Talks with Vladimir\nPutin remained pragmatic, the Kremlin said on Tuesday.'));
  });

  it('reads a wire story’s dateline in capitals as the place', () => {
    assert.deepEqual(spans('MOSCOW, Nov 26 (Reuters) - Russia said'), ['MOSCOW:place:Moscow', 'Reuters:org:Reuters', 'Russia:country:Russia']);
    assert.deepEqual(spans('Intro.\nASTANA, Kazakhstan (AP) — It rained.').slice(0, 2), ['ASTANA:place:Astana', 'Kazakhstan:country:Kazakhstan']);
    assert.deepEqual(spans('NEW DELHI (Reuters) - India'), ['NEW DELHI:place:New Delhi', 'Reuters:org:Reuters', 'India:country:India']);
    assert.equal(spans('BISHKEK, Kyrgyzstan, Nov. 25 (Xinhua) -- Talks')[0], 'BISHKEK:place:Bishkek');
    assert.equal(spans('  HONG KONG — Protests')[0], 'HONG KONG:country:Hong Kong');
    assert.equal(spans('TASHKENT - The talks')[0], 'TASHKENT:place:Tashkent');
    assert.equal(spans('UNITED NATIONS (AP) — Talks')[0], 'UNITED NATIONS:org:United Nations');
    // Places joined by slashes, each of them one.
    assert.deepEqual(spans('MOSCOW/ASTANA, Nov 9 (Reuters) - Talks'), ['MOSCOW:place:Moscow', 'ASTANA:place:Astana', 'Reuters:org:Reuters']);
    assert.deepEqual(spans('TAIPEI/HONG KONG — Talks'), ['TAIPEI:place:Taipei', 'HONG KONG:country:Hong Kong']);
    assert.deepEqual(spans('MOSCOW/GAZPROM HQ — Talks'), []);
    assert.deepEqual(spans('MOSCOW/ASTANA/ — Talks'), []);
    // Or alone on its line, a section's heading.
    assert.deepEqual(spans('Week in review\n\nKAZAKHSTAN\n\nTalks.\n\nTURKMENISTAN\r\nGas.\n\nMOSCOW'), ['KAZAKHSTAN:country:Kazakhstan', 'TURKMENISTAN:country:Turkmenistan', 'MOSCOW:place:Moscow']);
    // Not a dateline: mid-line, run into a word, no mark after, a shouted headline, a word that needs "the".
    for (const text of ['Talks in MOSCOW, then Kyiv', 'MOSCOW-BASED analysts', 'MOSCOW is cold', 'MOSCOW WARNS KYIV', 'WEST, the']) {
      assert.deepEqual(spans(text).filter((s) => s.startsWith('MOSCOW') || s.startsWith('KYIV') || s.startsWith('WEST')), [], text);
    }
  });

  it('finds no name inside a web address or a handle', () => {
    assert.deepEqual(spans('See https://t.me/Putin/8841, www.kremlin.ru/Putin and @Putin.'), []);
    assert.deepEqual(spans('U.S./Russia talks: Putin.'), ['U.S.:country:United States', 'Russia:country:Russia', 'Putin:leader:Vladimir Putin']);
  });

  it('leaves words in shouted lines alone', () => {
    assert.deepEqual(spans('FOLLOW US ON GOOGLE NEWS'), []);
  });

  it('reads a whole name that holds a country’s, a place’s or another leader’s: “Kazakhstan Temir Zholy”, “Abdul Ghani Baradar”', () => {
    assert.deepEqual(spans('Kazakhstan Temir Zholy and the Export-Import Bank of China met at the American University of Central Asia.'), [
      'Kazakhstan Temir Zholy:org:Kazakhstan Temir Zholy',
      'Export-Import Bank of China:org:Export-Import Bank of China',
      'American University of Central Asia:org:American University of Central Asia',
    ]);
    // "Ghani" of his given names is Ashraf Ghani's family name.
    assert.deepEqual(spans('Abdul Ghani Baradar met Alexei Overchuk in Erenhot; Baradar spoke.'), [
      'Abdul Ghani Baradar:leader:Abdul Ghani Baradar',
      'Alexei Overchuk:leader:Alexei Overchuk',
      'Erenhot:place:Erenhot',
      'Baradar:leader:Abdul Ghani Baradar',
    ]);
  });

  it('takes “Mao” alone for Mao Zedong only where he is named in full, not beside Mao Ning', () => {
    assert.deepEqual(spans('Khrushchev quarrelled with Mao Zedong. Mao won.'), ['Khrushchev:leader:Nikita Khrushchev', 'Mao Zedong:leader:Mao Zedong', 'Mao:leader:Mao Zedong']);
    assert.deepEqual(spans('Foreign Ministry spokesperson Mao Ning said so. “We welcome it,” Mao said.'), ['Mao Ning:person:Mao Ning', 'Mao:person:Mao Ning']);
  });
});

describe('people the knowledge base does not know', () => {
  it('types a name after a political title as a leader tied to the title’s country', () => {
    const m = mentions('Kyrgyz President Adilbek Sultanov met reporters. Sultanov said little.');
    const first = m.find((x) => x.text === 'Adilbek Sultanov')!;
    assert.equal(first.type, 'leader');
    assert.equal(first.entity, null);
    assert.equal(first.country, 'KGZ');
    const later = m.find((x) => x.text === 'Sultanov')!;
    assert.equal(later.name, 'Adilbek Sultanov');
    // An opposition leader holds no office, at a sentence's start too.
    for (const text of ['It was, said opposition leader Mukhtar Aliyarov.', 'Opposition leader Mukhtar Aliyarov, who lives in France, spoke.']) {
      assert.equal(mentions(text).find((x) => x.text === 'Mukhtar Aliyarov')?.type, 'person', text);
    }
    // A central bank's governor holds no political office; a region's does.
    assert.equal(mentions('Central Bank Governor Elvira Nabiullina raised the rate.')[0]?.type, 'person');
    assert.equal(mentions('Governor Alexander Beglov spoke.')[0]?.type, 'leader');
  });

  it('types experts, authors and speakers as people and follows their family name', () => {
    const text = corpusText('002');
    const umarov = mentions(text).filter((x) => x.name === 'Temur Umarov');
    assert.ok(umarov.length >= 10, `Umarov found ${umarov.length} times`);
    assert.ok(umarov.every((x) => x.type === 'person'));
    assert.ok(mentions(text).some((x) => x.text === 'Anne-Kathrin Hamilton' && x.type === 'person'));
    const burnashev = mentions(corpusLine('000', 'political scientist Rustam Burnashev'));
    assert.ok(burnashev.some((x) => x.text === 'Rustam Burnashev' && x.type === 'person'));
  });

  it('links romanisations of one family name in a document', () => {
    const m = mentions('According to Alisher Ilhamov, an expert, the gap will close. Ilkhamov is sure of it.');
    const names = m.filter((x) => x.type === 'person').map((x) => x.name);
    assert.equal(new Set(names).size, 1);
    assert.equal(names.length, 2);
  });

  it('takes no title in a headline in title case for a cue', () => {
    const people = (text: string) => mentions(text).filter((m) => m.entity === null).map((m) => m.text);
    assert.deepEqual(people('Turkmen Leader Orders Crackdown On Internet Access\n\nThe ministry said so.'), []);
    assert.deepEqual(people('Kazakh President Visits Beijing For Talks\n\nIt rained.'), []);
    // A sentence, a credit or a byline still cues.
    assert.deepEqual(people('Kazakh President Ivan Petrov visits Beijing.'), ['Ivan Petrov']);
    assert.deepEqual(people('Photo: Anna Petrova | Agency Pictures Global'), ['Anna Petrova']);
  });

  it('reads honorifics and abbreviated titles, and no person in a body a title word names', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Mr. Ivanov was there. Later Ivanov left.'), ['Ivanov:person', 'Ivanov:person']);
    // Religious honorifics too, no part of the name; an appositive after an honorific may make a leader.
    assert.deepEqual(typed('Mawlawi Abdul Kabir, the acting minister for refugees, said so. Mullah Zakir spoke.'), ['Abdul Kabir:leader', 'Zakir:person']);
    assert.deepEqual(typed('Mr. Ivan Sidorov, the expert, said so.'), ['Ivan Sidorov:person']);
    assert.deepEqual(typed('Ms Olga Petrova was there.'), ['Olga Petrova:person']);
    assert.deepEqual(typed('Sen. Lindsey Graham and Gov. Gavin Newsom spoke.'), ['Lindsey Graham:leader', 'Gavin Newsom:leader']);
    assert.deepEqual(typed('Chief of the General Staff Gen. Valery Gerasimov said so.'), ['Valery Gerasimov:person']);
    assert.deepEqual(typed('The General Staff said it was ready, and the General Assembly voted.'), ['General Assembly:org']);
    // Nor in a body's name the knowledge base does not know, a speech verb after it.
    assert.deepEqual(typed('The Central Election Commission said on Monday that the Constitutional Court told reporters so.'), []);
  });

  it('reads a name as the appositive of a role, a title or a relative', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}:${x.entity ?? '-'}`);
    assert.ok(typed('Human Rights Watch’s Central Asia researcher, Syinat Sultanalieva, said the arrest was wrong.').includes('Syinat Sultanalieva:person:-'));
    assert.ok(typed('The relatives said so. Her brother, Farrukh Hakimov, told reporters.').includes('Farrukh Hakimov:person:-'));
    assert.ok(typed('His brother Farrukh Hakimov left.').includes('Farrukh Hakimov:person:-'));
    assert.ok(typed('Tokayev’s press secretary, Berik Uali, wrote that the report was “nonsense.”').includes('Berik Uali:person:-'));
    assert.ok(typed('His deputy, Aibek Dzhunushaliev, said so.').includes('Aibek Dzhunushaliev:person:-'));
    // A member of a parliament holds office.
    assert.ok(typed('State Duma deputy Yevgeny Fyodorov said the law was needed.').includes('Yevgeny Fyodorov:leader:-'));
    assert.ok(typed('Mazhilis deputy Aidos Sarym said so.').includes('Aidos Sarym:leader:-'));
    const minister = mentions('Kazakhstan’s foreign minister, Murat Nurtleu, met them.').find((m) => m.text === 'Murat Nurtleu');
    assert.equal(minister?.type, 'leader');
    // A lone given name too, commas around it: "his wife, Jamila, told".
    assert.ok(typed('“He is a political prisoner,” his wife, Jamila, told the BBC.').includes('Jamila:person:-'));
    assert.deepEqual(typed('Still, a spokesman said so. In the end, Jamila, who left, agreed.').filter((s) => s.includes(':person:')), []);
    assert.ok(typed('Pjotr Sauer is the Guardian’s Russia affairs reporter.').includes('Pjotr Sauer:person:-'));
    // A speech verb before a lone name and a role's appositive after it: "said Gulnara, a 45-year-old teacher".
    assert.ok(typed('“We just want to live normally,” said Gulnara, a 45-year-old teacher.').includes('Gulnara:person:-'));
    // Roles of those a report quotes besides officials and experts, a judge's with a capital too.
    assert.ok(typed('Valentina Chupik, a Uzbek-born rights advocate who works from Armenia, said so.').includes('Valentina Chupik:person:-'));
    assert.ok(typed('Daulet Serikov, the former middleweight world champion, has tried.').includes('Daulet Serikov:person:-'));
    assert.deepEqual(typed('Judge Olga Fedina read the verdict. Judge Fedina left.').filter((t) => t.endsWith(':-')), ['Olga Fedina:person:-', 'Fedina:person:-']);
    assert.deepEqual(typed('“No,” said Zhibek, a Kazakh.').filter((s) => s.includes(':person:')), []);
    // A role or a title with what completes it: a leader only for an office ("of Kyrgyzstan", not "of the bank").
    assert.ok(typed('The European Union’s special representative for Central Asia, Anna Virtanen, said so.').includes('Anna Virtanen:person:-'));
    assert.ok(typed('The UN special rapporteur on human rights defenders, Mary Lawlor, said so.').includes('Mary Lawlor:person:-'));
    assert.ok(typed('She wrote to the president of the bank, Olga Ivanova, on Monday.').includes('Olga Ivanova:person:-'));
    assert.ok(typed('The Prime Minister of Kyrgyzstan, Kanybek Japarov, said so.').includes('Kanybek Japarov:leader:-'));
    assert.deepEqual(typed('After the end of the talks on trade, Farrukh Hakimzoda left.').filter((s) => s.startsWith('Farrukh')), []);
    assert.deepEqual(typed('He is an analyst; on Monday, Zoir Hakim, who left, agreed.').filter((s) => s.startsWith('Zoir')), []);
    // The sentence's end may close the appositive: "said the expert, Anna Petrova."
    assert.ok(typed('“No,” said the expert, Anna Petrova.').includes('Anna Petrova:person:-'));
    assert.ok(typed('He thanked his wife, Jamila.').includes('Jamila:person:-'));
    // Whom a scene meets by a role of the day: a roommate, a groom, a bride.
    assert.ok(typed('Her roommate, Zhao Ting, leaned down from the top bunk.').includes('Zhao Ting:person:-'));
    assert.ok(typed('The groom, Dovlet, is 25.').includes('Dovlet:person:-'));
    assert.deepEqual(typed('In the end, Farrukh Hakimzoda.').filter((s) => s.startsWith('Farrukh')), []);
    // Roles of international bodies.
    assert.ok(typed('UN special rapporteur Mary Lawlor said so.').includes('Mary Lawlor:person:-'));
    assert.ok(typed('The EU’s special representative, Anna Virtanen, said so.').includes('Anna Virtanen:person:-'));
    // No role before the comma, or no comma closing the name: nobody.
    assert.deepEqual(typed('In the report, Farrukh Hakimzoda was named.').filter((s) => s.startsWith('Farrukh')), []);
    assert.deepEqual(typed('The researcher, Farrukh Hakimzoda and others left.').filter((s) => s.startsWith('Farrukh')), []);
  });

  it('reads a title completed by a portfolio or a place: “Minister of Energy …”, “Ambassador to Kazakhstan …”', () => {
    const found = (text: string, name: string) => mentions(text).find((m) => m.text === name);
    const minister = found('Kazakhstan’s Minister of Energy Almassadam Satkaliyev said the plan was ready.', 'Almassadam Satkaliyev');
    assert.equal(minister?.type, 'leader');
    assert.equal(minister?.country, 'KAZ');
    assert.equal(found('The Minister for Foreign Affairs Ivan Petrov met them.', 'Ivan Petrov')?.type, 'leader');
    assert.equal(found('Chinese Ambassador to Kazakhstan Han Chunlin met Tokayev.', 'Han Chunlin')?.type, 'person');
    assert.equal(found('Head of the Presidential Administration Kadyrbek Atambaev met them.', 'Kadyrbek Atambaev')?.type, 'person');
    // A complement with its own "of", the country named before the title.
    const deputy = found('Turkmen Deputy Chairman of the Cabinet of Ministers Batyr Amanov attended.', 'Batyr Amanov');
    assert.equal(deputy?.type, 'leader');
    assert.equal(deputy?.country, 'TKM');
    assert.equal(found('It was drafted by former U.S. deputy secretary of state Kurt Campbell.', 'Kurt Campbell')?.type, 'leader');
    // "Chief Executive" is no part of the name.
    assert.deepEqual(mentions('Rosatom Chief Executive Alexei Likhachev said so.').map((m) => m.text), ['Rosatom', 'Alexei Likhachev']);
    // No title before "to", or no "of", "for" or "to" after it: nobody.
    assert.equal(found('On a trip to Kazakhstan Han Chunlin met Tokayev.', 'Han Chunlin'), undefined);
    assert.equal(found('The Minister in Kazakhstan Han Chunlin said so.', 'Han Chunlin')?.type, 'person');
  });

  it('leaves a leader’s family name to someone else when another given name stands before it', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}:${x.entity ?? '-'}`);
    const sadyr = mentions('Sadyr Japarov')[0]!.entity;
    assert.deepEqual(typed('The deal was signed by Kanybek Japarov, the former chairman of the cabinet.'), ['Kanybek Japarov:leader:-']);
    // At a sentence's start, an appositive with a role or a title says so, or one of the region's common given names; an adverb there is no given name.
    assert.deepEqual(typed('Kanybek Japarov, chairman of the cabinet of ministers, said so.'), ['Kanybek Japarov:leader:-']);
    assert.deepEqual(typed('Nurlan Japarov runs a café.'), ['Nurlan Japarov:person:-']);
    assert.ok(!spans('Zelimkhan Kadyrov was appointed secretary.').some((s) => s.includes('Ramzan')), 'Zelimkhan Kadyrov');
    assert.deepEqual(typed('Chairman of the Cabinet: Nurlan Japarov (2021–2024)'), ['Nurlan Japarov:person:-']);
    // A given name with a hyphen, or after a dash opening a signature: "By Min-ji Yoon", "— Farid Aliyev, Manchester".
    assert.deepEqual(mentions('By Min-ji Yoon and Andrei Sokolov').map((x) => `${x.text}:${x.type}:${x.entity ?? '-'}`), ['Min-ji Yoon:person:-', 'Andrei Sokolov:person:-']);
    assert.ok(!mentions('Q: Why?\n— Farid Aliyev, Manchester').some((x) => x.text === 'Aliyev'), 'Farid Aliyev');
    // The knowledge base's own namesake is his.
    const akylbek = mentions('Akylbek Japarov')[0]!.entity;
    assert.ok(akylbek && akylbek !== sadyr);
    assert.deepEqual(typed('Akylbek Japarov chaired the cabinet. Later, Akylbek Japarov met investors.'), [`Akylbek Japarov:leader:${akylbek}`, `Akylbek Japarov:leader:${akylbek}`]);
    assert.deepEqual(typed('Later Japarov, the president, said so.'), [`Japarov:leader:${sadyr}`]);
    // After a quote's close too, and the bare family name after it is that someone's.
    const kim = mentions('“We are not cousins,” Viktor Kim said. Kim added that he was sure.').map((x) => `${x.text}:${x.type}:${x.name}`);
    assert.deepEqual(kim, ['Viktor Kim:person:Viktor Kim', 'Kim:person:Viktor Kim']);
    // A relative's appositive too; a title in its possessive is the relative's (a person).
    assert.deepEqual(typed('Bolat Nazarbayev, the former president’s brother, said nothing.'), ['Bolat Nazarbayev:person:-']);
    // His own given name, a title, a demonym, a sentence's start: the leader still.
    for (const text of ['It was signed by Sadyr Japarov.', 'It was signed by President Japarov.', 'It was signed by Kyrgyz Japarov.', 'Later Japarov signed it.', 'It was signed, Japarov said.']) {
      assert.ok(mentions(text).some((x) => x.text.endsWith('Japarov') && x.entity === sadyr), text);
    }
  });

  it('reads British honorifics, ranks written out and more roles as cues, and no question word or diplomatic rank as a name', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('The Speaker, Sir Alan Crewe, called for order. Dame Hilary Moss spoke next.'), ['Alan Crewe:person', 'Hilary Moss:person']);
    // No honorific is part of a known name; a given name after it is the known person's once named in full.
    assert.deepEqual(spans('Sir Keir Starmer met Xi. Sir Keir said so.'), ['Keir Starmer:leader:Keir Starmer', 'Xi:leader:Xi Jinping', 'Keir:leader:Keir Starmer']);
    assert.deepEqual(typed('Colonel Saidali Rahimzoda named the dead: Sergeant Firdavs Nazarov and Lieutenant Umed Safarov.'), ['Saidali Rahimzoda:person', 'Firdavs Nazarov:person', 'Umed Safarov:person']);
    assert.deepEqual(typed('Nilufar Rakhimova, a hydrologist at an institute, disagrees.'), ['Nilufar Rakhimova:person']);
    assert.deepEqual(typed('Rahul Menon, a commodities strategist at a bank, expects a glut. “It is a medal,” said the team’s chef de mission, Nurbek Asanov.'), ['Rahul Menon:person', 'Nurbek Asanov:person']);
    assert.deepEqual(typed('Profile\n\nHow Yerlan Dossanov built an empire\n\n“I did not inherit anything,” Dossanov said.').slice(0, 1), ['Yerlan Dossanov:person']);
    assert.deepEqual(typed('The author is Ambassador Extraordinary and Plenipotentiary of China.'), []);
    // A captain's rank, and roles completed by "at", "from" or "with" (not a title so: "president at" is no office).
    assert.deepEqual(typed('“It matters,” said Captain Rustam Aliyev, a master with the shipping company.'), ['Rustam Aliyev:person']);
    assert.deepEqual(typed('A waitress at the restaurant, Zhanar Tulegenova, said she heard screaming. A colleague from Tashkent, Nodira Kasymova, agreed.'), ['Zhanar Tulegenova:person', 'Nodira Kasymova:person']);
    assert.deepEqual(typed('A vice president at the bank, Ivan Petrov, said so. The minister at the time, Oleg Sidorov, agreed.'), ['Ivan Petrov:person', 'Oleg Sidorov:person']);
    // More roles, an age before the name no part of it, a company's officer, senators in the plural; a place after "of" is no one's.
    assert.deepEqual(typed('Galina Sergeyeva, a 67-year-old retired schoolteacher, sat down. Irina Soloveva, a bookkeeper, left. Their captain, Azamat Tokoev, shrugged.'), ['Galina Sergeyeva:person', 'Irina Soloveva:person', 'Azamat Tokoev:person']);
    assert.deepEqual(typed('Sixteen-year-old Nurlan Sadu scored. “We will grow,” Chief Executive Officer Meirzhan Yussupov said. Arbiter Sergei Voloshin agreed.'), ['Nurlan Sadu:person', 'Meirzhan Yussupov:person', 'Sergei Voloshin:person']);
    assert.deepEqual(typed('Sheldon Whitehouse, a Rhode Island Democrat, spoke.'), ['Sheldon Whitehouse:person']);
    assert.deepEqual(typed('Drivers wait for days. One of them, Ganzorig Tseren, said it was cold. Some of them, Bold Bat, left.'), ['Ganzorig Tseren:person']);
    assert.deepEqual(typed('A 52-year-old Uyghur woman spoke. The 34-year-old Nurlan smiled; the 34-year-old Hope Street closed.'), ['Nurlan:person']);
    assert.deepEqual(typed('Senators Roger Wicker, a Republican, spoke. Sen. Jim Risch of Idaho, the committee’s top Republican, said no.'), ['Roger Wicker:leader', 'Jim Risch:leader']);
    assert.deepEqual(typed('“I voted,” said Dilshod, a 29-year-old bank employee. A reader in Bishkek, Aibek Toktogulov, wrote in. Stephen Schneck, the commission’s chair, said so.'), ['Dilshod:person', 'Aibek Toktogulov:person', 'Stephen Schneck:person']);
  });

  it('reads a role after a possessive in an appositive, and a speech verb after an affiliation', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('In a new paper, Nargis Kassenova of Harvard University argues that it will fail.'), ['Nargis Kassenova:person']);
    // A clause of "who" between the name and the speech verb.
    assert.deepEqual(typed('Aigerim Tleuzhan, who heads a legal aid group in Almaty, said the changes would hurt.'), ['Aigerim Tleuzhan:person', 'Almaty:place']);
    // (A clause of "who" after a full name of the region's shapes or with a common given name makes it a person's too.)
    assert.deepEqual(typed('Aigerim Tleuzhan, who heads a legal aid group in Almaty, met them.'), ['Aigerim Tleuzhan:person', 'Almaty:place']);
    assert.deepEqual(typed('Uzbek opposition figure Muhammad Salih, who lives in exile, spoke.'), ['Uzbek:demonym', 'Muhammad Salih:person']);
    assert.deepEqual(typed('Alexei Likhachev, Rosatom’s chief executive, told reporters.'), ['Alexei Likhachev:person', 'Rosatom:org']);
    assert.deepEqual(typed("Alexei Likhachev, Rosatom's chief executive, told reporters."), ['Alexei Likhachev:person', 'Rosatom:org']);
    // A title after the speech verb that follows the appositive is whom the speaker speaks of, not the speaker's.
    assert.deepEqual(typed('His spokesman, Aidos Ukibay, said the former president “respects the court.”'), ['Aidos Ukibay:person']);
    assert.deepEqual(typed('The State Committee for National Security, headed by Bolot Asanov, said the journalist was suspected.'), ['Bolot Asanov:person']);
    // After a speech verb, the appositive says whether the speaker holds an office.
    assert.deepEqual(typed('“Fines work,” said Rustam Aliev, the minister for trade. “Fines work,” said Anvar Saliev, a teacher.'), ['Rustam Aliev:leader', 'Anvar Saliev:person']);
    assert.deepEqual(typed('“We are ready,” said Aida Balayeva, the deputy prime minister.'), ['Aida Balayeva:leader']);
    assert.deepEqual(typed('“Fines work,” said Rustam Aliev, a spokesman for the minister.'), ['Rustam Aliev:person']);
    // A title with a name after it in the appositive is that name's ("President Donald Trump's envoy").
    assert.deepEqual(typed('Keith Kellogg, President Donald Trump’s envoy for Ukraine, met him.'), ['Keith Kellogg:person', 'Donald Trump:leader', 'Ukraine:country']);
    // Capitalised words naming a region or a body before the role ("Europe and Central Asia program coordinator").
    assert.deepEqual(typed('Gulnoza Said, Europe and Central Asia program coordinator at the Committee to Protect Journalists, said so.').slice(0, 1), ['Gulnoza Said:person']);
    assert.deepEqual(typed('Ivan Sidorov, Secretary General of the Council, spoke.'), ['Ivan Sidorov:leader']);
  });

  it('calls the bearer of a Chinese name by the family name, which comes first', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}:${x.name}`);
    assert.deepEqual(typed('Foreign Ministry spokesperson Mao Ning spoke. Mao said so; Ning did not.'), ['Mao Ning:person:Mao Ning', 'Mao:person:Mao Ning']);
    // Two of one family are two people; a leader's bare family name before another given name is someone else.
    assert.deepEqual(typed('It will respond, said spokesman Wang Wenbin. Wang said so. Another spokesman, Wang Lei, agreed.'), ['Wang Wenbin:person:Wang Wenbin', 'Wang:person:Wang Wenbin', 'Wang Lei:person:Wang Lei']);
    assert.deepEqual(typed('Foreign Minister Wang Yi met spokesman Wang Wenbin.').map((m) => m.split(':')[0]), ['Wang Yi', 'Wang Wenbin']);
    // A given name written with a hyphen too: "Tsai Ming-hui" is no Tsai Ing-wen.
    assert.deepEqual(typed('The fishing-boat owner Tsai Ming-hui said he worried.'), ['Tsai Ming-hui:person:Tsai Ming-hui']);
    // Or a word in lower case after the other name, where no title-case headline is: "Timur Abenov of the institute" is no Amir Timur.
    assert.deepEqual(typed('Near the statue of Amir Timur, economist Timur Abenov of the institute spoke.'), ['Amir Timur:person:Amir Timur', 'Timur Abenov:person:Timur Abenov']);
    assert.deepEqual(typed('Near the statue of Amir Timur, Timur Meets Crowds.').at(-1), 'Timur:person:Amir Timur');
    assert.deepEqual(typed('Foreign Minister Wang Yi arrived. Wang said so.').at(-1), 'Wang:leader:Wang Yi');
    // A leader's weak family name goes to whoever of that family was named last before it.
    assert.deepEqual(typed('Foreign Minister Wang Yi arrived. Spokesman Wang Wenbin spoke. Wang said so.').at(-1), 'Wang:person:Wang Wenbin');
    assert.deepEqual(typed('Spokesman Wang Wenbin spoke. Foreign Minister Wang Yi arrived. Wang said so.').at(-1), 'Wang:leader:Wang Yi');
    assert.deepEqual(typed('Spokesman Wang Wenbin spoke. Wang said so. Foreign Minister Wang Yi arrived.')[1], 'Wang:person:Wang Wenbin');
    // A leader's weak family name as someone else's given name: "Kim" and "Lee" were ambiguous leaders here.
    assert.deepEqual(typed('Lee Anderson said he agreed.'), ['Lee Anderson:person:Lee Anderson']);
    assert.deepEqual(typed('Kim Jong Un spoke. Kim Sun-hee said so.').at(-1), 'Kim Sun-hee:person:Kim Sun-hee');
    // Not the head of a body's name, nor before a word that is no speech verb.
    assert.deepEqual(typed('Imran Khan is in jail. Khan Academy, a charity, and Khan Academy offers help. Khan said no.').at(-1), 'Khan:leader:Imran Khan');
    assert.deepEqual(typed('Imran Khan is in jail. Khan Younis is a city. Khan said no.').at(-1), 'Khan:leader:Imran Khan');
    assert.deepEqual(typed('(Reporting by Munkhchimeg Davaasharav; Editing by Kim Coghill)'), ['Munkhchimeg Davaasharav:person:Munkhchimeg Davaasharav', 'Kim Coghill:person:Kim Coghill']);
    // Not before a name's suffix, nor at a line's end, where a headline in capitals may stand.
    assert.deepEqual(typed('George W. Bush spoke. The elder Bush Sr. did not.').at(-1), 'Bush:leader:George H. W. Bush');
    assert.deepEqual(typed('Kim Jong Un spoke.\n\nKim Warns\n').at(-1), 'Kim:leader:Kim Jong Un');
    assert.deepEqual(typed('Defence Minister Rajnath Singh spoke. The activist Jaswant Singh disagreed. Singh said so.').at(-1), 'Singh:person:Jaswant Singh');
    assert.deepEqual(typed('The activist Jaswant Singh disagreed. Defence Minister Rajnath Singh spoke. Singh said so.').at(-1), 'Singh:leader:Rajnath Singh');
    // A hyphenated given name, as Taiwanese and Korean names are written.
    assert.deepEqual(typed('It failed, said analyst Park Ji-won. Park said so; Ji-won did not.'), ['Park Ji-won:person:Park Ji-won', 'Park:person:Park Ji-won']);
    // Western names keep the family name last, a hyphenated one too.
    assert.deepEqual(typed('It failed, said lawyer Lin Wood. Wood said so; Lin did not.'), ['Lin Wood:person:Lin Wood', 'Wood:person:Lin Wood']);
    assert.deepEqual(typed('It failed, said envoy Linda Thomas-Greenfield. Thomas-Greenfield said so; Linda did not.'), ['Linda Thomas-Greenfield:person:Linda Thomas-Greenfield', 'Thomas-Greenfield:person:Linda Thomas-Greenfield']);
  });

  it('reads a role with a capital at a sentence’s start: “Analyst Arkady Dubnov disagreed”', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}`);
    for (const role of ['Analyst', 'Spokesman', 'Journalist']) assert.deepEqual(typed(`${role} Arkady Dubnov disagreed.`), ['Arkady Dubnov:person'], role);
    // Not in a headline in title case, nor a family name that is a role word too.
    assert.deepEqual(typed('Analyst Says Arkady Dubnov Is Wrong'), []);
    assert.deepEqual(typed('Farmer Arkady Dubnov disagreed.'), []);
    // A deputy of a parliament, as Central Asian news in English calls its members; a deputy minister is a leader.
    assert.deepEqual(typed('Deputy Nurlan Auesbayev, one of the bill’s sponsors, told reporters so.'), ['Nurlan Auesbayev:person']);
    assert.deepEqual(typed('Deputy Foreign Minister Roman Vassilenko agreed.'), ['Roman Vassilenko:leader']);
    assert.deepEqual(typed('Prosecutor Aibek Sultanov had asked for eight years.'), ['Aibek Sultanov:person']);
  });

  it('makes a leader of one “who served as prime minister”, their family name alone too', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.type}`);
    const head = 'Bakyt Sarsenov, the former head of the security committee, was jailed. ';
    assert.deepEqual(typed(`${head}Sarsenov, 58, who twice served as prime minister, denied it.`), ['Bakyt Sarsenov:leader', 'Sarsenov:leader']);
    assert.deepEqual(typed(`${head}Sarsenov, who has been the country’s foreign minister, denied it.`), ['Bakyt Sarsenov:leader', 'Sarsenov:leader']);
    // Not an office a spokesman or an envoy holds, nor a clause that names none.
    assert.deepEqual(typed(`${head}Sarsenov, 58, who served as spokesman, denied it.`), ['Bakyt Sarsenov:person', 'Sarsenov:person']);
    assert.deepEqual(typed(`${head}Sarsenov, who was arrested as prime minister Smith watched, denied it.`), ['Bakyt Sarsenov:person', 'Sarsenov:person']);
  });

  it('reads the leader of a party, a movement or a protest as a person, who holds no office', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Zhanbolat Mamai, the leader of the unregistered Democratic Party of Kazakhstan, was detained.'), ['Zhanbolat Mamai:person']);
    assert.deepEqual(typed('Opposition party leader Ermurat Bapi said the vote was rigged.'), ['Ermurat Bapi:person']);
    assert.deepEqual(typed('Aidos Sadykov, a leader of the protest movement, was shot.'), ['Aidos Sadykov:person']);
    // An age before the appositive; a leader in exile, of a party named by its initials.
    assert.deepEqual(typed('Saidumar Husaini, 64, a former deputy leader of the banned Islamic Renaissance Party, died.'), ['Saidumar Husaini:person']);
    assert.deepEqual(typed('Muhiddin Kabiri, the exiled leader of the IRPT, called it murder.'), ['Muhiddin Kabiri:person']);
    assert.deepEqual(typed('Levan Khabeishvili, chairman of the opposition United National Movement, was beaten.'), ['Levan Khabeishvili:person']);
    assert.deepEqual(typed('Adylbek Sultanov, chairman of the cabinet, was there.'), ['Adylbek Sultanov:leader']);
    // A company's chairman holds no political office either.
    assert.deepEqual(typed('CNPC chairman Dai Houliang met him. Kazakh Chairman Anna Petrova said so.'), ['Dai Houliang:person', 'Anna Petrova:leader']);
    // A counterpart is most often a minister's or a head of state's: read as a leader's title.
    assert.deepEqual(typed('Its minister met her Kazakh counterpart, Aidarbek Saparov, in Moscow.'), ['Aidarbek Saparov:leader']);
    // Of the ruling party, or of a party's faction in parliament, and a country's leader: a leader.
    assert.deepEqual(typed('Dauren Abayev, the leader of the Amanat party’s parliamentary faction, disagreed.'), ['Dauren Abayev:leader']);
    assert.deepEqual(typed('Erlan Koshanov, the leader of the ruling party, disagreed.'), ['Erlan Koshanov:leader']);
    assert.deepEqual(typed('Rebel leader Ahmed Shah arrived. Turkmen leader Arslan Durdyev arrived.'), ['Ahmed Shah:person', 'Arslan Durdyev:leader']);
  });

  it('reads a wire story’s sign-off, which looks like a headline in title case', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Reporting by Mariya Gordeyeva in Almaty; Writing by Olzhas Auyezov; Editing by Andrew Osborn'), ['Mariya Gordeyeva:person', 'Almaty:place', 'Olzhas Auyezov:person', 'Andrew Osborn:person']);
    assert.deepEqual(typed('Photo by Mariya Gordeyeva'), ['Mariya Gordeyeva:person']);
    // In brackets, and every full name of a list in it.
    assert.deepEqual(typed('(Reporting by Mariya Gordeyeva in Astana and Guy Faulconbridge in Moscow; Editing by Mark Trevelyan)'), ['Mariya Gordeyeva:person', 'Astana:place', 'Guy Faulconbridge:person', 'Moscow:place', 'Mark Trevelyan:person']);
    // A byline is no headline in title case, and names each of its list.
    assert.deepEqual(typed('Unrest\n\nBy Farangis Yusupova and Nurlan Sadykov\n\nBy Harriet Colclough in Almaty\n\nText.'), ['Farangis Yusupova:person', 'Nurlan Sadykov:person', 'Harriet Colclough:person', 'Almaty:place']);
    // Not a sentence that starts with "By", nor a line longer than a byline is.
    assert.deepEqual(typed(`By Farangis Yusupova and Nurlan Sadykov ${'word '.repeat(30)}`), ['Farangis Yusupova:person', 'Nurlan Sadykov:person']);
    assert.deepEqual(typed(`By Farangis Yusupova and Kate Mallinson ${'word '.repeat(30)}`), ['Farangis Yusupova:person']);
    assert.deepEqual(typed('By March, Samruk Holding and Kazakh Invest agreed. Then more.'), ['Kazakh:demonym']);
    assert.deepEqual(typed('Additional reporting by Olzhas Auyezov, Felix Light and Anna Malpas'), ['Olzhas Auyezov:person', 'Felix Light:person', 'Anna Malpas:person']);
    // Elsewhere a name after "and" or a comma needs a cue of its own.
    assert.deepEqual(typed('He met Olzhas Auyezov, Felix Light and Anna Malpas.'), ['Olzhas Auyezov:person']);
    // A headline in title case still names nobody.
    assert.deepEqual(typed('Leader Orders Crackdown By Security Forces'), []);
  });

  it('takes no one the news was told for a person: “told Ukrainska Pravda”', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('It was hard, he told Ukrainska Pravda.'), []);
    assert.deepEqual(typed('Ukraine’s top commander, Oleksandr Syrskyi, told Ukrainska Pravda it was hard.'), ['Ukraine:country', 'Oleksandr Syrskyi:person']);
    // Who speaks is named after the other verbs ("said …"), and a listener with a role after the name is a person still.
    assert.deepEqual(typed('It was hard, said Oleksandr Syrskyi.'), ['Oleksandr Syrskyi:person']);
    assert.deepEqual(typed('He told Gulnara, a teacher, to leave.'), ['Gulnara:person']);
  });

  it('reads a patronymic ending as the end of a name, and the family name with it', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}:${x.name}`);
    assert.deepEqual(typed('Makhabat Tazhibek kyzy, a journalist, was detained. Tazhibek kyzy’s husband said so; Makhabat did not.'), ['Makhabat Tazhibek kyzy:person:Makhabat Tazhibek kyzy', 'Tazhibek kyzy:person:Makhabat Tazhibek kyzy', 'Makhabat:person:Makhabat Tazhibek kyzy']);
    assert.deepEqual(typed('It is over, said Azamat Bakirov uulu. Bakirov uulu left.'), ['Azamat Bakirov uulu:person:Azamat Bakirov uulu', 'Bakirov uulu:person:Azamat Bakirov uulu']);
  });

  it('reads a given name before the one name a person is known by', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}:${x.name}`);
    // The full name, though no cue of its own, is the canonical one (see the region's family names below).
    assert.deepEqual(typed('Dauletmurat Tazhimuratov was jailed for 16 years. Mr Tazhimuratov denied the charges.'), ['Dauletmurat Tazhimuratov:person:Dauletmurat Tazhimuratov', 'Tazhimuratov:person:Dauletmurat Tazhimuratov']);
    // Not a word a sentence starts with, a role, a title, or a name the knowledge base knows.
    for (const first of ['Later', 'Activist', 'Congressman', 'Kazakh']) {
      const found = typed(`${first} Tazhimuratov spoke. Mr Tazhimuratov denied it.`);
      assert.ok(found.filter((m) => m.startsWith('Tazhimuratov:')).length === 2 && !found.some((m) => m.includes(' Tazhimuratov')), `${first}: ${found.join(' | ')}`);
    }
  });

  it('takes another given name before a family name for someone else of that family', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}:${x.name}`);
    // Sulaimon is his brother: not Farrukh Davlatov. The family name alone is the first of the family named in full.
    assert.deepEqual(typed('Sulaimon Davlatov was detained. His brother, Farrukh Davlatov, said so. Later Davlatov left.'), ['Sulaimon Davlatov:person:Sulaimon Davlatov', 'Farrukh Davlatov:person:Farrukh Davlatov', 'Davlatov:person:Sulaimon Davlatov']);
    // Where no cue finds Sulaimon and his name has no shape of the region's, no one's.
    assert.deepEqual(typed('Sulaimon Davlatzoda was detained. His brother, Farrukh Davlatzoda, said so. Later Davlatzoda left.'), ['Farrukh Davlatzoda:person:Farrukh Davlatzoda']);
    // The given name, a title, a word a sentence starts with or a name the knowledge base knows before it: the person.
    assert.deepEqual(typed('His brother, Farrukh Davlatov, said so. Mr Davlatov left. Farrukh Davlatov returned.'), ['Farrukh Davlatov:person:Farrukh Davlatov', 'Davlatov:person:Farrukh Davlatov', 'Farrukh Davlatov:person:Farrukh Davlatov']);
    assert.deepEqual(typed('His brother, Farrukh Davlatov, said so. In Istanbul Davlatov was detained.').filter((m) => m.includes('Davlatov')), ['Farrukh Davlatov:person:Farrukh Davlatov', 'Davlatov:person:Farrukh Davlatov']);
    // A member of a movement is a person; of parliament, a leader.
    assert.deepEqual(typed('Sulaimon Davlatov, a member of the banned Group 24 movement, was detained.'), ['Sulaimon Davlatov:person:Sulaimon Davlatov']);
    assert.deepEqual(typed('Aziz Karimov, a member of parliament, said so.'), ['Aziz Karimov:leader:Aziz Karimov']);
  });

  it('reads a common given name alone as the one person of the document named so in full', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.name}`);
    const lake = 'Nurlan Temirbekov, a 54-year-old fisherman, has worked the lake for decades.';
    assert.deepEqual(typed(`${lake} “The water is going,” Nurlan said. But Nurlan stayed.`), ['Nurlan Temirbekov:Nurlan Temirbekov', 'Nurlan:Nurlan Temirbekov', 'Nurlan:Nurlan Temirbekov']);
    assert.equal(recognize(`${lake} “The water is going,” Nurlan said.`, kb).quotes[0]?.speaker, 'Nurlan Temirbekov');
    // Two of that given name: neither; nor the start of another's name.
    assert.deepEqual(typed(`${lake} Nurlan Saidov, his neighbour, agreed. Nurlan said so.`), ['Nurlan Temirbekov:Nurlan Temirbekov', 'Nurlan Saidov:Nurlan Saidov']);
    assert.deepEqual(typed(`${lake} Nurlan Abdrakhmanov disagreed.`), ['Nurlan Temirbekov:Nurlan Temirbekov', 'Nurlan Abdrakhmanov:Nurlan Abdrakhmanov']);
    // Not a leader's, a name that is a word too, or a given name the region's lists do not hold.
    assert.deepEqual(typed('Nurlan Temirbekov, a member of parliament, said so. Nurlan left.'), ['Nurlan Temirbekov:Nurlan Temirbekov']);
    assert.deepEqual(typed('Islam Saidov, a fisherman, said so. Islam is the main faith.'), ['Islam Saidov:Islam Saidov']);
    assert.deepEqual(typed('Will Temirbekov, a fisherman, said so. Will the lake return?'), ['Will Temirbekov:Will Temirbekov']);
  });

  it('gives a family name alone to the full name before it that had no cue, not to a relative named later', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.name}`);
    const story = 'SEMEY — Bibigul Zhaksybekova was eleven when the sky turned white.\n\nZhaksybekova, now 86, has outlived two husbands.\n\nDana Zhaksybekova, a teacher and her granddaughter, is 29. Zhaksybekova laughs.';
    assert.deepEqual(typed(story), ['Bibigul Zhaksybekova:Bibigul Zhaksybekova', 'Zhaksybekova:Bibigul Zhaksybekova', 'Dana Zhaksybekova:Dana Zhaksybekova', 'Zhaksybekova:Bibigul Zhaksybekova']);
    // An age given with "now" or "aged" is an appositive as a bare one is.
    assert.deepEqual(typed('Zhaksybekova, aged 86, has outlived two husbands.'), ['Zhaksybekova:Zhaksybekova']);
    // The full name after the family name alone: the same person, as before.
    assert.deepEqual(typed('Zhaksybekova, now 86, has outlived two husbands. Bibigul Zhaksybekova was eleven then.'), ['Zhaksybekova:Bibigul Zhaksybekova', 'Bibigul Zhaksybekova:Bibigul Zhaksybekova']);
  });

  it('reads more roles: a general, a vice-chairwoman, a radiologist; no one called “Agreement”', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Anton Sokolov was a general, not a diplomat.'), ['Anton Sokolov:person']);
    assert.deepEqual(typed('Chow Hang-tung, a former Alliance vice-chairwoman who ran the museum, is in custody.'), ['Chow Hang-tung:person']);
    assert.deepEqual(typed('Dana Zhaksybekova, a radiologist, is 29.'), ['Dana Zhaksybekova:person']);
    assert.deepEqual(typed('The General Agreement on Peace and the Belovezha Accords were signed; General Convention followed.'), []);
  });

  it('reads the war’s reporting: call signs, soldiers’ roles, Ukrainian given names, the head of a military administration', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('A sergeant who uses the call sign Kit spoke. “They do not retreat,” Kit said.'), ['Kit:person', 'Kit:person']);
    assert.deepEqual(typed('The commander, who goes by the nom de guerre ‘Tsar’, laughed. Tsar left.'), ['Tsar:person', 'Tsar:person']);
    assert.deepEqual(typed('He took the call sign Grom in 2022 and kept it.'), ['Grom:person']);
    assert.deepEqual(typed('“They pay in people,” said Taras, a 27-year-old drone operator from Lviv.'), ['Taras:person']);
    assert.deepEqual(typed('Andriy, a 45-year-old infantryman, loads magazines.'), ['Andriy:person']);
    // Common given names of Ukraine, called so alone as the region's are.
    assert.deepEqual(typed('Taras Melnyk, a drone operator, waits. Taras smiled.'), ['Taras Melnyk:person', 'Taras:person']);
    assert.deepEqual(typed('Ukraine’s commander-in-chief, Oleksandr Syrskyi, has said so.'), ['Oleksandr Syrskyi:person']);
    assert.deepEqual(typed('Vadym Filashkin, the head of the regional military administration, said so. Ivan Fedorov, the head of the Zaporizhzhia regional military administration, agreed.'), ['Vadym Filashkin:leader', 'Ivan Fedorov:leader']);
    // A company that runs satellites is no one.
    assert.deepEqual(typed('He headed the satellite operator Gonets.'), []);
  });

  it('reads the region’s leaders by a given name and a patronymic, as transcripts address them', () => {
    const linked = (text: string) => mentions(text).map((m) => `${m.text}:${m.name}`);
    // A weak family name after the full name: "Costa" is António Costa's there, not before or in "Costa Rica".
    assert.deepEqual(linked('Costa Rica voted. European Council President Antonio Costa arrived. Costa, a former prime minister, spoke.').filter((m) => m.startsWith('Costa') || m.startsWith('Antonio')), ['Costa Rica:Costa Rica', 'Antonio Costa:António Costa', 'Costa:António Costa']);
    assert.deepEqual(linked('“Dear Kassym-Jomart Kemelevich, thank you,” he said. Olzhas Abayevich reported. Alexander Grigoryevich listened.'), ['Kassym-Jomart Kemelevich:Kassym-Jomart Tokayev', 'Olzhas Abayevich:Olzhas Bektenov', 'Alexander Grigoryevich:Alexander Lukashenko']);
  });

  it('reads the cue after a name past its spelling in its own script: “Chang Wen-hsuan (張文軒), a political scientist”', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Chang Wen-hsuan (張文軒), a political scientist, said so. “It is a signal,” Chang said.'), ['Chang Wen-hsuan:person', 'Chang:person']);
    assert.deepEqual(typed('Gulnara (Russian: Гульнара), a teacher, said so.'), ['Gulnara:person']);
    // Not past brackets of Latin letters, nor far.
    assert.deepEqual(typed('Gulnara (see below), a teacher, said so.'), []);
  });

  it('reads a deputy of a named parliament, and a family name alone with a title of office as its appositive, as leaders', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('The post by Igor Zaitsev, a deputy of the State Duma from the LDPR, was deleted.'), ['Igor Zaitsev:leader']);
    assert.deepEqual(typed('Commentator Sergei Markov wrote on VK. Markov, a former member of the State Duma, is a frequent guest.'), ['Sergei Markov:leader', 'Markov:leader']);
    // A role as the appositive: the person as before; a word of no family name's shape: no one.
    assert.deepEqual(typed('Commentator Sergei Markov wrote on VK. Markov, a teacher, is a frequent guest.'), ['Sergei Markov:person', 'Markov:person']);
    assert.deepEqual(typed('Later, a member of parliament said so.'), []);
    assert.deepEqual(typed('“No,” said Ivanova, a member of parliament.'), ['Ivanova:leader']);
  });

  it('reads regional offices: a republic’s Head and Rais, a party secretary or chief, a regional Duma’s speaker', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Head of the Republic of Buryatia Alexei Tsydenov ordered an inspection.'), ['Alexei Tsydenov:leader']);
    assert.deepEqual(typed('Rustam Minnikhanov, the Rais of Tatarstan, spoke.'), ['Rustam Minnikhanov:leader']);
    assert.deepEqual(typed('Li Jianguo, the Communist Party secretary of Shufu county, told journalists.'), ['Li Jianguo:leader']);
    assert.deepEqual(typed('Li Zhongwei, the former party chief of Kashgar, was promoted.'), ['Li Zhongwei:leader']);
    assert.deepEqual(typed('Yuri Klepikov, the speaker of the regional Duma, said so.'), ['Yuri Klepikov:leader']);
    assert.deepEqual(typed('The speaker of the Legislative Assembly, Alexei Dolgikh, was cautious. The chairman of the People’s Khural, Alexander Pakhaluev, agreed.'), ['Alexei Dolgikh:leader', 'Alexander Pakhaluev:leader']);
    assert.deepEqual(typed('The chairman of the board, Anton Sokolov, left.'), ['Anton Sokolov:person']);
    // The head of a body that is no place, a speaker at a forum: people.
    assert.deepEqual(typed('Head of the Research Department Anton Sokolov spoke. Anna Petrova, a speaker at the forum, agreed.'), ['Anton Sokolov:person', 'Anna Petrova:person']);
  });

  it('reads a common given name with a speech verb as the person named so in full before; a family name alone as the first of the family named in full', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.name}`);
    // A profile's subject, with no cue of their own in the lead.
    assert.deepEqual(typed('AT-BASHI — Almaz Toktogulov was eleven then. “Someone has to count the sheep,” Almaz said. Almaz left.'), ['Almaz Toktogulov:Almaz Toktogulov', 'Almaz:Almaz Toktogulov', 'Almaz:Almaz Toktogulov']);
    assert.equal(recognize('AT-BASHI — Almaz Toktogulov was eleven then. “Someone has to count the sheep,” Almaz said.', kb).quotes[0]?.speaker, 'Almaz Toktogulov');
    // One cued in full: the given name with its verb is the same person, not another.
    assert.deepEqual(typed('Her son, Marat Zhaksybekov, was born in 1962. “They lined us up,” Marat says.'), ['Marat Zhaksybekov:Marat Zhaksybekov', 'Marat:Marat Zhaksybekov']);
    // A given name no list holds, alone with a speech verb: the one person named so in full, elsewhere too; two so named make it no one's.
    const father = 'Nurlan’s father, Temirbek Toktogulov, 48, knows the road. “It is hard,” Temirbek said. Temirbek nodded.';
    assert.deepEqual(typed(father), ['Temirbek Toktogulov:Temirbek Toktogulov', 'Temirbek:Temirbek Toktogulov', 'Temirbek:Temirbek Toktogulov']);
    assert.equal(recognize(father, kb).quotes[0]?.speaker, 'Temirbek Toktogulov');
    assert.equal(recognize('His uncle, Temirbek Osmonov, and his cousin, Temirbek Sydykov, came. “It is hard,” Temirbek said.', kb).quotes[0]?.speaker, null);
    // The family name of someone named in full is theirs, as before.
    assert.deepEqual(typed('His brother, Ulukbek Toktogulov, 50, came. “It is hard,” Toktogulov said.'), ['Ulukbek Toktogulov:Ulukbek Toktogulov', 'Toktogulov:Ulukbek Toktogulov']);
    // The father, named first with no cue, is whom the family name alone means: not his son, found by a cue.
    assert.deepEqual(typed('Gennady Voronin made his fortune early. His son, Pavel Voronin, runs the firm. Voronin is sixty-three.'), ['Pavel Voronin:Pavel Voronin']);
  });

  it('reads a full name of the region’s shape, or with a common given name, before a clause of “who” as a person’s', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Aigerim Seitkali, who runs a logistics company in Almaty, was more upbeat.'), ['Aigerim Seitkali:person']);
    // A title before it still says more; a team is no one.
    assert.deepEqual(typed('Uzbekistan’s minister of sport, Adham Ikramov, who attended the match, spoke.'), ['Adham Ikramov:leader']);
    assert.deepEqual(typed('Real Madrid, who won, left.'), []);
    // A common given name alone with a role's appositive or a clause of "who", at a sentence's start too; not an adverb.
    assert.deepEqual(typed('Oyuna, a Buryat trader, boarded. Gulzhan, who lost her husband, stood at the gate.'), ['Oyuna:person', 'Gulzhan:person']);
    assert.deepEqual(typed('Meanwhile, a lawyer said so. Instead, a teacher came.'), []);
  });

  it('leaves a person’s name inside an organisation’s to the organisation: “Temirov Live”', () => {
    const typed = (text: string) => mentions(text).filter((m) => m.entity === null).map((x) => x.text);
    assert.deepEqual(typed('Bolot Temirov, a journalist, founded Temirov Live. Temirov Live was raided, and Temirov left.'), ['Bolot Temirov', 'Temirov']);
    assert.deepEqual(typed('Azamat Ishenbekov, a former cameraman, was jailed.'), ['Azamat Ishenbekov']);
    // An affiliation with "to" or "for" in its name before a speech verb.
    assert.deepEqual(typed('Gulnoza Said of the Committee to Protect Journalists urged them to act.'), ['Gulnoza Said']);
    // Or an auxiliary after it.
    assert.deepEqual(typed('Yan Xuetong of Tsinghua University has been more cautious. Yan said so.'), ['Yan Xuetong', 'Yan']);
  });

  it('reads names written with middle initials', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}:${x.name}`);
    assert.deepEqual(typed('Vladimir V. Putin met George H. W. Bush.'), ['Vladimir V. Putin:leader:Vladimir Putin', 'George H. W. Bush:leader:George H. W. Bush']);
    assert.deepEqual(typed('Gen. Mark A. Milley said so. Milley left.'), ['Mark A. Milley:person:Mark A. Milley', 'Milley:person:Mark A. Milley']);
    // A capital and a dot before a stop word is the end of a sentence, not an initial.
    assert.deepEqual(typed('They chose Plan B. The analyst Anna Petrova said so.'), ['Anna Petrova:person:Anna Petrova']);
  });

  it('spans only the name of a person’s possessive, which names no one else', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.name}`);
    assert.deepEqual(typed('Analyst Anna Petrova’s book came out. Anna Petrova said so; Petrova\'s view held, and the Kazakhs’ too.'), [
      'Anna Petrova:Anna Petrova',
      'Anna Petrova:Anna Petrova',
      'Petrova:Anna Petrova',
      'Kazakhs:Kazakhstan',
    ]);
    // "Anna Petrova’s remarks" is no "Anna Petrova remarks"; a quotation mark closing a name is not the name's either.
    assert.deepEqual(typed('Kate Mallinson’s remarks drew a reply from ‘Kate Mallinson’.'), []);
    assert.deepEqual(typed('Conor O’Brien said so.'), ['Conor O’Brien:Conor O’Brien']);
    assert.deepEqual(typed('Analyst Anna Petrova said so, and ‘Petrova’ is a word.'), ['Anna Petrova:Anna Petrova', 'Petrova:Anna Petrova']);
  });

  it('takes no body’s head word for a name, nor a company’s chair for a leader', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Governor of the Belgorod Region Vyacheslav Gladkov said so.'), ['Vyacheslav Gladkov:leader']);
    assert.deepEqual(typed('Deputy Treasury Secretary Wally Adeyemo said so. Keremet Bank, which the Treasury said helped, disagreed.'), ['Wally Adeyemo:leader']);
    assert.deepEqual(typed('Temirlan Sultanbekov, co-chairman of the Social Democrats, said yes.'), ['Temirlan Sultanbekov:person']);
    assert.deepEqual(typed('Vitaly Markelov, a Gazprom deputy chairman, said so. Hasan Asadullozoda, chairman of the board of Orienbank, said no.'), ['Vitaly Markelov:person', 'Hasan Asadullozoda:person']);
    assert.deepEqual(typed('Azamat Bekov, chairman of the Mazhilis committee, said no.'), ['Azamat Bekov:leader']);
    // A chairwoman as a chairman; a deputy or vice minister as a minister, not a deputy; a cook as any role.
    assert.deepEqual(typed('Nurzhan Shaildabekova, chairwoman of the election commission, objected.'), ['Nurzhan Shaildabekova:leader']);
    assert.deepEqual(typed('Viktor Kim, Uzbekistan’s deputy minister of trade, said so.'), ['Viktor Kim:leader']);
    assert.deepEqual(typed('Ivan Petrov, a cook in Moscow, said he was tired.'), ['Ivan Petrov:person']);
    // A leader's name with the patronymic.
    assert.equal(mentions('Kassym-Jomart Kemelevich Tokayev spoke.')[0]?.name, 'Kassym-Jomart Tokayev');
    // A company's president or vice president, before the name or in its appositive, holds no office either.
    assert.deepEqual(typed('Lukoil president Ivan Sidorov said so. Gazprom’s vice president, Oleg Ivanov, said no.'), ['Ivan Sidorov:person', 'Oleg Ivanov:person']);
    assert.deepEqual(typed('Kyrgyzstan’s vice president, Oleg Ivanov, said no.'), ['Oleg Ivanov:leader']);
    // Nor a body's named by its noun before the title or after it ("of the state-owned Agrobank"), but a state's.
    assert.deepEqual(typed('Kazakhstan’s football federation president, Adlet Barmen, said so.'), ['Adlet Barmen:person']);
    assert.deepEqual(typed('Bakhodir Aliev, a former deputy chairman of the state-owned Agrobank, was jailed.'), ['Bakhodir Aliev:person']);
    // A possessive of the body's noun, or of a name the knowledge base does not know, before the title; a concern after it.
    assert.deepEqual(typed('The company’s deputy chairman, Yerlan Sadvakasov, said so. Korea Zinc’s vice chairman, Park Jin-ho, said so.'), ['Yerlan Sadvakasov:person', 'Park Jin-ho:person']);
    assert.deepEqual(typed('Bayramgeldi Orazov, chairman of the state concern Turkmengaz, said so.'), ['Bayramgeldi Orazov:person']);
    assert.deepEqual(typed('Russia’s vice president, Ivan Petrov, said so.'), ['Ivan Petrov:leader']);
    assert.deepEqual(typed('Wang Dong, vice president of China Road and Bridge Corporation, said so.'), ['Wang Dong:person']);
    // A company's regional president, the company one the knowledge base knows.
    assert.deepEqual(typed('Huawei’s regional president, Li Wei, said so.'), ['Li Wei:person']);
    assert.deepEqual(typed('The president of the Association for Human Rights, Nadia Atay, said so.'), ['Nadia Atay:person']);
    assert.deepEqual(typed('The president of the Investment Bank of Kazakhstan, Ivan Li, said so.'), ['Ivan Li:person']);
    assert.deepEqual(typed('Ivan Petrov, President of the Russian Federation, said so.'), ['Ivan Petrov:leader']);
    // No school's name is a person's ("S. Rajaratnam School of International Studies, said").
    assert.deepEqual(typed('Anna Li, a fellow at the S. Rajaratnam School of International Studies, said so.'), ['Anna Li:person']);
  });

  it('reads the cues of parliaments, cabinets, sport, film and the street', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Polish MEP Anna Nowak said so, as did State Councilor Wang Lihong.'), ['Anna Nowak:leader', 'Wang Lihong:leader']);
    assert.deepEqual(typed('Acting Minister of Mines and Petroleum Hedayat Nuri said so.'), ['Hedayat Nuri:leader']);
    // A complement with a link of its own: "spokeswoman for … Ministry of Energy", "head of the … for National Security".
    assert.deepEqual(typed('A spokeswoman for Kazakhstan’s Ministry of Energy, Aigerim Serikova, said so.'), ['Aigerim Serikova:person']);
    assert.deepEqual(typed('Kazakhstan’s ambassador in Kyiv, Yerlan Baimukhanov, was careful.').filter((m) => !m.startsWith('Ky')), ['Yerlan Baimukhanov:person']);
    assert.deepEqual(typed('The head of the State Committee for National Security, Bolot Asanov, was dismissed.'), ['Bolot Asanov:person']);
    // An affiliation that closes an appositive, a comma before the verb.
    assert.deepEqual(typed('Another expert, Li Wenjun of the Shanghai Institutes for International Studies, said no.'), ['Li Wenjun:person']);
    // "a student named …", a colleague, a skater, an actor, a co-director.
    assert.deepEqual(typed('A 22-year-old student named Nursultan Abdykadyrov later told reporters that he was struck.'), ['Nursultan Abdykadyrov:person']);
    assert.deepEqual(typed('A village named Kara Suu lies there.'), []);
    assert.deepEqual(typed('My colleague Farrukh Yusupov knows it. The speed skater Denis Nikitin cheered.'), ['Farrukh Yusupov:person', 'Denis Nikitin:person']);
    assert.deepEqual(typed('Actor Nurlan Yerzhanov smiled. His co-director, Chen Xiaolu, said so.'), ['Nurlan Yerzhanov:person', 'Chen Xiaolu:person']);
    // A legislator, an akim, a Treasury official; a national, a counsel, an anthropologist, a UN under-secretary-general; "led by".
    assert.deepEqual(typed('Another legislator, Kenneth Fok Kai-kong, said so. The akim of Astana, Zhenis Kassym, agreed.'), ['Kenneth Fok Kai-kong:leader', 'Zhenis Kassym:leader']);
    assert.deepEqual(typed('Deputy Secretary of the Treasury Michael Faulk said so.'), ['Michael Faulk:leader']);
    assert.deepEqual(typed('Firms owned by Kyrgyz national Azamat Osmon were named. Lai’s lead counsel, Robert Pang, countered that it was weak.'), ['Azamat Osmon:person', 'Robert Pang:person']);
    assert.deepEqual(typed('The anthropologist Rahile Dawut vanished. Opening the meeting, Rosemary DiCarlo, Under-Secretary-General for Political Affairs, said so.'), ['Rahile Dawut:person', 'Rosemary DiCarlo:person']);
    assert.deepEqual(typed('The Democratic Party, led by Luvsan Gantumur, took 42 seats.'), ['Luvsan Gantumur:person']);
    // No person in a law's or a body's name, nor after "State-run".
    assert.deepEqual(typed('It is taken pursuant to Executive Order (E.O.) 14024. State-run PetroKaz said it had reserves.'), []);
    assert.deepEqual(typed('He is Secretary of the Xinjiang Uygur Autonomous Regional Committee of the Communist Party of China.'), []);
  });

  it('reads a family name of the region’s shapes before or after a speech verb, and gives it the full name written elsewhere', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}:${x.name}`);
    assert.deepEqual(typed('“Losing is the wrong word,” Yusupov said. “We are free,” said Abdullayeva. Kazatomprom said no.'), [
      'Yusupov:person:Yusupov',
      'Abdullayeva:person:Abdullayeva',
      'Kazatomprom:org:Kazatomprom',
    ]);
    assert.deepEqual(typed('Harriet Lowe knows it. “No,” Lowe said.'), []);
    // The full name, before or after, with no cue of its own: the canonical name (no one by itself).
    const full = ['Yusupov:person:Anvar Yusupov', 'Anvar Yusupov:person:Anvar Yusupov'];
    assert.deepEqual(typed('“No,” Yusupov said. Anvar Yusupov has spent years there.'), full);
    assert.deepEqual(typed('Anvar Yusupov has spent years there. “No,” Yusupov said.'), [...full].reverse());
    assert.deepEqual(typed('Fazliddin Yusupov has spent years there.'), []);
    // Not someone else of the family, given another name after a full name was cued.
    assert.deepEqual(typed('Analyst Rustam Yusupov agreed. Fazliddin Yusupov has spent years there.'), ['Rustam Yusupov:person:Rustam Yusupov']);
    // A family name of no such shape with a speech verb names the one a full name with a common given name gives it to, before or after.
    assert.deepEqual(typed('Abdullah Kerim fled in 2017. “No,” Kerim says.'), ['Abdullah Kerim:person:Abdullah Kerim', 'Kerim:person:Abdullah Kerim']);
    assert.deepEqual(typed('“Yes,” said Seitkali. Daniyar Seitkali of Vlast.kz asked again.'), ['Seitkali:person:Daniyar Seitkali', 'Daniyar Seitkali:person:Daniyar Seitkali', 'Vlast.kz:org:Vlast.kz']);
    assert.deepEqual(typed('“No,” Kerim says. Tazagul said no.'), []);
    // A Chinese name, the family name first, is a fuller form too: alone no one, with "Lin said" hers.
    assert.deepEqual(typed('Lin Xiaoyu won the race. “I looked at the board,” Lin said afterwards.'), ['Lin Xiaoyu:person:Lin Xiaoyu', 'Lin:person:Lin Xiaoyu']);
    assert.deepEqual(typed('Lin Xiaoyu won the race.'), []);
    // A common given name and a family name of the region's shapes need no cue.
    assert.deepEqual(typed('Anvar Yusupov has spent years there.'), ['Anvar Yusupov:person:Anvar Yusupov']);
    assert.deepEqual(typed('I met Dilnoza Karimova at the market. Karimova sells bread.'), ['Dilnoza Karimova:person:Dilnoza Karimova', 'Karimova:person:Dilnoza Karimova']);
    assert.deepEqual(typed('Analyst Rustam Yusupov agreed. Anvar Yusupov has spent years there.'), ['Rustam Yusupov:person:Rustam Yusupov', 'Anvar Yusupov:person:Anvar Yusupov']);
    // Such a name the knowledge base knows for one leader is his only once he is named in full.
    assert.deepEqual(typed('Ambassador Sirojiddin Saidov spoke. Saidov said the border was calm.'), ['Sirojiddin Saidov:person:Sirojiddin Saidov', 'Saidov:person:Sirojiddin Saidov']);
  });

  it('takes the rest of a body’s name, or of a thing “called” so, for no one', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('The Agency for Financial Monitoring said no. Analyst Ivan Petrov of the Institute for Strategic Studies said yes.'), ['Ivan Petrov:person']);
    assert.deepEqual(typed('She leads a small group called Taza Suu. Putin called Anvar Sobirov.'), ['Anvar Sobirov:person']);
  });

  it('reads a place that is a given name too, a family name after it, as the person’s', () => {
    const typed = (text: string) => mentions(text).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('The Kazakh figure skater Sofia Samodelkina won. Samodelkina said she was happy.'), ['Kazakh:demonym', 'Sofia Samodelkina:person', 'Samodelkina:person']);
    assert.deepEqual(typed('In Sofia, Bulgarian officials met. Sofia Airport closed.'), ['Sofia:place', 'Bulgarian:demonym', 'Sofia:place']);
    assert.deepEqual(typed('Milan Kundera wrote of Victoria Nuland in Milan.'), ['Milan Kundera:person', 'Milan:place']);
    // An Uzbek city and a woman's given name.
    assert.deepEqual(typed('Gulistan Karimova, a teacher, left Gulistan in 2019.'), ['Gulistan Karimova:person', 'Gulistan:place']);
    // So is any place right after a title, a family name after it.
    assert.deepEqual(typed('Defense Minister Wellington Koo spoke. In Wellington, officials met.'), ['Wellington Koo:leader', 'Wellington:place']);
  });

  it('takes no heading of a role and a word, nor a role that is an adjective before a lone word, for a person', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Lawyer Barred\n\nThe court barred him. Lawyer Aliya Tugelbayeva objected.'), ['Aliya Tugelbayeva:person']);
    assert.deepEqual(typed('Lai, as he is styled on some official English documents, took office in May.'), []);
    assert.deepEqual(typed('Lawyer Tugelbayeva objected, and official Ivan Petrov agreed.'), ['Tugelbayeva:person', 'Ivan Petrov:person']);
  });

  it('reads an age as a person’s appositive: “Bakhodir Toshmatov, 58, leases …”', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}:${x.name}`);
    assert.deepEqual(typed('The owner, Bakhodir Toshmatov, 58, leases land. Toshmatov looked up.'), ['Bakhodir Toshmatov:person:Bakhodir Toshmatov', 'Toshmatov:person:Bakhodir Toshmatov']);
    // A lone given name needs a speech verb before or after it too.
    assert.deepEqual(typed('“We are free,” said Dilnoza, 34. Later Dilnoza smiled.'), ['Dilnoza:person:Dilnoza', 'Dilnoza:person:Dilnoza']);
    assert.deepEqual(typed('Gulnora, 19, said nothing.'), ['Gulnora:person:Gulnora']);
    // One of the region's common given names with an age is someone too; a word that is neither, only with a speech verb.
    assert.deepEqual(typed('Gulnora, 19, picks cotton.'), ['Gulnora:person:Gulnora']);
    assert.deepEqual(typed('Tazagul, 19, picks cotton.'), []);
    // A family name of the region's shapes does not: its full name elsewhere is the person's.
    assert.deepEqual(typed('Every Monday, Igor Vasilenko opens a spreadsheet. Vasilenko, 47, runs a firm.'), ['Igor Vasilenko:person:Igor Vasilenko', 'Vasilenko:person:Igor Vasilenko']);
    // Or an age and a role's appositive after it, or a role's appositive and then a speech verb.
    assert.deepEqual(typed('Bakhtiyor, 41, a welder from Kulob, left.'), ['Bakhtiyor:person:Bakhtiyor']);
    assert.deepEqual(typed('Critics differ. Nurlan, a businessman in Osh who once worked with her, says no.'), ['Nurlan:person:Nurlan']);
    // A role's appositive alone suffices for one of the region's common given names (see "Oyuna, a Buryat trader," below), not for another word.
    assert.deepEqual(typed('Critics differ. Nurlan, a businessman in Osh, left.'), ['Nurlan:person:Nurlan']);
    assert.deepEqual(typed('Critics differ. Zhibek, a businessman in Osh, left.'), []);
    // The age inside the role's appositive too; a clause of "who" after one of the region's common given names.
    assert.deepEqual(typed('In Tashkent, Anna, a 29-year-old designer from Moscow, opened a studio.'), ['Anna:person:Anna']);
    assert.deepEqual(typed('For landlords, it was a windfall. Gulnara, who owns three flats, remembers it.'), ['Gulnara:person:Gulnara']);
    assert.deepEqual(typed('For landlords, it was a windfall. Bostandyk, which has three flats, remembers it. Kaskelen, who knows.'), []);
    // More roles; no title's name in "the Premier League", nor a body's words in a name.
    assert.deepEqual(typed('Rubin are a Premier League side. Rubin centre-back Igor Sazonov scored.'), ['Igor Sazonov:person:Igor Sazonov']);
    assert.deepEqual(typed('Director of the Institute of CIS Countries Konstantin Zavyalov told TASS so.'), ['Konstantin Zavyalov:person:Konstantin Zavyalov']);
    // Not an age: a year, a number run on, a hundred and twenty.
    assert.deepEqual(typed('Ortiq Toshmatov, 2019, and Zokir Rakhimov, 34.5, and Toir Bekov, 120, left.'), []);
    // A full name's appositive may give an age and no role ("a 34-year-old Uyghur living in Munich"); a lone word's may not.
    assert.deepEqual(typed('Gulnur Abdukerim, a 34-year-old Uyghur living in Munich, spoke.'), ['Gulnur Abdukerim:person:Gulnur Abdukerim']);
    assert.deepEqual(typed('Elena Kim, an 82-year-old Koryo-saram woman, spoke. Kim smiled.'), ['Elena Kim:person:Elena Kim', 'Kim:person:Elena Kim']);
    assert.deepEqual(typed('Gulnur, a 34-year-old Uyghur living in Munich, spoke.'), []);
  });

  it('reads more cues: a dashed aside with a role, a signature, “quoted”, “a student from Shymkent named”, a deputy’s full title', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('In Bender, Igor Smirnov — a retired engineer who is no relation — said he blamed them.'), ['Igor Smirnov:person']);
    assert.deepEqual(typed('In Bender, Igor Smith — a retired engineer — blamed them.'), ['Igor Smith:person']);
    // A family name after "al-" is a name's word: "Abdulaziz al-Harbi, a Riyadh-based economist".
    assert.deepEqual(typed('Abdulaziz al-Harbi, a Riyadh-based economist, was optimistic. Later al-Harbi left.'), ['Abdulaziz al-Harbi:person', 'al-Harbi:person']);
    // "America" inside a continent's name is no United States.
    assert.deepEqual(spans('The Minister for Europe, North America and Overseas Territories spoke.').filter((s) => s.includes('America')), ['North America:place:North America']);
    // A letter's signature: a dash opening the line, the name, a place or nothing after it.
    assert.deepEqual(typed('Why are migrants leaving?\n— Farid Bekov, Manchester\n\nDear editor, no.\n— Aigul Sarsen\n'), ['Farid Bekov:person', 'Aigul Sarsen:person']);
    assert.deepEqual(typed('He left — Farid Bekov stayed, and the rest went home.'), []);
    assert.deepEqual(typed('An article quoted Temir Bekbolotov, described as a banker.'), ['Temir Bekbolotov:person']);
    assert.deepEqual(typed('The paper quoted Temir Bekbolot as saying so.'), ['Temir Bekbolot:person']);
    assert.deepEqual(typed('One of them, a student from Shymkent named Aruzhan Sadvakasova, wrote to me.'), ['Aruzhan Sadvakasova:person']);
    assert.deepEqual(typed('A town in the hills named Kara Balta grew.'), []);
    // "a former deputy defence minister": the title, not the role "deputy"; "deputy speaker" is one too.
    assert.deepEqual(typed('A court sentenced Timur Ivashov, a former deputy defence minister who served under Sergei Shoigu, to 13 years.'), ['Timur Ivashov:leader']);
    assert.deepEqual(typed('Ishkhan Saghat, deputy speaker of parliament and a leader of the bloc, accused the government.'), ['Ishkhan Saghat:leader']);
    assert.deepEqual(typed('Aziz Bekov, a deputy of the city council, spoke.'), ['Aziz Bekov:person']);
    // "Adviser" is no part of a name; the chairman of a centre holds no office.
    assert.deepEqual(typed('Philippine National Security Adviser Eduardo Año said so.'), ['Eduardo Año:person']);
    assert.deepEqual(typed('Farid Shahbazov, chairman of the Baku-based Center of Analysis of International Relations, said so.'), ['Farid Shahbazov:person']);
  });

  it('reads a full name with a common given name and no cue as a fuller form, members of named parliaments, ranks in lower case, timestamped labels', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}:${x.name}`);
    assert.deepEqual(typed('The book by Alexander Cooley is out. Cooley, a professor at Barnard College, told me so.'), ['Alexander Cooley:person:Alexander Cooley', 'Cooley:person:Alexander Cooley']);
    assert.deepEqual(typed('The book by Alexander Cooley is out.'), []);
    assert.deepEqual(typed('Alexander Cooley has a book out. Cooley, a professor at Barnard College, told me so.'), ['Alexander Cooley:person:Alexander Cooley', 'Cooley:person:Alexander Cooley']);
    assert.deepEqual(typed('Aidos Sarym, a member of the Mazhilis, the lower house, wrote on his channel.'), ['Aidos Sarym:leader:Aidos Sarym']);
    assert.deepEqual(typed('For Viktor Sazonov, a retired colonel who teaches, the lesson is clear.'), ['Viktor Sazonov:person:Viktor Sazonov']);
    // "Attorney" is no name's word; "Attorney General" a title.
    assert.ok(!typed('Deputy Attorney General Lisa Ward said so.').some((t) => t.startsWith('Attorney')), 'Attorney');
    assert.deepEqual(typed('Attorney General Lisa Ward said so.'), ['Lisa Ward:leader:Lisa Ward']);
    // A label after a timestamp is a label; its name is no leader's family name ("Najibullah").
    const podcast = '[00:00:05] Farangis Najibullah: Welcome back.\n[00:00:09] Edward Lemon: Thanks.\n[00:01:10] Farangis Najibullah: So what now?\n';
    assert.deepEqual(mentions(podcast).map((x) => `${x.text}:${x.type}:${x.entity ?? '-'}`), ['Farangis Najibullah:person:-', 'Farangis Najibullah:person:-']);
  });

  it('reads a region’s head and governor as leaders, bylines with an initial, Azerbaijani letters, and no person in a body’s or a unit’s name', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Sergei Melikaev, the head of Dagestan, spoke. Magomed Omarkhanov, the head of the Sergokala district, was detained.'), ['Sergei Melikaev:leader', 'Magomed Omarkhanov:leader']);
    assert.deepEqual(typed('Ivan Bastrov, head of Russia’s Investigative Committee, spoke.'), ['Ivan Bastrov:leader']);
    assert.deepEqual(typed('Ulf Laessing, head of the Sahel programme at the foundation, said so.'), ['Ulf Laessing:person']);
    assert.deepEqual(typed('Separately, the governor of the Bryansk region, Alexander Bogomolov, said so.'), ['Alexander Bogomolov:leader']);
    assert.deepEqual(typed('Nathalia Dukhan, a senior investigator at The Sentry, said so.'), ['Nathalia Dukhan:person']);
    // A byline with a middle initial is no headline in title case.
    assert.deepEqual(typed('By Ann M. Simmons\n\nIt was cold.'), ['Ann M. Simmons:person']);
    // Azerbaijani's ə is a letter of names.
    assert.deepEqual(typed('Heydər Rəhimov, a teacher, said so.'), ['Heydər Rəhimov:person']);
    // No one in "the Federation of Jewish Communities", "the Joint Chiefs of Staff", "the Pacific Fleet", "SITE Intelligence Group"; "Father" is no name's word.
    assert.deepEqual(typed('The Federation of Jewish Communities of Russia said so. The Joint Chiefs of Staff said so. The Pacific Fleet said so. SITE Intelligence Group said so.'), []);
    assert.deepEqual(typed('Father Nikolai Kotelnikov, 66, was killed.'), ['Nikolai Kotelnikov:person']);
    // A clause opening its sentence with a role names who follows it between commas: "A taxi driver I met outside the Khan Shatyr, …,".
    assert.deepEqual(typed('It went well. A taxi driver I met outside the Khan Shatyr, Yerlan Dzhaksybek, put it well.'), ['Yerlan Dzhaksybek:person']);
    assert.deepEqual(typed('It went well. A taxi driver told us outside the Khan Shatyr, Yerlan Dzhaksybek, that it was over.'), []);
    assert.deepEqual(typed('It went well. We met outside the Khan Shatyr, Yerlan Dzhaksybek said.').filter((t) => t.startsWith('Khan')), []);
  });

  it('reads the region’s agencies’ English: initials written "Sh.", hokims and state counsellors, ranks of justice, roles in capitals', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    // "Sh." is an initial, no person; a hokim or a state counsellor holds office.
    assert.deepEqual(typed('Tashkent city hokim Shavkat Umurbekov spoke. Sh. Umurbekov left.'), ['Shavkat Umurbekov:leader', 'Umurbekov:leader']);
    assert.deepEqual(typed('The State Counselor Yerlan Karimov spoke.'), ['Yerlan Karimov:leader']);
    // A counsellor of justice holds no office; nor does the press secretary "of the President".
    assert.deepEqual(typed('The prosecutor, Senior Counsellor of Justice Igor Lapin, spoke.'), ['Igor Lapin:person']);
    assert.deepEqual(typed('According to the press secretary of the President Sherzod Asadov, he left.'), ['Sherzod Asadov:person']);
    assert.deepEqual(typed('Pensioner Mukhabbat Yusupova, who came to the market, was less restrained. Parent Sardor Nematov agreed.'), ['Mukhabbat Yusupova:person', 'Sardor Nematov:person']);
    // Hong Kong names put the family name between an English given name and a Chinese one; bylines keep a middle initial and "Text by".
    assert.deepEqual(typed('Gary Chan Wai-ming, an analyst, spoke. “Now our members are asking,” Chan said.'), ['Gary Chan Wai-ming:person', 'Chan:person']);
    assert.deepEqual(typed('By Daniel K. Halloran and Oksana Lisovskaya\n\nText by Irina Dorzhieva. It was cold.'), ['Daniel K. Halloran:person', 'Oksana Lisovskaya:person', 'Irina Dorzhieva:person']);
    assert.deepEqual(typed('In Moscow, Dilshod, a 27-year-old delivery rider, said he walks.'), ['Dilshod:person']);
    // A portfolio in lower case completes a minister's title; an appositive that opens with "and" is the next person's.
    assert.deepEqual(typed("Uzbekistan's minister of sport, Adham Ikramkhodjaev, attended. China's minister of culture and tourism, Sun Yeling, spoke."), ['Adham Ikramkhodjaev:leader', 'Sun Yeling:leader']);
    assert.deepEqual(typed("It was attended by Kazakhstan's ambassador to China, Shahrat Nuryshov, and by China's minister of culture, Sun Yeling."), ['Shahrat Nuryshov:person', 'Sun Yeling:leader']);
    // No person in a street's name, no one called "River", no State Duma in a region's assembly.
    assert.deepEqual(spans('They marched along Lenin Avenue. She was born in Narym, a village on the Ob River, where her mother had been deported. A deputy of the Tomsk regional Duma and the Moscow City Duma spoke; the Duma voted.').filter((s) => !s.includes(':place:')), ['Duma:org:State Duma']);
    // More of the region's common given names before a leader's family name at a sentence's start: "Serik Zhaksylykov, 61, has fished …".
    assert.ok(!spans('Serik Tokayev, 61, has fished for decades.').some((s) => s.includes('Kassym-Jomart')), 'Serik Tokayev');
    // A name someone gave the reporter: "who introduced herself as Aizhan", "who gave her name only as Raisa".
    assert.deepEqual(typed('A young mother who introduced herself as Aizhan came. A pensioner who gave her name only as Raisa left. The town known as Karabulak grew.'), ['Aizhan:person', 'Raisa:person']);
    assert.deepEqual(typed('At the bazaar, meat seller Bakhtiyor Rakhimov spoke. His mentor Galym Dossekov agreed.'), ['Bakhtiyor Rakhimov:person', 'Galym Dossekov:person']);
  });

  it('reads magazines’ and papers’ cues: photographers, a submitter with a rank, fans, arbiters; no person in an exhibition’s name; a country that is a given name', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('By Thomas Whitlow | Photographs by Elena Marchetti\n\nIt was cold.'), ['Thomas Whitlow:person', 'Elena Marchetti:person']);
    assert.deepEqual(typed('Submitted by Dr Catherine Ashworth, Senior Lecturer in Eurasian Politics, University of Glasgow'), ['Catherine Ashworth:person']);
    assert.deepEqual(typed('Submitted by Catherine Ashworth'), ['Catherine Ashworth:person']);
    assert.deepEqual(typed('Dr Catherine Ashworth, Senior Lecturer in Eurasian Politics, University of Glasgow'), ['Catherine Ashworth:person']);
    assert.deepEqual(typed('She would represent Uzbekistan at the next Venice Biennale, the first time a Karakalpak artist has been chosen.'), []);
    assert.deepEqual(typed('A fan from Moscow, Natalia Sergeyeva, said so. He argued with the chief arbiter, Takis Nikolopoulos, over a draw.'), ['Natalia Sergeyeva:person', 'Takis Nikolopoulos:person']);
    assert.deepEqual(spans('Puerto Rico’s Israel Rivera, a former champion, lost. Israel and Jordan signed a deal.').filter((s) => s.includes('Israel') || s.includes('Jordan')), ['Israel Rivera:person:Israel Rivera', 'Israel:country:Israel', 'Jordan:country:Jordan']);
  });

  it('reads an author cited with a work’s year: “as Umarkhanov (2022) notes”, “Henry Halewood’s (2015) theory”', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}:${x.name}`);
    assert.deepEqual(typed('This suggests, as Umarkhanov (2022) notes, that it failed.'), ['Umarkhanov:person:Umarkhanov']);
    assert.deepEqual(typed('Henry Halewood’s (2015) theory offers a lens. Halewood argues that it fits.'), ['Henry Halewood:person:Henry Halewood', 'Halewood:person:Henry Halewood']);
    // Not a work's name, nor the given name of a bibliography's inverted name.
    assert.deepEqual(typed('The Annual Report (2024) said so. 3. Petrovsky, Sergei (2009). The Naryn Cascade.'), []);
  });

  it('reads the full names of a list a plural of people opens: “economists such as Galym Nurlanov and Dana Ospanova”', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Economists such as Galym Nurlanov and Dana Ospanova disagreed.'), ['Galym Nurlanov:person', 'Dana Ospanova:person']);
    assert.deepEqual(typed('Opposition politicians, including Ilya Petrenko, Tatiana Lukina and Oleg Vasin, were freed.'), ['Ilya Petrenko:person', 'Tatiana Lukina:person', 'Oleg Vasin:person']);
    // A known name inside the list does not end it.
    assert.deepEqual(typed('Activists including Vladimir Kara-Murza and Boris Lentov spoke.'), ['Boris Lentov:person']);
    // Office holders' plurals make leaders, unless "opposition" says otherwise.
    assert.deepEqual(typed('Ministers, among them Nurlan Bekov and Aida Sarina, resigned.'), ['Nurlan Bekov:leader', 'Aida Sarina:leader']);
    assert.deepEqual(typed('Opposition lawmakers including Nurlan Bekov walked out.'), ['Nurlan Bekov:person']);
    // No plural of people, or something else between: no one.
    assert.deepEqual(typed('Cities such as Kara Balta and Tash Kumyr grew.'), []);
    assert.deepEqual(typed('Analysts including those at Kara Balta University disagreed.'), []);
  });

  it('reads the labels of a transcript’s speakers, when the text labels them twice', () => {
    const transcript = [
      'Foreign Ministry Spokesperson’s Regular Press Conference',
      'Bloomberg: How will China respond to the tariffs?',
      'Zhou Meiling: China firmly opposes the unilateral measures.',
      'Phoenix TV: And Kazakhstan?',
      'Zhou Meiling: We will take resolute countermeasures.',
      'Watch Live: the briefing, and Watch Live: the next one.',
    ].join('\n\n');
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed(transcript), ['Zhou Meiling:person', 'Zhou Meiling:person']);
    // Once is a heading's label, not a speaker's.
    assert.deepEqual(typed('Zhou Meiling: China firmly opposes the unilateral measures.'), []);
    // Words that label parts of a page, or are not written as a name, are no one's even twice.
    assert.deepEqual(typed('Watch Live: a briefing.\n\nWatch Live: another.\n\nPhoenix TV: why?\n\nPhoenix TV: and?'), []);
  });

  it('reads photo credits and bylines', () => {
    const typed = (text: string) => mentions(text).filter((x) => x.entity === null).map((x) => `${x.text}:${x.type}`);
    assert.deepEqual(typed('Taking the long view\n\nReviewed by Jonathan Pryce\n\nThe book is long.'), ['Jonathan Pryce:person']);
    assert.deepEqual(typed('Interview by Andrei Melnikov\n\nThe book is long.'), ['Andrei Melnikov:person']);
    assert.deepEqual(typed('It was over.\n\n(Reporting by Aigerim Toktogulova; additional reporting by Gevorg Martirosyan in Yerevan; Editing by Mark Heinrich)'), ['Aigerim Toktogulova:person', 'Gevorg Martirosyan:person', 'Mark Heinrich:person']);
    const text = corpusText('004');
    assert.ok(mentions(text).some((x) => x.text === 'Mikhail Klimentyev' && x.type === 'person'));
    assert.ok(mentions(text).some((x) => x.text === 'Max Hess' && x.type === 'person'));
  });
});

describe('family names, first words and word counts, read without splitting', () => {
  // What the names were once split into: the fast paths must say the same for any name.
  const word = fc.constantFrom('Anna', 'Togt', 'van', 'der', 'al-Assad', 'bin', 'de', 'X', '');
  const blank = fc.constantFrom(' ', '  ', '\u00a0', ' \u00a0');
  const name = fc.array(fc.tuple(word, blank), { maxLength: 6 }).chain((parts) => word.map((last) => parts.map(([w, b]) => w + b).join('') + last));
  const PARTICLES = new Set(NAME_PARTICLES);

  it('are those of the split name', () => {
    fc.assert(
      fc.property(name, (n) => {
        const tokens = n.split(/[ \u00a0]+/);
        let i = tokens.length - 1;
        while (i > 1 && PARTICLES.has(tokens[i - 1]!)) i--;
        assert.equal(familyName(n), tokens.slice(i).join(' '));
        assert.equal(wordCount(n), tokens.length);
        assert.equal(firstWord(n), tokens[0]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('names several leaders share', () => {
  it('go to the elder or the younger of a family by their years of birth: “the elder Bush”', () => {
    const named = (text: string, surface: string) => mentions(text).filter((x) => x.text === surface).map((x) => x.name);
    // One named in full: the nearest in age of those older, or younger.
    assert.deepEqual(named('Serdar Berdimuhamedov spoke. The elder Berdimuhamedov did not. Berdimuhamedov left.', 'Berdimuhamedov'), ['Gurbanguly Berdimuhamedow', 'Serdar Berdimuhamedow']);
    assert.deepEqual(named('George W. Bush spoke; the elder Bush did not.', 'Bush'), ['George H. W. Bush']);
    assert.deepEqual(named('Kim Jong Un spoke; the elder Kim did not.', 'Kim'), ['Kim Jong Il']);
    // Both named: the elder or the younger of the two; none named: of two, the elder or the younger.
    assert.deepEqual(named('Gurbanguly and Serdar Berdimuhamedov: Gurbanguly Berdimuhamedov chose the younger Berdimuhamedov.', 'Berdimuhamedov'), ['Serdar Berdimuhamedow']);
    assert.deepEqual(named('It was the younger Bush who won.', 'Bush'), ['George W. Bush']);
    // Three of one name and none named: their births say nothing of a family.
    assert.deepEqual(mentions('It was the elder Kim who ruled.').filter((x) => x.text === 'Kim').map((x) => x.entity), [null]);
  });

  it('go to the one named in full in the article', () => {
    const m = mentions('Ilham Aliyev met Putin. Later Aliyev said little.').find((x) => x.text === 'Aliyev')!;
    assert.equal(m.name, 'Ilham Aliyev');
  });

  it('go to the one in office on the article’s date when none is named in full', () => {
    const old = mentions('BAKU, May 5, 1998 — Aliyev signed the pipeline deal.').find((x) => x.text === 'Aliyev')!;
    assert.equal(old.name, 'Heydar Aliyev');
    const recent = mentions('BAKU, Oct. 13, 2023 — Aliyev signed the pipeline deal.').find((x) => x.text === 'Aliyev')!;
    assert.equal(recent.name, 'Ilham Aliyev');
    const bush = mentions('WASHINGTON, Jan. 5, 1990 — Bush spoke to reporters.').find((x) => x.text === 'Bush')!;
    assert.equal(bush.name, 'George H. W. Bush');
  });

  it('are marked ambiguous, with the candidates, when nothing settles them', () => {
    const m = mentions('Aliyev signed the pipeline deal.').find((x) => x.text === 'Aliyev')!;
    assert.equal(m.type, 'leader');
    assert.equal(m.entity, null);
    assert.deepEqual(new Set(m.candidates!.map((id) => kb.get(id)!.name)), new Set(['Ilham Aliyev', 'Heydar Aliyev']));
  });
});


describe('recognize with a pass timer', () => {
  it('reports each pass once, in order, and finds what it finds without one', () => {
    const text = corpusText('000');
    const passes: string[] = [];
    const timed = recognize(text, kb, (pass, ms) => {
      assert.ok(ms >= 0 && Number.isFinite(ms), `${pass} took ${ms} ms`);
      passes.push(pass);
    });
    assert.deepEqual(passes, [...RECOGNITION_PASSES]);
    assert.deepEqual(timed, recognize(text, kb));
  });
});

import { DAUGHTER_OF_ENDINGS, SON_OF_ENDINGS } from './lexicon';

/**
 * What a name says of its bearer's sex, where it says it plainly: Russian and Central
 * Asian family names take a feminine ending ("Petrova", "Stanovaya", "Rakhimova") beside
 * a masculine one ("Petrov", "Tokayev", "Zelensky"), a patronymic ending says whose son
 * or daughter ("Tazhibek kyzy", "Bakirov uulu"), and the region's common given names are
 * a man's or a woman's ("Vladimir", "Aigerim"). "She said" is then no man's words. Other
 * names say nothing here: "-in" (Putin, but Palin) and "-ina" (Lukina, but Medina) are
 * left to the given name.
 */
export type NameGender = 'f' | 'm';

const FEMININE = /(?:ova|eva|aya)$/;
/**
 * Given names' endings that say a bearer's sex: Mongolian ("Narantsetseg", "Bolormaa";
 * "Ganbold", "Khurelsukh"), and the "flower" of Turkic women's names and the "bek" or
 * "Muhammad" of men's ("Meryemgul", "Aigul"; "Temirbek", "Nurmuhammad").
 */
const WOMEN_BY_ENDING = /\p{Ll}(?:tsetseg|tuya|maa|gerel|zaya|chimeg|gul)$/u;
const MEN_BY_ENDING = /\p{Ll}(?:baatar|bold|sukh|ochir|bek|muhammad|mukhammad)$/u;
const MASCULINE = /(?:ov|ev|sky|skiy|skii)$/;
const DAUGHTER_OF = new Set(DAUGHTER_OF_ENDINGS);
const SON_OF = new Set(SON_OF_ENDINGS);
const MEN = new Set(
  `Vladimir Dmitry Dmitri Sergei Sergey Alexei Alexey Aleksei Alexander Aleksandr Mikhail Nikolai Ivan Andrei
  Andrey Yevgeny Evgeny Yuri Yury Igor Oleg Boris Viktor Pavel Maxim Anatoly Valery Vyacheslav Ramzan Gennady
  Vasily Pyotr Konstantin Leonid Arkady Grigory Fyodor Ilya Kirill Roman Denis Volodymyr Oleksandr Oleksiy
  Petro Nursultan Kassym-Jomart Shavkat Islam Sadyr Almazbek Kamchybek Akylbek Emomali Rustam Gurbanguly Serdar
  Saparmurat Askar Yerlan Nurlan Marat Timur Temur Bakhtiyar Dosym Erlan Ilham Heydar Nikol Recep Milan
  Nurbek Bakyt Azamat Daniyar Aibek Bekzat Ruslan Dauren Kanat Arman Asylbek Almaz Ulan Temirlan Alisher Bakhtiyor
  Farrukh Jamshid Sardor Sherzod Dilshod Firdavs Umed Anvar Akmal Ravshan Aidos Yerbol Murat Nurbol Talgat
  Adam Magomed Akhmed Apti Zelimkhan Khamzat Adlan Serik Berik Bolat Kairat Baurzhan Nurzhan Askhat Yerzhan
  Zhanibek Dastan Aidar Sanzhar Olzhas Farhod Jamshed Parviz Davron Bakhrom
  Taras Andriy Andrii Serhiy Serhii Mykola Bohdan Dmytro Oleh Yuriy Yurii Vasyl Ihor Maksym Mykhailo Yaroslav Ostap Kyrylo Pavlo Vitaliy Vitalii
  Ermek Yermek Daulet Alikhan Abdulla Talgat Nurzhan Zhandos Bauyrzhan Rinat Ilyas Erzhan Kuanysh Batyr
  Abdullah Memet Mehmet Ahmet Ilhom Kamil Erkin Alim Serikzhan Jahongir Ozodbek Otabek Ulugbek Jasur Bekzod Sanjar Shukhrat Bobur Nodir Zafar Sulaimon Behruz Khurshed Saidmurod
  Artyom Artem Anton Vadim Vitaly Stanislav Semyon Gleb Nikita Yegor Egor Timofei Arseny Matvei Georgy Valentin Eduard Vsevolod
  Aziz Azizbek Bahodir Bakhodir Sarvar Shohruh Doniyor Javlon Abror Botir Islom Mirzo Sherali Bekzhan Didar Omurbek Kurmanbek Tilek Adilet Kanybek
  Firuz Faridun Bahrom Shuhrat Siyovush Tursun Ablikim Memtimin Nurmemet Abdurehim
  Giorgi Levan Irakli Davit Zurab Mikheil Tornike Bidzina Otar Shalva Vakhtang Zviad Armen Aram Hayk Tigran Narek Vahagn Gagik Levon Vazgen`.split(/\s+/),
);
const WOMEN = new Set(
  `Maria Mariya Tatiana Tatyana Yulia Yuliya Anna Elena Yelena Olga Natalia Natalya Irina Svetlana Ekaterina
  Yekaterina Lyudmila Valentina Galina Marina Ksenia Kseniya Darya Daria Alina Nadezhda Larisa Vera Sofia
  Aigerim Gulnara Dinara Aida Asel Aizhan Aliya Zhanna Gulnoza Nargis Makhabat Saida Dilnoza Mukhlisa Kamala
  Ursula Kaja Maia Salome Giorgia Hillary Nancy Theresa Angela Annalena Jacinda Claudia Victoria
  Gulzira Aizada Zarina Madina Kamila Dilbar Gulnora Shahlo Nigora Malika Zulfiya Dilfuza Nodira Feruza Sevara
  Shakhnoza Aigul Ainura Saule Zhanar Gaukhar Asem Elmira Lola Mavjuda Oyunchimeg Bolormaa Dana Aruzhan Gulmira
  Ainur Saltanat Botagoz Raushan Bibigul
  Halyna Oksana Olena Iryna Tetiana Tetyana Liudmyla Lyudmyla Kateryna Yuliia Viktoriia Svitlana Nadiya Khrystyna Solomiia Hanna
  Tamara Gulzhan Gulnar Gulzat Oyuna Kulyash Kamola Dariga Akmaral Zhuldyz Meruert Ainagul Cholpon Nurgul Begimai
  Gulnisa Hanipa Aynur Mihray Rahile Gulbahar Zumret Mukaddes Gulistan Guliston Gulchehra Mohira Nilufar Munisa Umida Dilorom Firuza Manizha Parvina Tahmina Gulshat Akbota Aknur Nazgul Jyldyz
  Anastasia Yevgenia Evgenia Polina Alyona Kristina Veronika Yana Nina Lidia Zoya Raisa Inna Alla Olesya Lyubov Arina
  Aziza Shahnoza Shakhnoza Barno Gulbahor Dildora Muqaddas Laylo Ozoda Zilola Sitora Mohinur Diyora Maftuna Nigina Munira Nasiba Nozima Gulsara
  Karlygash Nazira Aisulu Aizhamal Burul Meerim Begaiym Dilnaz Togzhan Balnur Nazerke Tomiris Indira Zulhumar Mihriban Patigul Meryemgul
  Nino Tamar Mariam Ketevan Natia Khatia Tinatin Anahit Lusine Gayane Hasmik Armine Siranush Astghik`.split(/\s+/),
);

/** 'f' or 'm' when `name` (a person's) says so, by its last word or its first — one word alone too ("Nurbek", "Usmonova"). */
export function genderOfName(name: string): NameGender | undefined {
  const space = name.lastIndexOf(' ');
  if (space < 0) return MEN.has(name) ? 'm' : WOMEN.has(name) ? 'f' : WOMEN_BY_ENDING.test(name) ? 'f' : MEN_BY_ENDING.test(name) ? 'm' : FEMININE.test(name) ? 'f' : MASCULINE.test(name) ? 'm' : undefined;
  const last = name.slice(space + 1).toLowerCase();
  const byFamily: NameGender | undefined = DAUGHTER_OF.has(last) ? 'f' : SON_OF.has(last) ? 'm' : FEMININE.test(last) ? 'f' : MASCULINE.test(last) ? 'm' : undefined;
  const first = name.slice(0, name.indexOf(' '));
  const byGiven: NameGender | undefined = MEN.has(first) || MEN_BY_ENDING.test(first) ? 'm' : WOMEN.has(first) || WOMEN_BY_ENDING.test(first) ? 'f' : undefined;
  if (byFamily && byGiven && byFamily !== byGiven) return undefined;
  return byFamily ?? byGiven;
}

/** The sex "she" or "he" at `at` in `text` speaks of ("they" and anything else: none). */
export function genderOfPronoun(text: string, at: number): NameGender | undefined {
  const c = text.charCodeAt(at) | 0x20;
  if (c === 0x73 && (text.charCodeAt(at + 1) | 0x20) === 0x68 && (text.charCodeAt(at + 2) | 0x20) === 0x65) return 'f'; // she
  if (c === 0x68 && (text.charCodeAt(at + 1) | 0x20) === 0x65) return 'm'; // he
  return undefined;
}

/** Whether `word` is one of the region's common given names ("Sofia", "Rustam"). */
export function isCommonGivenName(word: string): boolean {
  return MEN.has(word) || WOMEN.has(word);
}

/** By first and last letter codes (each below 128), whether a common given name may start and end so. */
const GIVEN_NAME_ENDS = (() => {
  const out = new Uint8Array(128 * 128);
  for (const name of [...MEN, ...WOMEN]) out[(name.charCodeAt(0) & 0x7f) * 128 + (name.charCodeAt(name.length - 1) & 0x7f)] = 1;
  return out;
})();

/** Whether text[start, end) is one of the region's common given names, its letters read first so that most words are never copied. */
export function isCommonGivenNameAt(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  return first < 128 && last < 128 && GIVEN_NAME_ENDS[first * 128 + last] === 1 && isCommonGivenName(text.slice(start, end));
}

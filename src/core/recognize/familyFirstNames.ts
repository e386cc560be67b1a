/**
 * Chinese names put the family name first ("Mao Ning", "Wang Wenbin"), as do Korean and
 * Taiwanese ones ("Moon Jae-in", "Tsai Ing-wen"), and news calls their bearers by it
 * ("Mao said"), never by the given name. A name of two words is read so when it is a
 * common Chinese family name, then a given name of one or two pinyin syllables; or a
 * short word, then a given name of two syllables joined by a hyphen, the second in lower
 * case. Other names keep the family name last: Western ones that start with such a word
 * ("Lin Wood": "Wood" is no pinyin), and "Linda Thomas-Greenfield".
 */

/** Common Chinese family names in pinyin, capitalised as written. */
const FAMILY_NAMES = new Set(
  `
  Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang
  Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Wei
  Su Lu Ding Ren Shen Yao Zhong Cui Tan Fan Liao Shi Jin Jia Xia Fu Fang Zou Xiong Bai Meng Qin
  Qiu Hou Yin Xue Yan Duan Lei Long Hao Kong Shao Mao Qian Dai Wen Gu Kang Mo Qi Chang Niu Yi Geng
  Bo Chu Hua Xi Lü Lyu Qu Tao Gong Wan Ji Zhan Lai Ke Nie Bao Ruan Zhai Ge Yue Mu Ouyang Sima Zhuge
  Situ
  `
    .trim()
    .split(/\s+/),
);

/**
 * One or two pinyin syllables, lower-case (tone marks folded away; "ü" written "v" or
 * "u"), an apostrophe or a hyphen allowed between them ("Xi'an").
 */
const SYLLABLE = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)';
const GIVEN_NAME = new RegExp(`^${SYLLABLE}(?:['’-]?${SYLLABLE})?$`);

/** A given name of two syllables joined by a hyphen, as Korean and Taiwanese names are written ("Jae-in", "Ing-wen"). */
const HYPHENATED_GIVEN_NAME = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;
/** A family name before such a given name: one short word ("Moon", "Tsai"). */
const SHORT_FAMILY_NAME = /^\p{Lu}\p{Ll}{1,4}$/u;

/** Whether `name` ("Mao Ning", "Moon Jae-in") is one whose first word is the family name. */
export function isFamilyFirst(name: string): boolean {
  const space = name.indexOf(' ');
  if (space <= 0 || name.indexOf(' ', space + 1) >= 0) return false;
  const family = name.slice(0, space);
  const given = name.slice(space + 1);
  const first = given.charCodeAt(0);
  if (!(first >= 0x41 && first <= 0x5a)) return false; // a capital, as a given name is written
  if (FAMILY_NAMES.has(family) && GIVEN_NAME.test(given.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]+/g, ''))) return true;
  return SHORT_FAMILY_NAME.test(family) && HYPHENATED_GIVEN_NAME.test(given);
}

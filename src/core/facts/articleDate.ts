/**
 * The date an article speaks from: the latest full date written in it ("Oct. 13, 2023",
 * "13 October 2023", "2023-10-13"). Undefined when it names none.
 */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// Every date these read holds a year, and no two share one: each year is looked at once,
// what stands before it (or after, for ISO) read in place. Three searches of the head for
// whole dates cost ~0.6 ms at 200 KB, on every edit near the top of a long file.
const YEAR = /\b(?:19|20)\d\d\b/g;
const MDY_BEFORE = new RegExp(`(?<=\\b${MONTH}\\s+(\\d{1,2}),?\\s+)`, 'y');
const DMY_BEFORE = new RegExp(`(?<=\\b(\\d{1,2})\\s+${MONTH}\\s+)`, 'y');
const ISO_AFTER = /-(\d\d)-(\d\d)\b/y;

/** Only the first this-many characters are read: a date deep in a huge file says little about "now". */
export const ARTICLE_DATE_REACH = 200_000;

export function articleDate(text: string): string | undefined {
  let latest: string | undefined;
  const consider = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1 || d > 31) return;
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (!latest || iso > latest) latest = iso;
  };
  const head = text.length > ARTICLE_DATE_REACH ? text.slice(0, ARTICLE_DATE_REACH) : text;
  YEAR.lastIndex = 0;
  for (let y = YEAR.exec(head); y; y = YEAR.exec(head)) {
    const year = +y[0];
    MDY_BEFORE.lastIndex = y.index;
    const mdy = MDY_BEFORE.exec(head);
    if (mdy) consider(year, MONTHS[mdy[1]!.toLowerCase()] ?? 0, +mdy[2]!);
    DMY_BEFORE.lastIndex = y.index;
    const dmy = DMY_BEFORE.exec(head);
    if (dmy) consider(year, MONTHS[dmy[2]!.toLowerCase()] ?? 0, +dmy[1]!);
    ISO_AFTER.lastIndex = y.index + 4;
    const iso = ISO_AFTER.exec(head);
    if (iso) consider(year, +iso[1]!, +iso[2]!);
  }
  return latest;
}

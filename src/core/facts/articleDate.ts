/**
 * The date an article speaks from: the latest full date written in it ("Oct. 13, 2023",
 * "13 October 2023", "2023-10-13"). Undefined when it names none.
 */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const MDY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)\\b`, 'g');
const DMY = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+((?:19|20)\\d\\d)\\b`, 'g');
const ISO = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g;

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
  for (const m of head.matchAll(MDY)) consider(+m[3]!, MONTHS[m[1]!.toLowerCase().replace('.', '')] ?? 0, +m[2]!);
  for (const m of head.matchAll(DMY)) consider(+m[3]!, MONTHS[m[2]!.toLowerCase().replace('.', '')] ?? 0, +m[1]!);
  for (const m of head.matchAll(ISO)) consider(+m[1]!, +m[2]!, +m[3]!);
  return latest;
}

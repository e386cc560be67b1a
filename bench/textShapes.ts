/**
 * Texts that are not shaped like news but do get opened — made from a news text. Each
 * once cost far more than its size says (see test/unit/recognize-shapes.test.ts), so the
 * benchmark times them too.
 */
export const TEXT_SHAPES: Record<string, (news: string) => string> = {
  'one line': (t) => t.replace(/\n/g, ' '),
  'one paragraph, single line breaks': (t) => t.replace(/\n+/g, '\n'),
  'no closing quotation marks': (t) => t.replace(/[”"]/g, ''),
  'no opening quotation marks': (t) => t.replace(/“/g, ''),
  'only opening quotation marks': (t) => t.replace(/”/g, '“'),
  'one line, quotes never closed': (t) => t.replace(/\n/g, ' ').replace(/”/g, ' '),
  'all capitals': (t) => t.toUpperCase(),
  'no white space': (t) => t.replace(/\s/g, ''),
  'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
  'one name over and over': (t) => 'President Vladimir Putin said '.repeat(t.length / 30),
  'short quotes, nothing else': (t) => '“a” '.repeat(t.length / 4),
  'minified JSON': (t) => JSON.stringify(t.split(/\s+/).map((w, i) => ({ [`k${i}`]: w }))),
  'CSV, every word quoted': (t) => t.split('\n').map((line) => line.split(' ').map((w) => `"${w}"`).join(',')).join('\n'),
  // An archive of many articles, or a directory: each person introduced once, by a cue.
  'thousands of different people': (t) => {
    let out = '';
    for (let i = 0; out.length < t.length; i++) out += `The analyst Anna ${surname(i)} said it was fine. `;
    return out;
  },
};

/** A made-up family name for each number: Aov, Bov, …, Abov, … */
function surname(i: number): string {
  let s = '';
  for (let n = i; ; n = Math.floor(n / 26)) {
    s += String.fromCharCode(0x61 + (n % 26));
    if (n < 26) break;
  }
  return s[0]!.toUpperCase() + s.slice(1) + 'ov';
}

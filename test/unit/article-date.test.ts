import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_DATE_REACH, articleDate } from '../../src/core/facts/articleDate';
import { CORPUS_DIR, corpusFiles } from './corpus';

/**
 * What articleDate means, written the plain way: every whole date matched by three
 * searches of the head, the latest valid one kept. The function reads each year in place
 * instead; the two must agree on any text.
 */
function latestDateBySearches(text: string): string | undefined {
  const months: Record<string, number> = { jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12 };
  const month = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
  const head = text.slice(0, ARTICLE_DATE_REACH);
  const found: [number, number, number][] = [];
  for (const m of head.matchAll(new RegExp(`\\b${month}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)\\b`, 'g'))) found.push([+m[3]!, months[m[1]!.toLowerCase()] ?? 0, +m[2]!]);
  for (const m of head.matchAll(new RegExp(`\\b(\\d{1,2})\\s+${month}\\s+((?:19|20)\\d\\d)\\b`, 'g'))) found.push([+m[3]!, months[m[2]!.toLowerCase()] ?? 0, +m[1]!]);
  for (const m of head.matchAll(/\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/g)) found.push([+m[1]!, +m[2]!, +m[3]!]);
  let latest: string | undefined;
  for (const [y, m, d] of found) {
    if (m < 1 || m > 12 || d < 1 || d > 31) continue;
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (!latest || iso > latest) latest = iso;
  }
  return latest;
}

describe('articleDate', () => {
  it('reads the latest of the dates written in each way', () => {
    assert.equal(articleDate('Astana, 14 October 2023\n\nTalks began on Oct. 13, 2023, and ended 2023-10-15.'), '2023-10-15');
    assert.equal(articleDate('Sept. 9, 2021 — and 12 Sep 2021, then May 1, 1999'), '2021-09-12');
    assert.equal(articleDate('June 32, 2020 is no date, 2020-13-01 neither; 2 June 2020 is.'), '2020-06-02');
    assert.equal(articleDate('xMay 5, 2020 · 5 Mayday 2020 · 123 May 2020 · May 115, 2020 · 2019-2020'), undefined);
    assert.equal(articleDate('no date at all, 2024 alone'), undefined);
  });

  it('reads no further than its reach', () => {
    const far = 'x'.repeat(ARTICLE_DATE_REACH - 6) + ' 2024-01-02';
    assert.equal(articleDate(far), undefined);
    assert.equal(articleDate('1 May 2001 ' + far), '2001-05-01');
  });

  it('agrees with three searches for whole dates on any text made of dates’ pieces', () => {
    const fragment = fc.constantFrom('May', 'June', 'Jun', 'Sept', 'September', 'Sep', 'Oct', 'Mar', 'March', 'x', 'Smarch', '.', ',', ' ', '  ', '\n', '\u00a0', '-', '0', '1', '5', '12', '31', '13', '2023', '1999', '2020', '20', '19', '-10-', '-13-');
    const space = fc.constantFrom(' ', '  ', '\n', '\u00a0', '', 'x');
    const day = fc.constantFrom('1', '05', '9', '12', '31', '32', '0', '123');
    const month = fc.constantFrom('May', 'June', 'Jun.', 'Sept.', 'Sep', 'September', 'Oct', 'Mar', 'March', 'Smarch', 'may');
    const year = fc.constantFrom('2023', '1999', '2020', '2101', '20231', '1899');
    // Whole dates most of the time, each written one of the three ways, their spaces sometimes wrong.
    const date = fc.oneof(
      fc.tuple(month, space, day, fc.constantFrom(',', ''), space, year).map((p) => p.join('')),
      fc.tuple(day, space, month, space, year).map((p) => p.join('')),
      fc.tuple(year, fc.constantFrom('-', '- ', ''), fc.constantFrom('01', '12', '13', '00', '5'), fc.constantFrom('-', ''), fc.constantFrom('01', '31', '32', '7', '015')).map((p) => p.join('')),
    );
    const piece = fc.oneof(date, fragment);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(articleDate(text), latestDateBySearches(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with them on every article of the corpus, and on the corpus as one text', () => {
    const texts = corpusFiles().map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8'));
    for (const t of [...texts, texts.join('\n\n')]) assert.equal(articleDate(t), latestDateBySearches(t));
    assert.ok(texts.some((t) => articleDate(t) !== undefined), 'some article of the corpus is dated');
  });
});

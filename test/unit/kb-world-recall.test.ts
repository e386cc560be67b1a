import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { nameKey } from '../../src/core/recognize/fold';
import { recognize } from '../../src/core/recognize/index';

/**
 * Articles from regions the corpus does not cover, written for these tests, with the
 * leaders and countries a reader expects linked. Recall is counted per occurrence.
 */
const DIR = join(__dirname, '..', 'fixtures', 'world');
const kb = KnowledgeBase.builtin();

interface Expected {
  leaders: Record<string, string>;
  countries: Record<string, string>;
  /** Other names whose words must not count as a leader or country ("South China Sea"). */
  others?: string[];
}

function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + surface.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push(i);
  }
  return out;
}

function recall(kind: 'leader' | 'country') {
  let found = 0;
  let total = 0;
  const misses: string[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(DIR, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected;
    const table = kind === 'leader' ? expected.leaders : expected.countries;
    const mentions = recognize(text, kb).mentions;
    const surfaces = Object.keys(table);
    const all = [...Object.keys(expected.leaders), ...Object.keys(expected.countries), ...(expected.others ?? [])];
    for (const surface of surfaces) {
      for (const at of occurrences(text, surface)) {
        // A surface inside a longer expected one ("Xi" in "Xi Jinping") is counted there.
        if (all.some((s) => s !== surface && s.includes(surface) && occurrences(text, s).some((o) => o <= at && at < o + s.length))) continue;
        total++;
        const m = mentions.find((x) => x.start === at && x.end === at + surface.length);
        const entity = m?.entity ? kb.get(m.entity) : undefined;
        const names = entity ? [entity.name, ...entity.aliases].map(nameKey) : [];
        if (m && m.type === kind && names.includes(nameKey(table[surface]!))) found++;
        else misses.push(`${file}: ${surface} → ${m ? `${m.type} ${m.name}` : 'nothing'}`);
      }
    }
  }
  return { recall: total ? found / total : 0, total, misses };
}

describe('the world knowledge base on articles from other regions', () => {
  it('links leaders with recall ≥ 0.95', () => {
    const r = recall('leader');
    assert.ok(r.total > 50, `${r.total} leader occurrences`);
    assert.ok(r.recall >= 0.95, `leader recall ${r.recall.toFixed(3)}; missed:\n${r.misses.join('\n')}`);
  });

  it('links countries with recall ≥ 0.98', () => {
    const r = recall('country');
    assert.ok(r.total > 40, `${r.total} country occurrences`);
    assert.ok(r.recall >= 0.98, `country recall ${r.recall.toFixed(3)}; missed:\n${r.misses.join('\n')}`);
  });
});

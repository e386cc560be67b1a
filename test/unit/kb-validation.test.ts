import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import type { Entity } from '../../src/core/kb/types';
import { parseEntityFile } from '../../src/core/kb/userEntities';

const kb = KnowledgeBase.builtin();
const all = kb.all();
const countries = all.filter((e) => e.kind === 'country');

describe('the built-in knowledge base', () => {
  it('has unique ids and every role points at an existing country or organisation', () => {
    // Ids are unique by construction of the map; the generated list must agree.
    assert.equal(new Set(all.map((e) => e.id)).size, all.length);
    for (const e of all) {
      for (const r of e.person?.roles ?? []) {
        if (r.country) assert.equal(kb.get(r.country)?.kind, 'country', `${e.name}: ${r.country}`);
        if (r.org) assert.equal(kb.get(r.org)?.kind, 'org', `${e.name}: ${r.org}`);
        if (r.start && r.end) assert.ok(r.start <= r.end, `${e.name}: ${r.title} ${r.start}–${r.end}`);
      }
    }
  });

  it('gives every person its sex, for pronouns to know whom they may stand for', () => {
    const unknown = all.filter((e) => (e.kind === 'leader' || e.kind === 'person') && e.person?.sex === undefined).map((e) => e.name);
    assert.deepEqual(unknown, []);
  });

  it('shares no strong alias between two entities', () => {
    const owner = new Map<string, Entity>();
    const clashes: string[] = [];
    for (const e of all) {
      for (const a of new Set([e.name, ...e.aliases])) {
        const o = owner.get(a);
        if (o && o.id !== e.id) clashes.push(`${a}: ${o.name} / ${e.name}`);
        owner.set(a, e);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('gives every current country a capital, region and flag, and knows the former states', () => {
    // UN members and observers, and the states the issue names outside the UN.
    const states = countries.filter((c) => !c.country!.dissolved && (c.country!.unMember !== false || ['TWN', 'UNK', 'PSE', 'VAT', 'ESH'].includes(c.id)));
    assert.ok(states.length >= 198, `${states.length} states`);
    for (const id of ['TWN', 'UNK', 'PSE', 'VAT', 'ESH']) assert.ok(states.some((c) => c.id === id), id);
    for (const c of states) {
      assert.ok(c.country!.region, `${c.name} region`);
      assert.ok(c.country!.flag, `${c.name} flag`);
      assert.ok(c.country!.capital.length > 0, `${c.name} capital`);
    }
    assert.ok(countries.length > states.length, 'territories are known too');
    for (const id of ['SUN', 'YUG', 'CSK', 'DDR']) assert.ok(kb.get(id)?.country?.dissolved, id);
  });

  it('knows a current head of state or government for every UN member (San Marino’s regents rotate)', () => {
    const covered = new Set<string>();
    for (const e of all) for (const r of e.person?.roles ?? []) if (!r.end && r.country) covered.add(r.country);
    const missing = countries.filter((c) => c.country!.iso2 && c.country!.unMember !== false && !c.country!.dissolved && !covered.has(c.id)).map((c) => c.id);
    assert.deepEqual(missing.filter((id) => id !== 'SMR'), []);
  });

  it('knows the blocs of Central Asia and Europe', () => {
    const blocs = (id: string) => kb.get(id)!.country!.blocs;
    for (const b of ['org:CIS', 'org:CSTO', 'org:SCO', 'org:EAEU', 'org:UN']) assert.ok(blocs('KAZ').includes(b), b);
    assert.ok(!blocs('TKM').includes('org:CSTO') && !blocs('TKM').includes('org:EAEU'));
    assert.ok(!blocs('UKR').includes('org:CIS') && !blocs('GEO').includes('org:CIS'));
    assert.ok(blocs('POL').includes('org:NATO') && blocs('POL').includes('org:EU'));
    assert.ok(blocs('NGA').includes('org:AU') && blocs('NGA').includes('org:OPEC'));
  });

  it('maps demonyms and short forms to their countries', () => {
    const demonymOwner = (d: string) => countries.find((c) => c.country!.demonyms.includes(d))?.id;
    assert.equal(demonymOwner('Kazakh'), 'KAZ');
    assert.equal(demonymOwner('Kazakhstani'), 'KAZ');
    assert.equal(demonymOwner('Kazakhs'), 'KAZ');
    assert.equal(demonymOwner('Soviet'), 'SUN');
    // "Korean" in the news is mostly the South's; "North Korean" the North's.
    assert.equal(demonymOwner('Korean'), 'KOR');
    assert.equal(demonymOwner('North Korean'), 'PRK');
    assert.equal(demonymOwner('British'), 'GBR');
    // Territories do not take their state's demonym.
    for (const d of ['French', 'Dutch', 'American', 'Chinese']) assert.equal(countries.filter((c) => c.country!.demonyms.includes(d)).length, 1, d);
    const alias = (a: string) => countries.find((c) => c.name === a || c.aliases.includes(a))?.id;
    for (const [a, id] of [['U.S.', 'USA'], ['UK', 'GBR'], ['Britain', 'GBR'], ['Russian Federation', 'RUS'], ['Türkiye', 'TUR'], ['Czechia', 'CZE']]) assert.equal(alias(a!), id, a);
  });

  it('loads in under 50 ms and searches by any spelling', () => {
    const t = performance.now();
    const fresh = new KnowledgeBase(all, kb.asOf);
    const ms = performance.now() - t;
    assert.ok(ms < 50, `${ms.toFixed(1)} ms`);
    assert.equal(fresh.search('tokaev')[0]?.name, 'Kassym-Jomart Tokayev');
    assert.equal(fresh.search('erdogan')[0]?.name, 'Recep Tayyip Erdoğan');
    assert.match(kb.asOf, /^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('user entity files', () => {
  it('merges good entries over the built-in ones and adds new ones', () => {
    const r = parseEntityFile('mine.entities.yaml', '- id: person:jane-roe\n  kind: person\n  name: Jane Roe\n  aliases: [Roe]\n- id: Q7747\n  aliases: [VVP]\n');
    assert.deepEqual(r.diagnostics, []);
    const merged = kb.merge(r.entities);
    assert.equal(merged.get('person:jane-roe')?.name, 'Jane Roe');
    assert.ok(merged.get('Q7747')!.aliases.includes('VVP'));
    assert.ok(merged.get('Q7747')!.aliases.includes('Putin'), 'built-in aliases stay');
    assert.equal(merged.get('Q7747')!.kind, 'leader');
    // A sex, for a new person or added to a known one's facts, which stay.
    const sexed = kb.merge(parseEntityFile('mine.entities.yaml', '- id: person:jane-roe\n  kind: person\n  name: Jane Roe\n  sex: female\n- id: Q7747\n  sex: male\n').entities);
    assert.equal(sexed.get('person:jane-roe')?.person?.sex, 'f');
    assert.equal(sexed.get('Q7747')?.person?.sex, 'm');
    assert.ok(sexed.get('Q7747')!.person!.roles.length > 0, 'built-in roles stay');
    const bad = parseEntityFile('mine.entities.yaml', '- id: person:jane-roe\n  kind: person\n  name: Jane Roe\n  sex: f\n');
    assert.deepEqual([bad.entities.length, bad.diagnostics.map((d) => [d.line, d.message])], [0, [[4, '`sex` must be female or male']]]);
  });

  it('reports a bad entry with file and line and still loads the rest', () => {
    const text = '- id: person:a\n  kind: person\n  name: A Person\n- id: person:b\n  kind: planet\n  name: B\n- kind: person\n  name: No Id\n- id: person:c\n  kind: org\n  name: C Org\n';
    const r = parseEntityFile('bad.entities.yaml', text);
    assert.deepEqual(r.entities.map((e) => e.id), ['person:a', 'person:c']);
    assert.equal(r.diagnostics.length, 2);
    assert.equal(r.diagnostics[0]!.file, 'bad.entities.yaml');
    assert.equal(r.diagnostics[0]!.line, 5);
    assert.equal(r.diagnostics[1]!.line, 7);
  });

  it('reports a YAML syntax error with its position', () => {
    const r = parseEntityFile('broken.entities.yaml', '- id: x\n  name: [unclosed\n');
    assert.equal(r.entities.length, 0);
    assert.ok(r.diagnostics[0]!.line >= 2);
  });
});

// Compiles the built-in knowledge base into src/core/kb/generated/kbJson.ts (a JSON string) and kb.json:
// countries from the `world-countries` package (trimmed to what hovers and matching
// use), completed by our reviewable YAML under src/core/kb/data/. Run by esbuild.js,
// by the unit-test setup, or directly: `node scripts/build-kb.js`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const ROOT = path.join(__dirname, '..');
const DATA = path.join(ROOT, 'src', 'core', 'kb', 'data');
const OUT = path.join(ROOT, 'src', 'core', 'kb', 'generated', 'kbJson.ts');
/** The same data as plain JSON, for the grammar generator. */
const JSON_OUT = path.join(ROOT, 'src', 'core', 'kb', 'generated', 'kb.json');

/** Reads a YAML data file; a syntax error names the file, line and column. */
function readYaml(file) {
  const text = fs.readFileSync(file, 'utf8');
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0];
    throw new Error(`${path.relative(ROOT, file)}:${pos ? `${pos.line}:${pos.col}` : '?'}: ${e.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

function yamlFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? yamlFiles(path.join(dir, d.name)) : /\.ya?ml$/.test(d.name) ? [path.join(dir, d.name)] : []))
    .sort();
}

/** Plural nouns for a demonym adjective by the regular rule; irregular ones come from YAML. */
function plural(demonym) {
  if (/(?:ese|ish|ch|ss|sh|x|z)$/.test(demonym) || / /.test(demonym)) return null;
  return demonym + 's';
}

/** Latin-script alternative names that read as proper nouns in English text. */
function usableAlias(s) {
  return s.length >= 3 && s.length <= 60 && /^[A-Z]/.test(s) && !/,/.test(s) && /^[\p{Script=Latin}\p{N}\s.'’()-]+$/u.test(s);
}

function countriesFromDataset(extras) {
  const countries = require('world-countries');
  const out = [];
  for (const c of countries) {
    const x = extras[c.cca3] ?? {};
    if (x.skip) continue;
    const name = x.name ?? c.name.common;
    const aliases = new Set([c.name.common, c.name.official, ...c.altSpellings.filter(usableAlias), ...(x.aliases ?? [])]);
    for (const a of x.dropAliases ?? []) aliases.delete(a);
    aliases.delete(name);
    const demonyms = new Set();
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d) continue;
      demonyms.add(d);
      const p = plural(d);
      if (p) demonyms.add(p);
    }
    for (const d of x.demonyms ?? []) demonyms.add(d);
    for (const d of x.dropDemonyms ?? []) demonyms.delete(d);
    out.push({
      id: c.cca3,
      kind: 'country',
      name,
      aliases: [...aliases],
      ...(x.weakAliases ? { weakAliases: x.weakAliases } : {}),
      ...(x.wikidata ? { wikidata: x.wikidata } : {}),
      country: {
        iso2: c.cca2,
        iso3: c.cca3,
        ...(c.ccn3 ? { numeric: c.ccn3 } : {}),
        official: c.name.official,
        flag: c.flag,
        capital: x.capital ?? c.capital,
        region: c.region,
        ...(c.subregion ? { subregion: c.subregion } : {}),
        neighbours: c.borders.map((b) => (b === 'UNK' ? 'UNK' : b)),
        blocs: [],
        demonyms: [...demonyms],
        ...(c.unMember ? {} : { unMember: false }),
      },
      source: 'builtin',
    });
  }
  return out;
}

function slug(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A person's sex as the YAML gives it ("female" or "male"), stored as 'f' or 'm'. */
function sexOf(r, file) {
  if (r.sex === 'female') return 'f';
  if (r.sex === 'male') return 'm';
  throw new Error(`${file}: ${r.name} has sex ${JSON.stringify(r.sex)}; write female or male`);
}

/** Turns a YAML leader/person record into an Entity. */
function personEntity(r, kind, file) {
  if (!r.name) throw new Error(`${file}: an entry has no name`);
  return {
    id: r.id ?? `person:${slug(r.name)}`,
    kind,
    name: r.name,
    aliases: r.aliases ?? [],
    ...(r.weakAliases?.length ? { weakAliases: r.weakAliases } : {}),
    ...(r.wikidata ? { wikidata: r.wikidata } : /^Q\d+$/.test(r.id ?? '') ? { wikidata: r.id } : {}),
    ...(r.description ? { description: r.description } : {}),
    person: {
      roles: (r.roles ?? []).map((x) => ({ ...x, ...(x.start !== undefined ? { start: String(x.start) } : {}), ...(x.end !== undefined ? { end: String(x.end) } : {}) })),
      ...(r.born ? { born: r.born } : {}),
      ...(r.country ? { country: r.country } : {}),
      ...(r.occupation ? { occupation: r.occupation } : {}),
      ...(r.sex ? { sex: sexOf(r, file) } : {}),
    },
    source: 'builtin',
  };
}

function buildKb() {
  const meta = readYaml(path.join(DATA, 'meta.yaml'));
  const extras = readYaml(path.join(DATA, 'countries.yaml'));
  const entities = countriesFromDataset(extras.countries ?? {});
  const byId = new Map(entities.map((e) => [e.id, e]));

  // A territory shares its state's demonym ("French" for the French Southern Lands,
  // "Dutch" for the Caribbean Netherlands): in running text it means the state.
  const STATES_OUTSIDE_UN = new Set(['TWN', 'UNK', 'PSE', 'VAT', 'ESH']);
  const isState = (e) => e.country.unMember !== false || STATES_OUTSIDE_UN.has(e.id);
  const stateDemonyms = new Set(entities.filter(isState).flatMap((e) => e.country.demonyms));
  for (const e of entities) if (!isState(e)) e.country.demonyms = e.country.demonyms.filter((d) => !stateDemonyms.has(d));

  for (const f of extras.former ?? []) {
    entities.push({
      id: f.id,
      kind: 'country',
      name: f.name,
      aliases: f.aliases ?? [],
      ...(f.wikidata ? { wikidata: f.wikidata } : {}),
      country: { official: f.official, flag: f.flag, capital: f.capital ?? [], region: f.region, neighbours: [], blocs: [], demonyms: f.demonyms ?? [], founded: String(f.founded), dissolved: String(f.dissolved), successors: f.successors ?? [] },
      source: 'builtin',
    });
  }

  // Organisations, and bloc membership written onto each country from the one list.
  const orgs = readYaml(path.join(DATA, 'organisations.yaml'));
  const orgIds = new Set();
  for (const o of orgs) {
    // A second entry under one id would silently replace the first.
    if (orgIds.has(o.id)) throw new Error(`organisations.yaml: duplicate organisation ${o.id}`);
    orgIds.add(o.id);
    let members = o.members;
    if (members === 'un') members = entities.filter((e) => e.kind === 'country' && e.country.iso2 && !e.country.dissolved && e.country.unMember !== false).map((e) => e.id);
    if (members === 'africa') members = entities.filter((e) => e.kind === 'country' && e.country.region === 'Africa' && (e.country.unMember !== false || e.id === 'ESH')).map((e) => e.id);
    entities.push({
      id: o.id,
      kind: 'org',
      name: o.name,
      aliases: o.aliases ?? [],
      ...(o.weakAliases ? { weakAliases: o.weakAliases } : {}),
      ...(o.wikidata ? { wikidata: o.wikidata } : {}),
      org: { orgType: o.type, ...(o.abbreviation ? { abbreviation: o.abbreviation } : {}), ...(members ? { members } : {}), ...(o.founded ? { founded: String(o.founded) } : {}), ...(o.headquarters ? { headquarters: o.headquarters } : {}) },
      source: 'builtin',
    });
    for (const m of members ?? []) {
      const c = byId.get(m);
      if (!c) throw new Error(`organisations.yaml: ${o.id} lists unknown member ${m}`);
      c.country.blocs.push(o.id);
    }
  }

  // Places: every capital from the data set, then our regions, cities and buildings.
  const places = readYaml(path.join(DATA, 'places.yaml'));
  const placeIds = new Set();
  // Only sovereign states' capitals: a territory's (Hamilton, Bermuda) is far more often a surname.
  const sovereign = new Set(require('world-countries').filter((c) => c.unMember || c.independent || ['TWN', 'UNK', 'PSE', 'ESH', 'VAT'].includes(c.cca3)).map((c) => c.cca3));
  for (const c of entities.filter((e) => e.kind === 'country' && !e.country.dissolved && sovereign.has(e.id))) {
    for (const cap of c.country.capital) {
      const id = `place:${slug(cap)}`;
      // City-states (Singapore, Monaco): the name is the country's.
      if (placeIds.has(id) || cap === c.name || c.aliases.includes(cap)) continue;
      placeIds.add(id);
      const extra = places.capitals?.[cap] ?? {};
      entities.push({ id, kind: 'place', name: extra.name ?? cap, aliases: extra.aliases ?? [], place: { placeType: 'capital', country: c.id, metonymFor: c.id }, source: 'builtin' });
    }
  }
  for (const p of places.places ?? []) {
    const id = p.id ?? `place:${slug(p.name)}`;
    if (placeIds.has(id)) throw new Error(`places.yaml: duplicate place ${id}`);
    placeIds.add(id);
    entities.push({ id, kind: 'place', name: p.name, aliases: p.aliases ?? [], ...(p.wikidata ? { wikidata: p.wikidata } : {}), place: { placeType: p.type, ...(p.country ? { country: p.country } : {}) }, source: 'builtin' });
  }

  for (const file of yamlFiles(path.join(DATA, 'leaders'))) {
    for (const r of readYaml(file) ?? []) entities.push(personEntity(r, 'leader', path.relative(ROOT, file)));
  }
  for (const r of readYaml(path.join(DATA, 'people.yaml')) ?? []) entities.push(personEntity(r, 'person', 'people.yaml'));

  // Later entries with the same id override earlier ones (data files refine the data set).
  const merged = new Map();
  for (const e of entities) {
    // Only a country may be given again (the data files refine the data set's); a person twice is a mistake.
    if ((e.kind === 'leader' || e.kind === 'person') && merged.has(e.id)) throw new Error(`${e.id} is given twice`);
    merged.set(e.id, e);
  }
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const json = JSON.stringify({ asOf: String(meta.asOf), entities: [...merged.values()] });
  // As a string the bundle parses with JSON.parse: much faster to load than the same data as a JS object literal.
  fs.writeFileSync(`${JSON_OUT}.${process.pid}.tmp`, json);
  fs.renameSync(`${JSON_OUT}.${process.pid}.tmp`, JSON_OUT);
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `// Generated by scripts/build-kb.js from src/core/kb/data; do not edit.\nexport const KB_JSON = ${JSON.stringify(json)};\n`);
  fs.renameSync(tmp, OUT);
  return merged.size;
}

module.exports = { buildKb };
if (require.main === module) {
  try {
    const n = buildKb();
    console.log(`knowledge base: ${n} entities → ${path.relative(process.cwd(), OUT)}`);
  } catch (e) {
    console.error(`build-kb: ${e.message}`);
    process.exit(1);
  }
}

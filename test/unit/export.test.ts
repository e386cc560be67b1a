import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fromBrat, toBrat } from '../../src/core/export/brat';
import { csvHeader, toCsvRows } from '../../src/core/export/csv';
import { annotationsFromRecognition } from '../../src/core/export/fromRecognition';
import { toW3c } from '../../src/core/export/w3c';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { recognize } from '../../src/core/recognize/index';
import { parseSidecar, serializeSidecar } from '../../src/core/sidecar/index';
import { CORPUS_DIR, corpusText } from './corpus';

const kb = KnowledgeBase.builtin();
const wikidataOf = (id: string) => kb.get(id)?.wikidata;
const text = corpusText('000');
const annotations = annotationsFromRecognition(text, recognize(text, kb));

/** brat's rules for standoff files, checked line by line. */
function assertValidBrat(ann: string, body: string): void {
  const cps = Array.from(body);
  const ids = new Set<string>();
  for (const line of ann.trimEnd().split('\n')) {
    const fields = line.split('\t');
    assert.equal(fields.length, 3, `three tab-separated fields: ${line}`);
    const [id, spec, shown] = fields as [string, string, string];
    assert.ok(!ids.has(id), `id ${id} is unique`);
    ids.add(id);
    assert.ok(!/[\r\n]/.test(shown));
    if (id.startsWith('T')) {
      const m = /^(\w+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(spec);
      assert.ok(m, spec);
      const frags = m[2]!.split(';').map((f) => f.split(' ').map(Number));
      for (const [s, e] of frags) assert.ok(s! <= e! && e! <= cps.length && !cps.slice(s, e).includes('\n'));
      assert.equal(frags.map(([s, e]) => cps.slice(s, e).join('')).join(' '), shown);
    } else if (id.startsWith('N')) assert.match(spec, /^Reference T\d+ Wikidata:Q\d+$/);
    else assert.match(spec, /^AnnotatorNotes T\d+$/);
  }
}

describe('exports', () => {
  it('writes valid brat standoff with Wikidata normalisations and speakers', () => {
    const ann = toBrat(text, annotations, wikidataOf);
    assertValidBrat(ann, text);
    assert.match(ann, /^T\d+\tleader \d+ \d+\tVladimir Putin$/m);
    assert.match(ann, /^N\d+\tReference T\d+ Wikidata:Q7747\tVladimir Putin$/m);
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tspeaker: Emomali Rahmon$/m);
  });

  it('round-trips brat → sidecar → brat without loss', () => {
    const cps = Array.from(text);
    const span = fc
      .tuple(fc.nat(cps.length - 1), fc.integer({ min: 1, max: 40 }), fc.constantFrom('leader', 'country', 'place', 'speech', 'term'), fc.option(fc.constantFrom('Q7747', 'Q159'), { nil: undefined }), fc.option(fc.constantFrom('checked', 'a | b', 'zweifelhaft'), { nil: undefined }))
      .map(([s, len, type, qid, note]) => ({ s, e: Math.min(cps.length, s + len), type, qid, note }))
      .filter(({ s, e }) => !cps.slice(s, e).some((c) => /[\s\n]/.test(c)) && e > s);
    fc.assert(
      fc.property(fc.uniqueArray(span, { selector: (x) => `${x.s}`, maxLength: 10 }), (spans) => {
        const lines: string[] = [];
        spans.sort((a, b) => a.s - b.s);
        spans.forEach((x, i) => {
          lines.push(`T${i + 1}\t${x.type} ${x.s} ${x.e}\t${cps.slice(x.s, x.e).join('')}`);
          if (x.qid && x.type !== 'speech' && x.type !== 'term') lines.push(`N${i + 1}\tReference T${i + 1} Wikidata:${x.qid}\t${kb.get(x.qid)?.name ?? x.qid}`);
          if (x.note) lines.push(`#${i + 1}\tAnnotatorNotes T${i + 1}\t${x.note}`);
        });
        const original = lines.length ? lines.join('\n') + '\n' : '';
        const imported = fromBrat(text, original, (qid) => (kb.get(qid) ? { id: qid, name: kb.get(qid)!.name } : undefined));
        assert.deepEqual(imported.problems, []);
        const again = toBrat(text, imported.annotations, (id) => kb.get(id)?.wikidata ?? (/^Q\d+$/.test(id) ? id : undefined));
        const norm = (s: string) => s.replace(/^([TN#])\d+/gm, '$1').replace(/ T\d+/g, ' T').split('\n').sort().join('\n');
        assert.equal(norm(again), norm(original));
      }),
      { numRuns: 80 },
    );
  });

  it('writes W3C Web Annotation JSON-LD whose selectors agree with the text', () => {
    const doc = toW3c('000.txt', annotations, wikidataOf) as { '@context': string; type: string; first: { items: { type: string; motivation: string; body: { type: string; purpose: string }[]; target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] } }[] } };
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    const cps = Array.from(text);
    for (const item of doc.first.items) {
      assert.equal(item.type, 'Annotation');
      assert.ok(['identifying', 'tagging'].includes(item.motivation));
      for (const b of item.body) assert.ok(['TextualBody', 'SpecificResource'].includes(b.type) && ['tagging', 'identifying', 'describing', 'commenting'].includes(b.purpose));
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact);
    }
  });

  it('quotes CSV fields as RFC 4180 says', () => {
    const rows = toCsvRows('a.txt', [{ ...annotations[0]!, note: 'said "no", twice\nreally' }]);
    assert.match(rows, /"said ""no"", twice\nreally"\r\n$/);
    assert.equal(csvHeader().split(',').length, 12);
  });
});

describe('CLI batch annotation, export and import', function () {
  this.timeout(60_000);
  const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'geo-batch-'));
    for (const f of ['000_f61aea6a88730801.txt', '001_07f96165ea9ac347.txt']) copyFileSync(join(CORPUS_DIR, f), join(dir, f));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('pre-annotates a folder into sidecars and keeps the user’s decisions on a second run', () => {
    const file = join(dir, '001_07f96165ea9ac347.txt');
    writeFileSync(`${file}.geo.yaml`, '# mine\nversion: 1\nsource: 001_07f96165ea9ac347.txt\nannotations:\n  - {id: u1, kind: country, start: 17, end: 23, exact: Russia, status: rejected, note: not this one}\n');
    const r = run('annotate', '--write', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /2 files, \d+ suggestions added, 0 failed/);
    const side = readFileSync(`${file}.geo.yaml`, 'utf8');
    assert.match(side, /# mine/);
    const parsed = parseSidecar(side);
    assert.ok(parsed.ok);
    const russia = parsed.sidecar.annotations.filter((a) => a.start === 17);
    assert.equal(russia.length, 1);
    assert.equal(russia[0]!.status, 'rejected');
    assert.equal(russia[0]!.note, 'not this one');
    assert.ok(parsed.sidecar.annotations.some((a) => a.exact === 'Vladimir Putin' && a.status === 'suggested'));
    const again = run('annotate', '--write', dir);
    assert.match(again.stderr, /0 suggestions added/);
  });

  it('writes into a sidecar it wrote just so from its text: the user’s decision kept, what was taken out suggested again', () => {
    const file = join(dir, '000_f61aea6a88730801.txt');
    assert.equal(run('annotate', '--write', file).status, 0);
    const written = readFileSync(`${file}.geo.yaml`, 'utf8');
    const first = parseSidecar(written);
    assert.ok(first.ok && first.sidecar.annotations.length > 10);
    assert.equal(written, serializeSidecar(first.sidecar), 'a new sidecar is written as the plain writer writes it');
    // The user accepts the second suggestion and takes the third out, editing the file as the plain writer would have written it.
    const [, second, third] = first.sidecar.annotations;
    const edited = { ...first.sidecar, annotations: first.sidecar.annotations.filter((a) => a !== third).map((a) => (a === second ? { ...a, status: 'accepted' as const } : a)) };
    writeFileSync(`${file}.geo.yaml`, serializeSidecar(edited));
    const r = run('annotate', '--write', file);
    assert.match(r.stderr, /1 suggestions added/);
    const after = readFileSync(`${file}.geo.yaml`, 'utf8');
    const back = parseSidecar(after);
    assert.ok(back.ok);
    assert.equal(after, serializeSidecar(back.sidecar));
    assert.equal(back.sidecar.annotations.find((a) => a.id === second!.id)?.status, 'accepted');
    assert.deepEqual(back.sidecar.annotations.find((a) => a.start === third!.start && a.end === third!.end), { ...third, status: 'suggested' });
    rmSync(`${file}.geo.yaml`);
  });

  it('never touches a sidecar it cannot read', () => {
    const file = join(dir, '000_f61aea6a88730801.txt');
    writeFileSync(`${file}.geo.yaml`, 'version: 1\nannotations: [oops\n');
    const r = run('annotate', '--write', dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not touched/);
    assert.equal(readFileSync(`${file}.geo.yaml`, 'utf8'), 'version: 1\nannotations: [oops\n');
    rmSync(`${file}.geo.yaml`);
  });

  it('exports brat, W3C and CSV and imports brat back', () => {
    const out = join(dir, 'brat');
    assert.equal(run('export', '--format', 'brat', '--out', out, dir).status, 0);
    const ann = readFileSync(join(out, '000_f61aea6a88730801.ann'), 'utf8');
    assertValidBrat(ann, text);
    assert.ok(existsSync(join(out, 'annotation.conf')));
    assert.equal(run('export', '--format=w3c', '--out', join(dir, 'w3c'), dir).status, 0);
    assert.ok(JSON.parse(readFileSync(join(dir, 'w3c', '000_f61aea6a88730801.jsonld'), 'utf8')).first.items.length > 50);
    const csv = run('export', '--format', 'csv', dir).stdout;
    assert.match(csv.split('\r\n')[0]!, /^source,id,kind,start,end,text/);
    const target = join(dir, 'copy.txt');
    copyFileSync(join(out, '000_f61aea6a88730801.txt'), target);
    const imp = run('import', join(out, '000_f61aea6a88730801.ann'), '--text', target);
    assert.equal(imp.status, 0, imp.stderr);
    const parsed = parseSidecar(readFileSync(`${target}.geo.yaml`, 'utf8'));
    assert.ok(parsed.ok && parsed.sidecar.annotations.some((a) => a.entity === 'Q7747' && a.exact === 'Putin'));
  });
});

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { AnnotationCache, makeAnnotation, parseSidecar, RENDER_OPTIONS, renderSidecarDocument, serializeSidecar, writeSidecarDocument, type Sidecar, type StoredAnnotation } from '../../src/core/sidecar/index';
import { CodePointMap } from '../../src/core/text/offsets';
import { corpusText } from './corpus';

/** An annotation as text, its fields in a fixed order, to compare sets of them. */
const canonical = (a: StoredAnnotation) => JSON.stringify(Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1))));

/** Annotations of a real article, their context spanning line breaks where the text does. */
function articleAnnotations(count: number): StoredAnnotation[] {
  const text = corpusText('001');
  const map = new CodePointMap(text);
  const out: StoredAnnotation[] = [];
  const re = /\b(Putin|Russia|China|Kremlin|Moscow|Beijing)\b/g;
  for (let m = re.exec(text); m && out.length < count; m = re.exec(text)) {
    out.push(makeAnnotation(text, map, m.index, m.index + m[0].length, { kind: 'country', entity: null, name: m[0], status: 'accepted', id: `a${out.length}` }));
  }
  return out;
}

/** What a user may add to a sidecar by hand, placed before the annotation at `index`. */
const handEdit = fc.oneof(
  fc.constant('  # checked against the video\n'),
  fc.constant('\n'),
  fc.constant('\n  # a comment after a blank line\n'),
  fc.constant('  #\n  # two lines\n'),
);
const fieldEdit = fc.oneof(
  fc.constant('    confidence: high\n'),
  fc.constant('    memo: |\n      two\n      lines\n'),
  fc.constant('    memo: |+\n      kept\n\n'),
  fc.constant('    memo: >-\n      folded\n      text\n'),
  fc.constant('    tags: [a, b]\n'),
  fc.constant('    extra:\n      nested: 1\n'),
  fc.constant('    memo: &m shared\n    again: *m\n'),
);

/** A sidecar written by the extension, then edited by hand at generated places. */
const editedSidecar = fc
  .record({
    count: fc.integer({ min: 2, max: 14 }),
    before: fc.array(fc.tuple(fc.nat(20), handEdit), { maxLength: 4 }),
    fields: fc.array(fc.tuple(fc.nat(20), fieldEdit), { maxLength: 4 }),
    tail: fc.constantFrom('', '# the end\n', '\n# after a blank line\n'),
    lineComment: fc.boolean(),
  })
  .map(({ count, before, fields, tail, lineComment }) => {
    const yaml = serializeSidecar({ version: 1, source: 'a.txt', annotations: articleAnnotations(count) });
    const chunks = yaml.split(/(?=^ {2}- id: )/m);
    for (const [at, edit] of before) {
      const i = 1 + (at % (chunks.length - 1));
      chunks[i] = edit + chunks[i]!;
    }
    fields.forEach(([at, edit], j) => {
      const i = 1 + (at % (chunks.length - 1));
      const unique = edit.replace(/(confidence|memo|again|tags|extra|&m|\*m)\b/g, `$1${j}`);
      chunks[i] = chunks[i]!.replace(/\n(?= {4}kind:)/, `\n${unique}`);
    });
    let out = chunks.join('') + tail;
    if (lineComment) out = out.replace(/(start: \d+)/, '$1 # by eye');
    return out;
  });

describe('sidecar rendering, one annotation at a time', () => {
  it('renders exactly what the whole document renders, hand edits included', () => {
    fc.assert(
      fc.property(editedSidecar, (yaml) => {
        const doc = parseDocument(yaml);
        assert.deepEqual(doc.errors, []);
        const texts = new AnnotationCache();
        assert.equal(renderSidecarDocument(doc, texts), doc.toString(RENDER_OPTIONS));
        // Only a keep-chomped block scalar makes the next annotation depend on it.
        if (!yaml.includes('|+')) assert.equal(texts.renderedWhole, 0);
      }),
      { numRuns: 300 },
    );
  });

  it('after each of a series of writes, renders what the whole document renders, and reads back the annotations', () => {
    const edit = fc.record({ kind: fc.constantFrom('note', 'status', 'add', 'remove', 'move'), at: fc.nat(40), note: fc.constantFrom('short', 'two\nlines', 'ends in newlines\n\n', 'x: y') });
    fc.assert(
      fc.property(editedSidecar, fc.array(edit, { minLength: 1, maxLength: 6 }), (yaml, edits) => {
        const parsed = parseSidecar(yaml);
        assert.ok(parsed.ok);
        const texts = new AnnotationCache();
        texts.fill(parsed.document, Infinity);
        let document = parsed.document;
        let annotations = parsed.sidecar.annotations;
        let added = 0;
        for (const e of edits) {
          const i = e.at % annotations.length;
          const a = annotations[i]!;
          if (e.kind === 'note') annotations = annotations.map((x, j) => (j === i ? { ...x, note: e.note } : x));
          if (e.kind === 'status') annotations = annotations.map((x, j) => (j === i ? { ...x, status: x.status === 'accepted' ? 'rejected' : 'accepted' } : x));
          if (e.kind === 'add') annotations = [...annotations, { ...a, id: `new${added++}`, prefix: 'line\n\n', start: a.start + 1, end: a.end + 1 }];
          if (e.kind === 'remove' && annotations.length > 1) annotations = annotations.filter((_, j) => j !== i);
          if (e.kind === 'move') annotations = annotations.map((x, j) => (j === i ? { ...x, start: x.start + 500, end: x.end + 500 } : x));
          const sidecar: Sidecar = { version: 1, source: 'a.txt', annotations };
          const written = writeSidecarDocument(sidecar, document, texts);
          document = written.document;
          assert.equal(written.yaml, document.toString(RENDER_OPTIONS));
          const back = parseSidecar(written.yaml);
          assert.ok(back.ok);
          assert.deepEqual(new Set(back.sidecar.annotations.map(canonical)), new Set(annotations.map(canonical)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('writes text that spans lines double-quoted, one field to a line, also over an older block scalar', () => {
    const [a, b] = articleAnnotations(2);
    const spanning = { ...a!, prefix: 'end of a paragraph.\n\n' };
    const yaml = serializeSidecar({ version: 1, source: 'a.txt', annotations: [spanning, b!] });
    assert.match(yaml, /prefix: "end of a paragraph\.\\n\\n"/);
    const older = yaml.replace(/prefix: "end of a paragraph\.\\n\\n"/, 'prefix: |+\n      end of a paragraph.\n');
    const parsed = parseSidecar(older);
    assert.ok(parsed.ok);
    assert.equal(parsed.sidecar.annotations[0]!.prefix, 'end of a paragraph.\n\n');
    const again = writeSidecarDocument(parsed.sidecar, parsed.document, new AnnotationCache()).yaml;
    assert.match(again, /prefix: "end of a paragraph\.\\n\\n"/);
  });

  it('renders again only the annotations a write changed', () => {
    const annotations = articleAnnotations(40);
    const texts = new AnnotationCache();
    const first = writeSidecarDocument({ version: 1, source: 'a.txt', annotations }, undefined, texts);
    const seq = first.document.get('annotations') as { items: object[] };
    const before = seq.items.map((item) => texts.textOf(item));
    const rendered = texts.rendered;
    const changed = annotations.map((a, i) => (i === 7 ? { ...a, note: 'checked' } : a));
    const second = writeSidecarDocument({ version: 1, source: 'a.txt', annotations: changed }, first.document, texts);
    const after = seq.items.map((item) => texts.textOf(item));
    assert.equal(texts.rendered - rendered, 1);
    assert.equal(texts.renderedWhole, 0);
    assert.equal(after.filter((t, i) => t !== before[i]).length, 1);
    assert.match(after[7]!, /note: checked/);
    assert.equal(second.yaml, second.document.toString(RENDER_OPTIONS));
  });

  it('writes a change to any one field, and nothing when nothing changed', () => {
    const annotations = articleAnnotations(5);
    const cache = new AnnotationCache();
    let { yaml, document } = writeSidecarDocument({ version: 1, source: 'a.txt', annotations }, undefined, cache);
    const changes: Partial<StoredAnnotation>[] = [
      { kind: 'leader' }, { start: 1 }, { end: 99_999 }, { exact: 'Rossiya' }, { prefix: 'p' }, { suffix: 's' }, { entity: 'Q159' }, { name: 'Russian Federation' },
      { quoteKind: 'term' }, { speaker: 'someone' }, { speakerEntity: 'Q1' }, { status: 'rejected' }, { note: 'n' }, { id: 'renamed' },
    ];
    for (const change of changes) {
      const changed = annotations.map((a, i) => (i === 2 ? { ...a, ...change } : a));
      const again = writeSidecarDocument({ version: 1, source: 'a.txt', annotations: changed }, document, cache);
      assert.notEqual(again.yaml, yaml, `a change to ${Object.keys(change)[0]} was not written`);
      const back = parseSidecar(again.yaml);
      assert.ok(back.ok);
      assert.deepEqual(new Set(back.sidecar.annotations.map(canonical)), new Set(changed.map(canonical)));
      ({ yaml, document } = writeSidecarDocument({ version: 1, source: 'a.txt', annotations }, again.document, cache));
    }
    const rendered = cache.rendered;
    assert.equal(writeSidecarDocument({ version: 1, source: 'a.txt', annotations: annotations.map((a) => ({ ...a })) }, document, cache).yaml, yaml);
    assert.equal(cache.rendered, rendered);
  });
});

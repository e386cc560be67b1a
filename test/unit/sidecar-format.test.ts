import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { anchor, makeAnnotation, parseSidecar, serializeSidecar, sidecarPathFor, textHash, textPathFor, valuesAsWritten, writeSidecarDocument, type Sidecar, type StoredAnnotation } from '../../src/core/sidecar/index';
import { textHashSteps } from '../../src/core/sidecar/textHash';
import { runSliced } from '../../src/core/util/sliced';
import { CodePointMap } from '../../src/core/text/offsets';
import { corpusText } from './corpus';

const ok = (yaml: string) => {
  const r = parseSidecar(yaml);
  if (!r.ok) assert.fail(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return r;
};
const errorsOf = (yaml: string, textLength?: number) => {
  const r = parseSidecar(yaml, textLength === undefined ? {} : { textLength });
  assert.equal(r.ok, false, 'expected the sidecar to be refused');
  return r.ok ? [] : r.errors;
};

describe('sidecar format', () => {
  const text = corpusText('001');
  const map = new CodePointMap(text);
  const at = text.indexOf('Vladimir Putin');
  const putin = makeAnnotation(text, map, at, at + 'Vladimir Putin'.length, { kind: 'leader', entity: 'Q7747', name: 'Vladimir Putin', status: 'accepted', id: 'a1' });

  it('fingerprints a text as sidecars written before have it, at once or a slice at a time', async () => {
    // Sidecars on disk hold these values: a different function would mark every text changed.
    const text = 'Astana “summit” — Tokayev 🇰🇿 '.repeat(20_000);
    assert.equal(textHash(''), 'fnv64:811c9dc55ad1e806');
    assert.equal(textHash(text), 'fnv64:45b54b057fb69dff');
    assert.equal(await runSliced(textHashSteps(text), 0), textHash(text));
    assert.notEqual(textHash(text.slice(0, -1) + 'x'), textHash(text));
  });

  it('names the sidecar after the full file name', () => {
    assert.equal(sidecarPathFor('news/article.txt'), 'news/article.txt.geo.yaml');
    assert.equal(textPathFor('news/article.txt.geo.yaml'), 'news/article.txt');
    assert.equal(textPathFor('notes.yaml'), undefined);
  });

  it('keeps the user’s comments and unknown fields when it rewrites', () => {
    const first = serializeSidecar({ version: 1, source: 'a.txt', annotations: [putin] });
    const edited = first.replace('annotations:', '# my reading notes\nreviewer: dana\nannotations:').replace('  - id: a1', '  # checked against the video\n  - id: a1\n    confidence: high');
    const parsed = ok(edited);
    const note: StoredAnnotation = { ...parsed.sidecar.annotations[0]!, note: 'key quote' };
    const again = serializeSidecar({ ...parsed.sidecar, annotations: [note] }, parsed);
    assert.match(again, /# my reading notes/);
    assert.match(again, /reviewer: dana/);
    assert.match(again, /# checked against the video/);
    assert.match(again, /confidence: high/);
    assert.equal(ok(again).sidecar.annotations[0]!.note, 'key quote');
  });

  it('round-trips any set of annotations, astral characters included', () => {
    const ann = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }).map((s) => 'x' + s),
      kind: fc.constantFrom('leader', 'country', 'quote', 'org') as fc.Arbitrary<StoredAnnotation['kind']>,
      start: fc.nat(1000),
      len: fc.nat(50),
      exact: fc.string({ unit: 'grapheme', maxLength: 20 }),
      prefix: fc.string({ unit: 'grapheme', maxLength: 32 }),
      suffix: fc.string({ unit: 'grapheme', maxLength: 32 }),
      status: fc.constantFrom('accepted', 'suggested', 'rejected') as fc.Arbitrary<StoredAnnotation['status']>,
      note: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(ann, { selector: (a) => a.id, maxLength: 12 }), (list) => {
        const annotations: StoredAnnotation[] = list.map(({ len, note, ...a }) => ({ ...a, end: a.start + len, ...(note === undefined ? {} : { note }) }));
        const sidecar: Sidecar = { version: 1, source: 'x.txt', textHash: 'fnv64:0', annotations };
        const back = ok(serializeSidecar(sidecar)).sidecar;
        const sort = (xs: StoredAnnotation[]) => [...xs].sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind) || (a.id < b.id ? -1 : 1));
        assert.deepEqual(back.annotations, sort(annotations));
      }),
      { numRuns: 60 },
    );
  });

  it('knows, without parsing, what the YAML it writes reads back as — any fields, any order, into a hand-edited file', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 24 });
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const ann = fc.record({
      id: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.nat(99).map(String)),
      kind: fc.constantFrom('leader', 'person', 'country', 'quote') as fc.Arbitrary<StoredAnnotation['kind']>,
      start: fc.nat(500),
      len: fc.nat(40),
      exact: text,
      prefix: text,
      suffix: text,
      status: fc.constantFrom('accepted', 'suggested', 'rejected') as fc.Arbitrary<StoredAnnotation['status']>,
      entity: maybe(fc.option(fc.constantFrom('Q7747', 'RUS', 'true', '12'), { nil: null })),
      name: maybe(text),
      quoteKind: maybe(fc.constantFrom('speech', 'term') as fc.Arbitrary<'speech' | 'term'>),
      speaker: maybe(fc.option(text, { nil: null })),
      speakerEntity: maybe(fc.option(fc.constantFrom('Q7747', 'null'), { nil: null })),
      note: maybe(text),
      stray: maybe(fc.nat()),
    });
    const hand = '# kept by hand\nversion: 1\nsource: x.txt\nreviewer: Ana # unknown field\nannotations:\n  - id: "3"\n    kind: leader\n    start: 1\n    end: 2\n    exact: x\n    mood: calm\n';
    fc.assert(
      fc.property(fc.array(ann, { maxLength: 10 }), fc.constantFrom(undefined, '', 'fnv64:1'), fc.boolean(), (list, hash, intoHand) => {
        const annotations = list.map(({ len, stray, ...a }) => ({ ...a, end: a.start + len, ...(stray === undefined ? {} : { stray }) })) as StoredAnnotation[];
        const sidecar: Sidecar = { version: 1, source: 'x.txt', ...(hash === undefined ? {} : { textHash: hash }), annotations };
        const expected = valuesAsWritten(sidecar);
        const unique = new Set(annotations.map((a) => a.id)).size === annotations.length;
        assert.equal(expected !== undefined, unique);
        if (!expected) return;
        const previous = intoHand ? ok(hand).document : undefined;
        assert.deepEqual(expected, ok(writeSidecarDocument(sidecar, previous).yaml).sidecar);
      }),
      { numRuns: 300 },
    );
  });

  it('reports errors with line and column and refuses to validate', () => {
    const yaml = 'version: 1\nsource: a.txt\nannotations:\n  - id: a1\n    kind: leader\n    start: 10\n    end: 5\n    exact: Putin\n  - id: a1\n    kind: planet\n    start: -3\n    end: 99999\n    exact: 3\n';
    const errs = errorsOf(yaml, 5000);
    const messages = errs.map((e) => `${e.line}:${e.message}`);
    assert.ok(messages.some((m) => /^7:.*before/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^10:.*kind/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^11:.*negative/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^12:.*past the end/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /already used/.test(m)), messages.join('\n'));
    assert.ok(errorsOf('version: 1\nannotations: [\n').length > 0);
    assert.ok(errorsOf('- just\n- a list\n').length > 0);
  });

  it('refuses hostile input quickly: alias bombs, huge files, deep nesting, newer versions', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
    let t = Date.now();
    assert.ok(errorsOf(bomb.join('\n') + '\nversion: 1\n').length > 0);
    const huge = 'version: 1\nannotations:\n' + '  - {id: x, kind: leader, start: 1, end: 2, exact: y}\n'.repeat(700_000);
    assert.match(errorsOf(huge)[0]!.message, /limit/);
    assert.ok(errorsOf('version: 1\nx: ' + '['.repeat(50) + ']'.repeat(50)).length > 0);
    assert.match(errorsOf('version: 7\nannotations: []\n')[0]!.message, /newer/);
    t = Date.now() - t;
    assert.ok(t < 2000, `took ${t} ms`);
  });

  it('migrates version 0 (from/to offsets) in memory', () => {
    const r = ok('source: a.txt\nannotations:\n  - {id: a1, kind: country, from: 17, to: 23, exact: Russia}\n');
    assert.equal(r.migratedFrom, 0);
    assert.deepEqual([r.sidecar.annotations[0]!.start, r.sidecar.annotations[0]!.end], [17, 23]);
    assert.match(serializeSidecar(r.sidecar, r), /version: 1/);
  });

  it('re-anchors by position, then by quote and context, and orphans rather than guesses', () => {
    assert.deepEqual(anchor(text, map, putin), { status: 'exact', start: at, end: at + 14 });
    const shifted = 'A new first line.\n' + text;
    const moved = anchor(shifted, new CodePointMap(shifted), putin);
    assert.deepEqual(moved, { status: 'moved', start: at + 18, end: at + 32 });
    const gone = text.replace('Vladimir Putin', 'the Russian leader');
    assert.equal(anchor(gone, new CodePointMap(gone), putin).status, 'orphan');
    const twice = 'Putin met Putin.';
    const bare = makeAnnotation('x Putin y', new CodePointMap('x Putin y'), 2, 7, { kind: 'leader', status: 'accepted' });
    assert.equal(anchor(twice, new CodePointMap(twice), bare).status, 'orphan');
  });
});

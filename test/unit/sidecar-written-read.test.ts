import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { asWrittenFor, parseSidecar, readAsWritten, readPlainSidecar, readWrittenSidecar, serializeSidecar, withLineFeeds, type Sidecar } from '../../src/core/sidecar/index';
import { asPlainSidecarText, renderPlainSidecar, type PlainSidecarText } from '../../src/core/sidecar/plainWrite';
import { applyEdit, edit, plainSidecars, sidecarsOf, tricky, type Edit } from './sidecarArbitraries';
import { corpusSidecar } from './corpusSidecars';

/** The two passes the one-pass reader stands in for: the plain reader, then the check against the writer's text. */
const twoPasses = (yaml: string, textLength?: number): PlainSidecarText | undefined => {
  const read = readPlainSidecar(yaml, textLength === undefined ? {} : { textLength });
  return read && asPlainSidecarText(yaml, read.sidecar);
};

/** Everything a text known as written says, key order of the values included (the worker compares JSON). */
const said = (t: PlainSidecarText) => ({ ...t, sidecar: JSON.stringify(t.sidecar), foreign: [...t.foreign] });

/** What a user adds by hand that the writer keeps — comment lines at the top, blank lines and comment lines before an entry — or does not: a field, a comment inside. */
const GAPS = ['\n', '  # checked\n', '\n  # paragraph 4\n', '  #\n  # two lines\n'];
const INSIDE = ['    checkedBy: Ana\n', '    # inside\n'];
const handEdited = fc
  .record({
    sidecar: fc.oneof(sidecarsOf(tricky), plainSidecars),
    top: fc.constantFrom('', '# mine\n\n', '# a\n# b\n\n'),
    gaps: fc.array(fc.option(fc.constantFrom(...GAPS), { nil: undefined }), { maxLength: 9 }),
    inside: fc.array(fc.oneof({ weight: 12, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...INSIDE) }), { maxLength: 9 }),
    tail: fc.constantFrom('', '', '', '\n', '  # end\n'),
    edits: fc.oneof(fc.constant([] as Edit[]), fc.array(edit, { maxLength: 2 })),
  })
  .map(({ sidecar, top, gaps, inside, tail, edits }) => {
    const written = renderPlainSidecar(sidecar);
    if (!written) return undefined;
    let yaml = written.yaml;
    for (let i = written.starts.length - 1; i >= 0; i--) {
      const lineEnd = yaml.indexOf('\n', written.starts[i]) + 1;
      if (inside[i]) yaml = yaml.slice(0, lineEnd) + inside[i] + yaml.slice(lineEnd);
      if (gaps[i]) yaml = yaml.slice(0, written.starts[i]) + gaps[i] + yaml.slice(written.starts[i]);
    }
    if (top) yaml = top + yaml.slice(yaml.indexOf('version:'));
    return edits.reduce(applyEdit, yaml + tail);
  });

describe('the one-pass reader of sidecars as written', () => {
  it('reads the sidecars of real articles as the plain reader and the check against the writer do, notes over several lines included', () => {
    for (const id of ['000', '001', '002', '003', '004']) {
      const { text, map, sidecar } = corpusSidecar(id, (i) => (i % 3 === 1 ? 'checked: “twice”' : undefined));
      const yaml = serializeSidecar(sidecar);
      const length = map.toCodePoint(text.length);
      const one = readWrittenSidecar(yaml, { textLength: length });
      assert.ok(one, `declined ${id}`);
      assert.deepEqual(said(one), said(twoPasses(yaml, length)!));
      const full = parseSidecar(yaml, { textLength: length });
      assert.ok(full.ok);
      assert.equal(JSON.stringify(one.sidecar), JSON.stringify(full.sidecar), 'the library reads the same values, keys in the same order');
      // A note over several lines is a block scalar, which the RegExp leaves alone: that entry is read as the two passes read it, and is as written.
      const withBlock: Sidecar = { ...sidecar, annotations: sidecar.annotations.map((a, i) => (i === 7 ? { ...a, note: 'two\nlines' } : a)) };
      const blockYaml = serializeSidecar(withBlock);
      const block = readWrittenSidecar(blockYaml);
      assert.ok(block && block.foreign.size === 0);
      assert.equal(readWrittenSidecar(blockYaml, {}, 'decline'), undefined, 'an entry left to the library, declined when asked to');
      assert.deepEqual(said(readWrittenSidecar(yaml, {}, 'decline')!), said(one));
      assert.equal(block.sidecar.annotations.filter((a) => a.note === 'two\nlines').length, 1);
      assert.deepEqual(said(block), said(twoPasses(blockYaml)!));
    }
  });

  it('after any hand edit, reads exactly what the two passes read, or declines; and reads every sidecar written whose values need no block', () => {
    let read = 0;
    let declined = 0;
    let asWritten = 0;
    let withForeign = 0;
    fc.assert(
      fc.property(handEdited, fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(6000) }), (yaml, textLength) => {
        if (yaml === undefined) return;
        const opts = textLength === undefined ? {} : { textLength };
        const one = readWrittenSidecar(yaml, opts);
        const two = twoPasses(yaml, textLength);
        if (!one) {
          declined++;
          // What the one pass declines, readAsWritten still knows by the two.
          const known = readAsWritten(yaml, opts);
          assert.deepEqual(known && said(known), two && said(two));
          return;
        }
        read++;
        assert.ok(two, `read what the two passes decline:\n${yaml}`);
        assert.deepEqual(said(one), said(two));
        if (one.foreign.size > 0) withForeign++;
        const full = parseSidecar(yaml, opts);
        assert.ok(full.ok);
        assert.equal(JSON.stringify(full.sidecar), JSON.stringify(one.sidecar));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.oneof(sidecarsOf(tricky), plainSidecars), (sidecar) => {
        const written = renderPlainSidecar(sidecar);
        const two = written && twoPasses(written.yaml);
        if (!two || two.sidecar.annotations.some((a) => [a.note, a.name, a.speaker, a.speakerEntity, a.entity, a.id, sidecar.source, sidecar.textHash].some((v) => typeof v === 'string' && v.includes('\n')))) return;
        asWritten++;
        const one = readWrittenSidecar(written.yaml);
        assert.ok(one, `declined what the writer wrote:\n${written.yaml}`);
        assert.deepEqual(said(one), said(two));
      }),
      { numRuns: 1000 },
    );
    assert.ok(read > 200 && withForeign > 20 && declined > 300 && asWritten > 300, `read ${read} (${withForeign} with entries added to by hand), declined ${declined}; of those written, ${asWritten}`);
  });

  it('reads CRLF line ends made LF as the library reads them, which is as it reads LF', () => {
    let compared = 0;
    fc.assert(
      fc.property(handEdited, (yaml) => {
        // CRs of its own (an edit may add one): YAML reads a lone CR as a line break, so those are left alone.
        if (yaml === undefined || yaml.includes('\r')) return;
        const crlf = yaml.replaceAll('\n', '\r\n');
        const lf = parseSidecar(yaml);
        const library = parseSidecar(crlf);
        assert.equal(library.ok, lf.ok);
        if (!library.ok || !lf.ok) return;
        compared++;
        assert.deepEqual(library.sidecar, lf.sidecar);
        assert.equal(withLineFeeds(crlf), yaml);
        const quick = readAsWritten(withLineFeeds(crlf));
        if (quick) assert.deepEqual(quick.sidecar, library.sidecar);
      }),
      { numRuns: 500 },
    );
    assert.ok(compared > 100, `compared only ${compared}`);
    // A CR that ends no CRLF: the text is left as it is, so the library reads what the file says.
    for (const lone of ['# a\r\r\nversion: 1\r\nsource: a.txt\r\nannotations: []\r\n', 'version: 1\rsource: a.txt\r\nannotations: []\r\n']) assert.equal(withLineFeeds(lone), lone);
  });

  it('declines an empty text hash, which the writer leaves out, as the two passes do (found by a stress run of the property above)', () => {
    const written = serializeSidecar({ version: 1, source: 'a.txt', annotations: [] });
    const empty = written.replace('source: a.txt\n', 'source: a.txt\ntextHash: ""\n');
    const plain = readPlainSidecar(empty);
    assert.ok(plain && asPlainSidecarText(empty, plain.sidecar) === undefined, 'the two passes decline it');
    assert.equal(readWrittenSidecar(empty), undefined);
    assert.ok(readWrittenSidecar(written.replace('source: a.txt\n', 'source: a.txt\ntextHash: abc\n')));
  });

  it('declines what the checks refuse — offsets past the text or reversed, an id twice, an unknown kind or status — and entries out of order', () => {
    const a = { id: 'a1', kind: 'leader', start: 10, end: 24, exact: 'Vladimir Putin', prefix: 'President ', suffix: ' said', status: 'accepted' } as const;
    const ok: Sidecar = { version: 1, source: 'a.txt', annotations: [a, { ...a, id: 'a2', start: 30, end: 35, exact: 'China' }] };
    const yaml = serializeSidecar(ok);
    assert.ok(readWrittenSidecar(yaml, { textLength: 35 }));
    assert.equal(readWrittenSidecar(yaml, { textLength: 34 }), undefined);
    const variants = [
      yaml.replace('id: a2', 'id: a1'),
      yaml.replace('start: 30', 'start: 36'),
      yaml.replace('kind: leader', 'kind: general'),
      yaml.replace('status: accepted', 'status: maybe'),
      yaml.replace('start: 10', 'start: 010'),
      yaml.replace('start: 10\n    end: 24', 'start: 40\n    end: 44'),
      // Values the library reads otherwise than as text or whole numbers.
      yaml.replace('exact: China', 'exact: true'),
      yaml.replace('exact: China', 'exact: null'),
      yaml.replace('start: 30', 'start: 3e1'),
    ];
    for (const v of variants) {
      assert.notEqual(v, yaml);
      assert.equal(readWrittenSidecar(v), undefined, v);
    }
    // Values in quotes the writer spares them, and a field added by hand: that entry is foreign (the library reads it), as the two passes have it.
    for (const v of [yaml.replace('exact: China', "exact: 'China'"), yaml.replace('exact: China', 'exact: "China"'), yaml.replace('suffix: " said"', "suffix: ' said'"), yaml.replace('    status: accepted\n', '    status: accepted\n    checkedBy: Ana\n')]) {
      const one = readWrittenSidecar(v);
      assert.ok(one && one.foreign.size === 1, v);
      assert.deepEqual(said(one), said(twoPasses(v)!));
    }
  });

  it('reads a note kept with its trailing line breaks as the library does, or declines it', () => {
    const entry = (id: string, start: number, note: string) => `  - id: ${id}\n    kind: country\n    start: ${start}\n    end: ${start + 6}\n    exact: Russia\n    prefix: ""\n    suffix: ""\n    status: accepted\n${note}`;
    // Blank lines after a kept block are the note's: the plain reader of that entry alone must see them.
    const yaml = `version: 1\nsource: a.txt\nannotations:\n${entry('a1', 0, '    note: |+\n      kept\n\n\n')}${entry('a2', 10, '')}`;
    const library = parseSidecar(yaml);
    assert.ok(library.ok && library.sidecar.annotations[0]!.note === 'kept\n\n\n');
    const one = readWrittenSidecar(yaml);
    if (one) assert.deepEqual(one.sidecar, library.sidecar);
    assert.deepEqual(one && said(one), twoPasses(yaml) && said(twoPasses(yaml)!));
  });

  it('knows a text for values answered before only when it holds them', () => {
    const a = { id: 'a1', kind: 'country', start: 0, end: 6, exact: 'Russia', prefix: '', suffix: ' said', status: 'accepted' } as const;
    const sidecar: Sidecar = { version: 1, source: 'a.txt', annotations: [a] };
    const yaml = serializeSidecar(sidecar);
    assert.deepEqual(asWrittenFor(yaml, sidecar)?.sidecar, sidecar);
    assert.equal(asWrittenFor(yaml, { ...sidecar, annotations: [{ ...a, note: 'not in the file' }] }), undefined);
    assert.equal(asWrittenFor(yaml, { ...sidecar, source: 'b.txt' }), undefined);
  });
});

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseSidecar, readPlainSidecar, valuesAsWritten, writeSidecarDocument, type Sidecar } from '../../src/core/sidecar/index';
import { asPlainSidecarText, renderPlainSidecar, type PlainSidecarText } from '../../src/core/sidecar/plainWrite';
import { applyEdit, edit, plainSidecars, sidecarsOf, tricky } from './sidecarArbitraries';
import { corpusSidecar } from './corpusSidecars';

/** What the library writes for a new sidecar: the plain writer's answer must be this very text. */
const byLibrary = (sidecar: Sidecar) => writeSidecarDocument(sidecar).yaml;

describe('the plain sidecar writer', () => {
  it('writes the sidecars of real articles exactly as the YAML library does, which read back to the same values', () => {
    for (const id of ['000', '001', '002', '003', '004']) {
      const { text, sidecar: inOrder } = corpusSidecar(id, (i) => (i % 3 === 0 ? 'checked:\n\n  “twice”' : undefined));
      const sidecar: Sidecar = { ...inOrder, annotations: [...inOrder.annotations].reverse() };
      const yaml = renderPlainSidecar(sidecar)?.yaml;
      assert.equal(yaml, byLibrary(sidecar), `wrote ${id} otherwise`);
      const read = parseSidecar(yaml!, { textLength: [...text].length });
      assert.ok(read.ok);
      assert.deepEqual(read.sidecar, valuesAsWritten(sidecar));
      assert.deepEqual(readPlainSidecar(yaml!)?.sidecar, read.sidecar, 'the plain reader reads it too');
    }
  });

  it('writes any sidecar, tricky strings included, exactly as the library does, or leaves it to the library for a reason', () => {
    let written = 0;
    fc.assert(
      fc.property(sidecarsOf(tricky), (sidecar) => {
        const yaml = renderPlainSidecar(sidecar)?.yaml;
        if (yaml !== undefined) {
          written++;
          assert.equal(yaml, byLibrary(sidecar));
          return;
        }
        // Left to the library: a file name or hash over several lines, or what may be a block scalar that keeps its trailing line breaks.
        const rootOverLines = sidecar.source.includes('\n') || (sidecar.textHash ?? '').includes('\n');
        assert.ok(rootOverLines || /[|>][1-9]?\+/.test(byLibrary(sidecar)), `declined for no reason:\n${byLibrary(sidecar)}`);
      }),
      { numRuns: 1500 },
    );
    assert.ok(written > 600, `wrote only ${written} of 1500`);
  });

  it('writes values it does not render itself through the library, one annotation at a time', () => {
    const base = { kind: 'quote', start: 0, end: 1, exact: 'x', prefix: '', suffix: '', status: 'accepted' } as const;
    const sidecar: Sidecar = {
      version: 1,
      source: 'a.txt',
      annotations: [
        { ...base, id: 'a1', note: 'two\nlines' },
        { ...base, id: 'a2', start: 1, end: 2, name: 'Sergei\n Lavrov', speaker: '"Lavrov"', entity: null },
        { ...base, id: 'a3', start: 2, end: 3, exact: 'a \n\u0007\u0085b', prefix: '\ud800', suffix: "It's \"so\"" },
      ],
    };
    const yaml = renderPlainSidecar(sidecar)?.yaml;
    assert.equal(yaml, byLibrary(sidecar));
    assert.match(yaml!, /note: \|-\n {6}two\n {6}lines\n/);
    assert.match(yaml!, /exact: "a\\ \\n\\a\u0085b"\n/);
    assert.match(yaml!, /speaker: '"Lavrov"'\n/);
    // A note kept with its trailing line breaks changes what follows it: the library writes the whole.
    assert.equal(renderPlainSidecar({ ...sidecar, annotations: [{ ...base, id: 'a1', note: 'kept\n\n' }] }), undefined);
    assert.equal(renderPlainSidecar({ version: 1, source: 'two\nlines', annotations: [] }), undefined);
    assert.equal(renderPlainSidecar({ version: 1, source: 'a.txt', annotations: [] })?.yaml, byLibrary({ version: 1, source: 'a.txt', annotations: [] }));
  });

  it('after any series of changes, writes from the text before what it writes anew', () => {
    const change = fc.record({
      keep: fc.array(fc.boolean(), { maxLength: 12 }),
      noteOn: fc.array(fc.nat(11), { maxLength: 3 }),
      note: tricky,
      added: sidecarsOf(tricky).map((s) => s.annotations),
      source: fc.option(tricky, { nil: undefined }),
    });
    fc.assert(
      fc.property(sidecarsOf(tricky), fc.array(change, { maxLength: 4 }), (first, changes) => {
        let sidecar = first;
        let text: PlainSidecarText | undefined = renderPlainSidecar(sidecar);
        for (const c of changes) {
          const kept = sidecar.annotations.filter((_, i) => c.keep[i] ?? true).map((a, i) => (c.noteOn.includes(i) ? { ...a, note: c.note } : a));
          const ids = new Set(kept.map((a) => a.id));
          sidecar = { ...sidecar, ...(c.source === undefined ? {} : { source: c.source }), annotations: [...kept, ...c.added.filter((a) => !ids.has(a.id))] };
          const next = renderPlainSidecar(sidecar, text);
          const fresh = renderPlainSidecar(sidecar);
          assert.equal(next?.yaml, fresh?.yaml);
          if (fresh) assert.deepEqual([next!.starts, next!.ends], [fresh.starts, fresh.ends]);
          text = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('knows a sidecar as it writes it (lines added by hand apart) — which the library reads to the same values — and nothing else', () => {
    let known = 0;
    let edited = 0;
    let unknown = 0;
    fc.assert(
      fc.property(fc.oneof(sidecarsOf(tricky), plainSidecars), fc.array(edit, { maxLength: 2 }), (sidecar, edits) => {
        const written = renderPlainSidecar(sidecar);
        if (!written) return;
        const yaml = edits.reduce(applyEdit, written.yaml);
        const read = readPlainSidecar(yaml);
        if (!read) return;
        const text = asPlainSidecarText(yaml, read.sidecar);
        if (yaml === written.yaml) assert.ok(text, `did not know what it wrote:\n${yaml}`);
        if (!text) {
          unknown++;
          return;
        }
        known++;
        if (yaml !== written.yaml) edited++;
        const full = parseSidecar(yaml);
        assert.ok(full.ok);
        assert.deepEqual(full.sidecar, read.sidecar);
        // Written again with the same values, it is the same text, lines added by hand and all.
        assert.equal(renderPlainSidecar(read.sidecar, text)?.yaml, yaml);
      }),
      { numRuns: 1500 },
    );
    // Of the edits that leave the values readable, some leave a file it knows (lines added), the others one it does not.
    assert.ok(known > 200 && unknown > 10, `knew ${known} (${edited} of them edited), not ${unknown}`);
  });

  describe('with lines added by hand', () => {
    /** What a user adds by hand: comment lines at the top, and before an annotation a blank line, comment lines, or both. */
    const GAPS = ['\n', '  # checked\n', '\n  # paragraph 4\n', '  #\n  # two lines\n', '  #no space, trailing  \n'];
    /** And inside an annotation, after its first line: a field of one's own, a comment. */
    const INSIDE = ['    checkedBy: Ana\n', '    # inside\n', '    tags: [a, b]\n'];
    const commented = fc
      .record({
        sidecar: fc.oneof(sidecarsOf(tricky), plainSidecars),
        top: fc.constantFrom('', '# mine\n\n', '# a\n# b\n\n'),
        gaps: fc.array(fc.option(fc.constantFrom(...GAPS), { nil: undefined }), { maxLength: 9 }),
        inside: fc.array(fc.option(fc.constantFrom(...INSIDE), { nil: undefined }), { maxLength: 9 }),
      })
      .map(({ sidecar, top, gaps, inside }) => {
        const written = renderPlainSidecar(sidecar);
        if (!written) return undefined;
        let yaml = written.yaml;
        // From the last entry back, so that the offsets before stay right.
        for (let i = written.starts.length - 1; i >= 0; i--) {
          const within = inside[i];
          if (within) yaml = yaml.slice(0, yaml.indexOf('\n', written.starts[i]) + 1) + within + yaml.slice(yaml.indexOf('\n', written.starts[i]) + 1);
          if (gaps[i]) yaml = yaml.slice(0, written.starts[i]) + gaps[i] + yaml.slice(written.starts[i]);
        }
        if (top) yaml = top + yaml.slice(yaml.indexOf('version:'));
        return { sidecar, yaml };
      });
    /** The comment lines of a text, in order (at the top or between annotations: a line of a note's block is indented further). */
    const comments = (yaml: string) => yaml.split('\n').filter((line) => /^(?: {2})?#/.test(line));

    it('knows such a sidecar, which the library reads to the values the plain reader reads', () => {
      let known = 0;
      fc.assert(
        fc.property(commented, (c) => {
          if (!c) return;
          const read = readPlainSidecar(c.yaml);
          if (!read) return;
          const text = asPlainSidecarText(c.yaml, read.sidecar);
          assert.ok(text, `did not know a sidecar with lines added:\n${c.yaml}`);
          known++;
          const full = parseSidecar(c.yaml);
          assert.ok(full.ok);
          assert.deepEqual(full.sidecar, read.sidecar);
        }),
        { numRuns: 600 },
      );
      assert.ok(known > 150, `knew only ${known}`);
    });

    it('writes over it the values asked for, each comment line and what was added inside kept with its annotation (or at the top), and knows what it wrote', () => {
      const change = fc.record({ keep: fc.array(fc.boolean(), { maxLength: 9 }), noteOn: fc.array(fc.nat(8), { maxLength: 3 }), added: sidecarsOf(tricky).map((s) => s.annotations), hash: fc.option(tricky, { nil: undefined }) });
      let written = 0;
      let withForeign = 0;
      fc.assert(
        fc.property(commented, change, (c, ch) => {
          if (!c) return;
          const read = readPlainSidecar(c.yaml);
          const text = read && asPlainSidecarText(c.yaml, read.sidecar);
          if (!text) return;
          const kept = read.sidecar.annotations.filter((_, i) => ch.keep[i] ?? true).map((a, i) => (ch.noteOn.includes(i) ? { ...a, note: 'checked' } : a));
          // New annotations with ids of their own (one that reused a removed annotation's id would take its comment lines along).
          const ids = new Set(read.sidecar.annotations.map((a) => a.id));
          const next: Sidecar = { ...read.sidecar, ...(ch.hash === undefined ? {} : { textHash: ch.hash }), annotations: [...kept, ...ch.added.filter((a) => a.id !== '' && !ids.has(a.id))] };
          const out = renderPlainSidecar(next, text);
          if (!out) return;
          written++;
          if (text.foreign.size > 0) withForeign++;
          const back = parseSidecar(out.yaml);
          assert.ok(back.ok, out.yaml);
          assert.deepEqual(back.sidecar, valuesAsWritten(next));
          // The comment lines of the annotations kept, in order, and those at the top and of the list while it has annotations.
          const keptIds = new Set(next.annotations.map((a) => a.id));
          const expected = [...comments(text.head), ...(next.annotations.length ? comments(text.listGap) : [])];
          text.sidecar.annotations.forEach((a, i) => {
            if (i > 0 && keptIds.has(a.id)) expected.push(...comments(c.yaml.slice(text.ends[i - 1], text.starts[i])));
          });
          assert.deepEqual(comments(out.yaml), expected);
          // What was added inside the annotations kept stays with them, as the library writes it.
          for (const what of [/^ {4}checkedBy: Ana$/, /^ {4}# inside$/, /^ {4}tags: \[ ?a, b ?\]$/]) {
            const lines = (yaml: string) => yaml.split('\n').filter((line) => what.test(line)).length;
            const keptWith: number = text.sidecar.annotations.filter((a, i) => keptIds.has(a.id) && lines(c.yaml.slice(text.starts[i], text.ends[i])) > 0).length;
            assert.equal(lines(out.yaml), keptWith, `${what}:\n${out.yaml}`);
          }
          const again = asPlainSidecarText(out.yaml, back.sidecar);
          assert.ok(again, `did not know what it wrote:\n${out.yaml}`);
          assert.deepEqual([again.starts, again.ends], [out.starts, out.ends]);
        }),
        { numRuns: 600 },
      );
      assert.ok(written > 80 && withForeign > 20, `wrote only ${written}, ${withForeign} with annotations added to by hand`);
    });
  });
});

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { recognize } from '../../src/core/recognize/index';
import { makeAnnotation, parseSidecar, readPlainSidecar, RENDER_OPTIONS, serializeSidecar, writeSidecarDocument, type Sidecar, type StoredAnnotation } from '../../src/core/sidecar/index';
import { CodePointMap } from '../../src/core/text/offsets';
import { corpusText } from './corpus';

/**
 * A sidecar with its double-quoted strings broken over lines at each line break, as the
 * library folds them: earlier builds wrote those of 40 characters or more so (a context
 * with several line breaks); here every one is, to read as many as can be.
 */
function asWrittenEarlier(sidecar: Sidecar): string {
  return writeSidecarDocument(sidecar).document.toString({ ...RENDER_OPTIONS, doubleQuotedMinMultiLineLength: 1 });
}

/** What the plain reader must never do: read a sidecar to anything but what the YAML library reads it to. */
function agrees(yaml: string, textLength?: number): 'read' | 'declined' {
  const opts = textLength === undefined ? {} : { textLength };
  const plain = readPlainSidecar(yaml, opts);
  if (plain === undefined) return 'declined';
  const full = parseSidecar(yaml, opts);
  assert.ok(full.ok, `the plain reader read a sidecar the library refuses:\n${yaml}\n${full.ok ? '' : JSON.stringify(full.errors)}`);
  assert.deepEqual(plain.sidecar, full.sidecar, `read differently:\n${yaml}`);
  assert.equal(plain.migratedFrom, full.migratedFrom);
  return 'read';
}

/** Strings that YAML reads apart: numbers, nulls, booleans, indicators, quotes, escapes, line breaks, spaces at the ends. */
/** Characters the reader declines wherever they are. */
const DECLINED = ['\t', '\r', '\r\n', '\u0085', '\u2028', '\ufeff', '\u0007', '\u007f', '\ud800'];
const TRICKY = [
  'null', 'Null', '~', 'true', 'FALSE', 'yes', '123', '0', '007', '-5', '+1', '0x1F', '0o17', '1e3', '.5', '1.', '.inf', '-.Inf', '.NaN', '2023-10-14', '9007199254740993',
  '-led', '- a', '-', '?', '? x', ':', ':x', 'a: b', 'a:', 'a #b', 'a#b', '#c', '[x]', '{y}', 'a, b', '&a', '*a', '!t', '|', '>', '%x', '@x', '`x', ',x',
  '"', "'", "It's", '"q"', "'s'", '\\', '\\n', '\\"', ' ', '  lead', 'trail ', ' both ', '\n', '\n\n', 'a\nb', 'a\n\nb', ' \n ', 'a \n b', '\n\n\n', 'end\n', '\nstart',
  '\u00a0', '—', '“quoted”', '🇰🇿', 'Ерлан', '😀\n😀', 'é', '\ud800',
];
const tricky = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 8, arbitrary: fc.array(fc.constantFrom(...TRICKY, 'a', 'B', ' ', 'x y'), { maxLength: 5 }).map((xs) => xs.join('')) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...DECLINED) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const annotationOf = (tricky: fc.Arbitrary<string>) =>
  fc.record({
    id: fc.oneof(tricky, fc.nat(99).map(String)),
    kind: fc.constantFrom('leader', 'person', 'country', 'demonym', 'place', 'org', 'quote') as fc.Arbitrary<StoredAnnotation['kind']>,
    start: fc.nat(5000),
    len: fc.nat(60),
    exact: tricky,
    prefix: tricky,
    suffix: tricky,
    status: fc.constantFrom('accepted', 'suggested', 'rejected') as fc.Arbitrary<StoredAnnotation['status']>,
    entity: maybe(fc.option(fc.oneof(fc.constantFrom('Q7747', 'RUS'), tricky), { nil: null })),
    name: maybe(tricky),
    quoteKind: maybe(fc.constantFrom('speech', 'term') as fc.Arbitrary<'speech' | 'term'>),
    speaker: maybe(fc.option(tricky, { nil: null })),
    speakerEntity: maybe(fc.option(tricky, { nil: null })),
    note: maybe(tricky),
  });
const sidecarsOf = (tricky: fc.Arbitrary<string>) =>
  fc
    .record({ source: tricky, textHash: maybe(tricky), annotations: fc.uniqueArray(annotationOf(tricky), { selector: (a) => String(a.id), maxLength: 8 }) })
    .map(({ source, textHash, annotations }): Sidecar => ({
      version: 1,
      source,
      ...(textHash === undefined ? {} : { textHash }),
      annotations: annotations.map(({ len, ...a }) => ({ ...a, id: String(a.id), end: a.start + len })),
    }));
const sidecars = sidecarsOf(tricky);
/** Sidecars the reader reads as written, mostly: what hand edits then change is what is tested. */
const plainSidecars = sidecarsOf(fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 16 }) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) }));

/** Edits that change what YAML reads: characters it gives meaning to, lines moved, indentation changed. */
const SIGNIFICANT = [' ', '  ', '\n', '\n\n', '#', ' #', '"', "'", ':', ': ', '- ', '-', '\\', '{', '[', ']', '&a ', '*a', '!', '|', '>', '%', '@', '`', '?', ',', '~', '0', '1', '.', 'a', 'null', '\t', '\r', '---\n', '...\n', 'x: 1\n', 'id: z\n'];
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...SIGNIFICANT) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('copyLine' as const), line: fc.nat(), to: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(yaml: string, e: Edit): string {
  if (e.kind === 'insert') {
    const at = e.at % (yaml.length + 1);
    return yaml.slice(0, at) + e.what + yaml.slice(at);
  }
  if (e.kind === 'delete') {
    const at = e.at % (yaml.length + 1);
    return yaml.slice(0, at) + yaml.slice(at + e.length);
  }
  const lines = yaml.split('\n');
  const i = e.line % lines.length;
  if (e.kind === 'indent') lines[i] = e.by >= 0 ? ' '.repeat(e.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-e.by}}`), '');
  else lines.splice(e.to % (lines.length + 1), 0, lines[i]!);
  return lines.join('\n');
}

describe('the plain sidecar reader', () => {
  it('reads every sidecar the extension writes of real annotations, to what the YAML library reads', () => {
    const kb = KnowledgeBase.builtin();
    for (const id of ['001', '002', '003']) {
      const text = corpusText(id);
      const map = new CodePointMap(text);
      const r = recognize(text, kb);
      const annotations = [
        ...r.mentions.map((m, i) => makeAnnotation(text, map, m.start, m.end, { kind: m.type, entity: m.entity, name: m.name, status: 'suggested', id: `m${i}` })),
        ...r.quotes.map((q, i) => makeAnnotation(text, map, q.start, q.end, { kind: 'quote', quoteKind: q.kind, speaker: q.speaker, speakerEntity: q.speakerEntity, status: 'accepted', id: `q${i}`, note: 'checked:\n\n  “twice”' })),
      ];
      const sidecar: Sidecar = { version: 1, source: `${id}.txt`, textHash: 'fnv64:0123456789abcdef', annotations };
      const yaml = serializeSidecar(sidecar);
      const earlier = asWrittenEarlier(sidecar);
      assert.ok(/(?:prefix|suffix): "[^"\n]*\\n[^"\n]*"\n/.test(yaml), 'expected a context with a line break, on one line');
      assert.ok(/(?:prefix|suffix): "[^"\n]*\n/.test(earlier), 'expected a context over several lines, as written before');
      for (const written of [yaml, earlier]) {
        assert.equal(agrees(written, [...text].length), 'read', `declined the sidecar of ${id}`);
        // Offsets past the text's end are the library's to report, with their line.
        assert.equal(agrees(written, 3), 'declined');
      }
    }
  });

  it('reads what it accepts of any sidecar written, tricky strings included, as the library does', () => {
    let read = 0;
    fc.assert(
      fc.property(sidecars, fc.boolean(), (sidecar, before) => {
        if (agrees(before ? asWrittenEarlier(sidecar) : serializeSidecar(sidecar)) === 'read') read++;
      }),
      { numRuns: 400 },
    );
    assert.ok(read > 100, `read only ${read} of 400`);
  });

  it('after any hand edit, reads a sidecar as the library does or declines it', () => {
    let changed = 0;
    let readable = 0;
    let read = 0;
    fc.assert(
      fc.property(plainSidecars, fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 3 }), (sidecar, before, edits) => {
        const written = before ? asWrittenEarlier(sidecar) : serializeSidecar(sidecar);
        const yaml = edits.reduce(applyEdit, written);
        const answer = agrees(yaml);
        if (yaml === written || readPlainSidecar(written) === undefined) return;
        changed++;
        if (!parseSidecar(yaml).ok) return;
        readable++;
        if (answer === 'read') read++;
      }),
      { numRuns: 3000 },
    );
    // Most edits leave a sidecar the library still reads; the reader must read most of those too.
    assert.ok(read > readable * 0.75 && readable > 200, `read ${read} of ${readable} the library reads (${changed} edited)`);
  });

  it('reads comments, unknown fields, version 0 and a list at any indentation; declines what it does not know', () => {
    const v1 = '# notes\nversion: 1\nsource: a.txt\nreviewer: Ana\nannotations:\n  # first\n  - id: a1\n    kind: leader\n    start: 1\n    end: 2\n    exact: x\n    mood: calm\n\n  - id: a2\n    kind: country\n    start: 3\n    end: 4\n    exact: "y\n\n      z"\ntrailer: 7\n';
    assert.equal(agrees(v1), 'read');
    assert.equal(readPlainSidecar(v1)!.sidecar.annotations[1]!.exact, 'y\nz');
    assert.equal(agrees('source: a.txt\nannotations:\n- id: a1\n  kind: country\n  from: 17\n  to: 23\n  exact: Russia\n'), 'read');
    assert.equal(readPlainSidecar('source: a.txt\nannotations:\n- id: a1\n  kind: country\n  from: 17\n  to: 23\n  exact: Russia\n')!.migratedFrom, 0);
    assert.equal(agrees('version: 1\nsource: a.txt\nannotations:\n'), 'read');
    assert.equal(agrees('version: 1\nsource: a.txt\nannotations: []\n'), 'read');
    // A line break then a no-break space, folded: YAML strips spaces only.
    assert.equal(agrees('version: 1\nsource: "\n\n\n   \u00a0x"\n'), 'read');
    assert.equal(readPlainSidecar('version: 1\nsource: "\n\n\n   \u00a0x"\n')!.sidecar.source, '\n\n\u00a0x');
    for (const [block, value] of [['|', 'a\n\n  b\n'], ['|-', 'a\n\n  b'], ['|+', 'a\n\n  b\n\n']] as const) {
      const yaml = `version: 1\nsource: ${block}\n\n  a\n\n    b\n\nannotations:\n`;
      assert.equal(agrees(yaml), 'read', yaml);
      assert.equal(readPlainSidecar(yaml)!.sidecar.source, '\n' + value);
    }
    for (const declined of [
      'version: 1\nannotations: [{id: a}]\n', // flow
      'version: 1\nsource: &s a.txt\nannotations:\n', // anchor
      'version: 1\nsource: a.txt # here\nannotations:\n', // comment after a value
      'version: 1\r\nsource: a.txt\r\n', // CR
      'version: 1\nsource: >\n  a.txt\n', // folded block scalar
      'version: 1\nsource: |2\n  a.txt\n', // indentation given
      'version: 1\nsource: a\n  .txt\n', // plain over two lines
      'version: 1\nsource: a.txt\nsource: b.txt\n', // duplicate key
      'version: 0x1\n', // another number
      '%YAML 1.1\n---\nversion: 1\n', // directive
      'version: 1\nannotations:\n  - id: a1\n    kind: planet\n    start: 1\n    end: 2\n    exact: x\n', // fails its checks
      '', // empty: the library says what that is
      'version: 1\nsource: a.txt\nannotations:\n' + '# padding\n'.repeat(3_400_000), // over the size limit: refused by the library, unread
    ]) {
      assert.equal(readPlainSidecar(declined), undefined, JSON.stringify(declined));
    }
  });
});

import fc from 'fast-check';
import type { Sidecar, StoredAnnotation } from '../../src/core/sidecar/index';

/** Generated sidecars for the property tests of the sidecar's readers and writers. */

/** Characters the plain reader declines wherever they are. */
export const DECLINED = ['\t', '\r', '\r\n', '\u0085', '\u2028', '\ufeff', '\u0007', '\u007f', '\ud800'];
/** Strings that YAML reads apart: numbers, nulls, booleans, indicators, quotes, escapes, line breaks, spaces at the ends, document markers. */
export const TRICKY = [
  'null', 'Null', '~', 'true', 'FALSE', 'yes', '123', '0', '007', '-5', '+1', '0x1F', '0o17', '1e3', '.5', '1.', '.inf', '-.Inf', '.NaN', '2023-10-14', '9007199254740993',
  '-led', '- a', '-', '?', '? x', ':', ':x', 'a: b', 'a:', 'a #b', 'a#b', '#c', '[x]', '{y}', 'a, b', '&a', '*a', '!t', '|', '>', '%x', '@x', '`x', ',x',
  '"', "'", "It's", '"q"', "'s'", '\\', '\\n', '\\"', ' ', '  lead', 'trail ', ' both ', '\n', '\n\n', 'a\nb', 'a\n\nb', ' \n ', 'a \n b', '\n\n\n', 'end\n', '\nstart',
  '\u00a0', '—', '“quoted”', '🇰🇿', 'Ерлан', '😀\n😀', 'é', '\ud800', '---', '--- x', '...', 'a\n---\nb', ' \\n', 'a\tb', '\tx', 'x\t',
];
export const tricky = fc.oneof(
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
export const sidecarsOf = (tricky: fc.Arbitrary<string>) =>
  fc
    .record({ source: tricky, textHash: maybe(tricky), annotations: fc.uniqueArray(annotationOf(tricky), { selector: (a) => String(a.id), maxLength: 8 }) })
    .map(({ source, textHash, annotations }): Sidecar => ({
      version: 1,
      source,
      ...(textHash === undefined ? {} : { textHash }),
      annotations: annotations.map(({ len, ...a }) => ({ ...a, id: String(a.id), end: a.start + len })),
    }));

/** Sidecars the plain reader reads as written, mostly: what hand edits then change is what is tested. */
export const plainSidecars = sidecarsOf(fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 16 }) }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY) }));

/** Edits that change what YAML reads: characters it gives meaning to, lines moved, indentation changed. */
const SIGNIFICANT = [' ', '  ', '\n', '\n\n', '#', ' #', '"', "'", ':', ': ', '- ', '-', '\\', '{', '[', ']', '&a ', '*a', '!', '|', '>', '%', '@', '`', '?', ',', '~', '0', '1', '.', 'a', 'null', '\t', '\r', '---\n', '...\n', 'x: 1\n', 'id: z\n'];
export const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...SIGNIFICANT) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('copyLine' as const), line: fc.nat(), to: fc.nat() }),
);
export type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

export function applyEdit(yaml: string, e: Edit): string {
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

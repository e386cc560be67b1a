import { FIELDS } from './layout';
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, compareAnnotations, sameSidecar, SIDECAR_VERSION, type Sidecar, type StoredAnnotation } from './model';
import { MAX_SIDECAR_BYTES, type ParseOptions } from './parse';
import { decodeDoubleQuoted, readableCharacters, readPlainSidecar } from './plainRead';
import { asPlainSidecarText, entryExtent, gapEndIn, goesOn, headEndIn, LONE_HEAD, MAX_FOREIGN, readAlone, type PlainSidecarText } from './plainWrite';
import { doubleQuoted, DOUBLE_QUOTED, ESCAPED, PLAIN, SINGLE_QUOTED, styleOf } from './scalarStyle';

/**
 * A sidecar the plain reader reads and the plain writer wrote just so (what the user
 * added apart), with where each entry stands; undefined for any other (the library
 * reads it). The usual sidecar is read in one pass; one with fields added by hand, in
 * two (the plain reader's, then the check against the writer's text).
 */
export function readAsWritten(yaml: string, opts: ParseOptions = {}): PlainSidecarText | undefined {
  const written = readWrittenSidecar(yaml, opts);
  if (written) return written;
  const read = readPlainSidecar(yaml, opts);
  return read && asPlainSidecarText(yaml, read.sidecar);
}

/**
 * `yaml` as a plain sidecar text holding `sidecar` (values answered before, from a cache
 * or the plain reader), as `asPlainSidecarText` has it; read in one pass where it can be.
 */
export function asWrittenFor(yaml: string, sidecar: Sidecar, opts: ParseOptions = {}): PlainSidecarText | undefined {
  const written = readWrittenSidecar(yaml, opts);
  return written && sameSidecar(written.sidecar, sidecar) ? written : asPlainSidecarText(yaml, sidecar);
}

/**
 * A sidecar as the plain writer writes it — comment lines and blank lines at the top and
 * before entries allowed, as the writer keeps them — read in one pass: an entry at a
 * time by one RegExp, each value accepted only if the writer would have put it so (so
 * the library reads it to the value taken: it reads back what it writes), and checked
 * as `checkSidecar` checks it. An entry the RegExp does not take — a note over several
 * lines, a field or a comment line added by hand, a value written otherwise — is read
 * alone as the two passes read it (the plain reader, then known as written or foreign).
 * (With `oddEntries` 'decline', such an entry gives undefined: the library renders or
 * reads each of them, a millisecond or so, and a quick answer should not wait for
 * hundreds.) Anything else — another key at the top, a sidecar that fails its checks —
 * gives undefined, and `readAsWritten` takes the longer way. A cold worker reads 10,000
 * annotations so in about a third of the time the two passes took together.
 */
export function readWrittenSidecar(yaml: string, opts: ParseOptions = {}, oddEntries: 'read' | 'decline' = 'read'): PlainSidecarText | undefined {
  if (yaml.length > MAX_SIDECAR_BYTES || !readableCharacters(yaml)) return undefined;
  const headEnd = headEndIn(yaml);
  if (headEnd < 0) return undefined;
  KEYS.lastIndex = headEnd;
  const keys = KEYS.exec(yaml);
  if (!keys) return undefined;
  const source = stringAsWritten(keys[1]!, false);
  const textHash = keys[2] === undefined ? undefined : stringAsWritten(keys[2], false);
  // The writer leaves out an empty hash (`textHash: ""` is not as written).
  if (source === undefined || (keys[2] !== undefined && !textHash)) return undefined;
  const emptyList = keys[3] !== undefined;
  const listStart = KEYS.lastIndex;
  const annotations: StoredAnnotation[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const ids = new Set<string>();
  const foreign = new Set<number>();
  const textLength = opts.textLength ?? Infinity;
  let at = emptyList ? listStart : gapEndIn(yaml, listStart);
  while (at < yaml.length) {
    if (emptyList || at < 0) return undefined;
    ENTRY.lastIndex = at;
    const m = ENTRY.exec(yaml);
    let a = m ? annotationAsWritten(m, textLength) : undefined;
    let end = ENTRY.lastIndex;
    if (!a || goesOn(yaml, end)) {
      // Not as the writer writes it: a note over several lines, a field or comment line added by hand.
      if (oddEntries === 'decline') return undefined;
      const odd = oddEntry(yaml, at, opts);
      if (!odd || (odd.foreign && foreign.size >= MAX_FOREIGN)) return undefined;
      if (odd.foreign) foreign.add(annotations.length);
      a = odd.annotation;
      end = odd.end;
    }
    if (ids.has(a.id)) return undefined;
    if (annotations.length > 0 && compareAnnotations(annotations[annotations.length - 1]!, a) > 0) return undefined; // not in the file's order: the writer sorts
    ids.add(a.id);
    annotations.push(a);
    starts.push(at);
    ends.push(end);
    at = gapEndIn(yaml, end);
    if (at === yaml.length && at !== end) return undefined; // lines after the last entry: the writer would not keep them there
  }
  if (!emptyList && annotations.length === 0) return undefined;
  const sidecar: Sidecar = { version: SIDECAR_VERSION, source, ...(textHash === undefined ? {} : { textHash }), annotations };
  // The entries added to by hand, read by the library in a list of their own, must read as the plain reader read them.
  if (foreign.size > 0 && !readAlone(yaml, sidecar, foreign, starts, ends)) return undefined;
  return { yaml, sidecar, head: yaml.slice(0, headEnd), listGap: emptyList ? '' : yaml.slice(listStart, starts[0]), starts, ends, foreign };
}

/**
 * The entry at `at` that the one RegExp does not read, read as the two passes would:
 * its lines (and blank lines after them, which a block kept with its trailing line
 * breaks holds) by the plain reader, then known as `asPlainSidecarText` knows an entry —
 * as written (a note over several lines), or foreign (added to by hand).
 */
function oddEntry(yaml: string, at: number, opts: ParseOptions): { annotation: StoredAnnotation; end: number; foreign: boolean } | undefined {
  if (!yaml.startsWith('  - ', at)) return undefined;
  const read = readPlainSidecar(LONE_HEAD + yaml.slice(at, entryLinesEnd(yaml, at)), opts);
  const annotation = read?.sidecar.annotations.length === 1 ? read.sidecar.annotations[0]! : undefined;
  const extent = annotation && entryExtent(yaml, at, annotation);
  return extent && { annotation, end: extent.end, foreign: extent.foreign };
}

/** Where the lines of the entry at `at` end: at the next line indented less than its fields, or the text's end (blank lines before it included). */
function entryLinesEnd(yaml: string, at: number): number {
  let line = yaml.indexOf('\n', at) + 1;
  if (line === 0) return yaml.length;
  while (line < yaml.length) {
    let indent = 0;
    while (yaml.charCodeAt(line + indent) === 0x20) indent++;
    const c = yaml.charCodeAt(line + indent);
    if (indent < 4 && c !== 0x0a && line + indent < yaml.length) return line;
    const next = yaml.indexOf('\n', line) + 1;
    line = next === 0 ? yaml.length : next;
  }
  return yaml.length;
}

/** The keys before the annotations, as the writer writes them (`keysText`). */
const KEYS = new RegExp(`version: ${SIDECAR_VERSION}\\nsource: ([^\\n]*)\\n(?:textHash: ([^\\n]*)\\n)?annotations:( \\[\\])?\\n`, 'y');

/** The fields the writer writes for every annotation; the others it leaves out when they are undefined. */
const ALWAYS = new Set(['id', 'kind', 'start', 'end', 'exact', 'prefix', 'suffix', 'status']);
/** An entry as written: each field on a line of its own, in the order of FIELDS; group f + 1 is field f's value as written. */
const ENTRY = new RegExp(
  FIELDS.map((key, f) => {
    const line = `${f === 0 ? '  - ' : '    '}${key}: ([^\\n]*)\\n`;
    return ALWAYS.has(key) ? line : `(?:${line})?`;
  }).join(''),
  'y',
);
const KINDS = new Set<string>(ANNOTATION_KINDS);
const STATUSES = new Set<string>(ANNOTATION_STATUSES);

/** The annotation an entry holds, if every value is as the writer writes it and passes the checks; the keys in the order `checkSidecar` gives them. */
function annotationAsWritten(m: RegExpExecArray, textLength: number): StoredAnnotation | undefined {
  const id = stringAsWritten(m[1]!, false);
  const kind = m[2]!;
  const start = wholeNumber(m[3]!);
  const end = wholeNumber(m[4]!);
  const exact = stringAsWritten(m[5]!, true);
  const prefix = stringAsWritten(m[6]!, true);
  const suffix = stringAsWritten(m[7]!, true);
  const status = m[13]!;
  if (!id || !KINDS.has(kind) || start < 0 || end < start || end > textLength || exact === undefined || prefix === undefined || suffix === undefined || !STATUSES.has(status)) return undefined;
  const a: StoredAnnotation = { id, kind: kind as StoredAnnotation['kind'], start, end, exact, prefix, suffix, status: status as StoredAnnotation['status'] };
  if (m[8] !== undefined) {
    const entity = nullableAsWritten(m[8]);
    if (entity === undefined) return undefined;
    a.entity = entity;
  }
  if (m[9] !== undefined) {
    const name = stringAsWritten(m[9], false);
    if (name === undefined) return undefined;
    a.name = name;
  }
  if (m[10] !== undefined) {
    if (m[10] !== 'speech' && m[10] !== 'term') return undefined;
    a.quoteKind = m[10];
  }
  if (m[11] !== undefined) {
    const speaker = nullableAsWritten(m[11]);
    if (speaker === undefined) return undefined;
    a.speaker = speaker;
  }
  if (m[12] !== undefined) {
    const speakerEntity = nullableAsWritten(m[12]);
    if (speakerEntity === undefined) return undefined;
    a.speakerEntity = speakerEntity;
  }
  if (m[14] !== undefined) {
    const note = stringAsWritten(m[14], false);
    if (note === undefined) return undefined;
    a.note = note;
  }
  return a;
}

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/**
 * The string a value as written stands for, if the writer writes that string so (plain,
 * in quotes, or double-quoted with escapes, as `scalarText` has it); else undefined.
 * `context`: text from the article.
 */
function stringAsWritten(raw: string, context: boolean): string | undefined {
  const first = raw.charCodeAt(0);
  if (first !== DOUBLE_QUOTE && first !== SINGLE_QUOTE) return styleOf(raw, context) === PLAIN ? raw : undefined;
  const last = raw.length - 1;
  if (last < 1 || raw.charCodeAt(last) !== first) return undefined;
  const inner = raw.slice(1, last);
  if (first === SINGLE_QUOTE) return styleOf(inner, context) === SINGLE_QUOTED ? inner : undefined;
  if (inner.indexOf('\\') < 0) return styleOf(inner, context) === DOUBLE_QUOTED ? inner : undefined;
  const value = escapedValue(raw, inner);
  return value !== undefined && styleOf(value, context) === ESCAPED && doubleQuoted(value) === raw ? value : undefined;
}

/**
 * A double-quoted value's escapes read. The writer escapes as JSON does but for a few
 * (`\xXX`, `\0`, `\ `…), so JSON's own parser reads most, several times quicker than
 * YAML's escapes by a RegExp; what it cannot read is read so.
 */
function escapedValue(raw: string, inner: string): string | undefined {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return decodeDoubleQuoted(inner);
  }
}

/** A field that may be null: `null` as written is; anything else is a string as written, or undefined. */
function nullableAsWritten(raw: string): string | null | undefined {
  return raw === 'null' ? null : stringAsWritten(raw, false);
}

/** A whole number as the writer writes one (no sign, no leading zero, safe); -1 for anything else. */
function wholeNumber(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 15 || (n > 1 && raw.charCodeAt(0) === 0x30)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = raw.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

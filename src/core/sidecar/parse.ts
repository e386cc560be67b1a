import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { MAX_SIDECAR_BYTES } from './limits';
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, SIDECAR_VERSION, type Sidecar, type StoredAnnotation } from './model';

export { MAX_SIDECAR_BYTES } from './limits';

/** A problem in a sidecar, with a 1-based line and column for the Problems panel. */
export interface SidecarError {
  line: number;
  column: number;
  message: string;
}

/**
 * A sidecar that parsed and validated, with the YAML document it came from so a rewrite
 * can keep the user's comments and unknown fields. Only this type can be serialised back:
 * a sidecar that failed is never rewritten.
 */
export interface ParsedSidecar {
  ok: true;
  sidecar: Sidecar;
  document: Document;
  /** The file was an older version and was migrated in memory. */
  migratedFrom?: number;
}

export type ParseResult = ParsedSidecar | { ok: false; errors: SidecarError[] };

/** What a sidecar reads to, without its YAML document: what a quick reader or a cache can answer. */
export interface SidecarValues {
  sidecar: Sidecar;
  /** The file was an older version and was migrated in memory. */
  migratedFrom?: number;
}

/** The values of a sidecar read, without the document or anything else it carries. */
export function valuesOf(read: SidecarValues): SidecarValues {
  return read.migratedFrom === undefined ? { sidecar: read.sidecar } : { sidecar: read.sidecar, migratedFrom: read.migratedFrom };
}

/**
 * A sidecar's text with CRLF line ends made LF: YAML reads the two alike, and git checks
 * files out with CRLF on Windows (`core.autocrlf`), where the quick readers, which read
 * LF alone, would leave every sidecar to the library. A text with a CR that ends no CRLF
 * is left as it is (YAML reads a lone CR as a line break too, and "\r\r\n" made "\r\n"
 * would lose one); the quick readers decline it. Writes write LF.
 */
export function withLineFeeds(yaml: string): string {
  return yaml.indexOf('\r') < 0 || LONE_CR.test(yaml) ? yaml : yaml.replace(CRLF, '\n');
}

const CRLF = /\r\n/g;
const LONE_CR = /\r(?!\n)/;

const MAX_DEPTH = 8;

export interface ParseOptions {
  /** Length of the text in code points, to check offsets against. */
  textLength?: number;
}

/** Parses and validates sidecar YAML, in bounded time whatever the input. */
export function parseSidecar(yamlText: string, opts: ParseOptions = {}): ParseResult {
  if (yamlText.length > MAX_SIDECAR_BYTES) {
    return fail(1, 1, `the sidecar is ${(yamlText.length / 1e6).toFixed(0)} MB, over the ${MAX_SIDECAR_BYTES / 1024 / 1024} MB limit; it was not read`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (node: Node | null | undefined): { line: number; column: number } => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length) {
    return { ok: false, errors: doc.errors.map((e) => ({ line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, message: e.message.split('\n')[0]! })) };
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    // An empty file is an empty sidecar.
    return { ok: true, sidecar: { version: SIDECAR_VERSION, source: '', annotations: [] }, document: new Document({ version: SIDECAR_VERSION, annotations: [] }) };
  }
  if (!isMap(root)) return fail(at(root).line, at(root).column, 'a sidecar is a mapping with `version`, `source` and `annotations`');
  if (depth(root) > MAX_DEPTH) return fail(at(root).line, at(root).column, `nesting deeper than ${MAX_DEPTH} levels: this is not a sidecar`);

  let json: unknown;
  try {
    json = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail(1, 1, `cannot read the sidecar: ${(e as Error).message}`);
  }
  const data = json as Record<string, unknown>;
  const seq = root.get('annotations', true) as Node | undefined;
  const list = seq === undefined || (isScalar(seq) && seq.value === null) ? [] : isSeq(seq) ? seq.items.map((item) => (isMap(item) ? nodeFields(item) : (item as Node))) : undefined;
  const checked = checkSidecar({ value: (key) => data[key], has: (key) => key in data, place: (key) => (key === undefined ? root : (root.get(key, true) as Node)) }, list ?? seq!, opts);
  if (!checked.ok) {
    if (checked.stop) return fail(at(checked.stop.place).line, at(checked.stop.place).column, checked.stop.message);
    return { ok: false, errors: checked.problems.map((p) => ({ ...at(p.place), message: p.message })) };
  }
  return { ...checked, document: doc };
}

/**
 * A mapping as the checks read it: from the YAML library's nodes, or from a reader that
 * has no nodes (`P` is then what it points problems at, which it never reports).
 */
export interface Fields<P> {
  /** The value under `key` as JavaScript, undefined when the key is absent. */
  value(key: string): unknown;
  has(key: string): boolean;
  /** Where a problem with `key`, or with the whole mapping, is shown. */
  place(key?: string): P;
}

export type Checked<P> =
  | { ok: true; sidecar: Sidecar; migratedFrom?: number }
  /** `stop`: one problem that makes the others meaningless (a newer version). */
  | { ok: false; problems: { place: P; message: string }[]; stop?: { place: P; message: string } };

/**
 * The checks every sidecar passes, whichever reader read it: `annotations` is the list's
 * entries (a mapping's fields, or the place of an entry that is no mapping), or the place
 * of an `annotations` that is no list.
 */
export function checkSidecar<P>(root: Fields<P>, annotations: (Fields<P> | P)[] | P, opts: ParseOptions): Checked<P> {
  const problems: { place: P; message: string }[] = [];
  const err = (place: P, message: string) => problems.push({ place, message });
  let version = root.value('version');
  if (version === undefined) version = 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) err(root.place('version'), '`version` must be a whole number');
  else if (version > SIDECAR_VERSION) {
    return { ok: false, problems: [], stop: { place: root.place('version'), message: `this sidecar is version ${version}, newer than this extension understands (${SIDECAR_VERSION}); update the extension — the file is left untouched` } };
  }
  const source = root.value('source') ?? '';
  if (typeof source !== 'string') err(root.place('source'), '`source` must be the text file name');
  const textHash = root.value('textHash');
  if (textHash !== undefined && typeof textHash !== 'string') err(root.place('textHash'), '`textHash` must be a string');

  if (!Array.isArray(annotations)) err(annotations, '`annotations` must be a list');
  const items = Array.isArray(annotations) ? annotations : [];
  const stored: StoredAnnotation[] = [];
  const ids = new Map<string, number>();
  const v0 = version === 0;
  items.forEach((item, i) => {
    if (!isFields(item)) {
      err(item, `annotation ${i + 1} must be a mapping`);
      return;
    }
    const id = item.value('id');
    if (id !== undefined && id !== null) {
      const seen = ids.get(String(id));
      if (seen !== undefined) err(item.place('id'), `annotation ${i + 1}: id "${String(id)}" is already used by annotation ${seen + 1}`);
      else ids.set(String(id), i);
    }
    const a = readAnnotation(item, v0, (key, message) => err(item.place(key), `annotation ${i + 1}: ${message}`), opts);
    if (a) stored.push(a);
  });
  if (problems.length) return { ok: false, problems };
  const checked: Checked<P> = { ok: true, sidecar: { version: SIDECAR_VERSION, source: source as string, ...(typeof textHash === 'string' ? { textHash } : {}), annotations: stored } };
  if (version !== SIDECAR_VERSION) checked.migratedFrom = version as number;
  return checked;
}

function isFields<P>(x: Fields<P> | P): x is Fields<P> {
  return typeof x === 'object' && x !== null && typeof (x as Fields<P>).value === 'function' && typeof (x as Fields<P>).place === 'function';
}

/** An annotation's mapping node as the checks read it; a problem with a key it lacks is shown at the mapping. */
function nodeFields(item: YAMLMap): Fields<Node> {
  const get = (key: string) => item.get(key, true) as Node | undefined;
  return {
    value: (key) => {
      const n = get(key);
      return n === undefined ? undefined : isScalar(n) ? n.value : (n as unknown as { toJSON(): unknown }).toJSON();
    },
    has: (key) => get(key) !== undefined,
    place: (key) => (key === undefined ? item : (get(key) ?? item)),
  };
}

type Report = (key: string | undefined, message: string) => void;

/** One annotation, validated. Version 0 named the offsets `from` and `to`. */
function readAnnotation<P>(item: Fields<P>, v0: boolean, report: Report, opts: ParseOptions): StoredAnnotation | undefined {
  const value = (key: string): unknown => item.value(key);
  let ok = true;
  const bad = (key: string, message: string) => {
    report(key, message);
    ok = false;
  };
  const str = (key: string, required: boolean): string | undefined => {
    const v = value(key);
    if (v === undefined || v === null) {
      if (required) bad(key, `\`${key}\` is missing`);
      return undefined;
    }
    if (typeof v !== 'string') {
      bad(key, `\`${key}\` must be text`);
      return undefined;
    }
    return v;
  };
  const startKey = v0 && !item.has('start') ? 'from' : 'start';
  const endKey = v0 && !item.has('end') ? 'to' : 'end';
  const int = (key: string): number | undefined => {
    const v = value(key);
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      bad(key, v === undefined ? `\`${key}\` is missing` : `\`${key}\` must be a whole number of code points`);
      return undefined;
    }
    if (v < 0) {
      bad(key, `\`${key}\` is negative`);
      return undefined;
    }
    if (opts.textLength !== undefined && v > opts.textLength) {
      bad(key, `\`${key}\` ${v} is past the end of the text (${opts.textLength} code points)`);
      return undefined;
    }
    return v;
  };
  const id = value('id');
  const idText = typeof id === 'number' ? String(id) : id;
  if (typeof idText !== 'string' || idText === '') bad('id', '`id` is missing');
  const kind = str('kind', true);
  if (kind !== undefined && !(ANNOTATION_KINDS as readonly string[]).includes(kind)) bad('kind', `\`kind\` must be one of ${ANNOTATION_KINDS.join(', ')}`);
  const start = int(startKey);
  const end = int(endKey);
  if (start !== undefined && end !== undefined && start > end) bad(endKey, `\`${endKey}\` ${end} is before \`${startKey}\` ${start}`);
  const exact = str('exact', true);
  const prefix = str('prefix', false) ?? '';
  const suffix = str('suffix', false) ?? '';
  const status = str('status', false) ?? 'accepted';
  if (!(ANNOTATION_STATUSES as readonly string[]).includes(status)) bad('status', `\`status\` must be one of ${ANNOTATION_STATUSES.join(', ')}`);
  const entity = value('entity');
  if (entity !== undefined && entity !== null && typeof entity !== 'string') bad('entity', '`entity` must be a knowledge-base id or null');
  const name = str('name', false);
  const quoteKind = str('quoteKind', false);
  if (quoteKind !== undefined && quoteKind !== 'speech' && quoteKind !== 'term') bad('quoteKind', '`quoteKind` must be speech or term');
  const speaker = value('speaker');
  if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') bad('speaker', '`speaker` must be a name or null');
  const speakerEntity = value('speakerEntity');
  if (speakerEntity !== undefined && speakerEntity !== null && typeof speakerEntity !== 'string') bad('speakerEntity', '`speakerEntity` must be an id or null');
  const note = str('note', false);
  if (!ok) return undefined;
  const a: StoredAnnotation = { id: idText as string, kind: kind as StoredAnnotation['kind'], start: start!, end: end!, exact: exact!, prefix, suffix, status: status as StoredAnnotation['status'] };
  if (entity !== undefined) a.entity = entity as string | null;
  if (name !== undefined) a.name = name;
  if (quoteKind !== undefined) a.quoteKind = quoteKind as 'speech' | 'term';
  if (speaker !== undefined) a.speaker = speaker as string | null;
  if (speakerEntity !== undefined) a.speakerEntity = speakerEntity as string | null;
  if (note !== undefined) a.note = note;
  return a;
}

function depth(node: unknown, d = 0): number {
  if (d > MAX_DEPTH) return d;
  if (isMap(node)) return Math.max(d, ...node.items.map((p) => depth(p.value, d + 1)));
  if (isSeq(node)) return Math.max(d, ...node.items.map((x) => depth(x, d + 1)));
  return d;
}

function fail(line: number, column: number, message: string): ParseResult {
  return { ok: false, errors: [{ line, column, message }] };
}

import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, SIDECAR_VERSION, type Sidecar, type StoredAnnotation } from './model';

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

/** Refused unread above this size: a sidecar of 100,000 annotations is ~25 MB. */
export const MAX_SIDECAR_BYTES = 32 * 1024 * 1024;
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
  const errors: SidecarError[] = [];
  const err = (node: Node | null | undefined, message: string) => errors.push({ ...at(node), message });
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
  let version = data.version;
  if (version === undefined) version = 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) err(root.get('version', true) as Node, '`version` must be a whole number');
  else if (version > SIDECAR_VERSION) {
    return fail(at(root.get('version', true) as Node).line, at(root.get('version', true) as Node).column, `this sidecar is version ${version}, newer than this extension understands (${SIDECAR_VERSION}); update the extension — the file is left untouched`);
  }
  const source = data.source ?? '';
  if (typeof source !== 'string') err(root.get('source', true) as Node, '`source` must be the text file name');
  const textHash = data.textHash;
  if (textHash !== undefined && typeof textHash !== 'string') err(root.get('textHash', true) as Node, '`textHash` must be a string');

  const seq = root.get('annotations', true) as Node | undefined;
  const annotations: StoredAnnotation[] = [];
  if (seq !== undefined && !(isScalar(seq) && seq.value === null) && !isSeq(seq)) err(seq, '`annotations` must be a list');
  const items = isSeq(seq) ? seq.items : [];
  const ids = new Map<string, number>();
  const v0 = version === 0;
  items.forEach((item, i) => {
    if (!isMap(item)) {
      err(item as Node, `annotation ${i + 1} must be a mapping`);
      return;
    }
    const id = item.get('id');
    if (id !== undefined && id !== null) {
      const seen = ids.get(String(id));
      if (seen !== undefined) err(item.get('id', true) as Node, `annotation ${i + 1}: id "${String(id)}" is already used by annotation ${seen + 1}`);
      else ids.set(String(id), i);
    }
    const a = readAnnotation(item, v0, (node, message) => err(node ?? item, `annotation ${i + 1}: ${message}`), opts);
    if (a) annotations.push(a);
  });
  if (errors.length) return { ok: false, errors };
  const result: ParsedSidecar = {
    ok: true,
    sidecar: { version: SIDECAR_VERSION, source: source as string, ...(typeof textHash === 'string' ? { textHash } : {}), annotations },
    document: doc,
  };
  if (version !== SIDECAR_VERSION) result.migratedFrom = version as number;
  return result;
}

type Report = (node: Node | undefined, message: string) => void;

/** One annotation, validated. Version 0 named the offsets `from` and `to`. */
function readAnnotation(item: YAMLMap, v0: boolean, report: Report, opts: ParseOptions): StoredAnnotation | undefined {
  const get = (key: string) => item.get(key, true) as Node | undefined;
  const value = (key: string): unknown => {
    const n = get(key);
    return n === undefined ? undefined : isScalar(n) ? n.value : (n as unknown as { toJSON(): unknown }).toJSON();
  };
  let ok = true;
  const bad = (key: string, message: string) => {
    report(get(key), message);
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
  const startKey = v0 && get('start') === undefined ? 'from' : 'start';
  const endKey = v0 && get('end') === undefined ? 'to' : 'end';
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

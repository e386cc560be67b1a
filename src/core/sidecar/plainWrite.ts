import { isMap, isSeq } from 'yaml';
import { annotationNode, CONTEXT_FIELDS, fieldValues, FIELDS, HEADER, updateAnnotation } from './layout';
import { inFileOrder, sameValues, SIDECAR_VERSION, type Sidecar, type StoredAnnotation } from './model';
import { parseSidecar } from './parse';
import { keepsNewlines, renderAlone } from './render';
import { BLOCK, DOUBLE_QUOTED, PLAIN, scalarText, SINGLE_QUOTED, styleOf } from './scalarStyle';

/**
 * A sidecar's YAML exactly as the plain writer writes it — but for what the user added:
 * comment lines and blank lines before the keys and between annotations, and fields or
 * comment lines inside annotations (see `foreign`), which the writer keeps — and where in
 * it each annotation's entry starts and ends: a later write takes the text of what did
 * not change from it.
 */
export interface PlainSidecarText {
  readonly yaml: string;
  /** The values written, annotations in the file's order. */
  readonly sidecar: Sidecar;
  /** The comment lines before the keys and the blank line after them; '' for none. */
  readonly head: string;
  /** What stands between `annotations:` and the first entry: the list's, kept at its top. */
  readonly listGap: string;
  /**
   * Where each entry starts and ends. What stands before an entry after the first (blank
   * lines, comment lines) is its own: it goes where the entry goes, and with it.
   */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /**
   * The entries not as the plain writer writes them — a field or a comment line added by
   * hand inside — which the library reads (and writes, when they change) on their own.
   */
  readonly foreign: ReadonlySet<number>;
}

/**
 * The YAML of a new sidecar holding `sidecar` — the very text the `yaml` library renders
 * for it (`writeSidecarDocument` without a document), built as text: the library takes
 * ~1 s over 10,000 annotations, this a few tens of milliseconds. With `previous` (the text
 * of the last write, or of a file known as written) it renders only the annotations that
 * changed, and keeps the user's comment lines where they were. Values it does not render
 * itself (a field other than the article's text over several lines, a number that is not
 * a whole one) it has the library render, one annotation at a time; undefined when the
 * whole must be (a keep-chomped block scalar changes what follows it). Property-tested
 * against the library on sidecars of tricky strings.
 */
export function renderPlainSidecar(sidecar: Sidecar, previous?: PlainSidecarText): PlainSidecarText | undefined {
  const keys = keysText(sidecar);
  if (keys === undefined) return undefined;
  const head = previous ? previous.head : HEADER_LINES;
  const annotations = inFileOrder(sidecar.annotations);
  const listGap = previous && annotations.length > 0 ? previous.listGap : '';
  let yaml = head + keys + listGap;
  const starts: number[] = new Array<number>(annotations.length);
  const ends: number[] = new Array<number>(annotations.length);
  const before = previous && indexById(previous.sidecar.annotations);
  const foreign = new Set<number>();
  let at = yaml.length;
  // A stretch of the previous text that goes on unchanged, added when it ends.
  let keptFrom = 0;
  let keptTo = 0;
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i]!;
    const j = before?.get(a.id);
    // What stood before the annotation's entry (after the first) goes with it.
    const gapFrom = j === undefined ? 0 : j === 0 ? previous!.starts[0]! : previous!.ends[j - 1]!;
    const gap = j === undefined ? 0 : previous!.starts[j]! - gapFrom;
    if (j !== undefined && sameValues(previous!.sidecar.annotations[j]!, a)) {
      const to = previous!.ends[j]!;
      if (gapFrom !== keptTo) {
        yaml += previous!.yaml.slice(keptFrom, keptTo);
        keptFrom = gapFrom;
      }
      keptTo = to;
      starts[i] = at + gap;
      at += to - gapFrom;
      if (previous!.foreign.has(j)) foreign.add(i);
    } else {
      const wasForeign = j !== undefined && previous!.foreign.has(j);
      const text = wasForeign ? rewrittenForeign(previous!.yaml.slice(previous!.starts[j]!, previous!.ends[j]!), a) : entryText(a);
      if (text === undefined) return undefined;
      if (wasForeign) foreign.add(i);
      if (keptTo > keptFrom) yaml += previous!.yaml.slice(keptFrom, keptTo);
      keptFrom = keptTo = 0;
      if (gap > 0) yaml += previous!.yaml.slice(gapFrom, gapFrom + gap);
      yaml += text;
      starts[i] = at + gap;
      at += gap + text.length;
    }
    ends[i] = at;
  }
  // Added piece by piece (a rope, flattened once): several times quicker than joining an array of the pieces.
  if (keptTo > keptFrom) yaml += previous!.yaml.slice(keptFrom, keptTo);
  return { yaml, sidecar: { ...sidecar, annotations }, head, listGap, starts, ends, foreign };
}

/**
 * `yaml` as a plain sidecar text, when it is exactly what the plain writer writes for
 * `sidecar` but for what the user added (see PlainSidecarText); else undefined (so for
 * any older version: the writer writes `version: 1`). The YAML library then reads it to
 * those values: it reads back what it writes, comment lines and blank lines between
 * annotations say nothing to it, and an annotation added to by hand is checked by the
 * library itself.
 */
export function asPlainSidecarText(yaml: string, sidecar: Sidecar): PlainSidecarText | undefined {
  const keys = keysText(sidecar);
  const annotations = sidecar.annotations;
  const headEnd = headEndIn(yaml);
  if (keys === undefined || headEnd < 0 || !textAt(yaml, headEnd, keys) || inFileOrder(annotations) !== annotations) return undefined;
  let at = headEnd + keys.length;
  const listStart = at;
  const starts: number[] = new Array<number>(annotations.length);
  const ends: number[] = new Array<number>(annotations.length);
  const foreign = new Set<number>();
  for (let i = 0; i < annotations.length; i++) {
    at = gapEndIn(yaml, at);
    if (at < 0) return undefined;
    starts[i] = at;
    const entry = entryExtent(yaml, at, annotations[i]!);
    if (!entry || (entry.foreign && foreign.size >= MAX_FOREIGN)) return undefined;
    if (entry.foreign) foreign.add(i);
    at = entry.end;
    ends[i] = at;
  }
  if (at !== yaml.length || !readAlone(yaml, sidecar, foreign, starts, ends)) return undefined;
  return { yaml, sidecar, head: yaml.slice(0, headEnd), listGap: annotations.length > 0 ? yaml.slice(listStart, starts[0]) : '', starts, ends, foreign };
}

/** At most this many entries added to by hand (read by the library, all in one list): with more, the whole file is parsed. */
export const MAX_FOREIGN = 2_000;

/**
 * Where the entry of `a` that starts at `start` ends, and whether it is foreign — more
 * than the plain writer writes for `a` (a field or a comment line added by hand), which
 * the library reads; undefined when what stands there ends otherwise than an entry may.
 */
export function entryExtent(yaml: string, start: number, a: StoredAnnotation): { end: number; foreign: boolean } | undefined {
  const end = entryAt(yaml, start, a);
  if (end >= 0 && !goesOn(yaml, end)) return { end, foreign: false };
  const foreignEnd = foreignEntryEnd(yaml, start);
  return foreignEnd < 0 ? undefined : { end: foreignEnd, foreign: true };
}

/**
 * Where an entry that starts at `start` ends: after its last line indented past the
 * list's (or -1 when a line indented less than that but more than the keys follows);
 * blank lines at its end are not its own.
 */
function foreignEntryEnd(yaml: string, start: number): number {
  let end = yaml.indexOf('\n', start) + 1;
  if (end === 0 || !textAt(yaml, start, '  - ')) return -1;
  for (let line = end; line < yaml.length; ) {
    let next = yaml.indexOf('\n', line) + 1;
    if (next === 0) next = yaml.length;
    let indent = 0;
    while (yaml.charCodeAt(line + indent) === SPACE) indent++;
    if (line + indent === next - 1 || line + indent === next) {
      line = next; // blank: its own only if more of the entry follows
      continue;
    }
    if (indent < 4) return indent === 2 ? end : -1;
    end = line = next;
  }
  // Its last line must end in a line break: an entry may be written after it.
  return yaml.charCodeAt(end - 1) === LINE_BREAK ? end : -1;
}

/** Whether the entry before `at` goes on there: the next line but blank ones is indented past the list's (a field or comment added at its end). */
export function goesOn(yaml: string, at: number): boolean {
  for (;;) {
    let indent = 0;
    while (yaml.charCodeAt(at + indent) === SPACE) indent++;
    if (yaml.charCodeAt(at + indent) !== LINE_BREAK) return indent >= 4 && at + indent < yaml.length;
    at += indent + 1;
  }
}

/**
 * Whether the library, reading the entries added to by hand in a list of their own (one
 * parse: ~1.5 ms each, alone), reads from each what the plain reader read there.
 */
export function readAlone(yaml: string, sidecar: Sidecar, foreign: ReadonlySet<number>, starts: readonly number[], ends: readonly number[]): boolean {
  if (foreign.size === 0) return true;
  let list = '';
  for (const i of foreign) list += yaml.slice(starts[i], ends[i]);
  const read = parseSidecar(`${LONE_HEAD}${list}`);
  if (!read.ok || read.sidecar.annotations.length !== foreign.size) return false;
  let k = 0;
  for (const i of foreign) if (JSON.stringify(read.sidecar.annotations[k++]) !== JSON.stringify(sidecar.annotations[i])) return false;
  return true;
}

export const LONE_HEAD = 'version: 1\nsource: x\nannotations:\n';

/** An entry added to by hand, with `a`'s values written into it by the library (what was added kept); undefined when it cannot be. */
function rewrittenForeign(entry: string, a: StoredAnnotation): string | undefined {
  const read = parseSidecar(`${LONE_HEAD}${entry}`);
  const list = read.ok ? read.document.get('annotations', true) : undefined;
  const node = isSeq(list) ? list.items[0] : undefined;
  if (!isMap(node)) return undefined;
  updateAnnotation(node, a);
  const text = renderAlone(node);
  return text === undefined || keepsNewlines(text) ? undefined : text + '\n';
}

/** The keys before the annotations: version, source, hash, and `annotations:`. */
function keysText(sidecar: Sidecar): string | undefined {
  const source = scalarText(sidecar.source, false);
  const hash = sidecar.textHash ? scalarText(sidecar.textHash, false) : '';
  if (source === undefined || hash === undefined) return undefined;
  const list = sidecar.annotations.length === 0 ? 'annotations: []\n' : 'annotations:\n';
  return `version: ${SIDECAR_VERSION}\nsource: ${source}\n` + (hash ? `textHash: ${hash}\n` : '') + list;
}

const HEADER_LINES = HEADER.split('\n').map((line) => `#${line}\n`).join('') + '\n';

/** Where the comment lines at the top and the blank line after them end: 0 for none, -1 when no blank line follows them. */
export function headEndIn(yaml: string): number {
  let at = 0;
  while (yaml.charCodeAt(at) === HASH) {
    at = yaml.indexOf('\n', at) + 1;
    if (at === 0) return -1;
  }
  if (at === 0) return 0;
  return yaml.charCodeAt(at) === LINE_BREAK ? at + 1 : -1;
}

/** Where the blank lines and comment lines (`  #…`) from `at` end; -1 for a comment with no line break after it. */
export function gapEndIn(yaml: string, at: number): number {
  for (;;) {
    if (yaml.charCodeAt(at) === LINE_BREAK) at++;
    else if (yaml.charCodeAt(at) === SPACE && yaml.charCodeAt(at + 1) === SPACE && yaml.charCodeAt(at + 2) === HASH) {
      at = yaml.indexOf('\n', at) + 1;
      if (at === 0) return -1;
    } else return at;
  }
}

const HASH = 0x23;
const SPACE = 0x20;
const LINE_BREAK = 0x0a;

/** An annotation's entry in the list, rendered here or by the library; undefined when the whole sidecar must be. */
function entryText(a: StoredAnnotation): string | undefined {
  const text = annotationText(a);
  if (text !== undefined) return text;
  const alone = renderAlone(annotationNode(a));
  return alone === undefined || keepsNewlines(alone) ? undefined : alone + '\n';
}

/**
 * Where `a`'s entry ends, if the list's text at `at` is its entry as written; else -1.
 * Compared a piece at a time: building each entry's text first took twice as long.
 */
function entryAt(yaml: string, start: number, a: StoredAnnotation): number {
  const values = fieldValues(a);
  let at = start;
  for (let f = 0; f < values.length; f++) {
    const value = values[f];
    if (value === undefined) continue;
    const lead = at === start ? FIRST_LINE_STARTS[f]! : LINE_STARTS[f]!;
    if (!textAt(yaml, at, lead)) return -1;
    const end = valueAt(yaml, at + lead.length, value, IS_CONTEXT[f]!);
    if (end === LEFT_TO_LIBRARY) {
      const text = entryText(a);
      return text !== undefined && textAt(yaml, start, text) ? start + text.length : -1;
    }
    if (end < 0 || yaml.charCodeAt(end) !== 0x0a) return -1;
    at = end + 1;
  }
  return at;
}

const LEFT_TO_LIBRARY = -2;

/**
 * Where `value` ends if the text at `at` is the value as written, else -1 (or
 * LEFT_TO_LIBRARY). A string in quotes it needs no escapes in is compared in place,
 * not rendered first: most values are.
 */
function valueAt(yaml: string, at: number, value: unknown, context: boolean): number {
  if (typeof value === 'string') {
    const style = styleOf(value, context);
    if (style === PLAIN) return textAt(yaml, at, value) ? at + value.length : -1;
    if (style === SINGLE_QUOTED || style === DOUBLE_QUOTED) {
      const quote = style === SINGLE_QUOTED ? 0x27 : 0x22;
      const end = at + 1 + value.length;
      return yaml.charCodeAt(at) === quote && textAt(yaml, at + 1, value) && yaml.charCodeAt(end) === quote ? end + 1 : -1;
    }
    if (style === BLOCK) return LEFT_TO_LIBRARY;
  }
  const rendered = scalarText(value, context);
  if (rendered === undefined) return LEFT_TO_LIBRARY;
  return textAt(yaml, at, rendered) ? at + rendered.length : -1;
}

/** `yaml.startsWith(text, at)`, a character at a time: several times quicker on a long YAML text of two-byte characters. */
function textAt(yaml: string, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (yaml.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
  return true;
}

function indexById(annotations: readonly StoredAnnotation[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < annotations.length; i++) index.set(annotations[i]!.id, i);
  return index;
}

/** An annotation as a list entry, `  - id: …` and a line per field after; undefined for a value left to the library. */
function annotationText(a: StoredAnnotation): string | undefined {
  const values = fieldValues(a);
  let text = '';
  for (let f = 0; f < values.length; f++) {
    const value = values[f];
    if (value === undefined) continue;
    const rendered = scalarText(value, IS_CONTEXT[f]!);
    if (rendered === undefined) return undefined;
    text += (text === '' ? FIRST_LINE_STARTS[f]! : LINE_STARTS[f]!) + rendered + '\n';
  }
  return text;
}

/** Each field's line up to its value, the first of an entry's and the others; whether it is text from the article. */
const FIRST_LINE_STARTS = FIELDS.map((key) => `  - ${key}: `);
const LINE_STARTS = FIELDS.map((key) => `    ${key}: `);
const IS_CONTEXT = FIELDS.map((key) => CONTEXT_FIELDS.has(key));

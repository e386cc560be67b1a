import { checkSidecar, MAX_SIDECAR_BYTES, valuesOf, type Fields, type ParseOptions, type SidecarValues } from './parse';

/**
 * Reads a sidecar written in the shape the extension writes — block mappings and the
 * list of annotations, each value on its key's line (plain, single- or double-quoted)
 * or a double-quoted or literal block (`|`) scalar over the lines after — a line at a
 * time, without the YAML library, which reads ~2 MB/s (over a second for 10,000
 * annotations; this takes ~0.1 s). Anything else it declines, returning undefined, and
 * the caller parses with the library: flow collections (but `[]`), anchors, aliases,
 * tags, folded scalars, plain scalars over several lines, a comment after a value,
 * directives, tabs, CR, characters YAML treats apart, numbers other than plain whole
 * ones, and any sidecar that fails its checks (the library's parse then says where).
 * What it accepts, it reads to the values the library reads: property-tested against
 * it, on sidecars of tricky strings and after random hand edits.
 */
export function readPlainSidecar(yaml: string, opts: ParseOptions = {}): SidecarValues | undefined {
  // Over the size limit, the library's parse says so (and reads nothing).
  if (yaml.length > MAX_SIDECAR_BYTES || !readableCharacters(yaml)) return undefined;
  const root = new Mapping();
  const list: Mapping[] = [];
  /** A top-level key with nothing after its colon: a list may follow, or nothing (null). */
  let opened: string | undefined;
  let inList = false;
  let item: Mapping | undefined;
  let itemIndent = -1;
  const n = yaml.length;
  for (let lineStart = 0; lineStart < n; ) {
    let lineEnd = yaml.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let at = lineStart;
    while (at < lineEnd && yaml.charCodeAt(at) === SPACE) at++;
    const indent = at - lineStart;
    const first = yaml.charCodeAt(at);
    if (at === lineEnd || first === HASH) {
      // blank, or a comment on a line of its own
    } else if (first === DASH && yaml.charCodeAt(at + 1) === SPACE) {
      // `- key: value`: an annotation starts
      if (opened === 'annotations') {
        root.set(opened, list);
        opened = undefined;
        inList = true;
        itemIndent = indent;
      } else if (!inList || indent !== itemIndent) return undefined;
      item = new Mapping();
      list.push(item);
      const end = readField(yaml, at + 2, lineEnd, indent + 2, item);
      if (typeof end !== 'number' || end < 0) return undefined;
      lineEnd = end;
    } else if (indent === 0) {
      if (opened !== undefined) root.set(opened, null); // `key:` with nothing under it
      opened = undefined;
      inList = false;
      item = undefined;
      const end = readField(yaml, at, lineEnd, 0, root);
      if (end === DECLINE) return undefined;
      if (typeof end === 'number') lineEnd = end;
      else opened = end.opened;
    } else if (inList && item !== undefined && indent === itemIndent + 2) {
      const end = readField(yaml, at, lineEnd, indent, item);
      if (typeof end !== 'number' || end < 0) return undefined;
      lineEnd = end;
    } else return undefined;
    lineStart = lineEnd + 1;
  }
  if (opened !== undefined) root.set(opened, null);
  if (root.size() === 0) return undefined;
  const annotations = root.value('annotations');
  if (annotations !== undefined && annotations !== null && annotations !== list && !isEmptyList(annotations)) return undefined;
  const checked = checkSidecar<null>(root, list, opts);
  return checked.ok ? valuesOf(checked) : undefined;
}

/**
 * A mapping read: its keys and values side by side in one array. An annotation has a
 * dozen fields; one array each, searched in order, allocates a fraction of a Map (the
 * collector's work was a fifth of a read).
 */
class Mapping implements Fields<null> {
  private readonly entries: unknown[] = [];

  value(key: string): unknown {
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.entries[i + 1];
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  private indexOf(key: string): number {
    const e = this.entries;
    for (let i = 0; i < e.length; i += 2) if (e[i] === key) return i;
    return -1;
  }

  place(): null {
    return null;
  }

  set(key: string, value: unknown): void {
    this.entries.push(key, value);
  }

  size(): number {
    return this.entries.length / 2;
  }
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;

/**
 * Characters after which the reader would have to know more YAML than it does: tabs, CR,
 * other control characters, C1 controls and NEL, line and paragraph separators, BOM and
 * non-characters; and unpaired surrogates (looked for only from the first surrogate on:
 * the look-behind makes that search several times slower).
 */
// eslint-disable-next-line no-control-regex
const DECLINED_ANYWHERE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const DECLINED_OR_SURROGATE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** No character the reader declines: one search in the usual case, where there are no surrogates either. */
export function readableCharacters(yaml: string): boolean {
  const at = yaml.search(DECLINED_OR_SURROGATE);
  if (at < 0) return true;
  const c = yaml.charCodeAt(at);
  if (c < 0xd800 || c > 0xdfff) return false;
  const rest = yaml.slice(at);
  return !DECLINED_ANYWHERE.test(rest) && !UNPAIRED_SURROGATE.test(rest);
}

const DECLINE = -1;

/**
 * Reads `key: value` starting at yaml[from], on a line ending at `lineEnd`, into `into`:
 * where the value's last line ends (a double-quoted value may go on over several), or
 * the key of a `key:` with nothing after it (not set), or DECLINE. `column` is the key's.
 */
function readField(yaml: string, from: number, lineEnd: number, column: number, into: Mapping): number | { opened: string } {
  const colon = yaml.indexOf(':', from);
  if (colon < 0 || colon >= lineEnd) return DECLINE;
  const key = knownKey(yaml, from, colon) ?? yaml.slice(from, colon);
  if (into.has(key) || (!KNOWN_KEYS.has(key) && scalar(key) !== key)) return DECLINE;
  let at = colon + 1;
  if (at < lineEnd && yaml.charCodeAt(at) !== SPACE) return DECLINE;
  while (at < lineEnd && yaml.charCodeAt(at) === SPACE) at++;
  if (at === lineEnd) return { opened: key };
  if (yaml.charCodeAt(at) === DOUBLE_QUOTE) {
    const close = closingQuote(yaml, at + 1);
    if (close < 0) return DECLINE;
    let end = yaml.indexOf('\n', close);
    if (end < 0) end = yaml.length;
    for (let i = close + 1; i < end; i++) if (yaml.charCodeAt(i) !== SPACE) return DECLINE; // a comment after it, or more
    const value = close < lineEnd ? decodeDoubleQuoted(yaml.slice(at + 1, close)) : foldDoubleQuoted(yaml.slice(at + 1, close), column + 1);
    if (value === undefined) return DECLINE;
    into.set(key, value);
    return end;
  }
  if (yaml.charCodeAt(at) === PIPE) return readLiteral(yaml, at, lineEnd, column, key, into);
  const value = scalar(yaml.slice(at, lineEnd));
  if (value === UNSURE) return DECLINE;
  into.set(key, value);
  return lineEnd;
}

const PIPE = 0x7c;

/**
 * A literal block scalar, `|`, `|-` or `|+` alone after the key (how a note over several
 * lines is written): its lines, indented as the first of them is (more than the key),
 * the line breaks kept; at the end `|` keeps one, `|-` none, `|+` all. Declined: other
 * headers, no line of words, a blank line before the first that is indented further, a
 * blank line with spaces beyond the indentation.
 */
function readLiteral(yaml: string, at: number, lineEnd: number, column: number, key: string, into: Mapping): number {
  const header = yaml.slice(at, lineEnd).replace(/ +$/, '');
  if (header !== '|' && header !== '|-' && header !== '|+') return DECLINE;
  const lines: string[] = [];
  let lastWords = -1;
  let indent = -1;
  let longestBlank = 0;
  let end = lineEnd;
  for (let lineStart = lineEnd + 1; lineStart < yaml.length; ) {
    let next = yaml.indexOf('\n', lineStart);
    if (next < 0) next = yaml.length;
    let i = lineStart;
    while (i < next && yaml.charCodeAt(i) === SPACE) i++;
    const spaces = i - lineStart;
    if (i === next) {
      if (indent >= 0 && spaces > indent) return DECLINE; // spaces that are content
      longestBlank = Math.max(longestBlank, spaces);
      lines.push('');
    } else {
      if (indent < 0) {
        if (spaces <= column || spaces < longestBlank) return DECLINE;
        indent = spaces;
      } else if (spaces < indent) break;
      lines.push(yaml.slice(lineStart + indent, next));
      lastWords = lines.length - 1;
      end = next;
    }
    lineStart = next + 1;
  }
  // No line of words, or the file's end right after one (its line break may be missing): the library says.
  if (indent < 0 || end === yaml.length) return DECLINE;
  const body = lines.slice(0, lastWords + 1).join('\n');
  into.set(key, header === '|-' ? body : header === '|' ? body + '\n' : body + '\n'.repeat(lines.length - lastWords));
  return end;
}

const DOUBLE_QUOTE = 0x22;

const KNOWN_KEYS = new Set(['version', 'source', 'textHash', 'annotations', 'id', 'kind', 'start', 'end', 'exact', 'prefix', 'suffix', 'entity', 'name', 'quoteKind', 'speaker', 'speakerEntity', 'status', 'note', 'from', 'to']);
/** The known keys by first letter, so a key the extension writes is matched, not cut out and hashed anew. */
const KNOWN_BY_FIRST = new Map<number, string[]>();
for (const k of KNOWN_KEYS) KNOWN_BY_FIRST.set(k.charCodeAt(0), [...(KNOWN_BY_FIRST.get(k.charCodeAt(0)) ?? []), k]);

function knownKey(yaml: string, from: number, colon: number): string | undefined {
  const candidates = KNOWN_BY_FIRST.get(yaml.charCodeAt(from));
  if (candidates === undefined) return undefined;
  for (const k of candidates) if (k.length === colon - from && yaml.startsWith(k, from)) return k;
  return undefined;
}

/** The first `"` from `from` on that no backslash escapes, or -1. */
function closingQuote(yaml: string, from: number): number {
  for (let q = yaml.indexOf('"', from); q >= 0; q = yaml.indexOf('"', q + 1)) {
    let slashes = 0;
    while (yaml.charCodeAt(q - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return q;
  }
  return -1;
}

/** YAML's escapes in double quotes, as the library reads them (`\x`, `\u`, `\U` apart). */
const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\' };
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.)|$)/g;

/** One line of a double-quoted scalar, its escapes read; undefined for an escape YAML does not have (or a line break escaped). */
export function decodeDoubleQuoted(inner: string): string | undefined {
  if (inner.indexOf('\\') < 0) return inner;
  let bad = false;
  const out = inner.replace(ESCAPE, (_, x?: string, u?: string, U?: string, c?: string) => {
    const hex = x ?? u ?? U;
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) bad = true;
      return bad ? '' : String.fromCodePoint(code);
    }
    const known = c === undefined ? undefined : ESCAPES[c];
    if (known === undefined) bad = true;
    return known ?? '';
  });
  return bad ? undefined : out;
}

/**
 * A double-quoted scalar over several lines, folded as YAML folds it: spaces around each
 * line break go; a break between two lines with words becomes a space, and n blank lines
 * between them n line breaks. Every line after the first must be indented at least
 * `minIndent` (a blank one may not be). A line ending in a backslash is declined.
 */
function foldDoubleQuoted(inner: string, minIndent: number): string | undefined {
  const lines = inner.split('\n');
  let out = decodeDoubleQuoted(lines[0]!.replace(/ +$/, ''));
  if (out === undefined) return undefined;
  let blank = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const last = i === lines.length - 1;
    let indent = 0;
    while (line.charCodeAt(indent) === SPACE) indent++; // spaces only: YAML keeps a no-break space, which trimStart would drop
    if (!last && indent === line.length) {
      blank++;
      continue;
    }
    if (indent < minIndent) return undefined;
    const words = decodeDoubleQuoted(last ? line.slice(indent) : line.slice(indent).replace(/ +$/, ''));
    if (words === undefined) return undefined;
    out += (blank === 0 ? ' ' : '\n'.repeat(blank)) + words;
    blank = 0;
  }
  return out;
}

const UNSURE = Symbol('unsure');

// The core schema's forms (YAML 1.2), as the library resolves plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const MAY_BE_NULL_OR_BOOL = /^[nNtTfF]/;
const WHOLE = /^(?:0|[1-9][0-9]{0,14})$/;
/** Other numbers (signed, octal, hex, floats, infinities): read by the library. */
const OTHER_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** A plain scalar cannot start with these, nor with `-`, `?` or `:` before a space. */
const INDICATOR_FIRST = /^(?:[,[\]{}#&*!|>%@`"']|[-?:](?: |$))/;

/** One value on its line, as the core schema reads it; UNSURE when the library must say. */
function scalar(raw: string): unknown {
  const first = raw.charCodeAt(0);
  if (raw === '' || first === SPACE) return UNSURE;
  if (raw === '[]') return []; // how an empty list is written
  if (first === 0x27) {
    const end = raw.length - 1;
    if (end < 1 || raw.charCodeAt(end) !== 0x27) return UNSURE;
    const inner = raw.slice(1, end);
    if (!/^(?:[^']|'')*$/.test(inner)) return UNSURE;
    return inner.replace(/''/g, "'");
  }
  // Most values start with a letter: no indicator, and only n, t, f can begin a null or a boolean.
  const letter = (first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a);
  if (!letter && INDICATOR_FIRST.test(raw)) return UNSURE;
  if (raw.includes(': ') || raw.includes(' #') || raw.charCodeAt(raw.length - 1) === COLON || raw.charCodeAt(raw.length - 1) === SPACE) return UNSURE;
  if (letter && !MAY_BE_NULL_OR_BOOL.test(raw)) return raw;
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (WHOLE.test(raw)) return Number(raw);
  if (OTHER_NUMBER.test(raw)) return UNSURE;
  return raw;
}

/**
 * How the `yaml` library writes a scalar after its key, worked out without it: the plain
 * writer renders values by this, and the reader of sidecars as written checks by it
 * that a value stands as the writer would have put it.
 */
/**
 * A value as the library writes it after its key: null, whole numbers, and strings
 * plain, single- or double-quoted as it chooses; undefined for what it would write as a
 * block scalar, or otherwise than these. `context`: text from the article, double-quoted
 * when it spans lines.
 */
export function scalarText(value: unknown, context: boolean): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  switch (styleOf(value, context)) {
    case PLAIN:
      return value;
    case SINGLE_QUOTED:
      return `'${value}'`;
    case DOUBLE_QUOTED:
      return `"${value}"`;
    case ESCAPED:
      return doubleQuoted(value);
    default:
      return undefined;
  }
}

// How the library writes a string after its key: plain; in quotes around it as it is; double-quoted with escapes; or as a block (left to it).
export const PLAIN = 0;
export const SINGLE_QUOTED = 1;
export const DOUBLE_QUOTED = 2;
export const ESCAPED = 3;
export const BLOCK = 4;

/** How the library writes `value` (`context`: text from the article, double-quoted when it spans lines). */
export function styleOf(value: string, context: boolean): number {
  let lineBreak = false;
  let doubleQuote = false;
  let singleQuote = false;
  let escaped = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x0a) lineBreak = true;
      else if (c === 0x09) escaped = true;
      else return ESCAPED; // control characters: double quotes, whatever else
    } else if (c === 0x22) doubleQuote = true;
    else if (c === 0x27) singleQuote = true;
    else if (c === 0x5c) escaped = true;
    else if (c >= 0x7f && c <= 0x9f) return ESCAPED;
    else if (c >= 0xd800 && c <= 0xdfff) {
      // An unpaired surrogate, too.
      const next = value.charCodeAt(i + 1);
      if (c >= 0xdc00 || !(next >= 0xdc00 && next <= 0xdfff)) return ESCAPED;
      i++;
    }
  }
  if (lineBreak) return context ? ESCAPED : BLOCK;
  if (!NOT_PLAIN.test(value) && !(MAY_READ_AS_OTHER_TYPE.test(value) && OTHER_TYPE.test(value))) return PLAIN;
  // Quoted: single quotes when that spares escaping a double quote; double quotes as they are when JSON escapes nothing.
  if (doubleQuote && !singleQuote) return SINGLE_QUOTED;
  return doubleQuote || escaped ? ESCAPED : DOUBLE_QUOTED;
}

// The library's rules for a plain value on one line: YAML's indicators, `: `, ` #`, spaces at the ends.
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][\t ]|:[\t ]|[\t ]#|[\t :]$/;
/** What the core schema reads as null, a boolean or a number, written plain. */
const OTHER_TYPE =
  /^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** How each of those starts: most values are spared the longer test. */
const MAY_READ_AS_OTHER_TYPE = /^(?:$|[~nNtTfF0-9+.-])/;

/** JSON's escapes that YAML writes shorter; the rest of `\u00XX` as `\xXX`. */
const SHORT_ESCAPES: Record<string, string> = { '00': '\\0', '07': '\\a', '0b': '\\v', '1b': '\\e' };
/** An escape in JSON (taken whole, so `\\u…` is never read as `\u…`), or a space before an escaped line break. */
const JSON_ESCAPE = /\\(?:u00([0-9a-f]{2})|.)| (?=\\n)/g;

/** Double-quoted as the library writes it on one line: JSON's escapes, a few shorter, and a space before `\n` escaped (YAML would fold it away). */
export function doubleQuoted(value: string): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\u') && !json.includes(' \\n')) return json;
  return json.replace(JSON_ESCAPE, (escape: string, hex: string | undefined) => (escape === ' ' ? '\\ ' : hex === undefined ? escape : (SHORT_ESCAPES[hex] ?? `\\x${hex}`)));
}

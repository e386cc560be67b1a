/** Removes diacritics so "Erdoğan" and "Erdogan" compare equal. Letters without a decomposition stay. */
export function foldDiacritics(s: string): string {
  // Fast path: pure ASCII needs no work.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/ß/g, 'ss')
    .normalize('NFC');
}

/** Key for comparing names loosely: folded, lower-case, apostrophes and dashes as spaces. */
export function nameKey(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[‐-―'’`.-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

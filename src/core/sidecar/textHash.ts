/**
 * A 64-bit fingerprint of a text (two 32-bit FNV-1a lanes over UTF-16 units), written
 * as `fnv64:` and 16 hex digits. Pure JavaScript, so it runs in a browser worker too; it
 * detects change, it does not defend against tampering.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `fnv64:${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

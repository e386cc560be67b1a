import { readFileSync, statSync } from 'node:fs';
import { decodeText } from '../core/text/decode';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a text file for annotation, refusing what is not UTF-8 text with a reason. */
export function readTextFile(path: string): ReadResult {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(e)})` };
  }
  if (stat.isDirectory()) return { ok: false, message: `${path}: is a directory (use -r to annotate every .txt file inside it)` };
  if (!stat.isFile()) return { ok: false, message: `${path}: not a regular file` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, message: `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, message: `${path}: ${decoded.message}` };
  return { ok: true, text: decoded.text };
}

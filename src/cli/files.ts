import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** Files as named; with `recursive`, folders become the .txt files below them, sorted. */
export function expandPaths(paths: string[], recursive: boolean): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // reported when the file is read
    }
    if (isDir && recursive) for (const f of walk(p)) out.push(f);
    else out.push(p);
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const f of walk(path)) out.push(f);
    else if (entry.isFile() && entry.name.endsWith('.txt')) out.push(path);
  }
  return out;
}

/** A path as the user would like to read it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

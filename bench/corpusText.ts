import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The corpus's articles, by file name. */
export function corpusArticles(corpusDir: string): { file: string; text: string }[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(corpusDir, file), 'utf8') }));
}

/**
 * The articles joined by blank lines and repeated to `size` characters, as one flat
 * string, the kind a caller of the recogniser has: a file decoded (the command line, the
 * workers) or an editor document's lines joined. (A slice of the repeated text would be
 * a sliced string, every character read through its parent, recognised ~15–20 % slower.)
 * Joined from the pieces, it is built without a copy of the whole beside it.
 */
export function corpusOfSize(articles: readonly string[], size: number): string {
  const base = articles.join('\n\n');
  const pieces: string[] = [];
  let length = 0;
  for (let k = 0; length < size; k++) {
    const piece = k === 0 ? base : '\n\n' + base;
    const take = Math.min(piece.length, size - length);
    pieces.push(take === piece.length ? piece : piece.slice(0, take));
    length += take;
  }
  return pieces.join('');
}

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
 * The articles joined by blank lines and repeated to `size` characters, as the flat
 * string a caller of the recogniser has: a file decoded from UTF-8 (the command line, the
 * workers) or an editor document's lines joined. A slice of the repeated text would be a
 * sliced string, every character read through its parent, and recognised ~15–20 % slower
 * than any of those.
 */
export function corpusOfSize(articles: readonly string[], size: number): string {
  const base = articles.join('\n\n');
  let text = base;
  while (text.length < size) text += '\n\n' + base;
  return new TextDecoder().decode(new TextEncoder().encode(text.slice(0, size)));
}

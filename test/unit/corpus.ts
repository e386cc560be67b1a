import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The shared corpus beside the project (tests read it there; it is never copied in). */
export const CORPUS_DIR = join(__dirname, '..', '..', '..', 'shared', 'corpus');

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function corpusText(prefix: string): string {
  const name = corpusFiles().find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no corpus article starting with ${prefix}`);
  return readFileSync(join(CORPUS_DIR, name), 'utf8').replace(/^\uFEFF/, '');
}

/** The line of a corpus article that contains `needle` — a real sentence to test on. */
export function corpusLine(prefix: string, needle: string): string {
  const line = corpusText(prefix).split('\n').find((l) => l.includes(needle));
  if (!line) throw new Error(`no line with “${needle}” in corpus article ${prefix}`);
  return line;
}

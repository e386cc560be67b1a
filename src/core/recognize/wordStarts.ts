import { escapeRegExp } from './fold';
import { charKind, LETTER } from './paragraphs';

/**
 * Where one of a few short words starts in a text — after no letter, followed by a space
 * or no-break space — found a block of text at a time when first asked about, then kept.
 * A search over a long stretch (a sentence before a quote that never ends, as in minified
 * JSON) then visits those places only, instead of every character once per quote.
 */
export class WordStarts {
  private readonly blocks = new Map<number, Int32Array>();
  private readonly pattern: RegExp;
  /** The longest word and its blank. */
  private readonly longest: number;

  constructor(
    private readonly text: string,
    words: readonly string[],
  ) {
    this.pattern = new RegExp(`(?:${words.map(escapeRegExp).join('|')})[ \\u00a0]`, 'g');
    this.longest = Math.max(...words.map((w) => w.length)) + 1;
  }

  /** The first start in (from, to) that `accept` takes, or -1. */
  firstIn(from: number, to: number, accept: (at: number) => boolean): number {
    for (let b = Math.floor(from / BLOCK); b * BLOCK < to; b++) {
      for (const at of this.block(b)) {
        if (at <= from) continue;
        if (at >= to) return -1;
        if (accept(at)) return at;
      }
    }
    return -1;
  }

  private block(b: number): Int32Array {
    let starts = this.blocks.get(b);
    if (starts) return starts;
    const { text, pattern } = this;
    const start = b * BLOCK;
    // The block and what a word starting in it may run into; searched alone, so that a
    // text without a match does not cost a search to its end per block.
    const block = text.slice(start, start + BLOCK + this.longest);
    const found: number[] = [];
    pattern.lastIndex = 0;
    // A match never hides a start: inside one, every place follows a letter or is the blank.
    for (let m = pattern.exec(block); m && m.index < BLOCK; m = pattern.exec(block)) {
      const at = start + m.index;
      if (at === 0 || !(charKind(text.charCodeAt(at - 1)) & LETTER)) found.push(at);
    }
    this.blocks.set(b, (starts = Int32Array.from(found)));
    return starts;
  }
}

const BLOCK = 4096;

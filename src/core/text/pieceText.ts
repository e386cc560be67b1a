/**
 * A long text kept as flat pieces, so that an edit copies one piece and not the whole
 * text: V8 copies a concatenated string whole (20 MB for 10 M UTF-16 units) the first
 * time anything reads it. Reading a stretch joins only the pieces it spans.
 */
export class PieceText {
  private pieces: string[] = [];
  /** starts[i] is where piece i begins; the last entry is the length. */
  private starts: number[] = [];
  private whole: string | undefined;

  constructor(text: string) {
    this.reset(text);
  }

  get length(): number {
    return this.starts[this.starts.length - 1]!;
  }

  /** text[from, to) as one flat string. */
  slice(from: number, to: number): string {
    from = Math.max(0, from);
    to = Math.min(this.length, to);
    if (this.whole !== undefined) return this.whole.slice(from, to);
    if (from >= to) return '';
    let i = this.pieceAt(from);
    const parts: string[] = [];
    for (; i < this.pieces.length && this.starts[i]! < to; i++) {
      const s = this.starts[i]!;
      const piece = this.pieces[i]!;
      parts.push(from <= s && s + piece.length <= to ? piece : piece.slice(Math.max(0, from - s), to - s));
    }
    return parts.join('');
  }

  /** Replaces text[at, at + removed) by `inserted`. */
  edit(at: number, removed: number, inserted: string): void {
    if (this.whole !== undefined && this.whole.length <= PIECE) {
      this.reset(this.whole.slice(0, at) + inserted + this.whole.slice(at + removed));
      return;
    }
    this.whole = undefined;
    const i = this.pieceAt(at);
    const j = this.pieceAt(Math.max(at, at + removed - 1));
    const head = this.pieces[i]!.slice(0, at - this.starts[i]!);
    const tail = this.pieces[j]!.slice(at + removed - this.starts[j]!);
    const merged = [head, inserted, tail].join('');
    // A piece grown past twice the size is cut again, so pieces stay cheap to copy.
    const replacement = merged.length <= 2 * PIECE ? [merged] : cut(merged);
    this.pieces.splice(i, j - i + 1, ...replacement);
    this.starts.length = i + 1;
    for (let k = i; k < this.pieces.length; k++) this.starts.push(this.starts[k]! + this.pieces[k]!.length);
  }

  /** The whole text, joined once and kept until the next edit. */
  toString(): string {
    if (this.whole === undefined) this.reset(this.pieces.join(''));
    return this.whole!;
  }

  private reset(text: string): void {
    this.whole = text;
    this.pieces = cut(text);
    this.starts = [0];
    for (const piece of this.pieces) this.starts.push(this.starts[this.starts.length - 1]! + piece.length);
  }

  /** The piece holding offset `at` (the last piece for the end of the text). */
  private pieceAt(at: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** `text` in pieces of PIECE units (one empty piece for an empty text). */
function cut(text: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < text.length; k += PIECE) out.push(text.slice(k, k + PIECE));
  return out.length ? out : [''];
}

/** Piece size in UTF-16 units: an edit copies about this much. */
const PIECE = 32 * 1024;

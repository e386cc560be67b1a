/** What reading a text around given offsets needs: a string, or a text kept in pieces. */
export interface TextLike {
  readonly length: number;
  charCodeAt(i: number): number;
  slice(from: number, to: number): string;
}

/**
 * A long text kept as flat pieces, so that an edit copies one piece and not the whole
 * text: V8 copies a concatenated string whole (20 MB for 10 M UTF-16 units) the first
 * time anything reads it. Reading a stretch joins only the pieces it spans.
 *
 * With `endsPiece`, a piece ends only right after a character it accepts (or at the end
 * of the text), so that what never spans such a character can be worked out piece by
 * piece and kept with its piece until an edit replaces it (see `edit`'s answer).
 */
export class PieceText {
  private pieces: string[] = [];
  /** starts[i] is where piece i begins; the last entry is the length. */
  private starts: number[] = [];
  private whole: string | undefined;
  private readonly size: number;
  private readonly endsPiece: ((code: number) => boolean) | undefined;

  constructor(text: string, options: { pieceSize?: number; endsPiece?: (code: number) => boolean } = {}) {
    this.size = options.pieceSize ?? PIECE;
    this.endsPiece = options.endsPiece;
    this.reset(text);
  }

  /** A text already in flat pieces (read a stretch at a time, say), kept as they are: none is joined. */
  static of(pieces: readonly string[]): PieceText {
    const t = new PieceText('');
    t.pieces = pieces.length > 0 ? [...pieces] : [''];
    t.starts = [0];
    for (const piece of t.pieces) t.starts.push(t.starts[t.starts.length - 1]! + piece.length);
    t.whole = t.pieces.length === 1 ? t.pieces[0] : undefined;
    return t;
  }

  /** The pieces, in order: the text is their concatenation. */
  get allPieces(): readonly string[] {
    return this.pieces;
  }

  /** The unit at `i`, as a string's charCodeAt answers (NaN outside the text). */
  charCodeAt(i: number): number {
    if (this.whole !== undefined) return this.whole.charCodeAt(i);
    if (i < 0 || i >= this.length) return NaN;
    const k = this.pieceAt(i);
    return this.pieces[k]!.charCodeAt(i - this.starts[k]!);
  }

  get length(): number {
    return this.starts[this.starts.length - 1]!;
  }

  get pieceCount(): number {
    return this.pieces.length;
  }

  piece(i: number): string {
    return this.pieces[i]!;
  }

  /** Where piece `i` begins (the length for i = pieceCount). */
  pieceStart(i: number): number {
    return this.starts[i]!;
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

  /**
   * Replaces text[at, at + removed) by `inserted`. Returns which pieces changed: pieces
   * [first, first + removed) were replaced by pieces [first, first + added); those after
   * are the same strings, moved by the edit's length.
   */
  edit(at: number, removed: number, inserted: string): { first: number; removed: number; added: number } {
    const before = this.pieces.length;
    if (this.whole !== undefined && this.whole.length <= this.size) {
      this.reset(this.whole.slice(0, at) + inserted + this.whole.slice(at + removed));
      return { first: 0, removed: before, added: this.pieces.length };
    }
    this.whole = undefined;
    const i = this.pieceAt(at);
    let j = this.pieceAt(Math.max(at, at + removed - 1));
    const head = this.pieces[i]!.slice(0, at - this.starts[i]!);
    const tail = this.pieces[j]!.slice(at + removed - this.starts[j]!);
    let merged = [head, inserted, tail].join('');
    // A piece must still end where endsPiece allows (an empty one never does): else it takes in the next.
    while (this.endsPiece && j + 1 < this.pieces.length && !(merged.length > 0 && this.endsPiece(merged.charCodeAt(merged.length - 1)))) merged += this.pieces[++j]!;
    // A piece grown past twice the size is cut again, so pieces stay cheap to copy.
    const replacement = merged.length <= 2 * this.size ? [merged] : this.cut(merged);
    this.pieces.splice(i, j - i + 1, ...replacement);
    this.starts.length = i + 1;
    for (let k = i; k < this.pieces.length; k++) this.starts.push(this.starts[k]! + this.pieces[k]!.length);
    return { first: i, removed: j - i + 1, added: replacement.length };
  }

  /** The whole text, joined once and kept until the next edit (the pieces become slices of it, cut where they were). */
  toString(): string {
    if (this.whole === undefined) {
      const whole = this.pieces.join('');
      this.whole = whole;
      this.pieces = this.pieces.map((_, k) => whole.slice(this.starts[k], this.starts[k + 1]));
    }
    return this.whole;
  }

  private reset(text: string): void {
    this.whole = text;
    this.pieces = this.cut(text);
    this.starts = [0];
    for (const piece of this.pieces) this.starts.push(this.starts[this.starts.length - 1]! + piece.length);
  }

  /** `text` in pieces of about `size` units (one empty piece for an empty text). */
  private cut(text: string): string[] {
    const out: string[] = [];
    const n = text.length;
    for (let k = 0; k < n; ) {
      let end = Math.min(n, k + this.size);
      if (this.endsPiece && end < n) {
        // The first place at or past the size where a piece may end: most often a line's end.
        const line = this.endsPiece(0x0a) ? text.indexOf('\n', end - 1) : -1;
        if (line >= 0 && line < end + this.size) end = line + 1;
        else {
          let e = end - 1;
          while (e < n && !this.endsPiece(text.charCodeAt(e))) e++;
          end = Math.min(n, e + 1);
        }
      }
      out.push(text.slice(k, end));
      k = end;
    }
    return out.length ? out : [''];
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

/** Piece size in UTF-16 units: an edit copies about this much. */
const PIECE = 32 * 1024;

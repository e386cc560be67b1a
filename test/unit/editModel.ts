import fc from 'fast-check';
import { makeAnnotation, type StoredAnnotation } from '../../src/core/sidecar/index';
import { CodePointMap } from '../../src/core/text/offsets';

/** One realistic edit, described against the text as it is when the edit applies. */
export type Edit =
  | { op: 'type'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replaceWord'; at: number; text: string }
  | { op: 'typo'; annotation: number; at: number; char: string }
  | { op: 'moveParagraph'; from: number; to: number }
  | { op: 'duplicateParagraph'; from: number; to: number }
  | { op: 'insertRepeat'; annotation: number; at: number };

export interface Annotated {
  stored: StoredAnnotation;
  start16: number;
  end16: number;
}

/** Annotations on up to `max` capitalised words (and names) of a text, spread over it. */
export function annotateCapitalisedWords(text: string, max: number): Annotated[] {
  const map = new CodePointMap(text);
  const all = [...text.matchAll(/\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+)*/gu)];
  const step = Math.max(1, Math.floor(all.length / max));
  const out: Annotated[] = [];
  for (let i = 0; i < all.length && out.length < max; i += step) {
    const m = all[i]!;
    const start16 = m.index!;
    const end16 = start16 + m[0].length;
    out.push({ stored: makeAnnotation(text, map, start16, end16, { kind: 'person', status: 'accepted', id: `a${i}` }), start16, end16 });
  }
  return out;
}

const words = fc.constantFrom('the ', 'Putin ', 'Moscow ', 'said ', 'Russia ', 'a ', 'war ', 'Central Asia ', '“respect” ', ', ', '. ');

export function randomEdits(text: string, annotated: Annotated[]): fc.Arbitrary<Edit[]> {
  const n = text.length;
  const k = annotated.length;
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ op: fc.constant('type' as const), at: fc.nat(n), text: fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join('')) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(n), length: fc.integer({ min: 1, max: 25 }) }),
    fc.record({ op: fc.constant('replaceWord' as const), at: fc.nat(n), text: words }),
    fc.record({ op: fc.constant('typo' as const), annotation: fc.nat(Math.max(0, k - 1)), at: fc.nat(30), char: fc.constantFrom('x', 'e', 'kh', '') }),
    fc.record({ op: fc.constant('moveParagraph' as const), from: fc.nat(60), to: fc.nat(60) }),
    fc.record({ op: fc.constant('duplicateParagraph' as const), from: fc.nat(60), to: fc.nat(60) }),
    fc.record({ op: fc.constant('insertRepeat' as const), annotation: fc.nat(Math.max(0, k - 1)), at: fc.nat(60) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 8 });
}

/**
 * A text whose every character remembers where it came from, so that after any edits the
 * true place of an original span is known: the surviving characters of it.
 */
export class TrackedText {
  private chars: string[];
  private ids: number[];
  private next: number;
  /** For an inserted character: what it replaced, and its neighbours when it was inserted. */
  private readonly origin = new Map<number, { removed: number[]; left: number | undefined; right: number | undefined }>();
  /** For a character of a duplicated paragraph: the character it copies. */
  private readonly copyOf = new Map<number, number>();

  constructor(text: string) {
    this.chars = [...text.split('')];
    this.ids = this.chars.map((_, i) => i);
    this.next = text.length;
    this.originalLength = text.length;
  }

  private readonly originalLength: number;

  get text(): string {
    return this.chars.join('');
  }

  /**
   * Where the original UTF-16 span [start, end) is now; undefined when none of it is
   * left. Text typed strictly inside the span, or replacing only characters of it, is
   * part of it (a typo fixed in a name); text at its edges is not.
   */
  spanOf(start: number, end: number): { start: number; end: number } | undefined {
    const member = this.memberOf(start, end);
    let first = -1;
    let last = -1;
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i]!;
      if (member(id)) {
        if (first < 0) first = i;
        last = i;
      }
    }
    return first < 0 ? undefined : { start: first, end: last + 1 };
  }

  /**
   * Whether `placed` is `truth` grown only over letters typed right at its edges: the word
   * the user extended ("Hess" → "Hessa"), which re-anchoring takes whole, as it does a
   * name whose last letter was added ("Tokaye" → "Tokayev").
   */
  grownByTypedLetters(placed: { start: number; end: number }, truth: { start: number; end: number }): boolean {
    if (placed.start > truth.start || placed.end < truth.end) return false;
    const typedLetter = (i: number) => this.ids[i]! >= this.originalLength && !this.copyOf.has(this.ids[i]!) && /\p{L}/u.test(this.chars[i]!);
    for (let i = placed.start; i < truth.start; i++) if (!typedLetter(i)) return false;
    for (let i = truth.end; i < placed.end; i++) if (!typedLetter(i)) return false;
    return true;
  }

  /** Whether a character is part of the original span [start, end), as `spanOf` counts. */
  private memberOf(start: number, end: number): (id: number | undefined) => boolean {
    const memo = new Map<number, boolean>();
    const member = (id: number | undefined): boolean => {
      if (id === undefined) return false;
      if (id < this.originalLength) return id >= start && id < end;
      const known = memo.get(id);
      if (known !== undefined) return known;
      const o = this.origin.get(id)!;
      const r = o.removed.length > 0 ? o.removed.every(member) : member(o.left) && member(o.right);
      memo.set(id, r);
      return r;
    };
    return member;
  }

  /**
   * Where copies (by duplicated paragraphs) of the original span [start, end) are now,
   * with whatever was typed into it before it was copied (a typo copied along).
   */
  copiesOf(start: number, end: number): { start: number; end: number }[] {
    const member = this.memberOf(start, end);
    const root = (id: number): number => {
      let r = id;
      for (let c = this.copyOf.get(r); c !== undefined; c = this.copyOf.get(r)) r = c;
      return r;
    };
    const out: { start: number; end: number }[] = [];
    let run: { start: number; end: number } | undefined;
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i]!;
      const r = root(id);
      const isCopy = r !== id && member(r);
      if (isCopy) {
        if (run && run.end === i) run.end = i + 1;
        else out.push((run = { start: i, end: i + 1 }));
      }
    }
    return out;
  }

  /** Applies an edit and returns it as the content changes an editor would report. */
  apply(e: Edit, annotated?: Annotated[]): { rangeOffset: number; rangeLength: number; text: string }[] {
    const len = this.chars.length;
    const paragraphs = this.paragraphStarts();
    const para = (i: number) => {
      const p = paragraphs[i % paragraphs.length]!;
      return p;
    };
    switch (e.op) {
      case 'type':
        return [this.splice(Math.min(e.at, len), 0, e.text)];
      case 'delete': {
        const at = Math.min(e.at, len);
        return [this.splice(at, Math.min(e.length, len - at), '')];
      }
      case 'replaceWord': {
        const at = Math.min(e.at, len);
        let s = at;
        while (s > 0 && /\S/.test(this.chars[s - 1]!)) s--;
        let t = at;
        while (t < len && /\S/.test(this.chars[t]!)) t++;
        return [this.splice(s, t - s, e.text.trimEnd())];
      }
      case 'typo': {
        // A character changed inside an annotated name, wherever that name is now.
        const target = annotated?.[e.annotation];
        const span = target ? this.spanOf(target.start16, target.end16) : undefined;
        const where = span ? span.start + (e.at % Math.max(1, span.end - span.start)) : Math.min(e.at, len);
        return [this.splice(where, where < len ? 1 : 0, e.char)];
      }
      case 'moveParagraph': {
        const p = para(e.from);
        const text = this.chars.slice(p.start, p.end).join('');
        const ids = this.ids.slice(p.start, p.end);
        const del = this.splice(p.start, p.end - p.start, '');
        const dest = this.paragraphStarts()[e.to % this.paragraphStarts().length]!.start;
        const ins = this.splice(dest, 0, text, ids);
        return [del, ins];
      }
      case 'duplicateParagraph': {
        const p = para(e.from);
        const text = this.chars.slice(p.start, p.end).join('');
        const sources = this.ids.slice(p.start, p.end);
        const first = this.next;
        const change = this.splice(para(e.to).start, 0, text);
        sources.forEach((id, k) => this.copyOf.set(first + k, id));
        return [change];
      }
      case 'insertRepeat': {
        const target = annotated?.[e.annotation];
        const name = target ? target.stored.exact : 'Putin';
        return [this.splice(para(e.at).start, 0, `A new paragraph mentions ${name} again.\n`)];
      }
    }
  }

  private paragraphStarts(): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    let start = 0;
    for (let i = 0; i < this.chars.length; i++) {
      if (this.chars[i] === '\n') {
        out.push({ start, end: i + 1 });
        start = i + 1;
      }
    }
    if (start < this.chars.length || out.length === 0) out.push({ start, end: this.chars.length });
    return out;
  }

  /** Replaces [at, at+remove) by `text`; moved characters may keep their identities. */
  private splice(at: number, remove: number, text: string, keepIds?: number[]): { rangeOffset: number; rangeLength: number; text: string } {
    const ids = keepIds ?? text.split('').map(() => this.next++);
    if (!keepIds) {
      const removed = this.ids.slice(at, at + remove);
      const left = at > 0 ? this.ids[at - 1] : undefined;
      const right = this.ids[at + remove];
      for (const id of ids) this.origin.set(id, { removed, left, right });
    }
    this.chars.splice(at, remove, ...text.split(''));
    this.ids.splice(at, remove, ...ids);
    return { rangeOffset: at, rangeLength: remove, text };
  }
}

/**
 * Whether a placement is wrong: not where the annotated text truly is, unless the two
 * places read the same, quote and 32 characters either side (a duplicated paragraph,
 * which no reader could tell apart either).
 */
export function misplaced(
  text: string,
  placed: { start: number; end: number },
  truth: { start: number; end: number } | undefined,
  stored?: { prefix: string; exact: string; suffix: string },
  copies: { start: number; end: number }[] = [],
): boolean {
  if (truth && placed.start === truth.start && placed.end === truth.end) return false;
  // A verbatim copy of the annotated words (a duplicated paragraph) is the same text.
  if (copies.some((c) => c.start === placed.start && c.end === placed.end)) return false;
  // Exactly the stored quote with exactly its stored context: what the selector describes.
  if (stored && text.slice(placed.start - stored.prefix.length, placed.end + stored.suffix.length) === stored.prefix + stored.exact + stored.suffix && text.slice(placed.start, placed.end) === stored.exact) return false;
  const around = (s: { start: number; end: number }) => text.slice(Math.max(0, s.start - 32), s.end + 32);
  return !truth || around(placed) !== around(truth);
}

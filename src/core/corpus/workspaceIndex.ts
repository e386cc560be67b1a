import type { Mention, Recognition } from '../model/types';
import { runAtOnce } from '../util/sliced';

/** Where something is: a file (any string key, e.g. a URI) and UTF-16 offsets in it. */
export interface Place {
  uri: string;
  start: number;
  end: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export interface IndexedQuote extends Place {
  text: string;
  speaker: string;
  speakerEntity: string | null;
}

/** A quote as indexed: its file and span; its line and column are worked out when asked (`placeOf`). */
export interface QuoteRef {
  uri: string;
  span: Span;
  text: string;
  speaker: string;
  speakerEntity: string | null;
}

export interface SymbolHit {
  key: string;
  name: string;
  type: Mention['type'];
  mentions: number;
  files: number;
  first: Place;
}

interface Span {
  start: number;
  end: number;
}

interface FileEntry {
  /** Where an offset is: from line starts, or asked of an open editor's document. */
  locate: (offset: number) => { line: number; character: number };
  /** Per entity: its mentions as start, end, start, end … (flat: a large file has hundreds of thousands). */
  byKey: Map<string, { name: string; type: Mention['type']; spans: number[] }>;
  quotes: QuoteRef[];
}

/** The key an entity is indexed by: its KB id, or its name for people the KB does not know. */
export function entityKey(m: { entity: string | null; name: string }): string {
  return m.entity ?? `name:${m.name}`;
}

/**
 * Every mention and quote of many files, kept per file so one file can be replaced or
 * removed alone. Pure: the editor feeds it recognitions; it answers references,
 * symbol searches, counts and who-said-what.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private changes = 0;

  /** Grows whenever a file is set or deleted: what was worked out from the index before is out of date. */
  get revision(): number {
    return this.changes;
  }

  set(uri: string, text: string, r: Recognition): void {
    runAtOnce(this.setSteps(uri, text, r));
  }

  /**
   * `set` as a sliced task (see runSliced), for large files on an editor's thread. Instead
   * of the text, the offsets where its lines start will do, or a function that locates
   * an offset (an open document's own).
   */
  *setSteps(uri: string, text: string | ArrayLike<number> | ((offset: number) => { line: number; character: number }), r: Recognition): Generator<void, void> {
    let locate: FileEntry['locate'];
    if (typeof text === 'string') {
      const starts = [0];
      for (let i = text.indexOf('\n'), n = 0; i >= 0; i = text.indexOf('\n', i + 1), n++) {
        if ((n & 0x3fff) === 0) yield;
        starts.push(i + 1);
      }
      locate = (offset) => position(starts, offset);
    } else if (typeof text === 'function') locate = text;
    else locate = (offset) => position(text, offset);
    const byKey = new Map<string, { name: string; type: Mention['type']; spans: number[] }>();
    let n = 0;
    for (const m of r.mentions) {
      if ((n++ & 0xfff) === 0) yield;
      const key = entityKey(m);
      const e = byKey.get(key) ?? { name: m.name, type: m.type, spans: [] };
      e.spans.push(m.start, m.end);
      byKey.set(key, e);
    }
    const quotes: FileEntry['quotes'] = [];
    for (const q of r.quotes) {
      if ((n++ & 0xfff) === 0) yield; // 88,000 quotes at 40 MB: at once, 7–37 ms
      if (q.kind === 'speech') quotes.push({ uri, span: { start: q.start, end: q.end }, text: q.text, speaker: q.speaker ?? '(no speaker)', speakerEntity: q.speakerEntity });
    }
    this.files.set(uri, { locate, byKey, quotes });
    this.changes++;
  }

  /** Places of the mentions [from, to) of `key` in file `f`, onto `out`. */
  private *placesInto(out: Place[], uri: string, f: FileEntry, key: string, from: number, to: number): Generator<void, void> {
    const spans = f.byKey.get(key)!.spans;
    for (let k = from; k < to; k++) {
      if ((out.length & 0x3ff) === 0x3ff) yield;
      out.push(this.place(uri, f, { start: spans[2 * k]!, end: spans[2 * k + 1]! }));
    }
  }

  /** Line and column are worked out when asked for, not when a file is indexed. */
  private place(uri: string, f: FileEntry, s: Span): Place {
    const a = f.locate(s.start);
    const b = f.locate(s.end);
    return { uri, start: s.start, end: s.end, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
  }

  delete(uri: string): void {
    this.files.delete(uri);
    this.changes++;
  }

  get size(): number {
    return this.files.size;
  }

  /** Every mention of an entity (by key) across the files. */
  references(key: string): Place[] {
    return runAtOnce(this.referencesSteps(key)).places;
  }

  /**
   * The mentions of an entity (by key) across the files, as a sliced task: all of them,
   * or the `limit` nearest `near` — those of its file around its offset, then the other
   * files' in order — and how many there are in all.
   */
  *referencesSteps(key: string, limit = Infinity, near?: { uri: string; offset: number }): Generator<void, { places: Place[]; total: number }> {
    const out: Place[] = [];
    let total = 0;
    for (const f of this.files.values()) total += (f.byKey.get(key)?.spans.length ?? 0) / 2;
    const own = near && this.files.get(near.uri);
    const ownCount = own ? (own.byKey.get(key)?.spans.length ?? 0) / 2 : 0;
    if (own && ownCount > 0) {
      const spans = own.byKey.get(key)!.spans;
      // Spans are in the order of the text: the first at or after the offset, and those around it.
      let lo = 0;
      let hi = ownCount;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (spans[2 * mid]! < near.offset) lo = mid + 1;
        else hi = mid;
      }
      const count = Math.min(limit, ownCount);
      const from = Math.max(0, Math.min(lo - (count >> 1), ownCount - count));
      yield* this.placesInto(out, near.uri, own, key, from, from + count);
    }
    for (const [uri, f] of this.files) {
      if (out.length >= limit) break;
      if (f === own) continue;
      const n = (f.byKey.get(key)?.spans.length ?? 0) / 2;
      if (n > 0) yield* this.placesInto(out, uri, f, key, 0, Math.min(n, limit - out.length));
    }
    return { places: out, total };
  }

  counts(key: string, uri: string): { file: number; total: number; files: number } {
    let total = 0;
    let files = 0;
    for (const f of this.files.values()) {
      const n = (f.byKey.get(key)?.spans.length ?? 0) / 2;
      total += n;
      if (n) files++;
    }
    return { file: (this.files.get(uri)?.byKey.get(key)?.spans.length ?? 0) / 2, total, files };
  }

  /** Entities whose name contains the query (case- and accent-insensitive), most mentioned first. */
  symbols(query: string, limit = 200): SymbolHit[] {
    const q = fold(query);
    const hits = new Map<string, SymbolHit>();
    for (const [uri, f] of this.files) {
      for (const [key, e] of f.byKey) {
        if (q && !fold(e.name).includes(q)) continue;
        const h = hits.get(key);
        if (h) {
          h.mentions += e.spans.length / 2;
          h.files++;
        } else hits.set(key, { key, name: e.name, type: e.type, mentions: e.spans.length / 2, files: 1, first: this.place(uri, f, { start: e.spans[0]!, end: e.spans[1]! }) });
      }
    }
    return [...hits.values()].sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : 1)).slice(0, limit);
  }

  /** Speech quotes grouped by speaker, the speakers ordered by how much they are quoted. */
  quotesBySpeaker(): Map<string, IndexedQuote[]> {
    const by = runAtOnce(this.quotesBySpeakerSteps());
    return new Map([...by].map(([speaker, quotes]) => [speaker, quotes.map((q) => ({ ...this.placeOf(q)!, text: q.text, speaker: q.speaker, speakerEntity: q.speakerEntity }))]));
  }

  /**
   * Quotes by speaker, most quoted first, as a sliced task: a large file holds tens of
   * thousands. Lines and columns are left to `placeOf`, for the few a view shows.
   */
  *quotesBySpeakerSteps(): Generator<void, Map<string, QuoteRef[]>> {
    const by = new Map<string, QuoteRef[]>();
    let n = 0;
    for (const f of this.files.values()) {
      for (const q of f.quotes) {
        if ((++n & 0xfff) === 0) yield;
        const list = by.get(q.speaker);
        if (list) list.push(q);
        else by.set(q.speaker, [q]);
      }
    }
    return new Map([...by].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)));
  }

  /** Where an indexed quote is, in lines; undefined once its file has left the index. */
  placeOf(q: QuoteRef): Place | undefined {
    const f = this.files.get(q.uri);
    return f && this.place(q.uri, f, q.span);
  }
}

function position(lineStarts: ArrayLike<number>, offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo]! };
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

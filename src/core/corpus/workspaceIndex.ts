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
  quotes: { span: Span; text: string; speaker: string; speakerEntity: string | null }[];
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
    const quotes = r.quotes.filter((q) => q.kind === 'speech').map((q) => ({ span: { start: q.start, end: q.end }, text: q.text, speaker: q.speaker ?? '(no speaker)', speakerEntity: q.speakerEntity }));
    this.files.set(uri, { locate, byKey, quotes });
  }

  /** Line and column are worked out when asked for, not when a file is indexed. */
  private place(uri: string, f: FileEntry, s: Span): Place {
    const a = f.locate(s.start);
    const b = f.locate(s.end);
    return { uri, start: s.start, end: s.end, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character };
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  get size(): number {
    return this.files.size;
  }

  /** Every mention of an entity (by key) across the files. */
  references(key: string): Place[] {
    const out: Place[] = [];
    for (const [uri, f] of this.files) {
      const spans = f.byKey.get(key)?.spans ?? [];
      for (let i = 0; i < spans.length; i += 2) out.push(this.place(uri, f, { start: spans[i]!, end: spans[i + 1]! }));
    }
    return out;
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
    const by = new Map<string, IndexedQuote[]>();
    for (const [uri, f] of this.files) {
      for (const q of f.quotes) {
        const list = by.get(q.speaker) ?? [];
        list.push({ ...this.place(uri, f, q.span), text: q.text, speaker: q.speaker, speakerEntity: q.speakerEntity });
        by.set(q.speaker, list);
      }
    }
    return new Map([...by].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)));
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

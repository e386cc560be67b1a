import * as vscode from 'vscode';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import type { Entity } from './core/kb/types';
import { ARTICLE_DATE_REACH, articleDate } from './core/facts/articleDate';
import { unpackRecognition } from './core/model/packed';
import type { Mention, Quote, Recognition } from './core/model/types';
import type { IncrementalRecognizer } from './core/recognize/incremental';
import { PREVIEW_FROM, previewStretch } from './core/recognize/previewStretch';
import { applyDeltasSteps } from './core/model/deltas';
import { runAtOnce, runSliced } from './core/util/sliced';
import { firstEndingFrom } from './core/util/sortedByStart';
import type { BackgroundRecognizer, DocumentSource, SessionListener } from './backgroundRecognizer';
import { engine } from './engineLoader';
// The sidecar's parts without its YAML reader and writer, which live in the sidecar worker.
import { anchorAllIn, type Anchor } from './core/sidecar/anchor';
import type { StoredAnnotation } from './core/sidecar/model';
import type { SidecarError } from './core/sidecar/parse';
import { makeAnnotation, placedAllSteps } from './core/sidecar/selector';
import { textHashSteps } from './core/sidecar/textHash';
import { CodePointMap } from './core/text/offsets';
import { PieceText, type TextLike } from './core/text/pieceText';
import { applyChange, type LiveAnnotation } from './liveAnnotations';
import type { LoadedSidecar } from './sidecarCodec';
import type { SidecarStore } from './sidecarStore';

/**
 * Above this many UTF-16 units a document is recognised in a worker thread, off the host:
 * recognition runs ~10 MB/s, so this is ~30 ms, the most the host may spend at once.
 */
export const BACKGROUND_FROM = 300_000;

/** Whether a document is recognised on the host's thread: neither over the size limit nor large enough for a worker. */
export function recognisedOnHost(doc: vscode.TextDocument, maxBytes: number, backgroundFrom = BACKGROUND_FROM): boolean {
  const length = documentLength(doc);
  return length <= maxBytes && length <= backgroundFrom;
}

/** A document's length in UTF-16 units, without copying its text out of the editor. */
export function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

export type SidecarStatus = { kind: 'none' } | { kind: 'loaded'; parsed: LoadedSidecar } | { kind: 'broken'; errors: SidecarError[] };

/** A suggestion is a recognised mention or quote that has no stored annotation yet. */
export interface Suggestion {
  start: number;
  end: number;
  kind: StoredAnnotation['kind'];
  mention?: Mention;
  quote?: Quote;
}

/**
 * Everything the extension knows about one open text document: what the engine
 * recognises in it (kept current edit by edit) and the user's annotations from its
 * sidecar (moved live with the text). The VS Code adapters only read from it.
 */
export class DocumentState {
  private recognizer: IncrementalRecognizer | undefined;
  recognition: Recognition = { mentions: [], quotes: [] };
  annotations: LiveAnnotation[] = [];
  sidecar: SidecarStatus = { kind: 'none' };
  /** The sidecar was read once (whatever it held): until then, a large file's recognition is not shown. */
  sidecarRead = false;
  private isDirty = false;
  /** Counts changes to the annotations, to tell whether any came while a write was under way. */
  private revision = 0;

  /** Annotations changed since the sidecar was last written. */
  get dirty(): boolean {
    return this.isDirty;
  }

  set dirty(value: boolean) {
    if (value) this.revision++;
    this.isDirty = value;
  }
  /** Set when the file is over the size limit: recognition is off. */
  tooLarge = false;
  /** The sidecar changed on disk while annotation changes were pending: nothing is written until the user chooses. */
  conflict = false;
  /** Recognised in a worker thread (a large file): no incremental updates on the host. */
  readonly background: boolean;
  /** A background recognition is running. */
  pending = false;

  constructor(
    readonly document: vscode.TextDocument,
    /** Asked for only when the document is recognised on the host (it loads the recogniser). */
    kb: () => KnowledgeBase,
    private readonly store: SidecarStore,
    maxBytes: number,
    backgroundFrom = BACKGROUND_FROM,
  ) {
    // Large files never need a copy of their text on the host.
    const length = documentLength(document);
    this.tooLarge = length > maxBytes;
    this.background = !this.tooLarge && length > backgroundFrom;
    if (!this.tooLarge && !this.background) {
      this.recognizer = new (engine().IncrementalRecognizer)(kb(), this.text());
      this.recognition = ownArrays(this.recognizer.result);
    }
  }

  private worker: BackgroundRecognizer | undefined;
  private session: number | undefined;
  /** Worker answers are applied one after another, each a slice at a time. */
  private applying: Promise<void> = Promise.resolve();
  private disposed = false;

  /**
   * For a large file: recognition lives in the worker, which answers the opening with
   * a preview of the first screen and then everything, and each edit with a delta.
   * `updated` is called whenever the recognition changed and matches the current text.
   * Resolves when the full recognition has arrived.
   */
  openInBackground(worker: BackgroundRecognizer, userEntities: Entity[], around: number, updated: () => void): Promise<void> {
    const doc = this.document;
    let version = doc.version;
    const source: DocumentSource = doc.uri.scheme === 'file' && !doc.isDirty ? savedFileSource(doc, around) : { text: this.text() };
    this.worker = worker;
    this.pending = true;
    let full = false;
    const enqueue = (step: () => Promise<void>) => {
      this.applying = this.applying.then(step).catch((e: unknown) => console.error('geo-annotator: a background answer failed', e));
    };
    return new Promise((resolve) => {
      const listener: SessionListener = {
        needText: () => {
          // The file on disk is not the editor's text (another encoding, say): send the text.
          version = doc.version;
          if (this.session !== undefined && !this.disposed) worker.open({ text: this.text() }, userEntities, around, listener, this.session);
        },
        preview: (packed) =>
          enqueue(async () => {
            const r = await runSliced(unpackRecognition(packed, ''), 8, 'unpacking a recognition');
            if (full || this.disposed || this.document.version !== version) return;
            this.recognition = r;
            updated();
          }),
        full: (packed) =>
          enqueue(async () => {
            const r = await runSliced(unpackRecognition(packed, ''), 8, 'unpacking a recognition');
            full = true;
            this.pending = false;
            if (!this.disposed) {
              this.recognition = r;
              if (this.document.version === version) updated();
            }
            resolve();
          }),
        deltas: (deltas, upTo) =>
          enqueue(async () => {
            const r = await runSliced(applyDeltasSteps(this.recognition, deltas), 8, 'applying a delta');
            if (this.disposed) return;
            this.recognition = r;
            if (this.document.version === upTo) updated();
          }),
        lost: () => {
          this.pending = false;
          this.session = undefined;
          this.recognition = { mentions: [], quotes: [] };
          this.failed = true;
          updated();
          resolve();
        },
      };
      this.session = worker.open(source, userEntities, around, listener);
    });
  }

  /** The worker could not recognise this file (it ran out of memory, say). */
  failed = false;

  /** Sends edits to the worker's copy (large files). */
  sendEdits(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    if (this.worker && this.session !== undefined) this.worker.edit(this.session, this.document.version, changes.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })));
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  private textCache: { version: number; text: string } | undefined;

  /** The document's text, copied out of the editor once per version. */
  text(): string {
    if (this.textCache?.version !== this.document.version) {
      this.textCache = { version: this.document.version, text: this.document.getText() };
      this.piecesCache = undefined;
    }
    return this.textCache.text;
  }

  private mapCache: { version: number; map: CodePointMap } | undefined;

  /** The current text's code-point map, built once per document version. */
  codePoints(): CodePointMap {
    if (this.mapCache?.version !== this.document.version) this.mapCache = { version: this.document.version, map: new CodePointMap(this.text()) };
    return this.mapCache.map;
  }

  private piecesCache: { version: number; text: PieceText } | undefined;

  /**
   * The current text to read around offsets: the copy `text()` keeps, or a large file's
   * pieces as `readText` read them (never joined: a flat copy of 40 MB held the host
   * 80–200 ms), or else the copy, made now.
   */
  textAround(): TextLike {
    const version = this.document.version;
    if (this.textCache?.version === version) return this.textCache.text;
    if (this.piecesCache?.version === version) return this.piecesCache.text;
    return this.text();
  }

  /**
   * Reads the text and builds its code-point map, for the current version, a slice at a
   * time, so that what asks for them next (a command, a save) finds them ready: in one
   * piece, a 40 MB file held the host ~0.3 s (the text copied, every unit scanned). A large
   * file's text is kept in the pieces read (see textAround).
   */
  async readText(): Promise<void> {
    const version = this.document.version;
    if (this.mapCache?.version === version) return;
    const read = await runSliced(this.textSteps(), 8, 'reading the text');
    if (this.document.version !== version) return; // edited meanwhile: read again when asked
    if (typeof read.text === 'string') this.textCache = { version, text: read.text };
    else this.piecesCache = { version, text: read.text };
    this.mapCache = { version, map: read.map };
  }

  private *textSteps(): Generator<void, { text: string | PieceText; map: CodePointMap }> {
    const doc = this.document;
    if (!this.background || this.textCache?.version === doc.version) {
      const text = this.text();
      return { text, map: yield* CodePointMap.steps(text) };
    }
    const parts: string[] = [];
    for (let line = 0; line < doc.lineCount; line += LINES_READ_AT_ONCE) {
      if (line > 0) yield;
      parts.push(doc.getText(new vscode.Range(line, 0, line + LINES_READ_AT_ONCE, 0)));
    }
    return { text: PieceText.of(parts), map: yield* CodePointMap.steps(parts) };
  }

  /** Loads (or reloads) the sidecar and places its annotations in the current text. */
  async loadSidecar(): Promise<void> {
    try {
      await this.readSidecar();
    } finally {
      this.sidecarRead = true;
    }
  }

  private async readSidecar(): Promise<void> {
    this.dirty = false;
    const result = await this.store.read(this.uri);
    if (!result) {
      this.sidecar = { kind: 'none' };
      this.annotations = [];
      return;
    }
    if (!result.ok) {
      this.sidecar = { kind: 'broken', errors: result.errors };
      this.annotations = [];
      return;
    }
    // Thousands of annotations take a while to place: a slice at a time, and again when
    // the text changed meanwhile.
    let text: TextLike;
    let placed: Anchor[];
    let version: number;
    do {
      version = this.document.version;
      await this.readText();
      text = this.textAround();
      placed = await runSliced(anchorAllIn(text, this.codePoints(), result.sidecar.annotations, () => this.text()), 8, 'placing annotations');
    } while (this.document.version !== version);
    this.sidecar = { kind: 'loaded', parsed: result };
    let moved = false;
    this.annotations = result.sidecar.annotations.map((stored, i): LiveAnnotation => {
      const p = placed[i]!;
      if (p.status === 'orphan') return { stored, start: 0, end: 0, orphan: p.reason };
      if (p.status === 'fuzzy') {
        // The quote changed a little (a typo fixed): keep the annotation on the new text, and say so.
        moved = true;
        return { stored: { ...stored, exact: text.slice(p.start, p.end) }, start: p.start, end: p.end, reanchored: `was “${stored.exact}”` };
      }
      if (p.status === 'moved') moved = true;
      return { stored, start: p.start, end: p.end };
    });
    if (moved) this.dirty = true;
    if (result.sidecar.textHash === (await this.hashOf(text, version))) this.dirty = false;
  }

  private hashCache: { version: number; hash: string } | undefined;

  /** The fingerprint of `text`, the document at `version`: a slice at a time, once per version. */
  private async hashOf(text: TextLike, version: number): Promise<string> {
    if (this.hashCache?.version === version) return this.hashCache.hash;
    const hash = await runSliced(textHashSteps(text instanceof PieceText ? text.allPieces : (text as string)), 8, 'hashing the text');
    this.hashCache = { version, hash };
    return hash;
  }

  /** Applies the document's content changes to recognition and annotations. */
  applyChanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    // VS Code lists an event's changes from the end of the document backwards, each
    // against the text before the event, so applying them in order is consistent.
    // Only annotations an edit touched can have new text; read just theirs, not the whole document.
    const touched = new Set<LiveAnnotation>();
    for (const c of changes) {
      for (const a of this.annotations) if (!a.orphan && a.start <= c.rangeOffset + c.rangeLength && c.rangeOffset <= a.end) touched.add(a);
      applyChange(this.annotations, c);
    }
    const doc = this.document;
    for (const a of touched) {
      if (a.orphan) continue;
      const now = doc.getText(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
      if (now !== a.stored.exact) {
        a.stored = { ...a.stored, exact: now };
        this.dirty = true;
      }
    }
    if (changes.length && this.annotations.length) this.dirty = true;
  }

  /** Re-recognises after edits (called debounced); large files go to the worker instead. */
  recognize(changes: readonly vscode.TextDocumentContentChangeEvent[] | 'all'): void {
    if (!this.recognizer) return;
    const text = this.text();
    if (changes === 'all' || this.recognizer.currentText.length + changes.reduce((n, c) => n + c.text.length - c.rangeLength, 0) !== text.length) {
      this.recognition = ownArrays(this.recognizer.reset(text));
    } else {
      this.recognition = ownArrays(this.recognizer.update(changes.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }))));
      if (this.recognizer.currentText !== text) this.recognition = ownArrays(this.recognizer.reset(text));
    }
  }

  /**
   * Recognised items with no stored annotation over the same span (rejected ones
   * included); with `from`/`to`, only those that overlap [from, to], found by binary search.
   */
  suggestions(from = 0, to = Infinity): Suggestion[] {
    return runAtOnce(this.suggestionSteps(from, to));
  }

  /** `suggestions` as a sliced task: all of a large file's are hundreds of thousands. */
  *suggestionSteps(from = 0, to = Infinity): Generator<void, Suggestion[]> {
    // A large file's recognition may arrive before its sidecar is read (both start at once),
    // and what the user rejected is not known yet.
    if (this.background && !this.sidecarRead) return [];
    // (With nothing annotated, no key is made: a 40 MB file's 650,000 keys kept the collector busy.)
    const taken = new Set(this.annotations.filter((a) => !a.orphan && a.end >= from && a.start <= to).map((a) => `${a.start}:${a.end}`));
    const out: Suggestion[] = [];
    const { mentions, quotes } = this.recognition;
    for (let i = firstEndingFrom(mentions, from); i < mentions.length && mentions[i]!.start <= to; i++) {
      if ((i & 0xfff) === 0xfff) yield;
      const m = mentions[i]!;
      if (m.end >= from && (taken.size === 0 || !taken.has(`${m.start}:${m.end}`))) out.push({ start: m.start, end: m.end, kind: m.type, mention: m });
    }
    for (let i = firstEndingFrom(quotes, from); i < quotes.length && quotes[i]!.start <= to; i++) {
      if ((i & 0xfff) === 0xfff) yield;
      const q = quotes[i]!;
      if (q.end >= from && (taken.size === 0 || !taken.has(`${q.start}:${q.end}`))) out.push({ start: q.start, end: q.end, kind: 'quote', quote: q });
    }
    return out;
  }

  /** The recognised mention at an offset, if any. */
  mentionAt(offset: number): Mention | undefined {
    const ms = this.recognition.mentions;
    for (let i = firstEndingFrom(ms, offset); i < ms.length && ms[i]!.start <= offset; i++) if (offset < ms[i]!.end) return ms[i];
    return undefined;
  }

  /** The innermost recognised quote at an offset, if any. */
  quoteAt(offset: number): Quote | undefined {
    const qs = this.recognition.quotes;
    let found: Quote | undefined;
    for (let i = firstEndingFrom(qs, offset); i < qs.length && qs[i]!.start <= offset; i++) if (offset < qs[i]!.end) found = qs[i];
    return found;
  }

  /**
   * Mentions counted by type and by entity, once per recognition (edits move mentions,
   * not counts); a slice at a time, as a large file has hundreds of thousands.
   */
  async counts(): Promise<MentionCounts> {
    const mentions = this.recognition.mentions;
    return countsOf.get(mentions) ?? (await runSliced(countMentions(mentions), 8, 'counting mentions'));
  }

  /** How many times an entity is mentioned, at once. */
  mentionsOf(entity: string): number {
    return this.countOf('byEntity', entity, (m) => m.entity === entity);
  }

  /** How many mentions carry a name (known to the knowledge base or not). */
  mentionsNamed(name: string): number {
    return this.countOf('byName', name, (m) => m.name === name);
  }

  /** From the counts when they are made already, else by one pass. */
  private countOf(by: 'byEntity' | 'byName', key: string, matches: (m: Mention) => boolean): number {
    const mentions = this.recognition.mentions;
    const known = countsOf.get(mentions);
    if (known) return known[by].get(key) ?? 0;
    let n = 0;
    for (const m of mentions) if (matches(m)) n++;
    return n;
  }

  private dateCache: { version: number; date: string | undefined } | undefined;

  /** The part of the text an article's date is looked for in, without copying a large file. */
  private articleHead(): string {
    const doc = this.document;
    return doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(ARTICLE_DATE_REACH)));
  }

  /** The article's date, worked out once per document version. */
  articleDate(): string | undefined {
    if (this.dateCache?.version !== this.document.version) this.dateCache = { version: this.document.version, date: articleDate(this.articleHead()) };
    return this.dateCache.date;
  }

  /** A stored annotation for a recognised item, or for any span the user chose. */
  annotationFor(start: number, end: number, fields: Omit<StoredAnnotation, 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'id'> & { id?: string }): StoredAnnotation {
    return makeAnnotation(this.textAround(), this.codePoints(), start, end, fields);
  }

  fromSuggestion(s: Suggestion, status: StoredAnnotation['status']): StoredAnnotation {
    if (s.quote) {
      return this.annotationFor(s.start, s.end, { kind: 'quote', quoteKind: s.quote.kind, speaker: s.quote.speaker, speakerEntity: s.quote.speakerEntity, status });
    }
    const m = s.mention!;
    return this.annotationFor(s.start, s.end, { kind: m.type, entity: m.entity, name: m.name, status });
  }

  add(stored: StoredAnnotation[]): void {
    const map = this.codePoints();
    for (const a of stored) this.annotations.push({ stored: a, start: map.toUtf16(a.start), end: map.toUtf16(a.end) });
    this.annotations.sort((x, y) => x.start - y.start || x.end - y.end);
    this.dirty = true;
  }

  remove(target: LiveAnnotation): void {
    this.annotations = this.annotations.filter((a) => a !== target);
    this.dirty = true;
  }

  replace(target: LiveAnnotation, stored: StoredAnnotation): void {
    target.stored = stored;
    this.dirty = true;
  }

  annotationAt(offset: number): LiveAnnotation | undefined {
    return this.annotations.find((a) => !a.orphan && a.start <= offset && offset < a.end && a.stored.status !== 'rejected');
  }

  /** The suggestion at an offset; never one the user rejected (a rejected annotation holds its span, as any does). */
  suggestionAt(offset: number): Suggestion | undefined {
    return this.suggestions(offset, offset).find((s) => s.start <= offset && offset < s.end);
  }

  /**
   * Writes the sidecar if there is something to write and it is safe: never over a
   * sidecar that did not parse, and only for the text as it is on disk.
   */
  async save(): Promise<'written' | 'unchanged' | 'refused'> {
    if (this.sidecar.kind === 'broken' || this.conflict) return 'refused';
    if (!this.dirty) return 'unchanged';
    if (this.document.isDirty) return 'unchanged'; // written on the next save of the text
    await this.readText();
    if (this.document.isDirty) return 'unchanged';
    const version = this.document.version;
    const text = this.textAround();
    const map = this.codePoints();
    const revision = this.revision;
    const live = this.annotations;
    const stored = await runSliced(placedAllSteps(text, map, live), 8, 'placing annotations for a save');
    const name = this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
    const sidecar = { version: 1, source: name, textHash: await this.hashOf(text, version), annotations: stored };
    if ((this.sidecar as SidecarStatus).kind === 'broken' || this.conflict) return 'refused'; // found out while hashing
    // The sidecar worker writes into the document it last read, keeping the user's comments.
    await this.store.write(this.uri, sidecar, this.sidecar.kind === 'loaded');
    this.sidecar = { kind: 'loaded', parsed: { ok: true, sidecar } };
    if (this.revision === revision && this.annotations === live) {
      live.forEach((a, i) => (a.stored = stored[i]!));
      this.isDirty = false;
    }
    return 'written';
  }

  dispose(): void {
    this.disposed = true;
    this.recognizer = undefined;
    if (this.session !== undefined) this.worker?.close(this.session);
    this.session = undefined;
  }
}

/**
 * The recognizer changes its arrays in place; the state keeps its own, so that a new
 * recognition is a new array (what the caches below are keyed on).
 */
function ownArrays(r: Recognition): Recognition {
  return { mentions: r.mentions.slice(), quotes: r.quotes.slice() };
}

export interface MentionCounts {
  byType: Map<string, number>;
  byEntity: Map<string, number>;
  /** By name: a hover on a name the knowledge base does not know says how often it occurs. */
  byName: Map<string, number>;
  /** By type, then by entity or name (`groupKey`): the side panel's groups. */
  byKind: Map<string, Map<string, { name: string; count: number }>>;
}

/** What the side panel groups a mention under: its entity, or its name where the knowledge base knows none. */
export function groupKey(m: Mention): string {
  return m.entity ?? `name:${m.name}`;
}

/** Lines copied out of the editor per step when a large file's text is read (news paragraphs: ~0.5 MB). */
const LINES_READ_AT_ONCE = 2_000;

const countsOf = new WeakMap<readonly Mention[], MentionCounts>();

function* countMentions(mentions: readonly Mention[]): Generator<void, MentionCounts> {
  const c: MentionCounts = { byType: new Map(), byEntity: new Map(), byName: new Map(), byKind: new Map() };
  let n = 0;
  for (const m of mentions) {
    if ((++n & 0x3ff) === 0) yield; // a few hundred microseconds: a slice ends soon after its 8 ms
    c.byType.set(m.type, (c.byType.get(m.type) ?? 0) + 1);
    c.byName.set(m.name, (c.byName.get(m.name) ?? 0) + 1);
    if (m.entity) c.byEntity.set(m.entity, (c.byEntity.get(m.entity) ?? 0) + 1);
    let groups = c.byKind.get(m.type);
    if (!groups) c.byKind.set(m.type, (groups = new Map()));
    const key = groupKey(m);
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { name: m.name, count: 1 });
  }
  countsOf.set(mentions, c);
  return c;
}

/**
 * A saved file the worker reads itself; for a big one, with the text around the
 * screen, so the first highlights need not wait for the whole file to be read.
 */
function savedFileSource(doc: vscode.TextDocument, around: number): DocumentSource {
  const length = documentLength(doc);
  const source: DocumentSource = { path: doc.uri.fsPath, length, head: doc.lineAt(0).text.slice(0, 200), tail: doc.lineAt(doc.lineCount - 1).text.slice(-200) };
  if (length > PREVIEW_FROM) {
    const { from, to } = previewStretch(around, length);
    source.around = { from, text: doc.getText(new vscode.Range(doc.positionAt(from), doc.positionAt(to))) };
  }
  return source;
}

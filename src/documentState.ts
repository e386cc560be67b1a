import * as vscode from 'vscode';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import type { Entity } from './core/kb/types';
import type { Mention, Quote, Recognition } from './core/model/types';
import { IncrementalRecognizer } from './core/recognize/incremental';
import { anchor, contextAround, makeAnnotation, textHash, type ParsedSidecar, type SidecarError, type StoredAnnotation } from './core/sidecar/index';
import { CodePointMap } from './core/text/offsets';
import { applyChange, type LiveAnnotation } from './liveAnnotations';
import type { SidecarStore } from './sidecarStore';

/** Above this many UTF-16 units a document is recognised in a worker thread, off the host. */
export const BACKGROUND_FROM = 2_000_000;

export type SidecarStatus = { kind: 'none' } | { kind: 'loaded'; parsed: ParsedSidecar } | { kind: 'broken'; errors: SidecarError[] };

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
  /** Annotations changed since the sidecar was last written. */
  dirty = false;
  /** Set when the file is over the size limit: recognition is off. */
  tooLarge = false;
  /** The sidecar changed on disk while annotation changes were pending: nothing is written until the user chooses. */
  conflict = false;
  /** Recognised in a worker thread (a large file): no incremental updates on the host. */
  readonly background: boolean;
  /** A background recognition is running. */
  pending = false;
  private generation = 0;

  constructor(
    readonly document: vscode.TextDocument,
    kb: KnowledgeBase,
    private readonly store: SidecarStore,
    maxBytes: number,
    backgroundFrom = BACKGROUND_FROM,
  ) {
    const text = document.getText();
    this.tooLarge = text.length > maxBytes;
    this.background = !this.tooLarge && text.length > backgroundFrom;
    if (!this.tooLarge && !this.background) {
      this.recognizer = new IncrementalRecognizer(kb, text);
      this.recognition = this.recognizer.result;
    }
  }

  /** For a large file: recognise the current text in the worker; stale answers are dropped. */
  async recognizeInBackground(worker: { recognize(text: string, userEntities: Entity[]): Promise<Recognition> }, userEntities: Entity[]): Promise<boolean> {
    const generation = ++this.generation;
    this.pending = true;
    const version = this.document.version;
    const r = await worker.recognize(this.document.getText(), userEntities);
    if (generation !== this.generation) return false;
    this.pending = false;
    if (this.document.version !== version) return false;
    this.recognition = r;
    return true;
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  private mapCache: { version: number; map: CodePointMap } | undefined;

  /** The current text's code-point map, built once per document version. */
  codePoints(): CodePointMap {
    if (this.mapCache?.version !== this.document.version) this.mapCache = { version: this.document.version, map: new CodePointMap(this.document.getText()) };
    return this.mapCache.map;
  }

  /** Loads (or reloads) the sidecar and places its annotations in the current text. */
  async loadSidecar(): Promise<void> {
    this.dirty = false;
    const result = await this.store.read(this.uri);
    if (!result) {
      this.sidecar = { kind: 'none' };
      this.annotations = [];
      return;
    }
    const text = this.document.getText();
    const map = new CodePointMap(text);
    if (!result.ok) {
      this.sidecar = { kind: 'broken', errors: result.errors };
      this.annotations = [];
    } else {
      this.sidecar = { kind: 'loaded', parsed: result };
      this.annotations = result.sidecar.annotations.map((stored): LiveAnnotation => {
        const placed = anchor(text, map, stored);
        if (placed.status === 'orphan') return { stored, start: 0, end: 0, orphan: placed.reason };
        if (placed.status === 'fuzzy') {
          // The quote changed a little (a typo fixed): keep the annotation on the new text, and say so.
          this.dirty = true;
          return { stored: { ...stored, exact: text.slice(placed.start, placed.end) }, start: placed.start, end: placed.end, reanchored: `was “${stored.exact}”` };
        }
        if (placed.status === 'moved') this.dirty = true;
        return { stored, start: placed.start, end: placed.end };
      });
    }
    if (result?.ok && result.sidecar.textHash === textHash(text)) this.dirty = false;
  }

  /** Applies the document's content changes to recognition and annotations. */
  applyChanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    // VS Code lists an event's changes from the end of the document backwards, each
    // against the text before the event, so applying them in order is consistent.
    for (const c of changes) applyChange(this.annotations, c);
    const text = this.document.getText();
    for (const a of this.annotations) {
      if (a.orphan) continue;
      const now = text.slice(a.start, a.end);
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
    const text = this.document.getText();
    if (changes === 'all' || this.recognizer.currentText.length + changes.reduce((n, c) => n + c.text.length - c.rangeLength, 0) !== text.length) {
      this.recognition = this.recognizer.reset(text);
    } else {
      this.recognition = this.recognizer.update(changes.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text })));
      if (this.recognizer.currentText !== text) this.recognition = this.recognizer.reset(text);
    }
  }

  /** Recognised items with no stored annotation over the same span (rejected ones included). */
  suggestions(): Suggestion[] {
    const taken = new Set(this.annotations.filter((a) => !a.orphan).map((a) => `${a.start}:${a.end}`));
    const out: Suggestion[] = [];
    for (const m of this.recognition.mentions) if (!taken.has(`${m.start}:${m.end}`)) out.push({ start: m.start, end: m.end, kind: m.type, mention: m });
    for (const q of this.recognition.quotes) if (!taken.has(`${q.start}:${q.end}`)) out.push({ start: q.start, end: q.end, kind: 'quote', quote: q });
    return out;
  }

  /** A stored annotation for a recognised item, or for any span the user chose. */
  annotationFor(start: number, end: number, fields: Omit<StoredAnnotation, 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'id'> & { id?: string }): StoredAnnotation {
    const text = this.document.getText();
    return makeAnnotation(text, this.codePoints(), start, end, fields);
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

  suggestionAt(offset: number): Suggestion | undefined {
    const rejected = new Set(this.annotations.filter((a) => a.stored.status === 'rejected').map((a) => `${a.start}:${a.end}`));
    return this.suggestions().find((s) => s.start <= offset && offset < s.end && !rejected.has(`${s.start}:${s.end}`));
  }

  /**
   * Writes the sidecar if there is something to write and it is safe: never over a
   * sidecar that did not parse, and only for the text as it is on disk.
   */
  async save(): Promise<'written' | 'unchanged' | 'refused'> {
    if (this.sidecar.kind === 'broken' || this.conflict) return 'refused';
    if (!this.dirty) return 'unchanged';
    if (this.document.isDirty) return 'unchanged'; // written on the next save of the text
    const text = this.document.getText();
    const map = this.codePoints();
    const stored = this.annotations.map((a) => {
      if (a.orphan) return a.stored;
      const { prefix, suffix } = contextAround(text, a.start, a.end);
      return { ...a.stored, start: map.toCodePoint(a.start), end: map.toCodePoint(a.end), exact: text.slice(a.start, a.end), prefix, suffix };
    });
    const previous = this.sidecar.kind === 'loaded' ? this.sidecar.parsed : undefined;
    const name = this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1);
    const sidecar = { version: 1, source: name, textHash: textHash(text), annotations: stored };
    await this.store.write(this.uri, sidecar, previous);
    // Re-read what we wrote, so the next rewrite starts from the file's real document.
    await this.loadSidecar();
    return 'written';
  }

  dispose(): void {
    this.recognizer = undefined;
  }
}

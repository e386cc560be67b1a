import * as vscode from 'vscode';
import type { BackgroundRecognizer } from './backgroundRecognizer';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import type { Entity } from './core/kb/types';
import { runSliced } from './core/util/sliced';
import { DocumentState, recognisedOnHost } from './documentState';
import { engine, engineSteps } from './engineLoader';
import { settings } from './settings';
import { taskTimes } from './core/util/taskTimes';
import type { SidecarStore } from './sidecarStore';

/** Which documents the extension works on: plain text and our Geopolitical Text language. */
export function isTextDocument(doc: vscode.TextDocument): boolean {
  return (doc.languageId === 'plaintext' || doc.languageId === 'geotext') && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote' || doc.uri.scheme === 'vscode-userdata');
}

/**
 * Owns one DocumentState per open text document, keeps it current as the document
 * changes (recognition debounced, annotations moved at once) and says when it changed.
 */
export class DocumentRegistry implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; changes: vscode.TextDocumentContentChangeEvent[] }>();
  private readonly changed = new vscode.EventEmitter<DocumentState>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires after a document's recognition or annotations changed. */
  readonly onDidChange = this.changed.event;

  /** The user's own entities, sent to the background worker with each request. */
  userEntities: Entity[] = [];
  /** Documents whose state waits for the recogniser to warm up. */
  private readonly opening = new Map<string, Promise<DocumentState | undefined>>();
  /** The recogniser warming up on the host, from the first document recognised there. */
  private warm: Promise<void> | undefined;
  /** The edit paths warmed up, after the first document recognised on the host shows. */
  private editsWarm: Promise<unknown> | undefined;
  /** Counts changes of the knowledge base: a later one stops an earlier one's renewals. */
  private kbGeneration = 0;

  constructor(
    /** The knowledge base documents are recognised with: built in, merged with the user's entities. */
    private readonly knowledgeBase: () => KnowledgeBase,
    private readonly store: SidecarStore,
    private readonly worker: BackgroundRecognizer,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void taskTimes.measure('opening a document', () => this.open(d))),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d)),
      vscode.workspace.onDidChangeTextDocument((e) => taskTimes.measure('an edit', () => this.edit(e))),
      vscode.workspace.onDidSaveTextDocument((d) => void this.saved(d)),
    );
  }

  /** Tells every listener (highlights, panels, index); timed, as it runs on the host's thread. */
  private fire(state: DocumentState): void {
    taskTimes.measure('listeners of a document change', () => this.changed.fire(state));
  }

  get(doc: vscode.TextDocument): DocumentState | undefined {
    return this.states.get(doc.uri.toString());
  }

  all(): DocumentState[] {
    return [...this.states.values()];
  }

  /** The state for a document, created (and its sidecar loaded) on first use. */
  open(doc: vscode.TextDocument): Promise<DocumentState | undefined> {
    if (!isTextDocument(doc)) return Promise.resolve(undefined);
    const key = doc.uri.toString();
    const existing = this.states.get(key);
    if (existing) return Promise.resolve(existing);
    let opening = this.opening.get(key);
    if (!opening) {
      opening = this.openNow(doc, key).finally(() => this.opening.delete(key));
      this.opening.set(key, opening);
    }
    return opening;
  }

  private async openNow(doc: vscode.TextDocument, key: string): Promise<DocumentState | undefined> {
    const maxBytes = settings().maxFileSizeMB * 1024 * 1024;
    // The first document the host recognises waits while the recogniser is loaded and
    // warmed up a step at a time (with that document's first lines): recognised at once,
    // it held the host's thread 110–200 ms (see coldStartSteps). The edit paths are warmed
    // up once it shows.
    const onHost = recognisedOnHost(doc, maxBytes);
    if (onHost) {
      await (this.warm ??= runSliced(warmUpSteps(this.knowledgeBase, doc.getText()), 8, 'warming the recogniser up').catch((e: unknown) => console.error('geo-annotator: warming the recogniser up failed', e)));
      if (doc.isClosed) return undefined;
    } else {
      // Recognised in a worker: the host still wants the knowledge base soon (hovers, commands), loaded a step at a time meanwhile.
      void runSliced(engineSteps(), 8, 'loading the recogniser').catch((e: unknown) => console.error('geo-annotator: loading the recogniser failed', e));
    }
    const state = taskTimes.measure('recognising a document', () => new DocumentState(doc, this.knowledgeBase, this.store, maxBytes));
    this.states.set(key, state);
    if (state.tooLarge) {
      void vscode.window.showWarningMessage(`Geo Annotator: ${doc.uri.path.split('/').pop()} is larger than ${settings().maxFileSizeMB} MB (geoAnnotator.maxFileSizeMB); recognition is off for it.`);
    }
    // A large file's recognition starts meanwhile, in its own worker: its highlights wait
    // for the sidecar (without it, suggestions the user rejected would flash up), but not
    // for the sidecar *and then* the whole file.
    const loaded = state.loadSidecar();
    if (state.background) void this.openInBackground(state, loaded);
    await loaded;
    this.fire(state);
    if (onHost) this.editsWarm ??= runSliced(engine().editWarmUpSteps(this.knowledgeBase()), 8, 'warming the recogniser up for edits').catch((e: unknown) => console.error('geo-annotator: warming the recogniser up for edits failed', e));
    return state;
  }

  /**
   * Large files: recognition in the worker — first the screen's surroundings, then the
   * whole file, with progress in the status bar; edits are answered with deltas. What it
   * finds is shown once `sidecarLoaded` settles.
   */
  private async openInBackground(state: DocumentState, sidecarLoaded: Promise<void>): Promise<void> {
    const name = state.uri.path.split('/').pop();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === state.document);
    const around = editor?.visibleRanges[0] ? state.document.offsetAt(editor.visibleRanges[0].start) : 0;
    let shown = false; // until the sidecar is read; `open` shows what arrived by then
    void sidecarLoaded.then(
      () => (shown = true),
      () => (shown = true),
    );
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Geo Annotator: recognising ${name}…` }, () =>
      state.openInBackground(this.worker, this.userEntities, around, () => {
        if (shown && this.states.get(state.uri.toString()) === state) this.fire(state);
      }),
    );
    if (state.failed) void vscode.window.showWarningMessage(`Geo Annotator: could not recognise ${name} (the background worker stopped); highlights are off for it.`);
  }

  /**
   * The knowledge base changed (the user's entity files did): recognise everything again
   * — its gazetteer built first, a step at a time, then one document a task (at once,
   * every open document and the gazetteer in one task held the host for their sum).
   */
  async knowledgeBaseChanged(): Promise<void> {
    const generation = ++this.kbGeneration;
    await runSliced(engine().Gazetteer.fromKbSteps(this.knowledgeBase()), 8, 'building the gazetteer');
    for (const s of [...this.states.values()]) {
      // A later change starts over; a document closed or renewed meanwhile is left.
      if (generation !== this.kbGeneration) return;
      if (this.states.get(s.uri.toString()) !== s) continue;
      taskTimes.measure('recognising a document again', () => this.renew(s));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Recognises a document again from scratch (the Refresh command); returns its new state. */
  recognizeAgain(state: DocumentState): DocumentState {
    if (!state.background) {
      state.recognize('all');
      return state;
    }
    return this.renew(state);
  }

  /** A fresh state for a document, keeping its annotations: recognition starts over. */
  private renew(s: DocumentState): DocumentState {
    s.dispose();
    const fresh = new DocumentState(s.document, this.knowledgeBase, this.store, settings().maxFileSizeMB * 1024 * 1024);
    fresh.annotations = s.annotations;
    fresh.sidecar = s.sidecar;
    fresh.sidecarRead = s.sidecarRead;
    fresh.dirty = s.dirty;
    this.states.set(s.uri.toString(), fresh);
    this.fire(fresh);
    if (fresh.background) void this.openInBackground(fresh, Promise.resolve()); // its annotations came along
    return fresh;
  }

  /** Announces a change made through a command. */
  touch(state: DocumentState): void {
    this.fire(state);
  }

  private edit(e: vscode.TextDocumentChangeEvent): void {
    const state = this.states.get(e.document.uri.toString());
    if (!state || e.contentChanges.length === 0) return;
    state.applyChanges(e.contentChanges);
    if (state.background) {
      // The worker's copy follows each edit and answers with what changed.
      state.sendEdits(e.contentChanges);
      this.fire(state);
      return;
    }
    const key = e.document.uri.toString();
    const p = this.pending.get(key);
    if (p) clearTimeout(p.timer);
    const changes = [...(p?.changes ?? []), ...e.contentChanges];
    this.pending.set(key, {
      changes,
      timer: setTimeout(() => {
        this.pending.delete(key);
        if (this.states.get(key) !== state) return;
        state.recognize(changes);
        this.fire(state);
      }, settings().debounceMs),
    });
    // Annotations moved at once; suggestions follow when recognition catches up.
    this.fire(state);
  }

  /** Flushes a pending recognition now (tests, commands that need fresh results). */
  flush(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const p = this.pending.get(key);
    const state = this.states.get(key);
    if (!p || !state) return;
    clearTimeout(p.timer);
    this.pending.delete(key);
    if (!state.background) state.recognize(p.changes);
    this.fire(state);
  }

  private async saved(doc: vscode.TextDocument): Promise<void> {
    const state = this.states.get(doc.uri.toString());
    if (!state) return;
    try {
      await state.save();
    } catch (e) {
      void vscode.window.showErrorMessage(`Geo Annotator: could not write the sidecar: ${(e as Error).message}`);
    }
    this.fire(state);
  }

  private close(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const p = this.pending.get(key);
    if (p) clearTimeout(p.timer);
    this.pending.delete(key);
    this.states.get(key)?.dispose();
    this.states.delete(key);
    this.store.forget(doc.uri);
  }

  dispose(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The recogniser loaded (compiled, then run) and warmed up, a step at a time (see coldStartSteps). */
function* warmUpSteps(kb: () => KnowledgeBase, text: string): Generator<void, void> {
  const loaded = yield* engineSteps();
  yield;
  yield* loaded.coldStartSteps(kb, text);
}

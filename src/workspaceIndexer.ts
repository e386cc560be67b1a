import * as vscode from 'vscode';
import { entityKey, WorkspaceIndex, type Place } from './core/corpus/workspaceIndex';
import type { BackgroundRecognizer } from './backgroundRecognizer';
import { decodeText } from './core/text/decode';
import type { DocumentRegistry } from './registry';
import { grouped } from './core/util/grouped';
import { mapSteps, runSliced } from './core/util/sliced';
import type { DocumentState } from './documentState';
import { settings } from './settings';

/** How long after a change an open document's index entry is brought up to date. */
const FOLLOW_DELAY_MS = 300;
/** How long after a file changes on disk it is indexed. */
const CHANGED_FILE_DELAY_MS = 1000;

/**
 * Keeps a WorkspaceIndex of every .txt file in the workspace: built in the background a
 * file at a time (recognised in the worker thread), open documents
 * taken from the live recognition, and files followed as they change on disk.
 */
export class WorkspaceIndexer implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Resolves when the first full pass is done (tests wait on it). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly worker: BackgroundRecognizer,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.txt');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.indexSoon(u)),
      watcher.onDidChange((u) => this.indexSoon(u)),
      watcher.onDidDelete((u) => {
        this.index.delete(u.toString());
        this.changed.fire();
      }),
      registry.onDidChange((s) => this.follow(s)),
    );
  }

  private readonly changedFiles = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * A file created or changed on disk is indexed a moment later: by then a file just
   * created in the editor is open, and its live recognition is used instead of a second
   * recognition of the same text competing for the cores.
   */
  private indexSoon(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.changedFiles.get(key));
    this.changedFiles.set(
      key,
      setTimeout(() => {
        this.changedFiles.delete(key);
        void this.indexFile(uri).then(() => this.changed.fire());
      }, CHANGED_FILE_DELAY_MS),
    );
  }

  private readonly following = new Map<string, { timer: ReturnType<typeof setTimeout>; state: DocumentState }>();

  /** An open document's entry follows its live recognition, a moment after typing stops, a slice at a time. */
  private follow(state: DocumentState): void {
    const key = state.uri.toString();
    clearTimeout(this.following.get(key)?.timer);
    this.following.set(key, { state, timer: setTimeout(() => void this.update(key, state), FOLLOW_DELAY_MS) });
  }

  private async update(key: string, state: DocumentState): Promise<void> {
    this.following.delete(key);
    if (this.registry.get(state.document) !== state) return;
    // A large file is located by the editor's own document, sparing a copy of its text.
    const doc = state.document;
    const lines = state.background ? (offset: number) => doc.positionAt(offset) : state.text();
    await runSliced(this.index.setSteps(key, lines, state.recognition), 8, 'indexing an open document');
    this.changed.fire();
  }

  /** Resolves when the index holds the workspace and every open document as it is now. */
  async settled(): Promise<void> {
    await this.ready;
    const waiting = [...this.following];
    for (const [, f] of waiting) clearTimeout(f.timer);
    await Promise.all(waiting.map(([key, f]) => this.update(key, f.state)));
  }

  start(): void {
    this.ready = (async () => {
      const files = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**', 10_000);
      for (const uri of files) {
        await this.indexFile(uri);
        await new Promise((r) => setImmediate(r));
      }
      this.changed.fire();
    })();
  }

  private isOpen(uri: vscode.Uri): boolean {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return Boolean(open && this.registry.get(open));
  }

  private async indexFile(uri: vscode.Uri): Promise<void> {
    if (this.isOpen(uri)) return; // open documents come from their live recognition
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > settings().maxFileSizeMB * 1024 * 1024) return;
      // In the worker: indexing a folder must not hold up typing.
      if (uri.scheme === 'file') {
        const found = await this.worker.recognizeFile(uri.fsPath, this.registry.userEntities);
        if (this.isOpen(uri)) return; // opened meanwhile: its live recognition is indexed instead
        if (found) await runSliced(this.index.setSteps(uri.toString(), found.lineStarts, found.recognition), 8, 'indexing a file');
        return;
      }
      const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) return;
      const r = await this.worker.recognize(decoded.text, this.registry.userEntities);
      await runSliced(this.index.setSteps(uri.toString(), decoded.text, r), 8, 'indexing a file');
    } catch {
      this.index.delete(uri.toString());
    }
  }

  dispose(): void {
    for (const f of this.following.values()) clearTimeout(f.timer);
    for (const t of this.changedFiles.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The most mentions a list of them holds (Show Mentions, Go to References): those
 * nearest the cursor. A large file names a country a hundred thousand times; a list that
 * long is no use to read, and VS Code takes it from the extension in one piece.
 */
export const MOST_LISTED = 5_000;

/** What a list of mentions cut at MOST_LISTED says. */
export function listedOf(listed: number, total: number, name: string): string {
  return `Geo Annotator: the ${grouped(listed)} mentions of ${name} nearest the cursor are listed, of ${grouped(total)}.`;
}


export function toLocation(p: Place): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(p.uri), new vscode.Range(p.line, p.character, p.endLine, p.endCharacter));
}

/** Go to References (Shift+F12) on a name: every mention of that entity in the workspace. */
export class ReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly indexer: WorkspaceIndexer,
  ) {}

  async provideReferences(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Location[]> {
    const state = this.registry.get(doc);
    const offset = doc.offsetAt(pos);
    const m = state?.mentionAt(offset);
    if (!m) return [];
    await this.indexer.settled();
    const uri = doc.uri.toString();
    const { places, total } = await runSliced(this.indexer.index.referencesSteps(entityKey(m), MOST_LISTED, { uri, offset }), 8, 'finding references');
    if (places.length < total) void vscode.window.showInformationMessage(listedOf(places.length, total, m.name));
    return runSliced(mapSteps(places, toLocation), 8, 'listing references');
  }
}

/** Workspace symbols (Ctrl+T): the entities mentioned anywhere, most mentioned first. */
export class SymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly indexer: WorkspaceIndexer) {}

  async provideWorkspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
    await this.indexer.settled();
    const kinds: Record<string, vscode.SymbolKind> = { leader: vscode.SymbolKind.Constructor, person: vscode.SymbolKind.Variable, country: vscode.SymbolKind.Module, demonym: vscode.SymbolKind.Property, place: vscode.SymbolKind.Namespace, org: vscode.SymbolKind.Class };
    return this.indexer.index.symbols(query).map((h) => new vscode.SymbolInformation(h.name, kinds[h.type] ?? vscode.SymbolKind.Variable, `${h.type} · ${h.mentions} mentions in ${h.files} file${h.files === 1 ? '' : 's'}`, toLocation(h.first)));
  }
}

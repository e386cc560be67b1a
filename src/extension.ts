import * as vscode from 'vscode';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { taskTimes, type TaskTimes } from './core/util/taskTimes';
import { BackgroundRecognizer } from './backgroundRecognizer';
import { COMMANDS, registerCommands } from './commands';
import { DecorationController } from './decorations';
import { SidecarDiagnostics } from './diagnostics';
import { EntityTree } from './entityTree';
import { HoverProvider } from './hover';
import { OrphanFixes } from './orphanFixes';
import { SidecarLifecycle } from './sidecarLifecycle';
import { DocumentRegistry } from './registry';
import { engine, engineCacheSaved, engineLoadReport, locateEngine } from './engineLoader';
import { SidecarCodec } from './sidecarCodec';
import type { CodeCacheState, LoadedBundle } from './node/codeCache';
import { WORKER_NICE } from './node/threadPriority';
import { threadWaitClock } from './node/threadWaitClock';
import { SidecarStore } from './sidecarStore';
import { StatusBar } from './statusBar';
import { QuoteTree } from './quoteTree';
import { UserEntities } from './userEntities';
import { ReferenceProvider, SymbolProvider, WorkspaceIndexer } from './workspaceIndexer';

/** What the extension exports to tests and to other extensions. */
export interface GeoAnnotatorApi {
  registry: DocumentRegistry;
  decorations: DecorationController;
  indexer: WorkspaceIndexer;
  quotes: QuoteTree;
  /** The side panel of the active file's entities. */
  entities: EntityTree;
  commands: string[];
  knowledgeBase(): KnowledgeBase;
  /** How long the extension's own tasks held the host's thread. */
  taskTimes: TaskTimes;
  /**
   * Milliseconds: the entry bundle's top level (of which `vscodeApiMs` waiting for VS
   * Code's API object on the first `require('vscode')`), the wait from its end until VS
   * Code calls `activate`, and `activate` itself — which loads this bundle (`bundle`:
   * reading it and its code cache, compiling it, running its top level) and then builds
   * the services.
   */
  activation: { loadMs: number; vscodeApiMs: number; waitMs: number; activateMs: number; bundle?: BundleLoad['report'] };
  /**
   * How the recogniser's bundle (dist/engine.js) was loaded, once the first document (or
   * hover, or command) needed it, and its code cache written 5 s after (undefined before).
   */
  recogniser: { load(): BundleLoad['report'] | undefined; cacheSaved(): Promise<boolean> | undefined };
  /** What the code cache did at this start, the folder it is kept in, and the cache written for the next (whether one was). */
  codeCache: { state: CodeCacheState; folder: string | undefined; saved(): Promise<boolean> };
  /** Sidecar writes under way, and a promise of their end (what `deactivate` waits for). */
  sidecarWrites: { underWay(): number; settled(): Promise<void> };
}

/** How the entry point (extensionLoader.ts) loaded this bundle. */
export interface BundleLoad {
  activateStart: number;
  cacheDir: string | undefined;
  report: LoadedBundle<unknown>['report'];
  saveCache(): Promise<boolean>;
}

/**
 * How long after the documents open at start are recognised the code cache is written:
 * by then it holds the recogniser's compiled code too, and the host is likely idle.
 */
const CODE_CACHE_AFTER_MS = 2000;

/** What must finish before the extension host goes: the sidecar writes under way. */
let beforeExit: (() => Promise<void>) | undefined;
/** VS Code gives `deactivate` five seconds; past this, the host goes without waiting. */
const EXIT_WAIT_MS = 4500;

/** Builds the services and registers them; behaviour lives in the modules. */
export function activate(context: vscode.ExtensionContext, loaded?: BundleLoad): GeoAnnotatorApi {
  const started = loaded?.activateStart ?? performance.now();
  // Our tasks' times on the host are told apart from the waits for a CPU that other threads cause.
  const waitClock = threadWaitClock();
  if (waitClock) taskTimes.useWaitClock(waitClock);
  const marks = globalThis as { __geoAnnotatorLoadStart?: number; __geoAnnotatorApiReady?: number; __geoAnnotatorLoadEnd?: number };
  const { __geoAnnotatorLoadStart: loadStart = NaN, __geoAnnotatorApiReady: apiReady = NaN, __geoAnnotatorLoadEnd: loadEnd = NaN } = marks;
  // The knowledge base is read when first needed (a document opened, a hover: ~10 ms), not while VS Code waits for activate().
  const builtin = () => engine().KnowledgeBase.builtin();
  let merged: KnowledgeBase | undefined;
  const kb = () => (merged ??= builtin());
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;
  const codeCacheDir = loaded?.cacheDir;
  locateEngine(dist, codeCacheDir);
  // Parsed large sidecars are kept in the extension's global storage (a local folder on desktop).
  const storage = context.globalStorageUri;
  const codec = new SidecarCodec(dist, storage.scheme === 'file' ? vscode.Uri.joinPath(storage, 'parsed-sidecars').fsPath : undefined, codeCacheDir);
  const store = new SidecarStore(codec);
  beforeExit = () => store.settled();
  // Two workers: open documents are answered at once, whatever the indexing of a folder is doing.
  const worker = new BackgroundRecognizer(dist, WORKER_NICE.document, codeCacheDir);
  const indexingWorker = new BackgroundRecognizer(dist, WORKER_NICE.background, codeCacheDir);
  const registry = new DocumentRegistry(kb, store, worker);
  const decorations = new DecorationController(registry);
  const selector: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'geotext' }];
  const userEntities = new UserEntities(builtin, (withOwn, own) => {
    merged = withOwn;
    registry.userEntities = own;
    void registry.knowledgeBaseChanged();
  });
  const indexer = new WorkspaceIndexer(registry, indexingWorker);
  const quotes = new QuoteTree(indexer, kb);
  const entities = new EntityTree(registry);
  context.subscriptions.push(
    { dispose: () => worker.dispose() },
    { dispose: () => indexingWorker.dispose() },
    codec,
    registry,
    decorations,
    indexer,
    quotes,
    entities,
    vscode.languages.registerReferenceProvider(selector, new ReferenceProvider(registry, indexer)),
    vscode.languages.registerWorkspaceSymbolProvider(new SymbolProvider(indexer)),
    vscode.window.registerTreeDataProvider('geoAnnotator.quotes', quotes),
    new StatusBar(registry),
    new SidecarDiagnostics(registry, store),
    userEntities,
    vscode.languages.registerHoverProvider(selector, new HoverProvider(registry, kb, indexer)),
    vscode.languages.registerCodeActionsProvider(selector, new OrphanFixes(), { providedCodeActionKinds: OrphanFixes.kinds }),
    new SidecarLifecycle(registry, store),
    vscode.window.registerTreeDataProvider('geoAnnotator.entities', entities),
    ...registerCommands({ registry, store, kb }),
  );
  const setContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'geoAnnotator.active', Boolean(doc && registry.get(doc)));
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(setContext), registry.onDidChange(setContext));
  // Documents already open when the extension starts.
  const opened = Promise.all(vscode.workspace.textDocuments.map((d) => registry.open(d))).then(() => {
    decorations.refreshAll();
    setContext();
  });
  const cacheSaved = opened.then(
    () => new Promise<boolean>((resolve) => setTimeout(() => resolve(loaded ? taskTimes.measure('making the code cache', () => loaded.saveCache()) : false), CODE_CACHE_AFTER_MS)),
    () => false,
  );
  void userEntities.start();
  indexer.start();
  const activation = { loadMs: loadEnd - loadStart, vscodeApiMs: apiReady - loadStart, waitMs: started - loadEnd, activateMs: performance.now() - started, bundle: loaded?.report };
  const codeCache = { state: loaded?.report.cache ?? 'off', folder: codeCacheDir, saved: () => cacheSaved };
  const sidecarWrites = { underWay: () => store.writesUnderWay, settled: () => store.settled() };
  return { registry, decorations, indexer, quotes, entities, commands: Object.keys(COMMANDS).map((c) => `geoAnnotator.${c}`), knowledgeBase: kb, taskTimes, activation, recogniser: { load: engineLoadReport, cacheSaved: engineCacheSaved }, codeCache, sidecarWrites };
}

/** Lets a sidecar write under way reach the disk (the sidecar worker, disposed, ends after it). */
export function deactivate(): Promise<void> | undefined {
  if (!beforeExit) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, EXIT_WAIT_MS)));
  return Promise.race([beforeExit(), late]).finally(() => clearTimeout(timer));
}

import * as vscode from 'vscode';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import type { Entity } from './core/kb/types';
import { runSliced } from './core/util/sliced';
import { engineSteps } from './engineLoader';
import { settings } from './settings';

/**
 * The user's own entity files (`**\/*.entities.yaml` by default), merged over the built-in
 * knowledge base and watched; errors go to Problems with file and line, and the rest of
 * a bad file still loads.
 */
export class UserEntities implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('geoAnnotator.entities');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** The built-in knowledge base, read only once there are entity files to merge over it. */
    private readonly builtin: () => KnowledgeBase,
    private readonly onMerged: (kb: KnowledgeBase, own: Entity[]) => void,
  ) {}

  async start(): Promise<void> {
    const glob = settings().entityFiles;
    const watcher = vscode.workspace.createFileSystemWatcher(glob);
    const schedule = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.load(), 300);
    };
    this.disposables.push(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule));
    await this.load();
  }

  private async load(): Promise<void> {
    const files = await vscode.workspace.findFiles(settings().entityFiles, '**/node_modules/**', 200);
    if (files.length === 0) {
      // The last file gone: its entities go too (none merged yet: nothing to do, nothing read).
      this.diagnostics.clear();
      if (this.merged) this.onMerged(this.builtin(), []);
      this.merged = false;
      return;
    }
    // The YAML reader is the recogniser's (engine.ts), loaded only when needed, a step at a time.
    const { parseEntityFile } = await runSliced(engineSteps(), 8, 'loading the recogniser');
    const entities: Entity[] = [];
    this.diagnostics.clear();
    for (const uri of files) {
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue; // deleted since it was found: the watcher reloads again
      }
      const text = new TextDecoder().decode(bytes);
      const r = parseEntityFile(vscode.workspace.asRelativePath(uri), text);
      entities.push(...r.entities);
      this.diagnostics.set(
        uri,
        r.diagnostics.map((d) => {
          const pos = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
          const diag = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
          diag.source = 'Geo Annotator';
          return diag;
        }),
      );
    }
    this.onMerged(this.builtin().merge(entities), entities);
    this.merged = true;
  }
  /** Entities of the user's files are merged in now. */
  private merged = false;

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

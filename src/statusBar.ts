import * as vscode from 'vscode';
import type { DocumentRegistry } from './registry';

/** Counts for the active document; clicking opens the side panel. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('geoAnnotator.counts', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly registry: DocumentRegistry) {
    this.item.name = 'Geo Annotator';
    this.item.command = 'geoAnnotator.entities.focus';
    this.disposables.push(registry.onDidChange(() => this.updateSoon()), vscode.window.onDidChangeActiveTextEditor(() => void this.update()));
    void this.update();
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Counts follow typing a moment later, not on every keystroke. */
  private updateSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 150);
  }

  async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const state = editor && this.registry.get(editor.document);
    if (!state) {
      this.item.hide();
      return;
    }
    if (state.tooLarge) {
      this.item.text = '$(globe) too large';
      this.item.tooltip = 'Geo Annotator: this file is over geoAnnotator.maxFileSizeMB; recognition is off.';
    } else {
      const counts = (await state.counts()).byType;
      if (vscode.window.activeTextEditor?.document !== state.document) return; // another file meanwhile
      const count = (t: string) => counts.get(t) ?? 0;
      const saved = state.annotations.filter((a) => a.stored.status === 'accepted').length;
      this.item.text = `$(globe) ${count('leader')} leaders · ${count('country')} countries · ${state.recognition.quotes.length} quotes`;
      this.item.tooltip = `Geo Annotator — ${saved} saved annotation${saved === 1 ? '' : 's'}${state.sidecar.kind === 'broken' ? ' · the sidecar has errors (see Problems)' : ''}. Click for the side panel.`;
    }
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

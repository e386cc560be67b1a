import * as vscode from 'vscode';
import type { DocumentState } from './documentState';
import type { DocumentRegistry } from './registry';
import type { SidecarStore } from './sidecarStore';

/**
 * Problems: a sidecar that does not parse (on the sidecar, at its line and column; the
 * file is left untouched until fixed) and annotations that lost their place (orphans).
 */
export class SidecarDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('geoAnnotator');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    registry: DocumentRegistry,
    private readonly store: SidecarStore,
  ) {
    this.disposables.push(registry.onDidChange((s) => this.update(s)));
  }

  update(state: DocumentState): void {
    const sidecarUri = this.store.sidecarUri(state.uri);
    if (state.sidecar.kind === 'broken') {
      this.collection.set(
        sidecarUri,
        state.sidecar.errors.map((e) => {
          const pos = new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1));
          const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), `${e.message} — the sidecar is not rewritten until this is fixed.`, vscode.DiagnosticSeverity.Error);
          d.source = 'Geo Annotator';
          return d;
        }),
      );
    } else this.collection.delete(sidecarUri);
    const orphans = state.annotations.filter((a) => a.orphan);
    this.collection.set(
      state.uri,
      orphans.map((a) => {
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Annotation “${a.stored.exact}” (${a.stored.kind}) lost its place: ${a.orphan}. Select its text and run “Geo Annotator: Attach Orphan to Selection”, or remove it.`, vscode.DiagnosticSeverity.Warning);
        d.source = 'Geo Annotator';
        d.code = a.stored.id;
        return d;
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

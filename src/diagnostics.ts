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
    const doc = state.document;
    const near = (cp: number) => {
      // Where it used to be, as near as the text still reaches.
      // positionAt clamps an offset past the end to the end.
      const pos = doc.positionAt(cp);
      return new vscode.Range(pos, doc.positionAt(doc.offsetAt(pos) + 1));
    };
    const problems: vscode.Diagnostic[] = [];
    for (const a of state.annotations) {
      if (a.orphan) {
        const d = new vscode.Diagnostic(near(a.stored.start), `Annotation “${a.stored.exact}” (${a.stored.kind}) lost its place: ${a.orphan}. Select its text and use the quick fix to attach it, or delete it.`, vscode.DiagnosticSeverity.Warning);
        d.source = 'Geo Annotator';
        d.code = a.stored.id;
        problems.push(d);
      } else if (a.reanchored) {
        const d = new vscode.Diagnostic(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)), `Annotation found again approximately after the text changed (${a.reanchored}); check it.`, vscode.DiagnosticSeverity.Information);
        d.source = 'Geo Annotator';
        problems.push(d);
      }
    }
    if (state.conflict) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), 'The sidecar changed on disk while annotation changes were pending; nothing is written until you choose Reload from Disk or Keep Mine.', vscode.DiagnosticSeverity.Warning);
      d.source = 'Geo Annotator';
      problems.push(d);
    }
    this.collection.set(state.uri, problems);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

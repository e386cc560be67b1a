import * as vscode from 'vscode';

/** Quick fixes for an orphaned annotation in Problems: attach it to the selection, or delete it. */
export class OrphanFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'Geo Annotator' || typeof d.code !== 'string' || !d.message.includes('lost its place')) continue;
      const id = d.code;
      if (editor && !editor.selection.isEmpty) {
        const attach = new vscode.CodeAction(`Attach the orphaned annotation to “${doc.getText(editor.selection).slice(0, 40)}”`, vscode.CodeActionKind.QuickFix);
        attach.command = { title: 'Attach', command: 'geoAnnotator.attachOrphan', arguments: [{ id }] };
        attach.diagnostics = [d];
        out.push(attach);
      }
      const remove = new vscode.CodeAction('Delete the orphaned annotation', vscode.CodeActionKind.QuickFix);
      remove.command = { title: 'Delete', command: 'geoAnnotator.removeAnnotation', arguments: [{ id }] };
      remove.diagnostics = [d];
      out.push(remove);
    }
    return out;
  }
}

import * as vscode from 'vscode';
import { ANNOTATION_KINDS, type AnnotationKind } from './core/sidecar/model';
import type { DocumentState } from './documentState';
import type { DocumentRegistry } from './registry';
import { settings } from './settings';
import { taskTimes } from './core/util/taskTimes';

type Style = 'saved' | 'suggested';

/**
 * Highlights every visible text editor: one decoration type per kind and style, made
 * once. Saved annotations get a filled background, suggestions a dotted underline.
 */
export class DecorationController implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  /** What was last drawn per document and type, for tests (VS Code cannot read decorations back). */
  readonly drawn = new Map<string, Map<string, vscode.Range[]>>();
  /** When each document was last drawn (performance.now()), for tests timing an edit to the screen. */
  readonly drawnAt = new Map<string, number>();
  /** Per editor, the stretch drawn when the lines on screen spanned more than WIDEST_DRAWN. */
  private readonly cut = new WeakMap<vscode.TextEditor, { from: number; to: number } | undefined>();

  constructor(private readonly registry: DocumentRegistry) {
    for (const kind of ANNOTATION_KINDS) {
      for (const style of ['saved', 'suggested'] as Style[]) this.types.set(`${kind}.${style}`, createType(kind, style));
    }
    this.disposables.push(
      registry.onDidChange((s) => this.refreshDocument(s)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      // Large files are decorated around what is on screen, and again as it scrolls.
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const state = this.registry.get(e.textEditor.document);
        if (state?.background) taskTimes.measure('highlights after scrolling', () => this.draw(e.textEditor, state));
      }),
      // ... and as the cursor moves, where the lines could not tell what is on screen.
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const cut = this.cut.get(e.textEditor);
        const state = cut && this.registry.get(e.textEditor.document);
        if (!cut || !state?.background) return;
        const at = e.textEditor.document.offsetAt(e.selections[0]!.active);
        const quarter = (cut.to - cut.from) / 4;
        if (at < cut.from + quarter || at > cut.to - quarter) taskTimes.measure('highlights after the cursor moved', () => this.draw(e.textEditor, state));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('geoAnnotator')) this.refreshAll();
      }),
    );
  }

  refreshAll(): void {
    taskTimes.measure('highlights of every visible editor', () => this.drawAll());
  }

  private drawAll(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const state = this.registry.get(editor.document);
      if (state) this.draw(editor, state);
    }
  }

  private refreshDocument(state: DocumentState): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === state.document) this.draw(editor, state);
  }

  private draw(editor: vscode.TextEditor, state: DocumentState): void {
    const doc = editor.document;
    // For a large file, only what is near the screen: thousands of ranges cost the host time.
    let from = 0;
    let to = Infinity;
    if (state.background) {
      // No visible range yet (an editor being opened): its first screen.
      const first = editor.visibleRanges[0]?.start.line ?? 0;
      const last = editor.visibleRanges.at(-1)?.end.line ?? 100;
      from = doc.offsetAt(new vscode.Position(Math.max(0, first - 200), 0));
      to = doc.offsetAt(new vscode.Position(last + 200, 0));
      // Lines say nothing in a file of a few very long lines (all of it is "on screen"):
      // there, what is near the cursor.
      const cut = to - from > WIDEST_DRAWN;
      if (cut) {
        const cursor = doc.offsetAt(editor.selection.active);
        from = Math.max(from, Math.min(cursor - DRAWN_NEAR_CURSOR / 2, to - DRAWN_NEAR_CURSOR));
        to = from + DRAWN_NEAR_CURSOR;
      }
      this.cut.set(editor, cut ? { from, to } : undefined);
    }
    const near = (x: { start: number; end: number }) => x.end >= from && x.start <= to;
    const ranges = new Map<string, vscode.Range[]>();
    for (const key of this.types.keys()) ranges.set(key, []);
    const cfg = settings();
    const rejected = new Set<string>();
    for (const a of state.annotations) {
      if (a.orphan || !near(a)) continue;
      if (a.stored.status === 'rejected') {
        rejected.add(`${a.start}:${a.end}`);
        continue;
      }
      if (!cfg.show(a.stored.kind)) continue;
      ranges.get(`${a.stored.kind}.${a.stored.status === 'accepted' ? 'saved' : 'suggested'}`)!.push(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
    }
    for (const s of state.suggestions(from, to)) {
      if (rejected.has(`${s.start}:${s.end}`) || !cfg.show(s.kind)) continue;
      ranges.get(`${s.kind}.suggested`)!.push(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
    }
    for (const [key, type] of this.types) editor.setDecorations(type, ranges.get(key)!);
    this.drawn.set(doc.uri.toString(), ranges);
    this.drawnAt.set(doc.uri.toString(), performance.now());
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The most text drawn at once: about what the 200 lines on either side of the screen hold in news. */
const WIDEST_DRAWN = 200_000;
/**
 * What is drawn around the cursor where lines cannot tell what is on screen: far more
 * than a screen shows of a long line, and a third of the ranges 200,000 characters of
 * news hold (~700 against 2,200, which took the host 20–60 ms to draw after each edit).
 */
const DRAWN_NEAR_CURSOR = 64_000;

function createType(kind: AnnotationKind, style: Style): vscode.TextEditorDecorationType {
  const color = new vscode.ThemeColor(`geoAnnotator.${kind}`);
  const background = new vscode.ThemeColor(`geoAnnotator.${kind}Background`);
  return vscode.window.createTextEditorDecorationType(
    style === 'saved'
      ? { backgroundColor: background, borderRadius: '2px', overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Right, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }
      : { textDecoration: 'underline dotted', color, overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Left, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed },
  );
}

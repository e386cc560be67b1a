import * as vscode from 'vscode';
import { filterSteps, forEachStep, runSliced } from './core/util/sliced';
import { groupKey, type DocumentState } from './documentState';
import type { DocumentRegistry } from './registry';

type Node =
  | { type: 'kind'; kind: string; count: number }
  | { type: 'entity'; kind: string; key: string; name: string; count: number }
  | { type: 'mention'; start: number; end: number; label: string }
  | { type: 'speakers' }
  | { type: 'orphans'; count: number }
  | { type: 'orphan'; label: string; reason: string }
  | { type: 'speaker'; name: string; count: number }
  | { type: 'more'; count: number };

/** A tree of a hundred thousand rows helps nobody and costs the host: lists stop here. */
const LIST_LIMIT = 500;

const NO_SPEAKER = '(no speaker)';

const KIND_LABELS: Record<string, string> = { leader: 'Leaders', person: 'People', country: 'Countries', demonym: 'Demonyms', place: 'Places', org: 'Organisations' };

/** The side panel: the active file's entities by kind with counts, their mentions, and quotes by speaker. */
export class EntityTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly registry: DocumentRegistry) {
    this.disposables.push(
      registry.onDidChange(() => this.refreshSoon()),
      vscode.window.onDidChangeActiveTextEditor(() => this.changed.fire(undefined)),
      { dispose: () => clearTimeout(this.timer) },
    );
  }

  private timer: ReturnType<typeof setTimeout> | undefined;

  /** While typing, the panel catches up a moment later rather than on every keystroke. */
  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), 250);
  }

  private state(): DocumentState | undefined {
    const e = vscode.window.activeTextEditor;
    return e ? this.registry.get(e.document) : undefined;
  }

  /** Counts come from the state's counts of its mentions and passes run a slice at a time: a large file has hundreds of thousands. */
  async getChildren(node?: Node): Promise<Node[]> {
    const state = this.state();
    if (!state) return [];
    if (!node) {
      const { byType } = await state.counts();
      const kinds = Object.keys(KIND_LABELS)
        .map((kind) => ({ type: 'kind' as const, kind, count: byType.get(kind) ?? 0 }))
        .filter((k) => k.count > 0);
      const orphans = state.annotations.filter((a) => a.orphan).length;
      return [...kinds, { type: 'speakers' }, ...(orphans ? [{ type: 'orphans' as const, count: orphans }] : [])];
    }
    switch (node.type) {
      case 'kind': {
        const groups = (await state.counts()).byKind.get(node.kind) ?? new Map<string, { name: string; count: number }>();
        return [...groups].sort((a, b) => b[1].count - a[1].count).map(([key, g]) => ({ type: 'entity', kind: node.kind, key, name: g.name, count: g.count }));
      }
      case 'entity': {
        const all = await runSliced(filterSteps(state.recognition.mentions, (m) => m.type === node.kind && groupKey(m) === node.key), 8, 'side panel');
        return limited(all, (m) => ({ type: 'mention', start: m.start, end: m.end, label: snippet(state.document, m.start, m.end) }));
      }
      case 'speakers': {
        const by = new Map<string, number>();
        await runSliced(forEachStep(state.recognition.quotes, (q) => by.set(q.speaker ?? NO_SPEAKER, (by.get(q.speaker ?? NO_SPEAKER) ?? 0) + 1)), 8, 'side panel');
        return [...by].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ type: 'speaker', name, count }));
      }
      case 'orphans':
        return state.annotations.filter((a) => a.orphan).map((a) => ({ type: 'orphan', label: `${a.stored.exact} (${a.stored.kind})`, reason: a.orphan! }));
      case 'speaker': {
        const all = await runSliced(filterSteps(state.recognition.quotes, (q) => (q.speaker ?? NO_SPEAKER) === node.name), 8, 'side panel');
        return limited(all, (q) => ({ type: 'mention', start: q.start, end: q.end, label: q.text.length > 80 ? q.text.slice(0, 79) + '…' : q.text }));
      }
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'kind':
        return { label: `${KIND_LABELS[node.kind]} (${node.count})`, collapsibleState: vscode.TreeItemCollapsibleState.Expanded, contextValue: 'kind' };
      case 'entity':
        return { label: node.name, description: `×${node.count}`, collapsibleState: vscode.TreeItemCollapsibleState.Collapsed, contextValue: 'entity' };
      case 'speakers':
        return { label: `Quotes by speaker (${this.state()?.recognition.quotes.length ?? 0})`, collapsibleState: vscode.TreeItemCollapsibleState.Collapsed };
      case 'speaker':
        return { label: node.name, description: `×${node.count}`, collapsibleState: vscode.TreeItemCollapsibleState.Collapsed };
      case 'orphans':
        return { label: `Orphaned annotations (${node.count})`, collapsibleState: vscode.TreeItemCollapsibleState.Expanded, iconPath: new vscode.ThemeIcon('warning') };
      case 'orphan':
        return { label: node.label, tooltip: node.reason, description: 'lost its place', collapsibleState: vscode.TreeItemCollapsibleState.None, command: { title: 'Show in Problems', command: 'workbench.actions.view.problems' } };
      case 'more':
        return { label: `… and ${node.count} more`, tooltip: 'Go to References (Shift+F12) on a name lists every mention', collapsibleState: vscode.TreeItemCollapsibleState.None };
      case 'mention': {
        const doc = this.state()?.document;
        const range = doc ? new vscode.Range(doc.positionAt(node.start), doc.positionAt(node.end)) : undefined;
        return {
          label: node.label,
          description: doc ? `line ${doc.positionAt(node.start).line + 1}` : '',
          collapsibleState: vscode.TreeItemCollapsibleState.None,
          ...(doc && range ? { command: { title: 'Reveal', command: 'vscode.open', arguments: [doc.uri, { selection: range }] } } : {}),
        };
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The first LIST_LIMIT of `items` as rows, and a row saying how many more. */
function limited<T>(items: readonly T[], row: (item: T) => Node): Node[] {
  const rows = items.slice(0, LIST_LIMIT).map(row);
  return items.length <= LIST_LIMIT ? rows : [...rows, { type: 'more', count: items.length - LIST_LIMIT }];
}

/** The mention with a little of the text around it, read from the document (a large file's whole text is never copied for it). */
function snippet(doc: vscode.TextDocument, start: number, end: number): string {
  const around = (from: number, to: number) => doc.getText(new vscode.Range(doc.positionAt(from), doc.positionAt(to)));
  const before = around(Math.max(0, start - 25), start).replace(/\s+/g, ' ');
  const after = around(end, end + 25).replace(/\s+/g, ' ');
  return `…${before}${around(start, end)}${after}…`;
}

import * as vscode from 'vscode';
import { taskTimes } from './core/util/taskTimes';
import type { DocumentState } from './documentState';
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

  getChildren(node?: Node): Node[] {
    return taskTimes.measure('side panel', () => this.children(node));
  }

  private children(node?: Node): Node[] {
    const state = this.state();
    if (!state) return [];
    const mentions = state.recognition.mentions;
    if (!node) {
      const kinds = Object.keys(KIND_LABELS)
        .map((kind) => ({ type: 'kind' as const, kind, count: mentions.filter((m) => m.type === kind).length }))
        .filter((k) => k.count > 0);
      const orphans = state.annotations.filter((a) => a.orphan).length;
      return [...kinds, { type: 'speakers' }, ...(orphans ? [{ type: 'orphans' as const, count: orphans }] : [])];
    }
    if (node.type === 'kind') {
      const groups = new Map<string, { name: string; count: number }>();
      for (const m of mentions) {
        if (m.type !== node.kind) continue;
        const key = m.entity ?? `name:${m.name}`;
        const g = groups.get(key) ?? { name: m.name, count: 0 };
        g.count++;
        groups.set(key, g);
      }
      return [...groups].sort((a, b) => b[1].count - a[1].count).map(([key, g]) => ({ type: 'entity', kind: node.kind, key, name: g.name, count: g.count }));
    }
    if (node.type === 'entity') {
      const all = mentions.filter((m) => m.type === node.kind && (m.entity ?? `name:${m.name}`) === node.key);
      return limited(all.map((m) => ({ type: 'mention', start: m.start, end: m.end, label: snippet(state.text(), m.start, m.end) })));
    }
    if (node.type === 'speakers') {
      const by = new Map<string, number>();
      for (const q of state.recognition.quotes) by.set(q.speaker ?? '(no speaker)', (by.get(q.speaker ?? '(no speaker)') ?? 0) + 1);
      return [...by].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ type: 'speaker', name, count }));
    }
    if (node.type === 'orphans') {
      return state.annotations.filter((a) => a.orphan).map((a) => ({ type: 'orphan', label: `${a.stored.exact} (${a.stored.kind})`, reason: a.orphan! }));
    }
    if (node.type === 'speaker') {
      const all = state.recognition.quotes.filter((q) => (q.speaker ?? '(no speaker)') === node.name);
      return limited(all.map((q) => ({ type: 'mention', start: q.start, end: q.end, label: q.text.length > 80 ? q.text.slice(0, 79) + '…' : q.text })));
    }
    return [];
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

function limited(nodes: Node[]): Node[] {
  return nodes.length <= LIST_LIMIT ? nodes : [...nodes.slice(0, LIST_LIMIT), { type: 'more', count: nodes.length - LIST_LIMIT }];
}

function snippet(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 25), start).replace(/\s+/g, ' ');
  const after = text.slice(end, end + 25).replace(/\s+/g, ' ');
  return `…${before}${text.slice(start, end)}${after}…`;
}

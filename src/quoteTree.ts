import * as vscode from 'vscode';
import type { IndexedQuote } from './core/corpus/workspaceIndex';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { toLocation, type WorkspaceIndexer } from './workspaceIndexer';

type Node = { type: 'country'; name: string; speakers: string[] } | { type: 'speaker'; name: string; quotes: IndexedQuote[] } | { type: 'quote'; quote: IndexedQuote };

/** Who said what, across the workspace: countries → speakers → their quotes; click opens the quote. */
export class QuoteTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly indexer: WorkspaceIndexer,
    private readonly kb: () => KnowledgeBase,
  ) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.disposables.push(
      indexer.onDidChange(() => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => this.changed.fire(undefined), 300);
      }),
    );
  }

  /** The country a speaker speaks for: their current role's country, or their nationality. */
  private countryOf(quotes: IndexedQuote[]): string {
    const id = quotes.find((q) => q.speakerEntity)?.speakerEntity;
    const e = id ? this.kb().get(id) : undefined;
    const c = e?.person?.roles.find((r) => !r.end && r.country)?.country ?? e?.person?.roles[0]?.country ?? e?.person?.country;
    return c ? (this.kb().get(c)?.name ?? c) : 'Unknown country';
  }

  getChildren(node?: Node): Node[] {
    const by = this.indexer.index.quotesBySpeaker();
    if (!node) {
      const countries = new Map<string, string[]>();
      for (const [speaker, quotes] of by) {
        if (speaker === '(no speaker)') continue;
        const c = this.countryOf(quotes);
        countries.set(c, [...(countries.get(c) ?? []), speaker]);
      }
      return [...countries].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).map(([name, speakers]) => ({ type: 'country', name, speakers }));
    }
    if (node.type === 'country') return node.speakers.map((name) => ({ type: 'speaker', name, quotes: by.get(name) ?? [] }));
    if (node.type === 'speaker') return node.quotes.map((quote) => ({ type: 'quote', quote }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'country') return { label: node.name, description: `${node.speakers.length} speaker${node.speakers.length === 1 ? '' : 's'}`, collapsibleState: vscode.TreeItemCollapsibleState.Expanded };
    if (node.type === 'speaker') return { label: node.name, description: `×${node.quotes.length}`, collapsibleState: vscode.TreeItemCollapsibleState.Collapsed };
    const q = node.quote;
    const loc = toLocation(q);
    return {
      label: q.text.length > 90 ? q.text.slice(0, 89) + '…' : q.text,
      description: loc.uri.path.split('/').pop(),
      tooltip: q.text,
      collapsibleState: vscode.TreeItemCollapsibleState.None,
      command: { title: 'Open', command: 'vscode.open', arguments: [loc.uri, { selection: loc.range }] },
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

import * as vscode from 'vscode';
import type { QuoteRef } from './core/corpus/workspaceIndex';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { runSliced } from './core/util/sliced';
import { toLocation, type WorkspaceIndexer } from './workspaceIndexer';

type Node = { type: 'country'; name: string; speakers: string[] } | { type: 'speaker'; name: string; quotes: QuoteRef[] } | { type: 'quote'; quote: QuoteRef } | { type: 'more'; count: number };

/** A speaker's quotes listed at most: a tree of ten thousand rows helps nobody and costs the host. */
const LIST_LIMIT = 500;

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
  private countryOf(quotes: QuoteRef[]): string {
    const id = quotes.find((q) => q.speakerEntity)?.speakerEntity;
    const e = id ? this.kb().get(id) : undefined;
    const c = e?.person?.roles.find((r) => !r.end && r.country)?.country ?? e?.person?.roles[0]?.country ?? e?.person?.country;
    return c ? (this.kb().get(c)?.name ?? c) : 'Unknown country';
  }

  private grouped: { revision: number; by: Map<string, QuoteRef[]> } | undefined;

  /** The index's quotes by speaker, grouped once per change of the index, a slice at a time. */
  private async bySpeaker(): Promise<Map<string, QuoteRef[]>> {
    const index = this.indexer.index;
    const revision = index.revision;
    if (this.grouped?.revision !== revision) this.grouped = { revision, by: await runSliced(index.quotesBySpeakerSteps(), 8, 'who said what') };
    return this.grouped.by;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const by = await this.bySpeaker();
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
    if (node.type === 'speaker') {
      const rows: Node[] = node.quotes.slice(0, LIST_LIMIT).map((quote) => ({ type: 'quote', quote }));
      return node.quotes.length > LIST_LIMIT ? [...rows, { type: 'more', count: node.quotes.length - LIST_LIMIT }] : rows;
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'country') return { label: node.name, description: `${node.speakers.length} speaker${node.speakers.length === 1 ? '' : 's'}`, collapsibleState: vscode.TreeItemCollapsibleState.Expanded };
    if (node.type === 'speaker') return { label: node.name, description: `×${node.quotes.length}`, collapsibleState: vscode.TreeItemCollapsibleState.Collapsed };
    if (node.type === 'more') return { label: `… and ${node.count} more`, collapsibleState: vscode.TreeItemCollapsibleState.None };
    const q = node.quote;
    const place = this.indexer.index.placeOf(q);
    const loc = place && toLocation(place);
    return {
      label: q.text.length > 90 ? q.text.slice(0, 89) + '…' : q.text,
      description: vscode.Uri.parse(q.uri).path.split('/').pop(),
      tooltip: q.text,
      collapsibleState: vscode.TreeItemCollapsibleState.None,
      ...(loc ? { command: { title: 'Open', command: 'vscode.open', arguments: [loc.uri, { selection: loc.range }] } } : {}),
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

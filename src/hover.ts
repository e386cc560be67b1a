import * as vscode from 'vscode';
import { entityCard, esc } from './core/facts/hoverCard';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { taskTimes } from './core/util/taskTimes';
import type { DocumentRegistry } from './registry';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Hover cards: facts on an entity, the speaker of a quote, the user's note, and command links. */
export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly kb: () => KnowledgeBase,
    private readonly indexer?: WorkspaceIndexer,
  ) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    return taskTimes.measure('hover', () => this.hover(doc, pos));
  }

  private hover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const state = this.registry.get(doc);
    if (!state) return undefined;
    const offset = doc.offsetAt(pos);
    const kb = this.kb();
    const saved = state.annotationAt(offset);
    const suggestion = saved ? undefined : state.suggestionAt(offset);
    const mention = state.mentionAt(offset);
    const quote = state.quoteAt(offset);
    const start = saved?.start ?? suggestion?.start ?? mention?.start ?? quote?.start;
    const end = saved?.end ?? suggestion?.end ?? mention?.end ?? quote?.end;
    if (start === undefined || end === undefined) return undefined;

    const parts: string[] = [];
    const kind = saved?.stored.kind ?? suggestion?.kind ?? (mention ? mention.type : 'quote');
    const entityId = saved ? saved.stored.entity : (suggestion?.mention ?? mention)?.entity;
    const date = state.articleDate();
    if (kind === 'quote') {
      const q = quote ?? suggestion?.quote;
      const speaker = saved?.stored.speaker ?? q?.speaker ?? null;
      const speakerEntity = saved?.stored.speakerEntity ?? q?.speakerEntity ?? null;
      const qkind = saved?.stored.quoteKind ?? q?.kind ?? 'speech';
      parts.push(`**${qkind === 'speech' ? 'Quotation' : 'Quoted term'}**${speaker ? ` — said by **${esc(speaker)}**` : ''}`);
      const who = speakerEntity ? kb.get(speakerEntity) : undefined;
      const role = who?.person?.roles[0];
      if (role) parts.push(`${esc(role.title)}${role.country ? ` of ${esc(kb.get(role.country)?.name ?? role.country)}` : ''}`);
    } else if (entityId) {
      const e = kb.get(entityId);
      if (e) {
        const count = state.mentionsOf(entityId);
        parts.push(entityCard(e, { kb, mentionsHere: count, ...(date ? { articleDate: date } : {}) }));
        const across = this.indexer?.index.counts(entityId, doc.uri.toString());
        if (across && across.files > 1) parts.push(`${across.total} mentions in ${across.files} files of the workspace (Shift+F12 lists them)`);
      }
    } else if ((suggestion?.mention ?? mention)?.candidates?.length) {
      // A name several leaders share, and nothing in the article settles it.
      const ids = (suggestion?.mention ?? mention)!.candidates!;
      const lines = ids.map((id) => {
        const e = kb.get(id);
        const role = e?.person?.roles[0];
        const where = role?.country ? ` of ${kb.get(role.country)?.name ?? role.country}` : '';
        return `- **${esc(e?.name ?? id)}**${role ? ` — ${esc(role.title)}${esc(where)} (${role.start?.slice(0, 4) ?? '?'}–${role.end?.slice(0, 4) ?? ''})` : ''}`;
      });
      parts.push(`**${esc(doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(end))))}** — ambiguous: the article does not say which\n\n${lines.join('\n')}\n\nUse *Link…* to choose.`);
    } else {
      const name = saved?.stored.name ?? (suggestion?.mention ?? mention)?.name ?? doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
      const count = state.mentionsNamed(name);
      parts.push(`**${esc(name)}** — ${kind}, not in the knowledge base\n\n- ${count} mention${count === 1 ? '' : 's'} in this file`);
    }
    if (saved?.stored.note) parts.push(`---\n📝 ${esc(saved.stored.note)}`);
    parts.push(`---\n${saved ? (saved.stored.status === 'accepted' ? '✔ saved annotation' : `${saved.stored.status} annotation`) : 'suggestion'} · ${this.links(saved !== undefined, start)}`);

    const md = new vscode.MarkdownString(parts.join('\n\n'));
    md.isTrusted = { enabledCommands: ['geoAnnotator.acceptSuggestion', 'geoAnnotator.rejectSuggestion', 'geoAnnotator.linkEntity', 'geoAnnotator.showMentions', 'geoAnnotator.editNote'] };
    md.supportHtml = false;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
  }

  private links(saved: boolean, offset: number): string {
    const arg = (cmd: string) => `command:${cmd}?${encodeURIComponent(JSON.stringify([{ offset }]))}`;
    const links = saved
      ? [`[Edit note](${arg('geoAnnotator.editNote')})`, `[Link…](${arg('geoAnnotator.linkEntity')})`]
      : [`[Annotate](${arg('geoAnnotator.acceptSuggestion')})`, `[Reject](${arg('geoAnnotator.rejectSuggestion')})`, `[Link…](${arg('geoAnnotator.linkEntity')})`];
    links.push(`[All mentions](${arg('geoAnnotator.showMentions')})`);
    return links.join(' · ');
  }
}

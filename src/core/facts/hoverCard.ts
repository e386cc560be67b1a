import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Entity, Role } from '../kb/types';

/** What a hover card says about an entity, as Markdown. Pure, so the CLI, tests and benchmarks share it. */
export interface CardContext {
  kb: KnowledgeBase;
  /** Mentions of this entity in the current file. */
  mentionsHere?: number;
  /** The article's own date (YYYY-MM-DD), to say whether a role was held then. */
  articleDate?: string;
}

export function entityCard(e: Entity, ctx: CardContext): string {
  const lines: string[] = [];
  const name = (id: string) => ctx.kb.get(id)?.name ?? id;
  const flag = (id: string) => ctx.kb.get(id)?.country?.flag ?? '';
  switch (e.kind) {
    case 'leader':
    case 'person': {
      lines.push(`**${esc(e.name)}** — ${e.kind === 'leader' ? 'political leader' : e.person?.occupation ? esc(e.person.occupation) : 'person'}`);
      const roles = e.person?.roles ?? [];
      for (const r of roles.slice(0, 4)) lines.push(`- ${roleLine(r, name, flag, ctx.articleDate)}`);
      if (e.person?.born) lines.push(`- born ${e.person.born}`);
      break;
    }
    case 'country': {
      const c = e.country!;
      lines.push(`**${c.flag ? c.flag + ' ' : ''}${esc(e.name)}** — ${esc(c.official)}`);
      if (c.dissolved) lines.push(`- former state, ${c.founded ?? '?'}–${c.dissolved}${c.successors?.length ? `; succeeded by ${c.successors.map(name).join(', ')}` : ''}`);
      if (c.capital.length) lines.push(`- capital: ${c.capital.map(esc).join(', ')}`);
      if (c.region) lines.push(`- region: ${esc(c.region)}${c.subregion ? ` · ${esc(c.subregion)}` : ''}`);
      if (c.neighbours.length) lines.push(`- neighbours: ${c.neighbours.map(name).map(esc).join(', ')}`);
      if (c.blocs.length) lines.push(`- member of: ${c.blocs.map((b) => ctx.kb.get(b)?.org?.abbreviation ?? shortName(ctx.kb.get(b)) ?? b).join(', ')}`);
      if (c.iso3) lines.push(`- ISO: ${c.iso2 ?? ''} / ${c.iso3}`);
      break;
    }
    case 'place': {
      const p = e.place!;
      lines.push(`**${esc(e.name)}** — ${esc(p.placeType)}${p.country ? ` in ${flag(p.country)} ${esc(name(p.country))}` : ''}`);
      if (p.metonymFor) lines.push(`- often stands for the government of ${esc(name(p.metonymFor))}`);
      break;
    }
    case 'org': {
      const o = e.org!;
      lines.push(`**${esc(e.name)}** — ${esc(o.orgType)}`);
      if (o.members?.length) lines.push(`- ${o.members.length} members: ${o.members.slice(0, 12).map(name).map(esc).join(', ')}${o.members.length > 12 ? ' …' : ''}`);
      if (o.headquarters) lines.push(`- headquarters: ${esc(o.headquarters)}`);
      break;
    }
  }
  const spellings = e.aliases.filter((a) => a !== e.name).slice(0, 8);
  if (spellings.length) lines.push(`- also: ${spellings.map(esc).join(', ')}`);
  if (ctx.mentionsHere !== undefined) lines.push(`- ${ctx.mentionsHere} mention${ctx.mentionsHere === 1 ? '' : 's'} in this file`);
  const links: string[] = [];
  if (e.wikidata) links.push(`[Wikidata](https://www.wikidata.org/wiki/${e.wikidata})`);
  links.push(`[Wikipedia](https://en.wikipedia.org/wiki/${encodeURIComponent(e.name.replace(/ /g, '_'))})`);
  lines.push('', links.join(' · ') + ` · facts as of ${ctx.kb.asOf}`);
  return lines.join('\n');
}

function roleLine(r: Role, name: (id: string) => string, flag: (id: string) => string, articleDate: string | undefined): string {
  const where = r.country ? ` of ${flag(r.country)} ${name(r.country)}` : r.org ? `, ${name(r.org)}` : '';
  const span = r.start ? (r.end ? `${r.start.slice(0, 4)}–${r.end.slice(0, 4)}` : `since ${r.start}`) : r.end ? `until ${r.end}` : '';
  let then = '';
  if (articleDate) {
    const held = (!r.start || r.start <= articleDate) && (!r.end || articleDate <= r.end);
    then = held ? ' — in office at the time of this article' : r.start && articleDate < r.start ? ' — not yet in office at the time of this article' : ' — former at the time of this article';
  }
  return `${esc(r.title)}${esc(where)}${span ? ` (${span})` : ''}${then}`;
}

function shortName(e: Entity | undefined): string | undefined {
  if (!e) return undefined;
  return e.aliases.find((a) => /^[A-Z0-9-]{2,6}$/.test(a)) ?? e.name;
}

/** Escapes Markdown so names cannot inject links or formatting. */
export function esc(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

import type { KnowledgeBase } from '../core/kb/knowledgeBase';
import type { Entity } from '../core/kb/types';
import type { Style } from './style';

/** `geo-annotate kb search TEXT | list [--json] | stats`: returns the exit code. */
export function kbCommand(args: string[], json: boolean, kb: KnowledgeBase, s: Style): number {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'search': {
      const query = rest.join(' ').trim();
      if (!query) {
        process.stderr.write('geo-annotate kb search: give a name to look for\n');
        return 2;
      }
      const found = search(kb, query);
      if (json) process.stdout.write(JSON.stringify(found, null, 1) + '\n');
      else if (found.length === 0) process.stdout.write(`no entity matches “${query}”\n`);
      else for (const e of found) process.stdout.write(describe(e, kb, s) + '\n');
      return 0;
    }
    case 'list': {
      const all = [...kb.all()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.name < b.name ? -1 : 1));
      if (json) process.stdout.write(JSON.stringify(all, null, 1) + '\n');
      else for (const e of all) process.stdout.write(`${s.kind(e.kind, e.kind.padEnd(8))} ${e.id.padEnd(16)} ${e.name}\n`);
      return 0;
    }
    case 'stats': {
      const counts = new Map<string, number>();
      let aliases = 0;
      for (const e of kb.all()) {
        counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
        aliases += e.aliases.length + (e.weakAliases?.length ?? 0) + (e.country?.demonyms.length ?? 0);
      }
      const stats = {
        countries: counts.get('country') ?? 0,
        leaders: counts.get('leader') ?? 0,
        people: counts.get('person') ?? 0,
        places: counts.get('place') ?? 0,
        organisations: counts.get('org') ?? 0,
        aliases,
        asOf: kb.asOf,
      };
      if (json) process.stdout.write(JSON.stringify(stats) + '\n');
      else for (const [k, v] of Object.entries(stats)) process.stdout.write(`${k.padEnd(14)} ${v}\n`);
      return 0;
    }
    default:
      process.stderr.write('usage: geo-annotate kb search TEXT | kb list [--json] | kb stats [--json]\n');
      return 2;
  }
}

type Searchable = KnowledgeBase & { search?: (q: string, limit?: number) => Entity[] };

function search(kb: KnowledgeBase, query: string): Entity[] {
  const withSearch = kb as Searchable;
  if (typeof withSearch.search === 'function') return withSearch.search(query, 20);
  const q = query.toLowerCase();
  return kb.all().filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(q))).slice(0, 20);
}

function describe(e: Entity, kb: KnowledgeBase, s: Style): string {
  const lines = [`${s.kind(e.kind, e.name)} ${s.dim(`${e.kind} · ${e.id}`)}`];
  const name = (id: string) => kb.get(id)?.name ?? id;
  if (e.aliases.length) lines.push(`  also: ${e.aliases.slice(0, 12).join(', ')}`);
  if (e.country) {
    const c = e.country;
    lines.push(`  ${c.flag ?? ''} ${c.official}`.trimEnd());
    if (c.capital.length) lines.push(`  capital: ${c.capital.join(', ')}`);
    if (c.region) lines.push(`  region: ${c.region}${c.subregion ? ` · ${c.subregion}` : ''}`);
    if (c.neighbours.length) lines.push(`  neighbours: ${c.neighbours.map(name).join(', ')}`);
    if (c.blocs.length) lines.push(`  blocs: ${c.blocs.map(name).join(', ')}`);
    if (c.demonyms.length) lines.push(`  demonyms: ${c.demonyms.join(', ')}`);
  }
  for (const r of e.person?.roles ?? []) {
    const where = r.country ? name(r.country) : r.org ? name(r.org) : '';
    lines.push(`  ${r.title}${where ? ` of ${where}` : ''} ${r.start ?? '?'}–${r.end ?? ''}`);
  }
  if (e.wikidata) lines.push(`  https://www.wikidata.org/wiki/${e.wikidata}`);
  return lines.join('\n');
}

import type { Entity, EntityKind } from './types';
import { KB_JSON } from './generated/kbJson';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

let builtinKb: KnowledgeBase | undefined;

/** Read-only view over the built-in entities merged with the user's own. */
export class KnowledgeBase {
  private readonly byId: Map<string, Entity>;

  constructor(
    entities: readonly Entity[],
    /** Date the built-in facts are true as of (YYYY-MM-DD). */
    readonly asOf: string,
  ) {
    this.byId = new Map(entities.map((e) => [e.id, e]));
  }

  /** The knowledge base compiled into the bundle. */
  static builtin(): KnowledgeBase {
    if (!builtinKb) {
      const data = JSON.parse(KB_JSON) as { asOf: string; entities: Entity[] };
      builtinKb = new KnowledgeBase(data.entities, data.asOf);
    }
    return builtinKb;
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  all(): readonly Entity[] {
    return [...this.byId.values()];
  }

  byKind(kind: EntityKind): Entity[] {
    return this.all().filter((e) => e.kind === kind);
  }

  /**
   * A new KB with the user's entities: a new id adds an entity; a known id overrides the
   * fields the user gave (name, kind, description, facts) and adds their aliases to ours.
   */
  merge(entities: readonly Entity[]): KnowledgeBase {
    const merged = new Map(this.byId);
    for (const u of entities) {
      const base = merged.get(u.id);
      if (!base) {
        if (u.name) merged.set(u.id, u);
        continue;
      }
      merged.set(u.id, {
        ...base,
        ...(u.name ? { name: u.name, kind: u.kind } : {}),
        aliases: [...new Set([...base.aliases, ...u.aliases])],
        ...(u.weakAliases ? { weakAliases: [...new Set([...(base.weakAliases ?? []), ...u.weakAliases])] } : {}),
        ...(u.description ? { description: u.description } : {}),
        ...(u.wikidata ? { wikidata: u.wikidata } : {}),
        // A person's facts the user gave replace ours; a sex given alone is added to them.
        ...(u.person ? { person: u.person.roles.length === 0 && base.person ? { ...base.person, ...(u.person.sex ? { sex: u.person.sex } : {}) } : u.person } : {}),
        ...(u.place ? { place: u.place } : {}),
        ...(u.org ? { org: u.org } : {}),
        source: u.source,
      });
    }
    return new KnowledgeBase([...merged.values()], this.asOf);
  }

  /** Entities whose name or an alias contains `query`, ignoring case and diacritics; best first. */
  search(query: string, limit = 20): Entity[] {
    const q = fold(query);
    if (!q) return [];
    const scored: { e: Entity; score: number }[] = [];
    for (const e of this.byId.values()) {
      let best = 0;
      for (const n of [e.name, ...e.aliases, ...(e.weakAliases ?? [])]) {
        const f = fold(n);
        const s = f === q ? 3 : f.startsWith(q) ? 2 : f.includes(q) ? 1 : 0;
        if (s > best) best = s;
      }
      if (best) scored.push({ e, score: best * 10 + (e.kind === 'leader' || e.kind === 'country' ? 1 : 0) });
    }
    return scored
      .sort((a, b) => b.score - a.score || (a.e.name < b.e.name ? -1 : 1))
      .slice(0, limit)
      .map((x) => x.e);
  }
}

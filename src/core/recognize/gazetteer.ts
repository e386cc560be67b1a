import type { Entity } from '../kb/types';
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { MentionType } from '../model/types';
import { WORD_CHARS } from './charClasses';
import { escapeRegExp, foldDiacritics } from './fold';

/** One way a surface form can be read. */
export interface GazetteerEntry {
  entity: Entity;
  type: MentionType;
  /** Too ambiguous alone: counts only once the entity was named fully in the document. */
  weak: boolean;
}

/**
 * Every surface form the knowledge base knows, with what it may mean, and one RegExp
 * that finds them all. The alternation is ordered longest first so that at any position
 * the longest name wins ("Russian Federation" over "Russian").
 */
export class Gazetteer {
  readonly entries = new Map<string, GazetteerEntry[]>();
  readonly pattern: RegExp;

  constructor(entities: Iterable<Entity>) {
    for (const e of entities) {
      const type = mentionTypeOf(e);
      for (const s of [e.name, ...e.aliases]) this.add(s, { entity: e, type, weak: false });
      for (const s of e.weakAliases ?? []) this.add(s, { entity: e, type, weak: true });
      for (const s of e.country?.demonyms ?? []) this.add(s, { entity: e, type: 'demonym', weak: false });
    }
    this.pattern = buildPattern([...this.entries.keys()]);
  }

  static fromKb(kb: KnowledgeBase): Gazetteer {
    const cached = cache.get(kb);
    if (cached) return cached;
    const g = new Gazetteer(kb.all());
    cache.set(kb, g);
    return g;
  }

  lookup(surface: string): GazetteerEntry[] | undefined {
    return this.entries.get(surface);
  }

  private add(surface: string, entry: GazetteerEntry): void {
    const forms = new Set([surface.trim(), foldDiacritics(surface.trim())]);
    for (const form of forms) {
      if (form.length < 2 || !/^\p{Lu}|^\p{N}/u.test(form)) continue; // proper nouns only
      const list = this.entries.get(form);
      if (!list) this.entries.set(form, [entry]);
      else if (!list.some((x) => x.entity.id === entry.entity.id && x.type === entry.type)) list.push(entry);
      else {
        // The same entity under the same surface: a strong reading beats a weak one.
        const same = list.find((x) => x.entity.id === entry.entity.id && x.type === entry.type)!;
        same.weak &&= entry.weak;
      }
    }
  }
}

const cache = new WeakMap<KnowledgeBase, Gazetteer>();

export function mentionTypeOf(e: Entity): MentionType {
  switch (e.kind) {
    case 'leader':
      return 'leader';
    case 'person':
      return 'person';
    case 'country':
      return 'country';
    case 'place':
      return 'place';
    case 'org':
      return 'org';
  }
}

/**
 * A letter or digit after a name means it is part of a longer word. The check before a
 * name is done by the caller: a lookbehind here would be tried at every position.
 */
const AFTER = `(?![${WORD_CHARS}_])`;

function buildPattern(surfaces: string[]): RegExp {
  if (surfaces.length === 0) return /(?!)/g;
  const sorted = surfaces.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // No `u` flag: explicit BMP classes scan much faster (see charClasses.ts).
  return new RegExp(`(?:${sorted.map(escapeRegExp).join('|')})${AFTER}`, 'g');
}

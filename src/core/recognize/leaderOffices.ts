import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Mention } from '../model/types';

/** An office a leader holds or held: the country's, and its title when known ("Foreign Minister"). */
export interface Office {
  country: string;
  title?: string;
  /** Held no more: the knowledge base gives it an end. */
  former?: true;
}

/**
 * The offices a leader mention stands for — those the knowledge base gives its entity,
 * and the country it is from (no title); for a leader the KB does not know, the country
 * its title named — for "the Russian foreign minister said" to find whom it means. For a
 * building or a capital that stands for a government, its country's (no title).
 */
export type OfficesOf = (m: Mention) => readonly Office[] | undefined;

/** Without a knowledge base: only the countries titles named. */
export const officesFromTitles: OfficesOf = (m) => (m.country ? [{ country: m.country }] : undefined);

const cache = new WeakMap<KnowledgeBase, OfficesOf>();

export function leaderOffices(kb: KnowledgeBase): OfficesOf {
  let of = cache.get(kb);
  if (!of) {
    const byId = new Map<string, readonly Office[] | undefined>();
    of = (m) => {
      if (m.entity === null) return officesFromTitles(m);
      if (!byId.has(m.entity)) {
        const entity = kb.get(m.entity);
        const person = entity?.person;
        const offices: Office[] = [];
        // A building or a capital that stands for a government ("the Kremlin leader"): its country's.
        const place = entity?.place;
        if (place?.country && (place.placeType === 'building' || place.metonymFor)) offices.push({ country: place.country });
        for (const r of person?.roles ?? []) if (r.country) offices.push(r.end ? { country: r.country, title: r.title, former: true } : { country: r.country, title: r.title });
        if (person?.country) offices.push({ country: person.country });
        byId.set(m.entity, offices.length > 0 ? offices : undefined);
      }
      return byId.get(m.entity);
    };
    cache.set(kb, of);
  }
  return of;
}

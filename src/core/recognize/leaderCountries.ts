import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Mention } from '../model/types';

/**
 * The countries a leader mention stands for — where the knowledge base says its entity
 * holds or held office, or is from; for a leader the KB does not know, the country its
 * title named — for "the Russian leader said" to find whom it means.
 */
export type CountriesOf = (m: Mention) => ReadonlySet<string> | undefined;

/** Without a knowledge base: only the countries titles named. */
export const countriesFromTitles: CountriesOf = (m) => (m.country ? new Set([m.country]) : undefined);

const cache = new WeakMap<KnowledgeBase, CountriesOf>();

export function leaderCountries(kb: KnowledgeBase): CountriesOf {
  let of = cache.get(kb);
  if (!of) {
    const byId = new Map<string, ReadonlySet<string> | undefined>();
    of = (m) => {
      if (m.entity === null) return countriesFromTitles(m);
      if (!byId.has(m.entity)) {
        const person = kb.get(m.entity)?.person;
        const countries = new Set<string>();
        for (const r of person?.roles ?? []) if (r.country) countries.add(r.country);
        if (person?.country) countries.add(person.country);
        byId.set(m.entity, countries.size > 0 ? countries : undefined);
      }
      return byId.get(m.entity);
    };
    cache.set(kb, of);
  }
  return of;
}

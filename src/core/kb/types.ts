/**
 * The knowledge-base model. Built-in data (countries from `world-countries`, leaders,
 * places and organisations from YAML under `src/core/kb/data`) and the user's own
 * entity files all become `Entity` values.
 */

export type EntityKind = 'leader' | 'person' | 'country' | 'place' | 'org';

/**
 * An office held, with ISO dates (YYYY, YYYY-MM or YYYY-MM-DD); no `end` means in office
 * as of the data set's date.
 */
export interface Role {
  title: string;
  /** Country entity id, when the office belongs to a country. */
  country?: string;
  /** Organisation entity id, when the office belongs to an organisation. */
  org?: string;
  start?: string;
  end?: string;
}

export interface CountryFacts {
  iso2?: string;
  iso3?: string;
  /** Numeric ISO code (ccn3), useful for joins with other data sets. */
  numeric?: string;
  official: string;
  /** Flag emoji. */
  flag?: string;
  capital: string[];
  region?: string;
  subregion?: string;
  /** Country entity ids of the land neighbours. */
  neighbours: string[];
  /** Org entity ids of the blocs it belongs to. */
  blocs: string[];
  /** Adjectives and nouns for its people: Kazakh, Kazakhstani, Kazakhs … */
  demonyms: string[];
  /** False for territories and states outside the UN (Taiwan, Kosovo …); absent for UN members. */
  unMember?: boolean;
  /** For a state that no longer exists. */
  dissolved?: string;
  founded?: string;
  /** Entity ids of the present states that succeeded it. */
  successors?: string[];
}

export interface PersonFacts {
  roles: Role[];
  born?: number;
  /** Country entity id of nationality, when known. */
  country?: string;
  /** A line such as "political scientist" for non-leaders. */
  occupation?: string;
  /** 'f' or 'm', for "she said" to pass over a man the name alone does not show as one. */
  sex?: 'f' | 'm';
}

export interface PlaceFacts {
  /** city, capital, region, building … */
  placeType: string;
  /** Country entity id. */
  country?: string;
  /** The country a capital stands for when journalists use it as a metonym (Moscow → Russia). */
  metonymFor?: string;
}

export interface OrgFacts {
  /** bloc, un, agency, media, company, ngo, government … */
  orgType: string;
  abbreviation?: string;
  /** Country entity ids of members (for blocs). */
  members?: string[];
  founded?: string;
  headquarters?: string;
}

export interface Entity {
  /** Wikidata QID where certain, else a stable id (countries: ISO 3166 alpha-3). */
  id: string;
  kind: EntityKind;
  /** Canonical name. */
  name: string;
  /** Other names and spellings found in text, case as written (Rakhmon, Emomalij Rahmon). */
  aliases: string[];
  /**
   * Aliases that are too ambiguous alone (a bare family name shared by many, a common
   * word): they match only after the entity was named unambiguously in the document.
   */
  weakAliases?: string[];
  wikidata?: string;
  wikipedia?: string;
  description?: string;
  country?: CountryFacts;
  person?: PersonFacts;
  place?: PlaceFacts;
  org?: OrgFacts;
  /** Where it came from: "builtin" or the path of a user entity file. */
  source: string;
}

/** A problem found while loading entity files; the rest of the file still loads. */
export interface KbDiagnostic {
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

import type { Entity } from '../kb/types';
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { MentionType } from '../model/types';
import { runAtOnce } from '../util/sliced';
import { isWordCode, UPPER, WORD_CHARS } from './charClasses';
import { foldDiacritics } from './fold';
import { NAME_PARTICLES } from './lexicon';
import { KeptTogether } from './virtualBreaks';

/** One way a surface form can be read. */
export interface GazetteerEntry {
  entity: Entity;
  type: MentionType;
  /** Too ambiguous alone: counts only once the entity was named fully in the document. */
  weak: boolean;
}

/**
 * Every surface form the knowledge base knows, with what it may mean, indexed by its
 * first word. Finding names is one scan over capitalised words with a map lookup each,
 * trying the longest surface first so "Russian Federation" beats "Russian". (A RegExp
 * alternation of thousands of names is what V8 runs worst: measured below 10 MB/s,
 * against ~200 MB/s for this.)
 */
export class Gazetteer {
  private constructor(
    readonly entries: ReadonlyMap<string, GazetteerEntry[]>,
    /** First word → the surfaces starting with it, longest first. */
    private readonly byFirstWord: ReadonlyMap<string, Surface[]>,
    /** Places, countries and bodies in capitals, as a dateline opens a wire story. */
    private readonly datelines: Datelines,
  ) {}

  /**
   * Builds the gazetteer of `entities`, a few hundred at a step, so that a caller can
   * yield between steps: ~30 ms at once on a thread that has not run it before, much of
   * it the collector's.
   */
  static *buildSteps(entities: readonly Entity[]): Generator<void, Gazetteer> {
    const entries = new Map<string, GazetteerEntry[]>();
    for (let i = 0; i < entities.length; i++) {
      if ((i & 255) === 255) yield;
      const e = entities[i]!;
      const type = mentionTypeOf(e);
      for (const s of [e.name, ...e.aliases]) addSurface(entries, s, { entity: e, type, weak: false });
      for (const s of e.weakAliases ?? []) addSurface(entries, s, { entity: e, type, weak: true });
      for (const s of e.country?.demonyms ?? []) addSurface(entries, s, { entity: e, type: 'demonym', weak: false });
    }
    yield;
    const lists = new Map<string, Surface[]>();
    for (const [surface, readings] of entries) {
      // "von der Leyen", "al-Assad": found at the capital, the particles before it checked there.
      const prefix = LOWER_PARTICLES.exec(surface)?.[0];
      const rest = prefix ? surface.slice(prefix.length) : surface;
      const first = FIRST_WORD.exec(rest)?.[0];
      if (!first) continue;
      // Every entry of one shape, `prefix` undefined in most: the scan's loop reads them all.
      const entry: Surface = { surface: rest, readings, familyNameOnly: !prefix && surface.indexOf(' ') < 0 && readings.every((r) => r.type === 'leader' || r.type === 'person'), prefix };
      const list = lists.get(first);
      if (list) list.push(entry);
      else lists.set(first, [entry]);
    }
    const length = (s: Surface) => s.surface.length + (s.prefix?.length ?? 0);
    for (const list of lists.values()) list.sort((a, b) => length(b) - length(a) || (a.surface < b.surface ? -1 : 1));
    yield;
    return new Gazetteer(entries, lists, datelinesOf(entries));
  }

  /**
   * Calls `visit` for each name starting in text[from, to), left to right, longest at
   * each position; a name is never inside a longer word. A RegExp search finds each
   * next capital or digit (natively, past the lower-case bulk); the word from there is
   * read by char codes. (Looking the word up in a table of our own by a hash made while
   * reading it, without cutting a substring, measured once slower than V8's own string
   * hashing and once ~10 % faster on the bare scan — ~2 % of a recognition.) In a
   * hard-wrapped text (`wrapped`) a line break, "\n" or "\r\n", may stand for a name's
   * space after its first word ("Vladimir\nPutin").
   */
  scan(text: string, from: number, to: number, visit: (start: number, surface: string, readings: GazetteerEntry[], familyNameOnly: boolean) => void, wrapped = false): void {
    const n = text.length;
    const re = CANDIDATE_START;
    let i = from;
    while (i < to) {
      re.lastIndex = i;
      if (!re.test(text)) return;
      const at = re.lastIndex - 1;
      if (at >= to) return;
      let wordEnd = at + 1;
      while (wordEnd < n && isWordCode(text.charCodeAt(wordEnd))) wordEnd++;
      i = wordEnd;
      if (at > 0 && isWordCode(text.charCodeAt(at - 1))) continue;
      const word = text.slice(at, wordEnd);
      const surfaces = this.byFirstWord.get(word);
      // "Tokay-\nev", "Naz-\narbayev": a word a hard-wrapped text hyphenated at a line's end.
      if (wrapped && text.charCodeAt(wordEnd) === 0x2d) {
        const end = this.hyphenatedAt(text, at, wordEnd, visit);
        if (end > 0) {
          i = end;
          continue;
        }
      }
      if (!surfaces) {
        const dateline = startsLine(text, at) ? this.datelines.byFirstWord.get(word) : undefined;
        const end = dateline ? datelineAt(text, at, dateline, this.datelines, visit) : -1;
        if (end > 0) i = end;
        continue;
      }
      // Every surface in the list starts with this word; a longer one must go on as the text does.
      const wordLength = wordEnd - at;
      const next = text.charCodeAt(wordEnd);
      let found = false;
      const broken = wrapped && (next === 0x0a || (next === 0x0d && text.charCodeAt(wordEnd + 1) === 0x0a));
      for (const { surface, readings, familyNameOnly, prefix } of surfaces) {
        if (surface.length > wordLength && surface.charCodeAt(wordLength) !== next && !(broken && surface.charCodeAt(wordLength) === 0x20)) continue;
        if (prefix !== undefined && !prefixedAt(text, at, prefix)) continue;
        // The word is the surface's first word (the lookup's key): only the rest is compared,
        // by char codes (startsWith of the whole surface was a fifth of the scan).
        let end = broken ? endAcrossBreaks(text, at, surface) : surface.length === wordLength || goesOnAs(text, wordEnd, surface, wordLength) ? at + surface.length : -1;
        // A break after a later word of the name ("Kassym-Jomart\nTokayev").
        const later = end < 0 && wrapped && !broken && surface.indexOf(' ', wordLength) > 0;
        if (later) end = endAcrossBreaks(text, at, surface);
        if (end >= 0 && (end >= n || !isWordCode(text.charCodeAt(end)))) {
          if (prefix !== undefined) visit(at - prefix.length, text.slice(at - prefix.length, end), readings, familyNameOnly);
          else visit(at, broken || later ? text.slice(at, end) : surface, readings, familyNameOnly);
          i = end;
          found = true;
          break;
        }
      }
      // "Vladimir V. Putin", "Antony J. Blinken": middle initials after a name's first word.
      const rest = found || next !== 0x20 ? wordEnd : pastInitials(text, wordEnd);
      if (rest === wordEnd) continue;
      for (const { surface, readings } of surfaces) {
        if (surface.length <= wordLength || surface.charCodeAt(wordLength) !== 0x20) continue;
        const end = rest + surface.length - wordLength;
        if (goesOnAs(text, rest, surface, wordLength) && (end >= n || !isWordCode(text.charCodeAt(end)))) {
          visit(at, text.slice(at, end), readings, false);
          i = end;
          break;
        }
      }
    }
  }

  /**
   * Visits the longest surface the word at `at`, hyphenated at its line's end at
   * `hyphen`, starts when joined again ("Tokay-\nev" read as "Tokayev"); returns where it
   * ends, or -1 when none does.
   */
  private hyphenatedAt(text: string, at: number, hyphen: number, visit: (start: number, surface: string, readings: GazetteerEntry[], familyNameOnly: boolean) => void): number {
    const rest = hyphenBreakEnd(text, hyphen);
    if (rest < 0) return -1;
    let restEnd = rest;
    while (restEnd < text.length && isWordCode(text.charCodeAt(restEnd))) restEnd++;
    const surfaces = this.byFirstWord.get(text.slice(at, hyphen) + text.slice(rest, restEnd));
    if (!surfaces) return -1;
    for (const { surface, readings, familyNameOnly, prefix } of surfaces) {
      if (prefix !== undefined) continue;
      const end = endAcrossBreaks(text, at, surface);
      if (end >= 0 && (end >= text.length || !isWordCode(text.charCodeAt(end)))) {
        visit(at, text.slice(at, end), readings, familyNameOnly);
        return end;
      }
    }
    return -1;
  }

  /** The first words of an entity's names of more than one word: its given names ("Sadyr" of Sadyr Japarov). */
  givenNamesOf(entity: Entity): ReadonlySet<string> {
    let names = this.givenNames.get(entity);
    if (!names) {
      names = new Set();
      for (const s of [entity.name, ...entity.aliases, ...(entity.weakAliases ?? [])]) {
        for (const form of [s, foldDiacritics(s)]) {
          const space = form.indexOf(' ');
          if (space > 0) names.add(form.slice(0, space));
        }
      }
      this.givenNames.set(entity, names);
    }
    return names;
  }
  private readonly givenNames = new Map<Entity, Set<string>>();

  /** The surfaces no virtual break may split (see virtualBreaks.ts); undefined when none would. */
  get keptTogether(): KeptTogether | undefined {
    if (this.kept === null) this.kept = KeptTogether.of(this.entries.keys());
    return this.kept;
  }
  private kept: KeptTogether | undefined | null = null;

  static fromKb(kb: KnowledgeBase): Gazetteer {
    return cache.get(kb) ?? runAtOnce(Gazetteer.fromKbSteps(kb));
  }

  /** fromKb a step at a time (see buildSteps). */
  static *fromKbSteps(kb: KnowledgeBase): Generator<void, Gazetteer> {
    const cached = cache.get(kb);
    if (cached) return cached;
    const g = yield* Gazetteer.buildSteps(kb.all());
    cache.set(kb, g);
    return g;
  }

  /** The readings of a name as `scan` found it: a surface, one with middle initials or a line break, or a dateline's. */
  lookup(found: string): GazetteerEntry[] | undefined {
    const readings = this.entries.get(found) ?? this.datelines.readings.get(found) ?? (found.includes('\n') ? this.entries.get(unbroken(found, '')) ?? this.entries.get(unbroken(found, '-')) : undefined);
    if (readings) return readings;
    const first = FIRST_WORD.exec(found)?.[0];
    if (!first) return undefined;
    const rest = pastInitials(found, first.length);
    return rest > first.length ? this.entries.get(first + found.slice(rest)) : undefined;
  }
}

/** Files `entry` under `surface` and the forms news writes it in. */
function addSurface(entries: Map<string, GazetteerEntry[]>, surface: string, entry: GazetteerEntry): void {
  const plain = surface.trim();
  // News writes an apostrophe curly or straight ("People’s Republic of China").
  const folded = foldDiacritics(plain);
  const forms = new Set([plain, folded, plain.replace(/'/g, '’'), folded.replace(/'/g, '’'), plain.replace(/’/g, "'")]);
  for (const form of forms) {
    if (form.length < 2 || !(/^\p{Lu}|^\p{N}/u.test(form) || LOWER_PARTICLES.test(form))) continue; // proper nouns only
    const list = entries.get(form);
    if (!list) entries.set(form, [entry]);
    else if (!list.some((x) => x.entity.id === entry.entity.id && x.type === entry.type)) list.push(entry);
    else {
      // The same entity under the same surface: a strong reading beats a weak one.
      const same = list.find((x) => x.entity.id === entry.entity.id && x.type === entry.type)!;
      same.weak &&= entry.weak;
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

interface Surface {
  surface: string;
  readings: GazetteerEntry[];
  /** One word that names only people ("Japarov", "Putin"): a family name alone. */
  familyNameOnly: boolean;
  /** Lower-case particles the name starts with, before `surface` ("von der " of "von der Leyen"). */
  prefix: string | undefined;
}

/** Lower-case particles a name may start with, each then a space or a hyphen: "von der ", "al-" (not "the West"). */
const LOWER_PARTICLES = new RegExp(`^(?:(?:${NAME_PARTICLES.join('|')})[ -])+(?=\\p{Lu})`, 'u');

/** Whether `prefix` stands right before `at`, no letter before it ("von der " before "Leyen"). */
function prefixedAt(text: string, at: number, prefix: string): boolean {
  const start = at - prefix.length;
  return start >= 0 && text.startsWith(prefix, start) && (start === 0 || !isWordCode(text.charCodeAt(start - 1)));
}

const FIRST_WORD = new RegExp(`^[${WORD_CHARS}]+`);

/** Past one or two middle initials (" V.", " H. W.") at `at`, to the space before the name goes on; `at` when there are none. */
function pastInitials(text: string, at: number): number {
  let i = at;
  for (let k = 0; k < 2; k++) {
    if (text.charCodeAt(i) !== 0x20 || !isUpperCode(text.charCodeAt(i + 1)) || text.charCodeAt(i + 2) !== 0x2e || text.charCodeAt(i + 3) !== 0x20) break;
    i += 3;
  }
  return i;
}

/** A Latin or Cyrillic capital, as initials are written. */
function isUpperCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x410 && c <= 0x42f);
}

/** Whether text from `at` reads as surface[from …]. */
function goesOnAs(text: string, at: number, surface: string, from: number): boolean {
  if (at + surface.length - from > text.length) return false;
  for (let k = from; k < surface.length; k++) if (text.charCodeAt(at + k - from) !== surface.charCodeAt(k)) return false;
  return true;
}

/**
 * Where `surface` ends if the text from `at` reads as it with a line break, "\n" or
 * "\r\n", for any of its spaces, or a hyphen and a line break inside a word — one the
 * line's end made ("Pes-\nkov" for "Peskov") or one the word has ("Kassym-\nJomart");
 * else -1.
 */
function endAcrossBreaks(text: string, at: number, surface: string): number {
  let i = at;
  for (let k = 0; k < surface.length; k++, i++) {
    const c = text.charCodeAt(i);
    const s = surface.charCodeAt(k);
    if (c === s) {
      // The word's own hyphen at the line's end: "Kassym-\nJomart".
      if (c === 0x2d && k + 1 < surface.length && surface.charCodeAt(k + 1) !== 0x2d) {
        const next = hyphenBreakEnd(text, i);
        if (next > 0) i = next - 1;
      }
      continue;
    }
    if (c === 0x2d && s !== 0x20) {
      // A hyphen the line's end made: the word goes on after the break.
      const next = hyphenBreakEnd(text, i);
      if (next < 0 || text.charCodeAt(next) !== s) return -1;
      i = next;
      continue;
    }
    if (s !== 0x20) return -1;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    else if (c !== 0x0a) return -1;
  }
  return i;
}

/** Where the next line starts if a hyphen at `hyphen` ends its line ("-\n", "-\r\n"); else -1. */
function hyphenBreakEnd(text: string, hyphen: number): number {
  const c = text.charCodeAt(hyphen + 1);
  if (c === 0x0a) return hyphen + 2;
  return c === 0x0d && text.charCodeAt(hyphen + 2) === 0x0a ? hyphen + 3 : -1;
}

/** A name as found across line breaks, read on one line: a hyphen before a break as `hyphen` reads it ('' for one the line's end made, '-' for the word's own), other breaks spaces. */
function unbroken(found: string, hyphen: '' | '-'): string {
  return found.replace(/-\r?\n/g, hyphen).replace(/\r?\n/g, ' ');
}

/**
 * "MOSCOW, Nov 26 (Reuters) -", "ASTANA, Kazakhstan (AP) —", "UNITED NATIONS (AP) —": a
 * place, a country or a body written in capitals, starting a line, then a comma, a
 * bracket or a dash — or the line's end, a section's heading ("KAZAKHSTAN"). Only there is
 * a name in capitals read as the knowledge base's (a shouted headline is not a dateline).
 */
interface Datelines {
  /** First word in capitals → the surfaces in capitals starting with it, longest first. */
  byFirstWord: Map<string, Surface[]>;
  /** Each surface in capitals → its place, country and organisation readings. */
  readings: Map<string, GazetteerEntry[]>;
}

const isDatelineReading = (r: GazetteerEntry): boolean => r.type === 'place' || r.type === 'country' || r.type === 'org';

function datelinesOf(entries: ReadonlyMap<string, GazetteerEntry[]>): Datelines {
  const byFirstWord = new Map<string, Surface[]>();
  const readings = new Map<string, GazetteerEntry[]>();
  for (const [surface, all] of entries) {
    // (Places, countries and bodies only: most surfaces are people's, not put in capitals at all.)
    if (!all.some(isDatelineReading)) continue;
    const upper = surface.toUpperCase();
    // Names already in capitals ("USA") are found anywhere; an upper case that changes the length ("ß") would not be the text's.
    if (upper === surface || upper.length !== surface.length || readings.has(upper)) continue;
    const kept = all.filter(isDatelineReading);
    const first = FIRST_WORD.exec(upper)?.[0];
    if (!first) continue;
    readings.set(upper, kept);
    const list = byFirstWord.get(first);
    const entry: Surface = { surface: upper, readings: kept, familyNameOnly: false, prefix: undefined };
    if (list) list.push(entry);
    else byFirstWord.set(first, [entry]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  return { byFirstWord, readings };
}

/** Whether only blanks stand between `at` and the start of its line. */
function startsLine(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) i--;
  return i === 0 || text.charCodeAt(i - 1) === 0x0a || text.charCodeAt(i - 1) === 0xfeff;
}

/** Visits the longest of `surfaces` that stands at `at` as a dateline and returns where it ends; -1 when none does. */
function datelineAt(text: string, at: number, surfaces: readonly Surface[], datelines: Datelines, visit: (start: number, surface: string, readings: GazetteerEntry[], familyNameOnly: boolean) => void): number {
  // Places joined by slashes ("MOSCOW/ASTANA, Nov 9 (Reuters) -", "TAIPEI/HONG KONG —"): each must be one.
  const places: { at: number; surface: Surface }[] = [];
  for (let from = at; ; ) {
    const surface = surfaces.find((s) => text.startsWith(s.surface, from) && !isWordCode(text.charCodeAt(from + s.surface.length)));
    if (!surface) return -1;
    places.push({ at: from, surface });
    const end = from + surface.surface.length;
    let k = end;
    while (k < text.length && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0xa0)) k++;
    const c = text.charCodeAt(k);
    if (c === 0x2f && k === end && places.length < 4) {
      let wordEnd = end + 1;
      while (wordEnd < text.length && isWordCode(text.charCodeAt(wordEnd))) wordEnd++;
      const next = datelines.byFirstWord.get(text.slice(end + 1, wordEnd));
      if (!next) return -1;
      surfaces = next;
      from = end + 1;
      continue;
    }
    // A hyphen only after a blank ("MOSCOW - ", not "MOSCOW-BASED"); or the line ends, a section's heading ("KAZAKHSTAN").
    if (!(c === 0x2c || c === 0x28 || c === 0x2014 || c === 0x2013 || (c === 0x2d && k > end) || c === 0x0a || c === 0x0d || k >= text.length)) return -1;
    for (const p of places) visit(p.at, p.surface.surface, p.surface.readings, false);
    return end;
  }
}

/** A word's possible first character: every surface in the gazetteer starts with a capital or a digit. */
const CANDIDATE_START = new RegExp(`[0-9${UPPER}]`, 'g');

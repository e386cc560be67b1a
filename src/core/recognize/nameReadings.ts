import { articleDate } from '../facts/articleDate';
import type { Mention } from '../model/types';
import { firstStartingAt, startingIn, upperBound } from '../util/sortedByStart';
import { spliceIn } from '../util/spliceIn';
import { sameMentionAt } from './changedStretch';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { closestNamed, findNames, needsNearest, resolveHit, resolveNames, someoneElseNamedLater, strongPositions, strongReading, strongReadingOf, type NameHit, type OthersNamed } from './names';

/**
 * The knowledge-base names of a text, kept between edits with what settling the others
 * depends on — those without exactly one strong reading: a weak alias counts only once
 * its entity is named strongly somewhere, a name several entities share goes to the one
 * named nearest, and failing both to whoever held office on the article's date. An edit
 * finds the names of its window again; when it changes any of those three for a name
 * outside the window, the names that may read otherwise are settled again.
 *
 * The names themselves are the caller's mentions (`known` below): each tells its
 * readings by its text, the gazetteer's surface. Only the names without exactly one
 * strong reading are kept here as hits (8,460 at 10 MB, against 211,000 in all: ~14 MB).
 */
export class NameReadings {
  /** How many strong hits name each entity: a weak alias depends on this being > 0. */
  private readonly strongCount = new Map<string, number>();
  /** Hits without exactly one strong reading, whose reading depends on which entities are named. */
  private dependentHits: NameHit[];
  /** Of those, the ones whose reading depends on where other entities are named. */
  private nearestHits: NameHit[];
  /** Where the entities dependent hits may go to are named: positions, ascending. */
  private namings: Map<string, number[]>;
  /** The article's date, which settles names several leaders share. */
  private articleDate: string | undefined;
  /** Where weak family names stand in other people's full names (see someoneElseNamedLater). */
  private others: OthersNamed;
  /** The dependent hits of each surface in `others`, in order: someone else's full name may be theirs. */
  private othersHits = new Map<string, NameHit[]>();

  /**
   * The names of `text`, and every one settled (`known`: mentions, in order; the caller's
   * from then on); `wrapped`: the text is hard-wrapped, for as long as these readings are kept.
   */
  static read(text: string, gazetteer: Gazetteer, wrapped = false): { names: NameReadings; known: Mention[] } {
    const others: OthersNamed = new Map();
    const hits = findNames(text, gazetteer, 0, text.length, wrapped, others);
    const names = new NameReadings(gazetteer, hits, articleDate(text), wrapped, others);
    return { names, known: resolveNames(hits, names.articleDate, others) };
  }

  private constructor(
    private readonly gazetteer: Gazetteer,
    hits: readonly NameHit[],
    date: string | undefined,
    private readonly wrapped: boolean,
    others: OthersNamed,
  ) {
    this.articleDate = date;
    this.others = others;
    for (const h of hits) bump(this.strongCount, strongReading(h)?.entity.id, +1);
    const isNamed = (id: string) => (this.strongCount.get(id) ?? 0) > 0;
    this.dependentHits = hits.filter((h) => !strongReading(h));
    const ids = new Set(this.dependentHits.flatMap((h) => h.readings.map((r) => r.entity.id)));
    const found = strongPositions(hits, ids);
    this.namings = new Map([...ids].map((id) => [id, found.get(id) ?? []]));
    this.nearestHits = this.dependentHits.filter((h) => needsNearest(h, isNamed));
    this.findOthersHits();
  }

  /** `othersHits` from the dependent hits. */
  private findOthersHits(): void {
    this.othersHits = new Map();
    if (this.others.size === 0) return;
    for (const h of this.dependentHits) {
      if (!this.others.has(h.text)) continue;
      const list = this.othersHits.get(h.text);
      if (list) list.push(h);
      else this.othersHits.set(h.text, [h]);
    }
  }

  get date(): string | undefined {
    return this.articleDate;
  }

  /** The entity a name's mention reads strongly, if its surface has one strong reading. */
  private strongIdOf(m: Mention): string | undefined {
    const readings = this.gazetteer.lookup(m.text);
    return readings && strongReadingOf(readings)?.entity.id;
  }

  /**
   * What an edit makes of the names, changing nothing (see `commit`): the names of `text`
   * [from, to) — a copy of the text after the edit from `base` — in place of those that
   * started in [oldFrom, oldTo) before it, the text past them moved by `delta`; `date`,
   * the article's after the edit; `known`, the names' mentions before it.
   */
  plan(text: string, from: number, to: number, base: number, oldFrom: number, oldTo: number, delta: number, date: string | undefined, known: readonly Mention[]): NamesEdit {
    const [k0, k1] = startingIn(known, oldFrom, oldTo);
    const addedOthers: OthersNamed = new Map();
    const added = findNames(text, this.gazetteer, from, to, this.wrapped, addedOthers);
    for (const h of added) {
      h.start += base;
      h.end += base;
    }
    const others = this.othersAfter(oldFrom, oldTo, addedOthers, base, delta);
    const diff = new Map<string, number>();
    for (let i = k0; i < k1; i++) bump(diff, this.strongIdOf(known[i]!), -1);
    for (const h of added) bump(diff, strongReading(h)?.entity.id, +1);
    // Names settled by the whole document may change anywhere when an entity comes to be
    // named (or no longer is: its weak aliases count only then), where the nearest naming
    // decides between entities, or when the date changes.
    const flipped = new Set<string>();
    for (const [id, d] of diff) {
      const before = this.strongCount.get(id) ?? 0;
      if (before > 0 !== before + d > 0) flipped.add(id);
    }
    // The first of someone else's full names with a weak family name come, or the last gone: that name may read
    // otherwise anywhere. (While there are any, nearestChanges reads those its hits after the window depend on.)
    for (const surface of new Set([...this.others.keys(), ...others.keys()])) {
      if (this.others.has(surface) !== others.has(surface)) for (const r of this.gazetteer.lookup(surface) ?? []) flipped.add(r.entity.id);
    }
    const isNamed = (id: string) => (this.strongCount.get(id) ?? 0) + (diff.get(id) ?? 0) > 0;
    const namings = this.namingsAfter(oldFrom, oldTo, added, delta, known);
    const dateChanged = date !== this.articleDate;
    let settle: Settle | undefined = dateChanged || flipped.size > 0 ? { entities: flipped, date: dateChanged } : undefined;
    if (!settle && (this.nearestHits.length > 0 || this.othersHits.size > 0) && this.nearestChanges(oldFrom, oldTo, namings, others, delta, isNamed, known)) settle = { entities: flipped, date: false };
    if (!settle && added.some((h) => needsNearest(h, isNamed))) settle = { entities: flipped, date: false };
    const nearest = (named: GazetteerEntry[], at: number) => {
      if (!settle) throw new Error('unreachable: a name settled by the nearest naming settles names again');
      return closestNamed(named, namings, at);
    };
    const someoneElse = someoneElseNamedLater(others, namings);
    const windowKnown: Mention[] = [];
    for (const h of added) {
      const m = resolveHit(h, isNamed, nearest, date, someoneElse);
      if (m) windowKnown.push(m);
    }
    return { known: windowKnown, settle, hits: added, oldFrom, oldTo, delta, diff, namings, others, date };
  }

  /** Makes the edit `plan` was made for: the window's names in, those past it moved. */
  commit(plan: NamesEdit): void {
    const { hits: added, oldFrom, oldTo, delta } = plan;
    const [d0, d1] = startingIn(this.dependentHits, oldFrom, oldTo);
    // Before they move (the nearest ones are dependent hits too). A new one in the window
    // settles names again, which finds them anew.
    if (this.nearestHits.length > 0) this.nearestHits = this.nearestHits.filter((h) => h.start < oldFrom || h.start >= oldTo);
    const fresh = added.filter((h) => !strongReading(h));
    for (const [surface, hits] of this.othersHits) {
      const [h0, h1] = startingIn(hits, oldFrom, oldTo);
      spliceIn(hits, h0, h1 - h0, fresh.filter((h) => h.text === surface));
    }
    if (delta !== 0) shiftHits(this.dependentHits, d1, delta);
    spliceIn(this.dependentHits, d0, d1 - d0, fresh);
    this.namings = plan.namings;
    this.others = plan.others;
    // A surface whose first such name came or last went settles names again, which finds these anew.
    if ([...this.others.keys()].some((surface) => !this.othersHits.has(surface)) || [...this.othersHits.keys()].some((surface) => !this.others.has(surface))) this.findOthersHits();
    this.articleDate = plan.date;
    for (const [id, d] of plan.diff) this.strongCount.set(id, (this.strongCount.get(id) ?? 0) + d);
  }

  /**
   * After an edit committed whose plan said to `settle` names: the names outside the
   * window [winFrom, winTo) that now read otherwise than their mentions in `known` (as
   * the edit left them) say — those
   * with a reading of an entity named or no longer named, those settled by the nearest
   * naming (before or after), and when the article's date changed, those it settles
   * (shared by several entities, none of them named).
   */
  settleAgain(settle: Settle, winFrom: number, winTo: number, known: readonly Mention[]): NameChange[] {
    const nearest = (named: GazetteerEntry[], at: number) => closestNamed(named, this.namings, at);
    const isNamed = (id: string) => (this.strongCount.get(id) ?? 0) > 0;
    const someoneElse = someoneElseNamedLater(this.others, this.namings);
    const wasNearest = new Set(this.nearestHits);
    const changes: NameChange[] = [];
    for (const h of this.dependentHits) {
      if (h.start >= winFrom && h.start < winTo) continue;
      if (!wasNearest.has(h) && !needsNearest(h, isNamed) && !this.others.has(h.text) && !h.readings.some((r) => settle.entities.has(r.entity.id)) && !(settle.date && settledByDate(h, isNamed))) continue;
      const now = resolveHit(h, isNamed, nearest, this.articleDate, someoneElse);
      const was = mentionAt(known, h.start);
      if (!sameReading(now, was)) changes.push({ start: h.start, end: h.end, was, now });
    }
    this.nearestHits = this.dependentHits.filter((h) => needsNearest(h, isNamed));
    return changes;
  }

  /**
   * `namings` after an edit that leaves `added` in place of the names that started in
   * [from, to) and moves those past them by `delta`; with the namings of entities new
   * among the dependent hits' readings, found in all the names (`known`, before the
   * edit; rare: a name of a kind not seen in the text before).
   */
  private namingsAfter(from: number, to: number, added: NameHit[], delta: number, known: readonly Mention[]): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const [id, positions] of this.namings) {
      const next: number[] = [];
      let i = 0;
      for (; i < positions.length && positions[i]! < from; i++) next.push(positions[i]!);
      for (const h of added) if (strongReading(h)?.entity.id === id) next.push(h.start);
      for (; i < positions.length; i++) if (positions[i]! >= to) next.push(positions[i]! + delta);
      out.set(id, next);
    }
    const unknown = new Set<string>();
    for (const h of added) if (!strongReading(h)) for (const r of h.readings) if (!out.has(r.entity.id)) unknown.add(r.entity.id);
    if (unknown.size > 0) {
      for (const id of unknown) out.set(id, []);
      const [k0, k1] = startingIn(known, from, to);
      const name = (id: string | undefined, at: number) => id !== undefined && unknown.has(id) && out.get(id)!.push(at);
      for (let i = 0; i < k0; i++) name(this.strongIdOf(known[i]!), known[i]!.start);
      for (const h of added) name(strongReading(h)?.entity.id, h.start);
      for (let i = k1; i < known.length; i++) name(this.strongIdOf(known[i]!), known[i]!.start + delta);
    }
    return out;
  }

  /** `others` after an edit that leaves `added` (offsets in the window's copy, from `base`) in place of those in [from, to), and moves those past them by `delta`. */
  private othersAfter(from: number, to: number, added: OthersNamed, base: number, delta: number): OthersNamed {
    const out: OthersNamed = new Map();
    for (const surface of new Set([...this.others.keys(), ...added.keys()])) {
      const positions = this.others.get(surface) ?? [];
      const next: number[] = [];
      let i = 0;
      for (; i < positions.length && positions[i]! < from; i++) next.push(positions[i]!);
      for (const at of added.get(surface) ?? []) next.push(at + base);
      for (; i < positions.length; i++) if (positions[i]! >= to) next.push(positions[i]! + delta);
      if (next.length > 0) out.set(surface, next);
    }
    return out;
  }

  /**
   * Whether a name outside the window [from, to) that goes to the nearest named of
   * several entities would go to another with the entities named at `namings` after
   * the edit: the window's namings may come, go, or move those past it by `delta`.
   */
  private nearestChanges(from: number, to: number, namings: Map<string, number[]>, others: OthersNamed, delta: number, isNamed: (id: string) => boolean, known: readonly Mention[]): boolean {
    const nearest = (named: GazetteerEntry[], at: number) => closestNamed(named, namings, at);
    const someoneElse = someoneElseNamedLater(others, namings);
    const changes = (h: NameHit, by: number) => !sameReading(resolveHit({ ...h, start: h.start + by, end: h.end + by }, isNamed, nearest, this.articleDate, someoneElse), mentionAt(known, h.start));
    for (const h of this.nearestHits) {
      if (h.start >= from && h.start < to) continue;
      if (changes(h, h.start >= to ? delta : 0)) return true;
    }
    // Someone else's full name is looked for before a hit: only hits past the window may
    // read otherwise, and only up to the first such name or naming of its entities past
    // it (whichever of the two stands last before a hit is then outside the window).
    for (const [surface, hits] of this.othersHits) {
      const after = to + delta;
      let bound = firstAtOrAfter(others.get(surface), after);
      for (const r of hits[0]?.readings ?? []) bound = Math.min(bound, firstAtOrAfter(namings.get(r.entity.id), after));
      for (let i = startingIn(hits, to, to)[0]; i < hits.length && hits[i]!.start + delta < bound; i++) if (changes(hits[i]!, delta)) return true;
    }
    return false;
  }
}

/** The first of `positions` (ascending) at or after `at`; Infinity when none is. */
function firstAtOrAfter(positions: readonly number[] | undefined, at: number): number {
  if (!positions) return Infinity;
  const i = upperBound(positions, at - 1);
  return i < positions.length ? positions[i]! : Infinity;
}

/** What an edit makes of the names (see NameReadings.plan). */
export interface NamesEdit {
  /** The window's names settled, at their offsets after the edit. */
  readonly known: Mention[];
  /** Whether names outside the window may read otherwise, and which (see Settle); undefined when none may. */
  readonly settle: Settle | undefined;
  // For `commit`: the window's hits in place of those that started in [oldFrom, oldTo);
  // the change in how many strong hits name each entity; the namings and the date after
  // the edit.
  readonly hits: NameHit[];
  readonly oldFrom: number;
  readonly oldTo: number;
  readonly delta: number;
  readonly diff: ReadonlyMap<string, number>;
  readonly namings: Map<string, number[]>;
  readonly others: OthersNamed;
  readonly date: string | undefined;
}

/**
 * Which names outside an edit's window to settle again, besides those the nearest naming
 * settles: those with a reading of one of `entities` (named now and not before, or the
 * other way round), and, when the article's `date` changed, those it settles.
 */
export interface Settle {
  readonly entities: ReadonlySet<string>;
  readonly date: boolean;
}

/**
 * Whether the article's date may settle `h` (see resolveHit): it has no one strong
 * reading, and of the readings it chooses among — several — none is named.
 */
function settledByDate(h: NameHit, isNamed: (id: string) => boolean): boolean {
  let strong = 0;
  for (const r of h.readings) if (!r.weak) strong++;
  if (strong === 1) return false;
  const pool = strong > 0 ? h.readings.filter((r) => !r.weak) : h.readings;
  return pool.length > 1 && !pool.some((r) => isNamed(r.entity.id));
}

/** A name outside an edit's window settled again: the mention it had (if any) and the one it has now (null: none). */
export interface NameChange {
  start: number;
  end: number;
  was: Mention | undefined;
  now: Mention | null;
}

/** The mention of `known` (sorted by start) that starts at `start`, if there is one. */
function mentionAt(known: readonly Mention[], start: number): Mention | undefined {
  const k = firstStartingAt(known, start);
  return known[k]?.start === start ? known[k] : undefined;
}

/** Whether a name read again (`now`, null when it is no mention) reads as it did (`was`). */
function sameReading(now: Mention | null, was: Mention | undefined): boolean {
  return now ? was !== undefined && sameMentionAt(now, was) : was === undefined;
}

function bump(counts: Map<string, number>, id: string | undefined, by: number): void {
  if (id === undefined) return;
  counts.set(id, (counts.get(id) ?? 0) + by);
}

/** Moves hits [from, …) by `delta`: its own loop, as `shiftMentions` says why. */
function shiftHits(hits: NameHit[], from: number, delta: number): void {
  for (let i = from; i < hits.length; i++) {
    const h = hits[i]!;
    h.start += delta;
    h.end += delta;
  }
}

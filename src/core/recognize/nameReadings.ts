import { articleDate } from '../facts/articleDate';
import type { Mention } from '../model/types';
import { startingIn } from '../util/sortedByStart';
import { spliceIn } from '../util/spliceIn';
import { sameMentionAt } from './changedStretch';
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import { closestNamed, findNames, needsNearest, resolveHit, resolveNames, strongPositions, strongReading, type NameHit } from './names';

/**
 * The knowledge-base names of a text, kept between edits with what settling the others
 * depends on — those without exactly one strong reading: a weak alias counts only once
 * its entity is named strongly somewhere, a name several entities share goes to the one
 * named nearest, and failing both to whoever held office on the article's date. An edit
 * finds the names of its window again; when it changes any of those three for a name
 * outside the window, the names that may read otherwise are settled again.
 */
export class NameReadings {
  private hits: NameHit[];
  /** How many strong hits name each entity: a weak alias depends on this being > 0. */
  private readonly strongCount = new Map<string, number>();
  /** Hits without exactly one strong reading, whose reading depends on which entities are named (the very objects of `hits`, moved with them). */
  private dependentHits: NameHit[];
  /** Of those, the ones whose reading depends on where other entities are named. */
  private nearestHits: NameHit[];
  /** Where the entities dependent hits may go to are named: positions, ascending. */
  private namings: Map<string, number[]>;
  /** The article's date, which settles names several leaders share. */
  private articleDate: string | undefined;

  constructor(
    text: string,
    private readonly gazetteer: Gazetteer,
  ) {
    this.hits = findNames(text, gazetteer);
    this.articleDate = articleDate(text);
    for (const h of this.hits) bump(this.strongCount, strongReading(h)?.entity.id, +1);
    const isNamed = (id: string) => (this.strongCount.get(id) ?? 0) > 0;
    this.dependentHits = this.hits.filter((h) => !strongReading(h));
    const ids = new Set(this.dependentHits.flatMap((h) => h.readings.map((r) => r.entity.id)));
    const found = strongPositions(this.hits, ids);
    this.namings = new Map([...ids].map((id) => [id, found.get(id) ?? []]));
    this.nearestHits = this.dependentHits.filter((h) => needsNearest(h, isNamed));
  }

  get date(): string | undefined {
    return this.articleDate;
  }

  /** Every name settled: mentions, in order. */
  resolved(): Mention[] {
    return resolveNames(this.hits, this.articleDate);
  }

  /**
   * What an edit makes of the names, changing nothing (see `commit`): the names of `text`
   * [from, to) — a copy of the text after the edit from `base` — in place of those that
   * started in [oldFrom, oldTo) before it, the text past them moved by `delta`; `date`,
   * the article's after the edit; `knownAt(at)`, the name's mention starting at `at`
   * before the edit, if any.
   */
  plan(text: string, from: number, to: number, base: number, oldFrom: number, oldTo: number, delta: number, date: string | undefined, knownAt: (at: number) => Mention | undefined): NamesEdit {
    const [h0, h1] = startingIn(this.hits, oldFrom, oldTo);
    const added = findNames(text, this.gazetteer, from, to);
    for (const h of added) {
      h.start += base;
      h.end += base;
    }
    const diff = new Map<string, number>();
    for (let i = h0; i < h1; i++) bump(diff, strongReading(this.hits[i]!)?.entity.id, -1);
    for (const h of added) bump(diff, strongReading(h)?.entity.id, +1);
    // Names settled by the whole document may change anywhere when an entity comes to be
    // named (or no longer is: its weak aliases count only then), where the nearest naming
    // decides between entities, or when the date changes.
    const flipped = new Set<string>();
    for (const [id, d] of diff) {
      const before = this.strongCount.get(id) ?? 0;
      if (before > 0 !== before + d > 0) flipped.add(id);
    }
    const isNamed = (id: string) => (this.strongCount.get(id) ?? 0) + (diff.get(id) ?? 0) > 0;
    const namings = this.namingsAfter(h0, h1, added, delta);
    const dateChanged = date !== this.articleDate;
    let settle: Settle | undefined = dateChanged || flipped.size > 0 ? { entities: flipped, date: dateChanged } : undefined;
    if (!settle && this.nearestHits.length > 0 && this.nearestChanges(oldFrom, oldTo, namings, delta, isNamed, knownAt)) settle = { entities: flipped, date: false };
    if (!settle && added.some((h) => needsNearest(h, isNamed))) settle = { entities: flipped, date: false };
    const nearest = (named: GazetteerEntry[], at: number) => {
      if (!settle) throw new Error('unreachable: a name settled by the nearest naming settles names again');
      return closestNamed(named, namings, at);
    };
    const known: Mention[] = [];
    for (const h of added) {
      const m = resolveHit(h, isNamed, nearest, date);
      if (m) known.push(m);
    }
    return { known, settle, hits: added, h0, h1, oldFrom, oldTo, delta, diff, namings, date };
  }

  /** Makes the edit `plan` was made for: the window's names in, those past it moved. */
  commit(plan: NamesEdit): void {
    const { hits: added, h0, h1, oldFrom, oldTo, delta } = plan;
    // Before the hits move: the dependent hits are the same objects.
    const [d0, d1] = startingIn(this.dependentHits, oldFrom, oldTo);
    spliceIn(this.dependentHits, d0, d1 - d0, added.filter((h) => !strongReading(h)));
    // (A new one in the window settles names again, which finds them anew.)
    if (this.nearestHits.length > 0) this.nearestHits = this.nearestHits.filter((h) => h.start < oldFrom || h.start >= oldTo);
    this.namings = plan.namings;
    this.articleDate = plan.date;
    if (delta !== 0) shiftHits(this.hits, h1, delta);
    spliceIn(this.hits, h0, h1 - h0, added);
    for (const [id, d] of plan.diff) this.strongCount.set(id, (this.strongCount.get(id) ?? 0) + d);
  }

  /**
   * After an edit committed whose plan said to `settle` names: the names outside the
   * window [winFrom, winTo) that now read otherwise than `knownAt` says they did — those
   * with a reading of an entity named or no longer named, those settled by the nearest
   * naming (before or after), and when the article's date changed, those it settles
   * (shared by several entities, none of them named).
   */
  settleAgain(settle: Settle, winFrom: number, winTo: number, knownAt: (at: number) => Mention | undefined): NameChange[] {
    const nearest = (named: GazetteerEntry[], at: number) => closestNamed(named, this.namings, at);
    const isNamed = (id: string) => (this.strongCount.get(id) ?? 0) > 0;
    const wasNearest = new Set(this.nearestHits);
    const changes: NameChange[] = [];
    for (const h of this.dependentHits) {
      if (h.start >= winFrom && h.start < winTo) continue;
      if (!wasNearest.has(h) && !needsNearest(h, isNamed) && !h.readings.some((r) => settle.entities.has(r.entity.id)) && !(settle.date && settledByDate(h, isNamed))) continue;
      const now = resolveHit(h, isNamed, nearest, this.articleDate);
      const was = knownAt(h.start);
      if (!sameReading(now, was)) changes.push({ start: h.start, end: h.end, was, now });
    }
    this.nearestHits = this.dependentHits.filter((h) => needsNearest(h, isNamed));
    return changes;
  }

  /**
   * `namings` after an edit that leaves `added` in place of hits [h0, h1) and moves those
   * past them by `delta`; with the namings of entities new among the dependent hits'
   * readings, found in all hits (rare: a name of a kind not seen in the text before).
   */
  private namingsAfter(h0: number, h1: number, added: NameHit[], delta: number): Map<string, number[]> {
    // The window: where hits [h0, h1) start (their positions are dropped).
    const from = this.hits[h0]?.start ?? Infinity;
    const to = h1 > h0 ? this.hits[h1 - 1]!.start + 1 : from;
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
      const shifted = (i: number) => (i < h0 ? this.hits[i]! : { ...this.hits[i]!, start: this.hits[i]!.start + delta });
      const after = [...Array.from({ length: h0 }, (_, i) => shifted(i)), ...added, ...Array.from({ length: this.hits.length - h1 }, (_, i) => shifted(h1 + i))];
      for (const [id, positions] of strongPositions(after, unknown)) out.set(id, positions);
      for (const id of unknown) if (!out.has(id)) out.set(id, []);
    }
    return out;
  }

  /**
   * Whether a name outside the window [from, to) that goes to the nearest named of
   * several entities would go to another with the entities named at `namings` after
   * the edit: the window's namings may come, go, or move those past it by `delta`.
   */
  private nearestChanges(from: number, to: number, namings: Map<string, number[]>, delta: number, isNamed: (id: string) => boolean, knownAt: (at: number) => Mention | undefined): boolean {
    const nearest = (named: GazetteerEntry[], at: number) => closestNamed(named, namings, at);
    for (const h of this.nearestHits) {
      if (h.start >= from && h.start < to) continue;
      const by = h.start >= to ? delta : 0;
      const now = resolveHit({ ...h, start: h.start + by, end: h.end + by }, isNamed, nearest, this.articleDate);
      if (!sameReading(now, knownAt(h.start))) return true;
    }
    return false;
  }
}

/** What an edit makes of the names (see NameReadings.plan). */
export interface NamesEdit {
  /** The window's names settled, at their offsets after the edit. */
  readonly known: Mention[];
  /** Whether names outside the window may read otherwise, and which (see Settle); undefined when none may. */
  readonly settle: Settle | undefined;
  // For `commit`: the window's hits in place of hits [h0, h1), which started in [oldFrom,
  // oldTo); the change in how many strong hits name each entity; the namings and the
  // date after the edit.
  readonly hits: NameHit[];
  readonly h0: number;
  readonly h1: number;
  readonly oldFrom: number;
  readonly oldTo: number;
  readonly delta: number;
  readonly diff: ReadonlyMap<string, number>;
  readonly namings: Map<string, number[]>;
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

/** Whether a name read again (`now`, null when it is no mention) reads as it did (`was`). */
function sameReading(now: Mention | null, was: Mention | undefined): boolean {
  return now ? was !== undefined && sameMentionAt(now, was) : was === undefined;
}

function bump(counts: Map<string, number>, id: string | undefined, by: number): void {
  if (id === undefined) return;
  counts.set(id, (counts.get(id) ?? 0) + by);
}

/** Moves names [from, …) by `delta`: its own loop, as `shiftMentions` says why. */
function shiftHits(hits: NameHit[], from: number, delta: number): void {
  for (let i = from; i < hits.length; i++) {
    const h = hits[i]!;
    h.start += delta;
    h.end += delta;
  }
}

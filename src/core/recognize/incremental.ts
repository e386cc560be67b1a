import { ARTICLE_DATE_REACH, articleDate } from '../facts/articleDate';
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Mention, Quote, Recognition } from '../model/types';
import { Gazetteer } from './gazetteer';
import { findNames, needsNearest, resolveHit, resolveNames, strongReading, type NameHit } from './names';
import { looksHardWrapped, paragraphWindow, paragraphsIn } from './paragraphs';
import { findCuedPeople, findMentionsOf, Occupancy, type FoundPerson } from './people';
import { toQuote } from './index';
import { findQuotesIn, type QuoteSpan } from './quotes';
import { HEADLINE_REACH, SPEAKER_REACH, speakerAttributor } from './speakers';

/** One edit, as VS Code reports it: UTF-16 offsets into the text before the edit. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Keeps a document's recognition current while it is edited. An edit re-scans only the
 * lines or paragraphs it touched and moves everything after by the edit's length;
 * speakers are re-attributed around it, as far as an attribution can reach. When an
 * edit changes something the whole document depends on — an entity named or no longer
 * named anywhere, a person introduced or no longer introduced, the text switching
 * between hard-wrapped and not — it recognises the whole text again. Either way the
 * result equals `recognize(text)`.
 */
export class IncrementalRecognizer {
  private text = '';
  private wrapped = false;
  private hits: NameHit[] = [];
  /** How many strong hits name each entity: a weak alias depends on this being > 0. */
  private strongCount = new Map<string, number>();
  /** Hits whose reading depends on where other entities are named. */
  private nearestDependent = 0;
  private known: Mention[] = [];
  /** The article's date, which settles names several leaders share. */
  private date: string | undefined;
  private people = new Map<string, FoundPerson>();
  private personMentions: Mention[] = [];
  private spans: QuoteSpan[] = [];
  private quotes: Quote[] = [];
  private mentions: Mention[] = [];
  /** Edits handled in place vs. by recognising everything again, for tests and benchmarks. */
  readonly stats = { incremental: 0, full: 0 };

  constructor(
    private readonly kb: KnowledgeBase,
    text: string,
  ) {
    this.recognizeAll(text);
  }

  get result(): Recognition {
    return { mentions: this.mentions, quotes: this.quotes };
  }

  get currentText(): string {
    return this.text;
  }

  /** Applies edits in the order given (each against the text the previous one left). */
  update(changes: readonly TextChange[]): Recognition {
    if (changes.length > 8) {
      let text = this.text;
      for (const c of changes) text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
      this.recognizeAll(text);
      return this.result;
    }
    for (const c of changes) {
      if (!this.applyInPlace(c)) this.recognizeAll(this.text.slice(0, c.rangeOffset) + c.text + this.text.slice(c.rangeOffset + c.rangeLength));
    }
    return this.result;
  }

  /** Replaces the whole text. */
  reset(text: string): Recognition {
    this.recognizeAll(text);
    return this.result;
  }

  private recognizeAll(text: string): void {
    this.stats.full++;
    this.text = text;
    this.wrapped = looksHardWrapped(text);
    const gazetteer = Gazetteer.fromKb(this.kb);
    this.hits = findNames(text, gazetteer);
    this.countStrong();
    this.date = articleDate(text);
    this.known = resolveNames(this.hits, this.date);
    const occupied = new Occupancy(this.known);
    this.people = findCuedPeople(text, occupied, 0, text.length);
    this.personMentions = this.people.size ? findMentionsOf([...this.people.values()], text, occupied, 0, text.length) : [];
    this.mentions = merge(this.known, this.personMentions);
    this.spans = findQuotesIn(text, paragraphsIn(text, 0, text.length, this.wrapped));
    this.quotes = this.spans.map((s) => toQuote(text, s));
    speakerAttributor(text, this.mentions)(this.spans, this.quotes);
  }

  private countStrong(): void {
    this.strongCount.clear();
    for (const h of this.hits) {
      const id = strongReading(h)?.entity.id;
      if (id !== undefined) this.strongCount.set(id, (this.strongCount.get(id) ?? 0) + 1);
    }
    const isNamed = (id: string) => (this.strongCount.get(id) ?? 0) > 0;
    this.nearestDependent = this.hits.filter((h) => needsNearest(h, isNamed)).length;
  }

  /** Handles one edit without a full pass; false when the document-wide state would change. */
  private applyInPlace(change: TextChange): boolean {
    const { rangeOffset: at, rangeLength: removed, text: inserted } = change;
    const oldText = this.text;
    if (at < 0 || at + removed > oldText.length) throw new RangeError(`edit [${at}, ${at + removed}) is outside the text (length ${oldText.length})`);
    const newText = oldText.slice(0, at) + inserted + oldText.slice(at + removed);
    const delta = inserted.length - removed;
    // A line break added or removed may turn the text into (or out of) hard-wrapped paragraphs.
    if ((/\n/.test(inserted) || /\n/.test(oldText.slice(at, at + removed))) && looksHardWrapped(newText) !== this.wrapped) return false;

    const oldWin = paragraphWindow(oldText, at, at + removed, this.wrapped, 0);
    const from = oldWin.start;
    const oldTo = oldWin.end;
    const newWin = paragraphWindow(newText, at, at + inserted.length, this.wrapped, 0);
    const newTo = newWin.end;
    if (newWin.start !== from) return false;
    // An edit near the top may change the article's date, and with it who "Aliyev" is.
    if (at < ARTICLE_DATE_REACH && articleDate(newText) !== this.date) return false;

    // Everything is checked before anything changes: a `false` leaves the state as it was.
    // Names from the knowledge base.
    const gazetteer = Gazetteer.fromKb(this.kb);
    const [h0, h1] = rangeOf(this.hits, from, oldTo);
    const removedHits = this.hits.slice(h0, h1);
    const addedHits = findNames(newText, gazetteer, from, newTo);
    const diff = new Map<string, number>();
    for (const h of removedHits) bump(diff, strongReading(h)?.entity.id, -1);
    for (const h of addedHits) bump(diff, strongReading(h)?.entity.id, +1);
    for (const [id, d] of diff) {
      const before = this.strongCount.get(id) ?? 0;
      if (before > 0 !== before + d > 0) return false;
    }
    const isNamed = (id: string) => (this.strongCount.get(id) ?? 0) + (diff.get(id) ?? 0) > 0;
    if (this.nearestDependent > 0 && !sameStrong(removedHits, addedHits)) return false;
    if (addedHits.some((h) => needsNearest(h, isNamed))) return false;
    const windowKnown: Mention[] = [];
    for (const h of addedHits) {
      const m = resolveHit(
        h,
        isNamed,
        () => {
          throw new Error('unreachable: nearest-dependent hits take the full pass');
        },
        this.date,
      );
      if (m) windowKnown.push(m);
    }
    const [k0, k1] = rangeOf(this.known, from, oldTo);

    // People: the window must introduce exactly the people it introduced before. Cues
    // never look past their line, so the window's own mentions are all they need.
    const oldCued = findCuedPeople(oldText, new Occupancy(this.known.slice(k0, k1)), from, oldTo);
    const newOccupied = new Occupancy(windowKnown);
    const newCued = findCuedPeople(newText, newOccupied, from, newTo);
    if (!samePeople(oldCued, newCued)) return false;
    const windowPeople = this.people.size ? findMentionsOf([...this.people.values()], newText, newOccupied, from, newTo) : [];
    const [p0, p1] = rangeOf(this.personMentions, from, oldTo);
    const [m0, m1] = rangeOf(this.mentions, from, oldTo);

    // Quotes: re-scan the window's paragraphs.
    const windowSpans = findQuotesIn(newText, paragraphsIn(newText, from, newTo, this.wrapped));
    const [q0, q1] = rangeOf(this.spans, from, oldTo);

    // Commit: move what follows the window in place (each object once: `mentions` holds
    // the very objects of `known` and `personMentions`), then splice the window in.
    this.text = newText;
    if (delta !== 0) {
      for (let i = h1; i < this.hits.length; i++) shiftBy(this.hits[i]!, delta);
      for (let i = k1; i < this.known.length; i++) shiftBy(this.known[i]!, delta);
      for (let i = p1; i < this.personMentions.length; i++) shiftBy(this.personMentions[i]!, delta);
      const paragraphs = new Set<{ start: number; end: number }>();
      for (let i = q1; i < this.spans.length; i++) {
        shiftBy(this.spans[i]!, delta);
        paragraphs.add(this.spans[i]!.paragraph);
        shiftBy(this.quotes[i]!, delta);
      }
      for (const p of paragraphs) shiftBy(p, delta);
    }
    this.hits.splice(h0, h1 - h0, ...addedHits);
    for (const [id, d] of diff) this.strongCount.set(id, (this.strongCount.get(id) ?? 0) + d);
    this.known.splice(k0, k1 - k0, ...windowKnown);
    this.personMentions.splice(p0, p1 - p0, ...windowPeople);
    this.mentions.splice(m0, m1 - m0, ...merge(windowKnown, windowPeople));
    this.spans.splice(q0, q1 - q0, ...windowSpans);
    this.quotes.splice(q0, q1 - q0, ...windowSpans.map((sp) => toQuote(newText, sp)));
    const spans = this.spans;
    const quotes = this.quotes;
    // Speakers: attributions reach HEADLINE_REACH forward and SPEAKER_REACH back, so the
    // attributor only needs the mentions around the quotes it revisits.
    const first = lowerBoundBy(quotes, Math.max(0, from - HEADLINE_REACH - 4000));
    const last = lowerBoundBy(quotes, newTo + 4000);
    const lo = (quotes[first]?.start ?? from) - SPEAKER_REACH - 1000;
    let hi = newTo + HEADLINE_REACH + 8000;
    let attribute = speakerAttributor(newText, this.mentions.slice(lowerBoundBy(this.mentions, lo), lowerBoundBy(this.mentions, hi)));
    attribute(spans, quotes, first, last);
    // Past that, a quote may still continue its predecessor: go on while answers change.
    for (let k = last; k < quotes.length; k++) {
      if (quotes[k]!.end + SPEAKER_REACH > hi) {
        // A long chain of continued quotes: widen the attributor's view.
        hi = Infinity;
        attribute = speakerAttributor(newText, this.mentions.slice(lowerBoundBy(this.mentions, lo)));
      }
      const before = quotes[k]!.speaker;
      attribute(spans, quotes, k, k + 1);
      if (quotes[k]!.speaker === before && spans[k]!.depth === 0) break;
    }
    this.stats.incremental++;
    return true;
  }
}

/** A new sorted array of both (never one of the inputs: the arrays are changed in place later). */
function merge(a: Mention[], b: Mention[]): Mention[] {
  return [...a, ...b].sort((x, y) => x.start - y.start);
}

function bump(counts: Map<string, number>, id: string | undefined, by: number): void {
  if (id === undefined) return;
  counts.set(id, (counts.get(id) ?? 0) + by);
}

function sameStrong(a: NameHit[], b: NameHit[]): boolean {
  const ids = (hs: NameHit[]) =>
    hs
      .map((h) => strongReading(h)?.entity.id)
      .filter((x) => x !== undefined)
      .sort()
      .join('\u0000');
  return ids(a) === ids(b);
}

function samePeople(a: Map<string, FoundPerson>, b: Map<string, FoundPerson>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, p] of a) {
    const q = b.get(k);
    if (!q || q.name !== p.name || q.type !== p.type || q.country !== p.country) return false;
  }
  return true;
}

function shiftBy(x: { start: number; end: number }, delta: number): void {
  x.start += delta;
  x.end += delta;
}

/** Indices [i, j) of the items (sorted by start) that start in [from, to). */
function rangeOf<T extends { start: number }>(items: T[], from: number, to: number): [number, number] {
  return [lowerBoundBy(items, from), lowerBoundBy(items, to)];
}

function lowerBoundBy<T extends { start: number }>(items: T[], value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

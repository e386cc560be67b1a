import { genderOfName } from './nameGender';
import { ARTICLE_DATE_REACH, articleDate } from '../facts/articleDate';
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Mention, Quote, Recognition } from '../model/types';
import { movedCopies, shiftMentions } from '../model/shift';
import { changedStretch, changedStretchOf, sameMention, sameMentionAt, sameQuote } from './changedStretch';
import { Gazetteer } from './gazetteer';
import { leaderOffices } from './leaderOffices';
import { sexFromKb } from './personSex';
import { NameReadings, type Settle } from './nameReadings';
import { lineKind, looksHardWrapped, paragraphWindow, paragraphsIn, WRAP_SAMPLE } from './paragraphs';
import { cuesIn, indexWordsOf, mentionsIn, mentionsInRun, Occupancy, renamedMention, peopleOf, PersonForms, sameCues, type PersonCue, type WordKeys } from './people';
import { endsRuns, type Runs, scanRuns } from './capitalisedRuns';
import { toQuote } from './index';
import { BREAK_REACH, virtualBreaks, withBreaks, withoutBreaks } from './virtualBreaks';
import { findQuotesIn, moveQuotes, type QuoteSpan } from './quotes';
import { speakerAttributor } from './speakers';
import { attributeAround, attributeAroundAll, attributeRenamed, type Attributed } from './speakersAround';
import { PieceText } from '../text/pieceText';
import { spliceIn } from '../util/spliceIn';
import { firstStartingAt, firstStartingAtFrom, mergeByStart, startingIn, upperBound } from '../util/sortedByStart';

/** One edit, as VS Code reports it: UTF-16 offsets into the text before the edit. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Keeps a document's recognition current while it is edited. An edit re-scans only the
 * lines or paragraphs it touched and moves everything after by the edit's length;
 * speakers are re-attributed around it, as far as an attribution can reach. An edit
 * whose effect reaches further finds again only what may change: one that introduces
 * a person or no longer does, their mentions in the runs of capitalised words that hold
 * a word of a name that changed (kept per piece of the text between edits); one that
 * names an entity for the first time or no longer does, moves the namings a shared
 * name goes by or changes the article's date, the names whose reading may change, and
 * the people on their lines. An edit that turns the text hard-wrapped or back
 * recognises the whole text again. Either way the result equals `recognize(text)`.
 */
/** Mentions in a window past which its change is worked out item by item. */
const WIDE_WINDOW = 4096;

export class IncrementalRecognizer {
  /** The text as the passes read it: with the virtual breaks of very long lines (see virtualBreaks.ts). */
  private doc = new PieceText('');
  /** Where `doc` has a line break the text has a space, in order. */
  private breaks: number[] = [];
  private wrapped = false;
  private names!: NameReadings;
  private known: Mention[] = [];
  /** The cues that introduce people, in text order: what the people are made of (see peopleOf). */
  private cues: PersonCue[] = [];
  /** The forms the people found are mentioned by. */
  private forms = PersonForms.of([]);
  /** The capitalised runs of each piece of `doc` (offsets in the piece), scanned again when an edit replaces it. */
  private runsByPiece: (Runs | undefined)[] = [];
  /**
   * Per piece's runs, which of their words lie in a knowledge-base name (see
   * insideNames): worked out when first asked, forgotten where those names may change.
   */
  private wordsInNames = new WeakMap<Runs, Uint8Array>();
  private personMentions: Mention[] = [];
  private spans: QuoteSpan[] = [];
  private quotes: Quote[] = [];
  private mentions: Mention[] = [];
  /**
   * Edits handled in place; of those, how many changed who the people are, how many
   * settled names again, and how many only renamed people elsewhere, their speakers
   * attributed again only where they could change (of those, how many by putting the new
   * names for the old, see isomorphicRenames); full passes; and the runs of
   * capitalised words outside an edit's window read again for people. For tests and benchmarks.
   */
  readonly stats = { incremental: 0, full: 0, people: 0, names: 0, renamed: 0, substituted: 0, runsRead: 0 };
  /**
   * What the last edit changed, for a receiver keeping a copy (see session.ts): item
   * ranges replaced, or 'all' after `reset` or an `update` of several edits. Items past a
   * range moved by the edits' lengths; items before it are as they were. `elsewhere`:
   * stretches of mentions replaced besides (people found again far from the edit) before
   * the `mentions` range and after it, in order, by their indices after the edit.
   */
  lastChange: { mentions: ItemsChange; quotes: ItemsChange; elsewhere?: { before: ItemsChange[]; after: ItemsChange[] } } | 'all' = 'all';

  /**
   * `window`: how much text on each side of an edit is copied for the passes that
   * re-scan its paragraphs; `pieceSize`: about how long the pieces the text is kept in
   * are (both smaller in tests, to exercise the edges).
   */
  constructor(
    private readonly kb: KnowledgeBase,
    text: string,
    private readonly window = 16 * 1024,
    private readonly pieceSize?: number,
  ) {
    this.recognizeAll(text);
  }

  get result(): Recognition {
    return { mentions: this.mentions, quotes: this.quotes };
  }

  get currentText(): string {
    return withoutBreaks(this.doc.toString(), this.breaks);
  }

  /** Applies edits in the order given (each against the text the previous one left). */
  update(changes: readonly TextChange[]): Recognition {
    if (changes.length > 8) {
      this.recognizeAllAfter(changes);
      return this.result;
    }
    for (let i = 0; i < changes.length; ) i += this.applyFirst(changes.slice(i));
    // lastChange tells one edit's ranges only.
    if (changes.length !== 1) this.lastChange = 'all';
    return this.result;
  }

  /**
   * Applies the first of `changes` in place and returns 1 — or, when that takes a full
   * pass, all of them in that one pass, and returns how many. `lastChange` then says
   * what changed, never 'all': after a full pass, the one stretch where the result
   * differs (the pass leaves the arrays it replaces as they were, so both can be read).
   */
  applyFirst(changes: readonly TextChange[]): number {
    if (this.applyInPlace(changes[0]!)) return 1;
    const before = this.result;
    let shift = 0;
    for (const c of changes) shift += c.text.length - c.rangeLength;
    this.recognizeAllAfter(changes);
    this.lastChange = { mentions: changedStretch(before.mentions, this.mentions, shift, sameMention), quotes: changedStretch(before.quotes, this.quotes, shift, sameQuote) };
    return changes.length;
  }

  /** Recognises the text as `changes`, in order, leave it. */
  private recognizeAllAfter(changes: readonly TextChange[]): void {
    let text = this.currentText;
    for (const c of changes) text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
    this.recognizeAll(text);
  }

  /** Replaces the whole text. */
  reset(text: string): Recognition {
    this.recognizeAll(text);
    return this.result;
  }

  private recognizeAll(original: string): void {
    this.stats.full++;
    this.lastChange = 'all';
    this.wrapped = looksHardWrapped(original);
    this.breaks = virtualBreaks(original, 0, original.length, true, true, Gazetteer.fromKb(this.kb).keptTogether)!;
    const text = withBreaks(original, this.breaks);
    this.doc = new PieceText(text, { pieceSize: this.pieceSize, endsPiece: endsRuns });
    ({ names: this.names, known: this.known } = NameReadings.read(text, Gazetteer.fromKb(this.kb), this.wrapped));
    this.wordsInNames = new WeakMap();
    this.findPeople(text);
    this.mentions = mergeByStart(this.known, this.personMentions);
    this.spans = findQuotesIn(text, paragraphsIn(text, 0, text.length, this.wrapped));
    this.quotes = this.spans.map((s) => toQuote(text, s, this.breaks));
    speakerAttributor(text, this.mentions, leaderOffices(this.kb), this.wrapped, sexFromKb(this.kb))(this.spans, this.quotes);
  }

  /** People and their mentions in the whole text, and the runs of each piece kept for later edits. */
  private findPeople(text: string): void {
    const occupied = new Occupancy(this.known);
    const runs = scanRuns(text, 0, text.length);
    this.cues = cuesIn(text, runs, occupied);
    this.forms = PersonForms.of(peopleOf(this.cues).values());
    this.personMentions = this.forms.isEmpty ? [] : mentionsIn(this.forms, text, runs, occupied);
    this.runsByPiece = Array.from({ length: this.doc.pieceCount }, (_, i) => runs.within(this.doc.pieceStart(i), this.doc.pieceStart(i + 1)));
  }

  /**
   * Works out, a piece of the text per step, what the first edit that changes the people
   * would (each piece's words by their letters, and which lie in names), so that it need
   * not: a step is ~0.1 ms.
   */
  *prepareSteps(): Generator<void> {
    for (let i = 0; i < this.doc.pieceCount; i++) {
      indexWordsOf(this.doc.piece(i), this.runsOf(i));
      this.insideNames(this.runsOf(i), this.doc.pieceStart(i));
      yield;
    }
  }

  private runsOf(piece: number): Runs {
    return (this.runsByPiece[piece] ??= scanRuns(this.doc.piece(piece), 0, this.doc.piece(piece).length));
  }

  /** Handles one edit without a full pass; false when the document-wide state would change. */
  private applyInPlace(change: TextChange): boolean {
    const { rangeOffset: at, rangeLength: removed } = change;
    const length = this.doc.length;
    if (at < 0 || at + removed > length) throw new RangeError(`edit [${at}, ${at + removed}) is outside the text (length ${length})`);
    // The passes below read only the paragraphs the edit touched and a little around
    // them: they run on a copy of that stretch, so the whole text is never copied. A
    // paragraph too long for the stretch takes the whole text instead.
    const base = Math.max(0, at - this.window);
    const limit = Math.min(length, at + removed + this.window);
    return this.applyAround(change, base, this.doc.slice(base, limit), limit === length) ?? this.applyAround(change, 0, this.doc.toString(), true)!;
  }

  /**
   * `applyInPlace` with `oldText` = the text from `base` (to its end when `atEnd`);
   * offsets inside are relative to `base`. Undefined when the paragraphs the edit
   * touched do not lie well inside `oldText`.
   */
  private applyAround(change: TextChange, base: number, oldText: string, atEnd: boolean): boolean | undefined {
    const { rangeOffset, rangeLength: removed, text: inserted } = change;
    const at = rangeOffset - base;
    const delta = inserted.length - removed;
    // The passes read the text with its virtual breaks: those near the edit are worked out
    // again on the text it leaves, and the stretch read again reaches every one that moved.
    const oldOriginal = withoutBreaks(oldText, this.breaks, base);
    const newOriginal = oldOriginal.slice(0, at) + inserted + oldOriginal.slice(at + removed);
    const near = this.breaksAfter(newOriginal, base, at, removed, inserted.length, atEnd);
    if (!near) return undefined;
    const { breaks, moved } = near;
    const newText = withBreaks(newOriginal, breaks, base);
    const lo = Math.min(at, moved.from);
    const oldWin = paragraphWindow(oldText, lo, Math.max(at + removed, moved.to - delta), this.wrapped, 0);
    const newWin = paragraphWindow(newText, lo, Math.max(at + inserted.length, moved.to), this.wrapped, 0);
    if (base > 0 && (oldWin.start < MARGIN || !/\S/.test(oldText.slice(0, oldWin.start)))) return undefined;
    if (!atEnd && (oldWin.end > oldText.length - MARGIN || newWin.end > newText.length - MARGIN || !/\S/.test(oldText.slice(oldWin.end)) || !/\S/.test(newText.slice(newWin.end)))) return undefined;
    // An edit of the lines the text is judged hard-wrapped by may turn it into (or out of) hard-wrapped paragraphs.
    // An edit near the top of a long file reads the new head twice, for the sample of lines and for the date: it is made once.
    let head: { n: number; text: string } | undefined;
    const newHead = (n: number) => (head?.n === n ? head : (head = { n, text: this.newHead(change, n) })).text;
    if (this.mayChangeWrapping(change, oldOriginal, newOriginal, base, atEnd) && looksHardWrapped(newHead(WRAP_SAMPLE)) !== this.wrapped) return false;

    const from = oldWin.start;
    const oldTo = oldWin.end;
    const newTo = newWin.end;
    if (newWin.start !== from) return false;
    // An edit near the top may change the article's date, and with it who "Aliyev" is.
    const date = rangeOffset < ARTICLE_DATE_REACH ? articleDate(withBreaks(newHead(ARTICLE_DATE_REACH), breaks)) : this.names.date;

    // Everything is checked before anything changes: a `false` leaves the state as it was.
    // Names from the knowledge base; when names outside the window may read otherwise,
    // they are settled again once the edit is made (see settleNamesAgain).
    const names = this.names.plan(newText, from, newTo, base, base + from, base + oldTo, delta, date, this.known);
    const windowKnown = names.known;
    const namesChanged = names.settle !== undefined;
    const [k0, k1] = startingIn(this.known, base + from, base + oldTo);

    // People: the window's cues found again. When they say what they said before (cues
    // never look past their line), only the window's own mentions of people are found
    // again; else the people are made again from all the cues, and where their forms
    // changed, mentions are found again in the runs that may hold one (see
    // findPeopleAgain) — or, when names are settled again, after that (see
    // settleNamesAgain), or everywhere (see everywhere).
    const newOccupied = new Occupancy(movedCopies(windowKnown, -base));
    const windowRuns = scanRuns(newText, from, newTo);
    const windowCues = cuesIn(newText, windowRuns, newOccupied, base);
    const [c0, c1] = startingIn(this.cues, base + from, base + oldTo);
    let forms = this.forms;
    let formsChanged: WordKeys | undefined;
    if (!namesChanged && !sameCues(this.cues.slice(c0, c1), windowCues)) {
      forms = PersonForms.of(peopleOf([...this.cues.slice(0, c0), ...windowCues, ...this.cues.slice(c1)]).values());
      formsChanged = forms.changedSince(this.forms);
    }
    const peopleChanged = forms !== this.forms && formsChanged === undefined;
    const windowPeople = forms.isEmpty || peopleChanged || namesChanged ? [] : mentionsIn(forms, newText, windowRuns, new Occupancy(windowKnown), base);
    const [p0, p1] = startingIn(this.personMentions, base + from, base + oldTo);
    const [m0, m1] = startingIn(this.mentions, base + from, base + oldTo);

    // Quotes: re-scan the window's paragraphs.
    const windowSpans = findQuotesIn(newText, paragraphsIn(newText, from, newTo, this.wrapped));
    const windowQuotes = windowSpans.map((sp) => toQuote(newText, sp, breaks, base));
    moveQuotes(windowSpans, windowQuotes, 0, windowSpans.length, base);
    const [q0, q1] = startingIn(this.spans, base + from, base + oldTo);

    // What the receiver of the last deltas holds, for `everywhere` to tell what changed:
    // the mentions with where they are now (the objects move in place below, and change in
    // no other way), and copies of the quotes (whose speakers change in place too).
    const before = peopleChanged ? { mentions: this.mentions.slice(), starts: Int32Array.from(this.mentions, (m) => m.start), quotes: this.quotes.map((q) => ({ ...q })), delta } : undefined;

    // Commit: move what follows the window in place (each object once: `mentions` holds
    // the very objects of `known` and `personMentions`), then splice the window in.
    // The edit and the breaks it moved, in one: the text between is the same either way.
    const editFrom = base + lo;
    const editTo = base + Math.max(at + removed, moved.to - delta);
    const pieces = this.doc.edit(editFrom, editTo - editFrom, newText.slice(lo, editTo - base + delta));
    this.breaks = breaks;
    spliceIn(this.runsByPiece, pieces.first, pieces.removed, new Array<undefined>(pieces.added));
    const mentionsBefore = this.mentions.length;
    this.names.commit(names);
    if (delta !== 0) {
      for (let i = c1; i < this.cues.length; i++) this.cues[i]!.start += delta;
      shiftMentions(this.known, k1, this.known.length, delta);
      shiftMentions(this.personMentions, p1, this.personMentions.length, delta);
      moveQuotes(this.spans, this.quotes, q1, this.spans.length, delta);
    }
    spliceIn(this.known, k0, k1 - k0, windowKnown);
    this.forgetWordsInNames(base + from, base + newTo);
    spliceIn(this.cues, c0, c1 - c0, windowCues);
    const formsBefore = this.forms;
    this.forms = forms;
    spliceIn(this.personMentions, p0, p1 - p0, windowPeople);
    const windowMentions = mergeByStart(windowKnown, windowPeople);
    // A window as long as the text (a file of one line) would resend every mention: only
    // the stretch that differs goes, for a receiver to unpack.
    const replaced = m1 - m0 > WIDE_WINDOW ? this.mentions.slice(m0, m1) : undefined;
    spliceIn(this.mentions, m0, m1 - m0, windowMentions);
    spliceIn(this.spans, q0, q1 - q0, windowSpans);
    spliceIn(this.quotes, q0, q1 - q0, windowQuotes);
    if (before) {
      this.everywhere(before, base + from, base + newTo);
      return true;
    }
    if (namesChanged) {
      this.settleNamesAgain(names.settle!, base + from, base + newTo, mentionsBefore, this.quotes.length - (windowQuotes.length - (q1 - q0)), [q0, q0 + windowQuotes.length]);
      return true;
    }
    // Where the people's forms changed, their mentions outside the window.
    const again = formsChanged && !formsChanged.isEmpty ? this.findPeopleAgain(formsChanged, base + from, base + newTo) : [];
    if (formsChanged) this.stats.people++;
    // Speakers around the window and around what changed elsewhere; quotes whose speaker changed count as replaced too.
    const fresh = [q0, q0 + windowQuotes.length] as const;
    const [quotesFrom, quotesTo] = this.attributeAgain({ start: base + from, end: base + newTo }, again, fresh, formsBefore);
    let mentions: ItemsChange;
    if (again.length > 0) {
      // Indices after the edit: the stretches found again before the window changed them.
      const at = firstStartingAt(this.mentions, base + from);
      mentions = { at, removed: m1 - m0, added: firstStartingAt(this.mentions, base + newTo) - at };
    } else {
      const inWindow = replaced ? changedStretch(replaced, windowMentions, delta, sameMention) : { at: 0, removed: m1 - m0, added: windowMentions.length };
      mentions = { at: m0 + inWindow.at, removed: inWindow.removed, added: inWindow.added };
    }
    this.lastChange = {
      mentions,
      quotes: { at: quotesFrom, removed: quotesTo - quotesFrom - (windowQuotes.length - (q1 - q0)), added: quotesTo - quotesFrom },
      elsewhere: this.stretchesOf(again, base + from),
    };
    this.stats.incremental++;
    return true;
  }

  /**
   * Which words of a piece's `runs` (the piece starting at `base`) overlap a
   * knowledge-base name: 1 each. Kept for the next edit that changes the people, which
   * asks of every piece (a new "Vadimir Putin" asks of 21,000 "Putin"s at 10 MB).
   */
  private insideNames(runs: Runs, base: number): Uint8Array {
    let inNames = this.wordsInNames.get(runs);
    if (inNames) return inNames;
    const words = runs.first[runs.count]!;
    inNames = new Uint8Array(words);
    let k = firstStartingAt(this.known, base);
    for (let w = 0; w < words; w++) {
      k = firstStartingAtFrom(this.known, base + runs.end[w]!, k);
      if (k > 0 && this.known[k - 1]!.end > base + runs.start[w]!) inNames[w] = 1;
    }
    this.wordsInNames.set(runs, inNames);
    return inNames;
  }

  /** Forgets insideNames' answers for the pieces overlapping [from, to), whose names an edit found again or settled otherwise. */
  private forgetWordsInNames(from: number, to: number): void {
    let lo = 0;
    let hi = this.doc.pieceCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.doc.pieceStart(mid + 1) <= from) lo = mid + 1;
      else hi = mid;
    }
    // And the piece after: its first words' name may be one that started in the stretch.
    for (let i = lo; i < this.doc.pieceCount && (i === lo || this.doc.pieceStart(i - 1) <= to); i++) {
      const runs = this.runsByPiece[i];
      if (runs) this.wordsInNames.delete(runs);
    }
  }

  /**
   * After an edit that introduced or dropped people ("President Tok…" while a name is
   * typed): their mentions outside the window [winFrom, winTo) found again, in the runs
   * where a word of `words` outside the knowledge base's names ends a whole one (the
   * window's own are found already). Returns the runs
   * where mentions changed, in order, with how many mentions each held before and holds now.
   */
  private findPeopleAgain(words: WordKeys, winFrom: number, winTo: number): Replaced[] {
    const found: { start: number; end: number; mentions: Mention[] }[] = [];
    // The runs come in text order: each search goes on from the last (thousands may hold "Putin").
    let k0 = 0;
    let p0 = 0;
    for (let i = 0; i < this.doc.pieceCount && words.keys.size > 0; i++) {
      const text = this.doc.piece(i);
      const base = this.doc.pieceStart(i);
      const runs = this.runsOf(i);
      let last = -1;
      const inNames = this.insideNames(runs, base);
      // Only a word outside the knowledge base's names makes its run read ("Putin", for
      // a new "… Putin", is thousands of times in "Vladimir Putin"): see changedSince.
      for (const w of words.wordsIn(text, runs, inNames)) {
        const r = runs.runOf(w);
        if (r === last || !words.endsWhole(text, runs, r, w)) continue;
        last = r;
        const start = base + runs.start[runs.first[r]!]!;
        if (start >= winFrom && start < winTo) continue;
        const end = base + runs.end[runs.first[r + 1]! - 1]!;
        // The names that may overlap the run: those starting in it, and the one before.
        k0 = firstStartingAtFrom(this.known, start, k0);
        const k1 = firstStartingAtFrom(this.known, end, k0);
        this.stats.runsRead++;
        p0 = firstStartingAtFrom(this.personMentions, start, p0);
        const p1 = firstStartingAtFrom(this.personMentions, end, p0);
        const mentions: Mention[] = [];
        const occupied = new Occupancy(this.known.slice(Math.max(0, k0 - 1), k1));
        if (this.forms.endings.inRun(text, runs, r, occupied, base)) mentionsInRun(this.forms, text, runs, r, occupied, base, mentions);
        if (p1 - p0 === mentions.length && mentions.every((m, k) => sameMention(this.personMentions[p0 + k]!, m, 0))) continue;
        found.push({ start, end, mentions });
      }
    }
    const replaced: Replaced[] = [];
    // From the last to the first, so that the indices of those before hold.
    for (let k = found.length - 1; k >= 0; k--) {
      const { start, end, mentions } = found[k]!;
      const [p0, p1] = startingIn(this.personMentions, start, end);
      const was = this.personMentions.slice(p0, p1);
      const old = new Set(was);
      spliceIn(this.personMentions, p0, p1 - p0, mentions);
      const [m0, m1] = startingIn(this.mentions, start, end);
      spliceIn(this.mentions, m0, m1 - m0, mergeByStart(this.mentions.slice(m0, m1).filter((m) => !old.has(m)), mentions));
      replaced.push({ start, end, before: m1 - m0, after: m1 - m0 - old.size + mentions.length, ...renamedFrom(was, mentions) });
    }
    replaced.reverse();
    return words.renames ? this.renameElsewhere(words.renames, replaced) : replaced;
  }

  /**
   * The mentions of people only renamed (see renamesApart in people.ts), in runs not read
   * again, each given its new name: a new object where the old stood, in `personMentions`
   * and `mentions`. Returns `replaced` with a stretch for each, in order.
   */
  private renameElsewhere(renames: ReadonlyMap<string, string>, replaced: Replaced[]): Replaced[] {
    const renamed: Replaced[] = [];
    for (let k = 0; k < this.personMentions.length; k++) {
      const was = this.personMentions[k]!;
      const name = renames.get(was.name);
      if (name === undefined) continue;
      const now = renamedMention(was, name);
      this.personMentions[k] = now;
      let m = firstStartingAt(this.mentions, was.start);
      while (this.mentions[m] !== was) m++;
      this.mentions[m] = now;
      renamed.push({ start: was.start, end: was.end, before: 1, after: 1, renamed: new Set([was.name]), renames: new Map([[was.name, name]]) });
    }
    if (replaced.length === 0) return renamed;
    return [...renamed, ...replaced].sort((a, b) => a.start - b.start);
  }

  /**
   * The mention stretches of `replaced` (text ranges, in order, none in the window that
   * starts at `window`) by their indices now, those before the window and after it,
   * stretches that touch taken together.
   */
  private stretchesOf(replaced: readonly Replaced[], window: number): { before: ItemsChange[]; after: ItemsChange[] } {
    const before: ItemsChange[] = [];
    const after: ItemsChange[] = [];
    for (const r of replaced) {
      const at = firstStartingAt(this.mentions, r.start);
      const out = r.start < window ? before : after;
      const last = out[out.length - 1];
      if (last && last.at + last.added >= at) {
        // Touching the one before: one stretch (what lies between them is unchanged).
        const end = at + r.after;
        last.removed += end - (last.at + last.added) - (r.after - r.before);
        last.added = end - last.at;
      } else out.push({ at, removed: r.before, added: r.after });
    }
    return { before: fewest(before), after: fewest(after) };
  }

  /**
   * After an edit that changed the people in a way any run may show (a name whose key
   * is empty: see PersonForms.changedSince): what a full pass does after finding names
   * and quotes, which the window's own are enough for — people found again in the whole
   * text and merged with the names, and speakers attributed again around the window and
   * the mentions that changed.
   */
  private everywhere(before: { mentions: Mention[]; starts: Int32Array; quotes: Quote[]; delta: number }, from: number, to: number): void {
    const text = this.doc.toString();
    this.findPeople(text);
    this.mentions = mergeByStart(this.known, this.personMentions);
    const old = before.mentions;
    const mentions = changedStretchOf(old.length, this.mentions.length, before.delta, (i, j, by) => {
      const a = old[i]!;
      const b = this.mentions[j]!;
      // The same object (a knowledge-base mention kept): only where it is may differ.
      if (a === b) return before.starts[i]! + by === b.start;
      return before.starts[i]! + by === b.start && b.end - b.start === a.end - a.start && sameMentionAt(a, b);
    });
    // Speakers again around the edited window and the mentions that changed, between the unchanged mentions on either side.
    const changedFrom = mentions.at > 0 ? this.mentions[mentions.at - 1]!.start : 0;
    const changedTo = mentions.at + mentions.added < this.mentions.length ? this.mentions[mentions.at + mentions.added]!.end : text.length;
    attributeAround(this.attributed(), Math.min(from, changedFrom), Math.max(to, changedTo));
    this.lastChange = { mentions, quotes: changedStretch(before.quotes, this.quotes, before.delta, sameQuote) };
    this.stats.people++;
  }

  /**
   * After an edit (committed: offsets are the new text's) that changed which entities are
   * named, where the nearest of several is, or the article's date: the names outside the window [winFrom,
   * winTo) whose reading may depend on that settled again; on each line where one
   * changed, the cues and mentions of people found again; then the people made again
   * from the cues and their mentions found where they may have changed, as after an edit
   * that introduced a person (the window's own people are found here too); and speakers
   * attributed again around all of it. A line too long to copy, or people changed in a
   * way any run may show, take the people and speakers of the whole text instead.
   */
  private settleNamesAgain(
    settle: Settle,
    winFrom: number,
    winTo: number,
    mentionsBefore: number,
    quotesBefore: number,
    windowQuotes: readonly [number, number],
  ): void {
    this.stats.names++;
    this.stats.people++;
    const changes = this.names.settleAgain(settle, winFrom, winTo, this.known);
    for (const c of changes) this.forgetWordsInNames(c.start, Math.max(c.was?.end ?? c.start, c.now?.end ?? c.start));
    // The lines those names are on (in order, each once) and the window: their cues and people are found again below.
    const lines: { start: number; end: number }[] = [];
    for (const c of changes) {
      const line = this.lineAround(c.start);
      if (!line) return this.peopleEverywhere(changes, mentionsBefore, quotesBefore);
      if (line.start !== lines[lines.length - 1]?.start) lines.push(line);
    }
    spliceIn(lines, firstStartingAt(lines, winFrom), 0, [{ start: winFrom, end: winTo }]);
    // How many mentions each line held before (the window's count is the caller's).
    const before = lines.map(({ start, end }) => firstStartingAt(this.mentions, end) - firstStartingAt(this.mentions, start));
    // Names: each change in `known` and `mentions`, with the people on its line taken out.
    for (const { start, end } of lines) this.takeOutPeople(start, end);
    for (const c of changes) {
      const k = firstStartingAt(this.known, c.start);
      const m = firstStartingAt(this.mentions, c.start);
      const had = c.was ? 1 : 0;
      spliceIn(this.known, k, had, c.now ? [c.now] : []);
      spliceIn(this.mentions, m, had, c.now ? [c.now] : []);
    }
    // Cues on the changed lines (the window's are in already), then the people they make.
    for (const line of lines) {
      if (line.start === winFrom && line.end === winTo) continue;
      const text = this.doc.slice(line.start, line.end);
      const [k0, k1] = startingIn(this.known, line.start, line.end);
      const cues = cuesIn(text, scanRuns(text, 0, text.length), new Occupancy(movedCopies(this.known.slice(k0, k1), -line.start)), line.start);
      const [c0, c1] = startingIn(this.cues, line.start, line.end);
      spliceIn(this.cues, c0, c1 - c0, cues);
    }
    const forms = PersonForms.of(peopleOf(this.cues).values());
    const words = forms.changedSince(this.forms);
    if (!words) return this.peopleEverywhere([], mentionsBefore, quotesBefore);
    this.forms = forms;
    // People on the window and the changed lines, then wherever their forms changed.
    for (const { start, end } of lines) {
      if (forms.isEmpty) break;
      const text = this.doc.slice(start, end);
      const [k0, k1] = startingIn(this.known, start, end);
      const found = mentionsIn(forms, text, scanRuns(text, 0, text.length), new Occupancy(this.known.slice(Math.max(0, k0 - 1), k1)), start);
      const [p0, p1] = startingIn(this.personMentions, start, end);
      spliceIn(this.personMentions, p0, p1 - p0, found);
      const [m0, m1] = startingIn(this.mentions, start, end);
      spliceIn(this.mentions, m0, m1 - m0, mergeByStart(this.mentions.slice(m0, m1), found));
    }
    const changedLines: Replaced[] = [];
    lines.forEach(({ start, end }, i) => {
      if (start !== winFrom || end !== winTo) changedLines.push({ start, end, before: before[i]!, after: firstStartingAt(this.mentions, end) - firstStartingAt(this.mentions, start) });
    });
    const again = words.isEmpty ? [] : this.findPeopleAgain(words, winFrom, winTo);
    const elsewhere = [...changedLines, ...again].sort((a, b) => a.start - b.start);
    const [quotesFrom, quotesTo] = this.attributeAgain({ start: winFrom, end: winTo }, elsewhere, windowQuotes);
    // The window's stretch: what it held before is what the whole held before, less the rest.
    const at = firstStartingAt(this.mentions, winFrom);
    const added = firstStartingAt(this.mentions, winTo) - at;
    let removed = mentionsBefore - (this.mentions.length - added);
    for (const r of elsewhere) removed += r.after - r.before;
    this.lastChange = {
      mentions: { at, removed, added },
      quotes: { at: quotesFrom, removed: quotesTo - quotesFrom - (this.quotes.length - quotesBefore), added: quotesTo - quotesFrom },
      elsewhere: this.stretchesOf(elsewhere, winFrom),
    };
    this.stats.incremental++;
  }

  /** Removes the mentions of people that start in [from, to) from `personMentions` and `mentions`. */
  private takeOutPeople(from: number, to: number): void {
    const [p0, p1] = startingIn(this.personMentions, from, to);
    if (p0 === p1) return;
    const people = new Set(this.personMentions.splice(p0, p1 - p0));
    const [m0, m1] = startingIn(this.mentions, from, to);
    spliceIn(this.mentions, m0, m1 - m0, this.mentions.slice(m0, m1).filter((m) => !people.has(m)));
  }

  /** The line around `at` (offsets of its first character and of its end), or undefined when it is too long to copy. */
  private lineAround(at: number): { start: number; end: number } | undefined {
    const reach = 64 * 1024;
    const from = Math.max(0, at - reach);
    const before = this.doc.slice(from, at);
    const nl = before.lastIndexOf('\n');
    if (nl < 0 && from > 0) return undefined;
    const to = Math.min(this.doc.length, at + reach);
    const after = this.doc.slice(at, to);
    const end = after.indexOf('\n');
    if (end < 0 && to < this.doc.length) return undefined;
    return { start: nl < 0 ? 0 : from + nl + 1, end: end < 0 ? to : at + end };
  }

  /**
   * settleNamesAgain's way out: the names' `changes` made (those not made yet), people
   * found again in the whole text, speakers attributed again, and everything said to
   * have changed.
   */
  private peopleEverywhere(changes: { start: number; was: Mention | undefined; now: Mention | null }[], mentionsBefore: number, quotesBefore: number): void {
    this.wordsInNames = new WeakMap();
    for (const c of changes) {
      const k = firstStartingAt(this.known, c.start);
      spliceIn(this.known, k, this.known[k]?.start === c.start && c.was ? 1 : 0, c.now ? [c.now] : []);
    }
    const text = this.doc.toString();
    this.findPeople(text);
    this.mentions = mergeByStart(this.known, this.personMentions);
    speakerAttributor(text, this.mentions, leaderOffices(this.kb), this.wrapped, sexFromKb(this.kb))(this.spans, this.quotes);
    this.lastChange = { mentions: { at: 0, removed: mentionsBefore, added: this.mentions.length }, quotes: { at: 0, removed: quotesBefore, added: this.quotes.length } };
    this.stats.incremental++;
  }

  /**
   * Speakers again around the edited `window` and the stretches where mentions changed
   * elsewhere; where those stretches only renamed people (see renamedFrom), only the
   * quotes that could change (see attributeRenamed). Returns the quotes [from, to)
   * whose speaker changed, `fresh` ones included.
   */
  private attributeAgain(window: { start: number; end: number }, elsewhere: readonly Replaced[], fresh: readonly [number, number], formsBefore?: PersonForms): [number, number] {
    const renamed = elsewhere.filter((r) => r.renamed);
    const rest = renamed.length > 0 ? elsewhere.filter((r) => !r.renamed) : elsewhere;
    const renames = renamed.length > 0 && formsBefore ? this.isomorphicRenames(renamed, formsBefore) : undefined;
    // Every quote then reads as a full pass would have read it before, the new names for
    // the old: put them in first, so that the window's attribution reads them too.
    const substituted = renames && substituteSpeakers(this.quotes, renames);
    if (renames) {
      this.stats.renamed++;
      this.stats.substituted++;
    }
    const [from, to] = attributeAroundAll(this.attributed(), [window, ...rest], fresh);
    if (renames) return substituted ? [Math.min(from, substituted[0]), Math.max(to, substituted[1])] : [from, to];
    if (renamed.length === 0) return [from, to];
    const names = new Set<string>();
    const at: number[] = [];
    for (const r of renamed) {
      for (const name of r.renamed!) names.add(name);
      for (let k = firstStartingAt(this.personMentions, r.start); k < this.personMentions.length && this.personMentions[k]!.start < r.end; k++) at.push(this.personMentions[k]!.start);
    }
    const exact = attributeRenamed(this.attributed(), this.doc.toString(), at, names);
    if (exact !== false) this.stats.renamed++;
    const changed = exact === false ? attributeAroundAll(this.attributed(), renamed, fresh) : exact;
    // The range from attributeAroundAll holds `fresh` even when empty: where quotes came or went.
    return changed ? [Math.min(from, changed[0]), Math.max(to, changed[1])] : [from, to];
  }

  /**
   * The old names for the new of people `renamed` (stretches found again, see
   * renamedFrom), when renaming them changed nothing else attribution reads: each old
   * name gives one new one and no two the same, the people are those before with those
   * names changed (none merged, none split, none new, none gone), no knowledge-base
   * entity or quote's speaker went by a new name already, and each name says the same sex
   * as before (renamedFrom). Attribution compares names only for equality and reads
   * their sex, so every answer is then the one before with the names changed. Undefined
   * otherwise.
   */
  private isomorphicRenames(renamed: readonly Replaced[], formsBefore: PersonForms): Map<string, string> | undefined {
    const renames = new Map<string, string>();
    for (const r of renamed) {
      if (!r.renames) return undefined;
      for (const [was, now] of r.renames) {
        if ((renames.get(was) ?? now) !== now) return undefined;
        renames.set(was, now);
      }
    }
    const news = new Set(renames.values());
    if (news.size !== renames.size) return undefined;
    const before = formsBefore.names();
    const after = this.forms.names();
    if (before.size !== after.size) return undefined;
    for (const [was, now] of renames) if (!before.has(was) || after.has(was) || before.has(now) || !after.has(now) || renames.has(now)) return undefined;
    for (const name of before) if (!renames.has(name) && !after.has(name)) return undefined;
    const kbNames = knowledgeBaseNames(this.kb);
    for (const now of news) if (kbNames.has(now)) return undefined;
    for (const q of this.quotes) if (q.speaker !== null && news.has(q.speaker)) return undefined;
    return renames;
  }

  /** What speakers are attributed again from, as they are now. */
  private attributed(): Attributed {
    return { doc: this.doc, spans: this.spans, quotes: this.quotes, mentions: this.mentions, offices: leaderOffices(this.kb), wrapped: this.wrapped, sexOf: sexFromKb(this.kb) };
  }

  /**
   * Whether `change` may change what looksHardWrapped says of the text: it edits the
   * sample that is read and adds or removes a line break, moves where the sample is cut,
   * or changes the kind of line it edits (blank, 40–100 long, other). `oldText` and
   * `newText` are the stretch from `base` around it (to the text's end when `atEnd`).
   */
  private mayChangeWrapping(change: TextChange, oldText: string, newText: string, base: number, atEnd: boolean): boolean {
    const { rangeOffset, rangeLength: removed, text: inserted } = change;
    if (rangeOffset >= WRAP_SAMPLE) return false;
    const at = rangeOffset - base;
    if (inserted.includes('\n') || oldText.slice(at, at + removed).includes('\n')) return true;
    if (Math.max(this.doc.length, this.doc.length + inserted.length - removed) > WRAP_SAMPLE) return true;
    const lineBefore = lineHolding(oldText, at, at + removed, base === 0, atEnd);
    const lineAfter = lineHolding(newText, at, at + inserted.length, base === 0, atEnd);
    return lineBefore === undefined || lineAfter === undefined || lineKind(lineBefore) !== lineKind(lineAfter);
  }

  /** The first `n` units of the text as it will be after `change`, without its virtual breaks. */
  private newHead(change: TextChange, n: number): string {
    const { rangeOffset: at, rangeLength: removed, text: inserted } = change;
    const old = withoutBreaks(this.doc.slice(0, n + removed), this.breaks);
    return at >= n ? old.slice(0, n) : (old.slice(0, at) + inserted + old.slice(at + removed)).slice(0, n);
  }

  /**
   * The text's virtual breaks after an edit of text[at, at + removed) (offsets from
   * `base`) into `inserted` units, given `text` — the stretch from `base` as the edit
   * leaves it (to the text's end when `atEnd`): those near the edit worked out again,
   * those past moved. `moved`: the stretch of the new text (offsets from `base`) where
   * the breaks differ from those before, beyond the edit itself (empty at `at` when none
   * do). Undefined when the stretch is too short to tell.
   */
  private breaksAfter(text: string, base: number, at: number, removed: number, inserted: number, atEnd: boolean): { breaks: number[]; moved: { from: number; to: number } } | undefined {
    const delta = inserted - removed;
    const zoneFrom = Math.max(0, at - BREAK_REACH);
    const zoneTo = Math.min(text.length, at + inserted + BREAK_REACH);
    const found = virtualBreaks(text, zoneFrom, zoneTo, base === 0, atEnd, Gazetteer.fromKb(this.kb).keptTogether);
    if (!found) return undefined;
    const old = this.breaks;
    // Break positions are whole numbers: the first after x - 1 is the first at or after x.
    const b0 = upperBound(old, base + zoneFrom - 1);
    const b1 = upperBound(old, base + zoneTo - delta - 1);
    let from = at;
    let to = at;
    // Those before the edit compare as they are, those after it moved by the edit.
    const was = old.slice(b0, b1).map((b) => b - base).filter((b) => b < at || b >= at + removed).map((b) => (b < at ? b : b + delta));
    const now = found;
    const seen = new Set(now);
    for (const b of was) if (!seen.has(b)) [from, to] = [Math.min(from, b), Math.max(to, b + 1)];
    const had = new Set(was);
    for (const b of now) if (!had.has(b)) [from, to] = [Math.min(from, b), Math.max(to, b + 1)];
    const breaks = old.slice(0, b0);
    for (const b of now) breaks.push(base + b);
    for (let k = b1; k < old.length; k++) breaks.push(old[k]! + delta);
    return { breaks, moved: { from, to } };
  }
}

/**
 * The line of `text` holding [from, to) (which holds no line break), or undefined when
 * it may go on past `text`: past its start unless `atStart`, past its end unless `atEnd`.
 */
function lineHolding(text: string, from: number, to: number, atStart: boolean, atEnd: boolean): string | undefined {
  const start = text.lastIndexOf('\n', from - 1) + 1;
  let end = text.indexOf('\n', to);
  if (end < 0) end = text.length;
  if ((start === 0 && !atStart) || (end === text.length && !atEnd)) return undefined;
  return text.slice(start, end);
}

/** How close to the edges of its stretch a touched paragraph may come. */
const MARGIN = 1024;

/**
 * Stretches of mentions replaced far from an edit, at most, on each side of it: each is
 * a delta of its own, which a receiver splices into its array (moving what follows).
 */
const STRETCHES = 256;

/**
 * `stretches` (in order, apart) as at most STRETCHES, those with the fewest mentions
 * between them taken together (with the mentions between, sent again unchanged).
 */
function fewest(stretches: ItemsChange[]): ItemsChange[] {
  if (stretches.length <= STRETCHES) return stretches;
  const gaps = stretches.slice(1).map((s, i) => s.at - (stretches[i]!.at + stretches[i]!.added));
  const most = [...gaps].sort((a, b) => a - b)[gaps.length - STRETCHES]!;
  const out = [{ ...stretches[0]! }];
  for (let i = 1; i < stretches.length; i++) {
    const s = stretches[i]!;
    const last = out[out.length - 1]!;
    if (gaps[i - 1]! <= most && out.length + (stretches.length - i) > STRETCHES) {
      const gap = gaps[i - 1]!;
      last.removed += gap + s.removed;
      last.added += gap + s.added;
    } else out.push({ ...s });
  }
  return out;
}

/** A stretch of text whose mentions were replaced: how many it held before and holds now. */
interface Replaced {
  start: number;
  end: number;
  before: number;
  after: number;
  /** When the mentions found again stand where those before stood, as the same types: the names those before went by. */
  renamed?: Set<string>;
  /** Then too, each old name that changed and the one it changed to, when every mention of it changed to the same. */
  renames?: Map<string, string>;
}

/**
 * The names `was` went by, when `now` holds mentions where `was` held them, of the same
 * types, only named otherwise (a person renamed where their name was introduced) and
 * not so that the name says another sex (which "she said" reads: see nameGender.ts):
 * then only speakers can change, and only where attribution picked one of them (see
 * attributeRenamed) — with each name that changed and its new one, unless one changed to
 * two. Neither otherwise.
 */
function renamedFrom(was: readonly Mention[], now: readonly Mention[]): Pick<Replaced, 'renamed' | 'renames'> {
  if (was.length !== now.length) return {};
  const names = new Set<string>();
  let renames: Map<string, string> | undefined = new Map();
  for (let k = 0; k < was.length; k++) {
    const a = was[k]!;
    const b = now[k]!;
    if (a.start !== b.start || a.end !== b.end || a.type !== b.type || !saySameSex(a.name, b.name)) return {};
    names.add(a.name);
    // One name that changed to two is no rename isomorphicRenames can put in.
    if (a.name !== b.name && renames) renames = (renames.get(a.name) ?? b.name) !== b.name ? undefined : renames.set(a.name, b.name);
  }
  return renames ? { renamed: names, renames } : { renamed: names };
}

/** Whether two names say the same sex, or none (see nameGender.ts). */
function saySameSex(a: string, b: string): boolean {
  if (a === b || (a === sameSexPair[0] && b === sameSexPair[1])) return true;
  if (genderOfName(a) !== genderOfName(b)) return false;
  sameSexPair = [a, b];
  return true;
}
/** The last two names found to say the same sex: a rename asks of the same two for each of its hundreds of mentions. */
let sameSexPair: readonly [string, string] = ['', ''];

/** Puts the new name for each old one `renames` holds among the quotes' speakers; returns the quotes [from, to) that changed, if any did. */
function substituteSpeakers(quotes: Quote[], renames: ReadonlyMap<string, string>): [number, number] | undefined {
  let from = -1;
  let to = -1;
  for (let k = 0; k < quotes.length; k++) {
    const now = quotes[k]!.speaker === null ? undefined : renames.get(quotes[k]!.speaker!);
    if (now === undefined) continue;
    quotes[k]!.speaker = now;
    if (from < 0) from = k;
    to = k + 1;
  }
  return from < 0 ? undefined : [from, to];
}

/** The canonical names of a knowledge base's entities, worked out once per knowledge base. */
function knowledgeBaseNames(kb: KnowledgeBase): ReadonlySet<string> {
  let names = KB_NAMES.get(kb);
  if (!names) KB_NAMES.set(kb, (names = new Set(kb.all().map((e) => e.name))));
  return names;
}
const KB_NAMES = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/** Items [at, at + removed) of a list replaced by `added` new ones. */
export interface ItemsChange {
  at: number;
  removed: number;
  added: number;
}

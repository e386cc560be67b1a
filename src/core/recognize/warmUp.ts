import type { KnowledgeBase } from '../kb/knowledgeBase';
import { Gazetteer } from './gazetteer';
import { IncrementalRecognizer, type TextChange } from './incremental';
import { RecognitionSession } from './session';
import type { Recognition } from '../model/types';

/**
 * An article of our own with one of each thing an edit can change: a leader after a
 * title, a person after a role, a quote with its speaker, a full name the rest of the
 * text never repeats, a name several leaders share, the article's date, and a person
 * quoted by family name in a paragraph after the one that names them in full.
 */
const ARTICLE = `Astana, 14 October 2023

Kazakh President Kassym-Jomart Tokayev met German Chancellor Olaf Scholz in Astana on Friday. “We discussed trade and the transit routes to Europe,” Tokayev said after the talks.

“The region is choosing its partners with care,” said Aigerim Bekova, a Kazakh analyst. Bekova added that Aliyev had called Tokayev a day earlier.

The economist Marat Zhunusov expects the trade to double.

“Prices will hold,” Zhunusov said.

`;

/** How much of the document's start the warm-up session holds. */
export const WARM_UP_HEAD = 16 * 1024;

/** Where in ARTICLE each kind of edit is made: a letter taken out, then typed again. */
const SPOTS = [
  'with care', // a letter in a word: the edit's window only
  'Bekova, a', // a letter in a person's name: people found again where they may be
  'Scholz in', // a letter of a name named once (Scholz is then named no longer): names settled again
  '2023', // the article's date: the names it settles (the lone Aliyev) settled again
  'Marat Zhunusov', // a letter of a given name: the person renamed, the quote's speaker with them
];

/**
 * Runs the edits the recogniser handles in place, each kind in turn, in a session over
 * ARTICLE and `head` (the start of the document about to be edited, for its shapes),
 * one edit per step, so that a caller can yield between steps; a letter in the middle of
 * `head` too, which in a file of one line is an edit among its virtual breaks. The first
 * edit of each kind in a large document otherwise runs on code V8 has not compiled yet:
 * in 10 MB, through the worker, 36–41 ms for a letter in a word and 104–113 ms for one
 * in a person's name, against 6–8 and 14–22 ms after this (38–44 ms against 4–6 ms for
 * a letter in a file of one line). Returns how the session handled the edits.
 */
export function* warmUpSteps(kb: KnowledgeBase, head: string, rounds = 8): Generator<void, RecognitionSession['stats']> {
  const text = ARTICLE + head;
  const session = new RecognitionSession(kb, text);
  yield;
  const spots = SPOTS.map((s) => text.indexOf(s) + 1);
  // And a letter in a lower-case word in the middle of the document's head: in a file of
  // one long line, an edit among its virtual breaks (see virtualBreaks.ts).
  const middle = text.slice(ARTICLE.length + (head.length >> 1)).search(/[a-z]{6}/);
  if (middle >= 0) spots.push(ARTICLE.length + (head.length >> 1) + middle + 3);
  for (let round = 0; round < rounds; round++) {
    for (const at of spots) {
      const letter = text[at]!;
      const edits: TextChange[] = [
        { rangeOffset: at, rangeLength: 1, text: '' },
        { rangeOffset: at, rangeLength: 0, text: letter },
      ];
      for (const edit of edits) {
        session.edit(edit);
        yield;
      }
    }
  }
  return session.stats;
}

/**
 * Gets the recogniser of a thread that has not recognised anything yet ready for its
 * first document, one step at a time, so that a caller can yield between steps: the
 * knowledge base; the gazetteer a few hundred entities at a time; then the head of
 * `text` (the document about to be recognised) a line at a step, each on its own — more
 * lines at once where the last step found everything compiled. Until V8 has compiled the
 * recogniser's functions and regular expressions (hundreds, each when first used, up to
 * ~2.5 ms each since the costliest became WordListPatterns), the first recognition of a
 * short article holds the thread ~50–60 ms at once in plain Node (~100 before), ~4 ms
 * once warm; a step here compiles what one more stretch of text needs (12–19 ms at most
 * in plain Node). What the first edits need is editWarmUpSteps', once the document shows.
 */
export function* coldStartSteps(kb: () => KnowledgeBase, text = ''): Generator<void, void> {
  const base = kb();
  yield;
  void (yield* Gazetteer.fromKbSteps(base)).keptTogether;
  yield;
  const head = text.slice(0, WARM_UP_HEAD);
  yield* stretchSteps(base, head, [0, ...stopsIn(head, /\n/g)]);
}

/**
 * After coldStartSteps and the first document's highlights, what the first edits need
 * compiled, a step at a time: ARTICLE recognised a paragraph longer at each step, then a
 * letter taken out of a word and of a name and typed again. Returns the recogniser's
 * answer for ARTICLE after the edits. (Run before the highlights, these steps put off the
 * first document's by about a third of the warm-up.)
 */
export function* editWarmUpSteps(kb: KnowledgeBase): Generator<void, Recognition> {
  const recognizer = (yield* growingPrefixSteps(kb, ARTICLE, stopsIn(ARTICLE, /\n\n/g)))!;
  for (const spot of ['with care', 'Bekova added']) {
    const at = ARTICLE.indexOf(spot) + 1;
    recognizer.update([{ rangeOffset: at, rangeLength: 1, text: '' }]);
    yield;
    recognizer.update([{ rangeOffset: at, rangeLength: 0, text: ARTICLE[at]! }]);
    yield;
  }
  return recognizer.result;
}

/** ARTICLE, for tests. */
export const WARM_UP_ARTICLE = ARTICLE;

/** The ends of the matches of `re` (global) in `text`. */
function stopsIn(text: string, re: RegExp): number[] {
  const out: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index + m[0].length);
  return out;
}

/** A step that takes less than this found what it runs compiled: the next may read twice as much more. */
const WARM_STEP_MS = 4;

/** Recognises text up to each of `ends` in turn, one a step; returns the last recogniser. */
function* growingPrefixSteps(kb: KnowledgeBase, text: string, ends: readonly number[]): Generator<void, IncrementalRecognizer | undefined> {
  let last: IncrementalRecognizer | undefined;
  for (const end of ends) {
    last = new IncrementalRecognizer(kb, text.slice(0, end));
    yield;
  }
  return last;
}

/**
 * Recognises the stretches of `text` between `starts` (line starts), each on its own, a
 * step each: one line at first, twice as many lines at the next step while steps are
 * quick. What a line needs compiled is mostly what its words and marks ask for, not
 * what stands around it; reading each line once keeps the whole to about one recognition.
 */
function* stretchSteps(kb: KnowledgeBase, text: string, starts: readonly number[]): Generator<void, void> {
  let lines = 1;
  for (let k = 0; k < starts.length; k += lines) {
    const started = performance.now();
    const end = k + lines < starts.length ? starts[k + lines]! : text.length;
    if (end > starts[k]!) new IncrementalRecognizer(kb, text.slice(starts[k], end));
    lines = performance.now() - started < WARM_STEP_MS ? lines * 2 : 1;
    yield;
  }
}

import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { TextChange } from './incremental';
import { RecognitionSession } from './session';

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

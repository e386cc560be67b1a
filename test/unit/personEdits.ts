import fc from 'fast-check';
import type { Mention } from '../../src/core/model/types';

/**
 * Edits aimed at the people of a text — a letter dropped or typed inside a name, a
 * title or a speech verb put before one, the word before one cut — which introduce
 * people, drop them and rename them: the edits whose effect reaches past their window.
 */
export const personEdit = fc.record({
  pick: fc.double({ min: 0, max: 1, noNaN: true }),
  offset: fc.nat(),
  kind: fc.constantFrom('drop', 'type', 'title', 'said', 'cut'),
  letters: fc.constantFrom('a', 'l', 'v', 'x', 'ov', ' '),
  /** Aimed at someone the knowledge base does not know (found by a cue), if there is one. */
  unknown: fc.boolean(),
});

export type PersonEdit = typeof personEdit extends fc.Arbitrary<infer T> ? T : never;

/** `e` as an edit of `text`, aimed at one of the people (or leaders) among `mentions`. */
export function aimAtPerson(text: string, mentions: readonly Mention[], e: PersonEdit): { at: number; remove: number; insert: string } {
  const all = mentions.filter((m) => m.type === 'person' || m.type === 'leader');
  const unknown = all.filter((m) => m.entity === null);
  const people = e.unknown && unknown.length > 0 ? unknown : all;
  if (people.length === 0) return { at: Math.floor(e.pick * text.length), remove: 0, insert: e.letters };
  const m = people[Math.min(people.length - 1, Math.floor(e.pick * people.length))]!;
  const inside = m.start + (e.offset % (m.end - m.start));
  switch (e.kind) {
    case 'drop':
      return { at: inside, remove: 1, insert: '' };
    case 'type':
      return { at: inside, remove: 0, insert: e.letters };
    case 'title':
      return { at: m.start, remove: 0, insert: 'President ' };
    case 'said':
      return { at: m.start, remove: 0, insert: 'said ' };
    case 'cut': {
      let end = m.start;
      while (end > 0 && text[end - 1] === ' ') end--;
      let start = end;
      while (start > 0 && /\S/.test(text[start - 1]!)) start--;
      return { at: start, remove: m.start - start, insert: '' };
    }
  }
}

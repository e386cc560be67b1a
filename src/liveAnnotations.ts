import type { StoredAnnotation } from './core/sidecar/model';

/** A stored annotation placed in the open document (UTF-16 offsets), or an orphan. */
export interface LiveAnnotation {
  stored: StoredAnnotation;
  start: number;
  end: number;
  /** Why it could not be placed; an orphan keeps its stored data and is shown in Problems. */
  orphan?: string;
  /** Placed by approximate matching after the text changed on disk; shown in Problems for review. */
  reanchored?: string;
}

export interface ContentChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Moves annotations with an edit: those before stay, those after shift by the edit's
 * length, an edit inside one keeps it with the edited text (a typo fixed in a name), and
 * an edit that removes its whole text orphans it. Pure; the caller refreshes `exact`.
 */
export function applyChange(list: LiveAnnotation[], c: ContentChange): void {
  const from = c.rangeOffset;
  const to = c.rangeOffset + c.rangeLength;
  const delta = c.text.length - c.rangeLength;
  for (const a of list) {
    if (a.orphan) continue;
    if (to <= a.start) {
      // Entirely before (an insertion at the very start pushes it along).
      a.start += delta;
      a.end += delta;
    } else if (from >= a.end) {
      // Entirely after: nothing moves.
    } else if (from <= a.start && to >= a.end) {
      a.orphan = 'its text was deleted';
    } else {
      // Overlaps one end or lies inside: keep what remains, with the new text in it.
      const start = from < a.start ? from + c.text.length : a.start;
      const end = to > a.end ? from : a.end + delta;
      a.start = start;
      a.end = Math.max(start, end);
      if (a.end === a.start) a.orphan = 'its text was deleted';
    }
  }
}

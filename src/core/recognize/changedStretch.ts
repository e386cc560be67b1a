import type { Mention, Quote } from '../model/types';

/**
 * The one stretch where `after` differs from `before` with everything past the edit
 * moved by `shift`: the common head as it was, the common tail moved — what a receiver
 * holding `before` needs to hold `after`, given the tail moves by `shift` there.
 */
export function changedStretch<T>(before: readonly T[], after: readonly T[], shift: number, same: (a: T, b: T, shift: number) => boolean): { at: number; removed: number; added: number } {
  return changedStretchOf(before.length, after.length, shift, (i, j, by) => same(before[i]!, after[j]!, by));
}

/** `changedStretch` for items the caller compares itself, by index (`i` before, `j` after). */
export function changedStretchOf(beforeLength: number, afterLength: number, shift: number, same: (i: number, j: number, shift: number) => boolean): { at: number; removed: number; added: number } {
  const most = Math.min(beforeLength, afterLength);
  let head = 0;
  while (head < most && same(head, head, 0)) head++;
  let tail = 0;
  while (tail < most - head && same(beforeLength - 1 - tail, afterLength - 1 - tail, shift)) tail++;
  return { at: head, removed: beforeLength - head - tail, added: afterLength - head - tail };
}

/** Whether `b` is `a` moved by `shift`, as the receiver would hold it. */
export function sameMention(a: Mention, b: Mention, shift: number): boolean {
  return a.start + shift === b.start && a.end + shift === b.end && sameMentionAt(a, b);
}

/** Whether two mentions say the same, wherever they are. */
export function sameMentionAt(a: Mention, b: Mention): boolean {
  return a.text === b.text && a.type === b.type && a.entity === b.entity && a.name === b.name && a.country === b.country && (a.candidates ?? []).join('\u0000') === (b.candidates ?? []).join('\u0000');
}

export function sameQuote(a: Quote, b: Quote, shift: number): boolean {
  return a.start + shift === b.start && a.end + shift === b.end && a.kind === b.kind && a.speaker === b.speaker && a.speakerEntity === b.speakerEntity && a.unclosed === b.unclosed && a.text === b.text;
}

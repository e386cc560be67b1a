import { CodePointMap } from '../text/offsets';
import type { StoredAnnotation } from './model';

/** How many code points of context a text-quote selector keeps on each side. */
export const CONTEXT = 32;

/**
 * Builds a stored annotation for text[start16, end16) (UTF-16 indices): code-point
 * offsets and the exact text with its prefix and suffix.
 */
export function makeAnnotation(
  text: string,
  map: CodePointMap,
  start16: number,
  end16: number,
  fields: Omit<StoredAnnotation, 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'id'> & { id?: string },
): StoredAnnotation {
  const { prefix, suffix } = contextAround(text, start16, end16);
  return {
    ...fields,
    id: fields.id ?? newId(),
    start: map.toCodePoint(start16),
    end: map.toCodePoint(end16),
    exact: text.slice(start16, end16),
    prefix,
    suffix,
  };
}

/** Up to CONTEXT code points before and after a UTF-16 range. */
export function contextAround(text: string, start16: number, end16: number): { prefix: string; suffix: string } {
  return { prefix: lastCodePoints(text.slice(Math.max(0, start16 - CONTEXT * 2), start16), CONTEXT), suffix: firstCodePoints(text.slice(end16, end16 + CONTEXT * 2), CONTEXT) };
}

function lastCodePoints(s: string, n: number): string {
  const cps = Array.from(s);
  return cps.slice(Math.max(0, cps.length - n)).join('');
}

function firstCodePoints(s: string, n: number): string {
  return Array.from(s).slice(0, n).join('');
}

let counter = 0;

/** A short id, unique within a sidecar in practice (time, a counter and randomness). */
export function newId(): string {
  counter = (counter + 1) % 1296;
  const time = Date.now().toString(36).slice(-5);
  const rand = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  return `a${time}${counter.toString(36).padStart(2, '0')}${rand}`;
}

import type { QuoteKind } from '../model/types';

const FIRST_SECOND_PERSON = /(?<![\p{L}])(?:I|I’m|I'm|we|We|us|our|Our|my|My|me|you|You|your|Your)(?![\p{L}])/u;
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'between', 'vs']);

/**
 * Speech is words presented as said or written by someone, fragments included; a term
 * is a scare quote, a word or short phrase singled out, or a quoted name or title.
 */
export function classifyQuote(inner: string, opts: { nested: boolean; brokenMarks: boolean }): QuoteKind {
  if (opts.brokenMarks) return 'speech';
  const words = inner.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? [];
  if (words.length === 0) return 'term';
  const sentence = /[.!?…]\s*$|[.!?]\s+\p{Lu}/u.test(inner.replace(/[,;:\s]+$/, ''));
  if (words.length <= 3) return FIRST_SECOND_PERSON.test(inner) || (sentence && words.length > 1 && !opts.nested) ? 'speech' : 'term';
  // A title or a name: most words capitalised ("Economic War: Ukraine and the Global Conflict").
  const major = words.filter((w) => !MINOR_WORDS.has(w));
  const capitalised = major.filter((w) => /^\p{Lu}|^\p{N}/u.test(w)).length;
  if (major.length >= 2 && capitalised / major.length >= 0.75 && !sentence) return 'term';
  if (opts.nested && words.length <= 5 && !sentence) return 'term';
  return 'speech';
}

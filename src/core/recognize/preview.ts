import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Recognition } from '../model/types';
import { recognize } from './index';

/** How much text around the first screen a preview recognises (UTF-16 units). */
export const PREVIEW_REACH = 64_000;

/**
 * A quick first recognition of a very large text: only the paragraphs around `around`
 * (the first screen), with offsets into the whole text. It can differ from the full
 * recognition near its edges, which replaces it within seconds; it lets highlights
 * appear at once instead of after the whole file.
 */
export function recognizePreview(text: string, kb: KnowledgeBase, around: number): Recognition {
  const from = paragraphStart(text, Math.max(0, around - PREVIEW_REACH));
  const to = paragraphEnd(text, Math.min(text.length, around + PREVIEW_REACH));
  const r = recognize(text.slice(from, to), kb);
  for (const x of r.mentions) {
    x.start += from;
    x.end += from;
  }
  for (const q of r.quotes) {
    q.start += from;
    q.end += from;
  }
  return r;
}

function paragraphStart(text: string, at: number): number {
  if (at === 0) return 0;
  const i = text.lastIndexOf('\n\n', at);
  return i < 0 ? 0 : i + 2;
}

function paragraphEnd(text: string, at: number): number {
  const i = text.indexOf('\n\n', at);
  return i < 0 ? text.length : i;
}

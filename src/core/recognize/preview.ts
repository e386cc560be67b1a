import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Recognition } from '../model/types';
import { recognize } from './index';
import { PREVIEW_REACH, PREVIEW_ROOM } from './previewStretch';

export { PREVIEW_FROM, PREVIEW_REACH, previewStretch } from './previewStretch';

/**
 * A quick first recognition of a very large text: only the paragraphs around `around`
 * (the first screen), with offsets into the whole text. It can differ from the full
 * recognition near its edges, which replaces it within seconds; it lets highlights
 * appear at once instead of after the whole file.
 */
export function recognizePreview(text: string, kb: KnowledgeBase, around: number): Recognition {
  const from = paragraphStart(text, Math.max(0, around - PREVIEW_REACH));
  const to = paragraphEnd(text, Math.min(text.length, around + PREVIEW_REACH));
  return movedBy(recognize(text.slice(from, to), kb), from);
}

/**
 * `recognizePreview` when only a stretch of the text is at hand: `text` holds the
 * document from offset `from`; offsets come out in the whole document's terms.
 */
export function recognizePreviewOf(text: string, from: number, kb: KnowledgeBase, around: number): Recognition {
  return movedBy(recognizePreview(text, kb, Math.max(0, around - from)), from);
}

/** A recognition of a stretch, moved to the offsets of the text the stretch begins at `from`. */
function movedBy(r: Recognition, from: number): Recognition {
  for (const x of [...r.mentions, ...r.quotes]) {
    x.start += from;
    x.end += from;
  }
  return r;
}

// A paragraph break is looked for only within the room the host's stretch has beyond the
// reach, so that a preview of the stretch is the preview of the whole text; without one
// near (a file of one long line) the preview ends at the reach.
function paragraphStart(text: string, at: number): number {
  if (at === 0) return 0;
  const i = text.lastIndexOf('\n\n', at);
  return i >= 0 && at - i <= PREVIEW_ROOM ? i + 2 : at;
}

function paragraphEnd(text: string, at: number): number {
  const i = text.indexOf('\n\n', at);
  if (i >= 0 && i + 2 - at <= PREVIEW_ROOM) return i;
  return text.length - at < PREVIEW_ROOM ? text.length : at;
}

import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { Recognition } from '../model/types';

/** Finds mentions and quotes in `text`. Offsets are UTF-16 indices. */
export function recognize(_text: string, _kb: KnowledgeBase): Recognition {
  return { mentions: [], quotes: [] };
}

import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { NameGender } from './nameGender';

/**
 * A known person's sex by their knowledge-base id, where the knowledge base gives it:
 * "she said" then passes over a man whose name says nothing of it ("Wang Wenbin", "Josep
 * Borrell") and "he said" over a woman ("Mao Ning", "Kaja Kallas").
 */
export type SexOf = (entity: string) => NameGender | undefined;

/** Without a knowledge base: no one's. */
export const noSexKnown: SexOf = () => undefined;

export function sexFromKb(kb: KnowledgeBase): SexOf {
  return (entity) => kb.get(entity)?.person?.sex;
}

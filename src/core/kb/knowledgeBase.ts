import type { Entity, EntityKind } from './types';
import generated from './generated/kb.json';

/** Read-only view over the built-in entities merged with the user's own. */
export class KnowledgeBase {
  private readonly byId: Map<string, Entity>;

  constructor(
    entities: readonly Entity[],
    /** Date the built-in facts are true as of (YYYY-MM-DD). */
    readonly asOf: string,
  ) {
    this.byId = new Map(entities.map((e) => [e.id, e]));
  }

  /** The knowledge base compiled into the bundle. */
  static builtin(): KnowledgeBase {
    const data = generated as unknown as { asOf: string; entities: Entity[] };
    return new KnowledgeBase(data.entities, data.asOf);
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  all(): readonly Entity[] {
    return [...this.byId.values()];
  }

  byKind(kind: EntityKind): Entity[] {
    return this.all().filter((e) => e.kind === kind);
  }

  /** A new KB where `entities` override built-in ones with the same id and add the rest. */
  merge(entities: readonly Entity[]): KnowledgeBase {
    return new KnowledgeBase([...this.byId.values(), ...entities], this.asOf);
  }
}

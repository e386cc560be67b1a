import { isMap, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Entity, EntityKind, KbDiagnostic } from './types';

const KINDS: EntityKind[] = ['leader', 'person', 'country', 'place', 'org'];

/**
 * Reads one of the user's entity files (`*.entities.yaml`): a list of entities, or a
 * mapping with `entities:`. Each needs an `id`, a `kind` and a `name` (or just an `id`
 * of a built-in entity, to add aliases or a description to it). A bad entry gives a
 * diagnostic with its line and column; the other entries still load.
 *
 * ```yaml
 * - id: person:dilnoza-karimova
 *   kind: person
 *   name: Dilnoza Karimova
 *   aliases: [Karimova]
 *   sex: female          # for "she said" (optional)
 *   description: researcher, Tashkent
 * - id: Q7747            # a built-in entity: these aliases are added to its own
 *   aliases: [VVP]
 * ```
 */
export function parseEntityFile(file: string, text: string): { entities: Entity[]; diagnostics: KbDiagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const diagnostics: KbDiagnostic[] = [];
  const at = (node: Node | undefined | null) => lines.linePos(node?.range?.[0] ?? 0);
  const report = (node: Node | undefined | null, message: string, severity: 'error' | 'warning' = 'error') => {
    const p = at(node);
    diagnostics.push({ file, line: p.line, column: p.col, message, severity });
  };
  for (const e of doc.errors) diagnostics.push({ file, line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, message: e.message.split('\n')[0]!, severity: 'error' });
  if (doc.errors.length) return { entities: [], diagnostics };

  let list: Node | null | undefined = doc.contents as Node | null;
  if (isMap(list)) list = list.get('entities', true) as Node | undefined;
  if (list === null || list === undefined) return { entities: [], diagnostics };
  if (!isSeq(list)) {
    report(list, 'an entity file is a list of entities (or a mapping with `entities:`)');
    return { entities: [], diagnostics };
  }
  const entities: Entity[] = [];
  const seen = new Set<string>();
  for (const item of list.items) {
    if (!isMap(item)) {
      report(item as Node, 'each entity is a mapping with id, kind and name');
      continue;
    }
    const e = readEntity(item, file, report);
    if (!e) continue;
    if (seen.has(e.id)) {
      report(item.get('id', true) as Node, `id ${e.id} appears twice in this file`);
      continue;
    }
    seen.add(e.id);
    entities.push(e);
  }
  return { entities, diagnostics };
}

type Report = (node: Node | undefined, message: string) => void;

function readEntity(item: YAMLMap, file: string, report: Report): Entity | undefined {
  const node = (k: string) => item.get(k, true) as Node | undefined;
  const js = item.toJSON() as Record<string, unknown>;
  const id = js.id;
  if (typeof id !== 'string' || !id) {
    report(item, 'an entity needs an `id` (a Wikidata QID, or your own like person:jane-doe)');
    return undefined;
  }
  const kind = js.kind;
  if (kind !== undefined && !KINDS.includes(kind as EntityKind)) {
    report(node('kind'), `\`kind\` must be one of ${KINDS.join(', ')}`);
    return undefined;
  }
  const strings = (k: string): string[] | undefined => {
    const v = js[k];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      report(node(k), `\`${k}\` must be a list of names`);
      return undefined;
    }
    return v as string[];
  };
  const name = js.name;
  if (name !== undefined && typeof name !== 'string') {
    report(node('name'), '`name` must be text');
    return undefined;
  }
  const e: Entity = { id, kind: (kind as EntityKind) ?? 'person', name: (name as string) ?? '', aliases: strings('aliases') ?? [], source: file };
  const weak = strings('weakAliases');
  if (weak) e.weakAliases = weak;
  if (typeof js.description === 'string') e.description = js.description;
  if (typeof js.wikidata === 'string') e.wikidata = js.wikidata;
  if (Array.isArray(js.roles)) e.person = { roles: (js.roles as Record<string, unknown>[]).filter((r) => r && typeof r.title === 'string').map((r) => ({ title: String(r.title), ...(r.country ? { country: String(r.country) } : {}), ...(r.org ? { org: String(r.org) } : {}), ...(r.start ? { start: String(r.start) } : {}), ...(r.end ? { end: String(r.end) } : {}) })) };
  if (js.sex !== undefined) {
    if (js.sex !== 'female' && js.sex !== 'male') {
      report(node('sex'), '`sex` must be female or male');
      return undefined;
    }
    e.person = { roles: e.person?.roles ?? [], sex: js.sex === 'female' ? 'f' : 'm' };
  }
  if (kind === 'place') e.place = { placeType: typeof js.type === 'string' ? js.type : 'place', ...(typeof js.country === 'string' ? { country: js.country } : {}) };
  if (kind === 'org') e.org = { orgType: typeof js.type === 'string' ? js.type : 'organisation' };
  // Without kind and name it only adds to a built-in entity (merged by id).
  if ((kind === undefined || !e.name) && !(kind === undefined && !e.name)) {
    report(item, 'a new entity needs both `kind` and `name`');
    return undefined;
  }
  return e;
}

import type { KnowledgeBase } from '../core/kb/knowledgeBase';
import { toContract, type ContractDocument } from '../core/model/contract';
import { recognize } from '../core/recognize/index';
import { displayPath, expandPaths } from './files';
import { readTextFile } from './readTextFile';
import type { Style } from './style';

export interface AnnotateOptions {
  json: boolean;
  recursive: boolean;
}

/** `geo-annotate annotate FILE…`: returns the exit code. */
export function annotateCommand(paths: string[], opts: AnnotateOptions, kb: KnowledgeBase, out: Style): number {
  if (paths.length === 0) {
    process.stderr.write('geo-annotate annotate: name at least one .txt file\n');
    return 2;
  }
  let failed = 0;
  const docs: ContractDocument[] = [];
  for (const file of expandPaths(paths, opts.recursive)) {
    const read = readTextFile(file);
    if (!read.ok) {
      process.stderr.write(`geo-annotate: ${read.message}\n`);
      failed++;
      continue;
    }
    const doc = toContract(displayPath(file), read.text, recognize(read.text, kb));
    if (opts.json) docs.push(doc);
    else process.stdout.write(summary(doc, out));
  }
  if (opts.json) {
    // One file: the object of the contract. Several: an array of them.
    const payload = paths.length === 1 && !opts.recursive ? docs[0] : docs;
    if (payload !== undefined) process.stdout.write(JSON.stringify(payload, null, 1) + '\n');
  }
  return failed > 0 ? 1 : 0;
}

/** A readable digest: entities by kind with counts and spellings, then who said what. */
function summary(doc: ContractDocument, s: Style): string {
  const lines: string[] = [];
  lines.push(s.bold(`${doc.source}`) + s.dim(` — ${doc.mentions.length} mentions, ${doc.quotes.length} quotes`));
  const groups = new Map<string, { type: string; name: string; count: number; forms: Set<string>; entity: string | null }>();
  for (const m of doc.mentions) {
    const key = `${m.type}\u0000${m.entity ?? m.name}`;
    const g = groups.get(key) ?? { type: m.type, name: m.name, count: 0, forms: new Set<string>(), entity: m.entity };
    g.count++;
    g.forms.add(m.text);
    groups.set(key, g);
  }
  const order = ['leader', 'person', 'country', 'demonym', 'place', 'org'];
  const sorted = [...groups.values()].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || b.count - a.count || (a.name < b.name ? -1 : 1));
  for (const g of sorted) {
    const forms = [...g.forms].filter((f) => f !== g.name);
    lines.push(
      `  ${s.kind(g.type, g.type.padEnd(8))} ${s.kind(g.type, g.name)} ×${g.count}` +
        (forms.length ? s.dim(` (${forms.join(', ')})`) : '') +
        (g.entity ? '' : s.dim(' [not in KB]')),
    );
  }
  for (const q of doc.quotes) {
    const text = q.text.length > 90 ? q.text.slice(0, 87) + '…' : q.text;
    lines.push(`  ${s.kind(q.kind, q.kind.padEnd(8))} ${text.replace(/\s+/g, ' ')}${q.speaker ? s.dim(' — ') + q.speaker : ''}`);
  }
  return lines.join('\n') + '\n\n';
}

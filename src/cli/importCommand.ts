import { readFileSync } from 'node:fs';
import { fromBrat } from '../core/export/brat';
import type { KnowledgeBase } from '../core/kb/knowledgeBase';
import { readTextFile } from './readTextFile';
import { mergeIntoSidecar } from './sidecarFiles';

/** `geo-annotate import FILE.ann --text FILE.txt`: brat annotations merged into the text's sidecar. */
export async function importCommand(annPath: string | undefined, textPath: string | undefined, kb: KnowledgeBase): Promise<number> {
  if (!annPath || !textPath) {
    process.stderr.write('usage: geo-annotate import FILE.ann --text FILE.txt\n');
    return 2;
  }
  const read = readTextFile(textPath);
  if (!read.ok) {
    process.stderr.write(`geo-annotate: ${read.message}\n`);
    return 1;
  }
  let ann: string;
  try {
    ann = readFileSync(annPath, 'utf8');
  } catch (e) {
    process.stderr.write(`geo-annotate: ${annPath}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 1;
  }
  const byQid = new Map(kb.all().filter((e) => e.wikidata).map((e) => [e.wikidata!, e]));
  const { annotations, problems } = fromBrat(read.text, ann, (qid) => {
    const e = byQid.get(qid) ?? kb.get(qid);
    return e ? { id: e.id, name: e.name } : undefined;
  });
  for (const p of problems) process.stderr.write(`${annPath}:${p.line}: ${p.message}\n`);
  const r = await mergeIntoSidecar(textPath, read.text, annotations);
  if ('error' in r) {
    process.stderr.write(`geo-annotate: ${textPath}.geo.yaml ${r.error}\n`);
    return 1;
  }
  process.stderr.write(`${textPath}: ${r.added} annotations imported from ${annPath}\n`);
  return problems.length ? 1 : 0;
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { annotationsFromRecognition } from '../core/export/fromRecognition';
import { BRAT_CONF, toBrat } from '../core/export/brat';
import { csvHeader, toCsvRows } from '../core/export/csv';
import { toW3c } from '../core/export/w3c';
import type { KnowledgeBase } from '../core/kb/knowledgeBase';
import { recognize } from '../core/recognize/index';
import type { StoredAnnotation } from '../core/sidecar/index';
import { displayPath, expandPaths } from './files';
import { readTextFile } from './readTextFile';
import { readSidecarValues } from './sidecarFiles';

export interface ExportOptions {
  format: string;
  out?: string;
  recursive: boolean;
}

/**
 * `geo-annotate export FILE|DIR… --format brat|w3c|csv [--out DIR]`: a file's sidecar
 * annotations (or, without a sidecar, what the engine recognises) in another tool's
 * format. brat and w3c write one file per text (beside it, or in --out); csv prints one
 * table for all (or writes annotations.csv in --out).
 */
export function exportCommand(paths: string[], opts: ExportOptions, kb: KnowledgeBase): number {
  if (!['brat', 'w3c', 'csv'].includes(opts.format)) {
    process.stderr.write('geo-annotate export: --format must be brat, w3c or csv\n');
    return 2;
  }
  const wikidataOf = (id: string) => kb.get(id)?.wikidata ?? (/^Q\d+$/.test(id) ? id : undefined);
  let failed = 0;
  let csv = csvHeader();
  const confDirs = new Set<string>();
  for (const file of expandPaths(paths, opts.recursive)) {
    const read = readTextFile(file);
    if (!read.ok) {
      process.stderr.write(`geo-annotate: ${read.message}\n`);
      failed++;
      continue;
    }
    const sidecar = readSidecarValues(file);
    if (sidecar.kind === 'broken') {
      process.stderr.write(`geo-annotate: ${displayPath(file)}: its sidecar does not parse; skipped\n${sidecar.message}\n`);
      failed++;
      continue;
    }
    const annotations: StoredAnnotation[] = sidecar.kind === 'ok' ? sidecar.sidecar.annotations : annotationsFromRecognition(read.text, recognize(read.text, kb));
    const dir = opts.out ?? dirname(file);
    const stem = basename(file).replace(/\.txt$/, '');
    if (opts.format === 'csv') {
      csv += toCsvRows(displayPath(file), annotations);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    if (opts.format === 'brat') {
      writeFileSync(join(dir, `${stem}.ann`), toBrat(read.text, annotations, wikidataOf));
      // brat reads the text from a .txt of the same name beside the .ann.
      if (opts.out) writeFileSync(join(dir, `${stem}.txt`), read.text);
      confDirs.add(dir);
    } else {
      writeFileSync(join(dir, `${stem}.jsonld`), JSON.stringify(toW3c(basename(file), annotations, wikidataOf), null, 1) + '\n');
    }
    process.stderr.write(`${displayPath(file)}: ${annotations.filter((a) => a.status !== 'rejected').length} annotations → ${displayPath(join(dir, stem + (opts.format === 'brat' ? '.ann' : '.jsonld')))}\n`);
  }
  for (const dir of confDirs) writeFileSync(join(dir, 'annotation.conf'), BRAT_CONF);
  if (opts.format === 'csv') {
    if (opts.out) {
      mkdirSync(opts.out, { recursive: true });
      writeFileSync(join(opts.out, 'annotations.csv'), csv);
    } else process.stdout.write(csv);
  }
  return failed ? 1 : 0;
}

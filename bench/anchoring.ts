/**
 * `npm run bench:anchoring`: how annotations survive edits made to the text while the
 * editor was closed. Every corpus article gets ~40 annotations; a fixed-seed series of
 * realistic edit sequences (typing, deleting, replacing words, typos inside names,
 * moving and duplicating paragraphs, inserting a paragraph that repeats a name) is
 * applied; then each annotation is re-anchored against the new text and compared with
 * where its characters truly went. Misplaced = placed anywhere but on its own words (as
 * edited) or on a verbatim copy of them made by duplicating their paragraph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { anchor } from '../src/core/sidecar/index';
import { CodePointMap } from '../src/core/text/offsets';
import { annotateCapitalisedWords, misplaced, randomEdits, TrackedText } from '../test/unit/editModel';

const SEED = 20261124;
const RUNS = 200;
const corpus = join(__dirname, '..', '..', 'shared', 'corpus');

let placed = 0;
let orphaned = 0;
let wrong = 0;
let fuzzy = 0;
const rows: string[] = ['| article | annotations × runs | re-anchored | of which approximate | orphaned | misplaced | ms |', '|---|---:|---:|---:|---:|---:|---:|'];
for (const file of readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) {
  const original = readFileSync(join(corpus, file), 'utf8').replace(/^\uFEFF/, '');
  const annotated = annotateCapitalisedWords(original, 40);
  const samples = fc.sample(randomEdits(original, annotated), { seed: SEED, numRuns: RUNS });
  let p = 0;
  let o = 0;
  let w = 0;
  let f = 0;
  const t0 = performance.now();
  for (const edits of samples) {
    const tracked = new TrackedText(original);
    for (const e of edits) tracked.apply(e, annotated);
    const text = tracked.text;
    const map = new CodePointMap(text);
    for (const a of annotated) {
      const r = anchor(text, map, a.stored);
      if (r.status === 'orphan') o++;
      else if (misplaced(text, r, tracked.spanOf(a.start16, a.end16), a.stored, tracked.copiesOf(a.start16, a.end16))) w++;
      else {
        p++;
        if (r.status === 'fuzzy') f++;
      }
    }
  }
  const ms = performance.now() - t0;
  const n = p + o + w;
  rows.push(`| ${file} | ${annotated.length} × ${RUNS} | ${pct(p, n)} | ${pct(f, n)} | ${pct(o, n)} | ${pct(w, n)} | ${ms.toFixed(0)} |`);
  placed += p;
  orphaned += o;
  wrong += w;
  fuzzy += f;
}
const total = placed + orphaned + wrong;
console.log(rows.join('\n'));
console.log(`\n${total} re-anchorings (seed ${SEED}): ${placed} placed (${fuzzy} approximately), ${orphaned} orphans, ${wrong} misplaced.`);
console.log(`re-anchored ${pct(placed, total)} · orphaned ${pct(orphaned, total)} · misplaced ${pct(wrong, total)}`);

function pct(x: number, n: number): string {
  return `${((100 * x) / Math.max(1, n)).toFixed(1)}%`;
}

/**
 * Guards refactors of the recogniser for speed: `snapshot` writes what the recogniser
 * finds in each corpus article and in the corpus concatenated to 1 MB and 10 MB;
 * `check` recognises again and names the first difference. Not part of the tests (the
 * snapshot is of this machine's build, not a contract).
 *   npx tsx bench/equivalence.ts snapshot|check [DIR]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase } from '../src/core/kb/knowledgeBase';
import { recognize } from '../src/core/recognize/index';
import { corpusArticles, corpusOfSize } from './corpusText';

const [mode, dirArg] = process.argv.slice(2);
const dir = dirArg ?? join(__dirname, '..', 'out', 'equivalence');
const corpus = join(__dirname, '..', '..', 'shared', 'corpus');
const articles = corpusArticles(corpus);
const sized = (n: number) => corpusOfSize(articles.map((a) => a.text), n);
const texts: [string, string][] = [...articles.map((a) => [a.file, a.text] as [string, string]), ['1MB', sized(1_000_000)], ['10MB', sized(10_000_000)]];
const kb = KnowledgeBase.builtin();
mkdirSync(dir, { recursive: true });
let failed = false;
for (const [name, text] of texts) {
  const t = performance.now();
  const json = JSON.stringify(recognize(text, kb));
  const ms = performance.now() - t;
  const path = join(dir, `${name}.json`);
  if (mode === 'snapshot') writeFileSync(path, json);
  else {
    const want = readFileSync(path, 'utf8');
    if (want === json) console.log(`same  ${name} (${ms.toFixed(0)} ms)`);
    else {
      failed = true;
      let i = 0;
      while (i < want.length && want[i] === json[i]) i++;
      console.log(`DIFF  ${name} at char ${i}:\n  want …${want.slice(Math.max(0, i - 200), i + 200)}\n  got  …${json.slice(Math.max(0, i - 200), i + 200)}`);
    }
  }
}
process.exitCode = failed ? 1 : 0;

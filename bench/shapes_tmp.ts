import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase } from '../src/core/kb/knowledgeBase';
import { recognize } from '../src/core/recognize/index';
import { TEXT_SHAPES } from './textShapes';
const corpus = '/work/shared/corpus';
const base = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(corpus, f), 'utf8')).join('\n\n');
let news = base; while (news.length < 2e6) news += '\n\n' + base; news = news.slice(0, 2e6);
const kb = KnowledgeBase.builtin();
for (const shape of ['short quotes, nothing else', 'minified JSON', 'one line']) {
  const text = TEXT_SHAPES[shape]!(news);
  let best = Infinity;
  for (let i = 0; i < 3; i++) { const t = performance.now(); recognize(text, kb); best = Math.min(best, performance.now() - t); }
  console.log(process.argv[2], shape, best.toFixed(0), 'ms');
}

/**
 * `npm run bench:batch`: the batch CLI on a 1,000-file corpus made from the shared
 * articles (paragraphs shuffled per file, fixed seed), `annotate DIR --write` with all
 * cores. Prints files/s and MB/s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const corpus = join(ROOT, '..', 'shared', 'corpus');
const articles = readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(corpus, f), 'utf8').split('\n'));
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const dir = mkdtempSync(join(tmpdir(), 'geo-batch-bench-'));
let bytes = 0;
for (let i = 0; i < 1000; i++) {
  const lines = [...articles[i % articles.length]!].sort(() => rand() - 0.5);
  const text = lines.join('\n');
  bytes += text.length;
  writeFileSync(join(dir, `article-${String(i).padStart(4, '0')}.txt`), text);
}
const t = performance.now();
const out = execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'annotate', '--write', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
void out;
const s = (performance.now() - t) / 1000;
rmSync(dir, { recursive: true, force: true });
console.log(`1000 files, ${(bytes / 1e6).toFixed(1)} MB, ${cpus().length} cores: ${s.toFixed(1)} s — ${(1000 / s).toFixed(0)} files/s, ${(bytes / 1e6 / s).toFixed(2)} MB/s (sidecars written and merged)`);

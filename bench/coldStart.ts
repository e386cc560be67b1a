import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The command line on one article (`annotate --json`), from spawning Node to its exit:
 * without a code cache and with the one its first run left (see src/cli/entry.ts), runs
 * of the two alternating. Medians in ms, and Node's own start (`node -e 0`) for scale.
 */
export function cliStart(root: string, article: string, runs = 7): { withoutMs: number; withMs: number; nodeMs: number } {
  const cache = mkdtempSync(join(tmpdir(), 'geo-cli-cache-'));
  const time = (args: string[], codeCache: string): number => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, GEO_ANNOTATE_CODE_CACHE: codeCache }, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`the CLI failed in the bench: ${String(r.stderr)}`);
    return ms;
  };
  const cli = [join(root, 'dist', 'cli.js'), 'annotate', '--json', article];
  try {
    time(cli, cache); // leaves the cache
    const without: number[] = [];
    const withCache: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < runs; i++) {
      without.push(time(cli, 'off'));
      withCache.push(time(cli, cache));
      node.push(time(['-e', '0'], 'off'));
    }
    return { withoutMs: median(without), withMs: median(withCache), nodeMs: median(node) };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/**
 * The recogniser's first work in a fresh Node process, as the command line, the extension
 * host and each worker meet it: loading dist/engine.js (without a code cache), the
 * knowledge base, then the first recognition of `article` (its gazetteer built with it)
 * and the second. Medians of `runs` processes, in ms.
 */
export function coldRecognition(root: string, article: string, runs = 5): { loadMs: number; kbMs: number; firstMs: number; secondMs: number } {
  const script = `
    const t0 = performance.now();
    const E = require(${JSON.stringify(join(root, 'dist', 'engine.js'))});
    const t1 = performance.now();
    const kb = E.KnowledgeBase.builtin();
    const t2 = performance.now();
    const text = require('node:fs').readFileSync(${JSON.stringify(article)}, 'utf8');
    const t3 = performance.now();
    new E.IncrementalRecognizer(kb, text);
    const t4 = performance.now();
    new E.IncrementalRecognizer(kb, text);
    const t5 = performance.now();
    console.log(JSON.stringify({ loadMs: t1 - t0, kbMs: t2 - t1, firstMs: t4 - t3, secondMs: t5 - t4 }));`;
  const rows: { loadMs: number; kbMs: number; firstMs: number; secondMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the cold recognition failed in the bench: ${r.stderr}`);
    rows.push(JSON.parse(r.stdout) as (typeof rows)[number]);
  }
  const of = (k: keyof (typeof rows)[number]) => median(rows.map((r) => r[k]));
  return { loadMs: of('loadMs'), kbMs: of('kbMs'), firstMs: of('firstMs'), secondMs: of('secondMs') };
}

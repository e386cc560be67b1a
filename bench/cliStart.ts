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

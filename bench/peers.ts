/**
 * Side by side, in one run and on the same texts: our recogniser, one compiled RegExp
 * alternation of all KB names, compromise and wink-nlp — throughput and peak memory,
 * each measurement in its own process. A peer too slow for 10 MB is measured on 1 MB.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';

// The bundle runs from out/bench (see run.mjs), so the root comes from the environment there.
const ROOT = process.env.GEO_BENCH_ROOT ?? join(__dirname, '..');
const corpus = join(ROOT, '..', 'shared', 'corpus');
const out = join(ROOT, 'out', 'bench', 'measure.js');

export interface PeerRow {
  tool: string;
  size: string;
  mbps: number;
  rssMB: number;
  /** Peak RSS less the RSS just before the run: what the work itself took. */
  grewMB: number;
}

export async function measurePeers(sizes: { label: string; bytes: number }[], tooSlowFor10MB = new Set(['compromise'])): Promise<PeerRow[]> {
  await build({ entryPoints: [join(ROOT, 'bench', 'measure.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  const rows: PeerRow[] = [];
  for (const tool of ['ours', 'ours-worker', 'baseline', 'wink', 'compromise']) {
    for (const { label, bytes } of sizes) {
      if (bytes > 1_000_000 && tooSlowFor10MB.has(tool)) continue;
      const r = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=8192', out, tool, String(bytes), corpus], { encoding: 'utf8', maxBuffer: 1 << 26 })) as { ms: number; rssMB: number; rssBeforeMB: number };
      rows.push({ tool, size: label, mbps: bytes / 1e6 / (r.ms / 1000), rssMB: r.rssMB, grewMB: r.rssMB - r.rssBeforeMB });
    }
  }
  return rows;
}

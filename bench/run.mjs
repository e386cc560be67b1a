/**
 * Runs a benchmark bundled the way the extension ships (esbuild, one file): under tsx
 * every imported binding is read through a getter, which slows hot loops by up to half.
 *   node bench/run.mjs bench/core.ts [args]
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import yamlDebugFlags from '../scripts/yaml-debug-flags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
const outfile = join(root, 'out', 'bench', basename(entry).replace(/\.ts$/, '.js'));
await build({ entryPoints: [join(root, entry)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['esbuild'], logLevel: 'warning', plugins: [yamlDebugFlags.yamlDebugFlagsOff] });
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit', env: { ...process.env, GEO_BENCH_ROOT: root } });
process.exit(r.status ?? 1);

// What both in-editor runners need: the suites bundled for the extension host, and a
// throwaway workspace holding the corpus articles (when ../shared is there) and our samples.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './codeServer.mjs';

/** Bundles test/integration (index + suites) into out/; returns the index file. */
export async function buildTestBundle() {
  const outDir = join(ROOT, 'out', 'test', 'integration');
  const suites = readdirSync(join(ROOT, 'test', 'integration', 'suite')).filter((f) => f.endsWith('.test.ts'));
  await build({
    entryPoints: [join(ROOT, 'test', 'integration', 'index.ts'), ...suites.map((f) => join(ROOT, 'test', 'integration', 'suite', f))],
    outdir: outDir,
    outbase: join(ROOT, 'test', 'integration'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(outDir, 'index.js');
}

export function prepareWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'geo-workspace-'));
  for (const dir of [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, 'samples')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) cpSync(join(dir, f), join(workspace, f));
  }
  return workspace;
}

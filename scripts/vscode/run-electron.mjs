// The same in-editor suites in a desktop VS Code downloaded by @vscode/test-electron, for
// machines that can download it (CI here cannot: `npm run test:vscode` uses code-server).
// Usage: npm run test:vscode:electron   (VS Code 1.96.4 by default; VSCODE_VERSION=stable …)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './codeServer.mjs';

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
const workspace = mkdtempSync(join(tmpdir(), 'geo-workspace-'));
for (const dir of [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, 'samples')]) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) cpSync(join(dir, f), join(workspace, f));
}
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.96.4',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(outDir, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`in-editor tests failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

// Runs the in-editor test suites (test/integration/suite) inside a real VS Code:
// code-server 1.96.4 driven by headless Chromium. Exit code = the suites' result.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, freePort, installCodeServer, startCodeServer } from './codeServer.mjs';

const TIMEOUT_MS = 8 * 60_000;

async function main() {
  const codeServerDir = installCodeServer();
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

  // A throwaway workspace: the corpus articles (when ../shared is there) and our samples.
  const workspace = mkdtempSync(join(tmpdir(), 'geo-workspace-'));
  const corpus = join(ROOT, '..', 'shared', 'corpus');
  for (const dir of [corpus, join(ROOT, 'samples')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) cpSync(join(dir, f), join(workspace, f));
  }

  const port = await freePort();
  const server = await startCodeServer({ codeServerDir, folder: workspace, port });
  let browser;
  const timer = setTimeout(() => {
    console.error(`in-editor tests timed out after ${TIMEOUT_MS / 1000} s`);
    server.stop();
    process.exit(1);
  }, TIMEOUT_MS);
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const exit = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    page.on('console', (msg) => {
      const text = msg.text();
      if (process.env.GEO_DEBUG) console.error('[page]', text.slice(0, 400));
      const at = text.indexOf('⟦geo⟧ ');
      if (at >= 0) console.log(text.slice(at + '⟦geo⟧ '.length));
      else if (/ ERR |Error:|\[Extension Host\].*(?:rror|fail)/.test(text) && !/open-vsx|ENOTFOUND|Failed to fetch|ERR_NAME_NOT_RESOLVED/.test(text)) console.error(`[vscode] ${text.slice(0, 2000)}`);
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(join(outDir, 'index.js'))],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const code = await exit;
    console.log(`in-editor tests finished with exit code ${code}`);
    process.exitCode = code;
  } finally {
    clearTimeout(timer);
    await browser?.close();
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

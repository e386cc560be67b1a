// Runs the in-editor test suites (test/integration/suite) inside a real VS Code:
// code-server 1.96.4 driven by headless Chromium. Exit code = the suites' result.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, freePort, installCodeServer, startCodeServer } from './codeServer.mjs';
import { buildTestBundle, prepareWorkspace } from './testSetup.mjs';

const TIMEOUT_MS = 8 * 60_000;

async function main() {
  const codeServerDir = installCodeServer();
  const testIndex = await buildTestBundle();
  const workspace = prepareWorkspace();

  const port = await freePort();
  // GEO_VSCODE_HOME: a profile kept from one run to the next (the activation bench starts with what the last start left).
  const home = process.env.GEO_VSCODE_HOME;
  if (home) mkdirSync(home, { recursive: true });
  const server = await startCodeServer({ codeServerDir, folder: workspace, port, ...(home ? { home } : {}) });
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
      ['extensionTestsPath', remote(testIndex)],
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

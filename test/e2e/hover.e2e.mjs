// End to end, as a person would: package the extension, install the .vsix into a real
// VS Code (code-server) in headless Chromium, open an article, hover a leader, check the
// card, annotate the document, and save screenshots for the README.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, freePort, installCodeServer, startCodeServer } from '../../scripts/vscode/codeServer.mjs';

const ARTICLE = 'steppe-summit.txt';
let passed = 0;
let failed = 0;
const check = (what, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? '✔' : '✖'} ${what}${ok || !detail ? '' : `\n      ${detail}`}`);
};

async function main() {
  const codeServerDir = installCodeServer();
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = join(ROOT, 'geo-annotator.vsix');

  const workspace = mkdtempSync(join(tmpdir(), 'geo-e2e-'));
  for (const f of readdirSync(join(ROOT, 'samples'))) cpSync(join(ROOT, 'samples', f), join(workspace, f));
  const port = await freePort();
  const server = await startCodeServer({ codeServerDir, folder: workspace, port, extensions: [vsix] });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Open the article from the Explorer, as a reader would.
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: ARTICLE }).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.locator('.tab', { hasText: ARTICLE }).first().waitFor({ timeout: 30_000 });
    const leader = page.locator('.view-lines span[class*="ced-"]', { hasText: 'Tokayev' }).first();
    await leader.waitFor({ timeout: 60_000 });
    check('leaders are highlighted in the article', await leader.isVisible());
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(ROOT, 'media', 'screenshot-highlights.png') });

    await leader.hover();
    const card = page.locator('.monaco-hover:not(.hidden) .rendered-markdown').first();
    await card.waitFor({ timeout: 15_000 });
    const text = await card.innerText();
    check('the hover card names the leader', /Kassym-Jomart Tokayev/.test(text), text);
    check('the hover card gives the office and the country', /President/.test(text) && /Kazakhstan/.test(text), text);
    check('the hover card counts the mentions in this file', /mentions? in this file/.test(text), text);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ROOT, 'media', 'screenshot-hover.png') });
    await page.mouse.move(5, 5);

    // Annotate the whole document from the command palette; the sidecar appears beside it.
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input[type="text"]').waitFor();
    await page.keyboard.type('Geo Annotator: Annotate Document');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const sidecar = join(workspace, `${ARTICLE}.geo.yaml`);
    for (let i = 0; i < 100 && !existsSync(sidecar); i++) await page.waitForTimeout(100);
    check('Annotate Document writes the sidecar YAML', existsSync(sidecar));
    if (existsSync(sidecar)) check('the sidecar holds the leader', /name: Kassym-Jomart Tokayev/.test(readFileSync(sidecar, 'utf8')));
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(ROOT, 'media', 'screenshot-annotated.png') });
  } catch (e) {
    check('the end-to-end run completes', false, String(e));
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// The same in-editor suites in a desktop VS Code downloaded by @vscode/test-electron, for
// machines that can download it (CI here cannot: `npm run test:vscode` uses code-server).
// Usage: npm run test:vscode:electron   (VS Code 1.96.4 by default; VSCODE_VERSION=stable …)
import { runTests } from '@vscode/test-electron';
import { ROOT } from './codeServer.mjs';
import { buildTestBundle, prepareWorkspace } from './testSetup.mjs';

const testIndex = await buildTestBundle();
const workspace = prepareWorkspace();
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.96.4',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: testIndex,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`in-editor tests failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

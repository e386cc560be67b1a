import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Lines the runner outside relays from the browser console to its own output. */
export const MARK = '⟦geo⟧ ';
const say = (line: string) => console.log(MARK + line);

/**
 * Entry point VS Code calls in the extension host (`extensionTestsPath`): runs every
 * suite beside this file with mocha and ends with a "N passed, N failed" line.
 */
export function run(): Promise<void> {
  // GEO_TEST_GREP runs only the matching tests (the activation benchmark uses it).
  const grep = process.env.GEO_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: PlainReporter, ...(grep ? { grep } : {}) });
  const dir = join(__dirname, 'suite');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.test.js')).sort()) mocha.addFile(join(dir, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} in-editor test(s) failed`)) : resolve()));
  });
}

/** One plain line per test (the browser console mangles mocha's printf-style output). */
class PlainReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    runner.on('suite', (s: Mocha.Suite) => {
      if (s.title) say(s.title);
    });
    runner.on('pass', (t: Mocha.Test) => {
      passed++;
      say(`  ✔ ${t.title} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t: Mocha.Test, err: Error) => {
      failed++;
      say(`  ✖ ${t.title}\n${String(err.stack ?? err).replace(/^/gm, '      ')}`);
    });
    runner.on('end', () => say(`${passed} passed, ${failed} failed`));
  }
}

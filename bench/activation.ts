/**
 * Activation time inside a real VS Code (code-server 1.96, as the in-editor tests run
 * it): starts it a few times, running only the in-editor test that reports what the
 * extension measured of itself — its bundle's top level (which includes VS Code building
 * its API object) and `activate()`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface Activation {
  loadMs: number;
  vscodeApiMs: number;
  waitMs: number;
  activateMs: number;
}

export function measureActivation(root: string, runs = 3): Activation[] {
  const out: Activation[] = [];
  for (let i = 0; i < runs; i++) {
    // The figures are printed whether or not the test's own bound held: a slow start is
    // reported here, not thrown.
    const log = spawnSync(process.execPath, [join(root, 'scripts', 'vscode', 'run-tests.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GEO_TEST_GREP: 'activates' },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).stdout;
    const m = /bundle top level ([\d.]+) ms, of which VS Code's API ([\d.]+) ms; VS Code's wait before activate\(\) ([\d.]+) ms; activate\(\) ([\d.]+) ms/.exec(log);
    if (!m) throw new Error(`no activation figures in the in-editor run:\n${log}`);
    out.push({ loadMs: Number(m[1]), vscodeApiMs: Number(m[2]), waitMs: Number(m[3]), activateMs: Number(m[4]) });
  }
  return out;
}

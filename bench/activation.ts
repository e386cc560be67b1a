/**
 * Activation time inside a real VS Code (code-server 1.96, as the in-editor tests run
 * it): starts it a few times with one profile, running only the in-editor tests that
 * report what the extension measured of itself — its entry bundle's top level (which
 * includes VS Code building its API object) and `activate()`, which loads the extension
 * proper (read, compiled, run) — and that wait for its code cache. The first start has
 * no cache and writes one; the later ones start with it, as every start after the first
 * does for a user.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Activation {
  loadMs: number;
  vscodeApiMs: number;
  waitMs: number;
  activateMs: number;
  /** The extension proper: read (with its cache), compiled, its top level run. */
  readMs: number;
  compileMs: number;
  runMs: number;
  cache: string;
}

export function measureActivation(root: string, warmRuns = 3): { first: Activation; later: Activation[] } {
  const home = mkdtempSync(join(tmpdir(), 'geo-bench-vscode-'));
  try {
    const start = (grep: string): Activation => {
      // The figures are printed whether or not the test's own bound held: a slow start is
      // reported here, not thrown.
      const log = spawnSync(process.execPath, [join(root, 'scripts', 'vscode', 'run-tests.mjs')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, GEO_TEST_GREP: grep, GEO_VSCODE_HOME: home },
        stdio: ['ignore', 'pipe', 'ignore'],
      }).stdout;
      const m = /bundle top level ([\d.]+) ms, of which VS Code's API ([\d.]+) ms; VS Code's wait before activate\(\) ([\d.]+) ms; activate\(\) ([\d.]+) ms, of which the extension's bundle read ([\d.]+) ms, compiled ([\d.]+) ms, run ([\d.]+) ms; code cache (\w+)/.exec(log);
      if (!m) throw new Error(`no activation figures in the in-editor run:\n${log}`);
      const [loadMs, vscodeApiMs, waitMs, activateMs, readMs, compileMs, runMs] = m.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
      return { loadMs, vscodeApiMs, waitMs, activateMs, readMs, compileMs, runMs, cache: m[8]! };
    };
    const first = start('activates|code cache');
    const later: Activation[] = [];
    for (let i = 0; i < warmRuns; i++) later.push(start('activates'));
    return { first, later };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Activation time inside a real VS Code (code-server 1.96, as the in-editor tests run
 * it): starts it a few times with one profile, running only the in-editor tests that
 * report what the extension measured of itself — its entry bundle's top level (which
 * includes VS Code building its API object) and `activate()`, which loads the extension
 * proper (read, compiled, run) — then open the first article, which loads the
 * recogniser, and wait for both code caches. The first start has no cache and writes
 * them; the later ones start with them, as every start after the first does for a user.
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
  /** The recogniser's bundle (dist/engine.js), loaded for the first article opened: read, compiled, run, each a task of its own. */
  recogniser: { readMs: number; compileMs: number; runMs: number; cache: string };
  /** That first article: the longest task of ours on the host, on a CPU (collector pauses and waits for a CPU apart), and its highlights after asking to open it. */
  firstArticle: { onCpuMs: number; highlightsMs: number };
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
      const r = /the recogniser's bundle read ([\d.]+) ms, compiled ([\d.]+) ms, run ([\d.]+) ms, each a task of its own; code cache (\w+)/.exec(log);
      const a = /the first article opened: highlights (\d+) ms after asking VS Code to open it; .*?on a CPU ([\d.]+) ms/.exec(log);
      if (!m || !r || !a) throw new Error(`no activation figures in the in-editor run:\n${log}`);
      const [loadMs, vscodeApiMs, waitMs, activateMs, readMs, compileMs, runMs] = m.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
      return {
        loadMs, vscodeApiMs, waitMs, activateMs, readMs, compileMs, runMs, cache: m[8]!,
        recogniser: { readMs: Number(r[1]), compileMs: Number(r[2]), runMs: Number(r[3]), cache: r[4]! },
        firstArticle: { highlightsMs: Number(a[1]), onCpuMs: Number(a[2]) },
      };
    };
    // Each start opens the first article too, which loads the recogniser; the first start writes both code caches.
    const tests = 'activates|code cache|highlights leaders|recogniser when';
    const first = start(tests);
    const later: Activation[] = [];
    for (let i = 0; i < warmRuns; i++) later.push(start(tests));
    return { first, later };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

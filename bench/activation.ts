/**
 * Activation time inside a real VS Code (code-server 1.96, as the in-editor tests run
 * it): starts it a few times, running only the in-editor test that reports what the
 * extension measured of itself — its bundle's top level (which includes VS Code building
 * its API object) and `activate()`.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface Activation {
  loadMs: number;
  activateMs: number;
}

export function measureActivation(root: string, runs = 3): Activation[] {
  const out: Activation[] = [];
  for (let i = 0; i < runs; i++) {
    const log = execFileSync(process.execPath, [join(root, 'scripts', 'vscode', 'run-tests.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GEO_TEST_GREP: 'activates' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const m = /bundle top level ([\d.]+) ms, activate\(\) ([\d.]+) ms/.exec(log);
    if (!m) throw new Error(`no activation figures in the in-editor run:\n${log}`);
    out.push({ loadMs: Number(m[1]), activateMs: Number(m[2]) });
  }
  return out;
}

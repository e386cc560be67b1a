// Starts a private code-server (VS Code 1.96.4 in the browser) on 127.0.0.1 for tests and
// for `npm start`, and stops it by process group. Nothing is shared with the user's own
// VS Code: settings, extensions and data live in a temporary directory.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Installs (or finds in the cache) code-server; returns its package directory. */
export function installCodeServer() {
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'vscode', 'install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').at(-1);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server opening `folder`. Returns {url, port, stop, extensionsDir, home}.
 * `extensions` are .vsix files to install first. `home` holds its settings, extensions
 * and data: a fresh temporary folder unless given (to start again with the same profile).
 */
export async function startCodeServer({ codeServerDir, folder, port, extensions = [], log = () => {}, home = mkdtempSync(join(tmpdir(), 'geo-vscode-')) }) {
  const userData = join(home, 'user-data');
  const extensionsDir = join(home, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'workbench.enableExperiments': false,
      'window.commandCenter': false,
      'editor.hover.delay': 200,
      'editor.wordWrap': 'on',
      'editor.minimap.enabled': false,
    }),
  );
  const config = join(home, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), VSCODE_AGENT_FOLDER: join(home, 'agent') };
  const entry = join(codeServerDir, 'out', 'node', 'entry.js');
  const base = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'];
  for (const vsix of extensions) execFileSync(process.execPath, [entry, ...base, '--install-extension', vsix], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const child = spawn(process.execPath, [entry, ...base, folder], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error('code-server did not answer /healthz within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, stop, home, extensionsDir };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

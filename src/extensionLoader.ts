/**
 * The extension's entry point (dist/extension.js), a few KB: it loads the extension
 * proper (dist/extensionMain.js) through a V8 code cache kept in the extension's global
 * storage, then hands over to it. The first start compiles the bundle and leaves a cache
 * behind; later starts skip most of the compile (see node/codeCache.ts).
 */
import { join } from 'node:path';
import type * as vscode from 'vscode';
import type { GeoAnnotatorApi } from './extension';
import { loadCommonJs } from './node/codeCache';

type Main = typeof import('./extension');
let main: Main | undefined;

export function activate(context: vscode.ExtensionContext): GeoAnnotatorApi {
  const activateStart = performance.now();
  const storage = context.globalStorageUri;
  const cacheDir = storage.scheme === 'file' ? join(storage.fsPath, 'code-cache') : undefined;
  const bundle = loadCommonJs<Main>(join(__dirname, 'extensionMain.js'), require, cacheDir);
  main = bundle.exports;
  return main.activate(context, { activateStart, cacheDir, report: bundle.report, saveCache: bundle.saveCache });
}

export function deactivate(): Promise<void> | undefined {
  return main?.deactivate();
}

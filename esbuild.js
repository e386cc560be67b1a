// Builds the extension's bundles and the CLI's. Type-checking is `npm run typecheck`.
const esbuild = require('esbuild');
const { buildKb } = require('./scripts/build-kb.js');
const { buildGrammar } = require('./scripts/build-grammar.js');
const { yamlDebugFlagsOff } = require('./scripts/yaml-debug-flags.js');

const production = process.argv.includes('--production');

/**
 * `import * as vscode from 'vscode'` bundled as a plain `require('vscode')`: esbuild wraps
 * a namespace import of an external CommonJS module in a copy (`__toESM`) in every module
 * that imports it, and VS Code's API object has hundreds of properties — the copies took
 * 12–15 ms of the 16 of the extension's top level at activation. The sources keep the
 * import for the type checker.
 */
const plainVscodeRequire = {
  name: 'plain-vscode-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/][^\\/]+\.ts$/ }, async (args) => {
      const text = await require('node:fs/promises').readFile(args.path, 'utf8');
      return { contents: text.replace(/^import \* as vscode from 'vscode';$/m, "const vscode = require('vscode');"), loader: 'ts' };
    });
  },
};
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [yamlDebugFlagsOff],
};

const targets = [
  // The entry point VS Code loads, which loads the extension proper through a code cache.
  // Banner and footer note when its top level starts and ends, and when VS Code has
  // handed over its API object (the first require('vscode')), for the activation time
  // the extension reports.
  {
    ...common,
    entryPoints: ['src/extensionLoader.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    banner: { js: 'globalThis.__geoAnnotatorLoadStart = performance.now(); require("vscode"); globalThis.__geoAnnotatorApiReady = performance.now();' },
    footer: { js: 'globalThis.__geoAnnotatorLoadEnd = performance.now();' },
  },
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extensionMain.js', external: ['vscode'], plugins: [...common.plugins, plainVscodeRequire] },
  // The recogniser and the knowledge base, which the extension loads when first needed.
  { ...common, entryPoints: ['src/engine.ts'], outfile: 'dist/engine.js' },
  { ...common, entryPoints: ['src/workerEntry.ts'], outfile: 'dist/workerEntry.js' },
  { ...common, entryPoints: ['src/recognizeWorker.ts'], outfile: 'dist/recognizeWorker.js' },
  { ...common, entryPoints: ['src/sidecarWorker.ts'], outfile: 'dist/sidecarWorker.js' },
  // The command line: a small entry that loads the command line proper through a code cache.
  { ...common, entryPoints: ['src/cli/entry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cliMain.js' },
];

async function main() {
  buildKb();
  buildGrammar();
  if (watch) {
    const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(targets.map((t) => esbuild.build(t)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

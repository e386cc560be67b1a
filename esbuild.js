// Builds the extension bundle and the CLI bundle. Type-checking is `npm run typecheck`.
const esbuild = require('esbuild');
const { buildKb } = require('./scripts/build-kb.js');
const { buildGrammar } = require('./scripts/build-grammar.js');
const { yamlDebugFlagsOff } = require('./scripts/yaml-debug-flags.js');

const production = process.argv.includes('--production');
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
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extensionMain.js', external: ['vscode'] },
  // The recogniser and the knowledge base, which the extension loads when first needed.
  { ...common, entryPoints: ['src/engine.ts'], outfile: 'dist/engine.js' },
  { ...common, entryPoints: ['src/workerEntry.ts'], outfile: 'dist/workerEntry.js' },
  { ...common, entryPoints: ['src/recognizeWorker.ts'], outfile: 'dist/recognizeWorker.js' },
  { ...common, entryPoints: ['src/sidecarWorker.ts'], outfile: 'dist/sidecarWorker.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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

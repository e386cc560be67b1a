// An esbuild plugin: the `yaml` library reads `process.env.LOG_TOKENS` once per token
// (and `LOG_STREAM` once per document), debugging switches of its own. Each read goes
// through Node's environment interceptor; over a sidecar of 10,000 annotations that was
// a quarter of the parse (1.6 s → 1.2 s). The bundles read the switches as off.
const { readFile } = require('node:fs/promises');

const FLAGS = /\bnode_process\.env\.LOG_(?:TOKENS|STREAM)\b/g;
const PARSER = /[\\/]parse[\\/]parser\.js$/;

/** @type {import('esbuild').Plugin} */
const yamlDebugFlagsOff = {
  name: 'yaml-debug-flags-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(FLAGS, 'false');
      if (PARSER.test(args.path) && contents === source) {
        // A new `yaml` reads its switch some other way: look again rather than lose the gain unseen.
        return { errors: [{ text: `yaml-debug-flags-off: ${args.path} no longer reads node_process.env.LOG_TOKENS; update scripts/yaml-debug-flags.js` }] };
      }
      return { contents, loader: 'js' };
    });
  },
};

module.exports = { yamlDebugFlagsOff };

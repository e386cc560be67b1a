/**
 * The command line's entry point (dist/cli.js, a few KB): it loads the command line
 * proper (dist/cliMain.js, the recogniser and the knowledge base in it) through a V8 code
 * cache (see cliCodeCacheFolder), so that a run after the first skips most of the
 * compile: the bundle's, and that of the recogniser's functions on their first call.
 *
 * The cache is written when the command's work is done, so that it holds the functions
 * compiled by then, and only where V8 took none. A folder that cannot be written costs
 * nothing but the time a cache would save.
 */
import { join } from 'node:path';
import { loadCommonJs } from '../node/codeCache';
import { cliCodeCacheFolder } from './codeCacheFolder';

const loaded = loadCommonJs(join(__dirname, 'cliMain.js'), require, cliCodeCacheFolder());
// (The write's own work empties the loop again: `once`, so that the second time ends the run.)
process.once('beforeExit', () => void loaded.saveCache());

import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where the command line keeps its code cache: GEO_ANNOTATE_CODE_CACHE when set (`off`
 * for none), else `code-cache` in the user's cache folder for geo-annotator
 * (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
 * `%LOCALAPPDATA%` on Windows).
 */
export function cliCodeCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const asked = env.GEO_ANNOTATE_CODE_CACHE;
  // (The user's folder is read from process.env, whatever `env` is.)
  if (asked === 'off') return undefined;
  if (asked) return asked;
  return join(envPaths('geo-annotator', { suffix: '' }).cache, 'code-cache');
}

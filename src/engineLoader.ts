import { join } from 'node:path';
import { taskTimes } from './core/util/taskTimes';
import { runAtOnce } from './core/util/sliced';
import { loadCommonJsSteps, type LoadedBundle } from './node/codeCache';

/** What dist/engine.js exports (see engine.ts). */
export type Engine = typeof import('./engine');

let where: { dist: string; cacheDir: string | undefined } | undefined;
let loaded: LoadedBundle<Engine> | undefined;

/** Where the engine's bundle and its code cache are: told once, at activation. */
export function locateEngine(dist: string, cacheDir: string | undefined): void {
  where = { dist, cacheDir };
}

/**
 * The engine, loaded the first time it is asked for, at once (~30 ms with its code
 * cache, ~50 without): the host's warm-up loads it first, a step at a time (registry.ts).
 */
export function engine(): Engine {
  if (!loaded) taskTimes.measure('loading the recogniser', () => runAtOnce(engineSteps()));
  return loaded!.exports;
}

/** Loads the engine unless it is loaded, in two steps (compiling, running; see loadCommonJsSteps). */
export function* engineSteps(): Generator<void, Engine> {
  if (!loaded) {
    const at = where;
    if (!at) throw new Error('the recogniser was asked for before the extension was activated');
    const steps = loadCommonJsSteps<Engine>(join(at.dist, 'engine.js'), require, at.cacheDir);
    let step = steps.next(); // read and compiled
    while (!step.done) {
      yield;
      // Loaded meanwhile by another caller (the warm-up and the user's entities may both start it): not run twice.
      const meanwhile = loaded as LoadedBundle<Engine> | undefined;
      if (meanwhile) return meanwhile.exports;
      step = steps.next();
    }
    const bundle = (loaded = step.value);
    // By then the warm-up has compiled the recogniser's paths: the cache holds them too.
    setTimeout(() => void taskTimes.measure('making the code cache', () => (cacheSaved = bundle.saveCache())), CACHE_AFTER_MS);
  }
  return loaded!.exports;
}

/** How long after the engine is loaded its code cache is written. */
const CACHE_AFTER_MS = 5000;
let cacheSaved: Promise<boolean> | undefined;

/** How the engine's bundle was loaded (read, compiled, run), once it has been. */
export function engineLoadReport(): LoadedBundle<Engine>['report'] | undefined {
  return loaded?.report;
}

/** The engine's code cache written (whether it was), once its time has come (5 s after the engine loaded); undefined before. */
export function engineCacheSaved(): Promise<boolean> | undefined {
  return cacheSaved;
}

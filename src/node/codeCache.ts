import { createHash } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { runAtOnce } from '../core/util/sliced';
import { writeFileAtomic } from './atomicWrite';

/**
 * Loads a CommonJS bundle through a V8 code cache kept in a folder of ours, so that a
 * start after the first skips parsing and compiling the bundle (~20–35 ms for the
 * recogniser's 740 KB in the extension host) and the functions compiled by the time the
 * cache was written. Desktop VS Code keeps such a cache for extensions itself; VS Code in
 * a browser (code-server, a remote host) does not, and Node's own compile cache
 * (`module.enableCompileCache`) comes with Node 22, after VS Code 1.96's Node 20.
 *
 * A cache never decides what runs: its file is named by a hash of the bundle's bytes and
 * of the V8 version, carries a checksum of its bytes, and V8 checks it again (a cache it
 * rejects only costs the compile it would have saved).
 */

/** What the cache did on this load: taken by V8, refused by it, none on disk (or unreadable, or not ours), or no folder to keep one in. */
export type CodeCacheState = 'used' | 'rejected' | 'absent' | 'off';

export interface LoadedBundle<T> {
  exports: T;
  /** What the cache did, and how long reading (the text, the cache), compiling and running the bundle took, in ms. */
  report: { cache: CodeCacheState; readMs: number; compileMs: number; runMs: number };
  /**
   * Writes a cache of what V8 has compiled of the bundle by now — call it once the
   * bundle's usual work has run, so that the cache holds it too — unless V8 took the
   * one it was loaded with. Resolves whether it wrote one; never rejects.
   */
  saveCache(): Promise<boolean>;
}

/** The header of a cache file: this tag, then the SHA-256 of the bytes after the header. */
const TAG = Buffer.from('geo-annotator V8 code cache 1\n', 'latin1');
const HEADER = TAG.length + 32;

/**
 * Runs the CommonJS file `file` as Node's loader would (its `require` is `requireFn`)
 * and returns its exports. `cacheDir` is where caches are kept (created when first
 * written); undefined runs without one.
 */
export function loadCommonJs<T>(file: string, requireFn: NodeJS.Require, cacheDir: string | undefined): LoadedBundle<T> {
  return runAtOnce(loadCommonJsSteps<T>(file, requireFn, cacheDir));
}

/** loadCommonJs in two steps, so that a caller can yield between them: reading and compiling the bundle, then running it. */
export function* loadCommonJsSteps<T>(file: string, requireFn: NodeJS.Require, cacheDir: string | undefined): Generator<void, LoadedBundle<T>> {
  const t0 = performance.now();
  const bytes = readFileSync(file);
  const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, cacheFileName(file, bytes));
  const source = bytes.toString('utf8');
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile);
  const t1 = performance.now();
  const script = new Script(Module.wrap(source), { filename: file, ...(cached ? { cachedData: cached } : {}) });
  const t2 = performance.now();
  yield;
  const t2run = performance.now();
  const module = { exports: {} as T, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, requireFn, module, file, dirname(file));
  module.loaded = true;
  const t3 = performance.now();
  const cache: CodeCacheState = cacheFile === undefined ? 'off' : !cached ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  let saving: Promise<boolean> | undefined;
  const saveCache = (): Promise<boolean> => {
    if (cacheFile === undefined || cache === 'used') return Promise.resolve(false);
    if (!saving) {
      let data: Buffer;
      try {
        data = script.createCachedData();
      } catch {
        return (saving = Promise.resolve(false));
      }
      saving = writeCache(cacheFile, data).then(
        () => true,
        () => false,
      );
    }
    return saving;
  };
  return { exports: module.exports, report: { cache, readMs: t1 - t0, compileMs: t2 - t1, runMs: t3 - t2run }, saveCache };
}

/** `main.js.<hash>.v8cache`: a hash of the bundle's bytes and of the V8 that compiles it. */
export function cacheFileName(file: string, bytes: Uint8Array): string {
  // The bytes, not the text: hashing a string encodes it first, ~3× slower for 1 MB.
  const hash = createHash('sha256').update(bytes).update(`\0${process.versions.v8}\0${process.arch}`).digest('hex').slice(0, 24);
  return `${basename(file)}.${hash}.v8cache`;
}

/** The cache's bytes for V8, or undefined when there is no file, or it is not one of ours whole. */
export function readCache(cacheFile: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER || !bytes.subarray(0, TAG.length).equals(TAG)) return undefined;
  const data = bytes.subarray(HEADER);
  return createHash('sha256').update(data).digest().equals(bytes.subarray(TAG.length, HEADER)) ? data : undefined;
}

/** Writes the cache whole or not at all, and removes the caches of the same bundle's other versions. */
async function writeCache(cacheFile: string, data: Buffer): Promise<void> {
  const dir = dirname(cacheFile);
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(cacheFile, Buffer.concat([TAG, createHash('sha256').update(data).digest(), data]));
  const name = basename(cacheFile);
  const sameBundle = name.slice(0, name.length - '.v8cache'.length).replace(/[^.]+$/, '');
  for (const other of await readdir(dir)) {
    if (other !== name && other.startsWith(sameBundle) && other.endsWith('.v8cache')) await unlink(join(dir, other)).catch(() => undefined);
  }
}

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { Sidecar } from '../core/sidecar/model';
import { valuesOf, type SidecarValues } from '../core/sidecar/parse';
import { writeFileAtomic } from './atomicWrite';

/**
 * What a large sidecar parsed to, kept on disk under the SHA-256 of its exact YAML: the
 * YAML library reads ~1–2 MB/s, so ten thousand annotations take seconds, while the same
 * values as JSON read in tens of milliseconds. An entry answers only for the very bytes
 * it was made from, by the very build that made it; anything else is a miss and the YAML
 * is parsed as usual. It is a cache: losing it, or any failure to read or write it, only
 * costs time.
 */
export class ParsedSidecarCache {
  /** Below this, parsing is quick enough (~100 ms) not to bother. */
  static readonly MIN_BYTES = 128 * 1024;
  /** Entries not used for this long are removed. */
  static readonly MAX_AGE_MS = 60 * 24 * 3600 * 1000;

  constructor(
    private readonly dir: string,
    /** Changes whenever the parser may: entries from another build are never trusted. */
    private readonly build: string,
  ) {}

  static worthCaching(yaml: string): boolean {
    return yaml.length >= ParsedSidecarCache.MIN_BYTES;
  }

  /**
   * The sidecar that `yaml` parses to, if it was recorded for this path, these bytes and
   * this build, and its offsets fit a text of `textLength` (a sidecar past the text's end
   * must be parsed, to say where).
   */
  get(path: string, yaml: string, textLength?: number): CachedSidecar | undefined {
    if (!ParsedSidecarCache.worthCaching(yaml)) return undefined;
    const file = this.fileFor(path);
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    } catch {
      return undefined; // none yet, or unreadable: a miss
    }
    if (entry.format !== FORMAT || entry.build !== this.build || entry.path !== path || entry.hash !== hashOf(yaml)) return undefined;
    if (!isSidecar(entry.sidecar)) return undefined;
    if (textLength !== undefined && entry.sidecar.annotations.some((a) => a.end > textLength)) return undefined;
    try {
      const now = new Date();
      utimesSync(file, now, now); // used: not pruned
    } catch {
      // read-only: it ages, and is parsed again one day
    }
    return valuesOf(entry);
  }

  /** Records what `yaml` parses to; false when it could not be written (the cache is then only slower). */
  async put(path: string, yaml: string, parsed: CachedSidecar): Promise<boolean> {
    if (!ParsedSidecarCache.worthCaching(yaml)) {
      this.drop(path);
      return true;
    }
    const entry: Entry = { format: FORMAT, build: this.build, path, hash: hashOf(yaml), ...(parsed.migratedFrom === undefined ? {} : { migratedFrom: parsed.migratedFrom }), sidecar: parsed.sidecar };
    try {
      mkdirSync(this.dir, { recursive: true });
      await writeFileAtomic(this.fileFor(path), JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  /** Forgets `path`'s entry (it turned out wrong, or the sidecar became small). */
  drop(path: string): void {
    try {
      rmSync(this.fileFor(path), { force: true });
    } catch {
      // a folder we cannot write to: nothing new is recorded there either
    }
  }

  /** Removes entries unused for `MAX_AGE_MS`, and temporary files a crash left behind. */
  prune(now = Date.now()): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = join(this.dir, name);
      try {
        if (now - statSync(file).mtimeMs > (name.endsWith('.tmp') ? 3600_000 : ParsedSidecarCache.MAX_AGE_MS)) rmSync(file, { force: true });
      } catch {
        // gone meanwhile
      }
    }
  }

  private fileFor(path: string): string {
    return join(this.dir, `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.json`);
  }
}

/** What an entry answers: a sidecar's values. */
export type CachedSidecar = SidecarValues;

interface Entry extends CachedSidecar {
  format: number;
  build: string;
  path: string;
  hash: string;
}

const FORMAT = 1;

function hashOf(yaml: string): string {
  return createHash('sha256').update(yaml).digest('hex');
}

/** The shape only, as a guard against an entry some other program left: the values came from our own parser. */
function isSidecar(s: unknown): s is Sidecar {
  const x = s as Sidecar | undefined;
  return typeof x === 'object' && x !== null && typeof x.version === 'number' && typeof x.source === 'string' && Array.isArray(x.annotations);
}

import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { writeFileAtomic } from './node/atomicWrite';
import { tooLargeToRead } from './core/sidecar/limits';
import { sidecarPathFor, type Sidecar } from './core/sidecar/model';
import type { SidecarCodec, SidecarRead } from './sidecarCodec';

/**
 * Reads and writes sidecars: local files on the disk, others through the workspace file
 * system. Writes are atomic (a temporary file beside the sidecar, then a rename), so a
 * crash never leaves half a file; a sidecar that did not parse is never written over.
 */
export class SidecarStore {
  constructor(private readonly codec: SidecarCodec) {}

  /** What this extension recently wrote to each sidecar, and what it last read from it: bytes, never decoded on the host. */
  private readonly written = new Map<string, Uint8Array[]>();
  private readonly lastRead = new Map<string, Uint8Array>();

  /**
   * Whether `content` is one of the last few versions of this sidecar written by us, or
   * the one we last read: a change event for it (they arrive late) brings nothing new.
   */
  knows(sidecar: vscode.Uri, content: Uint8Array): boolean {
    const key = sidecar.toString();
    const read = this.lastRead.get(key);
    return (read !== undefined && sameBytes(read, content)) || (this.written.get(key)?.some((w) => sameBytes(w, content)) ?? false);
  }

  sidecarUri(textUri: vscode.Uri): vscode.Uri {
    return textUri.with({ path: sidecarPathFor(textUri.path) });
  }

  /**
   * The parsed sidecar, `undefined` when there is none, or the parse errors. Parsed in
   * the sidecar worker, which keeps the YAML document for the next `write`.
   */
  async read(textUri: vscode.Uri, textLength?: number): Promise<SidecarRead | undefined> {
    const target = this.sidecarUri(textUri);
    let bytes: Uint8Array;
    // The worker loads meanwhile (on a busy first open, as long as the read).
    this.codec.start();
    try {
      // A local file from the disk, as writes go: through the workspace file system, a first
      // read of 2.4 MB took 0.66-0.79 s in VS Code while a document opened, 0.12-0.32 s so.
      bytes = target.scheme === 'file' ? await readFile(target.fsPath) : await vscode.workspace.fs.readFile(target);
    } catch (e) {
      if ((e instanceof vscode.FileSystemError && e.code === 'FileNotFound') || (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return { ok: false, errors: [{ line: 1, column: 1, message: `cannot read the sidecar: ${(e as Error).message}` }] };
    }
    this.lastRead.set(target.toString(), bytes);
    // Decoded in the worker (a copy of the bytes goes there): 10,000 annotations took ~0.1 s to decode on the host.
    return this.codec.read(target.toString(), bytes, textLength);
  }

  /** Writes begun and not yet on disk (or failed). */
  private readonly writing = new Set<Promise<void>>();

  /**
   * Writes `sidecar`; with `keep`, into the YAML document last read or written, so the
   * user's comments and unknown fields survive.
   */
  write(textUri: vscode.Uri, sidecar: Sidecar, keep: boolean): Promise<void> {
    const done = this.writeNow(textUri, sidecar, keep);
    this.writing.add(done);
    const forget = () => this.writing.delete(done);
    done.then(forget, forget);
    return done;
  }

  /** How many writes are under way. */
  get writesUnderWay(): number {
    return this.writing.size;
  }

  /**
   * Resolves once every write begun so far is on disk or has failed: the first write
   * after a large sidecar was read may wait seconds for the YAML to be parsed, and the
   * window may be closing meanwhile.
   */
  async settled(): Promise<void> {
    while (this.writing.size) await Promise.allSettled([...this.writing]);
  }

  private async writeNow(textUri: vscode.Uri, sidecar: Sidecar, keep: boolean): Promise<void> {
    const target = this.sidecarUri(textUri);
    let yaml = await this.codec.write(target.toString(), sidecar, keep);
    if (yaml === undefined) {
      // The worker let the document go (its text was closed): read the file again to write into it.
      const again = await this.read(textUri);
      if (again && !again.ok) throw new Error(`the sidecar on disk has errors now (line ${again.errors[0]!.line}: ${again.errors[0]!.message}); it was not overwritten`);
      yaml = await this.codec.write(target.toString(), sidecar, again !== undefined);
      if (yaml === undefined) throw new Error('the sidecar worker lost the sidecar it had just read');
    }
    const tooLarge = tooLargeToRead(yaml);
    if (tooLarge) throw new Error(tooLarge);
    await this.writeText(target, yaml);
  }

  /** Calls `listener` with each sidecar that was read wrongly and must be read again. */
  onMisread(listener: (sidecarUri: vscode.Uri) => void): void {
    this.codec.onMisread((path) => listener(vscode.Uri.parse(path)));
  }

  /** The text is closed: the worker need not keep its sidecar's document any longer. */
  forget(textUri: vscode.Uri): void {
    this.codec.forget(this.sidecarUri(textUri).toString());
  }

  /**
   * Moves a text's sidecar along with it, naming the new `source`; a sidecar that does
   * not parse moves as it is. False when there was none.
   */
  async move(fromText: vscode.Uri, toText: vscode.Uri): Promise<boolean> {
    const from = this.sidecarUri(fromText);
    const to = this.sidecarUri(toText);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(from);
    } catch {
      return false; // no sidecar (or a folder: its sidecars moved with it)
    }
    const read = await this.codec.read(to.toString(), bytes);
    const name = toText.path.slice(toText.path.lastIndexOf('/') + 1);
    const moved = read.ok ? await this.codec.write(to.toString(), { ...read.sidecar, source: name }, true) : undefined;
    if (moved !== undefined) await this.writeText(to, moved);
    else await vscode.workspace.fs.writeFile(to, bytes);
    this.codec.forget(from.toString());
    await vscode.workspace.fs.delete(from);
    return true;
  }

  private async writeText(target: vscode.Uri, yaml: string): Promise<void> {
    const bytes = new TextEncoder().encode(yaml);
    // Remembered before writing: a watcher may report the change before the write returns.
    const recent = this.written.get(target.toString()) ?? [];
    recent.push(bytes);
    this.written.set(target.toString(), recent.slice(-4));
    // On disk, Node's rename replaces the file atomically; VS Code's own rename with
    // overwrite deletes the target first, which would leave a moment with no sidecar.
    if (target.scheme === 'file') return writeFileAtomic(target.fsPath, bytes);
    const tmp = target.with({ path: `${target.path}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp` });
    try {
      await vscode.workspace.fs.writeFile(tmp, bytes);
      await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
    } catch (e) {
      try {
        await vscode.workspace.fs.delete(tmp);
      } catch {
        // the temporary file may never have been created
      }
      throw e;
    }
  }
}

/** Byte for byte (Node's comparison: a sidecar of megabytes in a millisecond). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

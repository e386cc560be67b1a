import * as vscode from 'vscode';
import { writeFileAtomic } from './node/atomicWrite';
import { parseSidecar, serializeSidecar, sidecarPathFor, type ParseResult, type ParsedSidecar, type Sidecar } from './core/sidecar/index';

/**
 * Reads and writes sidecars through the workspace file system. Writes are atomic (a
 * temporary file beside the sidecar, then a rename), so a crash never leaves half a file;
 * a sidecar that did not parse is never written over.
 */
export class SidecarStore {
  /** What this extension recently wrote to each sidecar, to tell our own writes from others'. */
  private readonly written = new Map<string, string[]>();

  /** Whether `content` is one of the last few versions of this sidecar written by us. */
  wroteRecently(sidecar: vscode.Uri, content: string): boolean {
    return this.written.get(sidecar.toString())?.includes(content) ?? false;
  }

  sidecarUri(textUri: vscode.Uri): vscode.Uri {
    return textUri.with({ path: sidecarPathFor(textUri.path) });
  }

  /** The parsed sidecar, `undefined` when there is none, or the parse errors. */
  async read(textUri: vscode.Uri, textLength?: number): Promise<ParseResult | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.sidecarUri(textUri));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      return { ok: false, errors: [{ line: 1, column: 1, message: `cannot read the sidecar: ${(e as Error).message}` }] };
    }
    return parseSidecar(new TextDecoder().decode(bytes), textLength === undefined ? {} : { textLength });
  }

  /** Writes `sidecar`, keeping what `previous` held (comments, unknown fields). */
  async write(textUri: vscode.Uri, sidecar: Sidecar, previous: ParsedSidecar | undefined): Promise<void> {
    const target = this.sidecarUri(textUri);
    const yaml = serializeSidecar(sidecar, previous);
    const bytes = new TextEncoder().encode(yaml);
    // Remembered before writing: a watcher may report the change before the write returns.
    const recent = this.written.get(target.toString()) ?? [];
    recent.push(yaml);
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

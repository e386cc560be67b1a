import * as vscode from 'vscode';
import { textPathFor } from './core/sidecar/model';
import type { DocumentRegistry } from './registry';
import type { SidecarStore } from './sidecarStore';

/**
 * Keeps sidecars with their texts and never lets two writers silently overwrite each
 * other: a renamed or moved text takes its sidecar along; a deleted one asks about its
 * sidecar; a sidecar changed on disk is reloaded, or — when the editor holds annotation
 * changes not yet written — becomes a conflict the user settles. So is one the sidecar
 * worker answered wrongly (its quick read, checked against the YAML while idle).
 */
export class SidecarLifecycle implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly store: SidecarStore,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.geo.yaml');
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => void this.changedOnDisk(u)),
      watcher.onDidCreate((u) => void this.changedOnDisk(u)),
      watcher.onDidDelete((u) => void this.changedOnDisk(u)),
      vscode.workspace.onDidRenameFiles((e) => void this.renamed(e)),
      vscode.workspace.onDidDeleteFiles((e) => void this.deleted(e)),
    );
    store.onMisread((u) => void this.changedOnDisk(u, true));
  }

  private async renamed(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      if (oldUri.path.endsWith('.geo.yaml')) continue;
      try {
        await this.store.move(oldUri, newUri);
      } catch (err) {
        const name = newUri.path.slice(newUri.path.lastIndexOf('/') + 1);
        void vscode.window.showErrorMessage(`Geo Annotator: could not move the annotations of ${name}: ${(err as Error).message}`);
      }
    }
  }

  private async deleted(e: vscode.FileDeleteEvent): Promise<void> {
    for (const uri of e.files) {
      if (uri.path.endsWith('.geo.yaml')) continue;
      const sidecar = this.store.sidecarUri(uri);
      try {
        await vscode.workspace.fs.stat(sidecar);
      } catch {
        continue;
      }
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const choice = await vscode.window.showWarningMessage(`“${name}” was deleted. Delete its annotations (${name}.geo.yaml) too?`, 'Delete Annotations', 'Keep Them');
      if (choice === 'Delete Annotations') await vscode.workspace.fs.delete(sidecar, { useTrash: true });
    }
  }

  /** `misread`: unchanged on disk, but what the editor was told it says is wrong. */
  private async changedOnDisk(sidecarUri: vscode.Uri, misread = false): Promise<void> {
    const textPath = textPathFor(sidecarUri.path);
    if (!textPath) return;
    const state = this.registry.all().find((s) => s.uri.path === textPath && s.uri.scheme === sidecarUri.scheme);
    if (!state) return;
    // Our own write, or what we last read: nothing changed for us.
    let now: Uint8Array;
    try {
      now = await vscode.workspace.fs.readFile(sidecarUri);
    } catch {
      now = new Uint8Array(0);
    }
    if (!misread && this.store.knows(sidecarUri, now)) return;
    if (!state.dirty || state.sidecar.kind === 'broken') {
      await state.loadSidecar();
      this.registry.touch(state);
      return;
    }
    state.conflict = true;
    this.registry.touch(state);
    const name = textPath.slice(textPath.lastIndexOf('/') + 1);
    // Misread, the editor's annotations started from values the file does not hold: keeping them is no choice.
    const choice = misread
      ? await vscode.window.showWarningMessage(
          `The annotations of “${name}” were read wrongly when it was opened (a fault of the extension: please report it). They must be read again, which drops the annotation changes not yet saved; nothing is written until then.`,
          'Reload from Disk',
        )
      : await vscode.window.showWarningMessage(
          `The annotations of “${name}” changed on disk while you have annotation changes not yet saved. Nothing is overwritten until you choose.`,
          'Reload from Disk',
          'Keep Mine',
        );
    if (choice === 'Reload from Disk') {
      state.conflict = false;
      await state.loadSidecar();
    } else if (choice === 'Keep Mine') {
      state.conflict = false;
      // Write over the outside version now, from the file's current document.
      // The worker now holds the file's current document, which the write builds on.
      const fresh = await this.store.read(state.uri);
      if (fresh?.ok && state.sidecar.kind === 'loaded') state.sidecar = { kind: 'loaded', parsed: fresh };
      if (!state.document.isDirty) await state.save();
    }
    this.registry.touch(state);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

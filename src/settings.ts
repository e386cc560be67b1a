import * as vscode from 'vscode';
import type { AnnotationKind } from './core/sidecar/model';

/** The extension's settings, read fresh each time (they are cheap and change live). */
export function settings() {
  const c = vscode.workspace.getConfiguration('geoAnnotator');
  const shown = new Map<AnnotationKind, boolean>();
  return {
    show: (kind: AnnotationKind): boolean => {
      let on = shown.get(kind);
      if (on === undefined) shown.set(kind, (on = c.get<boolean>(`show.${kind}`, kind === 'leader' || kind === 'country' || kind === 'quote')));
      return on;
    },
    maxFileSizeMB: c.get<number>('maxFileSizeMB', 50),
    debounceMs: c.get<number>('debounceMs', 150),
    entityFiles: c.get<string>('entityFiles', '**/*.entities.yaml'),
  };
}

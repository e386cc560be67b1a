import * as vscode from 'vscode';
import type { AnnotationKind } from './core/sidecar/index';

/** The extension's settings, read fresh each time (they are cheap and change live). */
export function settings() {
  const c = vscode.workspace.getConfiguration('geoAnnotator');
  return {
    show: (kind: AnnotationKind): boolean => c.get<boolean>(`show.${kind}`, kind === 'leader' || kind === 'country' || kind === 'quote'),
    maxFileSizeMB: c.get<number>('maxFileSizeMB', 50),
    debounceMs: c.get<number>('debounceMs', 150),
    entityFiles: c.get<string>('entityFiles', '**/*.entities.yaml'),
  };
}

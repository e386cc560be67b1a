import type { MentionType, QuoteKind } from '../model/types';

/**
 * The sidecar: the user's annotations of one text file, kept in `<file>.geo.yaml`
 * beside it. Offsets are Unicode code points into the text (UTF-8, BOM not counted),
 * end exclusive, so a Python or R script reads them as the extension does.
 */
export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.geo.yaml';

export type AnnotationKind = MentionType | 'quote';
export const ANNOTATION_KINDS: readonly AnnotationKind[] = ['leader', 'person', 'country', 'demonym', 'place', 'org', 'quote'];

/** accepted: the user's; suggested: recognised, not yet reviewed; rejected: the user said no (never suggested again). */
export type AnnotationStatus = 'accepted' | 'suggested' | 'rejected';
export const ANNOTATION_STATUSES: readonly AnnotationStatus[] = ['accepted', 'suggested', 'rejected'];

export interface StoredAnnotation {
  id: string;
  kind: AnnotationKind;
  /** Code points. */
  start: number;
  end: number;
  /** Text-quote selector: the annotated text and up to 32 code points either side. */
  exact: string;
  prefix: string;
  suffix: string;
  entity?: string | null;
  name?: string;
  quoteKind?: QuoteKind;
  speaker?: string | null;
  speakerEntity?: string | null;
  status: AnnotationStatus;
  note?: string;
}

export interface Sidecar {
  version: number;
  /** The text file's name, relative to the sidecar. */
  source: string;
  /** Hash of the text the offsets were taken from: a different one means re-anchor. */
  textHash?: string;
  annotations: StoredAnnotation[];
}

/** `article.txt` → `article.txt.geo.yaml` (the full name, so a.txt and a.md never share one). */
export function sidecarPathFor(textPath: string): string {
  return textPath + SIDECAR_SUFFIX;
}

/** The text file a sidecar belongs to, or undefined when the name is not a sidecar's. */
export function textPathFor(sidecarPath: string): string | undefined {
  return sidecarPath.endsWith(SIDECAR_SUFFIX) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : undefined;
}

/** Stable order, so rewrites give small diffs: by start, end, kind, id. */
export function compareAnnotations(a: StoredAnnotation, b: StoredAnnotation): number {
  return a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The annotations in the file's order; they usually come sorted, and a check is cheaper than a sort. */
export function inFileOrder(annotations: readonly StoredAnnotation[]): StoredAnnotation[] {
  for (let i = 1; i < annotations.length; i++) {
    if (compareAnnotations(annotations[i - 1]!, annotations[i]!) > 0) return [...annotations].sort(compareAnnotations);
  }
  return annotations as StoredAnnotation[];
}

/** Field by field, spelled out: a loop over the field names reads each through a slow generic lookup. */
export function sameValues(a: StoredAnnotation, b: StoredAnnotation): boolean {
  return (
    a.id === b.id && a.kind === b.kind && a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix &&
    a.entity === b.entity && a.name === b.name && a.quoteKind === b.quoteKind && a.speaker === b.speaker && a.speakerEntity === b.speakerEntity &&
    a.status === b.status && a.note === b.note
  );
}

/** The same values, annotations in the same order. */
export function sameSidecar(a: Sidecar, b: Sidecar): boolean {
  if (a.version !== b.version || a.source !== b.source || a.textHash !== b.textHash || a.annotations.length !== b.annotations.length) return false;
  for (let i = 0; i < a.annotations.length; i++) if (!sameValues(a.annotations[i]!, b.annotations[i]!)) return false;
  return true;
}

import { runAtOnce } from '../util/sliced';
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, type StoredAnnotation } from './model';

/**
 * Annotations as a few flat arrays, for sending between threads: a structured clone of
 * 10,000 annotation objects held the receiving thread 15–25 ms in one piece (100,000, a
 * large sidecar, 360–490 ms), where these move as one buffer and one string, and are
 * rebuilt a slice at a time. Texts of their own (id, exact, prefix, suffix, note) are
 * spans of `joined`; those that repeat (entity, name, speaker, speaker's entity) are
 * indices into `strings`.
 */
export interface PackedAnnotations {
  /** FIELDS ints per annotation (see the layout below). */
  ints: Int32Array;
  joined: string;
  strings: string[];
}

/** Annotations go between threads as objects up to this many; more are packed. */
export const PACKED_FROM = 256;

// start, end, flags, then offset and length in `joined` of id, exact, prefix, suffix, note, then entity, name, speaker, speakerEntity.
const FIELDS = 17;
const ABSENT = -2;
const NULL = -1;
const QUOTE_KINDS = [undefined, 'speech', 'term'] as const;

/** `annotations` packed, a slice at a time (see runSliced). */
export function* packAnnotationsSteps(annotations: readonly StoredAnnotation[]): Generator<void, PackedAnnotations> {
  const ints = new Int32Array(annotations.length * FIELDS);
  const parts: string[] = [];
  let length = 0;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const own = (k: number, s: string | undefined) => {
    if (s === undefined) {
      ints[k] = ABSENT;
      return;
    }
    ints[k] = length;
    ints[k + 1] = s.length;
    parts.push(s);
    length += s.length;
  };
  const shared = (s: string | null | undefined): number => {
    if (s === undefined) return ABSENT;
    if (s === null) return NULL;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  for (let n = 0; n < annotations.length; n++) {
    if ((n & 0x3ff) === 0x3ff) yield;
    const a = annotations[n]!;
    const k = n * FIELDS;
    ints[k] = a.start;
    ints[k + 1] = a.end;
    const kind = ANNOTATION_KINDS.indexOf(a.kind);
    const status = ANNOTATION_STATUSES.indexOf(a.status);
    const quoteKind = QUOTE_KINDS.indexOf(a.quoteKind);
    if (kind < 0 || status < 0 || quoteKind < 0) throw new Error(`annotation ${a.id} has no kind, status or quote kind the sidecar knows`);
    ints[k + 2] = kind | (status << 4) | (quoteKind << 8);
    own(k + 3, a.id);
    own(k + 5, a.exact);
    own(k + 7, a.prefix);
    own(k + 9, a.suffix);
    own(k + 11, a.note);
    ints[k + 13] = shared(a.entity);
    ints[k + 14] = shared(a.name);
    ints[k + 15] = shared(a.speaker);
    ints[k + 16] = shared(a.speakerEntity);
  }
  return { ints, joined: parts.join(''), strings };
}

export function packAnnotations(annotations: readonly StoredAnnotation[]): PackedAnnotations {
  return runAtOnce(packAnnotationsSteps(annotations));
}

/** The annotations rebuilt, a slice at a time: each with the fields it was packed with, in the order the readers give them. */
export function* unpackAnnotationsSteps(p: PackedAnnotations): Generator<void, StoredAnnotation[]> {
  const { ints, joined, strings } = p;
  const count = ints.length / FIELDS;
  const out = new Array<StoredAnnotation>(count);
  const text = (k: number) => joined.slice(ints[k]!, ints[k]! + ints[k + 1]!);
  const shared = (i: number) => (i === NULL ? null : strings[i]!);
  for (let n = 0; n < count; n++) {
    if ((n & 0x3ff) === 0x3ff) yield;
    const k = n * FIELDS;
    const flags = ints[k + 2]!;
    const a: StoredAnnotation = {
      id: text(k + 3),
      kind: ANNOTATION_KINDS[flags & 0xf]!,
      start: ints[k]!,
      end: ints[k + 1]!,
      exact: text(k + 5),
      prefix: text(k + 7),
      suffix: text(k + 9),
      status: ANNOTATION_STATUSES[(flags >> 4) & 0xf]!,
    };
    if (ints[k + 13] !== ABSENT) a.entity = shared(ints[k + 13]!);
    if (ints[k + 14] !== ABSENT) a.name = strings[ints[k + 14]!]!;
    const quoteKind = QUOTE_KINDS[(flags >> 8) & 0xf];
    if (quoteKind !== undefined) a.quoteKind = quoteKind;
    if (ints[k + 15] !== ABSENT) a.speaker = shared(ints[k + 15]!);
    if (ints[k + 16] !== ABSENT) a.speakerEntity = shared(ints[k + 16]!);
    if (ints[k + 11] !== ABSENT) a.note = text(k + 11);
    out[n] = a;
  }
  return out;
}

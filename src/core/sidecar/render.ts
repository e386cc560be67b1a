import { Document, isMap, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { StoredAnnotation } from './model';

/**
 * How every sidecar is rendered: no folding, and line breaks inside double quotes
 * written `\n` (the library otherwise breaks a quoted string of 40 characters or more at
 * each), so one field stays on one line.
 */
export const RENDER_OPTIONS = { lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER } as const;

/** Stands for the annotations while the rest of the document renders; never in a sidecar. */
const MARKER = 'geo-annotator-annotations-go-here-7f3a9c';
const LEAD = new Scalar('x');
const KEY = 'annotations';
/** A keep-chomped block scalar (`|+`, `>2+`) changes how the next list entry's comment renders. */
const KEEPS_NEWLINES = /[|>][1-9]?\+/;

/**
 * What writes into a kept sidecar document remember of each annotation's node: the YAML
 * text it renders to, and the values last written into it. The `yaml` library renders
 * ~4 MB/s, about a second for 10,000 annotations, and even visiting every node's fields
 * takes tens of milliseconds; with these, a rewrite after a change touches and renders
 * only the annotations that changed. The writer forgets every node it changes.
 *
 * A text is what the library renders for the annotation after the line break before it
 * in the list: its blank line and comments, then `- id: …`, indented as in the sidecar.
 */
export class AnnotationCache {
  private readonly texts = new WeakMap<object, string>();
  private readonly values = new WeakMap<object, StoredAnnotation>();
  /** Texts that hold a keep-chomped block scalar: the document is then rendered whole. */
  private readonly keeping = new WeakSet<object>();
  /** How many annotations were rendered, and how many times a document was rendered whole: what writes cost. */
  rendered = 0;
  renderedWhole = 0;

  forget(item: object): void {
    this.texts.delete(item);
  }

  /** The annotation whose values the last write put into `item`; undefined for a node read from a file. */
  writtenInto(item: object): StoredAnnotation | undefined {
    return this.values.get(item);
  }

  wrote(item: object, values: StoredAnnotation): void {
    this.values.set(item, values);
  }

  /** Renders the annotations not yet remembered until `deadline` (a `performance.now()` time); true when none is left. */
  fill(doc: Document, deadline: number): boolean {
    const seq = annotationList(doc);
    if (!seq) return true;
    for (let i = 0; i < seq.items.length; i++) {
      const item = seq.items[i];
      if (typeof item !== 'object' || item === null || this.texts.has(item)) continue;
      if (this.textOf(item) === undefined) return true; // rendered whole anyway
      if ((i & 15) === 0 && performance.now() > deadline) return false;
    }
    return true;
  }

  /** The remembered or newly rendered text; undefined when the annotation cannot render on its own. */
  textOf(item: object): string | undefined {
    const known = this.texts.get(item);
    if (known !== undefined) return known;
    const text = renderAlone(item);
    if (text === undefined) return undefined;
    this.rendered++;
    this.texts.set(item, text);
    if (keepsNewlines(text)) this.keeping.add(item);
    return text;
  }

  keepsNewlines(item: object): boolean {
    return this.keeping.has(item);
  }
}

/**
 * An annotation's node rendered on its own, as it renders in a sidecar's list (see
 * AnnotationCache); undefined when it cannot be (e.g. an alias to an anchor in another annotation).
 */
export function renderAlone(item: object): string | undefined {
  try {
    return renderList([LEAD, item]).slice(`${KEY}:\n  - x\n`.length, -1);
  } catch {
    return undefined;
  }
}

/** Whether a rendered annotation holds a keep-chomped block scalar, which changes how what follows it renders. */
export function keepsNewlines(text: string): boolean {
  return KEEPS_NEWLINES.test(text);
}

/**
 * The document's YAML, the same as `doc.toString(RENDER_OPTIONS)`. With `texts`, the
 * annotations after the first come from what is remembered: the rest of the document
 * renders with a marker in their place, which their texts then replace.
 */
export function renderSidecarDocument(doc: Document, texts?: AnnotationCache): string {
  const whole = () => {
    if (texts) texts.renderedWhole++;
    return doc.toString(RENDER_OPTIONS);
  };
  const seq = texts ? annotationList(doc) : undefined;
  if (!texts || !seq || seq.items.length < 2 || !plainDocument(doc)) return whole();
  const items = seq.items;
  for (const item of items) {
    if (typeof item !== 'object' || item === null || texts.textOf(item) === undefined || texts.keepsNewlines(item)) return whole();
  }
  let frame: string;
  try {
    seq.items = [items[0], new Scalar(MARKER)];
    frame = doc.toString(RENDER_OPTIONS);
  } catch {
    return whole();
  } finally {
    seq.items = items;
  }
  const at = frame.indexOf(`- ${MARKER}`);
  if (at < 0 || frame.indexOf(MARKER, at + 2 + MARKER.length) >= 0) return whole();
  // The frame holds the first annotation, a line break, the marker's line; the others follow that line break.
  let yaml = frame.slice(0, frame.lastIndexOf('\n', at));
  for (let i = 1; i < items.length; i++) yaml += '\n' + texts.textOf(items[i] as object)!;
  return yaml + frame.slice(at + 2 + MARKER.length);
}

/** The block list under `annotations` in a block mapping, if the document has one. */
function annotationList(doc: Document): YAMLSeq | undefined {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const seq = root.get(KEY, true);
  if (!isSeq(seq) || seq.flow || seq.anchor || seq.tag) return undefined;
  return seq;
}

/** YAML 1.2 with the default tags: an annotation then renders the same in a document of its own. */
function plainDocument(doc: Document): boolean {
  const d = doc.directives;
  if (doc.schema.name !== 'core') return false;
  if (d && (d.yaml.version !== '1.2' || Object.keys(d.tags).some((handle) => handle !== '!!'))) return false;
  return true;
}

/** `annotations:` and a list of `items`, rendered in a document of its own. */
function renderList(items: unknown[]): string {
  const seq = new YAMLSeq();
  seq.items = items;
  const root = new YAMLMap();
  root.items = [new Pair(new Scalar(KEY), seq)];
  const doc = new Document();
  doc.contents = root as typeof doc.contents;
  return doc.toString(RENDER_OPTIONS);
}

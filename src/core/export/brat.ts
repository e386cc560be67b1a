import type { StoredAnnotation } from '../sidecar/index';
import { makeAnnotation } from '../sidecar/index';
import { CodePointMap } from '../text/offsets';

/**
 * brat standoff (`.ann`): one T line per annotation with offsets in code points (as brat,
 * a Python program, counts them), fragments split at line breaks; N lines normalising to
 * Wikidata; AnnotatorNotes for notes and for a quote's speaker. Rejected annotations are
 * not exported.
 */
export const BRAT_TYPES = ['leader', 'person', 'country', 'demonym', 'place', 'org', 'speech', 'term'] as const;

/** The `annotation.conf` brat needs to open our files. */
export const BRAT_CONF = `[entities]\n${BRAT_TYPES.join('\n')}\n\n[relations]\n\n[events]\n\n[attributes]\n`;

export function toBrat(text: string, annotations: StoredAnnotation[], wikidataOf: (entity: string) => string | undefined): string {
  const cps = Array.from(text);
  const lines: string[] = [];
  let t = 0;
  let n = 0;
  let note = 0;
  for (const a of annotations) {
    if (a.status === 'rejected') continue;
    const type = a.kind === 'quote' ? (a.quoteKind ?? 'speech') : a.kind;
    const fragments = splitAtLineBreaks(cps, a.start, a.end);
    if (fragments.length === 0) continue;
    const id = `T${++t}`;
    const shown = fragments.map(([s, e]) => cps.slice(s, e).join('')).join(' ');
    lines.push(`${id}\t${type} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${clean(shown)}`);
    const qid = a.entity ? wikidataOf(a.entity) : undefined;
    if (qid) lines.push(`N${++n}\tReference ${id} Wikidata:${qid}\t${clean(a.name ?? shown)}`);
    const notes: string[] = [];
    if (a.kind === 'quote' && a.speaker) notes.push(`speaker: ${a.speaker}`);
    if (a.note) notes.push(a.note);
    if (notes.length) lines.push(`#${++note}\tAnnotatorNotes ${id}\t${clean(notes.join(' | '))}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** brat fields may hold neither tabs nor line breaks. */
function clean(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}

/** Fragments of [start, end) that do not cross a line break, in code points. */
function splitAtLineBreaks(cps: string[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || cps[i] === '\n' || cps[i] === '\r') {
      // Leading and trailing spaces of a fragment are not part of it.
      let a = s;
      let b = i;
      while (a < b && /\s/.test(cps[a]!)) a++;
      while (b > a && /\s/.test(cps[b - 1]!)) b--;
      if (b > a) out.push([a, b]);
      s = i + 1;
    }
  }
  return out;
}

export interface BratProblem {
  line: number;
  message: string;
}

/**
 * Reads a brat `.ann` against its text into stored annotations (status accepted).
 * `entityOf` maps a Wikidata id to our knowledge-base id when we have one.
 */
export function fromBrat(
  text: string,
  ann: string,
  entityOf: (qid: string) => { id: string; name: string } | undefined,
): { annotations: StoredAnnotation[]; problems: BratProblem[] } {
  const map = new CodePointMap(text);
  const cps = Array.from(text);
  const problems: BratProblem[] = [];
  const byId = new Map<string, StoredAnnotation>();
  const order: string[] = [];
  const lines = ann.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const [id, body, rest] = line.split('\t');
    if (!id || body === undefined) return void problems.push({ line: i + 1, message: 'not a brat line (id, tab, annotation)' });
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!m) return void problems.push({ line: i + 1, message: `cannot read text-bound annotation “${body}”` });
      const type = m[1]!;
      const frags = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      const start = frags[0]![0];
      const end = frags.at(-1)![1];
      if (end > cps.length || start > end) return void problems.push({ line: i + 1, message: `offsets ${start}–${end} are outside the text` });
      const shown = frags.map(([s, e]) => cps.slice(s, e).join('')).join(' ');
      if (rest !== undefined && rest !== shown) problems.push({ line: i + 1, message: `the text field “${rest}” differs from the text at those offsets (“${shown}”)` });
      const quote = type === 'speech' || type === 'term';
      const kind = quote ? 'quote' : type;
      if (!quote && !['leader', 'person', 'country', 'demonym', 'place', 'org'].includes(type)) return void problems.push({ line: i + 1, message: `unknown type “${type}”` });
      const a = makeAnnotation(text, map, map.toUtf16(start), map.toUtf16(end), {
        id: id.toLowerCase(),
        kind: kind as StoredAnnotation['kind'],
        status: 'accepted',
        ...(quote ? { quoteKind: type as 'speech' | 'term' } : {}),
      });
      byId.set(id, a);
      order.push(id);
    } else if (id.startsWith('N')) {
      const m = /^Reference (T\d+) Wikidata:(Q\d+)$/.exec(body);
      const target = m && byId.get(m[1]!);
      if (!m || !target) return void problems.push({ line: i + 1, message: `cannot read normalisation “${body}”` });
      const known = entityOf(m[2]!);
      target.entity = known?.id ?? m[2]!;
      target.name = known?.name ?? rest ?? target.exact;
    } else if (id.startsWith('#')) {
      const m = /^AnnotatorNotes (T\d+)$/.exec(body);
      const target = m && byId.get(m[1]!);
      if (!target || rest === undefined) return void problems.push({ line: i + 1, message: `cannot read note “${body}”` });
      const parts = rest.split(' | ');
      if (target.kind === 'quote' && parts[0]!.startsWith('speaker: ')) target.speaker = parts.shift()!.slice('speaker: '.length);
      if (parts.length) target.note = parts.join(' | ');
    }
    // Relations, events and attributes have no place in a sidecar: skipped.
  });
  return { annotations: order.map((id) => byId.get(id)!), problems };
}

import type { StoredAnnotation } from '../sidecar/index';

/** One row per annotation (RFC 4180 quoting), for spreadsheets and R. Offsets in code points. */
export const CSV_HEADER = ['source', 'id', 'kind', 'start', 'end', 'text', 'entity', 'name', 'quote_kind', 'speaker', 'status', 'note'];

export function toCsvRows(source: string, annotations: StoredAnnotation[]): string {
  return annotations
    .map((a) => [source, a.id, a.kind, a.start, a.end, a.exact, a.entity ?? '', a.name ?? '', a.quoteKind ?? '', a.speaker ?? '', a.status, a.note ?? ''].map(field).join(','))
    .map((row) => row + '\r\n')
    .join('');
}

export function csvHeader(): string {
  return CSV_HEADER.join(',') + '\r\n';
}

function field(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

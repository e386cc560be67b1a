/** ANSI colours for a terminal, off when output is piped or NO_COLOR is set. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  kind(kind: string, s: string): string;
}

const CODES: Record<string, string> = {
  leader: '1;31',
  person: '35',
  country: '1;34',
  demonym: '34',
  place: '32',
  org: '33',
  speech: '36',
  term: '2;36',
};

export function styleFor(stream: NodeJS.WriteStream): Style {
  const on = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const wrap = (code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return {
    bold: (s) => wrap('1', s),
    dim: (s) => wrap('2', s),
    kind: (kind, s) => wrap(CODES[kind] ?? '0', s),
  };
}

import { KnowledgeBase } from '../core/kb/knowledgeBase';
import { annotateCommand } from './annotateCommand';
import { exportCommand } from './exportCommand';
import { importCommand } from './importCommand';
import { kbCommand } from './kbCommand';
import { styleFor } from './style';
import { runWorkerIfAsked, writeCommand } from './writeCommand';

const USAGE = `geo-annotate — find leaders, countries and quotes in news text

usage:
  geo-annotate annotate [--json] [-r] FILE|DIR…   summary of each file (JSON with --json; -r walks folders)
  geo-annotate annotate --write DIR|FILE…         pre-annotate into sidecars (merged; your work is kept)
  geo-annotate export --format brat|w3c|csv [--out DIR] [-r] FILE|DIR…
  geo-annotate import FILE.ann --text FILE.txt     brat annotations into the text's sidecar
  geo-annotate kb search TEXT [--json]           look an entity up
  geo-annotate kb list [--json]                  every entity with its facts
  geo-annotate kb stats [--json]                 counts and the data's as-of date

Offsets in --json output are Unicode code points, end exclusive, BOM not counted.
`;

const VALUE_FLAGS = new Set(['--format', '--out', '--text']);

/** Flags, `--name value` / `--name=value` options, and the remaining words. */
function parseArgs(argv: string[]) {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0 && VALUE_FLAGS.has(a.slice(0, eq))) values.set(a.slice(0, eq), a.slice(eq + 1));
    else if (VALUE_FLAGS.has(a)) values.set(a, argv[++i] ?? '');
    else if (a.startsWith('-')) flags.add(a);
    else args.push(a);
  }
  return { flags, values, args };
}

async function main(argv: string[]): Promise<number> {
  const { flags, values, args } = parseArgs(argv);
  const json = flags.has('--json');
  if (flags.has('--help') || flags.has('-h') || args.length === 0) {
    process.stdout.write(USAGE);
    return args.length === 0 && !flags.has('--help') && !flags.has('-h') ? 2 : 0;
  }
  const known = new Set(['--json', '-r', '--recursive', '--help', '-h', '--write']);
  const unknown = [...flags].filter((f) => !known.has(f));
  if (unknown.length) {
    process.stderr.write(`geo-annotate: unknown option ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const recursive = flags.has('-r') || flags.has('--recursive');
  const kb = KnowledgeBase.builtin();
  const [command, ...rest] = args;
  switch (command) {
    case 'annotate':
      if (flags.has('--write')) return writeCommand(rest, true);
      return annotateCommand(rest, { json, recursive }, kb, styleFor(process.stdout));
    case 'export': {
      const out = values.get('--out');
      return exportCommand(rest, { format: values.get('--format') ?? '', recursive: true, ...(out ? { out } : {}) }, kb);
    }
    case 'import':
      return importCommand(rest[0], values.get('--text'), kb);
    case 'kb':
      return kbCommand(rest, json, kb, styleFor(process.stdout));
    default:
      process.stderr.write(`geo-annotate: unknown command “${command}”\n\n${USAGE}`);
      return 2;
  }
}

// `geo-annotate … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

if (!runWorkerIfAsked()) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`geo-annotate: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

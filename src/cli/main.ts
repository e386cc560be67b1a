import { KnowledgeBase } from '../core/kb/knowledgeBase';
import { annotateCommand } from './annotateCommand';
import { kbCommand } from './kbCommand';
import { styleFor } from './style';

const USAGE = `geo-annotate — find leaders, countries and quotes in news text

usage:
  geo-annotate annotate [--json] [-r] FILE|DIR…   summary of each file (JSON with --json; -r walks folders)
  geo-annotate kb search TEXT [--json]           look an entity up
  geo-annotate kb list [--json]                  every entity with its facts
  geo-annotate kb stats [--json]                 counts and the data's as-of date

Offsets in --json output are Unicode code points, end exclusive, BOM not counted.
`;

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  const args = argv.filter((a) => !a.startsWith('-'));
  const json = flags.has('--json');
  if (flags.has('--help') || flags.has('-h') || args.length === 0) {
    process.stdout.write(USAGE);
    return args.length === 0 && !flags.has('--help') && !flags.has('-h') ? 2 : 0;
  }
  const known = new Set(['--json', '-r', '--recursive', '--help', '-h']);
  const unknown = [...flags].filter((f) => !known.has(f));
  if (unknown.length) {
    process.stderr.write(`geo-annotate: unknown option ${unknown.join(', ')}\n\n${USAGE}`);
    return 2;
  }
  const kb = KnowledgeBase.builtin();
  const [command, ...rest] = args;
  switch (command) {
    case 'annotate':
      return annotateCommand(rest, { json, recursive: flags.has('-r') || flags.has('--recursive') }, kb, styleFor(process.stdout));
    case 'kb':
      return kbCommand(rest, json, kb, styleFor(process.stdout));
    default:
      process.stderr.write(`geo-annotate: unknown command “${command}”\n\n${USAGE}`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));

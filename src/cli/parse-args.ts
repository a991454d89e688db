import { OPTIONS, type OptionSpec } from './options';

export interface ParsedArgs {
  command: string | null;
  files: string[];
  output?: string;
  inPlace: boolean;
  force: boolean;
  json: boolean;
  help: boolean;
  version: boolean;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; problem: { code: 'unknownOption' | 'missingValue'; option: string } };

/** Parses argv (without node and script) against OPTIONS; `--name=value` and `-o value` both work. */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const args: ParsedArgs = { command: null, files: [], inPlace: false, force: false, json: false, help: false, version: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    const [flag, inline] = token.startsWith('--') ? splitInline(token.slice(2)) : [token.slice(1), undefined];
    const spec: OptionSpec | undefined = token.startsWith('--')
      ? OPTIONS.find((o) => o.name === flag)
      : OPTIONS.find((o) => o.short === flag);
    if (!spec) return { ok: false, problem: { code: 'unknownOption', option: token } };
    if (spec.arg) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return { ok: false, problem: { code: 'missingValue', option: token } };
      if (spec.name === 'output') args.output = value;
    } else {
      if (spec.name === 'in-place') args.inPlace = true;
      else if (spec.name === 'force') args.force = true;
      else if (spec.name === 'json') args.json = true;
      else if (spec.name === 'help') args.help = true;
      else if (spec.name === 'version') args.version = true;
    }
  }
  args.command = positional[0] ?? null;
  args.files = positional.slice(1);
  return { ok: true, args };
}

function splitInline(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

import { CliUsageError } from './cliError';

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
  /** Values of the `repeated` options, in the order given (`--set a=1 --set b=2`). */
  lists: Record<string, string[]>;
}

/**
 * Splits arguments into positionals and `--name value` / `--name=value` options. `flags` name the options
 * that take no value; `repeated` ones take a value each time they are given; every other option needs one.
 * Unknown options are refused so a typo is not ignored.
 */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
  repeated: readonly string[] = [],
): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const lists: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (flags.includes(name)) {
      if (eq !== -1) throw new CliUsageError(`option --${name} takes no value`);
      options[name] = true;
    } else if (repeated.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new CliUsageError(`option --${name} needs a value`);
      (lists[name] ??= []).push(value);
    } else if (valued.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new CliUsageError(`option --${name} needs a value`);
      options[name] = value;
    } else throw new CliUsageError(`unknown option --${name}`);
  }
  return { positionals, options, lists };
}

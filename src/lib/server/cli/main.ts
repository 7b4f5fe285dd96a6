import { AnalysisInputError } from '../../domain/analysis/errors';
import { DataValidationError } from '../../domain/schemas/issues';
import { DatabaseInUseError } from '../db/embeddedLock';
import { CliUsageError } from './cliError';
import type { CliIo, Command } from './commands/command';

/**
 * Every subcommand: its name and summary here, its module loaded only when it runs, so `corridor --help`
 * does not load the database, the analysis and their dependencies. `export` joins this list.
 */
export const commands: { name: string; summary: string; load: () => Promise<Command> }[] = [
  {
    name: 'analyze',
    summary: 'analyse a situation on a date: corridor status, site access, flags, hotspots',
    load: async () => (await import('./commands/analyze')).analyzeCommand,
  },
  {
    name: 'compare',
    summary: 'what changed between two dates: crossings, corridors, sites and the key figures',
    load: async () => (await import('./commands/compare')).compareCommand,
  },
  {
    name: 'series',
    summary: 'key figures (people cut off, besieged…) every week or N days, with the events behind each jump',
    load: async () => (await import('./commands/series')).seriesCommand,
  },
  {
    name: 'route',
    summary: 'plan convoy routes between two places on a date: alternatives, stretches, crossings, exports',
    load: async () => (await import('./commands/route')).routeCommand,
  },
  {
    name: 'import',
    summary: 'import a GeoJSON, CSV, HXL, ACLED, KML or GPX file into a layer, all or nothing',
    load: async () => (await import('./commands/import')).importCommand,
  },
  {
    name: 'user',
    summary: 'list and administer accounts (add, set-role, disable, enable, reset-password, end-sessions)',
    load: async () => (await import('./commands/user')).userCommand,
  },
];

const usage = `Usage: corridor <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run "corridor <command> --help" for the options of a command.`;

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/**
 * Runs the command line and returns the exit code: 0 done, 2 bad usage or bad input (a message naming
 * file, feature and field, never a stack trace), 1 anything unexpected (set CORRIDOR_DEBUG=1 for the stack).
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  // `corridor analyze … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io[name === undefined ? 'stderr' : 'stdout'](`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`corridor: unknown command "${name}"\n\n${usage}\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr(`corridor ${name}: ${e.message}\nRun "corridor ${name} --help" for usage.\n`);
      return 2;
    }
    if (e instanceof DatabaseInUseError) {
      io.stderr(`corridor ${name}: ${e.message}\n`);
      return 1;
    }
    if (e instanceof DataValidationError || e instanceof AnalysisInputError) {
      io.stderr(`corridor ${name}: ${e.message}\n`);
      return 2;
    }
    io.stderr(`corridor ${name}: unexpected failure: ${(e as Error).message ?? String(e)}\n`);
    if (process.env.CORRIDOR_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    return 1;
  }
}

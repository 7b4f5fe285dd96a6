import { AnalysisInputError } from '../../domain/analysis/errors';
import { DataValidationError } from '../../domain/schemas/issues';
import { DatabaseInUseError } from '../db/embeddedLock';
import { CliUsageError } from './cliError';
import { analyzeCommand } from './commands/analyze';
import { importCommand } from './commands/import';
import { routeCommand } from './commands/route';
import { seriesCommand } from './commands/series';
import { userCommand } from './commands/user';
import type { CliIo, Command } from './commands/command';

/** Every subcommand. `export` joins this list. */
const commands: Command[] = [analyzeCommand, seriesCommand, routeCommand, importCommand, userCommand];

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
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`corridor: unknown command "${name}"\n\n${usage}\n`);
    return 2;
  }
  try {
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

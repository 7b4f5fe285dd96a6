/** Where a command writes; the tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One subcommand of `corridor` (analyze today; import, export and user later). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. Throws CliUsageError or DataValidationError for bad input (exit code 2). */
  run(argv: string[], io: CliIo): number | Promise<number>;
}

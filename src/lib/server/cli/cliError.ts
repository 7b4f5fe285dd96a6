/** A mistake in how the command was called: exit code 2, the message and a pointer to `--help`. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

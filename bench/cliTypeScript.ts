// The command line as it started before it was compiled: TypeScript loaded at run time (tsx), every
// command's module loaded before the arguments are read. The baseline of `npm run bench:import`'s start-up
// figure.
import '../src/lib/server/cli/commands/analyze';
import '../src/lib/server/cli/commands/import';
import '../src/lib/server/cli/commands/route';
import '../src/lib/server/cli/commands/user';
import { main } from '../src/lib/server/cli/main';

process.exitCode = await main(process.argv.slice(2));

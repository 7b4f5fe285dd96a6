#!/usr/bin/env node
// The `corridor` command line: registers tsx so Node can load the TypeScript sources directly, with a
// tsconfig that maps `$lib` (SvelteKit's alias) to src/lib, then hands over to src/lib/server/cli/main.ts.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('./tsconfig.cli.json', import.meta.url)) });
const { main } = await import('../src/lib/server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

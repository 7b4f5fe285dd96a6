#!/usr/bin/env node
// The `corridor` command line: runs the compiled build-cli/main.js (made by `npm run build`), compiling it
// first when it is missing or older than the sources, so a fresh clone and an edited tree both run what is
// in the tree. No TypeScript is loaded at run time.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildCli, cliIsStale, cliOutput, pgliteTemplatePath } from '../scripts/build-cli.js';

if (cliIsStale()) await buildCli();
// A new embedded database is made from the empty one `npm run build` keeps (see src/lib/server/db/client.ts).
const template = pgliteTemplatePath();
if (existsSync(template)) process.env.CORRIDOR_PGLITE_TEMPLATE ??= template;
const { main } = await import(pathToFileURL(cliOutput).href);
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The `corridor` command line: runs the compiled build-cli/main.js (made by `npm run build`), compiling it
// first when it is missing or older than the sources, so a fresh clone and an edited tree both run what is
// in the tree. No TypeScript is loaded at run time.
import { buildCli, cliIsStale, cliOutput } from '../scripts/build-cli.js';
import { pathToFileURL } from 'node:url';

if (cliIsStale()) await buildCli();
const { main } = await import(pathToFileURL(cliOutput).href);
process.exitCode = await main(process.argv.slice(2));

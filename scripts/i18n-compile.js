// Compiles messages/*.json into src/lib/paraglide without a build, for `npm run check` (svelte-check reads
// the generated code) and before the unit tests (tests/compileMessages.ts). The build compiles through the
// Vite plugin with the same options. Skipped when the output is newer than every source of it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

const root = new URL('..', import.meta.url).pathname;
const output = join(root, 'src/lib/paraglide/messages.js');
const sources = [
  'project.inlang/settings.json',
  'paraglide.config.js',
  ...readdirSync(join(root, 'messages')).map((f) => `messages/${f}`),
].map((f) => statSync(join(root, f)).mtimeMs);

if (!existsSync(output) || statSync(output).mtimeMs < Math.max(...sources)) {
  process.chdir(root);
  await compile(paraglideOptions);
}
// The compiler leaves timers of its storage layer running for half a minute: nothing is left to wait for.
process.exit(0);

// `npm start`: build when needed, then serve the app on PORT (default 3000).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pgliteTemplatePath } from './build-cli.js';
import { buildIfNeeded } from './build-if-needed.js';

await buildIfNeeded();
// A new embedded database is copied from the empty one the build keeps (src/lib/server/db/client.ts).
if (existsSync(pgliteTemplatePath())) process.env.CORRIDOR_PGLITE_TEMPLATE ??= pgliteTemplatePath();
const env = { ...process.env, PORT: process.env.PORT ?? '3000', HOST: process.env.HOST ?? '0.0.0.0' };
// SvelteKit refuses a form post (the sign-in) whose Origin is not ORIGIN, and the Node adapter, without
// ORIGIN, would take the request to be https. So the default ORIGIN is the address HOST is reached at
// (localhost when it binds every interface), and that is the address printed: opening it, signing in works.
const wildcard = ['0.0.0.0', '::', ''].includes(env.HOST);
const host = wildcard ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
env.ORIGIN ??= `http://${host}:${env.PORT}`;
console.log(`corridor: serving on ${env.ORIGIN}`);
const child = spawn(process.execPath, ['scripts/server.js'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

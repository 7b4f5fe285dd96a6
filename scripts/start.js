// `npm start`: build when needed, then serve the app on PORT (default 3000).
import { spawn } from 'node:child_process';
import { buildIfNeeded } from './build-if-needed.js';

buildIfNeeded();
const env = { ...process.env, PORT: process.env.PORT ?? '3000', HOST: process.env.HOST ?? '0.0.0.0' };
env.ORIGIN ??= `http://localhost:${env.PORT}`;
console.log(`corridor: serving on http://localhost:${env.PORT}`);
const child = spawn(process.execPath, ['build/index.js'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

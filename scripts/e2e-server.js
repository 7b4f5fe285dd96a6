// The server of the end-to-end run: a fresh embedded database in a temporary folder, an editor and an
// administrator account made with the real command line (`corridor user add`, password on stdin), then the
// built app on that database.
// The folder is removed when the server stops.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const email = process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org';
const password = process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password';
const dataDir = mkdtempSync(join(tmpdir(), 'corridor-e2e-'));
const env = { ...process.env, DATA_DIR: dataDir };
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });

const accounts = [
  { email, password, role: 'editor' },
  {
    email: process.env.E2E_ADMIN_EMAIL ?? 'admin@example.org',
    password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e admin password',
    role: 'admin',
  },
];
for (const a of accounts) {
  const add = spawnSync(
    process.execPath,
    ['bin/corridor.js', 'user', 'add', '--email', a.email, '--role', a.role],
    { env, input: `${a.password}\n`, stdio: ['pipe', 'inherit', 'inherit'] },
  );
  if (add.status !== 0) {
    cleanup();
    console.error(`e2e-server: "corridor user add" (${a.role}) failed with exit code ${add.status}`);
    process.exit(1);
  }
}

const server = spawn(process.execPath, ['scripts/server.js'], { env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => {
  cleanup();
  process.exit(code ?? 0);
});

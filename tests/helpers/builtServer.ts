// The built app (`build/`, built first when the sources are newer) served by `scripts/server.js`, as `npm start`
// serves it, on a free port of 127.0.0.1 with a temporary embedded database, for tests and benchmarks that
// need a real HTTP server.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/lib/server/db/client';

const root = join(import.meta.dirname, '..', '..');

export interface BuiltServer {
  base: string;
  dataDir: string;
  /** The server's process id, e.g. to read its CPU time (bench/mapData.ts). */
  pid: number;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Lets `prepare` write into a fresh database (the server seeds the default scenario on start, keeping what
 * is there), builds when needed, then starts the server and waits until it answers.
 */
export async function startBuiltServer(
  prepare?: (db: Database) => Promise<void>,
  /** More environment for the server, e.g. ADDRESS_HEADER. */
  env: Record<string, string> = {},
  /** How long the server may take to start (a large GEODATA_DIR is validated and stored first). */
  startTimeoutMs = 90_000,
): Promise<BuiltServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-server-'));
  if (prepare) {
    const db = await openDatabase({ dataDir, migrationsFolder: join(root, 'drizzle') });
    try {
      await prepare(db.db);
    } finally {
      await db.close();
    }
  }
  // Built after `prepare`: seeding needs no build, so a long one (bench/mapData.ts) may run while a build does.
  execFileSync(process.execPath, [join(root, 'scripts', 'build-if-needed.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts', 'server.js')], {
    cwd: root,
    // SHUTDOWN_TIMEOUT: do not wait for idle keep-alive connections when stopping.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: base,
      DATA_DIR: dataDir,
      SHUTDOWN_TIMEOUT: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the built server exited with code ${child.exitCode}: ${stderr}`);
    }
    try {
      if ((await fetch(`${base}/ogc`)).ok) return { base, dataDir, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the built server did not answer within ${startTimeoutMs / 1000} s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

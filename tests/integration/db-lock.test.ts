// The embedded database takes one process at a time: a second process (the CLI while the server runs) is
// refused with a message saying what to do, instead of both writing the same files. A process that died
// leaves nothing in the way.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import { DatabaseInUseError } from '$lib/server/db/embeddedLock';

const dataDir = mkdtempSync(join(tmpdir(), 'corridor-lock-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the embedded database is opened by one process at a time', () => {
  it('refuses a second process while one has it open, and takes over from one that died', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/helpers/holdDatabase.ts'], {
      env: { ...process.env, HOLD_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.on('data', (d: Buffer) => d.toString().includes('open') && resolve());
      holder.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
    });
    try {
      const second = openDatabase({ dataDir, migrationsFolder: 'drizzle' });
      await expect(second).rejects.toBeInstanceOf(DatabaseInUseError);
      await expect(second).rejects.toThrow(`is open in another process (pid ${holder.pid})`);

      const cli = spawnSync(process.execPath, ['bin/corridor.js', 'user', 'list'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(
        `corridor user: the embedded database in ${dataDir} is open in another process (pid ${holder.pid}), such as the running server`,
      );
      expect(cli.stderr).toContain('/admin page of the running server');
    } finally {
      const exited = new Promise((r) => holder.once('exit', r));
      holder.kill('SIGKILL');
      await exited;
    }
    // Killed without closing: its mark is left, but no process holds it any more.
    expect(existsSync(join(dataDir, 'corridor.lock'))).toBe(true);
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    await db.close();
    expect(existsSync(join(dataDir, 'corridor.lock'))).toBe(false);
  }, 120_000);
});

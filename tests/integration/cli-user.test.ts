import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '$lib/server/auth/userRepository';
import { openDatabase } from '$lib/server/db/client';

const dataDir = mkdtempSync(join(tmpdir(), 'corridor-cli-user-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function corridor(args: string[], stdin: string) {
  const r = spawnSync(process.execPath, ['bin/corridor.js', 'user', ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('corridor user', () => {
  it('adds an account with the password from standard input; it can then sign in', async () => {
    const r = corridor(['add', '--email', 'Admin@Example.org', '--role', 'admin'], 'correct horse battery\n');
    expect(r).toMatchObject({ code: 0, out: 'added admin@example.org (admin)\n' });
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    try {
      expect(await checkCredentials(db.db, 'admin@example.org', 'correct horse battery')).toMatchObject({
        role: 'admin',
      });
    } finally {
      await db.close();
    }
  });

  it('adds a viewer: staff who read restricted records but do not edit', async () => {
    const r = corridor(
      ['add', '--email', 'viewer@example.org', '--role', 'viewer'],
      'correct horse battery\n',
    );
    expect(r).toMatchObject({ code: 0, out: 'added viewer@example.org (viewer)\n' });
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    try {
      expect(await checkCredentials(db.db, 'viewer@example.org', 'correct horse battery')).toMatchObject({
        role: 'viewer',
      });
    } finally {
      await db.close();
    }
  });

  it('changes a password; refuses short passwords, unknown roles and duplicates with exit code 2', async () => {
    expect(corridor(['passwd', '--email', 'admin@example.org'], 'a new and long password\n').code).toBe(0);
    const short = corridor(['passwd', '--email', 'admin@example.org'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.err).toContain('password: must have at least 12 characters');
    const role = corridor(['add', '--email', 'x@example.org', '--role', 'root'], 'correct horse battery\n');
    expect(role).toMatchObject({ code: 2 });
    expect(role.err).toContain('--role must be viewer, editor or admin, not "root"');
    const dup = corridor(
      ['add', '--email', 'admin@example.org', '--role', 'editor'],
      'correct horse battery\n',
    );
    expect(dup.err).toContain('email: an account for admin@example.org already exists');
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    try {
      expect(await checkCredentials(db.db, 'admin@example.org', 'a new and long password')).not.toBeNull();
    } finally {
      await db.close();
    }
  });
});

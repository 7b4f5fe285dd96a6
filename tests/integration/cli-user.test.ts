import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession, validateSession } from '$lib/server/auth/sessionStore';
import { checkCredentials, recordSignIn } from '$lib/server/auth/userRepository';
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

  it('lists, changes roles, disables, enables, resets passwords and ends sessions, as /admin does', async () => {
    expect(
      corridor(['add', '--email', 'field@example.org', '--role', 'viewer'], 'field officer pass\n').code,
    ).toBe(0);
    // Two sessions of the field officer, to see them end.
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    const field = (await checkCredentials(db.db, 'field@example.org', 'field officer pass'))!;
    const tokens = [
      (await createSession(db.db, field.id)).token,
      (await createSession(db.db, field.id)).token,
    ];
    await recordSignIn(db.db, field.id, new Date('2026-02-03T04:05:00Z'));
    await db.close();

    const list = corridor(['list'], '');
    expect(list.code).toBe(0);
    expect(list.out.split('\n').slice(2, 4)).toEqual(
      ['admin@example.org  admin  active', 'field@example.org  viewer  active  2026-02-03 04:05    2'].map(
        (l) => expect.stringMatching(new RegExp(`^${l.replace(/ +/g, ' +')}`)),
      ),
    );

    expect(corridor(['set-role', '--email', 'Field@example.org', '--role', 'editor'], '')).toMatchObject({
      code: 0,
      out: 'field@example.org is now editor; 2 sessions ended\n',
    });
    expect(corridor(['disable', '--email', 'field@example.org'], '')).toMatchObject({
      code: 0,
      out: 'disabled field@example.org; 0 sessions ended\n',
    });
    expect(corridor(['list'], '').out).toMatch(/field@example\.org +editor +disabled/);
    expect(corridor(['enable', '--email', 'field@example.org'], '').out).toBe('enabled field@example.org\n');
    expect(
      corridor(['reset-password', '--email', 'field@example.org'], 'another long password\n'),
    ).toMatchObject({
      code: 0,
      out: 'password changed for field@example.org; 0 sessions ended\n',
    });
    expect(corridor(['end-sessions', '--email', 'field@example.org'], '').out).toBe(
      '0 sessions ended for field@example.org\n',
    );

    const check = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    try {
      for (const t of tokens) expect(await validateSession(check.db, t)).toBeNull();
      expect(await checkCredentials(check.db, 'field@example.org', 'another long password')).toMatchObject({
        role: 'editor',
      });
    } finally {
      await check.close();
    }
  });

  it('refuses to demote or disable the last administrator, and unknown accounts, with exit code 2', () => {
    const demote = corridor(['set-role', '--email', 'admin@example.org', '--role', 'editor'], '');
    expect(demote.code).toBe(2);
    expect(demote.err).toContain(
      'role: admin@example.org is the last active administrator: make another account an administrator first',
    );
    expect(corridor(['disable', '--email', 'admin@example.org'], '').err).toContain(
      'disabled: admin@example.org is the last active administrator',
    );
    const unknown = corridor(['end-sessions', '--email', 'nobody@example.org'], '');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('email: no account for nobody@example.org');
    expect(corridor(['promote', '--email', 'admin@example.org'], '').err).toContain(
      'unknown action "promote": say one of list, add, set-role, disable, enable, reset-password, end-sessions',
    );
    expect(corridor(['disable'], '').err).toContain('--email is required');
    expect(corridor(['list'], '').out).toMatch(/admin@example\.org +admin +active/);
  });
});

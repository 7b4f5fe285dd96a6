import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { visibleSensitivities } from '$lib/server/auth/roles';
import { createSession, deleteSession, SESSION_DAYS, validateSession } from '$lib/server/auth/sessionStore';
import { AccountError, addUser, checkCredentials, setPassword } from '$lib/server/auth/userRepository';

const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

describe('passwords', () => {
  it('verifies the right password only, and stores no plain text', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h).toMatch(/^scrypt\$65536\$8\$2\$/);
    expect(h).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', h)).toBe(true);
    expect(await verifyPassword('correct horse batterY', h)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('roles', () => {
  it('anonymous sees public only; editors restricted too; admins everything', () => {
    expect(visibleSensitivities(null)).toEqual(['public']);
    expect(visibleSensitivities({ id: 1, email: 'e@x.org', role: 'editor' })).toEqual([
      'public',
      'restricted',
    ]);
    expect(visibleSensitivities({ id: 1, email: 'a@x.org', role: 'admin' })).toContain('confidential');
  });
});

describe.each(engines)('accounts and sessions on $name', ({ url }) => {
  let h: OpenDatabase;
  beforeAll(async () => {
    h = await openDatabase({ databaseUrl: url, dataDir: 'memory://', migrationsFolder: 'drizzle' });
    if (url) await h.db.execute('truncate users, sessions');
  });
  afterAll(async () => h?.close());

  it('adds a user, refuses a duplicate e-mail (case-insensitive) and weak input, naming the field', async () => {
    const u = await addUser(h.db, {
      email: ' Coordinator@Example.org ',
      password: 'long enough pass',
      role: 'editor',
    });
    expect(u).toMatchObject({ email: 'coordinator@example.org', role: 'editor' });
    await expect(
      addUser(h.db, { email: 'coordinator@example.org', password: 'long enough pass', role: 'admin' }),
    ).rejects.toThrow('email: an account for coordinator@example.org already exists');
    await expect(
      addUser(h.db, { email: 'x@example.org', password: 'short', role: 'editor' }),
    ).rejects.toThrow('password: must have at least 12 characters');
    await expect(
      addUser(h.db, { email: 'not-an-email', password: 'long enough pass', role: 'editor' }),
    ).rejects.toBeInstanceOf(AccountError);
    await expect(
      addUser(h.db, { email: 'y@example.org', password: 'long enough pass', role: 'root' as never }),
    ).rejects.toThrow(/^role: /);
  });

  it('checks credentials, and a changed password replaces the old one', async () => {
    expect(await checkCredentials(h.db, 'COORDINATOR@example.org', 'long enough pass')).toMatchObject({
      role: 'editor',
    });
    expect(await checkCredentials(h.db, 'coordinator@example.org', 'wrong password!!')).toBeNull();
    expect(await checkCredentials(h.db, 'nobody@example.org', 'long enough pass')).toBeNull();
    await setPassword(h.db, 'coordinator@example.org', 'a brand new passphrase');
    expect(await checkCredentials(h.db, 'coordinator@example.org', 'long enough pass')).toBeNull();
    expect(await checkCredentials(h.db, 'coordinator@example.org', 'a brand new passphrase')).not.toBeNull();
    await expect(setPassword(h.db, 'nobody@example.org', 'a brand new passphrase')).rejects.toThrow(
      'email: no account for nobody@example.org',
    );
  });

  it('sessions: valid until expiry, renewed when used late, gone after logout', async () => {
    const u = await checkCredentials(h.db, 'coordinator@example.org', 'a brand new passphrase');
    const t0 = new Date('2026-01-01T00:00:00Z');
    const { token, expiresAt } = await createSession(h.db, u!.id, t0);
    expect(expiresAt.getTime() - t0.getTime()).toBe(SESSION_DAYS * 86_400_000);
    expect((await validateSession(h.db, token, t0))?.viewer?.email).toBe('coordinator@example.org');
    expect(await validateSession(h.db, `${token}x`, t0)).toBeNull();
    const late = new Date(t0.getTime() + 10 * 86_400_000);
    const renewed = await validateSession(h.db, token, late);
    expect(renewed?.renewedUntil?.getTime()).toBe(late.getTime() + SESSION_DAYS * 86_400_000);
    expect(
      await validateSession(h.db, token, new Date(late.getTime() + (SESSION_DAYS + 1) * 86_400_000)),
    ).toBeNull();
    await deleteSession(h.db, token);
    expect(await validateSession(h.db, token, late)).toBeNull();
  });
});

// Account administration through the API (`accounts.*`, the /admin page's): administrators only; each
// change of password, role or disabled state ends the account's other sessions; the last active
// administrator can be neither demoted nor disabled. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '$lib/server/auth/roles';
import { createSession, validateSession } from '$lib/server/auth/sessionStore';
import { addUser, checkCredentials } from '$lib/server/auth/userRepository';
import { readEnv } from '$lib/server/env';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { accountsRouter } from '$lib/server/trpc/routers/accounts';
import { freshDatabase } from './helpers/freshDatabase';

const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const createCaller = createCallerFactory(accountsRouter);
type Caller = ReturnType<typeof createCaller>;
const PASSWORD = 'correct horse battery';

describe.each(engines)('accounts API on $name', ({ url }) => {
  let services: Services;
  let drop: (() => Promise<void>) | undefined;
  const ids: Record<string, number> = {};
  const caller = (email: string, sessionToken?: string) =>
    createCaller({
      services,
      viewer: { id: ids[email], email, role: email.split('@')[0] as Role },
      sessionToken,
    });
  const db = () => services.database.db;
  const sessionOf = async (email: string) => (await createSession(db(), ids[email])).token;
  const stillValid = async (token: string) => (await validateSession(db(), token)) !== null;

  beforeAll(async () => {
    const fresh = url ? await freshDatabase(url, 'accounts') : undefined;
    drop = fresh?.drop;
    services = await startServices(readEnv({ DATA_DIR: 'memory://', DATABASE_URL: fresh?.url }));
    for (const r of ['admin', 'editor', 'viewer'] as const)
      ids[`${r}@example.org`] = (await addUser(db(), {
        email: `${r}@example.org`,
        password: PASSWORD,
        role: r,
      }))!.id;
  }, 120_000);
  afterAll(async () => {
    await services?.database.close();
    await drop?.();
  });

  const calls: Record<string, (c: Caller) => Promise<unknown>> = {
    list: (c) => c.list(),
    add: (c) => c.add({ email: 'new@example.org', role: 'viewer' }),
    setRole: (c) => c.setRole({ email: 'viewer@example.org', role: 'admin' }),
    disable: (c) => c.disable({ email: 'admin@example.org' }),
    enable: (c) => c.enable({ email: 'viewer@example.org' }),
    resetPassword: (c) => c.resetPassword({ email: 'admin@example.org' }),
    endSessions: (c) => c.endSessions({ email: 'admin@example.org' }),
  };

  it('every procedure is listed here, and refuses editors, viewers and anonymous callers', async () => {
    expect(Object.keys(accountsRouter._def.procedures).sort()).toEqual(Object.keys(calls).sort());
    const adminSession = await sessionOf('admin@example.org');
    for (const [name, call] of Object.entries(calls)) {
      for (const who of ['editor@example.org', 'viewer@example.org'])
        await expect(call(caller(who)), `${name} as ${who}`).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(call(createCaller({ services, viewer: null })), name).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
    }
    // Nothing was changed by the refused calls.
    expect(await stillValid(adminSession)).toBe(true);
    const list = await caller('admin@example.org').list();
    expect(list.map((a) => `${a.email} ${a.role} ${a.disabledAt === null ? 'active' : 'disabled'}`)).toEqual([
      'admin@example.org admin active',
      'editor@example.org editor active',
      'viewer@example.org viewer active',
    ]);
  });

  it('adds an account with a generated password given once; it can sign in with it', async () => {
    const admin = caller('admin@example.org');
    const added = await admin.add({ email: ' Field.Officer@Example.org ', role: 'viewer' });
    expect(added).toMatchObject({ email: 'field.officer@example.org', role: 'viewer' });
    expect(added.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await checkCredentials(db(), 'field.officer@example.org', added.password!)).toMatchObject({
      role: 'viewer',
    });
    const chosen = await admin.add({
      email: 'chosen@example.org',
      role: 'editor',
      password: 'a chosen passphrase',
    });
    expect(chosen).toEqual({ email: 'chosen@example.org', role: 'editor' });
    await expect(admin.add({ email: 'chosen@example.org', role: 'editor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'email: an account for chosen@example.org already exists',
    });
    await expect(
      admin.add({ email: 'short@example.org', role: 'editor', password: 'short' }),
    ).rejects.toThrow('password: must have at least 12 characters');
    await expect(admin.add({ email: 'x@example.org', role: 'root' as Role })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const row = (await admin.list()).find((a) => a.email === 'field.officer@example.org');
    expect(row).toMatchObject({ role: 'viewer', disabledAt: null, lastSignInAt: null, activeSessions: 0 });
  });

  it('changing a role ends the sessions of that account', async () => {
    const s1 = await sessionOf('editor@example.org');
    const s2 = await sessionOf('editor@example.org');
    const other = await sessionOf('viewer@example.org');
    expect(
      (await caller('admin@example.org').list()).find((a) => a.email === 'editor@example.org'),
    ).toMatchObject({ activeSessions: 2 });
    expect(
      await caller('admin@example.org').setRole({ email: 'editor@example.org', role: 'viewer' }),
    ).toEqual({
      sessionsEnded: 2,
    });
    expect(await stillValid(s1)).toBe(false);
    expect(await stillValid(s2)).toBe(false);
    expect(await stillValid(other)).toBe(true);
    expect(await checkCredentials(db(), 'editor@example.org', PASSWORD)).toMatchObject({ role: 'viewer' });
    await caller('admin@example.org').setRole({ email: 'editor@example.org', role: 'editor' });
  });

  it('disabling ends the sessions and stops sign-in; enabling lets it sign in again', async () => {
    const s = await sessionOf('viewer@example.org');
    const admin = caller('admin@example.org');
    expect(await admin.disable({ email: 'viewer@example.org' })).toEqual({ sessionsEnded: 2 });
    expect(await stillValid(s)).toBe(false);
    expect(await checkCredentials(db(), 'viewer@example.org', PASSWORD)).toBeNull();
    expect((await admin.list()).find((a) => a.email === 'viewer@example.org')?.disabledAt).not.toBeNull();
    await admin.enable({ email: 'viewer@example.org' });
    expect(await checkCredentials(db(), 'viewer@example.org', PASSWORD)).not.toBeNull();
  });

  it("resetting a password ends the account's sessions, but the caller's own when it is its own", async () => {
    const admin = caller('admin@example.org');
    const s = await sessionOf('viewer@example.org');
    const reset = await admin.resetPassword({ email: 'viewer@example.org' });
    expect(reset.sessionsEnded).toBe(1);
    expect(await stillValid(s)).toBe(false);
    expect(await checkCredentials(db(), 'viewer@example.org', PASSWORD)).toBeNull();
    expect(await checkCredentials(db(), 'viewer@example.org', reset.password!)).not.toBeNull();

    const mine = await sessionOf('admin@example.org');
    const elsewhere = await sessionOf('admin@example.org');
    const own = await caller('admin@example.org', mine).resetPassword({
      email: 'admin@example.org',
      password: 'the admin new passphrase',
    });
    expect(own).toEqual({ sessionsEnded: 2 }); // the one elsewhere, and the one of the first test
    expect(await stillValid(mine)).toBe(true);
    expect(await stillValid(elsewhere)).toBe(false);
    await expect(admin.resetPassword({ email: 'nobody@example.org' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'email: no account for nobody@example.org',
    });
  });

  it('ends the sessions of an account (its own: all but this one)', async () => {
    const a = await sessionOf('editor@example.org');
    const b = await sessionOf('editor@example.org');
    expect(await caller('admin@example.org').endSessions({ email: 'editor@example.org' })).toEqual({
      sessionsEnded: 2,
    });
    expect([await stillValid(a), await stillValid(b)]).toEqual([false, false]);
    const mine = await sessionOf('admin@example.org');
    const other = await sessionOf('admin@example.org');
    await caller('admin@example.org', mine).endSessions({ email: 'admin@example.org' });
    expect([await stillValid(mine), await stillValid(other)]).toEqual([true, false]);
  });

  it('the last active administrator can be neither demoted nor disabled', async () => {
    const admin = caller('admin@example.org');
    const message =
      'admin@example.org is the last active administrator: make another account an administrator first';
    await expect(admin.setRole({ email: 'admin@example.org', role: 'editor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: `role: ${message}`,
    });
    await expect(admin.disable({ email: 'Admin@example.org' })).rejects.toMatchObject({
      message: `disabled: ${message}`,
    });
    // A disabled administrator does not count.
    await admin.add({ email: 'second@example.org', role: 'admin' });
    await admin.disable({ email: 'second@example.org' });
    await expect(admin.setRole({ email: 'admin@example.org', role: 'viewer' })).rejects.toThrow(message);
    // With a second active one, either may go, but not both, even at the same moment.
    await admin.enable({ email: 'second@example.org' });
    const both = await Promise.allSettled([
      admin.setRole({ email: 'admin@example.org', role: 'editor' }),
      admin.setRole({ email: 'second@example.org', role: 'editor' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const admins = (await admin.list()).filter((a) => a.role === 'admin' && a.disabledAt === null);
    expect(admins).toHaveLength(1);
  });
});

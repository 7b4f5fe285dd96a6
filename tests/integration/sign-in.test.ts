import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts } from '$lib/server/auth/accountAdmin';
import { signIn } from '$lib/server/auth/signIn';
import { validateSession } from '$lib/server/auth/sessionStore';
import { addUser } from '$lib/server/auth/userRepository';
import { readEnv } from '$lib/server/env';
import { startServices, type Services } from '$lib/server/services';

let services: Services;
beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  await addUser(services.database.db, {
    email: 'ed@example.org',
    password: 'correct horse battery',
    role: 'editor',
  });
});
afterAll(() => services.database.close());

describe('sign in', () => {
  it('starts a session for the right password; the token identifies the account', async () => {
    const r = await signIn(services, 'ED@example.org', 'correct horse battery', '10.0.0.1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((await validateSession(services.database.db, r.token))?.viewer).toMatchObject({
      email: 'ed@example.org',
      role: 'editor',
    });
  });

  it('says the same for a wrong password and an unknown e-mail', async () => {
    const wrong = await signIn(services, 'ed@example.org', 'wrong password!!', '10.0.0.2');
    const unknown = await signIn(services, 'nobody@example.org', 'correct horse battery', '10.0.0.3');
    expect(wrong).toEqual({ ok: false, status: 400, message: 'E-mail or password is wrong.' });
    expect(unknown).toEqual(wrong);
  });

  it('records the time of the last sign-in, which administrators see', async () => {
    const before = Date.now();
    expect((await signIn(services, 'ed@example.org', 'correct horse battery', '10.0.0.4')).ok).toBe(true);
    const ed = (await listAccounts(services.database.db)).find((a) => a.email === 'ed@example.org');
    expect(ed?.lastSignInAt?.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });
});

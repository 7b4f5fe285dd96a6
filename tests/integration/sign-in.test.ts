import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('after 5 failures for one e-mail, even the right password is refused for a while', async () => {
    await addUser(services.database.db, {
      email: 'target@example.org',
      password: 'correct horse battery',
      role: 'editor',
    });
    for (let i = 0; i < 5; i++)
      await signIn(services, 'target@example.org', `guess number ${i}!!`, `10.1.0.${i}`);
    const r = await signIn(services, 'target@example.org', 'correct horse battery', '10.2.0.1');
    expect(r).toMatchObject({ ok: false, status: 429 });
    expect((r as { message: string }).message).toMatch(
      /^Too many failed sign-ins\. Try again in 1[45] minute\(s\)\.$/,
    );
  });
});

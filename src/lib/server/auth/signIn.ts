import type { Services } from '../services';
import { createSession } from './sessionStore';
import { checkCredentials } from './userRepository';

export type SignInResult =
  { ok: true; token: string; expiresAt: Date } | { ok: false; status: 400 | 429; message: string };

/**
 * Checks credentials under the login rate limit (per e-mail and per client address) and starts a session.
 * The message never tells whether the e-mail has an account.
 */
export async function signIn(
  services: Services,
  email: string,
  password: string,
  clientAddress: string,
): Promise<SignInResult> {
  const keys = [`email:${email.trim().toLowerCase()}`, `ip:${clientAddress}`];
  const wait = Math.max(...keys.map((k) => services.loginLimiter.retryAfterMs(k)));
  if (wait > 0)
    return {
      ok: false,
      status: 429,
      message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60_000)} minute(s).`,
    };
  const viewer = await checkCredentials(services.database.db, email, password);
  if (!viewer) {
    for (const k of keys) services.loginLimiter.recordFailure(k);
    return { ok: false, status: 400, message: 'E-mail or password is wrong.' };
  }
  for (const k of keys) services.loginLimiter.recordSuccess(k);
  const { token, expiresAt } = await createSession(services.database.db, viewer.id);
  return { ok: true, token, expiresAt };
}

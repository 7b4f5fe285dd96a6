import type { Services } from '../services';
import { HashGateBusyError } from './hashGate';
import { createSession } from './sessionStore';
import { checkCredentials, recordSignIn } from './userRepository';

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; status: 400; message: string }
  | { ok: false; status: 429 | 503; message: string; retryAfterSeconds: number };

/** "3 seconds", "2 minutes": how long to wait, rounded up. */
function inWords(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function busyAnswer(e: HashGateBusyError): SignInResult {
  return {
    ok: false,
    status: 503,
    message: `The server is busy checking other sign-ins. Try again in ${inWords(e.retryAfterSeconds)}.`,
    retryAfterSeconds: e.retryAfterSeconds,
  };
}

/**
 * Checks credentials and starts a session. The attempt is first reserved with the sign-in throttle (per
 * e-mail and per client address; 429 when either must wait), then the password is checked through the hash
 * gate (503 when too many checks are already queued). The messages never tell whether the e-mail has an
 * account.
 */
export async function signIn(
  services: Pick<Services, 'database' | 'signInThrottle' | 'hashGate'>,
  email: string,
  password: string,
  clientAddress: string,
): Promise<SignInResult> {
  // Turned away at once when the queue is full: in a flood, most attempts then cost nothing, not even a
  // database write (no password is checked, so nothing is learnt from them).
  const full = services.hashGate.busy();
  if (full) return busyAnswer(full);
  const reservation = await services.signInThrottle.reserve(email, clientAddress);
  if (!reservation.ok) {
    const retryAfterSeconds = Math.ceil(reservation.retryAfterMs / 1000);
    return {
      ok: false,
      status: 429,
      message: `Too many failed sign-ins. Try again in ${inWords(retryAfterSeconds)}.`,
      retryAfterSeconds,
    };
  }
  let viewer;
  try {
    viewer = await services.hashGate.run(() => checkCredentials(services.database.db, email, password));
  } catch (e) {
    await reservation.settle('not-checked');
    if (!(e instanceof HashGateBusyError)) throw e;
    return busyAnswer(e);
  }
  // A settlement that fails leaves the attempt counted as a failure: no reason to refuse a right password.
  await reservation
    .settle(viewer ? 'success' : 'failure')
    .catch((e: unknown) =>
      console.error(
        `corridor: sign-in throttle: ${(e as Error).message}: ${String((e as Error).cause ?? '')}`,
      ),
    );
  if (!viewer) return { ok: false, status: 400, message: 'E-mail or password is wrong.' };
  const { token, expiresAt } = await createSession(services.database.db, viewer.id);
  await recordSignIn(services.database.db, viewer.id);
  return { ok: true, token, expiresAt };
}

// Sign-in abuse: concurrent guesses are counted before they are hashed, a stranger's guesses cost the real
// user seconds (never a long lockout), one address cannot try account after account, and a flood of
// sign-ins is turned away (503 with a wait) rather than queued behind the password hashing without end.
// On the embedded PGlite and, with TEST_DATABASE_URL, on a PostgreSQL server (real concurrent connections).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashGate } from '$lib/server/auth/hashGate';
import { signIn, type SignInResult } from '$lib/server/auth/signIn';
import { DEFAULT_THROTTLE, SignInThrottle } from '$lib/server/auth/signInThrottle';
import { addUser } from '$lib/server/auth/userRepository';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import { signInThrottle } from '$lib/server/db/schema';
import { freshDatabase } from './helpers/freshDatabase';

const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const PASSWORD = 'correct horse battery';

describe.each(engines)('sign-in throttle on $name', ({ url }) => {
  let h: OpenDatabase;
  let drop: (() => Promise<void>) | undefined;
  let now = new Date('2026-03-01T08:00:00Z');
  const clock = () => now;
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  beforeAll(async () => {
    const fresh = url ? await freshDatabase(url, 'throttle') : undefined;
    drop = fresh?.drop;
    h = await openDatabase({ databaseUrl: fresh?.url, dataDir: 'memory://', migrationsFolder: 'drizzle' });
    for (const email of ['target@example.org', 'busy@example.org', 'flood@example.org'])
      await addUser(h.db, { email, password: PASSWORD, role: 'editor' });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await drop?.();
  });

  /** Services as the server has them, with a clock the test moves (the real clock for `real`). */
  const services = (gate = new HashGate(2, 64), real = false) => ({
    database: h,
    signInThrottle: new SignInThrottle(h.db, DEFAULT_THROTTLE, real ? undefined : clock),
    hashGate: gate,
  });
  const statuses = (rs: SignInResult[]) =>
    rs.reduce<Record<string, number>>((acc, r) => {
      const k = r.ok ? 'ok' : String(r.status);
      acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});

  it('40 concurrent wrong passwords for one account: 5 are checked, the other 35 answered 429', async () => {
    const s = services(new HashGate(2, 64), true);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn(s, 'Target@example.org', `wrong guess ${i}!!`, `10.40.0.${i}`),
      ),
    );
    expect(statuses(results)).toEqual({ '400': 5, '429': 35 });
    // The fifth failure asks for a second's wait (2 when rounded up from a moment later).
    const refused = results.find((r) => !r.ok && r.status === 429) as { message: string };
    expect(refused.message).toMatch(/^Too many failed sign-ins\. Try again in (1 second|2 seconds)\.$/);
  }, 60_000);

  it("a stranger's guesses cost the real user seconds: waits double from 1 s to at most a minute", async () => {
    const s = services();
    const email = 'busy@example.org';
    for (let i = 0; i < 5; i++)
      expect(await signIn(s, email, `guess ${i} of a stranger`, `10.50.0.${i}`)).toMatchObject({
        status: 400,
      });
    // The real user, from elsewhere, right after: one second to wait, then in.
    expect(await signIn(s, email, PASSWORD, '10.60.0.1')).toMatchObject({
      status: 429,
      retryAfterSeconds: 1,
    });
    later(1_000);
    expect((await signIn(s, email, PASSWORD, '10.60.0.1')).ok).toBe(true);

    // A stranger who keeps guessing, as fast as allowed: 4 free guesses, then waits of 1, 2, 4 … 32 s, then a
    // minute each time, no more.
    const waits: number[] = [];
    for (let n = 0; waits.length < 9; n++) {
      const r = await signIn(s, email, `guess ${n} of a stranger`, `10.51.0.${n}`);
      if (!r.ok && r.status === 429) {
        waits.push(r.retryAfterSeconds);
        later(r.retryAfterSeconds * 1_000);
      } else expect(r).toMatchObject({ status: 400 });
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    // Still the real user gets in once the minute is over.
    expect((await signIn(s, email, PASSWORD, '10.60.0.1')).ok).toBe(true);
  });

  it('the wait runs from the answer: a password check that takes seconds does not use it up', async () => {
    const throttle = new SignInThrottle(h.db, DEFAULT_THROTTLE, clock);
    const email = 'slow-check@example.org';
    for (let i = 0; i < 5; i++) {
      const r = await throttle.reserve(email, `10.70.0.${i}`);
      if (!r.ok) throw new Error(`attempt ${i + 1} refused`);
      // The fifth check takes 3 s (a busy server); the others are instant.
      if (i === 4) later(3_000);
      await r.settle('failure');
    }
    later(500);
    // Half a second after the fifth failure was answered: still half a second to wait.
    const sixth = await throttle.reserve(email, '10.70.0.9');
    expect(sixth).toMatchObject({ ok: false, retryAfterMs: 500 });
    later(500);
    expect((await throttle.reserve(email, '10.70.0.9')).ok).toBe(true);
  });

  it('one address trying many accounts is slowed after 20 failures; other addresses are not', async () => {
    const s = services();
    later(60 * 60_000);
    for (let i = 0; i < 20; i++)
      expect(await signIn(s, `someone${i}@example.org`, 'a wrong password', '10.70.0.1')).toMatchObject({
        status: 400,
      });
    const r = await signIn(s, 'someone-else@example.org', 'a wrong password', '10.70.0.1');
    expect(r).toMatchObject({ status: 429, message: 'Too many failed sign-ins. Try again in 1 second.' });
    expect(await signIn(s, 'someone-else@example.org', 'a wrong password', '10.70.0.2')).toMatchObject({
      status: 400,
    });
    // Quiet for 15 minutes, the address starts again from zero.
    later(15 * 60_000 + 1);
    expect(await signIn(s, 'another@example.org', 'a wrong password', '10.70.0.1')).toMatchObject({
      status: 400,
    });
  });

  it('a flood of sign-ins beyond the hashing queue is answered 503 with a wait, and not counted', async () => {
    later(60 * 60_000);
    // The gate of the test counts how many checks run at once.
    let running = 0;
    let most = 0;
    class WatchedGate extends HashGate {
      override run<T>(task: () => Promise<T>): Promise<T> {
        return super.run(async () => {
          most = Math.max(most, ++running);
          try {
            return await task();
          } finally {
            running--;
          }
        });
      }
    }
    const s = services(new WatchedGate(1, 3));
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn(s, `flood${i}@example.org`, 'wrong password!', `10.80.0.${i}`),
      ),
    );
    const counts = statuses(results);
    // 1 running and 3 waiting are checked; a few more when a check ends before all 40 have arrived.
    expect(counts['503']).toBeGreaterThanOrEqual(30);
    expect(counts['400'] + counts['503']).toBe(40);
    expect(most).toBe(1);
    const busy = results.find((r) => !r.ok && r.status === 503) as {
      retryAfterSeconds: number;
      message: string;
    };
    expect(busy.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(busy.message).toMatch(
      /^The server is busy checking other sign-ins\. Try again in \d+ seconds?\.$/,
    );
    // The turned-away attempts count against neither their account nor their address.
    const rows = await h.db.select().from(signInThrottle);
    const counted = rows.filter((r) => /flood\d|10\.80\.0\./.test(r.key) && r.failures > 0);
    expect(counted).toHaveLength(2 * counts['400']);
    // And the right password gets through the same gate once it has room.
    expect((await signIn(s, 'flood@example.org', PASSWORD, '10.80.1.1')).ok).toBe(true);
  }, 60_000);
});

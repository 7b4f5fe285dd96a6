import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { signInThrottle } from '../db/schema';

/** How one kind of key is throttled: free failures, then a delay before each next attempt that doubles. */
export interface ThrottleRule {
  /** Failures allowed without any wait. */
  freeFailures: number;
  /** The wait after the last free failure; each further failure doubles it. */
  firstDelayMs: number;
  /** The longest wait, however many failures. */
  maxDelayMs: number;
}

export interface ThrottleOptions {
  /** Per e-mail address, whether or not it has an account (so a refusal does not tell). */
  account: ThrottleRule;
  /** Per client address (see ADDRESS_HEADER), across every e-mail tried from it. */
  address: ThrottleRule;
  /** A key with no attempt for this long starts again from zero. */
  quietMs: number;
}

// Per account the wait grows from 1 s to at most a minute: a stranger guessing five times costs the real
// user a second, and one guessing without end a minute per attempt (about 1,400 guesses a day against a
// 12-character password), never a long lockout. Per address the limit is looser (offices share addresses)
// but grows to 15 minutes, to slow down one machine trying many accounts.
export const DEFAULT_THROTTLE: ThrottleOptions = {
  account: { freeFailures: 5, firstDelayMs: 1_000, maxDelayMs: 60_000 },
  address: { freeFailures: 20, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
  quietMs: 15 * 60_000,
};

/** What an attempt turned out to be, once checked (or not). */
export type AttemptOutcome = 'success' | 'failure' | 'not-checked';

export type Reservation =
  { ok: true; settle: (outcome: AttemptOutcome) => Promise<void> } | { ok: false; retryAfterMs: number };

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/** Thrown inside the reservation's transaction to undo the account's count when the address is refused. */
class Refused extends Error {
  constructor(readonly retryAfterMs: number) {
    super('refused');
  }
}

/**
 * Sign-in throttling kept in the database (table `sign_in_throttle`), so server instances share it.
 *
 * Every attempt is counted as a failure BEFORE its password is hashed, in one statement per key that
 * checks and counts at once (`insert … on conflict do update … where`): concurrent attempts cannot all slip
 * past the check. The attempt is then settled: a success clears the account's count and takes its attempt
 * back from the address; a failure stays counted.
 */
export class SignInThrottle {
  private lastPrune = 0;

  constructor(
    private readonly db: Database,
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Reserves one attempt for this e-mail from this address, or says how long to wait. */
  async reserve(email: string, address: string): Promise<Reservation> {
    const now = this.clock();
    await this.pruneNowAndThen(now);
    const keys = { account: accountKey(email), address: addressKey(address) };
    const waits = { account: 0, address: 0 };
    try {
      await this.db.transaction(async (tx) => {
        for (const kind of ['account', 'address'] as const) {
          const counted = await this.count(tx as unknown as Database, keys[kind], this.options[kind], now);
          if ('retryAfterMs' in counted) throw new Refused(counted.retryAfterMs);
          waits[kind] = counted.waitMs;
        }
      });
    } catch (e) {
      if (e instanceof Refused) return { ok: false, retryAfterMs: e.retryAfterMs };
      throw e;
    }
    return { ok: true, settle: (outcome) => this.settle(keys, outcome, waits) };
  }

  /**
   * Counts one attempt for `key` when it may try now (with the wait this attempt sets before the next one),
   * else says how long to wait.
   */
  private async count(
    db: Database,
    key: string,
    rule: ThrottleRule,
    now: Date,
  ): Promise<{ waitMs: number } | { retryAfterMs: number }> {
    const at = sql`${now.toISOString()}::timestamptz`;
    const quietSince = sql`${new Date(now.getTime() - this.options.quietMs).toISOString()}::timestamptz`;
    const t = signInThrottle;
    // The count after this attempt: 1 when the key was quiet long enough, else one more.
    const failures = sql`(case when ${t.lastAttemptAt} < ${quietSince} then 1 else ${t.failures} + 1 end)`;
    const rows = await db
      .insert(t)
      .values({ key, failures: 1, nextAttemptAt: this.nextAttempt(now, 1, rule), lastAttemptAt: now })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          failures,
          nextAttemptAt: sql`${at} + (case when ${failures} < ${rule.freeFailures}::int then 0
            else least(${rule.maxDelayMs}::float8, ${rule.firstDelayMs}::float8 * power(2, ${failures} - ${rule.freeFailures}::int))
            end) * interval '1 millisecond'`,
          lastAttemptAt: now,
        },
        setWhere: sql`${t.nextAttemptAt} <= ${at} or ${t.lastAttemptAt} < ${quietSince}`,
      })
      .returning({ next: t.nextAttemptAt });
    if (rows.length > 0) return { waitMs: Math.max(0, rows[0].next.getTime() - now.getTime()) };
    const [row] = await db.select({ next: t.nextAttemptAt }).from(t).where(eq(t.key, key));
    return { retryAfterMs: Math.max(1, (row?.next.getTime() ?? now.getTime()) - now.getTime()) };
  }

  /** The same rule as the SQL above, for a key's first attempt. */
  private nextAttempt(now: Date, failures: number, rule: ThrottleRule): Date {
    const delay =
      failures < rule.freeFailures
        ? 0
        : Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (failures - rule.freeFailures));
    return new Date(now.getTime() + delay);
  }

  private async settle(
    keys: { account: string; address: string },
    outcome: AttemptOutcome,
    waits: { account: number; address: number },
  ): Promise<void> {
    const t = signInThrottle;
    if (outcome === 'failure') {
      // The failure stays counted. Its wait runs from the answer, not from the reservation: hashing can take
      // seconds on a busy server, and a wait that ran out while the password was checked would be no wait.
      const answeredAt = this.clock().getTime();
      for (const kind of ['account', 'address'] as const) {
        if (waits[kind] === 0) continue;
        const until = new Date(answeredAt + waits[kind]).toISOString();
        await this.db
          .update(t)
          .set({ nextAttemptAt: sql`greatest(${t.nextAttemptAt}, ${until}::timestamptz)` })
          .where(eq(t.key, keys[kind]));
      }
      return;
    }
    const takeBack = (key: string) =>
      this.db
        .update(t)
        .set({ failures: sql`greatest(${t.failures} - 1, 0)` })
        .where(eq(t.key, key));
    if (outcome === 'success') {
      await this.db.delete(t).where(eq(t.key, keys.account));
      await takeBack(keys.address);
    } else {
      // Not checked (the server was too busy to hash it): it must not count against anyone.
      await takeBack(keys.account);
      await takeBack(keys.address);
    }
  }

  /** Forgets quiet keys, at most once a minute. */
  private async pruneNowAndThen(now: Date): Promise<void> {
    if (now.getTime() - this.lastPrune < 60_000) return;
    this.lastPrune = now.getTime();
    const t = signInThrottle;
    const quietSince = new Date(now.getTime() - this.options.quietMs);
    await this.db.delete(t).where(and(lt(t.lastAttemptAt, quietSince), lt(t.nextAttemptAt, now)));
  }
}

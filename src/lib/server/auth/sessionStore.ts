import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sessions, users } from '../db/schema';
import type { Role, Viewer } from './roles';

/** How long a session lasts without being renewed. */
export const SESSION_DAYS = 14;
const DAY_MS = 86_400_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session and returns the token to put in the cookie (never stored as such). */
export async function createSession(
  db: Database,
  userId: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

/**
 * The viewer a session token belongs to, or null when unknown, expired or the account is disabled.
 * A session used in the second half of its life is extended (sliding expiry); `expiresAt` is then returned.
 */
export async function validateSession(
  db: Database,
  token: string,
  now = new Date(),
): Promise<{ viewer: Viewer; renewedUntil?: Date } | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      expiresAt: sessions.expiresAt,
      id: users.id,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  if (!row || row.disabledAt) return null;
  const viewer = { id: row.id, email: row.email, role: row.role as Role };
  if (row.expiresAt.getTime() - now.getTime() < (SESSION_DAYS * DAY_MS) / 2) {
    const renewedUntil = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
    await db.update(sessions).set({ expiresAt: renewedUntil }).where(eq(sessions.tokenHash, tokenHash));
    return { viewer, renewedUntil };
  }
  return { viewer };
}

/** Ends one session (logout). */
export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/**
 * Ends every session of an account but the one whose token is `keep` (the caller's own, when an account
 * changes its own password); returns how many ended. Called when a password, a role or the disabled state
 * changes, so that a stolen or outdated session does not outlive the change.
 */
export async function endSessionsOf(db: Database, userId: number, keep?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      keep
        ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(keep)))
        : eq(sessions.userId, userId),
    )
    .returning({ userId: sessions.userId });
  return rows.length;
}

/** Removes expired sessions; called now and then, not on every request. */
export async function deleteExpiredSessions(db: Database, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Tx } from '../db/client';
import { sessions, users } from '../db/schema';
import { emailAddress } from './emailAddress';
import { role as roleSchema, type Role } from './roles';
import { endSessionsOf } from './sessionStore';
import { AccountError, addUser, parse, setPassword } from './userRepository';

// What administrators do to accounts, for the /admin page (routers/accounts.ts) and `corridor user`. Accounts
// are named by e-mail. Each change that alters what an account may do ends its sessions, so that nobody keeps
// a right through an old session; and the last active administrator can be neither demoted nor disabled,
// or nobody could administer accounts any more but through the command line.

export interface AccountSummary {
  id: number;
  email: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  /** Sessions that have not expired. */
  activeSessions: number;
}

/** Every account, by e-mail. */
export async function listAccounts(db: Database, now = new Date()): Promise<AccountSummary[]> {
  const active = db
    .select({ userId: sessions.userId, n: count().as('n') })
    .from(sessions)
    .where(gt(sessions.expiresAt, now))
    .groupBy(sessions.userId)
    .as('active');
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
      lastSignInAt: users.lastSignInAt,
      activeSessions: active.n,
    })
    .from(users)
    .leftJoin(active, eq(active.userId, users.id))
    .orderBy(asc(users.email));
  return rows.map((r) => ({ ...r, role: r.role as Role, activeSessions: Number(r.activeSessions ?? 0) }));
}

/** A random password for an invited account or a reset, given once to the administrator to pass on. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * Adds an account with a role. Without a password, one is generated and returned, to be handed to the new
 * user (who should change it); with one, it must be a valid new password.
 */
export async function inviteAccount(
  db: Database,
  input: { email: string; role: Role; password?: string },
): Promise<{ email: string; role: Role; password?: string }> {
  const password = input.password ?? generatePassword();
  const added = await addUser(db, { email: input.email, role: input.role, password });
  return { email: added!.email, role: added!.role, ...(input.password ? {} : { password }) };
}

/**
 * In a transaction holding a lock on every active administrator's row (so two administrators demoting each
 * other at once cannot both succeed): the account's row, refused when `change` would leave no active
 * administrator.
 */
async function withLastAdminCheck<T>(
  db: Database,
  emailInput: string,
  change: { role?: Role; disable?: boolean },
  apply: (tx: Tx, id: number) => Promise<T>,
): Promise<T> {
  const email = parse(emailAddress, 'email', emailInput);
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
      .for('update');
    const [row] = await tx.select().from(users).where(eq(users.email, email));
    if (!row) throw new AccountError('email', `no account for ${email}`, 'not-found');
    const losesAdmin = (change.role !== undefined && change.role !== 'admin') || change.disable === true;
    if (losesAdmin && admins.length === 1 && admins[0].id === row.id)
      throw new AccountError(
        change.disable ? 'disabled' : 'role',
        `${email} is the last active administrator: make another account an administrator first`,
      );
    return apply(tx, row.id);
  });
}

/** Changes an account's role and ends its sessions (but `keepSession`, the caller's own). */
export async function setRole(
  db: Database,
  email: string,
  roleInput: string,
  keepSession?: string,
): Promise<{ sessionsEnded: number }> {
  const role = parse(roleSchema, 'role', roleInput);
  return withLastAdminCheck(db, email, { role }, async (tx, id) => {
    await tx.update(users).set({ role }).where(eq(users.id, id));
    return { sessionsEnded: await endSessionsOf(tx as unknown as Database, id, keepSession) };
  });
}

/** Disables an account (it can no longer sign in; its sessions end) or enables it again. */
export async function setDisabled(
  db: Database,
  email: string,
  disabled: boolean,
): Promise<{ sessionsEnded: number }> {
  return withLastAdminCheck(db, email, { disable: disabled }, async (tx, id) => {
    await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, id));
    return { sessionsEnded: disabled ? await endSessionsOf(tx as unknown as Database, id) : 0 };
  });
}

/**
 * Sets a new password (generated and returned when none is given) and ends the account's sessions, but
 * `keepSession`.
 */
export async function resetPassword(
  db: Database,
  email: string,
  password?: string,
  keepSession?: string,
): Promise<{ sessionsEnded: number; password?: string }> {
  const chosen = password ?? generatePassword();
  const { sessionsEnded } = await setPassword(db, email, chosen, keepSession);
  return { sessionsEnded, ...(password ? {} : { password: chosen }) };
}

/** Ends every session of an account but `keepSession` (e.g. after a lost laptop). */
export async function endSessions(
  db: Database,
  emailInput: string,
  keepSession?: string,
): Promise<{ sessionsEnded: number }> {
  const email = parse(emailAddress, 'email', emailInput);
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new AccountError('email', `no account for ${email}`, 'not-found');
  return { sessionsEnded: await endSessionsOf(db, row.id, keepSession) };
}

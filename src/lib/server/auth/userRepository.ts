import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { emailAddress, newPassword } from './emailAddress';
import { hashPassword, verifyPassword } from './password';
import { role as roleSchema, type Role, type Viewer } from './roles';
import { endSessionsOf } from './sessionStore';

export class AccountError extends Error {
  constructor(
    public readonly field: string,
    reason: string,
    /** `not-found` when no account has the e-mail given; `invalid` for every other refusal. */
    public readonly kind: 'invalid' | 'not-found' = 'invalid',
  ) {
    super(`${field}: ${reason}`);
    this.name = 'AccountError';
  }
}

export function parse<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  field: string,
  value: unknown,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AccountError(field, r.error.issues[0]?.message ?? 'is invalid');
  return r.data;
}

/** Creates an account; the e-mail must be new. */
export async function addUser(
  db: Database,
  input: { email: string; password: string; role: Role },
): Promise<Viewer> {
  const email = parse(emailAddress, 'email', input.email);
  const password = parse(newPassword, 'password', input.password);
  const role = parse(roleSchema, 'role', input.role);
  const rows = await db
    .insert(users)
    .values({ email, passwordHash: await hashPassword(password), role })
    .onConflictDoNothing()
    .returning();
  if (rows.length === 0) throw new AccountError('email', `an account for ${email} already exists`);
  return { id: rows[0].id, email, role };
}

/**
 * Sets a new password for an existing account and ends its sessions, but the one of `keepSession` (the
 * token of the caller's own session when it changes its own password). Returns how many sessions ended.
 */
export async function setPassword(
  db: Database,
  emailInput: string,
  passwordInput: string,
  keepSession?: string,
): Promise<{ sessionsEnded: number }> {
  const email = parse(emailAddress, 'email', emailInput);
  const password = parse(newPassword, 'password', passwordInput);
  const rows = await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.email, email))
    .returning({ id: users.id });
  if (rows.length === 0) throw new AccountError('email', `no account for ${email}`, 'not-found');
  return { sessionsEnded: await endSessionsOf(db, rows[0].id, keepSession) };
}

/** Notes the time of a successful sign-in, shown to administrators. */
export async function recordSignIn(db: Database, userId: number, at = new Date()): Promise<void> {
  await db.update(users).set({ lastSignInAt: at }).where(eq(users.id, userId));
}

/**
 * The account for these credentials, or null. Unknown e-mails still cost one hash, so timing does not
 * tell which addresses have accounts.
 */
export async function checkCredentials(db: Database, emailInput: string, password: string): Promise<Viewer> {
  const email = emailAddress.safeParse(emailInput);
  const [row] = email.success ? await db.select().from(users).where(eq(users.email, email.data)) : [];
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || row.disabledAt) return null;
  return { id: row.id, email: row.email, role: row.role as Role };
}

// A valid hash of a random password, verified against when the account does not exist.
const DUMMY_HASH = 'scrypt$65536$8$2$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

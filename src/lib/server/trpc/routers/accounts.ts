import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  endSessions,
  inviteAccount,
  listAccounts,
  resetPassword,
  setDisabled,
  setRole,
} from '../../auth/accountAdmin';
import { role } from '../../auth/roles';
import { AccountError } from '../../auth/userRepository';
import { roleProcedure, router, type Context } from '../init';

// Account administration (/admin): administrators only. Accounts are named by e-mail; the repository
// validates e-mails and passwords itself, so that its messages (naming the field) are the ones shown.
const admin = roleProcedure('admin');

const byEmail = z.object({ email: z.string().max(320) });
const optionalPassword = z.string().max(256).optional();

/** An account error (bad field, unknown account, last administrator) as a 400 naming the field. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AccountError)
      throw new TRPCError({
        code: e.kind === 'not-found' ? 'NOT_FOUND' : 'BAD_REQUEST',
        message: e.message,
        cause: e,
      });
    throw e;
  }
}

/** The caller's own session survives a change to its own account; every other one ends. */
const keepOwn = (ctx: Context, email: string) =>
  ctx.viewer && ctx.viewer.email === email.trim().toLowerCase() ? ctx.sessionToken : undefined;

export const accountsRouter = router({
  /** Every account with its role, disabled state, last sign-in and open sessions. */
  list: admin.query(async ({ ctx }) => {
    const accounts = await listAccounts(ctx.services.database.db);
    return accounts.map((a) => ({
      ...a,
      createdAt: a.createdAt.toISOString(),
      disabledAt: a.disabledAt?.toISOString() ?? null,
      lastSignInAt: a.lastSignInAt?.toISOString() ?? null,
    }));
  }),

  /** Adds an account; without a password one is generated and returned once, to be passed on. */
  add: admin
    .input(z.object({ email: z.string().max(320), role, password: optionalPassword }))
    .mutation(({ ctx, input }) => answering(() => inviteAccount(ctx.services.database.db, input))),

  setRole: admin
    .input(byEmail.extend({ role }))
    .mutation(({ ctx, input }) =>
      answering(() => setRole(ctx.services.database.db, input.email, input.role, keepOwn(ctx, input.email))),
    ),

  disable: admin
    .input(byEmail)
    .mutation(({ ctx, input }) => answering(() => setDisabled(ctx.services.database.db, input.email, true))),

  enable: admin
    .input(byEmail)
    .mutation(({ ctx, input }) => answering(() => setDisabled(ctx.services.database.db, input.email, false))),

  /** A new password (generated and returned once when none is given); the account's sessions end. */
  resetPassword: admin
    .input(byEmail.extend({ password: optionalPassword }))
    .mutation(({ ctx, input }) =>
      answering(() =>
        resetPassword(ctx.services.database.db, input.email, input.password, keepOwn(ctx, input.email)),
      ),
    ),

  endSessions: admin
    .input(byEmail)
    .mutation(({ ctx, input }) =>
      answering(() => endSessions(ctx.services.database.db, input.email, keepOwn(ctx, input.email))),
    ),
});

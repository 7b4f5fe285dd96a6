import { initTRPC, TRPCError } from '@trpc/server';
import type { Situation } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import { readEnv } from '../env';
import type { Services } from '../services';

/** Per-request context: the server's services and who is asking (null: anonymous). */
export interface Context {
  services: Services;
  viewer: Viewer;
  /** The caller's session token, so that changing one's own account can keep this session alive. */
  sessionToken?: string;
  /**
   * For an anonymous public read, the public situation its ETag was made from (`api/trpc` route): the body
   * is built from the same one, so one tag always names one body.
   */
  publicSituation?: Situation;
}

const t = initTRPC.context<Context>().create({
  // Stack traces only in development: production responses never carry them.
  isDev: readEnv().NODE_ENV === 'development',
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not: must only return what `ctx.viewer` may see. */
export const publicProcedure = t.procedure;

/** Signed-in accounts only. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

/** Accounts with one of the given roles only. */
export const roleProcedure = (...roles: NonNullable<Viewer>['role'][]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.viewer.role))
      throw new TRPCError({ code: 'FORBIDDEN', message: `needs the role ${roles.join(' or ')}` });
    return next();
  });

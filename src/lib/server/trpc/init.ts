import { initTRPC } from '@trpc/server';
import { readEnv } from '../env';

/** Per-request context. Authentication (issue: accounts and roles) will add the user here. */
export interface Context {
  request: Request;
}

const t = initTRPC.context<Context>().create({
  // Stack traces only in development: production responses never carry them.
  isDev: readEnv().NODE_ENV === 'development',
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

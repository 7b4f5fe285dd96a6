import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from './init';
import { situationRouter } from './routers/situation';

export const appRouter = router({
  situation: situationRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

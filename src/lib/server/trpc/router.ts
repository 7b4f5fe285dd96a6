import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from './init';
import { analysisRouter } from './routers/analysis';
import { featuresRouter } from './routers/features';
import { situationRouter } from './routers/situation';

export const appRouter = router({
  situation: situationRouter,
  analysis: analysisRouter,
  features: featuresRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

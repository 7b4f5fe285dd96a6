import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from './init';
import { accountsRouter } from './routers/accounts';
import { analysisRouter } from './routers/analysis';
import { featuresRouter } from './routers/features';
import { feedRouter } from './routers/feed';
import { importsRouter } from './routers/imports';
import { plansRouter } from './routers/plans';
import { routesRouter } from './routers/routes';
import { situationRouter } from './routers/situation';

export const appRouter = router({
  situation: situationRouter,
  analysis: analysisRouter,
  features: featuresRouter,
  feed: feedRouter,
  imports: importsRouter,
  accounts: accountsRouter,
  routes: routesRouter,
  plans: plansRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

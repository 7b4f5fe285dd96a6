import { TRPCError } from '@trpc/server';
import { AnalysisInputError, planRoutes } from '$lib/domain/analysis';
import { planRequestSchema } from '$lib/domain/schemas';
import { roleProcedure, router } from '../init';

/** Signed-in accounts of every role: viewers plan convoys (DESIGN.md §2). */
export const planner = roleProcedure('viewer', 'editor', 'admin');

/**
 * The convoy planner. Never public (a convoy's route is sensitive): signed-in accounts only, on the analysis
 * of the records the account may see.
 */
export const routesRouter = router({
  plan: planner.input(planRequestSchema).query(async ({ ctx, input }) => {
    const analyzer = await ctx.services.store.analyzerFor(ctx.viewer);
    try {
      return planRoutes(analyzer, input);
    } catch (e) {
      if (e instanceof AnalysisInputError) throw new TRPCError({ code: 'BAD_REQUEST', message: e.message });
      throw e;
    }
  }),
});

import { TRPCError } from '@trpc/server';
import { AnalysisInputError } from '$lib/domain/analysis';
import { analysisRequestSchema } from '$lib/domain/schemas';
import { publicProcedure, router } from '../init';

/**
 * The analysis of DESIGN.md §3 on the layers the caller may see: anonymous callers get the analysis of the
 * public records only, so it cannot reveal a restricted one.
 */
export const analysisRouter = router({
  run: publicProcedure.input(analysisRequestSchema).query(async ({ ctx, input }) => {
    const analyzer = await ctx.services.store.analyzerFor(ctx.viewer);
    try {
      return analyzer.analyze(input.asOf, input.params, input.overrides);
    } catch (e) {
      if (e instanceof AnalysisInputError) throw new TRPCError({ code: 'BAD_REQUEST', message: e.message });
      throw e;
    }
  }),
});

import { TRPCError } from '@trpc/server';
import { AnalysisInputError } from '$lib/domain/analysis';
import { analysisRequestSchema } from '$lib/domain/schemas';
import { publicProcedure, router } from '../init';

/**
 * The analysis of DESIGN.md §3 on the layers the caller may see: anonymous callers get the analysis of the
 * public records only, so it cannot reveal a restricted one. Without what-if overrides the report comes from
 * the store's analysis cache (computed once per date, parameters, visibility level and content); with
 * them it is computed for this request only and kept nowhere.
 */
export const analysisRouter = router({
  run: publicProcedure.input(analysisRequestSchema).query(async ({ ctx, input }) => {
    const { store } = ctx.services;
    const pinned = ctx.viewer ? undefined : ctx.publicSituation;
    const { overrides } = input;
    try {
      if (overrides && (overrides.crossings.length || overrides.frontlines.length || overrides.month)) {
        const analyzer = pinned ? store.analyzerOf(pinned) : await store.analyzerFor(ctx.viewer);
        return analyzer.analyze(input.asOf, input.params, overrides);
      }
      const cached = pinned
        ? await store.publicAnalysisOf(pinned, input.asOf, input.params)
        : await store.analysisFor(ctx.viewer, input.asOf, input.params);
      return cached.report;
    } catch (e) {
      if (e instanceof AnalysisInputError) throw new TRPCError({ code: 'BAD_REQUEST', message: e.message });
      throw e;
    }
  }),
});

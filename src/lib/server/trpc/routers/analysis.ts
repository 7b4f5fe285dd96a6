import { TRPCError } from '@trpc/server';
import { AnalysisInputError, createAnalyzer, type Analyzer } from '$lib/domain/analysis';
import { analysisRequestSchema, type Situation } from '$lib/domain/schemas';
import { publicSituation } from '$lib/domain/visibility';
import { loadSituation } from '../../situation/situationSource';
import { publicProcedure, router } from '../init';

// The road network of a situation is built once; the analyzer is derived data of the loaded situation, so it
// lives exactly as long as that object (no state of its own).
const analyzers = new WeakMap<Situation, Analyzer>();
function publicAnalyzer(s: Situation): Analyzer {
  let a = analyzers.get(s);
  if (!a) {
    a = createAnalyzer(publicSituation(s));
    analyzers.set(s, a);
  }
  return a;
}

/** The analysis of DESIGN.md §3 on the public layers. */
export const analysisRouter = router({
  run: publicProcedure.input(analysisRequestSchema).query(({ input }) => {
    try {
      return publicAnalyzer(loadSituation()).analyze(input.asOf, input.params, input.overrides);
    } catch (e) {
      if (e instanceof AnalysisInputError) throw new TRPCError({ code: 'BAD_REQUEST', message: e.message });
      throw e;
    }
  }),
});

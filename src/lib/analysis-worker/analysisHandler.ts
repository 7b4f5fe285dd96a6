import { createAnalyzer, type Analyzer } from '$lib/domain/analysis';
import type { AnalysisWorkerRequest, AnalysisWorkerResponse } from './protocol';

/**
 * The analysis worker's logic without the worker: answers one request at a time. Kept apart from
 * `analysis.worker.ts` so it runs (and is tested) anywhere.
 *
 * @param now clock in ms (`performance.now` in the worker)
 */
export function createAnalysisHandler(
  now: () => number = () => performance.now(),
): (request: AnalysisWorkerRequest) => AnalysisWorkerResponse {
  let analyzer: Analyzer | undefined;
  return (request) => {
    const started = now();
    try {
      if (request.type === 'load') {
        analyzer = createAnalyzer(request.situation);
        return { type: 'loaded', ms: now() - started };
      }
      if (!analyzer) return { type: 'error', id: request.id, message: 'no situation loaded yet' };
      const report = analyzer.analyze(request.asOf, request.params, request.overrides);
      return { type: 'report', id: request.id, report, ms: now() - started };
    } catch (e) {
      return {
        type: 'error',
        id: request.type === 'analyze' ? request.id : null,
        message: e instanceof Error ? e.message : String(e),
      };
    }
  };
}

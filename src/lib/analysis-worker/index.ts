// The access analysis in a Web Worker (DESIGN.md §3 on the map page): the public situation is already in
// the browser, so a date change is re-analysed without a round trip to the server.
import AnalysisWorker from './analysis.worker?worker';
import { AnalysisClient, type AnalysisClientHandlers } from './AnalysisClient';

export type { AnalysisResult } from './AnalysisClient';

/** Starts the worker and returns its client; `destroy()` stops it. */
export function startAnalysis(handlers: AnalysisClientHandlers): AnalysisClient {
  return new AnalysisClient(new AnalysisWorker({ name: 'corridor-analysis' }), handlers);
}

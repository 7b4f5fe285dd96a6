import type { Analyzer } from '$lib/domain/analysis';
import type { AnalysisReport } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import type { SituationStore } from '../situation/situationStore';

/** Reports kept per analyzer: the dates just drawn, whose details a user opens next. */
const KEEP = 4;
const recent = new WeakMap<Analyzer, Map<string, AnalysisReport>>();

/**
 * The server's analysis of `asOf` for what `viewer` may see (public records only for anonymous visitors),
 * the one place the map's endpoints get it from. Today it asks the store's analyzer (one per snapshot, so per
 * visibility level and data version) and keeps its last few reports; a cache of reports per date, level and
 * data version belongs in the store, and this is the function to point at it.
 */
export async function reportForView(
  store: SituationStore,
  viewer: Viewer,
  asOf: string,
): Promise<AnalysisReport> {
  const analyzer = await store.analyzerFor(viewer);
  let byDate = recent.get(analyzer);
  if (!byDate) recent.set(analyzer, (byDate = new Map()));
  let report = byDate.get(asOf);
  if (!report) {
    report = analyzer.analyze(asOf);
    byDate.set(asOf, report);
    if (byDate.size > KEEP) byDate.delete(byDate.keys().next().value as string);
  }
  return report;
}

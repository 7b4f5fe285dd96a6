import type { AnalysisReport } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import type { SituationStore } from '../situation/situationStore';

/**
 * The server's analysis of `asOf` for what `viewer` may see (public records only for anonymous visitors),
 * the one place the map's endpoints get it from: the store's analysis cache, which computes a date once per
 * visibility level and data version and shares one computation between concurrent requests.
 */
export async function reportForView(
  store: SituationStore,
  viewer: Viewer,
  asOf: string,
): Promise<AnalysisReport> {
  return (await store.analysisFor(viewer, asOf)).report;
}

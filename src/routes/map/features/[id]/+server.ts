import { json } from '@sveltejs/kit';
import { dateParam } from '$lib/server/mapView/dateParam';
import { featureView, hasFeature } from '$lib/server/mapView/featureView';
import { situationForView, viewResponse } from '$lib/server/mapView/viewSituation';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// One feature the caller may see, with its verdict on the date and the features that verdict names: the
// tiled map's details panel (docs/scaling.md). A feature the caller may not see is answered as one that
// does not exist. Whether it exists is known from the snapshot alone, so a revalidation (304) is answered
// without the date's analysis.
export const GET: RequestHandler = async ({ request, url, params, locals }) => {
  const { store } = await services();
  const situation = await situationForView(store, locals.viewer);
  const date = dateParam(url, situation.scenario.defaultAsOf);
  if (!hasFeature(situation, params.id))
    return json({ message: `no feature "${params.id}"` }, { status: 404 });
  return viewResponse(request, locals.viewer, situation, ['feature', params.id, date], async () => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      featureView(situation, (await store.analysisFor(locals.viewer, date)).report, params.id),
    ),
  }));
};

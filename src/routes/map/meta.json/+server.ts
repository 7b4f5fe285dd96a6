import { json } from '@sveltejs/kit';
import { mapDataParts } from '$lib/server/mapView/mapDataTags';
import { mapMeta } from '$lib/server/mapView/mapMode';
import { situationForView, viewResponse } from '$lib/server/mapView/viewSituation';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// What the map page asks first: the scenario and how many features the caller may see, so it knows whether to
// load the whole situation or draw from tiles and the server's verdicts (docs/scaling.md).
export const GET: RequestHandler = async ({ request, locals }) => {
  const situation = await situationForView((await services()).store, locals.viewer);
  return viewResponse(request, locals.viewer, situation, mapDataParts.meta(), async () => {
    const res = json(mapMeta(situation));
    return { headers: { 'content-type': 'application/json' }, body: await res.text() };
  });
};

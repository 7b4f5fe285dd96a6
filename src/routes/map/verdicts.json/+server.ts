import { dateParam } from '$lib/server/mapView/dateParam';
import { mapDataParts } from '$lib/server/mapView/mapDataTags';
import { verdictsBody } from '$lib/server/mapView/verdictsBody';
import { warmNeighbours } from '$lib/server/mapView/verdictsWarmUp';
import { situationForView, viewResponse } from '$lib/server/mapView/viewSituation';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The verdicts of a date for the tiled map: per corridor, site and crossing what the style draws, from the
// server's analysis of what the caller may see (docs/scaling.md). The situation is one object per visibility
// level and content, so its serialised verdicts are kept by it and the date. Once a date is answered, the
// dates the date control steps to, then every date of the scenario's range, are analysed in the background,
// when no reader waits (`verdictsWarmUp.ts`, `verdictsArchive.ts`); an archived date's public answer is sent in
// the archive's brotli form, not compressed again.
export const GET: RequestHandler = async ({ request, url, locals }) => {
  const date = dateParam(url);
  const { store, verdictsArchive } = await services();
  const situation = await situationForView(store, locals.viewer);
  const response = await viewResponse(
    request,
    locals.viewer,
    situation,
    mapDataParts.verdicts(date),
    async () => {
      const body = await verdictsBody(store, verdictsArchive, situation, date);
      // The archived date's brotli form is that body compressed: a public answer is sent in it as it is.
      const br = verdictsArchive.packed(situation, date);
      return { headers: { 'content-type': 'application/json' }, body, encoded: br && { br } };
    },
  );
  warmNeighbours(store, verdictsArchive, locals.viewer, situation, date);
  return response;
};

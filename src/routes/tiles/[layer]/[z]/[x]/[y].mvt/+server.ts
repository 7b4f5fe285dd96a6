import { error } from '@sveltejs/kit';
import { isLayerGroup } from '$lib/map/layerGroups';
import { situationForView, viewResponse } from '$lib/server/mapView/viewSituation';
import { checkTile, TileRangeError, vectorTile } from '$lib/server/mapView/vectorTiles';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// One layer group's vector tile of what the caller may see, every date in it (docs/scaling.md). The tile is
// cut and encoded only when the client does not hold it already: a revalidation (304) checks the coordinates
// and the tag, nothing more.
export const GET: RequestHandler = async ({ request, params, locals }) => {
  if (!isLayerGroup(params.layer)) error(404, `no map layer "${params.layer}"`);
  const [z, x, y] = [params.z, params.x, params.y].map((v) => (/^\d{1,7}$/.test(v) ? Number(v) : NaN));
  try {
    checkTile(z, x, y);
  } catch (e) {
    if (e instanceof TileRangeError) error(404, e.message);
    throw e;
  }
  const situation = await situationForView((await services()).store, locals.viewer);
  const layer = params.layer;
  return viewResponse(request, locals.viewer, situation, ['tile', layer, `${z}/${x}/${y}`], () => ({
    headers: { 'content-type': 'application/vnd.mapbox-vector-tile' },
    body: vectorTile(situation, layer, z, x, y) as Uint8Array<ArrayBuffer>,
  }));
};

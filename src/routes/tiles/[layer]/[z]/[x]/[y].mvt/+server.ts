import { error } from '@sveltejs/kit';
import { isLayerGroup } from '$lib/map/layerGroups';
import { mapDataParts } from '$lib/server/mapView/mapDataTags';
import { situationForView, viewResponse } from '$lib/server/mapView/viewSituation';
import { makeTile } from '$lib/server/mapView/tiler';
import { checkTileRange, TileRangeError } from '$lib/server/mapView/vectorTiles';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// One layer group's vector tile of what the caller may see, every date in it, made by PostGIS or in
// JavaScript (docs/scaling.md, "Vector tiles"); `x-tiles-made-by` says which.
export const GET: RequestHandler = async ({ request, params, locals }) => {
  if (!isLayerGroup(params.layer)) error(404, `no map layer "${params.layer}"`);
  const [z, x, y] = [params.z, params.x, params.y].map((v) => (/^\d{1,7}$/.test(v) ? Number(v) : NaN));
  try {
    checkTileRange(z, x, y);
  } catch (e) {
    if (e instanceof TileRangeError) error(404, e.message);
    throw e;
  }
  const { store, database, tileMaker } = await services();
  const situation = await situationForView(store, locals.viewer);
  const layer = params.layer;
  const tile = { maker: tileMaker, database, viewer: locals.viewer, situation, group: layer, z, x, y };
  // Made only when no cached copy is current (a `304` makes nothing: on PostGIS that is a query saved).
  return viewResponse(request, locals.viewer, situation, mapDataParts.tile(layer, z, x, y), async () => ({
    headers: { 'content-type': 'application/vnd.mapbox-vector-tile', 'x-tiles-made-by': tileMaker },
    body: (await makeTile(tile)) as Uint8Array<ArrayBuffer>,
  }));
};

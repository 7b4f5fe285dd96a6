// Vector tiles of the situation a viewer may see, cut in the server's memory by MapLibre's geojson-vt and
// written as Mapbox Vector Tiles by vt-pbf. https://github.com/mapbox/vector-tile-spec
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Situation } from '$lib/domain/schemas';
import type { LayerGroup } from '$lib/map/layerGroups';
import { tileFeatures } from './tileFeatures';

/** Zooms served: beyond 14 the map over-zooms the last tiles (the `maxzoom` of the style's sources). */
export const TILE_MAX_ZOOM = 14;
/** Tile coordinates: 4096 units a side, with 64 of buffer so lines and markers join across edges. */
const EXTENT = 4096;

/** A tile request that names no tile of the pyramid. */
export class TileRangeError extends Error {}

// One index per layer group, built on the first request for it, per situation snapshot: the store hands out
// one snapshot object per visibility level until the data changes, so this caches per level and data version
// and lets go of old versions with their snapshot.
const indexes = new WeakMap<Situation, Map<LayerGroup, GeoJSONVT>>();

function indexOf(situation: Situation, group: LayerGroup): GeoJSONVT {
  let byGroup = indexes.get(situation);
  if (!byGroup) indexes.set(situation, (byGroup = new Map()));
  let index = byGroup.get(group);
  if (!index) {
    // Only this group's features are converted; `tileFeatures` is cheap next to the index itself.
    index = new GeoJSONVT(tileFeatures(situation)[group], {
      maxZoom: TILE_MAX_ZOOM,
      indexMaxZoom: 5,
      extent: EXTENT,
      buffer: 64,
      // Fewer vertices at low zooms; 3 is geojson-vt's default, 1 px of a 256 px tile at 4096 units.
      tolerance: 3,
    });
    byGroup.set(group, index);
  }
  return index;
}

/**
 * Throws `TileRangeError` naming the problem when `z/x/y` is not a tile of the pyramid. Cheap: the tile route
 * checks it before answering a revalidation, so a tile that does not exist is a 404, never a 304.
 */
export function checkTile(z: number, x: number, y: number): void {
  if (!Number.isInteger(z) || z < 0 || z > TILE_MAX_ZOOM)
    throw new TileRangeError(`zoom ${z}: tiles go from 0 to ${TILE_MAX_ZOOM}`);
  const n = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n)
    throw new TileRangeError(`tile ${z}/${x}/${y}: x and y go from 0 to ${n - 1} at zoom ${z}`);
}

/**
 * The tile `z/x/y` of one layer group (one MVT layer named after the group), or an empty tile where the
 * group has nothing. Coordinates outside the pyramid throw `TileRangeError`.
 */
export function vectorTile(
  situation: Situation,
  group: LayerGroup,
  z: number,
  x: number,
  y: number,
): Uint8Array {
  checkTile(z, x, y);
  const tile = indexOf(situation, group).getTile(z, x, y);
  if (!tile) return new Uint8Array(0);
  return fromGeojsonVt({ [group]: tile }, { version: 2, extent: EXTENT });
}

// Vector tiles of the situation a viewer may see, cut in the server's memory by MapLibre's geojson-vt and
// written as Mapbox Vector Tiles by vt-pbf. https://github.com/mapbox/vector-tile-spec
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Situation } from '$lib/domain/schemas';
import type { LayerGroup } from '$lib/map/layerGroups';
import { tileFeatures } from './tileFeatures';
import { tileMinZoom, tileZoomSteps } from '$lib/map/tileZooms';

/** Zooms served: beyond 14 the map over-zooms the last tiles (the `maxzoom` of the style's sources). */
export const TILE_MAX_ZOOM = 14;
/** Tile coordinates: 4096 units a side, with 64 of buffer so lines and markers join across edges. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

/** A tile request that names no tile of the pyramid. */
export class TileRangeError extends Error {}

// One index per layer group and zoom step (`tileZoomSteps`: a group whose features enter the tiles from
// different zooms has one index per such zoom, holding what its tiles show from there), built on the first
// request for it, per situation snapshot: the store hands out one snapshot object per visibility level until
// a write changes what the level sees, so this caches per level and content and lets go of old contents with
// their snapshot.
const indexes = new WeakMap<Situation, Map<string, GeoJSONVT>>();

function indexOf(situation: Situation, group: LayerGroup, z: number): GeoJSONVT {
  let byGroup = indexes.get(situation);
  if (!byGroup) indexes.set(situation, (byGroup = new Map()));
  const step = tileZoomSteps(group).findLast((from) => from <= z) ?? 0;
  const key = `${group}/${step}`;
  let index = byGroup.get(key);
  if (!index) {
    // Only this group's features are converted; `tileFeatures` is cheap next to the index itself.
    const all = tileFeatures(situation)[group];
    const features = all.features.filter((f) => tileMinZoom(group, f.properties) <= step);
    index = new GeoJSONVT(
      { ...all, features },
      {
        maxZoom: TILE_MAX_ZOOM,
        indexMaxZoom: 5,
        extent: TILE_EXTENT,
        buffer: TILE_BUFFER,
        // Fewer vertices at low zooms; 3 is geojson-vt's default, 1 px of a 256 px tile at 4096 units.
        tolerance: 3,
      },
    );
    byGroup.set(key, index);
  }
  return index;
}

/** Throws `TileRangeError` for coordinates that name no tile of the pyramid (zooms 0 to `TILE_MAX_ZOOM`). */
export function checkTileRange(z: number, x: number, y: number): void {
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
  checkTileRange(z, x, y);
  const tile = indexOf(situation, group, z).getTile(z, x, y);
  if (!tile) return new Uint8Array(0);
  return fromGeojsonVt({ [group]: tile }, { version: 2, extent: TILE_EXTENT });
}

import type { MultiPolygon, Polygon } from 'geojson';
import { createPolygonIndex, type PolygonIndex } from '../geo/createPolygonIndex';
import { polygonsOf } from '../geo/polygonsOf';

const cache = new WeakMap<object, PolygonIndex>();

/** The ring-edge index of an area or constraint geometry, made once per geometry object. */
export function polygonIndexOf(g: Polygon | MultiPolygon): PolygonIndex {
  let index = cache.get(g);
  if (!index) {
    index = createPolygonIndex(polygonsOf(g));
    cache.set(g, index);
  }
  return index;
}

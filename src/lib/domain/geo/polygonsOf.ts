import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The polygons of a Polygon or MultiPolygon, each as its rings (exterior first, then holes).
 *
 * @example
 * polygonsOf({ type: 'Polygon', coordinates: [ring] }) // [[ring]]
 */
export function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

import type { LineString, MultiLineString, Position } from 'geojson';

/**
 * The lines of a LineString or MultiLineString, as position lists.
 *
 * @example
 * linesOf({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }) // [[[0, 0], [1, 1]]]
 */
export function linesOf(g: LineString | MultiLineString): Position[][] {
  return g.type === 'LineString' ? [g.coordinates] : g.coordinates;
}

import type { Geometry, Position } from 'geojson';

/**
 * [west, south, east, north] of a geometry.
 *
 * @example bboxOf({ type: 'LineString', coordinates: [[22, 13], [25, 12]] }) // [22, 12, 25, 13]
 */
export function bboxOf(geometry: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (p: Position) => {
    box[0] = Math.min(box[0], p[0]);
    box[1] = Math.min(box[1], p[1]);
    box[2] = Math.max(box[2], p[0]);
    box[3] = Math.max(box[3], p[1]);
  };
  const walk = (g: Geometry): void => {
    switch (g.type) {
      case 'Point':
        return visit(g.coordinates);
      case 'MultiPoint':
      case 'LineString':
        return g.coordinates.forEach(visit);
      case 'MultiLineString':
      case 'Polygon':
        return g.coordinates.forEach((l) => l.forEach(visit));
      case 'MultiPolygon':
        return g.coordinates.forEach((p) => p.forEach((l) => l.forEach(visit)));
      case 'GeometryCollection':
        return g.geometries.forEach(walk);
    }
  };
  walk(geometry);
  return box;
}

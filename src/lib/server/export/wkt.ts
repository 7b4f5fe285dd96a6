import type { Geometry, Position } from 'geojson';

const pos = (p: Position) => p.map((n) => String(n)).join(' ');
const ring = (r: Position[]) => `(${r.map(pos).join(', ')})`;
const polygon = (rings: Position[][]) => `(${rings.map(ring).join(', ')})`;

/**
 * A GeoJSON geometry as Well-Known Text (OGC Simple Features), longitude first as in GeoJSON.
 *
 * @example
 * toWkt({ type: 'LineString', coordinates: [[22.4, 13.5], [23, 13]] }) // 'LINESTRING (22.4 13.5, 23 13)'
 */
export function toWkt(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `POINT (${pos(g.coordinates)})`;
    case 'MultiPoint':
      return g.coordinates.length
        ? `MULTIPOINT (${g.coordinates.map((p) => `(${pos(p)})`).join(', ')})`
        : 'MULTIPOINT EMPTY';
    case 'LineString':
      return g.coordinates.length ? `LINESTRING ${ring(g.coordinates)}` : 'LINESTRING EMPTY';
    case 'MultiLineString':
      return g.coordinates.length
        ? `MULTILINESTRING (${g.coordinates.map(ring).join(', ')})`
        : 'MULTILINESTRING EMPTY';
    case 'Polygon':
      return g.coordinates.length ? `POLYGON ${polygon(g.coordinates)}` : 'POLYGON EMPTY';
    case 'MultiPolygon':
      return g.coordinates.length
        ? `MULTIPOLYGON (${g.coordinates.map(polygon).join(', ')})`
        : 'MULTIPOLYGON EMPTY';
    case 'GeometryCollection':
      return g.geometries.length
        ? `GEOMETRYCOLLECTION (${g.geometries.map(toWkt).join(', ')})`
        : 'GEOMETRYCOLLECTION EMPTY';
  }
}

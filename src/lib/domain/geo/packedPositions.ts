import type { Geometry, Position } from 'geojson';

/**
 * Gives each position of a geometry checked by zod a fresh two- or three-number array, in place (the geometry
 * is zod's own copy of the input). zod makes every array it returns at one place in its code; once that place
 * has made arrays of objects, V8 starts all the arrays it makes there as arrays of any value, so each
 * coordinate became a heap object of its own: some 2.4 million of them for the roads and corridors of a
 * Sudan-scale network, all kept for the situation's life and walked by every collection. An array literal of
 * numbers holds them unboxed, as `JSON.parse` gives them when the server reads geometries from the database.
 */
export function packPositions(geometry: Geometry): void {
  switch (geometry.type) {
    case 'Point':
      geometry.coordinates = packed(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      packAll(geometry.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) packAll(line);
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) packAll(ring);
      break;
    case 'GeometryCollection':
      for (const g of geometry.geometries) packPositions(g);
      break;
  }
}

function packAll(positions: Position[]): void {
  for (let i = 0; i < positions.length; i++) positions[i] = packed(positions[i]);
}

function packed(p: Position): Position {
  return p.length === 2 ? [p[0], p[1]] : p.length === 3 ? [p[0], p[1], p[2]] : p;
}

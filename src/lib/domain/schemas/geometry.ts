import { z } from 'zod';

// zod checks the shape of GeoJSON geometries (RFC 7946); ranges, closed rings, vertex counts and
// self-intersections are checked afterwards by `geo/geometryProblems.ts`, which zod cannot express well.
const position = z.array(z.number()).min(2, 'a position needs longitude and latitude').max(3);

export const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });
export const lineStringGeometry = z.object({ type: z.literal('LineString'), coordinates: z.array(position) });
export const multiLineStringGeometry = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(position)),
});
export const polygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(position)),
});
export const multiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(position))),
});

export const anyGeometry = z.discriminatedUnion('type', [
  pointGeometry,
  lineStringGeometry,
  multiLineStringGeometry,
  polygonGeometry,
  multiPolygonGeometry,
]);

/** A GeoJSON Feature whose geometry and properties follow the given schemas. */
export function featureOf<G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) {
  return z.object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    geometry,
    properties,
  });
}

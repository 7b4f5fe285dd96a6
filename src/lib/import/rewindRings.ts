import { rewind } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the signed area of a ring (shoelace): positive when it runs counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}

/** True when an exterior ring runs clockwise, the old GIS convention RFC 7946's right-hand rule reverses. */
function hasClockwiseExterior(g: Polygon | MultiPolygon): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.some((rings) => rings[0] !== undefined && rings[0].length >= 4 && signedArea(rings[0]) < 0);
}

/**
 * A polygon with its rings wound by RFC 7946's right-hand rule (exterior counter-clockwise, holes
 * clockwise), and whether it had to change. The input is not mutated.
 *
 * @example rewoundPolygon({ type: 'Polygon', coordinates: [[[0,0],[0,1],[1,1],[1,0],[0,0]]] }).rewound // true
 */
export function rewoundPolygon<G extends Polygon | MultiPolygon>(g: G): { geometry: G; rewound: boolean } {
  if (!hasClockwiseExterior(g)) return { geometry: g, rewound: false };
  return { geometry: rewind(g, { mutate: false }) as G, rewound: true };
}

import type { Position } from 'geojson';

/**
 * True when `p` lies inside any of `polygons` (each a list of rings: exterior first, then holes), by the
 * even-odd rule, so a point in a hole is outside. Points exactly on a ring may go either way.
 *
 * @example
 * const square = [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]];
 * pointInPolygons([0.5, 0.5], [square]) // true
 * pointInPolygons([2, 2], [square]) // false: in the hole
 */
export function pointInPolygons(p: Position, polygons: readonly (readonly Position[][])[]): boolean {
  const [x, y] = p;
  for (const rings of polygons) {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const yi = ring[i][1];
        const yj = ring[j][1];
        if (yi > y !== yj > y) {
          const xi = ring[i][0];
          const xj = ring[j][0];
          if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
    }
    if (inside) return true;
  }
  return false;
}

import type { Position } from 'geojson';
import { pointInPolygons } from './pointInPolygons';
import { segmentIntersection } from './segmentIntersection';

/**
 * The parts of segment AB inside `polygons` (rings: exterior first, then holes; several polygons for a
 * MultiPolygon), as sorted, disjoint parameter intervals `[t0, t1]` along AB. Holes are outside. A segment
 * that only touches a ring at a point gives no interval.
 *
 * @example
 * const square = [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]];
 * segmentInsideIntervals([-1, 2], [5, 2], [square]) // ≈ [[1/6, 2/6], [4/6, 5/6]]
 */
export function segmentInsideIntervals(
  a: Position,
  b: Position,
  polygons: readonly (readonly Position[][])[],
): [number, number][] {
  const minX = Math.min(a[0], b[0]);
  const maxX = Math.max(a[0], b[0]);
  const minY = Math.min(a[1], b[1]);
  const maxY = Math.max(a[1], b[1]);
  const cuts = [0, 1];
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) {
        const c = ring[i - 1];
        const d = ring[i];
        if (Math.max(c[0], d[0]) < minX || Math.min(c[0], d[0]) > maxX) continue;
        if (Math.max(c[1], d[1]) < minY || Math.min(c[1], d[1]) > maxY) continue;
        const hit = segmentIntersection(a, b, c, d);
        if (hit) cuts.push(hit.t);
      }
  cuts.sort((x, y) => x - y);
  const out: [number, number][] = [];
  for (let i = 1; i < cuts.length; i++) {
    const t0 = cuts[i - 1];
    const t1 = cuts[i];
    if (t1 - t0 < 1e-12) continue;
    const tm = (t0 + t1) / 2;
    if (!pointInPolygons([a[0] + tm * (b[0] - a[0]), a[1] + tm * (b[1] - a[1])], polygons)) continue;
    const last = out[out.length - 1];
    if (last && t0 - last[1] < 1e-12) last[1] = t1;
    else out.push([t0, t1]);
  }
  return out;
}

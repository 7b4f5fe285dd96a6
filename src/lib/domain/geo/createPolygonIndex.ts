import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { segmentIntersection } from './segmentIntersection';

/** Point and segment tests against (Multi)Polygon rings, with the ring edges indexed. */
export interface PolygonIndex {
  /** Even-odd: inside an exterior ring and not in a hole. */
  contains(p: Position): boolean;
  /** The parts of segment AB inside, as sorted parameter intervals (as `segmentInsideIntervals`). */
  insideIntervals(a: Position, b: Position): [number, number][];
}

/**
 * Indexes the ring edges of `polygons` (each a list of rings: exterior, then holes) so that a point test
 * casts its ray only against the edges it can meet, and a segment test only meets the edges near it: for
 * areas of hundreds of vertices tested against thousands of road segments. Same answers as
 * `pointInPolygons` and `segmentInsideIntervals`.
 *
 * @example
 * const idx = createPolygonIndex([[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]]);
 * idx.contains([1, 1]) // true
 * idx.insideIntervals([-1, 2], [5, 2]) // ≈ [[1/6, 5/6]]
 */
export function createPolygonIndex(polygons: readonly (readonly Position[][])[]): PolygonIndex {
  const ax: number[] = [];
  const ay: number[] = [];
  const bx: number[] = [];
  const by: number[] = [];
  const poly: number[] = [];
  polygons.forEach((rings, pi) => {
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) {
        ax.push(ring[i - 1][0]);
        ay.push(ring[i - 1][1]);
        bx.push(ring[i][0]);
        by.push(ring[i][1]);
        poly.push(pi);
      }
  });
  const n = ax.length;
  const fb = n > 0 ? new Flatbush(n) : undefined;
  if (fb) {
    for (let i = 0; i < n; i++)
      fb.add(Math.min(ax[i], bx[i]), Math.min(ay[i], by[i]), Math.max(ax[i], bx[i]), Math.max(ay[i], by[i]));
    fb.finish();
  }
  const maxX = fb ? fb.maxX : 0;
  const contains = (p: Position): boolean => {
    if (!fb) return false;
    const [x, y] = p;
    // Ray to the east: count, per polygon, the ring edges it crosses (even-odd).
    const odd = new Set<number>();
    for (const i of fb.search(x, y, maxX, y)) {
      if (ay[i] > y !== by[i] > y && x < ((bx[i] - ax[i]) * (y - ay[i])) / (by[i] - ay[i]) + ax[i]) {
        if (odd.has(poly[i])) odd.delete(poly[i]);
        else odd.add(poly[i]);
      }
    }
    return odd.size > 0;
  };
  const insideIntervals = (a: Position, b: Position): [number, number][] => {
    const cuts = [0, 1];
    if (fb)
      for (const i of fb.search(
        Math.min(a[0], b[0]),
        Math.min(a[1], b[1]),
        Math.max(a[0], b[0]),
        Math.max(a[1], b[1]),
      )) {
        const hit = segmentIntersection(a, b, [ax[i], ay[i]], [bx[i], by[i]]);
        if (hit) cuts.push(hit.t);
      }
    cuts.sort((x, y) => x - y);
    const out: [number, number][] = [];
    for (let i = 1; i < cuts.length; i++) {
      const t0 = cuts[i - 1];
      const t1 = cuts[i];
      if (t1 - t0 < 1e-12) continue;
      const tm = (t0 + t1) / 2;
      if (!contains([a[0] + tm * (b[0] - a[0]), a[1] + tm * (b[1] - a[1])])) continue;
      const last = out[out.length - 1];
      if (last && t0 - last[1] < 1e-12) last[1] = t1;
      else out.push([t0, t1]);
    }
    return out;
  };
  return { contains, insideIntervals };
}

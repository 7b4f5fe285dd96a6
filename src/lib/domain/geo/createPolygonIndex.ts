import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { insertionSortNumbers } from './insertionSortNumbers';
import { segmentIntersection } from './segmentIntersection';

/** Point and segment tests against (Multi)Polygon rings, with the ring edges indexed. */
export interface PolygonIndex {
  /** Even-odd: inside an exterior ring and not in a hole. */
  contains(p: Position): boolean;
  /** The parts of segment AB inside, as sorted parameter intervals (as `segmentInsideIntervals`). */
  insideIntervals(a: Position, b: Position): [number, number][];
  /** Whether a part of segment AB is inside: `insideIntervals(a, b).length > 0`, without making the intervals. */
  meetsInside(a: Position, b: Position): boolean;
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
  // Each ring edge's two ends as the rings' own positions, so that a segment test passes them as they are
  // rather than making two arrays per edge it meets.
  const starts: Position[] = [];
  const ends: Position[] = [];
  polygons.forEach((rings, pi) => {
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) {
        starts.push(ring[i - 1]);
        ends.push(ring[i]);
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
  // Parity of the ray's crossings per polygon, and the polygons whose parity was touched: reused by every
  // point test (called for each piece of every segment tested), so that none allocates a set.
  const parity = new Uint8Array(polygons.length);
  const touched: number[] = [];
  // The ray's crossings are counted in the index search's filter, which then rejects every item, so that
  // no list of results is made (a ray meets many ring edges, and a point is tested for each piece of every
  // road segment near an area). The point is kept in a typed array: doubles written to variables a closure
  // reads would each be a new heap number.
  const point = new Float64Array(2);
  let oddCount = 0;
  const crossesRay = (i: number): boolean => {
    const x = point[0];
    const y = point[1];
    // Ray to the east: count, per polygon, the ring edges it crosses (even-odd).
    if (ay[i] > y !== by[i] > y && x < ((bx[i] - ax[i]) * (y - ay[i])) / (by[i] - ay[i]) + ax[i]) {
      const pi = poly[i];
      if (parity[pi] === 0) touched.push(pi);
      parity[pi] ^= 1;
      oddCount += parity[pi] === 1 ? 1 : -1;
    }
    return false;
  };
  const containsXY = (x: number, y: number): boolean => {
    if (!fb) return false;
    point[0] = x;
    point[1] = y;
    oddCount = 0;
    fb.search(x, y, maxX, y, crossesRay);
    for (const pi of touched) parity[pi] = 0;
    touched.length = 0;
    return oddCount > 0;
  };
  const contains = (p: Position): boolean => containsXY(p[0], p[1]);
  // The cuts of a segment, gathered in the index search's filter (which rejects every item, so that no list
  // of results is made) into one array reused by every call: the edges of every area are found by testing
  // each road segment in its box, hundreds of thousands per area.
  const cuts: number[] = [];
  let segA: Position = [0, 0];
  let segB: Position = [0, 0];
  const addCut = (i: number): boolean => {
    const hit = segmentIntersection(segA, segB, starts[i], ends[i]);
    if (hit) cuts.push(hit.t);
    return false;
  };
  /** Fills `cuts` with 0, 1 and the parameters where AB crosses a ring edge, ascending. */
  const cutSegment = (a: Position, b: Position): void => {
    cuts.length = 0;
    cuts.push(0, 1);
    if (fb) {
      segA = a;
      segB = b;
      fb.search(
        Math.min(a[0], b[0]),
        Math.min(a[1], b[1]),
        Math.max(a[0], b[0]),
        Math.max(a[1], b[1]),
        addCut,
      );
    }
    // Ascending, equal values kept in order (as the stable library sort gives them).
    insertionSortNumbers(cuts, 2, cuts.length);
  };
  /** Whether the piece [t0, t1] of AB between two consecutive cuts is a piece (not empty) and inside. */
  const pieceInside = (a: Position, b: Position, t0: number, t1: number): boolean => {
    if (t1 - t0 < 1e-12) return false;
    const tm = (t0 + t1) / 2;
    return containsXY(a[0] + tm * (b[0] - a[0]), a[1] + tm * (b[1] - a[1]));
  };
  const insideIntervals = (a: Position, b: Position): [number, number][] => {
    cutSegment(a, b);
    const out: [number, number][] = [];
    for (let i = 1; i < cuts.length; i++) {
      const t0 = cuts[i - 1];
      const t1 = cuts[i];
      if (!pieceInside(a, b, t0, t1)) continue;
      const last = out[out.length - 1];
      if (last && t0 - last[1] < 1e-12) last[1] = t1;
      else out.push([t0, t1]);
    }
    return out;
  };
  // The pieces of insideIntervals in the same order, the first inside ending the test.
  const meetsInside = (a: Position, b: Position): boolean => {
    cutSegment(a, b);
    for (let i = 1; i < cuts.length; i++) if (pieceInside(a, b, cuts[i - 1], cuts[i])) return true;
    return false;
  };
  return { contains, insideIntervals, meetsInside };
}

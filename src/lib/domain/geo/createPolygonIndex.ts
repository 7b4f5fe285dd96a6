import type { Position } from 'geojson';
import { insertionSortNumbers } from './insertionSortNumbers';
import { segmentIntersection } from './segmentIntersection';

/**
 * Point and segment tests against (Multi)Polygon rings (each polygon a list of rings: exterior, then holes),
 * with the ring edges kept in horizontal bands: a point's ray to the east reads the edges of the band holding
 * its latitude, a segment's box the edges of the few bands it spans. For areas of hundreds of vertices tested
 * against hundreds of thousands of road segments (the roads inside hazard areas, the corridors' stretches
 * inside them) and for the sites inside areas.
 *
 * The answers are those of `pointInPolygons` and `segmentInsideIntervals` (with each edge taken from its
 * first end to its second): a point counts the edges its ray crosses among those whose box meets the ray
 * (touching included), a segment cuts itself at the edges whose box meets its own, so an edge that cannot be
 * met is never read; only the order in which the edges are read differs, and neither the parity of a ray's
 * crossings nor the sorted cuts depend on it.
 *
 * @example
 * const idx = createPolygonIndex([[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]]);
 * idx.contains([1, 1]) // true
 * idx.insideIntervals([-1, 2], [5, 2]) // ≈ [[1/6, 5/6]]
 */
export class PolygonIndex {
  /** Ring edge i runs from `starts[i]` to `ends[i]` (the rings' own positions, passed as they are). */
  private readonly starts: Position[] = [];
  private readonly ends: Position[] = [];
  private readonly y0: number;
  private readonly height: number;
  private readonly bands: number;
  /**
   * The edges whose latitudes meet band k are at `start[k] .. start[k + 1])` of the band lists, in edge order:
   * `edge` (the edge's number), `poly` (its polygon) and `xy` (its two ends, 4 numbers), copied in band order
   * so that a ray reads one run of memory rather than an edge's place and then the edge.
   */
  private readonly start: Int32Array;
  private readonly edge: Int32Array;
  private readonly poly: Int32Array;
  private readonly xy: Float64Array;
  /**
   * Parity of a ray's crossings per polygon, and the polygons touched (reused by every test). Typed arrays
   * with a count rather than lists emptied by `length = 0`, which let go of their storage: each test then
   * allocated it again.
   */
  private readonly parity: Uint8Array;
  private readonly touched: Int32Array;

  constructor(polygons: readonly (readonly Position[][])[]) {
    const edgePoly: number[] = [];
    polygons.forEach((rings, pi) => {
      for (const ring of rings)
        for (let i = 1; i < ring.length; i++) {
          this.starts.push(ring[i - 1]);
          this.ends.push(ring[i]);
          edgePoly.push(pi);
        }
    });
    const n = edgePoly.length;
    this.parity = new Uint8Array(polygons.length);
    // A polygon is listed again each time its parity comes back to 1: at most once per edge.
    this.touched = new Int32Array(n);
    let y0 = Infinity;
    let y1 = -Infinity;
    let spans = 0;
    for (let i = 0; i < n; i++) {
      const ay = this.starts[i][1];
      const by = this.ends[i][1];
      const lo = ay < by ? ay : by;
      const hi = ay < by ? by : ay;
      if (lo < y0) y0 = lo;
      if (hi > y1) y1 = hi;
      spans += hi - lo;
    }
    this.y0 = n > 0 ? y0 : 0;
    // Bands about as high as an edge is on average (an edge then lies in one or two), at most 4n of them.
    const extent = n > 0 ? y1 - y0 : 0;
    const mean = n > 0 ? spans / n : 0;
    this.bands = Math.max(1, Math.min(4 * n, mean > 0 ? Math.ceil(extent / mean) : 1));
    this.height = extent > 0 ? extent / this.bands : 1;
    // Two passes: count the edges of each band, then place them.
    const count = new Int32Array(this.bands + 1);
    for (let i = 0; i < n; i++) {
      const ay = this.starts[i][1];
      const by = this.ends[i][1];
      for (let k = this.band(ay < by ? ay : by), k1 = this.band(ay < by ? by : ay); k <= k1; k++)
        count[k + 1]++;
    }
    for (let k = 0; k < this.bands; k++) count[k + 1] += count[k];
    this.start = count.slice();
    const total = count[this.bands];
    this.edge = new Int32Array(total);
    this.poly = new Int32Array(total);
    this.xy = new Float64Array(4 * total);
    for (let i = 0; i < n; i++) {
      const a = this.starts[i];
      const b = this.ends[i];
      const ay = a[1];
      const by = b[1];
      for (let k = this.band(ay < by ? ay : by), k1 = this.band(ay < by ? by : ay); k <= k1; k++) {
        const j = count[k]++;
        this.edge[j] = i;
        this.poly[j] = edgePoly[i];
        this.xy[4 * j] = a[0];
        this.xy[4 * j + 1] = ay;
        this.xy[4 * j + 2] = b[0];
        this.xy[4 * j + 3] = by;
      }
    }
  }

  /** The band holding latitude `y` (clamped to the bands). */
  private band(y: number): number {
    const k = Math.floor((y - this.y0) / this.height);
    return k < 0 ? 0 : k >= this.bands ? this.bands - 1 : k;
  }

  /** Even-odd: inside an exterior ring and not in a hole (of any of the polygons). */
  contains(p: Position): boolean {
    return this.containsXY(p[0], p[1]);
  }

  /** `contains([x, y])` without the array. */
  containsXY(x: number, y: number): boolean {
    if (this.edge.length === 0) return false;
    const k = this.band(y);
    const { xy, parity, touched, poly } = this;
    let odd = 0;
    let count = 0;
    for (let j = this.start[k], end = this.start[k + 1]; j < end; j++) {
      const ay = xy[4 * j + 1];
      const by = xy[4 * j + 3];
      // The ray to the east crosses the edge (even-odd). An edge whose latitudes straddle y meets the ray's
      // line; one wholly west of the point (east end before x) is not read, as an index search around the
      // ray would not give it.
      if (ay > y === by > y) continue;
      const ax = xy[4 * j];
      const bx = xy[4 * j + 2];
      if (ax < x && bx < x) continue;
      if (x < ((bx - ax) * (y - ay)) / (by - ay) + ax) {
        const pi = poly[j];
        if (parity[pi] === 0) touched[count++] = pi;
        parity[pi] ^= 1;
        odd += parity[pi] === 1 ? 1 : -1;
      }
    }
    for (let t = 0; t < count; t++) parity[touched[t]] = 0;
    return odd > 0;
  }

  /**
   * Fills the shared `CUTS` with 0, 1 and the parameters where AB meets a ring edge, ascending; returns their
   * count. The edges read are those whose box meets AB's (touching included).
   */
  private cut(a: Position, b: Position): number {
    let cuts = CUTS;
    cuts[0] = 0;
    cuts[1] = 1;
    let n = 2;
    if (this.edge.length > 0) {
      const w = Math.min(a[0], b[0]);
      const s = Math.min(a[1], b[1]);
      const e = Math.max(a[0], b[0]);
      const north = Math.max(a[1], b[1]);
      const { xy, starts, ends, edge } = this;
      const k0 = this.band(s);
      const k1 = this.band(north);
      for (let k = k0; k <= k1; k++)
        for (let j = this.start[k], end = this.start[k + 1]; j < end; j++) {
          const ax = xy[4 * j];
          const bx = xy[4 * j + 2];
          if ((ax < bx ? ax : bx) > e || (ax < bx ? bx : ax) < w) continue;
          const ay = xy[4 * j + 1];
          const by = xy[4 * j + 3];
          const lo = ay < by ? ay : by;
          if (lo > north || (ay < by ? by : ay) < s) continue;
          // An edge in several of these bands is taken in the first.
          if (k !== k0 && this.band(lo) !== k) continue;
          const hit = segmentIntersection(a, b, starts[edge[j]], ends[edge[j]]);
          if (!hit) continue;
          if (n === cuts.length) {
            const grown = new Float64Array(2 * n);
            grown.set(cuts);
            CUTS = cuts = grown;
          }
          cuts[n++] = hit.t;
        }
    }
    // Ascending; equal values are the same number, so their order does not matter.
    insertionSortNumbers(cuts, 2, n);
    return n;
  }

  /**
   * Whether a ring edge's box meets the box [w, s, e, n] (touching included). When none does, no segment in
   * that box is cut by a ring, and the box lies wholly inside or wholly outside: every point and segment in it
   * gets the same answer.
   */
  edgeBoxMeets(w: number, s: number, e: number, n: number): boolean {
    if (this.edge.length === 0) return false;
    const { xy } = this;
    for (let k = this.band(s), k1 = this.band(n); k <= k1; k++)
      for (let j = this.start[k], end = this.start[k + 1]; j < end; j++) {
        const ax = xy[4 * j];
        const bx = xy[4 * j + 2];
        if ((ax < bx ? ax : bx) > e || (ax < bx ? bx : ax) < w) continue;
        const ay = xy[4 * j + 1];
        const by = xy[4 * j + 3];
        if ((ay < by ? ay : by) > n || (ay < by ? by : ay) < s) continue;
        return true;
      }
    return false;
  }

  /** Whether the piece [t0, t1] of AB between two consecutive cuts is a piece (not empty) and inside. */
  private pieceInside(a: Position, b: Position, t0: number, t1: number): boolean {
    if (t1 - t0 < 1e-12) return false;
    const tm = (t0 + t1) / 2;
    return this.containsXY(a[0] + tm * (b[0] - a[0]), a[1] + tm * (b[1] - a[1]));
  }

  /**
   * The parts of segment AB inside, as parameter intervals written into `out.t` from its start (two numbers
   * each, sorted and disjoint; a larger array is put there when needed); returns their count. A segment that
   * only touches a ring at a point gives none. For loops over many segments: no list per call.
   */
  insideIntervalsInto(a: Position, b: Position, out: { t: Float64Array }): number {
    const n = this.cut(a, b);
    const cuts = CUTS;
    // At most one interval per piece.
    if (out.t.length < 2 * n) out.t = new Float64Array(4 * n);
    const t = out.t;
    let count = 0;
    for (let i = 1; i < n; i++) {
      const t0 = cuts[i - 1];
      const t1 = cuts[i];
      if (!this.pieceInside(a, b, t0, t1)) continue;
      if (count > 0 && t0 - t[2 * count - 1] < 1e-12) t[2 * count - 1] = t1;
      else {
        t[2 * count] = t0;
        t[2 * count + 1] = t1;
        count++;
      }
    }
    return count;
  }

  /** The parts of segment AB inside, as sorted parameter intervals (as `segmentInsideIntervals`). */
  insideIntervals(a: Position, b: Position): [number, number][] {
    const count = this.insideIntervalsInto(a, b, INTERVALS);
    return Array.from({ length: count }, (_, k): [number, number] => [
      INTERVALS.t[2 * k],
      INTERVALS.t[2 * k + 1],
    ]);
  }

  /** Whether a part of segment AB is inside: `insideIntervals(a, b).length > 0`, the first piece inside ending it. */
  meetsInside(a: Position, b: Position): boolean {
    const n = this.cut(a, b);
    const cuts = CUTS;
    for (let i = 1; i < n; i++) if (this.pieceInside(a, b, cuts[i - 1], cuts[i])) return true;
    return false;
  }
}

/** The cuts of the segment being tested, shared by every index (one test at a time), grown as needed. */
let CUTS = new Float64Array(64);
/** The intervals `insideIntervals` copies into its list. */
const INTERVALS = { t: new Float64Array(16) };

/** The index of the rings of `polygons` (each a list of rings: exterior, then holes). */
export function createPolygonIndex(polygons: readonly (readonly Position[][])[]): PolygonIndex {
  return new PolygonIndex(polygons);
}

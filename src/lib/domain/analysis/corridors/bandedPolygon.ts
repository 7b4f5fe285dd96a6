import type { MultiPolygon, Polygon, Position } from 'geojson';
import { polygonsOf } from '../../geo/polygonsOf';
import { insertionSortNumbers } from '../../geo/insertionSortNumbers';
import { segmentIntersection } from '../../geo/segmentIntersection';

/**
 * The parts of segments inside a (Multi)Polygon, as `createPolygonIndex(...).insideIntervals` finds them (the
 * same numbers), with the ring edges kept in horizontal bands instead of a tree. A corridor's stored-feature
 * stretches test every segment of every corridor against each hazard area whose box it meets (most of them,
 * areas being large), and each piece of a segment casts a ray to the east: in the tree, that ray's search
 * visited every node along it. Here a ray, or a segment's box, reads the edges of the band (or few bands)
 * holding its latitudes.
 *
 * Each test is made on the edges the tree's search would give (those whose box meets the ray's or the
 * segment's box, touching included), with the same arithmetic, so the answers are the same; only the order
 * of the edges differs, and neither the parity of a ray's crossings nor the sorted cuts depend on it.
 */
export class BandedPolygon {
  /** Ring edge i runs from `starts[i]` to `ends[i]` (the rings' own positions) in polygon `poly[i]`. */
  private readonly starts: Position[] = [];
  private readonly ends: Position[] = [];
  private readonly poly: Int32Array;
  /** Each edge's box, 4 numbers. */
  private readonly box: Float64Array;
  private readonly y0: number;
  private readonly height: number;
  private readonly bands: number;
  /** The edges whose latitudes meet band k are `items[start[k] .. start[k + 1])`, in edge order. */
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  /**
   * Parity of a ray's crossings per polygon, and the polygons touched (reused by every test). Typed arrays
   * with a count rather than lists emptied by `length = 0`, which let go of their storage: each test then
   * allocated it again.
   */
  private readonly parity: Uint8Array;
  private readonly touched: Int32Array;

  constructor(polygons: readonly (readonly Position[][])[]) {
    const poly: number[] = [];
    polygons.forEach((rings, pi) => {
      for (const ring of rings)
        for (let i = 1; i < ring.length; i++) {
          this.starts.push(ring[i - 1]);
          this.ends.push(ring[i]);
          poly.push(pi);
        }
    });
    const n = poly.length;
    this.poly = Int32Array.from(poly);
    this.parity = new Uint8Array(polygons.length);
    this.box = new Float64Array(4 * n);
    // A polygon is listed again each time its parity comes back to 1: at most once per edge.
    this.touched = new Int32Array(n);
    let y0 = Infinity;
    let y1 = -Infinity;
    let spans = 0;
    for (let i = 0; i < n; i++) {
      const a = this.starts[i];
      const b = this.ends[i];
      const b0 = Math.min(a[0], b[0]);
      const b1 = Math.min(a[1], b[1]);
      const b2 = Math.max(a[0], b[0]);
      const b3 = Math.max(a[1], b[1]);
      this.box.set([b0, b1, b2, b3], 4 * i);
      y0 = Math.min(y0, b1);
      y1 = Math.max(y1, b3);
      spans += b3 - b1;
    }
    this.y0 = n > 0 ? y0 : 0;
    // Bands about as high as an edge is on average (an edge then lies in one or two), at most 4n of them.
    const extent = n > 0 ? y1 - y0 : 0;
    const mean = n > 0 ? spans / n : 0;
    this.bands = Math.max(1, Math.min(4 * n, mean > 0 ? Math.ceil(extent / mean) : 1));
    this.height = extent > 0 ? extent / this.bands : 1;
    // Two passes: count the edges of each band, then place them.
    const count = new Int32Array(this.bands + 1);
    for (let i = 0; i < n; i++)
      for (let k = this.band(this.box[4 * i + 1]); k <= this.band(this.box[4 * i + 3]); k++) count[k + 1]++;
    for (let k = 0; k < this.bands; k++) count[k + 1] += count[k];
    this.start = count.slice();
    this.items = new Int32Array(count[this.bands]);
    for (let i = 0; i < n; i++)
      for (let k = this.band(this.box[4 * i + 1]); k <= this.band(this.box[4 * i + 3]); k++)
        this.items[count[k]++] = i;
  }

  /** The band holding latitude `y` (clamped to the bands). */
  private band(y: number): number {
    const k = Math.floor((y - this.y0) / this.height);
    return k < 0 ? 0 : k >= this.bands ? this.bands - 1 : k;
  }

  /**
   * Even-odd: inside an exterior ring and not in a hole (`PolygonIndex.contains`). The ray to the east
   * crosses the edges of the point's band whose box meets it (as the tree's search around the ray finds them).
   */
  containsXY(x: number, y: number): boolean {
    if (this.items.length === 0) return false;
    const k = this.band(y);
    const { box, starts, ends, parity, touched, poly } = this;
    let odd = 0;
    let count = 0;
    for (let j = this.start[k], end = this.start[k + 1]; j < end; j++) {
      const i = this.items[j];
      // The tree's search box is [x, y, maxX, y]: every edge reaches west of maxX.
      if (box[4 * i + 2] < x || box[4 * i + 1] > y || box[4 * i + 3] < y) continue;
      const a = starts[i];
      const b = ends[i];
      const ax = a[0];
      const ay = a[1];
      const bx = b[0];
      const by = b[1];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) {
        const pi = poly[i];
        if (parity[pi] === 0) touched[count++] = pi;
        parity[pi] ^= 1;
        odd += parity[pi] === 1 ? 1 : -1;
      }
    }
    for (let t = 0; t < count; t++) parity[touched[t]] = 0;
    return odd > 0;
  }

  /**
   * The parts of segment AB inside, as parameter intervals written into `out.t` from its start (two numbers
   * each, sorted; a larger array is put there when needed); returns their count.
   * `PolygonIndex.insideIntervals` without a list per call.
   */
  insideIntervalsInto(a: Position, b: Position, out: { t: Float64Array }): number {
    let cuts = CUTS;
    cuts[0] = 0;
    cuts[1] = 1;
    let n = 2;
    if (this.items.length > 0) {
      const w = Math.min(a[0], b[0]);
      const s = Math.min(a[1], b[1]);
      const e = Math.max(a[0], b[0]);
      const north = Math.max(a[1], b[1]);
      const { box, starts, ends } = this;
      const k0 = this.band(s);
      const k1 = this.band(north);
      for (let k = k0; k <= k1; k++)
        for (let j = this.start[k], end = this.start[k + 1]; j < end; j++) {
          const i = this.items[j];
          if (box[4 * i] > e || box[4 * i + 2] < w || box[4 * i + 1] > north || box[4 * i + 3] < s) continue;
          // An edge in several of these bands is taken in the first.
          if (k !== k0 && this.band(box[4 * i + 1]) !== k) continue;
          const hit = segmentIntersection(a, b, starts[i], ends[i]);
          if (!hit) continue;
          if (n === cuts.length) {
            const grown = new Float64Array(2 * n);
            grown.set(cuts);
            CUTS = cuts = grown;
          }
          cuts[n++] = hit.t;
        }
    }
    // Ascending, as the tree's version sorts them (equal values are the same number).
    insertionSortNumbers(cuts, 2, n);
    // At most one interval per piece.
    if (out.t.length < 2 * n) out.t = new Float64Array(4 * n);
    const t = out.t;
    let count = 0;
    for (let i = 1; i < n; i++) {
      const t0 = cuts[i - 1];
      const t1 = cuts[i];
      // Whether the piece is one (not empty) and inside, tested at its middle.
      if (t1 - t0 < 1e-12) continue;
      const tm = (t0 + t1) / 2;
      if (!this.containsXY(a[0] + tm * (b[0] - a[0]), a[1] + tm * (b[1] - a[1]))) continue;
      if (count > 0 && t0 - t[2 * count - 1] < 1e-12) t[2 * count - 1] = t1;
      else {
        t[2 * count] = t0;
        t[2 * count + 1] = t1;
        count++;
      }
    }
    return count;
  }
}

/** The cuts of the segment being tested, shared by every test (one at a time), grown as needed. */
let CUTS = new Float64Array(64);

const banded = new WeakMap<object, BandedPolygon>();

/** The banded rings of an area or constraint geometry, made once per geometry object. */
export function bandedPolygonOf(g: Polygon | MultiPolygon): BandedPolygon {
  let found = banded.get(g);
  if (!found) banded.set(g, (found = new BandedPolygon(polygonsOf(g))));
  return found;
}

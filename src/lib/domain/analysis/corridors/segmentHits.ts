import type { BoxIndex } from '../../geo/createBoxIndex';
import { KM_PER_DEGREE } from '../../geo/constants';
import { BOX_MAX_LAT, expandBoxKmInto } from '../../geo/expandBboxKm';
import { IndexHits } from './indexHits';

// Which of the stored features found near a whole line (one search per kind and line) a segment of it comes
// near: the corridors' stored-feature stretches ask this for every segment of every corridor.

/** A segment's own search of the index when there are many features near its line. */
const SEGMENT_HITS = new IndexHits();

/** Above this many features of a kind near a line, its segments search the index rather than test them all. */
export const MAX_TESTED = 64;

/** What a segment finds of a kind with nothing near its line. */
export const NO_HITS: { items: Int32Array; count: number } = Object.freeze({
  items: new Int32Array(0),
  count: 0,
});

/** The features near the line (`near`, `count` of them) that the segment's query box meets. */
const SEGMENT_NEAR = { items: new Int32Array(MAX_TESTED), count: 0 };

/**
 * The features a search of `index` around `q` would find (touching counts), as `items[0 .. count)`: those of
 * the line's hits whose box meets `q` (-1 in place of the others), or with many hits a search of its own.
 */
export function hitsOfSegment(
  near: IndexHits,
  count: number,
  boxes: Float64Array,
  index: BoxIndex,
  q: ArrayLike<number>,
): { items: Int32Array; count: number } {
  if (count > MAX_TESTED) {
    SEGMENT_HITS.search(index, q[0], q[1], q[2], q[3]);
    return SEGMENT_HITS;
  }
  const west = q[0];
  const south = q[1];
  const east = q[2];
  const north = q[3];
  for (let h = 0; h < count; h++) {
    const n = near.items[h];
    SEGMENT_NEAR.items[h] = boxMeets(boxes, n, west, south, east, north) ? n : -1;
  }
  SEGMENT_NEAR.count = count;
  return SEGMENT_NEAR;
}

/**
 * `hitsOfSegment` around the segment's box `seg` grown by `km` (as `expandBoxKmInto` writes it to `q`), with
 * that box made only when a feature near the line meets the segment's box grown by `maxDLon` in longitude
 * (and exactly in latitude): `maxDLon`, at least what any segment of the line grows by, makes that box hold
 * the grown one, so a feature missing it misses the grown box too. Most segments meet no nearby feature, and
 * then cost no cosine.
 */
export function hitsWithinKm(
  near: IndexHits,
  count: number,
  boxes: Float64Array,
  index: BoxIndex,
  seg: Float64Array,
  km: number,
  maxDLon: number,
  q: Float64Array,
): { items: Int32Array; count: number } {
  if (count === 0) return NO_HITS;
  if (count > MAX_TESTED) {
    expandBoxKmInto(q, seg[0], seg[1], seg[2], seg[3], km);
    return hitsOfSegment(near, count, boxes, index, q);
  }
  // The same latitudes as `expandBoxKmInto`'s.
  const dLat = km / KM_PER_DEGREE;
  const west = seg[0] - maxDLon;
  const south = seg[1] - dLat;
  const east = seg[2] + maxDLon;
  const north = seg[3] + dLat;
  let grown = false;
  for (let h = 0; h < count; h++) {
    const n = near.items[h];
    let meets = boxMeets(boxes, n, west, south, east, north);
    if (meets) {
      if (!grown) {
        expandBoxKmInto(q, seg[0], seg[1], seg[2], seg[3], km);
        grown = true;
      }
      meets = boxMeets(boxes, n, q[0], q[1], q[2], q[3]);
    }
    SEGMENT_NEAR.items[h] = meets ? n : -1;
  }
  SEGMENT_NEAR.count = count;
  return SEGMENT_NEAR;
}

/** Whether box `n` of `boxes` (4 numbers each) meets the given box (touching counts, as in the index searches). */
function boxMeets(
  boxes: Float64Array,
  n: number,
  west: number,
  south: number,
  east: number,
  north: number,
): boolean {
  return (
    boxes[4 * n] <= east && boxes[4 * n + 1] <= north && boxes[4 * n + 2] >= west && boxes[4 * n + 3] >= south
  );
}

/**
 * At least the longitude by which `expandBoxKmInto` grows the box of any segment of a line whose box is
 * `lineBox`: it grows by `km` at the box's latitude farthest from the equator, never farther than the line's,
 * and the cosine falls with latitude up to the latitude it stops at (BOX_MAX_LAT). The margin covers the cosine's rounding.
 */
export function widestDLon(lineBox: readonly [number, number, number, number], km: number): number {
  const dLat = km / KM_PER_DEGREE;
  const lat = Math.min(BOX_MAX_LAT, Math.max(Math.abs(lineBox[1]), Math.abs(lineBox[3])) + dLat);
  return (km / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180))) * (1 + 1e-9);
}

/**
 * At most the longitude by which `expandBoxKmInto` grows the box of any segment of a line whose box is
 * `lineBox` (the counterpart of `widestDLon`): the segment's latitude farthest from the equator is at least
 * the line's nearest to it. The margin covers the cosine's rounding.
 */
export function narrowestDLon(lineBox: readonly [number, number, number, number], km: number): number {
  const dLat = km / KM_PER_DEGREE;
  const nearest =
    lineBox[1] <= 0 && lineBox[3] >= 0 ? 0 : Math.min(Math.abs(lineBox[1]), Math.abs(lineBox[3]));
  const lat = Math.min(BOX_MAX_LAT, nearest + dLat);
  return (km / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180))) * (1 - 1e-9);
}

/**
 * Of the line's features near it (`near[0 .. count)`, in their order), those whose box meets the box of
 * `coords[from .. to]` grown by `maxDLon` in longitude and exactly in latitude, written to `out`; returns
 * their count. What a segment of that run finds (`hitsAroundKm`) is among them, so it tests these few rather
 * than every feature near the line.
 */
export function nearRun(
  near: Int32Array,
  count: number,
  boxes: Float64Array,
  coords: readonly (readonly number[])[],
  from: number,
  to: number,
  km: number,
  maxDLon: number,
  out: Int32Array,
): number {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = from; i <= to; i++) {
    const x = coords[i][0];
    const y = coords[i][1];
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  const dLat = km / KM_PER_DEGREE;
  west -= maxDLon;
  east += maxDLon;
  south -= dLat;
  north += dLat;
  let found = 0;
  for (let h = 0; h < count; h++) {
    const n = near[h];
    if (boxMeets(boxes, n, west, south, east, north)) out[found++] = n;
  }
  return found;
}

/**
 * The same features as `hitsWithinKm` with at most `MAX_TESTED` near the line, given a list that holds them
 * (`near`, in the line's order: `nearRun`'s) and `minDLon` (`narrowestDLon`) besides `maxDLon`: a feature
 * meeting the segment's box grown by `minDLon` meets the grown one, so the segment's box is grown exactly
 * (a cosine) only for a feature between the two. The features kept are `items[0 .. count)`, none -1.
 */
export function hitsAroundKm(
  near: Int32Array,
  count: number,
  boxes: Float64Array,
  seg: Float64Array,
  km: number,
  minDLon: number,
  maxDLon: number,
  q: Float64Array,
): { items: Int32Array; count: number } {
  // The same latitudes as `expandBoxKmInto`'s.
  const dLat = km / KM_PER_DEGREE;
  const south = seg[1] - dLat;
  const north = seg[3] + dLat;
  let grown = false;
  let found = 0;
  for (let h = 0; h < count; h++) {
    const n = near[h];
    if (!boxMeets(boxes, n, seg[0] - maxDLon, south, seg[2] + maxDLon, north)) continue;
    if (!boxMeets(boxes, n, seg[0] - minDLon, south, seg[2] + minDLon, north)) {
      if (!grown) {
        expandBoxKmInto(q, seg[0], seg[1], seg[2], seg[3], km);
        grown = true;
      }
      if (!boxMeets(boxes, n, q[0], q[1], q[2], q[3])) continue;
    }
    SEGMENT_NEAR.items[found++] = n;
  }
  SEGMENT_NEAR.count = found;
  return SEGMENT_NEAR;
}

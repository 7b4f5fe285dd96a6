import type { Position } from 'geojson';
import { KM_PER_DEGREE } from './constants';
import { hypot2 } from './hypot2';

/**
 * The part of segment AB within `distanceKm` of segment PQ (PQ's buffer is a capsule, so the part is one
 * interval), as parameters `[t0, t1]` along AB, or null. Touching the buffer counts (`[t, t]`).
 *
 * @example
 * // a road crossing a front line at right angles, buffer 11.12 km (0.1°)
 * segmentBufferInterval([0, -1], [0, 1], [-1, 0], [1, 0], 11.1195) // ≈ [0.45, 0.55]
 */
export function segmentBufferInterval(
  a: Position,
  b: Position,
  p: Position,
  q: Position,
  distanceKm: number,
): [number, number] | null {
  return segmentBufferIntervalInto(a, b, p, q, distanceKm, PAIR) ? [PAIR[0], PAIR[1]] : null;
}

const PAIR = new Float64Array(2);

/**
 * `segmentBufferInterval` written into `out[0]`, `out[1]`; returns whether there is one. The corridors' loops
 * call it for every corridor segment near a front-line segment, and the pair made per call was a large part
 * of what a re-analysis after a front line moves allocated.
 */
export function segmentBufferIntervalInto(
  a: Position,
  b: Position,
  p: Position,
  q: Position,
  distanceKm: number,
  out: Float64Array,
): boolean {
  // Plane centred on p, longitudes scaled at the mean latitude of the four ends.
  const k = Math.cos((((a[1] + b[1] + p[1] + q[1]) / 4) * Math.PI) / 180) * KM_PER_DEGREE;
  const ax = (a[0] - p[0]) * k;
  const ay = (a[1] - p[1]) * KM_PER_DEGREE;
  const bx = (b[0] - p[0]) * k;
  const by = (b[1] - p[1]) * KM_PER_DEGREE;
  const qx = (q[0] - p[0]) * k;
  const qy = (q[1] - p[1]) * KM_PER_DEGREE;
  // Most pairs a caller tries are apart: when AB's box is farther than the distance from PQ's box (with a
  // margin of 1 cm, above rounding and the 1e-12 slack of a zero-length AB), no part of AB is in the capsule and the exact tests below would find nothing.
  const reach = distanceKm * (1 + 1e-9) + 1e-5;
  if (
    Math.min(ax, bx) > Math.max(0, qx) + reach ||
    Math.max(ax, bx) < Math.min(0, qx) - reach ||
    Math.min(ay, by) > Math.max(0, qy) + reach ||
    Math.max(ay, by) < Math.min(0, qy) - reach
  )
    return false;
  const dx = bx - ax;
  const dy = by - ay;
  // The hot loops of the corridors call this for every nearby pair, so no closure or array is made per call
  // (the arithmetic is unchanged): the circles and the clip write their interval to `lo`/`hi` directly.
  let lo = Infinity;
  let hi = -Infinity;
  if (circle(ax, ay, dx, dy, distanceKm)) {
    if (CIRCLE_T[0] < lo) lo = CIRCLE_T[0];
    if (CIRCLE_T[1] > hi) hi = CIRCLE_T[1];
  }
  if (circle(ax - qx, ay - qy, dx, dy, distanceKm)) {
    if (CIRCLE_T[0] < lo) lo = CIRCLE_T[0];
    if (CIRCLE_T[1] > hi) hi = CIRCLE_T[1];
  }
  const len = hypot2(qx, qy);
  if (len > 0) {
    const ex = qx / len;
    const ey = qy / len;
    // Along the axis: 0 <= u <= len; across it: -d <= v <= d (Liang–Barsky on the rectangle).
    let t0 = 0;
    let t1 = 1;
    for (let axis = 0; axis < 2; axis++) {
      const start = axis === 0 ? ax * ex + ay * ey : -ax * ey + ay * ex;
      const slope = axis === 0 ? dx * ex + dy * ey : -dx * ey + dy * ex;
      const min = axis === 0 ? 0 : -distanceKm;
      const max = axis === 0 ? len : distanceKm;
      if (slope === 0) {
        if (start < min || start > max) t0 = 2;
        continue;
      }
      let ta = (min - start) / slope;
      let tb = (max - start) / slope;
      if (ta > tb) {
        const swap = ta;
        ta = tb;
        tb = swap;
      }
      if (ta > t0) t0 = ta;
      if (tb < t1) t1 = tb;
    }
    if (t0 <= t1) {
      if (t0 < lo) lo = t0;
      if (t1 > hi) hi = t1;
    }
  }
  if (!(lo <= hi)) return false;
  out[0] = lo;
  out[1] = hi;
  return true;
}

/**
 * The interval found by the last `circle` that returned true. A typed pair rather than two variables of the
 * module: each number written to those was a new heap number.
 */
const CIRCLE_T = new Float64Array(2);

function circle(ax: number, ay: number, dx: number, dy: number, r: number): boolean {
  const dd = dx * dx + dy * dy;
  const c = ax * ax + ay * ay - r * r;
  if (dd === 0) {
    if (c > 1e-12) return false;
    CIRCLE_T[0] = 0;
    CIRCLE_T[1] = 1;
    return true;
  }
  const half = ax * dx + ay * dy;
  const disc = half * half - dd * c;
  if (disc < 0) return false;
  const s = Math.sqrt(disc);
  const t0 = Math.max(0, (-half - s) / dd);
  const t1 = Math.min(1, (-half + s) / dd);
  if (t0 > t1) return false;
  CIRCLE_T[0] = t0;
  CIRCLE_T[1] = t1;
  return true;
}

import type { Position } from 'geojson';
import { KM_PER_DEGREE } from './constants';

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
  // Plane centred on p, longitudes scaled at the mean latitude of the four ends.
  const k = Math.cos((((a[1] + b[1] + p[1] + q[1]) / 4) * Math.PI) / 180) * KM_PER_DEGREE;
  const local = (r: Position) => [(r[0] - p[0]) * k, (r[1] - p[1]) * KM_PER_DEGREE];
  const [ax, ay] = local(a);
  const [bx, by] = local(b);
  const [qx, qy] = local(q);
  const dx = bx - ax;
  const dy = by - ay;
  let lo = Infinity;
  let hi = -Infinity;
  const take = (iv: [number, number] | null) => {
    if (!iv) return;
    if (iv[0] < lo) lo = iv[0];
    if (iv[1] > hi) hi = iv[1];
  };
  take(circle(ax, ay, dx, dy, distanceKm));
  take(circle(ax - qx, ay - qy, dx, dy, distanceKm));
  const len = Math.hypot(qx, qy);
  if (len > 0) {
    const ex = qx / len;
    const ey = qy / len;
    // Along the axis: 0 <= u <= len; across it: -d <= v <= d (Liang–Barsky on the rectangle).
    let t0 = 0;
    let t1 = 1;
    const clip = (start: number, slope: number, min: number, max: number) => {
      if (slope === 0) {
        if (start < min || start > max) t0 = 2;
        return;
      }
      let ta = (min - start) / slope;
      let tb = (max - start) / slope;
      if (ta > tb) [ta, tb] = [tb, ta];
      if (ta > t0) t0 = ta;
      if (tb < t1) t1 = tb;
    };
    clip(ax * ex + ay * ey, dx * ex + dy * ey, 0, len);
    clip(-ax * ey + ay * ex, -dx * ey + dy * ex, -distanceKm, distanceKm);
    if (t0 <= t1) take([t0, t1]);
  }
  return lo <= hi ? [lo, hi] : null;
}

function circle(ax: number, ay: number, dx: number, dy: number, r: number): [number, number] | null {
  const dd = dx * dx + dy * dy;
  const c = ax * ax + ay * ay - r * r;
  if (dd === 0) return c <= 1e-12 ? [0, 1] : null;
  const half = ax * dx + ay * dy;
  const disc = half * half - dd * c;
  if (disc < 0) return null;
  const s = Math.sqrt(disc);
  const t0 = Math.max(0, (-half - s) / dd);
  const t1 = Math.min(1, (-half + s) / dd);
  return t0 <= t1 ? [t0, t1] : null;
}

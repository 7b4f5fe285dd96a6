import type { Position } from 'geojson';
import { KM_PER_DEGREE } from './constants';
import { toLocalKm } from './toLocalKm';

/**
 * The part of segment AB within `radiusKm` of `center`, as parameters `[t0, t1]` along AB (0 at A, 1 at B),
 * or null when the segment stays farther away. A segment that only touches the circle gives `[t, t]`.
 *
 * @example
 * segmentCircleInterval([0, 0], [1, 0], [0.5, 0], 11.1195) // ≈ [0.4, 0.6]
 */
export function segmentCircleInterval(
  a: Position,
  b: Position,
  center: Position,
  radiusKm: number,
): [number, number] | null {
  const [ax, ay] = toLocalKm(center, a);
  const [bx, by] = toLocalKm(center, b);
  return circleInterval(ax, ay, bx - ax, by - ay, radiusKm) ? [circleT0, circleT1] : null;
}

/**
 * `segmentCircleInterval` written into `out[0]`, `out[1]`; returns whether there is one. The corridors test
 * every nearby incident against each of their segments: this projects both ends with one cosine (the same
 * numbers as `toLocalKm`) and makes no array.
 */
export function segmentCircleIntervalInto(
  a: Position,
  b: Position,
  center: Position,
  radiusKm: number,
  out: Float64Array,
): boolean {
  return segmentCircleIntervalScaledInto(a, b, center, kmPerDegreeLonAt(center[1]), radiusKm, out);
}

/** Km per degree of longitude at latitude `lat`, as `toLocalKm` scales them. */
export function kmPerDegreeLonAt(lat: number): number {
  return Math.cos((lat * Math.PI) / 180) * KM_PER_DEGREE;
}

/**
 * `segmentCircleIntervalInto` given `k = kmPerDegreeLonAt(center[1])`: a circle tested against many
 * segments (an incident along a corridor) then costs no cosine per segment.
 */
export function segmentCircleIntervalScaledInto(
  a: Position,
  b: Position,
  center: Position,
  k: number,
  radiusKm: number,
  out: Float64Array,
): boolean {
  const ax = (a[0] - center[0]) * k;
  const ay = (a[1] - center[1]) * KM_PER_DEGREE;
  const bx = (b[0] - center[0]) * k;
  const by = (b[1] - center[1]) * KM_PER_DEGREE;
  if (!circleInterval(ax, ay, bx - ax, by - ay, radiusKm)) return false;
  out[0] = circleT0;
  out[1] = circleT1;
  return true;
}

/** The interval found by the last `circleInterval` that returned true. */
let circleT0 = 0;
let circleT1 = 0;

/** Parameters t in [0, 1] where |A + t·D| <= r, in a plane centred on the circle (to circleT0/T1). */
function circleInterval(ax: number, ay: number, dx: number, dy: number, r: number): boolean {
  const dd = dx * dx + dy * dy;
  const c = ax * ax + ay * ay - r * r;
  if (dd === 0) {
    if (!(c <= 1e-12)) return false;
    circleT0 = 0;
    circleT1 = 1;
    return true;
  }
  const half = ax * dx + ay * dy;
  const disc = half * half - dd * c;
  if (disc < 0) return false;
  const s = Math.sqrt(disc);
  const t0 = Math.max(0, (-half - s) / dd);
  const t1 = Math.min(1, (-half + s) / dd);
  if (!(t0 <= t1)) return false;
  circleT0 = t0;
  circleT1 = t1;
  return true;
}

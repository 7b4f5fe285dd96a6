import type { Position } from 'geojson';
import { KM_PER_DEGREE } from './constants';

/**
 * The point of segment AB nearest to `p`: its parameter `t` (0 at A, 1 at B), the point itself and the
 * distance in km (equirectangular around `p`, accurate for segments up to a few hundred km).
 *
 * @example
 * projectOnSegment([0.5, 0.1], [0, 0], [1, 0]) // { t: 0.5, point: [0.5, 0], distanceKm: ≈ 11.12 }
 */
export function projectOnSegment(
  p: Position,
  a: Position,
  b: Position,
): { t: number; point: Position; distanceKm: number } {
  const t = projectOnSegmentXY(
    p[0],
    p[1],
    Math.cos((p[1] * Math.PI) / 180),
    a[0],
    a[1],
    b[0],
    b[1],
    DISTANCE,
  );
  return {
    t,
    point: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])],
    distanceKm: DISTANCE[0],
  };
}
const DISTANCE = new Float64Array(1);

/**
 * `projectOnSegment` of the point (x, y) on the segment from (x0, y0) to (x1, y1), `cosLat` being the cosine of
 * y's latitude, without making a point or an answer (for loops over many points and segments, which can hoist
 * the cosine): returns `t` and writes the distance in km into `distanceKm[0]`.
 */
export function projectOnSegmentXY(
  x: number,
  y: number,
  cosLat: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  distanceKm: Float64Array,
): number {
  const ax = (x0 - x) * cosLat;
  const ay = y0 - y;
  const dx = (x1 - x0) * cosLat;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const px = ax + t * dx;
  const py = ay + t * dy;
  distanceKm[0] = Math.sqrt(px * px + py * py) * KM_PER_DEGREE;
  return t;
}

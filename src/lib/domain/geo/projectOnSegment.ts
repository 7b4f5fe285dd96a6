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
  const k = Math.cos((p[1] * Math.PI) / 180);
  const ax = (a[0] - p[0]) * k;
  const ay = a[1] - p[1];
  const dx = (b[0] - a[0]) * k;
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const x = ax + t * dx;
  const y = ay + t * dy;
  return {
    t,
    point: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])],
    distanceKm: Math.sqrt(x * x + y * y) * KM_PER_DEGREE,
  };
}

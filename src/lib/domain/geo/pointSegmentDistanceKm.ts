import type { Position } from 'geojson';
import { KM_PER_DEGREE } from './constants';

/**
 * Distance in km from `p` to segment AB (equirectangular around `p`: a cheap test for "within d km",
 * accurate to well under 1 % at the distances the analysis uses).
 *
 * @example
 * pointSegmentDistanceKm([0.5, 0.1], [0, 0], [1, 0]) // ≈ 11.12
 */
export function pointSegmentDistanceKm(p: Position, a: Position, b: Position): number {
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
  return Math.sqrt(x * x + y * y) * KM_PER_DEGREE;
}

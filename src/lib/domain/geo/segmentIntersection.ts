import type { Position } from 'geojson';

/**
 * Where segments AB and CD meet: parameters `t` along AB and `u` along CD (0…1), or null when they do not
 * meet or are parallel. Touching at an end counts. Parameters of an intersection do not change under an
 * affine map, so lon/lat can be used directly.
 *
 * @example
 * segmentIntersection([0, 0], [2, 0], [1, -1], [1, 1]) // { t: 0.5, u: 0.5 }
 */
export function segmentIntersection(
  a: Position,
  b: Position,
  c: Position,
  d: Position,
): { t: number; u: number } | null {
  return segmentIntersectionInto(a, b, c, d, TU) ? { t: TU[0], u: TU[1] } : null;
}
const TU = new Float64Array(2);

/**
 * `segmentIntersection` without an answer object: whether AB and CD meet, with `t` and `u` written into
 * `tu[0]` and `tu[1]` when they do. For loops over many pairs (the noding meets hundreds of thousands), where
 * each answer was an object and two boxed numbers.
 */
export function segmentIntersectionInto(
  a: Position,
  b: Position,
  c: Position,
  d: Position,
  tu: Float64Array,
): boolean {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return false;
  const qx = c[0] - a[0];
  const qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  const eps = 1e-12;
  if (t < -eps || t > 1 + eps || u < -eps || u > 1 + eps) return false;
  tu[0] = Math.min(1, Math.max(0, t));
  tu[1] = Math.min(1, Math.max(0, u));
  return true;
}

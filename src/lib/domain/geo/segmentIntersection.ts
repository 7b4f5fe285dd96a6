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
  return segmentIntersectionXY(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1]);
}

/** `segmentIntersection` on plain numbers (the same arithmetic, so the same result), for loops over packed
 * positions. */
export function segmentIntersectionXY(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): { t: number; u: number } | null {
  const rx = bx - ax;
  const ry = by - ay;
  const sx = dx - cx;
  const sy = dy - cy;
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const qx = cx - ax;
  const qy = cy - ay;
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  const eps = 1e-12;
  if (t < -eps || t > 1 + eps || u < -eps || u > 1 + eps) return null;
  return { t: Math.min(1, Math.max(0, t)), u: Math.min(1, Math.max(0, u)) };
}

import type { Position } from 'geojson';
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
  return circleInterval(ax, ay, bx - ax, by - ay, radiusKm);
}

/** Parameters t in [0, 1] where |A + t·D| <= r, in a plane centred on the circle. */
function circleInterval(ax: number, ay: number, dx: number, dy: number, r: number): [number, number] | null {
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

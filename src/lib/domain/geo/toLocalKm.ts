import type { Position } from 'geojson';
import { KM_PER_DEGREE } from './constants';

/**
 * Equirectangular projection of `p` into a plane in km centred on `origin` (x east, y north), scaled by the
 * cosine of the origin's latitude. Within a few hundred km of the origin the error is well under 1 %, which
 * is why the analysis uses it for cheap "within d km" tests and reports geodesic lengths.
 *
 * @example
 * toLocalKm([25, 13], [25.1, 13]) // ≈ [10.83, 0]
 */
export function toLocalKm(origin: Position, p: Position): [number, number] {
  const k = Math.cos((origin[1] * Math.PI) / 180) * KM_PER_DEGREE;
  return [(p[0] - origin[0]) * k, (p[1] - origin[1]) * KM_PER_DEGREE];
}

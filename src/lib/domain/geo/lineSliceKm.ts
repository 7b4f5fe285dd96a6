import type { Position } from 'geojson';
import { pointAtKm } from './pointAtKm';

/**
 * The part of a line between `fromKm` and `toKm` measured from its start, given the line's cumulative
 * distances (`cumulativeKm`). Positions inside a segment are interpolated linearly.
 *
 * @example
 * const line = [[0, 0], [0, 1], [0, 2]];
 * lineSliceKm(line, cumulativeKm(line), 55.6, 166.8) // ≈ [[0, 0.5], [0, 1], [0, 1.5]]
 */
export function lineSliceKm(
  coords: readonly Position[],
  cumKm: readonly number[],
  fromKm: number,
  toKm: number,
): Position[] {
  const out: Position[] = [pointAtKm(coords, cumKm, fromKm)];
  // First vertex strictly after fromKm (binary search), then every vertex before toKm.
  let lo = 0;
  let hi = cumKm.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumKm[mid] <= fromKm) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < coords.length && cumKm[i] < toKm; i++) out.push(coords[i]);
  out.push(pointAtKm(coords, cumKm, toKm));
  return out;
}

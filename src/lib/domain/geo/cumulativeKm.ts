import type { Position } from 'geojson';
import { haversineKm } from './haversineKm';

/**
 * Distance in km from the start of a line to each of its vertices (first 0, last the line's length).
 *
 * @example
 * cumulativeKm([[0, 0], [0, 1], [0, 2]]) // ≈ [0, 111.195, 222.39]
 */
export function cumulativeKm(coords: readonly Position[]): number[] {
  const out = new Array<number>(coords.length);
  let km = 0;
  for (let i = 0; i < coords.length; i++) {
    if (i > 0) km += haversineKm(coords[i - 1], coords[i]);
    out[i] = km;
  }
  return out;
}

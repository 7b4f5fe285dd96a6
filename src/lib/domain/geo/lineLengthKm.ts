import type { Position } from 'geojson';
import { haversineKm } from './haversineKm';

/**
 * Geodesic length in km of a line given as positions (sum of haversine distances, like `turf.length`).
 *
 * @example
 * lineLengthKm([[0, 0], [0, 1], [1, 1]]) // ≈ 222.39
 */
export function lineLengthKm(coords: readonly Position[]): number {
  let km = 0;
  for (let i = 1; i < coords.length; i++) km += haversineKm(coords[i - 1], coords[i]);
  return km;
}

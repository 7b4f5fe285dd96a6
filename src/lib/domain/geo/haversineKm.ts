import type { Position } from 'geojson';
import { EARTH_RADIUS_KM } from './constants';

const RAD = Math.PI / 180;

/**
 * Great-circle distance in km between two lon/lat positions (haversine, the same formula and radius as
 * `turf.distance`). This is the distance the report shows.
 *
 * @example
 * haversineKm([25.35, 13.6306], [25.3107, 13.4885]) // El Fasher → Zamzam ≈ 16.4
 */
export function haversineKm(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(s), Math.sqrt(1 - s));
}

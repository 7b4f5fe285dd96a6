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
  return haversineKmLonLat(a[0], a[1], b[0], b[1]);
}

/** `haversineKm` on plain numbers (the same arithmetic, so the same result), for loops over packed positions. */
export function haversineKmLonLat(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(s), Math.sqrt(1 - s));
}

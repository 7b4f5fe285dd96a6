import { KM_PER_DEGREE } from './constants';

/**
 * A bounding box grown by `km` on every side, in degrees (longitude scaled at the box's latitude farthest
 * from the equator, so the grown box always contains every point within `km`).
 *
 * @example
 * expandBboxKm([0, 0, 1, 1], 111.195) // ≈ [-1.0002, -1, 2.0002, 2]
 */
export function expandBboxKm(
  bbox: readonly [number, number, number, number],
  km: number,
): [number, number, number, number] {
  const dLat = km / KM_PER_DEGREE;
  const lat = Math.min(89, Math.max(Math.abs(bbox[1]), Math.abs(bbox[3])) + dLat);
  const dLon = km / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return [bbox[0] - dLon, bbox[1] - dLat, bbox[2] + dLon, bbox[3] + dLat];
}

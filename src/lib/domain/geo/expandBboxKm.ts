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
  const out: [number, number, number, number] = [0, 0, 0, 0];
  expandBoxKmInto(out, bbox[0], bbox[1], bbox[2], bbox[3], km);
  return out;
}

/**
 * The latitude, in degrees, at which the boxes stop widening towards a pole (the cosine would reach 0 there).
 * Code that bounds how far a box grows in longitude without growing it (roadsUnder.ts, segmentHits.ts,
 * neededProtection.ts) reads this cap, so that they all change with it.
 */
export const BOX_MAX_LAT = 89;

/**
 * `expandBboxKm([west, south, east, north], km)` written into `out`: for loops over many segments, which
 * then make no array per segment.
 */
export function expandBoxKmInto(
  out: number[] | Float64Array,
  west: number,
  south: number,
  east: number,
  north: number,
  km: number,
): void {
  const dLat = km / KM_PER_DEGREE;
  const lat = Math.min(BOX_MAX_LAT, Math.max(Math.abs(south), Math.abs(north)) + dLat);
  const dLon = km / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  out[0] = west - dLon;
  out[1] = south - dLat;
  out[2] = east + dLon;
  out[3] = north + dLat;
}

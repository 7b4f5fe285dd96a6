import type { Position } from 'geojson';

/**
 * Bounding box `[west, south, east, north]` of some positions (Infinity/-Infinity when there are none).
 *
 * @example
 * bboxOf([[1, 2], [3, -1]]) // [1, -1, 3, 2]
 */
export function bboxOf(coords: readonly Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of coords) {
    if (p[0] < w) w = p[0];
    if (p[0] > e) e = p[0];
    if (p[1] < s) s = p[1];
    if (p[1] > n) n = p[1];
  }
  return [w, s, e, n];
}

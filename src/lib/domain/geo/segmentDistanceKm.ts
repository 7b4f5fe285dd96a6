import type { Position } from 'geojson';
import { pointSegmentDistanceKm } from './pointSegmentDistanceKm';
import { segmentIntersection } from './segmentIntersection';

/**
 * Shortest distance in km between segments AB and CD: 0 when they meet, else the smallest distance from an
 * end of one to the other (equirectangular, as in `pointSegmentDistanceKm`).
 *
 * @example
 * segmentDistanceKm([0, 0], [1, 0], [0, 0.1], [1, 0.1]) // ≈ 11.12
 */
export function segmentDistanceKm(a: Position, b: Position, c: Position, d: Position): number {
  if (segmentIntersection(a, b, c, d)) return 0;
  return Math.min(
    pointSegmentDistanceKm(a, c, d),
    pointSegmentDistanceKm(b, c, d),
    pointSegmentDistanceKm(c, a, b),
    pointSegmentDistanceKm(d, a, b),
  );
}

import type { Position } from 'geojson';
import { projectOnSegmentXY } from './projectOnSegment';

/**
 * Distance in km from `p` to segment AB (equirectangular around `p`: a cheap test for "within d km",
 * accurate to well under 1 % at the distances the analysis uses).
 *
 * @example
 * pointSegmentDistanceKm([0.5, 0.1], [0, 0], [1, 0]) // ≈ 11.12
 */
export function pointSegmentDistanceKm(p: Position, a: Position, b: Position): number {
  projectOnSegmentXY(p[0], p[1], Math.cos((p[1] * Math.PI) / 180), a[0], a[1], b[0], b[1], DISTANCE);
  return DISTANCE[0];
}
const DISTANCE = new Float64Array(1);

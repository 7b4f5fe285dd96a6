import type { Position } from 'geojson';
import { createBoxIndex } from '../../geo/createBoxIndex';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { pointSegmentDistanceKm } from '../../geo/pointSegmentDistanceKm';
import { projectOnSegment } from '../../geo/projectOnSegment';
import { segmentIntersection } from '../../geo/segmentIntersection';

/**
 * Where each road must be cut so that roads join: its two ends, every point where it meets or crosses
 * another road, and every point of it within `toleranceKm` of another road's vertex (near-misses, which the
 * caller then snaps together). Positions are `segment index + t` along the road.
 */
export function findRoadSplits(roads: readonly Position[][], toleranceKm: number): number[][] {
  const splits: number[][] = roads.map((r) => [0, r.length - 1]);
  const segRoad: number[] = [];
  const segK: number[] = [];
  roads.forEach((r, ri) => {
    for (let k = 0; k + 1 < r.length; k++) {
      segRoad.push(ri);
      segK.push(k);
    }
  });
  const index = createBoxIndex(segRoad.length, (i) => {
    const a = roads[segRoad[i]][segK[i]];
    const b = roads[segRoad[i]][segK[i] + 1];
    return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
  });
  for (let i = 0; i < segRoad.length; i++) {
    const ri = segRoad[i];
    const ki = segK[i];
    const a = roads[ri][ki];
    const b = roads[ri][ki + 1];
    const box = expandBboxKm(
      [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])],
      toleranceKm,
    );
    // Each pair once (j > i); a road does not join itself.
    const candidates = index.search(box[0], box[1], box[2], box[3], (j) => j > i && segRoad[j] !== ri);
    for (const j of candidates) {
      const rj = segRoad[j];
      const kj = segK[j];
      const c = roads[rj][kj];
      const d = roads[rj][kj + 1];
      const hit = segmentIntersection(a, b, c, d);
      if (hit) {
        splits[ri].push(ki + hit.t);
        splits[rj].push(kj + hit.u);
        continue;
      }
      // Near-misses: a vertex of one within tolerance of the other joins them there.
      for (const [p, pk] of [
        [a, ki],
        [b, ki + 1],
      ] as const)
        if (pointSegmentDistanceKm(p, c, d) <= toleranceKm) {
          splits[ri].push(pk);
          splits[rj].push(kj + projectOnSegment(p, c, d).t);
        }
      for (const [p, pk] of [
        [c, kj],
        [d, kj + 1],
      ] as const)
        if (pointSegmentDistanceKm(p, a, b) <= toleranceKm) {
          splits[rj].push(pk);
          splits[ri].push(ki + projectOnSegment(p, a, b).t);
        }
    }
  }
  return splits;
}

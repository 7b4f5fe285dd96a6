import type { Position } from 'geojson';
import { createBoxIndex } from './createBoxIndex';
import { expandBboxKm } from './expandBboxKm';
import { pointSegmentDistanceKm } from './pointSegmentDistanceKm';

/**
 * The parts of the boundary of `a` that run along the boundary of `b` (both lists of polygons, each a list
 * of rings), within `toleranceKm`: an edge of `a` counts when both its ends and its middle are that close to
 * `b`'s boundary. Consecutive edges are joined into lines. Used to derive a front line from the shared
 * boundary of two opposing actors' areas.
 *
 * @example
 * const west = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
 * const east = [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]];
 * sharedBoundaryLines([west], [east], 0.05) // [[[1, 0], [1, 1]]]
 */
export function sharedBoundaryLines(
  a: readonly Position[][][],
  b: readonly Position[][][],
  toleranceKm: number,
): Position[][] {
  const segs: [Position, Position][] = [];
  for (const rings of b)
    for (const ring of rings) for (let i = 1; i < ring.length; i++) segs.push([ring[i - 1], ring[i]]);
  const index = createBoxIndex(segs.length, (i) => {
    const [p, q] = segs[i];
    return [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])];
  });
  const near = (p: Position) => {
    const box = expandBboxKm([p[0], p[1], p[0], p[1]], toleranceKm);
    return index
      .search(box[0], box[1], box[2], box[3])
      .some((i) => pointSegmentDistanceKm(p, segs[i][0], segs[i][1]) <= toleranceKm);
  };
  const out: Position[][] = [];
  for (const rings of a)
    for (const ring of rings) {
      const n = ring.length - 1; // closed ring: last position repeats the first
      if (n < 1) continue;
      const closeTo = ring.map(near);
      const shared: boolean[] = [];
      for (let i = 0; i < n; i++) {
        const p = ring[i];
        const q = ring[i + 1];
        shared.push(closeTo[i] && closeTo[i + 1] && near([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2]));
      }
      if (shared.every(Boolean)) {
        out.push(ring.slice());
        continue;
      }
      // Start after an unshared edge so that a run wrapping past the ring's start stays one line.
      const start = shared.findIndex((s) => !s) + 1;
      let run: Position[] | null = null;
      for (let j = 0; j < n; j++) {
        const i = (start + j) % n;
        if (shared[i]) {
          run ??= [ring[i]];
          run.push(ring[i + 1]);
        } else if (run) {
          out.push(run);
          run = null;
        }
      }
      if (run) out.push(run);
    }
  return out;
}

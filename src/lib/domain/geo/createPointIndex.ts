import Flatbush from 'flatbush';
import type { BoxIndex } from './createBoxIndex';

/**
 * A flatbush index over the points `(x[i], y[i])`, the same tree `createBoxIndex` builds over their boxes
 * `[x, y, x, y]`, without an array per point to hand it those four numbers (a million and more junctions).
 */
export function createPointIndex(x: Float64Array, y: Float64Array): BoxIndex {
  const count = x.length;
  if (count === 0) return { size: 0, search: () => [], neighbors: () => [] };
  const fb = new Flatbush(count);
  for (let i = 0; i < count; i++) fb.add(x[i], y[i], x[i], y[i]);
  fb.finish();
  return {
    size: count,
    search: (minX, minY, maxX, maxY, filter) =>
      fb.search(minX, minY, maxX, maxY, filter && ((i: number) => filter(i))),
    neighbors: (x, y, maxResults, filter) => fb.neighbors(x, y, maxResults, Infinity, filter),
  };
}

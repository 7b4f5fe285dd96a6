import { flatbushIndex, type BoxIndex } from './createBoxIndex';

/**
 * A flatbush index over the points `(x[i], y[i])`, the same tree `createBoxIndex` builds over their boxes
 * `[x, y, x, y]`, without an array per point to hand it those four numbers (a million and more junctions).
 */
export function createPointIndex(x: Float64Array, y: Float64Array): BoxIndex {
  return flatbushIndex(x.length, (fb) => {
    for (let i = 0; i < x.length; i++) fb.add(x[i], y[i], x[i], y[i]);
  });
}

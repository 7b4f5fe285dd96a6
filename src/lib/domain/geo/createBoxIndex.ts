import Flatbush from 'flatbush';

/** A static spatial index over boxes; `search` returns the indices of the boxes meeting a query box. */
export interface BoxIndex {
  readonly size: number;
  search(minX: number, minY: number, maxX: number, maxY: number, filter?: (i: number) => boolean): number[];
  /** Indices of the boxes nearest (x, y), closest first (distance in index units, i.e. degrees). */
  neighbors(x: number, y: number, maxResults: number, filter?: (i: number) => boolean): number[];
}

/**
 * A flatbush index over `count` boxes given by `boxAt(i)` as `[minX, minY, maxX, maxY]`. Works for zero
 * boxes too (flatbush itself refuses an empty index), so empty layers need no special case.
 *
 * @example
 * const index = createBoxIndex(2, (i) => (i === 0 ? [0, 0, 1, 1] : [5, 5, 6, 6]));
 * index.search(0.5, 0.5, 2, 2) // [0]
 */
export function createBoxIndex(
  count: number,
  boxAt: (i: number) => readonly [number, number, number, number],
): BoxIndex {
  return flatbushIndex(count, (fb) => {
    for (let i = 0; i < count; i++) {
      const b = boxAt(i);
      fb.add(b[0], b[1], b[2], b[3]);
    }
  });
}

/**
 * The index of a flatbush tree over `count` boxes, which `fill` adds in index order (`createBoxIndex`, and
 * `createPointIndex`, which adds points without making a box for each).
 */
export function flatbushIndex(count: number, fill: (fb: Flatbush) => void): BoxIndex {
  if (count === 0) return { size: 0, search: () => [], neighbors: () => [] };
  const fb = new Flatbush(count);
  fill(fb);
  fb.finish();
  return {
    size: count,
    search: (minX, minY, maxX, maxY, filter) =>
      fb.search(minX, minY, maxX, maxY, filter && ((i: number) => filter(i))),
    neighbors: (x, y, maxResults, filter) => fb.neighbors(x, y, maxResults, Infinity, filter),
  };
}

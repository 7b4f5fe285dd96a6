import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { BoxIndex } from './createBoxIndex';

/** A spatial index over every segment of some lines; segment i runs from `lines[line[i]][k[i]]` to the next vertex. */
export interface SegmentIndex {
  index: BoxIndex;
  line: Int32Array;
  k: Int32Array;
}

/**
 * Indexes the segments of `lines` (flatbush over their bounding boxes), filling the index directly so a
 * million segments cost no intermediate objects. Works for no segments at all.
 *
 * @example
 * const s = createSegmentIndex([[[0, 0], [1, 0], [1, 1]]]);
 * s.index.search(0.9, 0.5, 1.1, 0.6) // [1]: the segment [1, 0] → [1, 1]
 */
export function createSegmentIndex(lines: readonly (readonly Position[])[]): SegmentIndex {
  let count = 0;
  for (const l of lines) count += Math.max(0, l.length - 1);
  const line = new Int32Array(count);
  const k = new Int32Array(count);
  if (count === 0) return { index: { size: 0, search: () => [], neighbors: () => [] }, line, k };
  const fb = new Flatbush(count);
  let i = 0;
  lines.forEach((l, li) => {
    for (let v = 0; v + 1 < l.length; v++) {
      const a = l[v];
      const b = l[v + 1];
      fb.add(
        a[0] < b[0] ? a[0] : b[0],
        a[1] < b[1] ? a[1] : b[1],
        a[0] > b[0] ? a[0] : b[0],
        a[1] > b[1] ? a[1] : b[1],
      );
      line[i] = li;
      k[i++] = v;
    }
  });
  fb.finish();
  return {
    index: {
      size: count,
      search: (minX, minY, maxX, maxY, filter) =>
        fb.search(minX, minY, maxX, maxY, filter && ((j: number) => filter(j))),
      neighbors: (x, y, maxResults, filter) => fb.neighbors(x, y, maxResults, Infinity, filter),
    },
    line,
    k,
  };
}

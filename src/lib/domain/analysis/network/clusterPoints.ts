import { KM_PER_DEGREE } from '../../geo/constants';
import { haversineKmLonLat } from '../../geo/haversineKm';

/**
 * Groups points closer than `toleranceKm` (transitively) and returns, for each point, the index of its
 * group's first point. A grid of cells one tolerance high keeps this linear in the number of points.
 */
export function clusterPoints(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  toleranceKm: number,
): Int32Array {
  const n = lon.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };
  const cell = Math.max(toleranceKm, 1e-6) / KM_PER_DEGREE;
  // The points of each cell, in a hash table of typed arrays (open addressing on the cell's column and row,
  // each slot the head of a list chained through `next`): a Map keyed by a number made of both was most of
  // the time of this function, with 15 look-ups per point. The order within a cell does not matter: a
  // group's root is its lowest index whatever order the pairs are joined in.
  // The hash keeps the cells of a row in consecutive slots, and a slot's three numbers are side by side: the
  // 15 cells around a point then lie in 3 runs of slots, and the points come along their roads, so that
  // most look-ups find their slot in memory the last ones read. Three tables hashed at random (column,
  // row, head) cost three cache misses per look-up on a table larger than the cache (walks: 4M slots).
  const cellX = new Float64Array(n);
  const cellY = new Float64Array(n);
  let size = 1;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  // Slot h is slots[3h .. 3h + 2]: the cell's column and row, and the first point of its list (-1: empty).
  const slots = new Float64Array(3 * size);
  for (let h = 0; h < size; h++) slots[3 * h + 2] = -1;
  const next = new Int32Array(n);
  const slotOf = (cx: number, cy: number) => {
    let h = (Math.imul(cy | 0, 0x9e3779b1) + (cx | 0)) & mask;
    while (slots[3 * h + 2] !== -1 && (slots[3 * h] !== cx || slots[3 * h + 1] !== cy)) h = (h + 1) & mask;
    return h;
  };
  // A point at exactly the same place as one already in its cell (roads sharing an end, a crossing cut on
  // both roads) joins that one and is left out of the lists: it would find the same neighbours at the same
  // distances, so the groups are the same, for a fraction of the searches.
  const duplicate = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = lon[i];
    const y = lat[i];
    const cx = (cellX[i] = Math.floor(x / cell));
    const cy = (cellY[i] = Math.floor(y / cell));
    const h = slotOf(cx, cy);
    if (slots[3 * h + 2] === -1) {
      slots[3 * h] = cx;
      slots[3 * h + 1] = cy;
    }
    let same = -1;
    for (let j = slots[3 * h + 2]; j !== -1 && same === -1; j = next[j])
      if (lon[j] === x && lat[j] === y) same = j;
    if (same !== -1) {
      duplicate[i] = 1;
      union(i, same);
      continue;
    }
    next[i] = slots[3 * h + 2];
    slots[3 * h + 2] = i;
  }
  for (let i = 0; i < n; i++) {
    if (duplicate[i]) continue;
    const cx = cellX[i];
    const cy = cellY[i];
    const x = lon[i];
    const y = lat[i];
    const spanX = Math.ceil(1 / Math.max(0.05, Math.cos((y * Math.PI) / 180)));
    // Row by row, along each row: the slots of a row's cells are consecutive (see slotOf).
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -spanX; dx <= spanX; dx++) {
        for (let j = slots[3 * slotOf(cx + dx, cy + dy) + 2]; j !== -1; j = next[j]) {
          if (j <= i) continue;
          if (haversineKmLonLat(x, y, lon[j], lat[j]) <= toleranceKm) union(i, j);
        }
      }
  }
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = find(i);
  return root;
}

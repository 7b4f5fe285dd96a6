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
  const cellX = new Float64Array(n);
  const cellY = new Float64Array(n);
  let size = 1;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slotX = new Float64Array(size);
  const slotY = new Float64Array(size);
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(n);
  const slotOf = (cx: number, cy: number) => {
    let h = (Math.imul(cx | 0, 0x9e3779b1) ^ Math.imul(cy | 0, 0x85ebca77)) & mask;
    while (head[h] !== -1 && (slotX[h] !== cx || slotY[h] !== cy)) h = (h + 1) & mask;
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
    if (head[h] === -1) {
      slotX[h] = cx;
      slotY[h] = cy;
    }
    let same = -1;
    for (let j = head[h]; j !== -1 && same === -1; j = next[j]) if (lon[j] === x && lat[j] === y) same = j;
    if (same !== -1) {
      duplicate[i] = 1;
      union(i, same);
      continue;
    }
    next[i] = head[h];
    head[h] = i;
  }
  for (let i = 0; i < n; i++) {
    if (duplicate[i]) continue;
    const cx = cellX[i];
    const cy = cellY[i];
    const x = lon[i];
    const y = lat[i];
    const spanX = Math.ceil(1 / Math.max(0.05, Math.cos((y * Math.PI) / 180)));
    for (let dx = -spanX; dx <= spanX; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        for (let j = head[slotOf(cx + dx, cy + dy)]; j !== -1; j = next[j]) {
          if (j <= i) continue;
          if (haversineKmLonLat(x, y, lon[j], lat[j]) <= toleranceKm) union(i, j);
        }
      }
  }
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = find(i);
  return root;
}

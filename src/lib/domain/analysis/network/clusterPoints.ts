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
  // The distance from the lower index to the higher, as a search from the lower one alone would measure it.
  const joinIfNear = (i: number, j: number) => {
    const d =
      i < j
        ? haversineKmLonLat(lon[i], lat[i], lon[j], lat[j])
        : haversineKmLonLat(lon[j], lat[j], lon[i], lat[i]);
    if (d <= toleranceKm) union(i, j);
  };
  // Cells one tolerance high and wide enough in longitude, at the highest latitude of the points, to hold
  // a tolerance there: every pair within tolerance then lies in the same or adjacent cells, and each point
  // looks in its own cell and the four after it (the next in its row and the three of the row above), half
  // of the 3 x 3 around it. A pair is found from whichever of its two points has the other in those four:
  // union gives the same groups whatever order, or from which side, the pairs are joined. Cells one
  // tolerance wide, each point looking at every cell around it out to the width a tolerance has at its own
  // latitude (15 cells in Sudan), met each pair from both sides and cost three times the cell look-ups.
  const cellY = Math.max(toleranceKm, 1e-6) / KM_PER_DEGREE;
  const cellX = cellY * widthFactor(lat, cellY);
  // The points of each cell, in a hash table of typed arrays (open addressing on the cell's column and row,
  // each slot the head of a list chained through `next`): a Map keyed by a number made of both was most of
  // the time of this function, with 15 look-ups per point (as it searched then). The order within a cell does
  // not matter: a group's root is its lowest index whatever order the pairs are joined in.
  // The hash keeps the cells of a row in consecutive slots, and a slot's three numbers are side by side: the
  // 5 cells a point looks in then lie in 2 runs of slots, and the points come along their roads, so that
  // most look-ups find their slot in memory the last ones read. Three tables hashed at random (column,
  // row, head) cost three cache misses per look-up on a table larger than the cache (walks: 4M slots).
  // The table starts at about half a slot per point and doubles when three quarters full: most cut points
  // repeat another's place (roads sharing ends), so the cells are far fewer than the points, and a table of
  // two slots per point (24 MB for the grid, more for the walks) was mostly empty memory for the cache to
  // miss. Doubling when half full, the walks' 133,055 cells of 245,465 points (at 0.3) grew the table twice,
  // to four times their number, 22 MB of tables in all, each one zeroed, filled and written again.
  let size = 16;
  while (size < n / 2) size *= 2;
  let mask = size - 1;
  let used = 0;
  // Slot h is slots[3h .. 3h + 2]: the cell's column and row, and the first point of its list (-1: empty).
  let slots = new Float64Array(3 * size).fill(-1);
  const next = new Int32Array(n);
  const slotOf = (cx: number, cy: number) => {
    let h = (Math.imul(cy | 0, 0x9e3779b1) + (cx | 0)) & mask;
    while (slots[3 * h + 2] !== -1 && (slots[3 * h] !== cx || slots[3 * h + 1] !== cy)) h = (h + 1) & mask;
    return h;
  };
  const grow = () => {
    const old = slots;
    size *= 2;
    mask = size - 1;
    slots = new Float64Array(3 * size).fill(-1);
    for (let k = 0; k < old.length; k += 3) {
      if (old[k + 2] === -1) continue;
      const h = slotOf(old[k], old[k + 1]);
      slots[3 * h] = old[k];
      slots[3 * h + 1] = old[k + 1];
      slots[3 * h + 2] = old[k + 2];
    }
  };
  // A point at exactly the same place as one already in its cell (roads sharing an end, a crossing cut on
  // both roads) joins that one and is left out of the lists: it would find the same neighbours at the same
  // distances, so the groups are the same, for a fraction of the searches.
  const duplicate = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = lon[i];
    const y = lat[i];
    const cx = Math.floor(x / cellX);
    const cy = Math.floor(y / cellY);
    let h = slotOf(cx, cy);
    if (slots[3 * h + 2] === -1) {
      if (4 * (used + 1) > 3 * size) {
        grow();
        h = slotOf(cx, cy);
      }
      used++;
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
    const x = lon[i];
    const y = lat[i];
    // Its cell worked out again (the same arithmetic) rather than kept from the first loop in two arrays.
    const cx = Math.floor(x / cellX);
    const cy = Math.floor(y / cellY);
    // In its own cell, each pair once, from its lower index.
    for (let j = slots[3 * slotOf(cx, cy) + 2]; j !== -1; j = next[j])
      if (j > i && haversineKmLonLat(x, y, lon[j], lat[j]) <= toleranceKm) union(i, j);
    // The next cell of the row, then the row above from left to right (its slots are consecutive: see
    // slotOf).
    for (let j = slots[3 * slotOf(cx + 1, cy) + 2]; j !== -1; j = next[j]) joinIfNear(i, j);
    for (let dx = -1; dx <= 1; dx++)
      for (let j = slots[3 * slotOf(cx + dx, cy + 1) + 2]; j !== -1; j = next[j]) joinIfNear(i, j);
  }
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = find(i);
  return root;
}

/**
 * How many times a cell's height its width must be, in degrees of longitude, to span a tolerance (`cellY`
 * degrees of latitude) at every latitude of the points: 1 / cos of the highest, grown by a cell for points
 * whose neighbours lie farther from the equator, and by a thousandth so that rounding cannot leave a pair
 * out. Near the poles the cosine is held at 0.05, as a point would be searched there.
 */
function widthFactor(lat: ArrayLike<number>, cellY: number): number {
  let highest = 0;
  for (let i = 0; i < lat.length; i++) highest = Math.max(highest, Math.abs(lat[i]));
  const cos = Math.cos((Math.min(90, highest + cellY) * Math.PI) / 180);
  return 1.001 / Math.max(0.05, cos);
}

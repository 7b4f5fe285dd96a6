import { KM_PER_DEGREE } from '../../geo/constants';
import { haversineKm } from '../../geo/haversineKm';

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
  const key = (cx: number, cy: number) => (cx + 2_097_152) * 4_194_304 + (cy + 2_097_152);
  const grid = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const k = key(Math.floor(lon[i] / cell), Math.floor(lat[i] / cell));
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  }
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(lon[i] / cell);
    const cy = Math.floor(lat[i] / cell);
    const spanX = Math.ceil(1 / Math.max(0.05, Math.cos((lat[i] * Math.PI) / 180)));
    for (let dx = -spanX; dx <= spanX; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const list = grid.get(key(cx + dx, cy + dy));
        if (!list) continue;
        for (const j of list) {
          if (j <= i) continue;
          if (haversineKm([lon[i], lat[i]], [lon[j], lat[j]]) <= toleranceKm) union(i, j);
        }
      }
  }
  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = find(i);
  return root;
}

import type { Position } from 'geojson';

/**
 * The position `km` from the start of a line, given its cumulative distances (`cumulativeKm`); clamped to
 * the line's ends. Binary search, so it is cheap on long lines.
 *
 * @example
 * const line = [[0, 0], [0, 1], [0, 2]];
 * pointAtKm(line, cumulativeKm(line), 55.6) // ≈ [0, 0.5]
 */
export function pointAtKm(coords: readonly Position[], cumKm: readonly number[], km: number): Position {
  const i = segmentAtKm(cumKm, km);
  const span = cumKm[i + 1] - cumKm[i];
  const f = span > 0 ? Math.min(1, Math.max(0, (km - cumKm[i]) / span)) : 0;
  const a = coords[i];
  const b = coords[i + 1] ?? a;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
}

/** Index i of the segment [i, i + 1] holding `km` (the first one when km falls on a vertex). */
export function segmentAtKm(cumKm: readonly number[], km: number): number {
  let lo = 0;
  let hi = Math.max(0, cumKm.length - 2);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumKm[mid + 1] < km) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

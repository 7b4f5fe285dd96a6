import type { Position } from 'geojson';

/**
 * The part of a line between `fromKm` and `toKm` measured from its start, given the line's cumulative
 * distances (`cumulativeKm`). Positions inside a segment are interpolated linearly.
 *
 * @example
 * const line = [[0, 0], [0, 1], [0, 2]];
 * lineSliceKm(line, cumulativeKm(line), 55.6, 166.8) // ≈ [[0, 0.5], [0, 1], [0, 1.5]]
 */
export function lineSliceKm(
  coords: readonly Position[],
  cumKm: readonly number[],
  fromKm: number,
  toKm: number,
): Position[] {
  const at = (km: number): Position => {
    let i = 1;
    while (i < coords.length - 1 && cumKm[i] < km) i++;
    const span = cumKm[i] - cumKm[i - 1];
    const f = span > 0 ? Math.min(1, Math.max(0, (km - cumKm[i - 1]) / span)) : 0;
    const a = coords[i - 1];
    const b = coords[i];
    return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
  };
  const out: Position[] = [at(fromKm)];
  for (let i = 0; i < coords.length; i++) if (cumKm[i] > fromKm && cumKm[i] < toKm) out.push(coords[i]);
  out.push(at(toKm));
  return out;
}

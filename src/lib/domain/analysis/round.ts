import type { Position } from 'geojson';

/** Rounds km (and costs) to 3 decimals (metres) so reports compare byte for byte across machines. */
export function round3(x: number): number {
  const r = Math.round(x * 1000) / 1000;
  return Object.is(r, -0) ? 0 : r;
}

/** Positions in the report are rounded to 7 decimals (about 1 cm), for the same reason. */
export function roundPosition(p: Position): Position {
  return [Math.round(p[0] * 1e7) / 1e7, Math.round(p[1] * 1e7) / 1e7];
}

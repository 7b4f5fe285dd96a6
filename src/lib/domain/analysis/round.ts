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

/** Whether `roundPosition` gives the same numbers as `p`'s, and `p` has no third number (altitude). */
export function roundsToItself(p: Position): boolean {
  return p.length === 2 && Math.round(p[0] * 1e7) / 1e7 === p[0] && Math.round(p[1] * 1e7) / 1e7 === p[1];
}

/**
 * A line's positions rounded as by `roundPosition`, keeping the position arrays (and the line itself) that
 * rounding leaves unchanged: road data rarely has more than 7 decimals, and a rounded copy of every edge's
 * positions was a million small arrays kept for the analyzer's life. The result may be `line` itself or share
 * its positions, so neither may be mutated.
 */
export function roundLine(line: readonly Position[]): readonly Position[] {
  let out: Position[] | undefined;
  for (let i = 0; i < line.length; i++) {
    const p = line[i];
    const x = Math.round(p[0] * 1e7) / 1e7;
    const y = Math.round(p[1] * 1e7) / 1e7;
    // A third number (altitude) is dropped by rounding, so such a position is never kept as it is.
    if (x === p[0] && y === p[1] && p.length === 2) {
      out?.push(p);
      continue;
    }
    out ??= line.slice(0, i);
    out.push([x, y]);
  }
  return out ?? line;
}

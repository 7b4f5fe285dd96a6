import type { Position } from 'geojson';
import { createBoxIndex, type BoxIndex } from '../../geo/createBoxIndex';
import type { ActiveFrontline } from '../activeLayers';

/** Every segment of the active front lines, indexed, for the per-site and per-corridor tests. */
export interface FrontlineSegments {
  lines: readonly ActiveFrontline[];
  /** Segment i belongs to `lines[line[i]]` and runs from `a[i]` to `b[i]`. */
  line: number[];
  a: Position[];
  b: Position[];
  index: BoxIndex;
}

export function indexFrontlineSegments(lines: readonly ActiveFrontline[]): FrontlineSegments {
  const line: number[] = [];
  const a: Position[] = [];
  const b: Position[] = [];
  lines.forEach((f, i) => {
    for (const part of f.lines)
      for (let k = 0; k + 1 < part.length; k++) {
        line.push(i);
        a.push(part[k]);
        b.push(part[k + 1]);
      }
  });
  const index = createBoxIndex(line.length, (i) => [
    Math.min(a[i][0], b[i][0]),
    Math.min(a[i][1], b[i][1]),
    Math.max(a[i][0], b[i][0]),
    Math.max(a[i][1], b[i][1]),
  ]);
  return { lines, line, a, b, index };
}

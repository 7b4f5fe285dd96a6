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
  const index = createBoxIndex(line.length, (i) => segmentBox(a[i], b[i]));
  return { lines, line, a, b, index };
}

/** The box of the segment from `a` to `b`, as the index holds it. */
export function segmentBox(a: Position, b: Position): [number, number, number, number] {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
}

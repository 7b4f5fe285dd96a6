import type { Position } from 'geojson';
import type { Rng } from '../prng';
import { round5, wigglyLine } from './roads';

export interface AreaGrid {
  rows: number;
  cols: number;
  /** Exterior ring (counter-clockwise, closed) of each held cell, index `row * cols + col`, `count` of them. */
  rings: Position[][];
  /** Shared boundary polylines: the one between two cells is the same array in both rings. */
  edgeBetween(a: number, b: number): Position[] | undefined;
  /** Cells sharing an edge with `cell` (held ones only). */
  neighbours(cell: number): number[];
}

/**
 * `count` non-overlapping areas tiling `extent` as a jittered grid whose cell edges wiggle; each ring has
 * about `verticesPerArea` positions. Neighbouring rings share their boundary polyline exactly, so the tiling
 * has no gaps or overlaps, and every edge is a function graph over its chord, so no ring crosses itself.
 */
export function areaGrid(
  extent: [number, number, number, number],
  count: number,
  verticesPerArea: number,
  rng: Rng,
): AreaGrid {
  const [w, s, e, n] = extent;
  const aspect = (e - w) / (n - s);
  const rows = Math.max(1, Math.round(Math.sqrt(count / aspect)));
  const cols = Math.ceil(count / rows);
  const cw = (e - w) / cols;
  const ch = (n - s) / rows;
  const perEdge = Math.max(1, Math.round(verticesPerArea / 4));
  const corners: Position[] = [];
  for (let r = 0; r <= rows; r++)
    for (let c = 0; c <= cols; c++) {
      const inner = r > 0 && r < rows && c > 0 && c < cols;
      corners.push([
        round5(w + (c + (inner ? rng.range(-0.12, 0.12) : 0)) * cw),
        round5(s + (r + (inner ? rng.range(-0.12, 0.12) : 0)) * ch),
      ]);
    }
  const corner = (c: number, r: number) => corners[r * (cols + 1) + c];
  const edge = (a: Position, b: Position, outer: boolean) => {
    const k = outer ? 0.3 : 1;
    const amps = [1, 2, 3].map((f) => (k * rng.range(-0.02, 0.02)) / f);
    return wigglyLine(a, b, perEdge + 1, amps, k * 0.001, rng);
  };
  // horizontal[r][c]: corner (c, r) → (c + 1, r); vertical[r][c]: corner (c, r) → (c, r + 1).
  const horizontal: Position[][][] = [];
  for (let r = 0; r <= rows; r++) {
    horizontal.push([]);
    for (let c = 0; c < cols; c++)
      horizontal[r].push(edge(corner(c, r), corner(c + 1, r), r === 0 || r === rows));
  }
  const vertical: Position[][][] = [];
  for (let r = 0; r < rows; r++) {
    vertical.push([]);
    for (let c = 0; c <= cols; c++)
      vertical[r].push(edge(corner(c, r), corner(c, r + 1), c === 0 || c === cols));
  }
  const rings: Position[][] = [];
  for (let cell = 0; cell < count; cell++) {
    const r = Math.floor(cell / cols);
    const c = cell % cols;
    const bottom = horizontal[r][c];
    const right = vertical[r][c + 1];
    const top = [...horizontal[r + 1][c]].reverse();
    const left = [...vertical[r][c]].reverse();
    rings.push([...bottom, ...right.slice(1), ...top.slice(1), ...left.slice(1)]);
  }
  const held = (cell: number) => cell >= 0 && cell < count;
  return {
    rows,
    cols,
    rings,
    edgeBetween(a, b) {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      if (!held(lo) || !held(hi)) return undefined;
      const r = Math.floor(lo / cols);
      const c = lo % cols;
      if (hi === lo + 1 && c < cols - 1) return vertical[r][c + 1];
      if (hi === lo + cols) return horizontal[r + 1][c];
      return undefined;
    },
    neighbours(cell) {
      const r = Math.floor(cell / cols);
      const c = cell % cols;
      const out: number[] = [];
      if (c > 0) out.push(cell - 1);
      if (c < cols - 1) out.push(cell + 1);
      if (r > 0) out.push(cell - cols);
      if (r < rows - 1) out.push(cell + cols);
      return out.filter(held);
    },
  };
}

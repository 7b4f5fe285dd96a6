import type { Position } from 'geojson';
import type { Rng } from '../prng';

/** Coordinates are rounded to 1e-5 degrees (about 1 m), as real data is. */
export const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

/**
 * A polyline from `a` to `b` with `count` positions whose interior wiggles across the chord. The offset
 * is perpendicular to the chord, so the line is the graph of a function over the chord and can never
 * cross itself; the endpoints are exactly `a` and `b`, so lines that share a node share it bit for bit.
 */
export function wigglyLine(
  a: Position,
  b: Position,
  count: number,
  amplitudes: number[],
  noise: number,
  rng: Rng,
) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  const nx = -dy / length;
  const ny = dx / length;
  const out: Position[] = [a];
  for (let s = 1; s < count - 1; s++) {
    const t = s / (count - 1);
    let off = rng.range(-noise, noise) * Math.sin(Math.PI * t);
    amplitudes.forEach((amp, k) => (off += amp * Math.sin(Math.PI * (k + 1) * t)));
    off *= length;
    out.push([round5(a[0] + t * dx + nx * off), round5(a[1] + t * dy + ny * off)]);
  }
  out.push(b);
  return out;
}

export interface RoadGrid {
  /** Node positions, index `row * cols + col`. */
  nodes: Position[];
  rows: number;
  cols: number;
  /** One entry per road segment: its end nodes and geometry. */
  segments: { a: number; b: number; coords: Position[]; class: 'primary' | 'secondary' | 'track' }[];
  /** Road index of the edge from (col, row) to (col + 1, row), or -1 when there is none. */
  horizontal: Int32Array;
  /** Road index of the edge from (col, row) to (col, row + 1). */
  vertical: Int32Array;
  /** Longitude of the international border, between two node columns; `borderCol` is the last column west of it. */
  borderLon: number;
  borderCol: number;
  /** Rows whose road crosses the border (one international crossing each). */
  crossingRows: number[];
}

/**
 * A connected, planar road network over `extent`: a jittered grid of nodes joined by wiggly segments,
 * with diagonals added in random cells to reach exactly `target` segments. West of `borderLon` lies a
 * neighbouring country; only the `crossingRows` rows have a road across the border, as in reality roads
 * cross borders at crossings.
 */
export function roadGrid(
  extent: [number, number, number, number],
  target: number,
  verticesPerRoad: number,
  crossings: number,
  borderFraction: number,
  rng: Rng,
): RoadGrid {
  const [w, s, e, n] = extent;
  const aspect = (e - w) / (n - s);
  // The largest grid whose edges (minus the border edges removed) do not exceed the target.
  let rows = 2;
  let cols = 2;
  const edgesOf = (r: number, c: number) =>
    r * (c - 1) + c * (r - 1) - Math.max(0, r - Math.min(crossings, r));
  for (let r = 2; ; r++) {
    const c = Math.max(3, Math.round(aspect * (r - 1)) + 1);
    if (edgesOf(r, c) > target) break;
    rows = r;
    cols = c;
  }
  if (rows === 2 && edgesOf(2, 3) > target)
    throw new Error(`a road network needs more than ${target} segments`);
  const dx = (e - w) / cols;
  const dy = (n - s) / rows;
  const borderCol = Math.min(cols - 2, Math.max(0, Math.round(borderFraction * cols) - 1));
  const borderLon = round5(w + (borderCol + 1) * dx);
  const crossingRows = [
    ...new Set(
      Array.from({ length: Math.min(crossings, rows) }, (_, m) =>
        Math.min(rows - 1, Math.floor(((m + 0.5) * rows) / Math.min(crossings, rows))),
      ),
    ),
  ];

  const nodes: Position[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      nodes.push([
        round5(w + (c + 0.5 + rng.range(-0.25, 0.25)) * dx),
        round5(s + (r + 0.5 + rng.range(-0.25, 0.25)) * dy),
      ]);

  const segments: RoadGrid['segments'] = [];
  const horizontal = new Int32Array(rows * cols).fill(-1);
  const vertical = new Int32Array(rows * cols).fill(-1);
  const classOf = (line: number, crossingRoad = false) =>
    crossingRoad || line % 12 === 0 ? 'primary' : line % 4 === 0 ? 'secondary' : 'track';
  const add = (a: number, b: number, cls: RoadGrid['segments'][number]['class']) => {
    const amp = rng.range(-0.05, 0.05);
    const coords = wigglyLine(
      nodes[a],
      nodes[b],
      verticesPerRoad,
      rng.chance(0.5) ? [amp] : [0, amp],
      0.004,
      rng,
    );
    segments.push({ a, b, coords, class: cls });
    return segments.length - 1;
  };
  const crossingSet = new Set(crossingRows);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols - 1; c++) {
      if (c === borderCol && !crossingSet.has(r)) continue;
      horizontal[r * cols + c] = add(r * cols + c, r * cols + c + 1, classOf(r, c === borderCol));
    }
  for (let c = 0; c < cols; c++)
    for (let r = 0; r < rows - 1; r++)
      vertical[r * cols + c] = add(r * cols + c, (r + 1) * cols + c, classOf(c));
  // Diagonals in random cells (one per cell at most, never across the border) until the target is reached.
  const cells: number[] = [];
  for (let r = 0; r < rows - 1; r++)
    for (let c = 0; c < cols - 1; c++) if (c !== borderCol) cells.push(r * cols + c);
  for (let i = cells.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [cells[i], cells[j]] = [cells[j], cells[i]];
  }
  for (let i = 0; segments.length < target && i < cells.length; i++)
    add(cells[i], cells[i] + cols + 1, 'track');
  return { nodes, rows, cols, segments, horizontal, vertical, borderLon, borderCol, crossingRows };
}

/** The node path from `a` to `b` along grid roads: along the row, then the column (via a crossing row when the border lies between). */
export function gridPath(grid: RoadGrid, a: number, b: number): number[] {
  const { cols } = grid;
  const west = (node: number) => node % cols <= grid.borderCol;
  const path = [a];
  let cur = a;
  const stepTo = (col: number, row: number) => {
    while (cur % cols !== col) {
      cur += cur % cols < col ? 1 : -1;
      path.push(cur);
    }
    while (Math.floor(cur / cols) !== row) {
      cur += Math.floor(cur / cols) < row ? cols : -cols;
      path.push(cur);
    }
  };
  if (west(a) !== west(b)) {
    const rowA = Math.floor(a / cols);
    const via = grid.crossingRows.reduce((best, r) =>
      Math.abs(r - rowA) < Math.abs(best - rowA) ? r : best,
    );
    // Vertical to the crossing row first, then across, then to b.
    while (Math.floor(cur / cols) !== via) {
      cur += Math.floor(cur / cols) < via ? cols : -cols;
      path.push(cur);
    }
  }
  stepTo(b % cols, Math.floor(b / cols));
  return path;
}

/** The road polyline following a node path, each segment oriented along it, junctions not repeated. */
export function pathLine(grid: RoadGrid, path: number[]): Position[] {
  const out: Position[] = [grid.nodes[path[0]]];
  for (let i = 1; i < path.length; i++) {
    const [p, q] = [path[i - 1], path[i]];
    const lo = Math.min(p, q);
    const index = Math.abs(q - p) === 1 ? grid.horizontal[lo] : grid.vertical[lo];
    if (index < 0) throw new Error(`no road between nodes ${p} and ${q}`);
    const seg = grid.segments[index];
    const coords = seg.a === p ? seg.coords : [...seg.coords].reverse();
    for (let k = 1; k < coords.length; k++) out.push(coords[k]);
  }
  return out;
}

import type { Position } from 'geojson';
import type { Rng } from '../prng';
import { round5 } from './roads';

/**
 * Roads shaped like an OpenStreetMap extract rather than a tidy grid: each road is a meandering walk that
 * starts anywhere, and roads cross each other wherever their walks meet. Like OSM data after noding, every
 * crossing is a vertex of both roads (the same coordinates bit for bit), so the roads share a junction there.
 */
export function walkRoads(
  extent: readonly [number, number, number, number],
  count: number,
  verticesPerRoad: number,
  stepDeg: number,
  rng: Rng,
): Position[][] {
  const [w, s, e, n] = extent;
  const walks: Position[][] = [];
  for (let r = 0; r < count; r++) {
    let x = rng.range(w, e);
    let y = rng.range(s, n);
    let heading = rng.range(0, 2 * Math.PI);
    const line: Position[] = [[round5(x), round5(y)]];
    while (line.length < verticesPerRoad) {
      // A gentle turn at each vertex: the walk wanders but rarely doubles back on itself.
      heading += 0.35 * rng.normal();
      const step = stepDeg * rng.range(0.6, 1.4);
      let nx = x + step * Math.cos(heading);
      let ny = y + step * Math.sin(heading);
      // Turn back at the edge of the extent.
      if (nx < w || nx > e) {
        heading = Math.PI - heading;
        nx = x + step * Math.cos(heading);
      }
      if (ny < s || ny > n) {
        heading = -heading;
        ny = y + step * Math.sin(heading);
      }
      const p: Position = [round5(nx), round5(ny)];
      const last = line[line.length - 1];
      if (p[0] === last[0] && p[1] === last[1]) continue;
      line.push(p);
      [x, y] = [nx, ny];
    }
    walks.push(line);
  }
  return nodeCrossings(walks);
}

/**
 * Inserts a shared vertex into both roads at every point where a segment of one crosses a segment of
 * another (proper crossings only: touching ends are left as they are). Candidate pairs come from a uniform
 * grid of cells about two segments wide; a pair is examined in the cell holding the lower-left corner of the
 * overlap of their boxes, so once. The crossing point is rounded like every other coordinate.
 */
export function nodeCrossings(roads: readonly Position[][]): Position[][] {
  const segRoad: number[] = [];
  const segK: number[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let span = 0;
  roads.forEach((line, r) => {
    for (let k = 0; k + 1 < line.length; k++) {
      segRoad.push(r);
      segK.push(k);
      const [a, b] = [line[k], line[k + 1]];
      x0 = Math.min(x0, a[0], b[0]);
      y0 = Math.min(y0, a[1], b[1]);
      x1 = Math.max(x1, a[0], b[0]);
      y1 = Math.max(y1, a[1], b[1]);
      span += Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
    }
  });
  const count = segRoad.length;
  if (count === 0) return roads.map((r) => [...r]);
  let cell = (2 * span) / count;
  while (((x1 - x0) / cell + 1) * ((y1 - y0) / cell + 1) > 4_000_000) cell *= 2;
  const nx = Math.floor((x1 - x0) / cell) + 1;
  const ny = Math.floor((y1 - y0) / cell) + 1;
  const col = (x: number) => Math.min(nx - 1, Math.floor((x - x0) / cell));
  const row = (y: number) => Math.min(ny - 1, Math.floor((y - y0) / cell));
  const cells = new Map<number, number[]>();
  const box = new Float64Array(4 * count);
  for (let i = 0; i < count; i++) {
    const [a, b] = [roads[segRoad[i]][segK[i]], roads[segRoad[i]][segK[i] + 1]];
    box[4 * i] = Math.min(a[0], b[0]);
    box[4 * i + 1] = Math.min(a[1], b[1]);
    box[4 * i + 2] = Math.max(a[0], b[0]);
    box[4 * i + 3] = Math.max(a[1], b[1]);
    for (let cy = row(box[4 * i + 1]); cy <= row(box[4 * i + 3]); cy++)
      for (let cx = col(box[4 * i]); cx <= col(box[4 * i + 2]); cx++) {
        const key = cy * nx + cx;
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
  }
  // Per road: the (position along the road, point) of each crossing, position = segment index + t.
  const cuts: { pos: number; p: Position }[][] = roads.map(() => []);
  for (const [key, list] of [...cells.entries()].sort((p, q) => p[0] - q[0])) {
    const cx = key % nx;
    const cy = Math.floor(key / nx);
    for (let p = 0; p < list.length; p++)
      for (let q = p + 1; q < list.length; q++) {
        const [i, j] = [list[p], list[q]];
        if (segRoad[i] === segRoad[j]) continue;
        const ox = Math.max(box[4 * i], box[4 * j]);
        const oy = Math.max(box[4 * i + 1], box[4 * j + 1]);
        if (ox > Math.min(box[4 * i + 2], box[4 * j + 2]) || oy > Math.min(box[4 * i + 3], box[4 * j + 3]))
          continue;
        if (col(ox) !== cx || row(oy) !== cy) continue;
        const a = roads[segRoad[i]][segK[i]];
        const b = roads[segRoad[i]][segK[i] + 1];
        const c = roads[segRoad[j]][segK[j]];
        const d = roads[segRoad[j]][segK[j] + 1];
        const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
        if (den === 0) continue;
        const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
        const u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / den;
        if (!(t > 0 && t < 1 && u > 0 && u < 1)) continue;
        const at: Position = [round5(a[0] + t * (b[0] - a[0])), round5(a[1] + t * (b[1] - a[1]))];
        cuts[segRoad[i]].push({ pos: segK[i] + t, p: at });
        cuts[segRoad[j]].push({ pos: segK[j] + u, p: at });
      }
  }
  return roads.map((line, r) => {
    const list = cuts[r].sort((p, q) => p.pos - q.pos);
    const out: Position[] = [];
    let c = 0;
    for (let k = 0; k < line.length; k++) {
      const v = line[k];
      if (out.length === 0 || !same(out[out.length - 1], v)) out.push(v);
      for (; c < list.length && list[c].pos < k + 1; c++) {
        // Rounding can put a crossing on a vertex or on the crossing before it: keep one of each point.
        if (!same(out[out.length - 1], list[c].p) && !same(line[k + 1], list[c].p)) out.push(list[c].p);
      }
    }
    return out;
  });
}

const same = (p: Position, q: Position | undefined) => q !== undefined && p[0] === q[0] && p[1] === q[1];

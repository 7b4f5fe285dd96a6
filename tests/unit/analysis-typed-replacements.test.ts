import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { containsByCount } from '../helpers/containsByCount';
import { createBoxIndex } from '$lib/domain/geo/createBoxIndex';
import { createPointIndex } from '$lib/domain/geo/createPointIndex';
import { SegmentGrid } from '$lib/domain/analysis/network/segmentGrid';
import { createPolygonIndex } from '$lib/domain/geo/createPolygonIndex';
import { KM_PER_DEGREE } from '$lib/domain/geo/constants';
import { projectOnSegment } from '$lib/domain/geo/projectOnSegment';
import { foldTreeAt } from '$lib/domain/analysis/access/foldTree';
import { pathGeometry } from '$lib/domain/analysis/access/pathGeometry';
import type { RoadNetwork } from '$lib/domain/analysis/network/roadNetwork';
import { insertionSort } from '$lib/domain/analysis/corridors/insertionSort';
import { compareReasons } from '$lib/domain/analysis/reasons';
import type { Reason } from '$lib/domain/schemas';

// Typed or presized replacements of straightforward code must give exactly what it gave: these compare
// them on seeded random input.

describe('SegmentGrid', () => {
  it('finds the same boxes as the tree index (createBoxIndex), in another order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const n = 1 + Math.floor(rand() * 400);
      const boxes = new Float64Array(4 * n);
      for (let i = 0; i < n; i++) {
        const x = rand() * 10;
        const y = rand() * 10;
        // Either corner first: the grid reads an item's box as the extent of its two points.
        const w = rand() * 0.5;
        const h = rand() * 0.5;
        boxes.set(rand() < 0.5 ? [x, y, x + w, y + h] : [x + w, y, x, y + h], 4 * i);
      }
      const box = (i: number) =>
        [
          Math.min(boxes[4 * i], boxes[4 * i + 2]),
          boxes[4 * i + 1],
          Math.max(boxes[4 * i], boxes[4 * i + 2]),
          boxes[4 * i + 3],
        ] as const;
      const tree = createBoxIndex(n, box);
      const grid = new SegmentGrid(boxes, 0.05 + rand());
      for (let q = 0; q < 30; q++) {
        const x = rand() * 10;
        const y = rand() * 10;
        const w = rand();
        // A query at an item's own box: boxes that only touch it count in both.
        const [a, b, c, d] = q % 3 === 0 ? box(q % n) : [x, y, x + w, y + w];
        const byTree = tree.search(a, b, c, d).sort((i, j) => i - j);
        expect(
          grid.search(a, b, c, d).sort((i, j) => i - j),
          `seed ${seed}`,
        ).toEqual(byTree);
      }
    }
  });
});

/** SegmentGrid's search as it was written with a table of the items already met: each item in the first
 * cell of the scan (row by row) that holds it. */
function gridSearchWithSeenTable(grid: SegmentGrid, minX: number, minY: number, maxX: number, maxY: number) {
  const seen = new Set<number>();
  const out: number[] = [];
  const b = grid.boxes;
  for (let cy = grid.row(minY); cy <= grid.row(maxY); cy++)
    for (let cx = grid.column(minX); cx <= grid.column(maxX); cx++) {
      const c = cy * grid.nx + cx;
      for (let k = grid.start[c]; k < grid.start[c + 1]; k++) {
        const i = grid.items[k];
        if (seen.has(i)) continue;
        seen.add(i);
        const [ax, ay, bx, by] = [b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]];
        if (Math.min(ax, bx) > maxX || Math.max(ax, bx) < minX) continue;
        if (Math.min(ay, by) <= maxY && Math.max(ay, by) >= minY) out.push(i);
      }
    }
  return out;
}

describe('SegmentGrid without a table of items met', () => {
  it('finds the items a table of those met finds, in the same order, once each', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rand = mulberry32(1000 + seed);
      const n = 1 + Math.floor(rand() * 600);
      const boxes = new Float64Array(4 * n);
      for (let i = 0; i < n; i++) {
        const x = rand() * 10;
        const y = rand() * 10;
        // Long boxes too, spanning many cells; points (zero-size boxes) on cell borders.
        const w = rand() < 0.1 ? rand() * 5 : rand() < 0.2 ? 0 : rand() * 0.5;
        const h = rand() < 0.1 ? rand() * 5 : rand() < 0.2 ? 0 : rand() * 0.5;
        const [px, py] = rand() < 0.1 ? [Math.round(x), Math.round(y)] : [x, y];
        boxes.set(rand() < 0.5 ? [px, py, px + w, py + h] : [px + w, py + h, px, py], 4 * i);
      }
      // Cells of 1 put box edges on cell borders; some grids are coarsened by MAX_CELLS only in theory.
      const grid = new SegmentGrid(boxes, seed % 3 === 0 ? 1 : 0.02 + rand());
      for (let q = 0; q < 40; q++) {
        const x = rand() * 12 - 1;
        const y = rand() * 12 - 1;
        const w = q % 5 === 0 ? rand() * 12 : rand();
        const h = q % 7 === 0 ? 0 : rand();
        const expected = gridSearchWithSeenTable(grid, x, y, x + w, y + h);
        expect(grid.search(x, y, x + w, y + h), `seed ${seed}`).toEqual(expected);
        const met: number[] = [];
        grid.forEach(x, y, x + w, y + h, (i) => met.push(i));
        expect(met, `seed ${seed}`).toEqual(expected);
        expect(grid.search(x, y, x + w, y + h, (i) => i % 2 === 0)).toEqual(
          expected.filter((i) => i % 2 === 0),
        );
      }
    }
  });
});

/** pathGeometry as it was written before it sized its array: positions pushed one by one. */
function pathGeometryByPush(
  net: RoadNetwork,
  edgeCoords: (edge: number) => Position[],
  edges: readonly number[],
  nodes: readonly number[],
  start?: Position,
  end?: Position,
): Position[] {
  const out: Position[] = [];
  const push = (p: Position) => {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  };
  if (start) push(start);
  for (let i = 0; i < edges.length; i++) {
    const line = edgeCoords(edges[i]);
    if (net.edges[edges[i]].from === nodes[i]) for (const p of line) push(p);
    else for (const p of [...line].reverse()) push(p);
  }
  if (end) push(end);
  if (out.length === 0) out.push([net.nodeLon[nodes[0]], net.nodeLat[nodes[0]]]);
  if (out.length === 1) out.push(out[0]);
  return out;
}

describe('pathGeometry', () => {
  it('gives the positions pushing them one by one gives, repeats dropped', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rand = mulberry32(seed);
      // A chain of junctions on a coarse lattice (so that positions repeat), edges walked either way.
      const nodeCount = 2 + Math.floor(rand() * 6);
      const at = () => [Math.floor(rand() * 3), Math.floor(rand() * 3)];
      const nodePos = Array.from({ length: nodeCount }, at);
      const lines: Position[][] = [];
      const edgeList: { from: number; to: number }[] = [];
      for (let n = 0; n + 1 < nodeCount; n++) {
        const forward = rand() < 0.5;
        const from = forward ? n : n + 1;
        const to = forward ? n + 1 : n;
        const inner = Array.from({ length: Math.floor(rand() * 4) }, at);
        lines.push([nodePos[from], ...inner, nodePos[to]]);
        edgeList.push({ from, to });
      }
      const net = {
        edges: edgeList,
        edgeFrom: Int32Array.from(edgeList, (e) => e.from),
        nodeLon: Float64Array.from(nodePos, (p) => p[0]),
        nodeLat: Float64Array.from(nodePos, (p) => p[1]),
      } as unknown as RoadNetwork;
      const take = Math.floor(rand() * (nodeCount - 1) + (seed % 7 === 0 ? 0 : 1));
      const edges = Array.from({ length: take }, (_, i) => i);
      const nodes = Array.from({ length: take + 1 }, (_, i) => i);
      const start = rand() < 0.5 ? at() : undefined;
      const end = rand() < 0.5 ? at() : undefined;
      const expected = pathGeometryByPush(net, (e) => lines[e], edges, nodes, start, end);
      const got = pathGeometry(net, (e) => lines[e], edges, nodes, start, end);
      expect(got, `seed ${seed}`).toEqual(expected);
      expect(Object.keys(got).length).toBe(got.length); // no holes left
      // Told which edges repeat a position in a row, it copies the others unread: the same course.
      const hasRepeats = (e: number) =>
        lines[e].some((p, k) => k > 0 && p[0] === lines[e][k - 1][0] && p[1] === lines[e][k - 1][1]);
      const told = pathGeometry(net, (e) => lines[e], edges, nodes, start, end, hasRepeats);
      expect(told, `seed ${seed}, repeats told`).toEqual(expected);
      expect(Object.keys(told).length).toBe(told.length);
    }
  });
});

describe('foldTreeAt', () => {
  it('gives every node the fold of its path from the root, walking each node once', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rand = mulberry32(seed);
      // A random tree: node n > 0 hangs from an earlier node by edge n - 1, stored either way round.
      const n = 2 + Math.floor(rand() * 300);
      const edgeFrom = new Int32Array(n - 1);
      const edgeTo = new Int32Array(n - 1);
      const prevEdge = new Int32Array(n).fill(-1);
      const parent = new Int32Array(n).fill(-1);
      for (let c = 1; c < n; c++) {
        parent[c] = Math.floor(rand() * c);
        [edgeFrom[c - 1], edgeTo[c - 1]] = rand() < 0.5 ? [parent[c], c] : [c, parent[c]];
        prevEdge[c] = c - 1;
      }
      const memo = new Map<number, string>();
      let steps = 0;
      const step = (base: string, c: number, e: number, p: number) => {
        steps++;
        return `${base}>${p}-${e}-${c}`;
      };
      for (let q = 0; q < n; q++) {
        const node = Math.floor(rand() * n);
        let direct = '';
        for (let c = node; c !== 0; c = parent[c]) direct = `>${parent[c]}-${c - 1}-${c}${direct}`;
        const got = foldTreeAt({ edgeFrom, edgeTo }, prevEdge, memo, node, (r) => `root${r}`, step);
        expect(got, `seed ${seed}`).toBe(`root0${direct}`);
      }
      expect(steps).toBeLessThan(n);
    }
  });
});

describe('createPointIndex', () => {
  it('answers as createBoxIndex over the points as boxes, in the same order', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rand = mulberry32(500 + seed);
      const n = Math.floor(rand() * 300);
      const x = Float64Array.from({ length: n }, () => rand() * 10);
      const y = Float64Array.from({ length: n }, () => rand() * 10);
      const byBoxes = createBoxIndex(n, (i) => [x[i], y[i], x[i], y[i]]);
      const byPoints = createPointIndex(x, y);
      expect(byPoints.size).toBe(byBoxes.size);
      for (let q = 0; q < 20; q++) {
        const [qx, qy, w] = [rand() * 10, rand() * 10, rand() * 3];
        expect(byPoints.search(qx, qy, qx + w, qy + w), `seed ${seed}`).toEqual(
          byBoxes.search(qx, qy, qx + w, qy + w),
        );
        expect(byPoints.neighbors(qx, qy, 16), `seed ${seed}`).toEqual(byBoxes.neighbors(qx, qy, 16));
      }
    }
  });
});

describe('createPolygonIndex', () => {
  it('finds a point inside exactly where an even-odd count over every ring edge does', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rand = mulberry32(seed);
      // A few star-shaped polygons, some with a hole, on a small area so that they overlap.
      const polygons: Position[][][] = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
        const cx = rand() * 4;
        const cy = rand() * 4;
        const ring = (r: number): Position[] => {
          const k = 3 + Math.floor(rand() * 12);
          const pts = Array.from({ length: k }, (_, j): Position => {
            const a = (2 * Math.PI * j) / k;
            const d = r * (0.5 + rand() / 2);
            return [cx + d * Math.cos(a), cy + d * Math.sin(a)];
          });
          return [...pts, pts[0]];
        };
        return rand() < 0.4 ? [ring(2), ring(0.3)] : [ring(2)];
      });
      const index = createPolygonIndex(polygons);
      const byCount = (p: Position) => containsByCount(polygons, p);
      for (let q = 0; q < 200; q++) {
        const p: Position = [rand() * 8 - 2, rand() * 8 - 2];
        expect(index.contains(p), `seed ${seed} at ${p.join(',')}`).toBe(byCount(p));
      }
    }
  });
});

describe('PolygonIndex.meetsInside', () => {
  it('says a segment has a part inside exactly where insideIntervals finds one', () => {
    let inside = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rand = mulberry32(300 + seed);
      const polygons: Position[][][] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
        const cx = rand() * 4;
        const cy = rand() * 4;
        const ring = (r: number): Position[] => {
          const k = 3 + Math.floor(rand() * 10);
          const pts = Array.from({ length: k }, (_, j): Position => {
            const a = (2 * Math.PI * j) / k;
            const d = r * (0.5 + rand() / 2);
            return [cx + d * Math.cos(a), cy + d * Math.sin(a)];
          });
          return [...pts, pts[0]];
        };
        return rand() < 0.4 ? [ring(2), ring(0.4)] : [ring(2)];
      });
      const index = createPolygonIndex(polygons);
      const vertices = polygons.flat(2);
      for (let q = 0; q < 300; q++) {
        // Free segments, and segments from or along ring vertices (touching the rings at a point or more).
        const a: Position =
          q % 4 === 0 ? vertices[Math.floor(rand() * vertices.length)] : [rand() * 8 - 2, rand() * 8 - 2];
        const b: Position =
          q % 8 === 0
            ? vertices[Math.floor(rand() * vertices.length)]
            : [a[0] + (rand() - 0.5) * 3, a[1] + (rand() - 0.5) * 3];
        const expected = index.insideIntervals(a, b).length > 0;
        if (expected) inside++;
        expect(index.meetsInside(a, b), `seed ${seed}: ${a.join(',')} to ${b.join(',')}`).toBe(expected);
      }
    }
    expect(inside).toBeGreaterThan(1000);
  });
});

describe('projectOnSegment and the latitude test that skips it', () => {
  it('measures at least the latitude gap between a point and a segment', () => {
    const rand = mulberry32(7);
    for (let q = 0; q < 20000; q++) {
      const a: Position = [20 + rand() * 10, 5 + rand() * 15];
      const b: Position = [a[0] + (rand() - 0.5) * 0.1, a[1] + (rand() - 0.5) * 0.1];
      const p: Position = [a[0] + (rand() - 0.5) * 0.3, a[1] + (rand() - 0.5) * 0.3];
      const attach = 0.5 + rand() * 2;
      // The skip of corridorIntervals' crossing stretches: further in latitude than the attach distance.
      const latGap = (attach * (1 + 1e-6) + 1e-9) / KM_PER_DEGREE;
      const skipped = p[1] < Math.min(a[1], b[1]) - latGap || p[1] > Math.max(a[1], b[1]) + latGap;
      if (skipped) expect(projectOnSegment(p, a, b).distanceKm).toBeGreaterThan(attach);
    }
  });
});

describe('insertionSort', () => {
  it('orders reasons as a stable Array.prototype.sort does, equal ones kept in their order', () => {
    const codes = ['frontline_buffer', 'incident_nearby', 'seasonal_closure', 'contested_area'];
    for (let seed = 1; seed <= 200; seed++) {
      const rand = mulberry32(seed);
      const n = Math.floor(rand() * 12);
      // Few distinct values, so that equal reasons (distinct objects) are common.
      const reasons: Reason[] = Array.from({ length: n }, () => ({
        code: codes[Math.floor(rand() * codes.length)] as Reason['code'],
        featureId: `f${Math.floor(rand() * 3)}`,
        detail: `d${Math.floor(rand() * 2)}`,
      }));
      const bySort = [...reasons].sort(compareReasons);
      // Only the first `kept` are sorted; the rest stay as they were.
      const kept = Math.floor(rand() * (n + 1));
      const byInsertion = [...reasons];
      insertionSort(byInsertion, kept, compareReasons);
      const expected = [...reasons.slice(0, kept)].sort(compareReasons).concat(reasons.slice(kept));
      expect(byInsertion.length, `seed ${seed}`).toBe(n);
      for (let i = 0; i < n; i++) expect(byInsertion[i], `seed ${seed}, item ${i}`).toBe(expected[i]);
      if (kept === n) for (let i = 0; i < n; i++) expect(byInsertion[i]).toBe(bySort[i]);
    }
  });
});

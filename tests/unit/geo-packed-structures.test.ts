import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { createBoxIndex, createBoxIndexOfBoxes } from '$lib/domain/geo/createBoxIndex';
import { pathGeometry } from '$lib/domain/analysis/access/pathGeometry';
import type { RoadNetwork } from '$lib/domain/analysis/network/roadNetwork';

// Typed or presized replacements of straightforward code must give exactly what it gave: these compare
// them on seeded random input.

describe('createBoxIndexOfBoxes', () => {
  it('finds the same boxes as createBoxIndex over the same boxes', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const n = 1 + Math.floor(rand() * 400);
      const boxes = new Float64Array(4 * n);
      for (let i = 0; i < n; i++) {
        const x = rand() * 10;
        const y = rand() * 10;
        boxes.set([x, y, x + rand() * 0.5, y + rand() * 0.5], 4 * i);
      }
      const packed = createBoxIndexOfBoxes(boxes);
      const plain = createBoxIndex(n, (i) => [
        boxes[4 * i],
        boxes[4 * i + 1],
        boxes[4 * i + 2],
        boxes[4 * i + 3],
      ]);
      expect(packed.size).toBe(n);
      for (let q = 0; q < 30; q++) {
        const x = rand() * 10;
        const y = rand() * 10;
        const w = rand();
        expect(packed.search(x, y, x + w, y + w), `seed ${seed}`).toEqual(plain.search(x, y, x + w, y + w));
        expect(packed.neighbors(x, y, 5)).toEqual(plain.neighbors(x, y, 5));
      }
    }
    expect(createBoxIndexOfBoxes(new Float64Array(0)).search(0, 0, 1, 1)).toEqual([]);
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
    for (let seed = 1; seed <= 200; seed++) {
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
        nodeLon: Float64Array.from(nodePos, (p) => p[0]),
        nodeLat: Float64Array.from(nodePos, (p) => p[1]),
      } as unknown as RoadNetwork;
      const take = Math.floor(rand() * (nodeCount - 1) + (seed % 7 === 0 ? 0 : 1));
      const edges = Array.from({ length: take }, (_, i) => i);
      const nodes = Array.from({ length: take + 1 }, (_, i) => i);
      const start = rand() < 0.5 ? at() : undefined;
      const end = rand() < 0.5 ? at() : undefined;
      const got = pathGeometry(net, (e) => lines[e], edges, nodes, start, end);
      expect(got, `seed ${seed}`).toEqual(pathGeometryByPush(net, (e) => lines[e], edges, nodes, start, end));
      expect(Object.keys(got).length).toBe(got.length); // no holes left
    }
  });
});

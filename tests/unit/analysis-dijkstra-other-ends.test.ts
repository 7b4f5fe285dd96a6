import { describe, expect, it } from 'vitest';
import { dijkstra, type Graph } from '$lib/domain/analysis/access/dijkstra';
import { mulberry32 } from '../../bench/prng';
import { edgeListGraph } from '../helpers/edgeListGraph';

/**
 * The search `dijkstra` stands for, the plain way: the unsettled node of least (distance + heuristic, index)
 * is settled next, each edge's other end read from `edgeFrom` and `edgeTo`, the slots of a node relaxed in
 * list order with a strict improvement (so the first of equally short edges stays).
 */
function plainSearch(
  g: Graph,
  sources: readonly { node: number; cost: number }[],
  edgeCost: Float64Array,
  stopAt?: Uint8Array,
  target = -1,
  heuristic?: (node: number) => number,
  passCost?: Float64Array,
) {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const prevEdge = new Int32Array(g.nodeCount).fill(-1);
  const origin = new Int32Array(g.nodeCount).fill(-1);
  const done = new Uint8Array(g.nodeCount);
  const isSource = new Uint8Array(g.nodeCount);
  const h = (n: number) => (heuristic ? heuristic(n) : 0);
  sources.forEach((s, i) => {
    isSource[s.node] = 1;
    if (s.cost < dist[s.node]) {
      dist[s.node] = s.cost;
      origin[s.node] = i;
    }
  });
  for (;;) {
    let n = -1;
    for (let m = 0; m < g.nodeCount; m++)
      if (!done[m] && dist[m] < Infinity && (n < 0 || dist[m] + h(m) < dist[n] + h(n))) n = m;
    if (n < 0) break;
    done[n] = 1;
    if (n === target) break;
    if (stopAt && !isSource[n] && stopAt[n] !== 0) continue;
    const leave = passCost && !isSource[n] ? dist[n] + passCost[n] : dist[n];
    for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
      const e = g.adjEdge[k];
      if (edgeCost[e] === Infinity) continue;
      const m = g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
      if (leave + edgeCost[e] < dist[m]) {
        dist[m] = leave + edgeCost[e];
        prevEdge[m] = e;
        origin[m] = origin[n];
      }
    }
  }
  return { dist: [...dist], prevEdge: [...prevEdge], origin: [...origin] };
}

/** A random network with loops, parallel edges and shuffled lists, and small whole costs (many ties). */
function randomGraph(rand: () => number) {
  const int = (n: number) => Math.floor(rand() * n);
  const nodeCount = 2 + int(50);
  const from: number[] = [];
  const to: number[] = [];
  const edgeCount = int(3 * nodeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = int(nodeCount);
    from.push(a);
    // Loops (an edge from a junction to itself) and parallel edges now and then.
    to.push(rand() < 0.05 ? a : rand() < 0.05 && e > 0 ? to[e - 1] : int(nodeCount));
  }
  const g = edgeListGraph(nodeCount, from, to, int);
  return { g, int };
}

describe('dijkstra', () => {
  it('finds what the plain search finds, ties included, on 400 seeded networks', () => {
    const rand = mulberry32(29);
    let reached = 0;
    for (let c = 0; c < 400; c++) {
      const { g, int } = randomGraph(rand);
      const edges = g.edgeFrom.length;
      // Two searches on each graph: the second reads the other ends kept from the first.
      for (let s = 0; s < 2; s++) {
        const cost = Float64Array.from({ length: edges }, () => (rand() < 0.1 ? Infinity : int(4)));
        const sources = Array.from({ length: 1 + int(3) }, () => ({ node: int(g.nodeCount), cost: int(3) }));
        const stopAt =
          rand() < 0.5 ? Uint8Array.from({ length: g.nodeCount }, () => (rand() < 0.15 ? 1 : 0)) : undefined;
        const passCost = rand() < 0.3 ? Float64Array.from({ length: g.nodeCount }, () => int(3)) : undefined;
        const target = rand() < 0.3 ? int(g.nodeCount) : -1;
        const heuristic = target >= 0 && rand() < 0.5 ? (n: number) => (n === target ? 0 : 1) : undefined;
        const found = dijkstra(g, sources, cost, stopAt, target, heuristic, passCost);
        const plain = plainSearch(g, sources, cost, stopAt, target, heuristic, passCost);
        expect({
          dist: [...found.dist],
          prevEdge: [...found.prevEdge],
          origin: [...found.origin],
        }).toEqual(plain);
        reached += plain.prevEdge.filter((e) => e >= 0).length;
      }
    }
    expect(reached).toBeGreaterThan(5000);
  });

  it('reads the ends of a graph made anew over the same adjacency lists', () => {
    // The same lists, the edges' ends swapped over (a graph whose edges run the other way, then one whose
    // edges lead elsewhere): what was kept for the first graph must not serve the others.
    const rand = mulberry32(31);
    for (let c = 0; c < 100; c++) {
      const { g, int } = randomGraph(rand);
      const cost = Float64Array.from({ length: g.edgeFrom.length }, () => 1 + int(3));
      const sources = [{ node: int(g.nodeCount), cost: 0 }];
      const other: Graph = { ...g, edgeFrom: g.edgeTo, edgeTo: g.edgeFrom };
      const elsewhere: Graph = { ...g, edgeTo: g.edgeTo.map(() => int(g.nodeCount)) };
      for (const graph of [g, other, elsewhere, g]) {
        const found = dijkstra(graph, sources, cost);
        const plain = plainSearch(graph, sources, cost);
        expect([...found.dist]).toEqual(plain.dist);
        expect([...found.prevEdge]).toEqual(plain.prevEdge);
      }
    }
  });
});

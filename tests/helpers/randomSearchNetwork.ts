import type { Graph } from '$lib/domain/analysis/access/dijkstra';
import type { Changes } from '$lib/domain/analysis/access/searchChanges';
import { edgeListGraph } from './edgeListGraph';

/**
 * A connected random network with extra edges and small whole costs (many ties), as the seeded tests of a
 * search's changes make it: `int(k)` draws from `rand` after it, so a caller's later draws stay seeded.
 */
export function randomSearchNetwork(rand: () => number) {
  const int = (n: number) => Math.floor(rand() * n);
  const nodeCount = 30 + int(120);
  const from: number[] = [];
  const to: number[] = [];
  for (let n = 1; n < nodeCount; n++) {
    from.push(int(n));
    to.push(n);
  }
  for (let i = int(nodeCount * 2); i > 0; i--) {
    from.push(int(nodeCount));
    to.push(int(nodeCount));
  }
  const g = edgeListGraph(nodeCount, from, to);
  const cost = Float64Array.from(from, () => (rand() < 0.05 ? Infinity : 1 + int(4)));
  return { g, cost, int };
}

/** A few edges and junctions whose reasons or crossings changed, as flags and lists. */
export function randomChanges(g: Graph, rand: () => number): Changes {
  const edges = new Set<number>();
  const nodes = new Set<number>();
  for (let i = Math.floor(rand() * 4); i > 0; i--) edges.add(Math.floor(rand() * g.edgeFrom.length));
  for (let i = Math.floor(rand() * 2); i > 0; i--) nodes.add(Math.floor(rand() * g.nodeCount));
  return {
    edgeChanged: (e) => edges.has(e),
    nodeChanged: (n) => nodes.has(n),
    changedEdges: [...edges],
    changedNodes: [...nodes],
  };
}

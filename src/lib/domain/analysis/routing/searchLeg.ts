import { haversineKm } from '../../geo/haversineKm';
import { dijkstra, pathTo, type Graph } from '../access/dijkstra';
import type { RoadNetwork } from '../network/roadNetwork';
import type { ResolvedPlace } from './resolvePlace';

/**
 * A stretch of one edge walked by a route: from `startKm` to `endKm`, both measured along the edge from its
 * `from` junction (so `endKm < startKm` when the edge is walked backwards). Whole edges run 0 → length.
 */
export interface Piece {
  edge: number;
  startKm: number;
  endKm: number;
}

export interface Leg {
  pieces: Piece[];
  /** Junctions met in travel order (the first and last may be ends of partial edges). */
  nodes: number[];
  cost: number;
}

/** Cost per km of an edge in `cost` (Infinity when it may not be used). */
function unitCost(net: RoadNetwork, cost: Float64Array, e: number): number {
  const len = net.edges[e].lengthKm;
  return len > 0 ? cost[e] / len : cost[e] === Infinity ? Infinity : 1;
}

/**
 * The cheapest way from `a` to `b` under `cost`, or null. A place inside an edge is left (or reached) by
 * either end of its edge, at the cost of the part of the edge walked; one A* search runs per end of `b`,
 * each towards its own junction, so the answer is exact. `stopAt` junctions may be reached, not passed.
 */
export function searchLeg(
  net: RoadNetwork,
  graph: Graph,
  a: ResolvedPlace,
  b: ResolvedPlace,
  cost: Float64Array,
  stopAt: Uint8Array,
  /** Lower bounds to each target junction, kept between the searches of one plan (the alternatives). */
  bounds: Map<number, Float64Array> = new Map(),
): Leg | null {
  const sources = a.anchors
    .map((s) => ({ node: s.node, cost: a.edge < 0 ? 0 : s.km * unitCost(net, cost, a.edge) }))
    .filter((s) => s.cost < Infinity);
  let best: Leg | null = null;
  // Both places inside the same edge: walking along it is one candidate.
  if (a.edge >= 0 && a.edge === b.edge) {
    const c = Math.abs(a.edgeKm - b.edgeKm) * unitCost(net, cost, a.edge);
    if (c < Infinity)
      best = { pieces: [{ edge: a.edge, startKm: a.edgeKm, endKm: b.edgeKm }], nodes: [], cost: c };
  }
  if (sources.length === 0) return best;
  for (const t of b.anchors) {
    const last = b.edge < 0 ? 0 : t.km * unitCost(net, cost, b.edge);
    if (last === Infinity) continue;
    const target = [net.nodeLon[t.node], net.nodeLat[t.node]];
    // Great-circle lower bounds, computed lazily once per target: the trigonometry dominated the searches.
    let bound = bounds.get(t.node);
    if (!bound) bounds.set(t.node, (bound = new Float64Array(net.nodeCount).fill(-1)));
    const b0 = bound;
    const heuristic = (n: number) => {
      let h = b0[n];
      if (h < 0) h = b0[n] = haversineKm([net.nodeLon[n], net.nodeLat[n]], target) * 0.999;
      return h;
    };
    const r = dijkstra(graph, sources, cost, stopAt, t.node, heuristic);
    const total = r.dist[t.node] + last;
    if (!(total < (best?.cost ?? Infinity))) continue;
    const path = pathTo(graph, r, t.node);
    const pieces: Piece[] = [];
    const first = path.nodes[0];
    if (a.edge >= 0) {
      const e = net.edges[a.edge];
      pieces.push({ edge: a.edge, startKm: a.edgeKm, endKm: first === e.from ? 0 : e.lengthKm });
    }
    path.edges.forEach((e, i) => {
      const len = net.edges[e].lengthKm;
      const forward = net.edges[e].from === path.nodes[i];
      pieces.push({ edge: e, startKm: forward ? 0 : len, endKm: forward ? len : 0 });
    });
    if (b.edge >= 0) {
      const e = net.edges[b.edge];
      pieces.push({ edge: b.edge, startKm: t.node === e.from ? 0 : e.lengthKm, endKm: b.edgeKm });
    }
    best = { pieces, nodes: path.nodes, cost: total };
  }
  return best;
}

/** Minimal binary heap on (cost, node) in typed arrays, ties broken by node index so searches are deterministic. */
class Heap {
  private cost = new Float64Array(1024);
  private node = new Int32Array(1024);
  size = 0;
  /** Cost of the node returned by the last `pop`. */
  poppedCost = 0;

  push(c: number, n: number): void {
    if (this.size === this.node.length) {
      const cost = new Float64Array(this.size * 2);
      cost.set(this.cost);
      this.cost = cost;
      const node = new Int32Array(this.size * 2);
      node.set(this.node);
      this.node = node;
    }
    const cs = this.cost;
    const ns = this.node;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cs[p] < c || (cs[p] === c && ns[p] < n)) break;
      cs[i] = cs[p];
      ns[i] = ns[p];
      i = p;
    }
    cs[i] = c;
    ns[i] = n;
  }

  pop(): number {
    const cs = this.cost;
    const ns = this.node;
    const top = ns[0];
    this.poppedCost = cs[0];
    const last = --this.size;
    if (last > 0) {
      const c = cs[last];
      const n = ns[last];
      let i = 0;
      for (;;) {
        let m = 2 * i + 1;
        if (m >= last) break;
        const r = m + 1;
        if (r < last && (cs[r] < cs[m] || (cs[r] === cs[m] && ns[r] < ns[m]))) m = r;
        if (c < cs[m] || (c === cs[m] && n < ns[m])) break;
        cs[i] = cs[m];
        ns[i] = ns[m];
        i = m;
      }
      cs[i] = c;
      ns[i] = n;
    }
    return top;
  }
}

export interface Graph {
  nodeCount: number;
  adjStart: Int32Array;
  adjEdge: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
}

export interface SearchResult {
  dist: Float64Array;
  /** Edge used to reach each node (-1 at sources and unreached nodes). */
  prevEdge: Int32Array;
  /** Index in `sources` of the source each node was reached from (-1 when unreached). */
  origin: Int32Array;
  /** The nodes in the order they were settled (`settled` of them), so a later search can resume from it. */
  order: Int32Array;
  settled: number;
}

/**
 * Multi-source Dijkstra. `edgeCost[e]` is Infinity for an edge that may not be used; nodes for which
 * `stopAt` is non-zero may be reached but not passed through (sources always may be left). With `target`,
 * stops when it is settled; with `heuristic` (an admissible lower bound to the target), runs as A*.
 * `passCost[n]` (when given) is added when a path passes through node n (leaves it after reaching it).
 */
export function dijkstra(
  g: Graph,
  sources: readonly { node: number; cost: number }[],
  edgeCost: Float64Array,
  stopAt?: Uint8Array,
  target = -1,
  heuristic?: (node: number) => number,
  passCost?: Float64Array,
): SearchResult {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const prevEdge = new Int32Array(g.nodeCount).fill(-1);
  const origin = new Int32Array(g.nodeCount).fill(-1);
  const done = new Uint8Array(g.nodeCount);
  const isSource = new Uint8Array(g.nodeCount);
  const heap = new Heap();
  sources.forEach((s, i) => {
    isSource[s.node] = 1;
    if (s.cost < dist[s.node]) {
      dist[s.node] = s.cost;
      origin[s.node] = i;
      heap.push(s.cost + (heuristic ? heuristic(s.node) : 0), s.node);
    }
  });
  const state: SearchState = {
    dist,
    prevEdge,
    origin,
    done,
    isSource,
    order: new Int32Array(g.nodeCount),
    settled: 0,
  };
  return settle(g, state, heap, edgeCost, stopAt, target, heuristic, passCost);
}

interface SearchState extends SearchResult {
  done: Uint8Array;
  isSource: Uint8Array;
}

/** The main loop of `dijkstra`: pops and relaxes until the heap is empty (or `target` is settled). */
function settle(
  g: Graph,
  state: SearchState,
  heap: Heap,
  edgeCost: Float64Array,
  stopAt: Uint8Array | undefined,
  target: number,
  heuristic: ((node: number) => number) | undefined,
  passCost: Float64Array | undefined,
): SearchResult {
  const { dist, prevEdge, origin, done, isSource, order } = state;
  const { adjStart, adjEdge, edgeFrom, edgeTo } = g;
  let settled = state.settled;
  while (heap.size > 0) {
    const n = heap.pop();
    if (done[n]) continue;
    done[n] = 1;
    order[settled++] = n;
    if (n === target) break;
    if (stopAt && !isSource[n] && stopAt[n] !== 0) continue;
    const leave = passCost && !isSource[n] ? dist[n] + passCost[n] : dist[n];
    const end = adjStart[n + 1];
    for (let k = adjStart[n]; k < end; k++) {
      const e = adjEdge[k];
      const c = edgeCost[e];
      if (c === Infinity) continue;
      const m = edgeFrom[e] === n ? edgeTo[e] : edgeFrom[e];
      const d = leave + c;
      if (d < dist[m]) {
        dist[m] = d;
        prevEdge[m] = e;
        origin[m] = origin[n];
        heap.push(d + (heuristic ? heuristic(m) : 0), m);
      }
    }
  }
  return { dist, prevEdge, origin, order, settled };
}

/**
 * The result `dijkstra(g, sources, edgeCost, stopAt, -1, undefined, passCost)` would give, from `last`, its
 * result for the same sources, stops and pass costs with edge costs `lastCost`. The search is the same as the
 * last one up to the first settled node that leaves along an edge whose cost changed: that prefix is replayed
 * in the recorded order without a heap (the same relaxations, so the same distances, edges and sources, ties
 * included), the heap is then refilled with the reached nodes not yet settled and the search goes on as usual.
 * The heap orders by (cost, node) and an entry left behind by a later improvement is never popped first, so
 * the pops that follow are those a search from scratch would make. `last` itself when nothing it settled
 * leaves along a changed edge.
 */
export function resumeDijkstra(
  g: Graph,
  sources: readonly { node: number; cost: number }[],
  edgeCost: Float64Array,
  stopAt: Uint8Array | undefined,
  passCost: Float64Array | undefined,
  last: SearchResult,
  lastCost: Float64Array,
): SearchResult {
  const { adjStart, adjEdge, edgeFrom, edgeTo } = g;
  const isSource = new Uint8Array(g.nodeCount);
  for (const s of sources) isSource[s.node] = 1;
  // Junctions the search may not leave count as settled but relax nothing (as in `settle`).
  const stays = new Uint8Array(g.nodeCount);
  if (stopAt) for (let n = 0; n < g.nodeCount; n++) stays[n] = stopAt[n] !== 0 && isSource[n] === 0 ? 1 : 0;
  const touched = new Uint8Array(g.nodeCount);
  for (let e = 0; e < edgeCost.length; e++)
    if (edgeCost[e] !== lastCost[e]) touched[edgeFrom[e]] = touched[edgeTo[e]] = 1;
  const lastOrder = last.order;
  let from = 0;
  while (from < last.settled && (touched[lastOrder[from]] === 0 || stays[lastOrder[from]] === 1)) from++;
  if (from === last.settled) return last;

  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const prevEdge = new Int32Array(g.nodeCount).fill(-1);
  const origin = new Int32Array(g.nodeCount).fill(-1);
  const done = new Uint8Array(g.nodeCount);
  sources.forEach((s, i) => {
    if (s.cost < dist[s.node]) {
      dist[s.node] = s.cost;
      origin[s.node] = i;
    }
  });
  const order = new Int32Array(g.nodeCount);
  for (let i = 0; i < from; i++) {
    const n = lastOrder[i];
    done[n] = 1;
    order[i] = n;
    if (stays[n] === 1) continue;
    const leave = passCost && !isSource[n] ? dist[n] + passCost[n] : dist[n];
    const end = adjStart[n + 1];
    for (let k = adjStart[n]; k < end; k++) {
      const e = adjEdge[k];
      const c = edgeCost[e];
      if (c === Infinity) continue;
      const m = edgeFrom[e] === n ? edgeTo[e] : edgeFrom[e];
      const d = leave + c;
      if (d < dist[m]) {
        dist[m] = d;
        prevEdge[m] = e;
        origin[m] = origin[n];
      }
    }
  }
  const heap = new Heap();
  for (let n = 0; n < g.nodeCount; n++) if (dist[n] !== Infinity && done[n] === 0) heap.push(dist[n], n);
  const state: SearchState = { dist, prevEdge, origin, done, isSource, order, settled: from };
  return settle(g, state, heap, edgeCost, stopAt, -1, undefined, passCost);
}

/** Edges from a source to `node`, in travel order, with the node sequence. */
export function pathTo(g: Graph, r: SearchResult, node: number): { edges: number[]; nodes: number[] } {
  const edges: number[] = [];
  const nodes: number[] = [node];
  let n = node;
  while (r.prevEdge[n] !== -1) {
    const e = r.prevEdge[n];
    edges.push(e);
    n = g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
    nodes.push(n);
  }
  return { edges: edges.reverse(), nodes: nodes.reverse() };
}

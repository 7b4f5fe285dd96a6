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
  /** At least the greatest finite distance (a repair checks with it that every step adds to a distance). */
  maxDist?: number;
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
  let maxDist = 0;
  const { adjStart, adjEdge } = g;
  const other = otherEnds(g);
  while (heap.size > 0) {
    const n = heap.pop();
    if (done[n]) continue;
    done[n] = 1;
    if (dist[n] > maxDist) maxDist = dist[n];
    if (n === target) break;
    if (stopAt && !isSource[n] && stopAt[n] !== 0) continue;
    const leave = passCost && !isSource[n] ? dist[n] + passCost[n] : dist[n];
    for (let k = adjStart[n], end = adjStart[n + 1]; k < end; k++) {
      const e = adjEdge[k];
      const c = edgeCost[e];
      if (c === Infinity) continue;
      const m = other[k];
      const d = leave + c;
      if (d < dist[m]) {
        dist[m] = d;
        prevEdge[m] = e;
        origin[m] = origin[n];
        heap.push(d + (heuristic ? heuristic(m) : 0), m);
      }
    }
  }
  return { dist, prevEdge, origin, maxDist };
}

/**
 * The junction at the other end of each adjacency slot's edge (slot k of junction n: the end of
 * `adjEdge[k]` that is not n, or n for a loop), made once per graph. A search reads it in slot order, beside
 * `adjEdge`, where reading both ends of each edge from `edgeFrom` and `edgeTo` took two reads scattered over
 * arrays of a million edges (at the walks' full size, a third of the CPU of bench/dijkstraTimes.ts' searches,
 * about 8 % of the first analysis' large searches). The answer is the one the
 * search computed before. Kept by the adjacency array and checked against the other arrays, so
 * a graph made anew (as tests do) gets its own.
 */
interface OtherEnds {
  adjStart: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  other: Int32Array;
}
const otherEndsByAdjacency = new WeakMap<Int32Array, OtherEnds>();
export function otherEnds(g: Graph): Int32Array {
  const kept = otherEndsByAdjacency.get(g.adjEdge);
  if (kept && kept.adjStart === g.adjStart && kept.edgeFrom === g.edgeFrom && kept.edgeTo === g.edgeTo)
    return kept.other;
  // The arrays in locals: this runs once per graph, mostly before the optimising compiler takes over, and
  // reading them through `g` in every step took two to four times as long (50-75 against 11-28 ms at full size).
  const { adjStart, adjEdge, edgeFrom, edgeTo } = g;
  const other = new Int32Array(adjEdge.length);
  for (let n = 0; n < g.nodeCount; n++)
    for (let k = adjStart[n], end = adjStart[n + 1]; k < end; k++) {
      const e = adjEdge[k];
      const from = edgeFrom[e];
      other[k] = from === n ? edgeTo[e] : from;
    }
  otherEndsByAdjacency.set(g.adjEdge, {
    adjStart: g.adjStart,
    edgeFrom: g.edgeFrom,
    edgeTo: g.edgeTo,
    other,
  });
  return other;
}

/**
 * What `dijkstra` gives from no source at all (every junction unreached), one result per graph shared by
 * every such search: a site search from the hubs of a country that has none (no hub abroad, say) otherwise
 * made and kept 30 MB of arrays at the walks' full size. Its arrays must never be written to.
 */
const nothingByGraph = new WeakMap<Graph, SearchResult>();
export function nothingReached(g: Graph): SearchResult {
  let r = nothingByGraph.get(g);
  if (!r) {
    r = {
      dist: new Float64Array(g.nodeCount).fill(Infinity),
      prevEdge: new Int32Array(g.nodeCount).fill(-1),
      origin: new Int32Array(g.nodeCount).fill(-1),
      maxDist: 0,
    };
    nothingByGraph.set(g, r);
  }
  return r;
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

/** Minimal binary heap on (cost, node), ties broken by node index so searches are deterministic. */
class Heap {
  private cost: number[] = [];
  private node: number[] = [];

  get size(): number {
    return this.node.length;
  }

  push(c: number, n: number): void {
    let i = this.node.length;
    this.cost.push(c);
    this.node.push(n);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.cost[0], this.node[0]];
    const lastC = this.cost.pop()!;
    const lastN = this.node.pop()!;
    if (this.node.length > 0) {
      this.cost[0] = lastC;
      this.node[0] = lastN;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.node.length && this.less(l, m)) m = l;
        if (r < this.node.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    return this.cost[i] < this.cost[j] || (this.cost[i] === this.cost[j] && this.node[i] < this.node[j]);
  }

  private swap(i: number, j: number): void {
    [this.cost[i], this.cost[j]] = [this.cost[j], this.cost[i]];
    [this.node[i], this.node[j]] = [this.node[j], this.node[i]];
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
}

/**
 * Multi-source Dijkstra. `edgeCost[e]` is Infinity for an edge that may not be used; nodes for which
 * `canLeave` is false may be reached but not passed through (sources always may be left). With `target`,
 * stops when it is settled; with `heuristic` (an admissible lower bound to the target), runs as A*.
 */
export function dijkstra(
  g: Graph,
  sources: readonly { node: number; cost: number }[],
  edgeCost: Float64Array,
  canLeave: (node: number) => boolean = () => true,
  target = -1,
  heuristic?: (node: number) => number,
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
  while (heap.size > 0) {
    const [, n] = heap.pop();
    if (done[n]) continue;
    done[n] = 1;
    if (n === target) break;
    if (!isSource[n] && !canLeave(n)) continue;
    for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
      const e = g.adjEdge[k];
      const c = edgeCost[e];
      if (c === Infinity) continue;
      const m = g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
      const d = dist[n] + c;
      if (d < dist[m]) {
        dist[m] = d;
        prevEdge[m] = e;
        origin[m] = origin[n];
        heap.push(d + (heuristic ? heuristic(m) : 0), m);
      }
    }
  }
  return { dist, prevEdge, origin };
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

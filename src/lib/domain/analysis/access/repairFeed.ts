import type { Graph } from './dijkstra';

/**
 * The repairs a small grid of junctions goes through so that the repair's code has run every one of its
 * branches before it is first optimized (`feedRepairs` in repairSearch.ts): for each, the search before and
 * after, whether it is repaired in place, and the most junctions it may reset.
 *
 * Why: the first analysis of a date only repairs crossline searches from their internal twins, into copies,
 * where edges only become cheaper. The code optimized during it had never reset a junction, met a tie, passed
 * a hub down or written in place; a date change's first repairs left that code at each of these, ran slowly
 * until the code was compiled again, and paid for those compiles.
 */
export interface FeedStep {
  before: Float64Array;
  now: Float64Array;
  inPlace: boolean;
  maxReset: number;
  stopAt: Uint8Array | undefined;
  passCost: Float64Array | undefined;
}

/** A `side` × `side` grid of junctions, edges to the right and down, as the analyzer builds its graph. */
export function feedGrid(side: number): Graph {
  const from: number[] = [];
  const to: number[] = [];
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const n = y * side + x;
      if (x + 1 < side) {
        from.push(n);
        to.push(n + 1);
      }
      if (y + 1 < side) {
        from.push(n);
        to.push(n + side);
      }
    }
  const nodeCount = side * side;
  const adj: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let e = 0; e < from.length; e++) {
    adj[from[e]].push(e);
    adj[to[e]].push(e);
  }
  const adjStart = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1] = adjStart[n] + adj[n].length;
  // The same properties in the same order as the analyzer's graph, so that the code sees one shape.
  const graph: Graph = {
    nodeCount,
    adjStart,
    adjEdge: Int32Array.from(adj.flat()),
    edgeFrom: Int32Array.from(from),
    edgeTo: Int32Array.from(to),
  };
  return graph;
}

/**
 * `rounds` walks of repairs on `g`, deterministic: costs of whole and fractional kilometres (ties and
 * distances that are not integers), edges closed and opened, some walks with stops and pass costs, each walk
 * a repair into copies with edges only cheaper, then repairs in place with edges dearer and cheaper, and
 * now and then one given up past its limit.
 */
export function feedSteps(g: Graph, rounds: number): FeedStep[][] {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const edges = g.edgeFrom.length;
  const walks: FeedStep[][] = [];
  for (let round = 0; round < rounds; round++) {
    const stopAt =
      round % 2 === 0 ? undefined : Uint8Array.from({ length: g.nodeCount }, () => (rand() < 0.1 ? 1 : 0));
    const passCost =
      round % 3 === 0
        ? Float64Array.from({ length: g.nodeCount }, () => (rand() < 0.2 ? 0.5 : 0))
        : undefined;
    let cost = Float64Array.from({ length: edges }, () => (rand() < 0.5 ? 1 : 1.25 + Math.floor(rand() * 4)));
    const cheaper = cost.slice();
    for (let i = 0; i < 4; i++) cheaper[Math.floor(rand() * edges)] = 0.75;
    const walk: FeedStep[] = [
      { before: cost, now: cheaper, inPlace: false, maxReset: Infinity, stopAt, passCost },
    ];
    for (let step = 0; step < 4; step++) {
      const now = cost.slice();
      for (let i = 0; i < 6; i++) {
        const e = Math.floor(rand() * edges);
        const r = rand();
        now[e] = r < 0.2 ? Infinity : r < 0.6 ? now[e] + 1.5 : r < 0.8 ? 1 : 0.5 + Math.floor(rand() * 3);
      }
      // The far corner cut off, then reached again: junctions lost and found.
      if (step === 1 || step === 2)
        for (let e = 0; e < edges; e++)
          if (g.edgeTo[e] === g.nodeCount - 1) now[e] = step === 1 ? Infinity : 1;
      walk.push({ before: cost, now, inPlace: true, maxReset: step === 3 ? 2 : Infinity, stopAt, passCost });
      cost = now;
    }
    walks.push(walk);
  }
  return walks;
}

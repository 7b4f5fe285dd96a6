import type { Graph } from '$lib/domain/analysis/access/dijkstra';

/**
 * The search graph of edges given as two end lists (`from[e]`, `to[e]`), as the seeded search tests make
 * them: each junction lists its edges in edge order (a loop once), shuffled in place when `int` is given
 * (`int(k)` a seeded integer below k) so that list order and edge index disagree.
 */
export function edgeListGraph(
  nodeCount: number,
  from: readonly number[],
  to: readonly number[],
  int?: (k: number) => number,
): Graph {
  const adj: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let e = 0; e < from.length; e++) {
    adj[from[e]].push(e);
    if (to[e] !== from[e]) adj[to[e]].push(e);
  }
  if (int)
    for (const list of adj)
      for (let i = list.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [list[i], list[j]] = [list[j], list[i]];
      }
  const adjStart = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1] = adjStart[n] + adj[n].length;
  return {
    nodeCount,
    adjStart,
    adjEdge: Int32Array.from(adj.flat()),
    edgeFrom: Int32Array.from(from),
    edgeTo: Int32Array.from(to),
  };
}

import type { Graph } from './dijkstra';

/** Where a fold keeps its values by node: a `Map`, or one that also reads the last analysis' (carriedTrees.ts). */
export interface TreeMemo<T> {
  get(node: number): T | undefined;
  set(node: number, value: T): unknown;
}

/**
 * The value at `node` of a fold along one search's tree of paths (`prevEdge`: the edge each node was reached
 * by, -1 at a source): a source's value comes from `root`, every other node's from its parent's through
 * `step`. Values are kept in `memo`, so the values of thousands of nodes cost about one walk of the tree
 * rather than one walk per node; the walk up is a loop, not recursion, because paths run to thousands of edges.
 *
 * @example foldTreeAt(graph, prevEdge, new Map(), site, () => 0, (km, _n, e) => km + lengthOf(e))
 */
export function foldTreeAt<T>(
  graph: Pick<Graph, 'edgeFrom' | 'edgeTo'>,
  prevEdge: ArrayLike<number>,
  memo: TreeMemo<T>,
  node: number,
  root: (source: number) => T,
  step: (parent: T, child: number, edge: number, parentNode: number) => T,
): T {
  const { edgeFrom, edgeTo } = graph;
  const chain: number[] = [];
  let value: T | undefined;
  for (let n = node; ;) {
    value = memo.get(n);
    if (value !== undefined) break;
    const e = prevEdge[n];
    if (e === -1) {
      value = root(n);
      memo.set(n, value);
      break;
    }
    chain.push(n);
    n = edgeFrom[e] === n ? edgeTo[e] : edgeFrom[e];
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i];
    const e = prevEdge[c];
    value = step(value, c, e, edgeFrom[e] === c ? edgeTo[e] : edgeFrom[e]);
    memo.set(c, value);
  }
  return value;
}

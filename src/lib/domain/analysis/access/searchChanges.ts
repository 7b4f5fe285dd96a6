import type { ActiveCrossing } from '../activeLayers';
import type { AnalysisContext } from '../context';
import type { EdgeHazards } from '../hazards/evaluateEdgeHazards';
import type { Graph, SearchResult } from './dijkstra';
import { changedInPlace } from './repairSearch';
import { sameItems } from '../sameItems';
import { sameReasons } from '../reasons';

/**
 * Whether a search changed at a junction or on the path to it, and, when known, every junction where it did:
 * `changed` lists exactly the junctions the function answers true for (each once), undefined when they are
 * not listed (the walks of `pathChangedIn`, or nothing known of the search). With the list, the sites a moved
 * front line can affect are found from the few junctions it changed, rather than by asking at every site's
 * junction (siteAccess.ts, changedSites.ts).
 */
export type PathCheck = ((node: number) => boolean) & { readonly changed?: readonly number[] };

/**
 * What changed in the site searches since the last analysis, whose edge hazards were `before`, crossings by
 * junction `crossingsBefore` and results `searchesBefore` (by search key): `(key) => (node) => changed`, true
 * where search `key` now differs at the node or anywhere on the path to it (distance, edge or source of a node
 * of the path, the crossings at a node of it, reasons or crossline crossings of an edge of it). `search(key)`
 * gives the search's result in this analysis.
 */
export function searchChanges(
  ctx: AnalysisContext,
  before: EdgeHazards,
  crossingsBefore: ReadonlyMap<number, readonly ActiveCrossing[]>,
  searchesBefore: ReadonlyMap<string, SearchResult>,
  search: (key: string) => SearchResult,
): (key: string) => PathCheck {
  const { graph, net } = ctx;
  const now = ctx.hazards;

  // Junctions whose crossings (or their status) differ: another date can open or close a crossing, which
  // changes what a path through it passes (its crossings, a closed crossing's blockage).
  const nodeState = new Uint8Array(graph.nodeCount);
  const changedNodes: number[] = [];
  const markNode = (n: number) => {
    if (nodeState[n] === 1) return;
    nodeState[n] = 1;
    changedNodes.push(n);
  };
  for (const [n, list] of ctx.crossingsAt) if (!sameCrossings(crossingsBefore.get(n), list)) markNode(n);
  for (const n of crossingsBefore.keys()) if (!ctx.crossingsAt.has(n)) markNode(n);
  const nodeChanged = (n: number) => nodeState[n] === 1;

  // Edges whose reasons or crossline crossings changed: 0 not checked yet, 1 same, 2 changed. Only edges in
  // one of the four maps can have changed; they are all checked here, once, so that `changedEdges` lists them.
  // When the hazards say which edges can differ from `before` (those the front lines touched), only those.
  const edgeState = new Uint8Array(net.edges.length);
  const changedEdges: number[] = [];
  const check = (e: number) => {
    if (edgeState[e] !== 0) return;
    edgeState[e] =
      sameReasons(before.reasons.get(e), now.reasons.get(e)) &&
      sameItems(before.crossline.get(e), now.crossline.get(e))
        ? 1
        : 2;
    if (edgeState[e] === 2) changedEdges.push(e);
  };
  if (now.changedFrom?.before === before) for (const e of now.changedFrom.edges) check(e);
  else
    for (const map of [before.reasons, now.reasons, before.crossline, now.crossline])
      for (const e of map.keys()) check(e);
  const edgeChanged = (e: number) => edgeState[e] === 2;

  const pathChecks = new Map<string, PathCheck>();
  const unknown: PathCheck = () => true;
  const unchanged: PathCheck = Object.assign(() => false, { changed: [] });
  return (key: string) => {
    let check = pathChecks.get(key);
    if (!check) {
      const previous = searchesBefore.get(key);
      const result = previous && search(key);
      // A search kept as it was (`sameSearch`) whose tree uses none of the changed edges changed for no site.
      check =
        !previous || !result
          ? unknown
          : previous === result && !changedEdges.some((e) => usesEdge(graph, result, e))
            ? unchanged
            : pathChangedIn(graph, previous, result, {
                edgeChanged,
                nodeChanged,
                changedEdges,
                changedNodes,
              });
      pathChecks.set(key, check);
    }
    return check;
  };
}

/** Whether a search's tree of paths goes along edge `e` (the edge by which one of its ends was reached). */
function usesEdge(g: Graph, r: SearchResult, e: number): boolean {
  return r.prevEdge[g.edgeFrom[e]] === e || r.prevEdge[g.edgeTo[e]] === e;
}

/** The edges and junctions that changed since the last analysis, as flags and as lists. */
export interface Changes {
  edgeChanged: (e: number) => boolean;
  nodeChanged: (n: number) => boolean;
  changedEdges: readonly number[];
  changedNodes: readonly number[];
}

/**
 * For each node: whether its distance, edge or source differ between two results of a search, or those of a
 * node before it on its path, or the reasons of an edge of that path (`edgeChanged`), or the crossings at a
 * node of it (`nodeChanged`).
 *
 * A node's answer is yes exactly when its path passes a junction that itself differs, has changed crossings
 * or was reached by a changed edge: the changes of a moved front line are a few such junctions, and the
 * paths through them the few branches of the tree below them. These branches are marked first, from the
 * changed junctions down (`markBranches`), and then every other node is unchanged without a walk: walking
 * each site's path up to a node already known read some forty thousand scattered junctions per move of the
 * walks at 0.3, the branches a few thousand. When the branches are large (a far date) the marking stops early
 * and the answers are found by walking the paths, memoised along them, the branches marked so far included.
 */
export function pathChangedIn(
  g: Graph,
  before: SearchResult,
  now: SearchResult,
  changes: Changes,
  /** The most nodes marked before the walks take over: beyond an eighth, the sites' paths likely read fewer. */
  budget = g.nodeCount >> 3,
): PathCheck {
  const { edgeChanged, nodeChanged } = changes;
  const state = new Uint8Array(g.nodeCount); // 0 not known, 1 unchanged, 2 changed
  // A result repaired in the arrays of `before` says where it differs: those junctions are known changed,
  // and every other one is the same (its values were never written).
  const inPlace = changedInPlace(before, now);
  const differs = inPlace
    ? () => false
    : (n: number) =>
        now.dist[n] !== before.dist[n] ||
        now.prevEdge[n] !== before.prevEdge[n] ||
        now.origin[n] !== before.origin[n];
  const roots = branchRoots(g, before, now, inPlace, changes, budget);
  const marked: number[] = [];
  if (roots && markBranches(g, now, roots, state, budget, marked))
    return Object.assign((node: number) => state[node] === 2, { changed: marked });
  const walked: number[] = [];
  return (node) => {
    let n = node;
    let result = 1;
    walked.length = 0;
    for (;;) {
      if (state[n] !== 0) {
        result = state[n];
        break;
      }
      const e = now.prevEdge[n];
      if (differs(n) || nodeChanged(n)) {
        result = 2;
        break;
      }
      if (e === -1) break;
      if (edgeChanged(e)) {
        result = 2;
        break;
      }
      walked.push(n);
      n = g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
    }
    state[n] = result;
    for (const m of walked) state[m] = result;
    return result === 2;
  };
}

/**
 * The junctions at which a path changes by itself, whatever the path before them: those whose distance, edge
 * or source differ (listed by an in-place repair, else found by comparing the arrays), those whose crossings
 * changed, and those reached along a changed edge. Some may be listed twice. Undefined when more than `budget`
 * differ.
 */
function branchRoots(
  g: Graph,
  before: SearchResult,
  now: SearchResult,
  inPlace: Int32Array | undefined,
  changes: Changes,
  budget: number,
): ArrayLike<number>[] | undefined {
  const roots: ArrayLike<number>[] = [changes.changedNodes];
  if (inPlace) roots.push(inPlace);
  else if (before !== now) {
    const differ: number[] = [];
    const { dist, prevEdge, origin } = now;
    for (let n = 0; n < g.nodeCount; n++)
      if (dist[n] !== before.dist[n] || prevEdge[n] !== before.prevEdge[n] || origin[n] !== before.origin[n])
        if (differ.push(n) > budget) return undefined;
    roots.push(differ);
  }
  const reached: number[] = [];
  for (const e of changes.changedEdges) {
    if (now.prevEdge[g.edgeFrom[e]] === e) reached.push(g.edgeFrom[e]);
    if (now.prevEdge[g.edgeTo[e]] === e) reached.push(g.edgeTo[e]);
  }
  roots.push(reached);
  return roots;
}

/**
 * Marks changed (2) in `state` every node of the tree of `r` at or below one of `roots`, and lists each in
 * `marked` once: a node's children are the neighbours reached from it, by the edge between them. False when
 * that takes more than `budget` nodes (those marked so far are changed all the same).
 */
function markBranches(
  g: Graph,
  r: SearchResult,
  roots: ArrayLike<number>[],
  state: Uint8Array,
  budget: number,
  marked: number[],
): boolean {
  const stack: number[] = [];
  for (const list of roots)
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      if (state[n] === 2) continue;
      state[n] = 2;
      stack.push(n);
      marked.push(n);
    }
  const { adjStart, adjEdge, edgeFrom, edgeTo } = g;
  const prevEdge = r.prevEdge;
  while (stack.length > 0) {
    if (marked.length > budget) return false;
    const p = stack.pop()!;
    for (let k = adjStart[p]; k < adjStart[p + 1]; k++) {
      const e = adjEdge[k];
      const c = edgeFrom[e] === p ? edgeTo[e] : edgeFrom[e];
      if (prevEdge[c] !== e || state[c] === 2) continue;
      state[c] = 2;
      stack.push(c);
      marked.push(c);
    }
  }
  return true;
}

function sameCrossings(a: readonly ActiveCrossing[] | undefined, b: readonly ActiveCrossing[]): boolean {
  if (!a || a.length !== b.length) return false;
  return a.every((x, i) => x.feature === b[i].feature && x.status === b[i].status && x.since === b[i].since);
}

import { costChangesFrom, lowestCost } from './carriedCosts';
import { dijkstra, type Graph, type SearchResult } from './dijkstra';
import { sameItems } from '../sameItems';

/** What `dijkstra` is given for one search (the graph aside, which an analyzer never changes). */
export interface SearchInput {
  sources: { node: number; cost: number }[];
  cost: Float64Array;
  stopAt?: Uint8Array;
  passCost?: Float64Array;
}

/**
 * The result `dijkstra(g, now.sources, now.cost, now.stopAt, -1, undefined, now.passCost)` would give, found
 * by repairing `last.result` where edge costs changed instead of searching the whole network again; or
 * undefined when only a new search can tell (sources, stops or pass costs differ, or an edge costs nothing).
 *
 * The classic dynamic shortest-path update: junctions below an edge whose cost rose (in the last tree) lose
 * their distance and are seeded from their neighbours that kept theirs; an edge whose cost fell seeds its
 * far end; a Dijkstra run over these alone settles them and every junction now reached more cheaply.
 *
 * Ties are chosen as `dijkstra` chooses them. With every step costing something, it settles junctions in
 * order of (distance, index), and a junction keeps the edge of the first settled neighbour that gave its
 * distance (parallel edges: the first in that neighbour's list); a source keeps its own cost when a path
 * only equals it, and of equal sources the first. So the edge of a junction follows from the distances of
 * its neighbours alone, and is chosen again here for every junction whose distance, or a neighbour's
 * distance or edge cost that gives it, changed; hubs (`origin`) then follow down the changed tree.
 */
export function repairSearch(
  g: Graph,
  last: SearchInput & { result: SearchResult },
  now: SearchInput,
  /** Gives up (undefined) when more junctions than this lose their distance: a new search is cheaper. */
  maxReset = Infinity,
  /**
   * Writes the result into the arrays of `last.result` instead of copies of them: no one reads that result
   * any more but to ask which junctions changed (`changedInPlace`). A repair given up leaves them as they were.
   */
  inPlace = false,
): SearchResult | undefined {
  if (!sameSources(last.sources, now.sources)) return undefined;
  if (!sameItems(last.stopAt, now.stopAt) || !sameItems(last.passCost, now.passCost)) return undefined;
  const marks = marksOf(g);
  const resetList: number[] = [];
  const redoList: number[] = [];
  const log: Log = { nodes: [], dist: [], prevEdge: [], origin: [] };
  let result: SearchResult | undefined;
  try {
    result = repairMarked(g, last, now, maxReset, inPlace, marks, resetList, redoList, log);
  } finally {
    // Only the junctions marked are cleared: the marks are whole again for the next repair.
    for (const s of now.sources) marks.isSource[s.node] = 0;
    for (const n of resetList) marks.reset[n] = 0;
    // Every junction settled was first marked to be done again (seeded or offered a way).
    for (const n of redoList) marks.redo[n] = marks.done[n] = 0;
    for (const n of log.nodes) marks.saved[n] = 0;
    if (inPlace && !result) undo(last.result, log);
  }
  if (inPlace && result) {
    // The entry of `last.result` is no longer true of its arrays, and would keep every older result alive.
    writtenOver.delete(last.result);
    writtenOver.set(result, { before: last.result, nodes: changedNodes(result, log) });
  }
  return result;
}

/** The distance, edge and hub each junction a repair wrote had before, in the order first written. */
interface Log {
  nodes: number[];
  dist: number[];
  prevEdge: number[];
  origin: number[];
}

/** For a result repaired in place: the result whose arrays it took, and the junctions where it differs. */
const writtenOver = new WeakMap<SearchResult, { before: SearchResult; nodes: Int32Array }>();

/**
 * When `now` was repaired in place from `before` (`repairSearch` with `inPlace`), the junctions whose distance,
 * edge or hub differ between them, ascending; else undefined (both hold their own arrays, to be compared).
 */
export function changedInPlace(before: SearchResult, now: SearchResult): Int32Array | undefined {
  const entry = writtenOver.get(now);
  return entry?.before === before ? entry.nodes : undefined;
}

/** The junctions of the log whose values the repair changed, ascending. */
function changedNodes(r: SearchResult, log: Log): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < log.nodes.length; i++) {
    const n = log.nodes[i];
    if (r.dist[n] !== log.dist[i] || r.prevEdge[n] !== log.prevEdge[i] || r.origin[n] !== log.origin[i])
      out.push(n);
  }
  return Int32Array.from(out).sort();
}

/** Writes back what a repair given up midway had changed. */
function undo(r: SearchResult, log: Log): void {
  for (let i = log.nodes.length - 1; i >= 0; i--) {
    const n = log.nodes[i];
    r.dist[n] = log.dist[i];
    r.prevEdge[n] = log.prevEdge[i];
    r.origin[n] = log.origin[i];
  }
}

/** Flags by junction of one repair, all 0 between repairs. */
interface Marks {
  isSource: Uint8Array;
  reset: Uint8Array;
  redo: Uint8Array;
  done: Uint8Array;
  /** Junctions whose values are in the log. */
  saved: Uint8Array;
}

/**
 * Each graph's marks, made once: a moved front line repairs dozens of searches, and four new arrays the size
 * of the network per repair were garbage to collect for a few hundred junctions marked in each.
 */
const marksByGraph = new WeakMap<Graph, Marks>();
function marksOf(g: Graph): Marks {
  let marks = marksByGraph.get(g);
  if (!marks || marks.done.length !== g.nodeCount) {
    const n = g.nodeCount;
    marks = {
      isSource: new Uint8Array(n),
      reset: new Uint8Array(n),
      redo: new Uint8Array(n),
      done: new Uint8Array(n),
      saved: new Uint8Array(n),
    };
    marksByGraph.set(g, marks);
  }
  return marks;
}

/**
 * `repairSearch` with its marks given, the lists of junctions it marks reset and to do again, and the log of
 * the values it writes over.
 */
function repairMarked(
  g: Graph,
  last: SearchInput & { result: SearchResult },
  now: SearchInput,
  maxReset: number,
  inPlace: boolean,
  { isSource, reset, redo, done, saved }: Marks,
  resetList: number[],
  redoList: number[],
  log: Log,
): SearchResult | undefined {
  const n0 = g.nodeCount;
  const before = last.cost;
  const cost = now.cost;
  const { stopAt, passCost, sources } = now;
  for (const s of sources) isSource[s.node] = 1;
  const mayLeave = (n: number) => isSource[n] === 1 || !stopAt || stopAt[n] === 0;
  const leave = (n: number) => (passCost && isSource[n] === 0 ? dist[n] + passCost[n] : dist[n]);
  const other = (e: number, n: number) => (g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e]);

  // The settle order is (distance, index) only when every step adds to the distance.
  const lastDist = last.result.dist;
  let maxDist = last.result.maxDist;
  if (maxDist === undefined) {
    maxDist = 0;
    for (let n = 0; n < n0; n++) if (lastDist[n] !== Infinity && lastDist[n] > maxDist) maxDist = lastDist[n];
  }
  const tiny = maxDist * 2 ** -40;
  const changed = changedEdges(before, cost, tiny);
  if (!changed) return undefined;

  const oldPrev = last.result.prevEdge;

  // 1: reset junctions whose path used an edge that now costs more: the subtree below it in the last tree
  // (a junction's children are the neighbours it was the last edge of, found in its list).
  for (const e of changed) {
    if (!(cost[e] > before[e])) continue;
    for (const root of [g.edgeFrom[e], g.edgeTo[e]]) {
      if (oldPrev[root] !== e || reset[root]) continue;
      reset[root] = 1;
      resetList.push(root);
      for (let i = resetList.length - 1; i < resetList.length; i++) {
        const n = resetList[i];
        for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
          const f = g.adjEdge[k];
          const c = g.edgeFrom[f] === n ? g.edgeTo[f] : g.edgeFrom[f];
          if (oldPrev[c] === f && c !== n && !reset[c]) {
            reset[c] = 1;
            resetList.push(c);
          }
        }
        // Given up as soon as the limit is passed, before the result's arrays are copied.
        if (resetList.length > maxReset) return undefined;
      }
    }
  }
  // Copies of the last arrays (network-sized, each) only when the last result is still to be read.
  const dist = inPlace ? lastDist : lastDist.slice();
  const prevEdge = inPlace ? oldPrev : oldPrev.slice();
  const origin = inPlace ? last.result.origin : last.result.origin.slice();
  // Called before a junction's values are first written.
  const save = (n: number) => {
    if (saved[n]) return;
    saved[n] = 1;
    log.nodes.push(n);
    log.dist.push(dist[n]);
    log.prevEdge.push(prevEdge[n]);
    log.origin.push(origin[n]);
  };
  for (const n of resetList) {
    save(n);
    dist[n] = Infinity;
    prevEdge[n] = -1;
    origin[n] = -1;
  }

  // Junctions whose edge is chosen again: all reset ones, those reached anew, and those a changed
  // neighbour or edge now ties with.
  const markRedo = (n: number) => {
    if (!redo[n]) {
      redo[n] = 1;
      redoList.push(n);
    }
  };
  const heap = new MinHeap();
  const offer = (m: number, d: number) => {
    if (d < dist[m]) {
      save(m);
      dist[m] = d;
      heap.push(d, m);
      markRedo(m);
    } else if (d === dist[m]) markRedo(m);
  };

  // 2: seed reset junctions from their own cost as a source and from neighbours that kept their distance.
  const sourceCost = new Map<number, number>();
  for (const s of sources) if (s.cost < (sourceCost.get(s.node) ?? Infinity)) sourceCost.set(s.node, s.cost);
  for (const m of resetList) {
    markRedo(m);
    let best = sourceCost.get(m) ?? Infinity;
    for (let k = g.adjStart[m]; k < g.adjStart[m + 1]; k++) {
      const e = g.adjEdge[k];
      const n = other(e, m);
      if (reset[n] || cost[e] === Infinity || dist[n] === Infinity || !mayLeave(n)) continue;
      const d = leave(n) + cost[e];
      if (d < best) best = d;
    }
    if (best < Infinity) {
      dist[m] = best;
      heap.push(best, m);
    }
  }
  // 3: an edge that now costs less offers its far end a cheaper (or equal) way.
  for (const e of changed) {
    if (!(cost[e] < before[e])) continue;
    for (const n of [g.edgeFrom[e], g.edgeTo[e]]) {
      if (reset[n] || dist[n] === Infinity || !mayLeave(n)) continue;
      const m = other(e, n);
      if (m !== n) offer(m, leave(n) + cost[e]);
    }
  }

  // 4: Dijkstra over the seeded junctions and whatever they now reach more cheaply.
  while (heap.size > 0) {
    const n = heap.pop();
    if (done[n] || heap.poppedCost !== dist[n]) continue;
    done[n] = 1;
    if (dist[n] > maxDist) maxDist = dist[n];
    if (!mayLeave(n)) continue;
    const from = leave(n);
    for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
      const e = g.adjEdge[k];
      const c = cost[e];
      if (c === Infinity) continue;
      const m = other(e, n);
      const d = from + c;
      if (!(d > dist[n])) return undefined;
      offer(m, d);
    }
  }

  // 5: the edge of each junction to do again, by the rule `dijkstra` follows.
  redoList.sort((a, b) => dist[a] - dist[b] || a - b);
  for (const m of redoList) {
    save(m);
    if (dist[m] === Infinity) {
      prevEdge[m] = -1;
      origin[m] = -1;
      continue;
    }
    let edge = -1;
    let by = -1;
    if (sourceCost.get(m) !== dist[m]) {
      for (let k = g.adjStart[m]; k < g.adjStart[m + 1]; k++) {
        const e = g.adjEdge[k];
        const n = other(e, m);
        if (n === m || cost[e] === Infinity || dist[n] === Infinity || !mayLeave(n)) continue;
        if (leave(n) + cost[e] !== dist[m]) continue;
        if (!(dist[n] < dist[m])) return undefined;
        const earlier =
          by === -1 ||
          dist[n] < dist[by] ||
          (dist[n] === dist[by] && (n < by || (n === by && firstInList(g, n, e, edge))));
        if (earlier) {
          edge = e;
          by = n;
        }
      }
    }
    prevEdge[m] = edge;
    const was = origin[m];
    origin[m] = edge === -1 ? firstSource(sources, m, dist[m]) : origin[by];
    // Junctions below it whose edge stands take its hub (in order of distance, so before any redone below).
    if (origin[m] !== was) {
      const stack = [m];
      while (stack.length > 0) {
        const n = stack.pop()!;
        for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
          const f = g.adjEdge[k];
          const c = g.edgeFrom[f] === n ? g.edgeTo[f] : g.edgeFrom[f];
          if (c === n || prevEdge[c] !== f || redo[c]) continue;
          save(c);
          origin[c] = origin[m];
          stack.push(c);
        }
      }
    }
  }
  return { dist, prevEdge, origin, maxDist };
}

/**
 * A repair that resets more than this share of the junctions is left to a new search. A month's date change
 * on the Sudan-sized network (seasonal roads closing) reset 9,500–21,600 of 30,191 junctions in most
 * searches, and those repairs took 17–308 ms where a new search took 6–17 ms; a moved front line resets a
 * few hundred to 1,400.
 */
export const REPAIR_MAX_RESET_SHARE = 0.25;

/** The repair where it applies, else a new search: the result `dijkstra` gives on `now`. */
export function searchAgain(
  g: Graph,
  last: (SearchInput & { result: SearchResult }) | undefined,
  now: SearchInput,
  /** A repair may write over the arrays of `last.result` (repairSearch). */
  inPlace = false,
  /**
   * Another search, whose result is still in use, that `now` may differ from in a few edge costs only (the
   * same hubs searched with crossline passages allowed, say): repaired into copies of its arrays when `last`
   * gives no repair.
   */
  alike?: SearchInput & { result: SearchResult },
): SearchResult {
  const maxReset = g.nodeCount * REPAIR_MAX_RESET_SHARE;
  return (
    (last && repairSearch(g, last, now, maxReset, inPlace)) ??
    (alike && repairSearch(g, alike, now, maxReset)) ??
    dijkstra(g, now.sources, now.cost, now.stopAt, -1, undefined, now.passCost)
  );
}

/** Edges whose cost differs, or undefined when an edge costs next to nothing (`tiny` or less) in either. */
function changedEdges(
  before: Float64Array,
  now: Float64Array,
  tiny: number,
): readonly number[] | Int32Array | undefined {
  // Costs carried from `before` (carriedCosts.ts) list the edges that differ: the same answer, as an edge
  // that kept its cost is next to nothing only if the lowest cost of `now` is.
  const listed = costChangesFrom(before, now);
  if (listed) {
    if (lowestCost(now) <= tiny) return undefined;
    for (const e of listed) if (before[e] <= tiny) return undefined;
    return listed;
  }
  const changed: number[] = [];
  for (let e = 0; e < now.length; e++) {
    const a = before[e];
    const b = now[e];
    if (a === b) {
      if (b <= tiny) return undefined;
    } else if (a <= tiny || b <= tiny) return undefined;
    else changed.push(e);
  }
  return changed;
}

/** Whether edge `a` comes before edge `b` in the adjacency list of `n` (b -1: none yet). */
function firstInList(g: Graph, n: number, a: number, b: number): boolean {
  for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
    if (g.adjEdge[k] === a) return true;
    if (g.adjEdge[k] === b) return false;
  }
  return false;
}

function firstSource(sources: SearchInput['sources'], node: number, cost: number): number {
  return sources.findIndex((s) => s.node === node && s.cost === cost);
}

function sameSources(a: SearchInput['sources'], b: SearchInput['sources']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].node !== b[i].node || a[i].cost !== b[i].cost) return false;
  return true;
}

/** Binary heap on (cost, node), in typed arrays. */
class MinHeap {
  private cost = new Float64Array(256);
  private node = new Int32Array(256);
  size = 0;
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
      if (cs[p] <= c) break;
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
        if (m + 1 < last && cs[m + 1] < cs[m]) m++;
        if (c <= cs[m]) break;
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

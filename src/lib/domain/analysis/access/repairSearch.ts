import { costChangesFrom, lowestCost } from './carriedCosts';
import { dijkstra, type Graph, type SearchResult } from './dijkstra';
import { sameItems } from '../sameItems';
import { feedGrid, feedSteps } from './repairFeed';

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
    clearMarks(marks, now.sources, resetList, redoList, log);
    if (inPlace && !result) undo(last.result, log);
  }
  if (inPlace && result) noteWrittenOver(last.result, result, log);
  return result;
}

/**
 * Clears the marks of one repair: only the junctions marked, so that the marks are whole again for the next.
 * Its loops are kept out of `repairSearch`, which is then not optimized during the first analysis: optimized
 * then, when the repairs are only into copies, it left its optimized code on every repair in place
 * (`noteWrittenOver`) of the date changes after.
 */
function clearMarks(
  marks: Marks,
  sources: SearchInput['sources'],
  resetList: number[],
  redoList: number[],
  log: Log,
): void {
  for (const s of sources) marks.isSource[s.node] = 0;
  for (const n of resetList) marks.reset[n] = 0;
  // Every junction settled was first marked to be done again (seeded or offered a way).
  for (const n of redoList) marks.redo[n] = marks.done[n] = 0;
  for (const n of log.nodes) marks.saved[n] = 0;
}

/** Records that `now` was repaired in place from `before`. */
function noteWrittenOver(before: SearchResult, now: SearchResult, log: Log): void {
  // The entry of `before` is no longer true of its arrays, and would keep every older result alive.
  writtenOver.delete(before);
  writtenOver.set(now, { before, nodes: changedNodes(now, log) });
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
 *
 * Each phase is a function of its own, on one `Repair` of a single shape. The first analysis of a date only
 * repairs crossline searches from their twins into copies, where no edge cost rises: the code optimized then
 * had never run the phases a date change runs (junctions reset, ties, hubs passed down), and one large
 * function left its optimized code at the first of them, to be compiled again whole, on every date change's
 * first repairs. The phases are now fed first by the walks of repairFeed.ts (`feedRepairs`), and a phase that
 * still meets a case not seen only compiles itself again.
 */
function repairMarked(
  g: Graph,
  last: SearchInput & { result: SearchResult },
  now: SearchInput,
  maxReset: number,
  inPlace: boolean,
  marks: Marks,
  resetList: number[],
  redoList: number[],
  log: Log,
): SearchResult | undefined {
  const before = last.cost;
  const cost = now.cost;
  const sources = now.sources;
  for (const s of sources) marks.isSource[s.node] = 1;

  // The settle order is (distance, index) only when every step adds to the distance.
  const lastDist = last.result.dist;
  const maxDist = last.result.maxDist ?? greatestDistance(lastDist);
  const changed = changedEdges(before, cost, maxDist * 2 ** -40);
  if (!changed) return undefined;

  const oldPrev = last.result.prevEdge;
  if (!resetBelowRisen(g, changed, before, cost, oldPrev, marks.reset, resetList, maxReset)) return undefined;
  // Copies of the last arrays (network-sized, each) only when the last result is still to be read.
  const r = new Repair(
    g,
    cost,
    now.stopAt,
    now.passCost,
    sources,
    marks,
    inPlace ? lastDist : lastDist.slice(),
    inPlace ? oldPrev : oldPrev.slice(),
    inPlace ? last.result.origin : last.result.origin.slice(),
    maxDist,
    redoList,
    log,
  );
  for (const n of resetList) {
    save(r, n);
    r.dist[n] = Infinity;
    r.prevEdge[n] = -1;
    r.origin[n] = -1;
  }
  seedReset(r, resetList);
  offerCheaper(r, changed, before);
  if (!settle(r)) return undefined;
  if (!chooseEdges(r)) return undefined;
  return { dist: r.dist, prevEdge: r.prevEdge, origin: r.origin, maxDist: r.maxDist };
}

/** The greatest finite distance of a search's result. */
function greatestDistance(dist: Float64Array): number {
  let maxDist = 0;
  for (let n = 0; n < dist.length; n++) if (dist[n] !== Infinity && dist[n] > maxDist) maxDist = dist[n];
  return maxDist;
}

/** What the phases of one repair share; made once the junctions to reset are known. */
class Repair {
  readonly heap = new MinHeap();
  /** The lowest cost each source junction is given as a source. */
  readonly sourceCost = new Map<number, number>();
  constructor(
    readonly g: Graph,
    readonly cost: Float64Array,
    readonly stopAt: Uint8Array | undefined,
    readonly passCost: Float64Array | undefined,
    readonly sources: SearchInput['sources'],
    readonly marks: Marks,
    readonly dist: Float64Array,
    readonly prevEdge: Int32Array,
    readonly origin: Int32Array,
    public maxDist: number,
    readonly redoList: number[],
    readonly log: Log,
  ) {
    for (const s of sources)
      if (s.cost < (this.sourceCost.get(s.node) ?? Infinity)) this.sourceCost.set(s.node, s.cost);
  }
}

function mayLeave(r: Repair, n: number): boolean {
  return r.marks.isSource[n] === 1 || !r.stopAt || r.stopAt[n] === 0;
}

/** The distance at which a way leaves `n`: its own, plus its pass cost unless it is a source. */
function leave(r: Repair, n: number): number {
  return r.passCost && r.marks.isSource[n] === 0 ? r.dist[n] + r.passCost[n] : r.dist[n];
}

function other(g: Graph, e: number, n: number): number {
  return g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
}

/** Called before a junction's values are first written. */
function save(r: Repair, n: number): void {
  const { saved } = r.marks;
  if (saved[n]) return;
  saved[n] = 1;
  r.log.nodes.push(n);
  r.log.dist.push(r.dist[n]);
  r.log.prevEdge.push(r.prevEdge[n]);
  r.log.origin.push(r.origin[n]);
}

/** Junctions whose edge is chosen again: all reset ones, those reached anew, and those a changed neighbour or
 * edge now ties with. */
function markRedo(r: Repair, n: number): void {
  const { redo } = r.marks;
  if (!redo[n]) {
    redo[n] = 1;
    r.redoList.push(n);
  }
}

function offer(r: Repair, m: number, d: number): void {
  if (d < r.dist[m]) {
    save(r, m);
    r.dist[m] = d;
    r.heap.push(d, m);
    markRedo(r, m);
  } else if (d === r.dist[m]) markRedo(r, m);
}

/**
 * 1: marks reset the junctions whose path used an edge that now costs more: the subtree below it in the last
 * tree. False when more than `maxReset` are, given up before the result's arrays are copied.
 */
function resetBelowRisen(
  g: Graph,
  changed: readonly number[] | Int32Array,
  before: Float64Array,
  cost: Float64Array,
  oldPrev: Int32Array,
  reset: Uint8Array,
  resetList: number[],
  maxReset: number,
): boolean {
  for (const e of changed) {
    if (!(cost[e] > before[e])) continue;
    if (!resetSubtree(g, g.edgeFrom[e], e, oldPrev, reset, resetList, maxReset)) return false;
    if (!resetSubtree(g, g.edgeTo[e], e, oldPrev, reset, resetList, maxReset)) return false;
  }
  return true;
}

/** Marks reset `root` and the subtree below it when `e` was its edge (a junction's children are the
 * neighbours it was the last edge of, found in its list). False past `maxReset`. */
function resetSubtree(
  g: Graph,
  root: number,
  e: number,
  oldPrev: Int32Array,
  reset: Uint8Array,
  resetList: number[],
  maxReset: number,
): boolean {
  if (oldPrev[root] !== e || reset[root]) return true;
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
    if (resetList.length > maxReset) return false;
  }
  return true;
}

/** 2: seeds reset junctions from their own cost as a source and from neighbours that kept their distance. */
function seedReset(r: Repair, resetList: number[]): void {
  const { g, cost, dist } = r;
  const reset = r.marks.reset;
  for (const m of resetList) {
    markRedo(r, m);
    let best = r.sourceCost.get(m) ?? Infinity;
    for (let k = g.adjStart[m]; k < g.adjStart[m + 1]; k++) {
      const e = g.adjEdge[k];
      const n = other(g, e, m);
      if (reset[n] || cost[e] === Infinity || dist[n] === Infinity || !mayLeave(r, n)) continue;
      const d = leave(r, n) + cost[e];
      if (d < best) best = d;
    }
    if (best < Infinity) {
      dist[m] = best;
      r.heap.push(best, m);
    }
  }
}

/** 3: an edge that now costs less offers its far end a cheaper (or equal) way. */
function offerCheaper(r: Repair, changed: readonly number[] | Int32Array, before: Float64Array): void {
  const { g, cost, dist } = r;
  const reset = r.marks.reset;
  for (const e of changed) {
    if (!(cost[e] < before[e])) continue;
    for (let end = 0; end < 2; end++) {
      const n = end === 0 ? g.edgeFrom[e] : g.edgeTo[e];
      if (reset[n] || dist[n] === Infinity || !mayLeave(r, n)) continue;
      const m = other(g, e, n);
      if (m !== n) offer(r, m, leave(r, n) + cost[e]);
    }
  }
}

/** 4: Dijkstra over the seeded junctions and whatever they now reach more cheaply. False when a step adds
 * nothing to a distance (only a new search settles that as `dijkstra` would). */
function settle(r: Repair): boolean {
  const { g, cost, dist, heap } = r;
  const done = r.marks.done;
  while (heap.size > 0) {
    const n = heap.pop();
    if (done[n] || heap.poppedCost !== dist[n]) continue;
    done[n] = 1;
    if (dist[n] > r.maxDist) r.maxDist = dist[n];
    if (!mayLeave(r, n)) continue;
    const from = leave(r, n);
    for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
      const e = g.adjEdge[k];
      const c = cost[e];
      if (c === Infinity) continue;
      const m = other(g, e, n);
      const d = from + c;
      if (!(d > dist[n])) return false;
      offer(r, m, d);
    }
  }
  return true;
}

/** 5: the edge of each junction to do again, by the rule `dijkstra` follows. False as in `settle`. */
function chooseEdges(r: Repair): boolean {
  const { g, cost, dist, prevEdge, origin, redoList } = r;
  redoList.sort((a, b) => dist[a] - dist[b] || a - b);
  for (const m of redoList) {
    save(r, m);
    if (dist[m] === Infinity) {
      prevEdge[m] = -1;
      origin[m] = -1;
      continue;
    }
    let edge = -1;
    let by = -1;
    if (r.sourceCost.get(m) !== dist[m]) {
      for (let k = g.adjStart[m]; k < g.adjStart[m + 1]; k++) {
        const e = g.adjEdge[k];
        const n = other(g, e, m);
        if (n === m || cost[e] === Infinity || dist[n] === Infinity || !mayLeave(r, n)) continue;
        if (leave(r, n) + cost[e] !== dist[m]) continue;
        if (!(dist[n] < dist[m])) return false;
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
    origin[m] = edge === -1 ? firstSource(r.sources, m, dist[m]) : origin[by];
    if (origin[m] !== was) passHubDown(r, m);
  }
  return true;
}

/** Junctions below `m` whose edge stands take its hub (in order of distance, so before any redone below). */
function passHubDown(r: Repair, m: number): void {
  const { g, prevEdge, origin } = r;
  const redo = r.marks.redo;
  const stack = [m];
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
      const f = g.adjEdge[k];
      const c = g.edgeFrom[f] === n ? g.edgeTo[f] : g.edgeFrom[f];
      if (c === n || prevEdge[c] !== f || redo[c]) continue;
      save(r, c);
      origin[c] = origin[m];
      stack.push(c);
    }
  }
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
  if (!fed) feedRepairs();
  const maxReset = g.nodeCount * REPAIR_MAX_RESET_SHARE;
  return (
    (last && repairSearch(g, last, now, maxReset, inPlace)) ??
    (alike && repairSearch(g, alike, now, maxReset)) ??
    dijkstra(g, now.sources, now.cost, now.stopAt, -1, undefined, now.passCost)
  );
}

let fed = false;

/**
 * Runs the walks of repairs of repairFeed.ts once, before the first search of the process is repaired: on a
 * grid of its own (with marks of its own), whose results no one reads. Each phase of the repair has then run
 * all its branches a few times, so the code optimized during the first analysis of a date is the code the
 * repairs of a date change need (see repairFeed.ts). Once per process, on its first analysis.
 */
function feedRepairs(): void {
  fed = true;
  const g = feedGrid(8);
  const sources = [
    { node: 0, cost: 0.5 },
    { node: 27, cost: 0.25 },
  ];
  for (const walk of feedSteps(g, 16)) {
    let last: (SearchInput & { result: SearchResult }) | undefined;
    for (const { before, now: cost, inPlace, maxReset, stopAt, passCost } of walk) {
      last ??= {
        sources,
        cost: before,
        stopAt,
        passCost,
        result: dijkstra(g, sources, before, stopAt, -1, undefined, passCost),
      };
      const now: SearchInput = { sources, cost, stopAt, passCost };
      if (!inPlace) searchAgain(g, undefined, now, false, last);
      else {
        const result =
          repairSearch(g, last, now, maxReset, true) ??
          dijkstra(g, sources, cost, stopAt, -1, undefined, passCost);
        last = { ...now, result };
      }
    }
  }
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

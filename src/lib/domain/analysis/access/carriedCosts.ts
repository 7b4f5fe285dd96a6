import type { AnalysisContext } from '../context';
import type { EdgeHazards } from '../hazards/evaluateEdgeHazards';
import { edgeCosts, writeEdgeCosts, type EdgeCostOptions } from './edgeCosts';

/** A cost array an analysis made, with what it was made from. */
export interface CostsMade {
  cost: Float64Array;
  hazards: EdgeHazards;
  atRiskCostFactor: number;
}

/** For a cost array made from the last one: that array and the edges whose cost differs from it, ascending. */
const madeFrom = new WeakMap<Float64Array, { before: Float64Array; edges: Int32Array }>();

/**
 * The costs `edgeCosts(ctx, opts)` gives. When the hazards say which edges can differ from those `last` was made
 * from (a moved front line: about 1,700 edges of the network), `last.cost` with those edges costed again, which
 * also records which of them changed (`costChangesFrom`): the checks of which searches a move reaches then
 * look at those edges instead of every edge, once per search.
 *
 * The array is the one `last.cost` was itself made from, when it was: no one reads it once `last.cost` is
 * made (the analysis that searched with it is over), and it differs from `last.cost` only at the edges that
 * changed then, so these are written back instead of the whole array being copied; at full size a copy is
 * 5 MB per cost array per move, most of it garbage by the next move.
 */
export function carriedEdgeCosts(
  ctx: AnalysisContext,
  opts: EdgeCostOptions,
  last: CostsMade | undefined,
): Float64Array {
  const changedFrom = ctx.hazards.changedFrom;
  if (
    !last ||
    changedFrom?.before !== last.hazards ||
    last.atRiskCostFactor !== ctx.layers.params.atRiskCostFactor ||
    last.cost.length !== ctx.net.edges.length
  )
    return edgeCosts(ctx, opts);
  const cost = lastCopy(last.cost);
  writeEdgeCosts(ctx, opts, cost, changedFrom.edges);
  const edges: number[] = [];
  for (const e of changedFrom.edges) if (cost[e] !== last.cost[e]) edges.push(e);
  // Ascending and once each, as a scan of every edge would list them.
  const changed = Int32Array.from(new Set(edges)).sort();
  madeFrom.set(cost, { before: last.cost, edges: changed });
  const min = lowest.get(last.cost);
  if (min !== undefined) lowest.set(cost, lowestAfter(min, last.cost, cost, changed));
  return cost;
}

/**
 * An array holding what `last` holds: the one `last` was made from, with the edges that changed since written
 * back, when there is one; else a copy. Either way nothing records any more what `last` was made from (that
 * array is now this one, and recording it would also keep every older cost array alive, each the `before`
 * of the next).
 */
function lastCopy(last: Float64Array): Float64Array {
  const made = madeFrom.get(last);
  madeFrom.delete(last);
  if (!made || made.before.length !== last.length) return last.slice();
  const out = made.before;
  lowest.delete(out);
  for (const e of made.edges) out[e] = last[e];
  return out;
}

/**
 * The lowest cost of `now`, made from `before` (lowest `min`) by changing `changed`: the lowest of `min` and
 * their new costs, unless one of them held `min` (which may then be held nowhere any more: found again).
 */
function lowestAfter(min: number, before: Float64Array, now: Float64Array, changed: Int32Array): number {
  let out = min;
  for (const e of changed) {
    if (before[e] === min) return lowestCost(now);
    if (now[e] < out) out = now[e];
  }
  return out;
}

/**
 * The edges whose cost differs between `before` and `now`, ascending, when `now` was made from `before` by
 * `carriedEdgeCosts`; else undefined (the caller compares every edge).
 */
export function costChangesFrom(before: Float64Array, now: Float64Array): Int32Array | undefined {
  const made = madeFrom.get(now);
  return made?.before === before ? made.edges : undefined;
}

/**
 * The lowest cost of an array, found once per array (an array is not written once made, but for one
 * `carriedEdgeCosts` takes back, whose entry it drops).
 */
const lowest = new WeakMap<Float64Array, number>();
export function lowestCost(cost: Float64Array): number {
  let min = lowest.get(cost);
  if (min === undefined) {
    min = Infinity;
    for (let e = 0; e < cost.length; e++) if (cost[e] < min) min = cost[e];
    lowest.set(cost, min);
  }
  return min;
}

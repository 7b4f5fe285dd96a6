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
 * from (a moved front line: about 1,700 edges of the network), a copy of `last.cost` with those edges costed
 * again, which also records which of them changed (`costChangesFrom`): the checks of which searches a move
 * reaches then look at those edges instead of every edge, once per search.
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
  const cost = last.cost.slice();
  writeEdgeCosts(ctx, opts, cost, changedFrom.edges);
  const edges: number[] = [];
  for (const e of changedFrom.edges) if (cost[e] !== last.cost[e]) edges.push(e);
  // Ascending and once each, as a scan of every edge would list them.
  madeFrom.set(cost, { before: last.cost, edges: Int32Array.from(new Set(edges)).sort() });
  return cost;
}

/**
 * The edges whose cost differs between `before` and `now`, ascending, when `now` was made from `before` by
 * `carriedEdgeCosts`; else undefined (the caller compares every edge).
 */
export function costChangesFrom(before: Float64Array, now: Float64Array): Int32Array | undefined {
  const made = madeFrom.get(now);
  return made?.before === before ? made.edges : undefined;
}

/** The lowest cost of an array, found once per array (the arrays are never written after they are made). */
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

import type { AnalysisContext } from '../context';
import { ABSENT } from '../hazards/evaluateEdgeHazards';
import type { RoadNetwork } from '../network/roadNetwork';

/**
 * Routing cost of every edge: its length in km, times `atRiskCostFactor` when at risk; Infinity when
 * blocked or absent (a closed crossing is enforced at its junction, see `routeStatus`), and for edges that pass the front line (at a crossline crossing) unless `crossline`.
 * With `explainBlocked`, blocked edges cost their length plus BLOCKED_PENALTY_KM instead of Infinity, so the
 * cheapest path is the one with the fewest blockages to clear (used to explain why a site is cut off).
 */
/** Cost added per blocked edge when explaining a cut-off: more than any road distance on Earth. */
export const BLOCKED_PENALTY_KM = 1e6;

export interface EdgeCostOptions {
  crossline: boolean;
  explainBlocked?: boolean;
  /**
   * With `explainBlocked`: leave closed crossings to the caller (a pass cost at their junction, counted
   * once) instead of blocking the edges on both sides; and without `crossline`, a crossline passage costs
   * as a blockage instead of being forbidden.
   */
  closedAtNodes?: boolean;
}

export function edgeCosts(ctx: AnalysisContext, opts: EdgeCostOptions): Float64Array {
  const lengths = edgeLengths(ctx.net);
  const status = opts.explainBlocked && !opts.closedAtNodes ? ctx.hazards.status : ctx.hazards.routeStatus;
  const penalisePassage = opts.explainBlocked === true && opts.closedAtNodes === true;
  const factor = ctx.layers.params.atRiskCostFactor;
  // The few crossline passages as flags: a lookup per edge in the map cost more than the rest of the loop.
  const passage = new Uint8Array(lengths.length);
  for (const e of ctx.hazards.crossline.keys()) passage[e] = 1;
  const out = new Float64Array(lengths.length);
  for (let e = 0; e < lengths.length; e++) {
    const s = status[e];
    const len = lengths[e];
    if (s === ABSENT) out[e] = Infinity;
    else if (s === 2) out[e] = opts.explainBlocked ? len + BLOCKED_PENALTY_KM : Infinity;
    else if (!opts.crossline && passage[e] === 1)
      out[e] = penalisePassage ? len + BLOCKED_PENALTY_KM : Infinity;
    else out[e] = s === 1 ? len * factor : len;
  }
  return out;
}

/**
 * Writes into `out` the cost `edgeCosts` gives each edge of `only` (a re-analysis after a front line moves
 * rewrites only the edges it touched, carriedCosts.ts). The same rule as above, kept apart from its pass over
 * every edge, which ran 10 % slower when the two shared it.
 */
export function writeEdgeCosts(
  ctx: AnalysisContext,
  opts: EdgeCostOptions,
  out: Float64Array,
  only: readonly number[],
): void {
  const lengths = edgeLengths(ctx.net);
  const status = opts.explainBlocked && !opts.closedAtNodes ? ctx.hazards.status : ctx.hazards.routeStatus;
  const penalisePassage = opts.explainBlocked === true && opts.closedAtNodes === true;
  const factor = ctx.layers.params.atRiskCostFactor;
  for (const e of only) {
    const s = status[e];
    const len = lengths[e];
    if (s === ABSENT) out[e] = Infinity;
    else if (s === 2) out[e] = opts.explainBlocked ? len + BLOCKED_PENALTY_KM : Infinity;
    else if (!opts.crossline && ctx.hazards.crossline.has(e))
      out[e] = penalisePassage ? len + BLOCKED_PENALTY_KM : Infinity;
    else out[e] = s === 1 ? len * factor : len;
  }
}

/**
 * Each network's edge lengths packed once (edges never change), read by every cost array made on it and by
 * the path summaries (pathTree.ts).
 */
const lengthsByNetwork = new WeakMap<RoadNetwork, Float64Array>();
export function edgeLengths(net: RoadNetwork): Float64Array {
  let lengths = lengthsByNetwork.get(net);
  if (!lengths) {
    // A plain loop: `Float64Array.from` with a mapping function walks the edges through the iterator
    // protocol and took five times as long (about 50 ms for the walks' 196,000 edges at 0.3 scale).
    lengths = new Float64Array(net.edges.length);
    for (let e = 0; e < lengths.length; e++) lengths[e] = net.edges[e].lengthKm;
    lengthsByNetwork.set(net, lengths);
  }
  return lengths;
}

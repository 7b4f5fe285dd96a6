import type { AnalysisContext } from '../context';
import { ABSENT } from '../hazards/evaluateEdgeHazards';

/**
 * Routing cost of every edge: its length in km, times `atRiskCostFactor` when at risk; Infinity when
 * blocked or absent (a closed crossing is enforced at its junction, see `routeStatus`), and for edges that pass the front line (at a crossline crossing) unless `crossline`.
 * With `explainBlocked`, blocked edges cost their length plus BLOCKED_PENALTY_KM instead of Infinity, so the
 * cheapest path is the one with the fewest blockages to clear (used to explain why a site is cut off).
 */
/** Cost added per blocked edge when explaining a cut-off: more than any road distance on Earth. */
export const BLOCKED_PENALTY_KM = 1e6;

export function edgeCosts(
  ctx: AnalysisContext,
  opts: {
    crossline: boolean;
    explainBlocked?: boolean;
    /**
     * With `explainBlocked`: leave closed crossings to the caller (a pass cost at their junction, counted
     * once) instead of blocking the edges on both sides; and without `crossline`, a crossline passage costs
     * as a blockage instead of being forbidden.
     */
    closedAtNodes?: boolean;
  },
): Float64Array {
  const { edges } = ctx.net;
  const status = opts.explainBlocked && !opts.closedAtNodes ? ctx.hazards.status : ctx.hazards.routeStatus;
  const penalisePassage = opts.explainBlocked === true && opts.closedAtNodes === true;
  const factor = ctx.layers.params.atRiskCostFactor;
  const out = new Float64Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const s = status[e];
    const len = edges[e].lengthKm;
    if (s === ABSENT) out[e] = Infinity;
    else if (s === 2) out[e] = opts.explainBlocked ? len + BLOCKED_PENALTY_KM : Infinity;
    else if (!opts.crossline && ctx.hazards.crossline.has(e))
      out[e] = penalisePassage ? len + BLOCKED_PENALTY_KM : Infinity;
    else out[e] = s === 1 ? len * factor : len;
  }
  return out;
}

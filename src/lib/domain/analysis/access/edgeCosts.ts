import type { AnalysisContext } from '../context';
import { ABSENT } from '../hazards/evaluateEdgeHazards';

/**
 * Routing cost of every edge: its length in km, times `atRiskCostFactor` when at risk; Infinity when
 * blocked or absent, and for edges that pass the front line (at a crossline crossing) unless `crossline`.
 * With `ignoreHazards`, every present edge costs its length (used to explain why a site is cut off).
 */
export function edgeCosts(
  ctx: AnalysisContext,
  opts: { crossline: boolean; ignoreHazards?: boolean },
): Float64Array {
  const { edges } = ctx.net;
  const status = ctx.hazards.status;
  const factor = ctx.layers.params.atRiskCostFactor;
  const out = new Float64Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const s = status[e];
    const len = edges[e].lengthKm;
    if (s === ABSENT) out[e] = Infinity;
    else if (opts.ignoreHazards) out[e] = len;
    else if (s === 2) out[e] = Infinity;
    else if (!opts.crossline && ctx.hazards.crossline.has(e)) out[e] = Infinity;
    else out[e] = s === 1 ? len * factor : len;
  }
  return out;
}

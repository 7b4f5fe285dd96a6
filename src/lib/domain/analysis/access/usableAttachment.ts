import type { Attachment } from '../network/roadNetwork';
import type { AnalysisContext } from '../context';
import { ABSENT } from '../hazards/evaluateEdgeHazards';

/**
 * The attachments of a site whose junction has a road valid on the as-of date, nearest first; only the
 * nearest of them is used (a site joins the nearest road that exists that day).
 */
export function usableAttachment(ctx: AnalysisContext, siteId: string): Attachment | undefined {
  const { net } = ctx;
  for (const a of net.siteAttachment.get(siteId) ?? [])
    for (let k = net.adjStart[a.node]; k < net.adjStart[a.node + 1]; k++)
      if (ctx.hazards.status[net.adjEdge[k]] !== ABSENT) return a;
  return undefined;
}

import type { EdgeHazards } from '$lib/domain/analysis/hazards/evaluateEdgeHazards';

/**
 * Every edge's status, route status, reasons and crossline crossings, as text: two edge hazards read the same
 * when their texts are equal, and a failed comparison shows the edges that differ.
 */
export function edgeHazardsText(h: EdgeHazards, edgeCount: number): string {
  const out: string[] = [];
  for (let e = 0; e < edgeCount; e++) {
    const reasons = h.reasons.get(e);
    const via = h.crossline.get(e);
    if (h.status[e] !== 0 || reasons || via)
      out.push(`${e} ${h.status[e]} ${h.routeStatus[e]} ${JSON.stringify(reasons)} ${JSON.stringify(via)}`);
  }
  return out.join('\n');
}

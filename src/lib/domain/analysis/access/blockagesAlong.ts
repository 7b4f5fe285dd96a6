import type { Reason } from '../../schemas';
import type { AnalysisContext } from '../context';
import { statusOfCode } from '../reasons';

/**
 * The blockages a path passes, each once, binding cause first (docs/analysis.md, the binding reason): the
 * closed crossings it passes through (not those it only starts or ends at) and the sieges, then the other
 * blocking reasons of its edges in travel order. With `crosslineNeeded`, each crossline passage adds the
 * reason it makes (a path of the internal class may not pass the front line).
 */
export function blockagesAlong(
  ctx: AnalysisContext,
  edges: readonly number[],
  nodes: readonly number[],
  crosslineNeeded?: (crossingId: string) => Reason,
): Reason[] {
  const out: Reason[] = [];
  const seen = new Set<string>();
  const add = (r: Reason) => {
    const k = `${r.code}\u0000${r.featureId}\u0000${r.detail}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(r);
  };
  nodes.forEach((n, i) => {
    if (i > 0 && i + 1 < nodes.length && ctx.hazards.closedNodes.has(n))
      for (const c of ctx.crossingsAt.get(n) ?? [])
        if (c.status === 'closed')
          add({
            code: 'crossing_closed',
            featureId: c.feature.properties.id,
            detail: `passes ${c.feature.properties.kind} crossing "${c.feature.properties.name}", closed${c.since ? ` since ${c.since}` : ' (override)'}`,
          });
    const e = edges[i];
    if (e === undefined) return;
    if (crosslineNeeded) for (const id of ctx.hazards.crossline.get(e) ?? []) add(crosslineNeeded(id));
    if (ctx.hazards.routeStatus[e] === 2)
      for (const r of ctx.hazards.reasons.get(e) ?? [])
        if (r.code !== 'crossing_closed' && statusOfCode(r.code) === 'blocked') add(r);
  });
  // A closed crossing or a siege is a decision that, reversed, reopens the road.
  const decided = (r: Reason) => r.code === 'crossing_closed' || r.code === 'siege';
  return [...out.filter(decided), ...out.filter((r) => !decided(r))];
}

import type { Reason } from '../../schemas';
import type { AnalysisContext } from '../context';

/**
 * The reasons of each edge of a path, without `crossing_closed` for a closed crossing the path only reaches
 * (at its start or end) and does not pass.
 */
export function pathEdgeReasons(
  ctx: AnalysisContext,
  edges: readonly number[],
  nodes: readonly number[],
): Reason[][] {
  const passed = new Set<string>();
  for (let i = 1; i + 1 < nodes.length; i++)
    for (const c of ctx.crossingsAt.get(nodes[i]) ?? []) passed.add(c.feature.properties.id);
  return edges.map((e) =>
    (ctx.hazards.reasons.get(e) ?? []).filter((r) => r.code !== 'crossing_closed' || passed.has(r.featureId)),
  );
}

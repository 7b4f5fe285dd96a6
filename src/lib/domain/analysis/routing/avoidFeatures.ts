import type { Situation } from '../../schemas';
import { polygonsOf } from '../../geo/polygonsOf';
import { edgesInsidePolygons } from '../network/edgeQueries';
import type { AnalysisContext } from '../context';
import { AnalysisInputError } from '../errors';

/**
 * Applies an avoid list to a copy of the routing costs: a crossing's junction and a site's junction may not
 * be passed, a road is not driven, an area (of control or a constraint's) is not entered, and any other
 * feature (a front line, an incident, a constraint) keeps the route off every edge it puts at risk or blocks.
 * An id no feature has is refused, naming it.
 */
export function avoidFeatures(
  ctx: AnalysisContext,
  situation: Situation,
  avoid: readonly string[],
  cost: Float64Array,
  stopAt: Uint8Array,
): void {
  if (avoid.length === 0) return;
  const { net } = ctx;
  const ids = new Set(avoid);
  for (const id of avoid) {
    const node = net.crossingNode.get(id) ?? net.siteAttachment.get(id)?.[0]?.node;
    if (node !== undefined) stopAt[node] = 1;
    const polygons = [...situation.areas, ...situation.constraints]
      .filter((f) => f.properties.id === id)
      .flatMap((f) =>
        f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon' ? polygonsOf(f.geometry) : [],
      );
    if (polygons.length > 0) for (const e of edgesInsidePolygons(net, polygons)) cost[e] = Infinity;
    const known =
      node !== undefined ||
      polygons.length > 0 ||
      (Object.keys(situation) as (keyof Situation)[]).some(
        (layer) =>
          layer !== 'scenario' &&
          (situation[layer] as { properties: { id: string } }[]).some((f) => f.properties.id === id),
      );
    if (!known) throw new AnalysisInputError(`avoid: no feature has the id "${id}"`);
  }
  for (let e = 0; e < net.edges.length; e++) {
    if (cost[e] === Infinity) continue;
    if (ids.has(net.edges[e].roadId)) cost[e] = Infinity;
    else if (ctx.hazards.reasons.get(e)?.some((r) => ids.has(r.featureId))) cost[e] = Infinity;
    else if (ctx.hazards.crossline.get(e)?.some((c) => ids.has(c))) cost[e] = Infinity;
  }
}

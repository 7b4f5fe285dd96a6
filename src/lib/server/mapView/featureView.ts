import { layerNames, type AnalysisReport, type Situation } from '$lib/domain/schemas';
import type { FeatureView } from '$lib/map/tiledList';

// The ids of a snapshot's features, built once per snapshot (the store hands out one per visibility level and
// content): the details route asks for every request, a revalidation included, and a scan of 60,000
// features would be most of a 304's cost.
const ids = new WeakMap<Situation, Set<string>>();

/** Whether `situation` holds a feature `id` (in any layer). */
export function hasFeature(situation: Situation, id: string): boolean {
  let set = ids.get(situation);
  if (!set) {
    set = new Set(layerNames.flatMap((l) => situation[l].map((f) => f.properties.id)));
    ids.set(situation, set);
  }
  return set.has(id);
}

/**
 * The feature `id` of `situation` with what the tiled map's details panel needs about it on the report's date:
 * the features its verdict names (reasons, hubs, crossings, the corridor's ends, where a camp's people went),
 * so the panel can name them, and its own entries of the report; `hotspotRank` is its place among the date's
 * hotspots (the report sent keeps only its own entry). Undefined when there is no such feature.
 */
export function featureView(
  situation: Situation,
  report: AnalysisReport,
  id: string,
): FeatureView | undefined {
  if (!hasFeature(situation, id)) return undefined;
  const corridors = report.corridors.filter((c) => c.id === id);
  const sites = report.sites.filter((s) => s.id === id);
  const rank = report.hotspots.findIndex((h) => h.siteId === id);
  const named = new Set<string>([id]);
  for (const c of corridors) {
    if (c.fromSiteId) named.add(c.fromSiteId);
    if (c.toSiteId) named.add(c.toSiteId);
    for (const s of c.stretches) for (const r of s.reasons) named.add(r.featureId);
  }
  for (const s of sites) {
    for (const r of s.reasons) named.add(r.featureId);
    for (const m of s.movedTo) named.add(m.siteId);
    for (const o of s.options) {
      if (o.fromHubId) named.add(o.fromHubId);
      for (const c of o.viaCrossingIds) named.add(c);
      for (const r of o.reasons) named.add(r.featureId);
    }
    if (s.bestPath) {
      named.add(s.bestPath.fromHubId);
      for (const c of s.bestPath.viaCrossingIds) named.add(c);
    }
  }
  const picked: Record<string, unknown> = { scenario: situation.scenario };
  for (const l of layerNames)
    picked[l] = (situation[l] as { properties: { id: string } }[]).filter((f) => named.has(f.properties.id));
  return {
    id,
    situation: picked as unknown as Situation,
    report: {
      ...report,
      corridors,
      sites,
      hotspots: rank < 0 ? [] : [report.hotspots[rank]],
      segments: [],
      frontlines: [],
      warnings: [],
    },
    hotspotRank: rank < 0 ? null : rank + 1,
  };
}

import type { PlanResult, Situation } from '$lib/domain/schemas';

/**
 * The features a brief names (the places, the chosen route's crossings and the features behind its
 * reasons, or the reasons there is no route) with their source, in the order first named.
 */
export function planSources(
  plan: PlanResult,
  rank: number,
  situation: Situation,
): { id: string; name: string; source: string }[] {
  const ids: string[] = [];
  const add = (id: string | null) => {
    if (id && !ids.includes(id)) ids.push(id);
  };
  [plan.from, ...plan.via, plan.to].forEach((p) => add(p.id));
  for (const r of plan.routes.filter((x) => x.rank === rank)) {
    r.crossings.forEach((c) => add(c.id));
    r.reasons.forEach((x) => add(x.featureId));
  }
  plan.reasons.forEach((x) => add(x.featureId));
  const byId = new Map<string, { properties: { id: string; name: string; source: string } }>();
  for (const layer of [
    'sites',
    'crossings',
    'roads',
    'frontlines',
    'areas',
    'incidents',
    'constraints',
  ] as const)
    for (const f of situation[layer]) byId.set(f.properties.id, f);
  return ids.flatMap((id) => {
    const f = byId.get(id);
    return f ? [{ id, name: f.properties.name, source: f.properties.source }] : [];
  });
}

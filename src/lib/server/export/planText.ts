import type { PlanResult, PlanRoute, RouteCrossing, RouteHazard } from '../../domain/schemas';

/** What a route export says about itself: a title and the sensitivity marking it carries. */
export interface PlanExportOptions {
  title: string;
  /** Shown in every file's description: a route plan is never public. */
  sensitivity: 'restricted' | 'confidential';
  /** Only this route (its rank); every route when absent. */
  rank?: number;
}

/** The routes an export holds. */
export function exportedRoutes(plan: PlanResult, rank?: number): PlanRoute[] {
  return rank === undefined ? plan.routes : plan.routes.filter((r) => r.rank === rank);
}

export function hoursText(h: number): string {
  const whole = Math.floor(h);
  const min = Math.round((h - whole) * 60);
  return min === 60 ? `${whole + 1} h` : `${whole} h ${String(min).padStart(2, '0')}`;
}

/** `Route 1 (best): 790 km, at_risk, about 49 h 36 on the road`. */
export function routeTitle(r: PlanRoute): string {
  const which = r.rank === 1 ? 'best' : `alternative ${r.rank - 1}`;
  return `Route ${r.rank} (${which}): ${Math.round(r.lengthKm)} km, ${r.status}, about ${hoursText(r.travel.hours)} on the road`;
}

/** The stretches of a route, one line each: `km 0–127 open (rd_a)` or with the reasons. */
export function routeDescription(r: PlanRoute): string {
  return r.stretches
    .map(
      (s) =>
        `km ${Math.round(s.fromKm)}–${Math.round(s.toKm)} ${s.status}` +
        (s.reasons.length ? `: ${s.reasons.map((x) => x.detail).join('; ')}` : ''),
    )
    .join('\n');
}

/** Who must agree at a crossing, in one line. */
export function partiesText(c: RouteCrossing): string {
  return c.parties.map((p) => `${p.name} (${p.role})`).join('; ');
}

export function crossingDescription(c: RouteCrossing): string {
  return `${c.kind} crossing, ${c.status}${c.since ? ` since ${c.since}` : ''}, km ${Math.round(c.km)}. Must agree: ${partiesText(c) || 'no party recorded'}`;
}

export function hazardDescription(h: RouteHazard): string {
  return `${h.status} (${h.code}), km ${Math.round(h.fromKm)}–${Math.round(h.toKm)}: ${h.detail}`;
}

/** The line every export starts its description with: the date, the marking and the places. */
export function planSummary(plan: PlanResult, o: PlanExportOptions): string {
  return `${o.sensitivity.toUpperCase()}: not for public release. Convoy plan ${plan.from.name} → ${plan.to.name} as of ${plan.asOf}, from Corridor.`;
}

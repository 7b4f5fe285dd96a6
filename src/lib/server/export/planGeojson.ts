import type { Feature, FeatureCollection } from 'geojson';
import type { PlanResult } from '../../domain/schemas';
import { exportedRoutes, planSummary, routeTitle, type PlanExportOptions } from './planText';

/**
 * A convoy plan as a GeoJSON FeatureCollection: per route a `route` line (length, status, travel time,
 * crossing ids), its `stretch` lines (status, km, reasons), `crossing` points (who must agree) and
 * `hazard` points; then the `start` and `end` places. `kind` says which each feature is; the collection's
 * `plan` member repeats the date, the marking and, when there is no route, why.
 */
export function planGeojson(
  plan: PlanResult,
  o: PlanExportOptions,
): FeatureCollection & Record<string, unknown> {
  const features: Feature[] = [];
  for (const r of exportedRoutes(plan, o.rank)) {
    features.push({
      type: 'Feature',
      geometry: r.geometry,
      properties: {
        kind: 'route',
        rank: r.rank,
        name: routeTitle(r),
        status: r.status,
        lengthKm: r.lengthKm,
        hours: r.travel.hours,
        days: r.travel.days,
        crossingIds: r.crossings.map((c) => c.id),
        reasons: r.reasons,
      },
    });
    for (const s of r.stretches)
      features.push({
        type: 'Feature',
        geometry: s.geometry,
        properties: {
          kind: 'stretch',
          rank: r.rank,
          status: s.status,
          fromKm: s.fromKm,
          toKm: s.toKm,
          lengthKm: s.lengthKm,
          hours: s.hours,
          roadIds: s.roadIds,
          reasons: s.reasons,
        },
      });
    for (const c of r.crossings) {
      const { position, ...rest } = c;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: position },
        properties: { ...rest, kind: 'crossing', crossingKind: c.kind, rank: r.rank },
      });
    }
    for (const h of r.hazards) {
      const { position, ...rest } = h;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: position },
        properties: { ...rest, kind: 'hazard', rank: r.rank },
      });
    }
  }
  for (const [kind, p] of [
    ['start', plan.from],
    ['end', plan.to],
  ] as const)
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: p.position },
      properties: { kind, id: p.id, name: p.name, snapKm: p.snapKm },
    });
  return {
    type: 'FeatureCollection',
    plan: {
      title: o.title,
      sensitivity: o.sensitivity,
      summary: planSummary(plan, o),
      asOf: plan.asOf,
      reasons: plan.reasons,
      openings: plan.openings,
      notes: plan.notes,
    },
    features,
  };
}

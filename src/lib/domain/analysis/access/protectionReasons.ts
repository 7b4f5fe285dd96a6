import type { Position } from 'geojson';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { haversineKm } from '../../geo/haversineKm';
import { pointSegmentDistanceKm } from '../../geo/pointSegmentDistanceKm';
import type { Reason } from '../../schemas';
import type { AnalysisContext } from '../context';
import { frontlineLabel } from '../hazards/evaluateEdgeHazards';
import { polygonIndexOf } from '../polygonIndexOf';
import { formatKm } from '../reasons';
import { severeIncidentsOf } from './severeIncidents';

/**
 * Why a site needs protection (DESIGN.md §3): within `protectionRadiusKm` of an active front line, inside a
 * contested area, or at least `protectionIncidentCount` incidents of severity >= 2 within that radius and
 * the window (then each of them is a reason). Empty when none applies.
 */
export function protectionReasons(ctx: AnalysisContext, position: Position): Reason[] {
  const { params } = ctx.layers;
  const radius = params.protectionRadiusKm;
  const out: Reason[] = [];
  const box = expandBboxKm([position[0], position[1], position[0], position[1]], radius);

  const fs = ctx.frontlineSegments;
  const nearest = new Map<number, number>();
  for (const s of fs.index.search(box[0], box[1], box[2], box[3])) {
    const d = pointSegmentDistanceKm(position, fs.a[s], fs.b[s]);
    if (d <= radius && d < (nearest.get(fs.line[s]) ?? Infinity)) nearest.set(fs.line[s], d);
  }
  for (const [i, d] of nearest) {
    const f = fs.lines[i];
    out.push({
      code: 'protection_frontline',
      featureId: f.id,
      detail: `${formatKm(d)} from front line ${frontlineLabel(ctx.scenario, f)} (radius ${formatKm(radius)})`,
    });
  }

  for (const i of ctx.hazardAreaIndex.search(position[0], position[1], position[0], position[1])) {
    const a = ctx.hazardAreas[i];
    if (a.properties.confidence !== 'contested') continue;
    if (polygonIndexOf(a.geometry).contains(position))
      out.push({
        code: 'protection_contested_area',
        featureId: a.properties.id,
        detail: `inside contested area "${a.properties.name}"`,
      });
  }

  const near = severeIncidentsOf(ctx.layers.incidents, ctx.activeIncidents).near(position, box, radius);
  if (near.length >= params.protectionIncidentCount)
    for (const inc of near)
      out.push({
        code: 'protection_incidents',
        featureId: inc.properties.id,
        detail: `severity ${inc.properties.severity} incident "${inc.properties.name}" on ${inc.properties.date}, ${formatKm(haversineKm(position, inc.geometry.coordinates))} away: one of ${near.length} within ${formatKm(radius)} in ${params.incidentWindowDays} days`,
      });
  return out;
}

import type { AnalysisParams, IncidentFeature } from '../../schemas';
import { edgesNearPoint } from '../network/edgeQueries';
import type { RoadNetwork } from '../network/roadNetwork';
import { formatKm } from '../reasons';
import type { EdgeReasons } from './edgeReasons';
import type { HazardCache } from './hazardCache';

/**
 * An incident inside the window blocks roads within `incidentRadiusKm` when of severity 3 and puts them at
 * risk when of severity 1–2; severity 0 is informative only. (The caller passes only incidents in the window.)
 */
export function addIncidentHazards(
  net: RoadNetwork,
  incident: IncidentFeature,
  params: AnalysisParams,
  cache: HazardCache,
  out: Pick<EdgeReasons, 'add'>,
): void {
  const p = incident.properties;
  if (p.severity === 0) return;
  const r = params.incidentRadiusKm;
  const edges = cache.get(incident.geometry, `near:${r}`, () =>
    edgesNearPoint(net, incident.geometry.coordinates, r),
  );
  out.add(edges, {
    code: p.severity === 3 ? 'incident_severe' : 'incident_nearby',
    featureId: p.id,
    detail: `within ${formatKm(r)} of severity ${p.severity} ${p.category.replaceAll('_', ' ')} incident "${p.name}" on ${p.date} (${p.verification})`,
  });
}

import { polygonsOf } from '../../geo/polygonsOf';
import type { AnalysisParams, ConstraintFeature } from '../../schemas';
import { edgesInsidePolygons, edgesNearLines, edgesNearPoint } from '../network/edgeQueries';
import type { RoadNetwork } from '../network/roadNetwork';
import { polygonIndexOf } from '../polygonIndexOf';
import { formatKm } from '../reasons';
import type { EdgeReasons } from './edgeReasons';
import type { HazardCache } from './hazardCache';

/**
 * A constraint hits the roads within `constraintRadiusKm` of its geometry (a point such as a checkpoint or
 * a broken bridge, a line, or an area such as a flood, inside or near its edge). Severity 3 blocks, 1–2 put
 * at risk, 0 is informative only.
 */
export function addConstraintHazards(
  net: RoadNetwork,
  constraint: ConstraintFeature,
  params: AnalysisParams,
  cache: HazardCache,
  out: Pick<EdgeReasons, 'add'>,
): void {
  const p = constraint.properties;
  if (p.severity === 0) return;
  const r = params.constraintRadiusKm;
  const g = constraint.geometry;
  const edges = cache.get(g, `near:${r}`, () => {
    switch (g.type) {
      case 'Point':
        return edgesNearPoint(net, g.coordinates, r);
      case 'LineString':
        return edgesNearLines(net, [g.coordinates], r);
      case 'MultiLineString':
        return edgesNearLines(net, g.coordinates, r);
      case 'Polygon':
      case 'MultiPolygon': {
        const polys = polygonsOf(g);
        const set = new Set([
          ...edgesInsidePolygons(net, polys, polygonIndexOf(g)),
          ...edgesNearLines(net, polys.flat(), r),
        ]);
        return [...set].sort((a, b) => a - b);
      }
    }
  });
  const what = `severity ${p.severity} ${p.kind.replaceAll('_', ' ')} "${p.name}"`;
  out.add(
    edges,
    p.severity === 3
      ? { code: 'constraint_severe', featureId: p.id, detail: `hit by ${what} (within ${formatKm(r)})` }
      : { code: 'constraint_nearby', featureId: p.id, detail: `within ${formatKm(r)} of ${what}` },
  );
}

import { polygonsOf } from '../../geo/polygonsOf';
import type { Actor, AreaFeature } from '../../schemas';
import { edgesInsidePolygons } from '../network/edgeQueries';
import { polygonIndexOf } from '../polygonIndexOf';
import type { RoadNetwork } from '../network/roadNetwork';
import type { EdgeReasons } from './edgeReasons';
import type { HazardCache } from './hazardCache';

/**
 * Roads with a part inside an `assessed` area of an actor that denies access are blocked; roads with a part
 * inside a `contested` area are at risk. Holes of (Multi)Polygons are outside. `claimed` areas do nothing.
 */
export function addAreaHazards(
  net: RoadNetwork,
  area: AreaFeature,
  actor: Actor | undefined,
  cache: HazardCache,
  out: Pick<EdgeReasons, 'add'>,
): void {
  const p = area.properties;
  const denies = p.confidence === 'assessed' && actor?.deniesAccess === true;
  if (!denies && p.confidence !== 'contested') return;
  // The index of the area's rings is the one the corridors and sites read, made once per geometry.
  const edges = cache.get(area.geometry, 'inside', () =>
    edgesInsidePolygons(net, polygonsOf(area.geometry), polygonIndexOf(area.geometry)),
  );
  const actorName = actor?.name ?? p.actorId;
  out.add(
    edges,
    denies
      ? {
          code: 'denied_area',
          featureId: p.id,
          detail: `inside "${p.name}", held by ${actorName}, which denies humanitarian access`,
        }
      : {
          code: 'contested_area',
          featureId: p.id,
          detail: `inside contested area "${p.name}" (${actorName})`,
        },
  );
}

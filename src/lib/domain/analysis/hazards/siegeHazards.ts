import { polygonsOf } from '../../geo/polygonsOf';
import type { Actor, ConstraintFeature } from '../../schemas';
import { edgeLineCrossings } from '../network/edgeQueries';
import type { RoadNetwork } from '../network/roadNetwork';
import type { EdgeReasons } from './edgeReasons';
import type { HazardCache } from './hazardCache';

/**
 * A siege (DESIGN.md §2): convoys cannot pass its ring, so every road edge that crosses or touches the
 * boundary of the siege polygon is blocked, whatever the constraint's severity. Roads entirely inside or
 * outside the ring are left alone: movement within the besieged place is not blocked by the siege itself.
 */
export function addSiegeHazards(
  net: RoadNetwork,
  siege: ConstraintFeature,
  actor: Actor | undefined,
  cache: HazardCache,
  out: Pick<EdgeReasons, 'add'>,
): void {
  const p = siege.properties;
  const g = siege.geometry;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return;
  const edges = cache.get(g, 'siege-ring', () => {
    const rings = polygonsOf(g).flat();
    return [...new Set(edgeLineCrossings(net, rings).map((h) => h.edge))].sort((a, b) => a - b);
  });
  out.add(edges, {
    code: 'siege',
    featureId: p.id,
    detail: `crosses the ring of siege "${p.name}" by ${actor?.name ?? p.actorId ?? 'an unnamed actor'}${p.validFrom ? ` since ${p.validFrom}` : ''}`,
  });
}

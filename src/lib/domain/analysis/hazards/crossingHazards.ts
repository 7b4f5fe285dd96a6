import type { ActiveCrossing } from '../activeLayers';
import type { RoadNetwork } from '../network/roadNetwork';
import type { EdgeReasons } from './edgeReasons';

/** Road edges that pass a closed crossing (end at its junction) are blocked; a restricted one puts them at risk. */
export function addCrossingHazards(net: RoadNetwork, crossing: ActiveCrossing, out: EdgeReasons): void {
  if (crossing.status === 'open') return;
  const p = crossing.feature.properties;
  const node = net.crossingNode.get(p.id);
  if (node === undefined) return;
  const edges = net.adjEdge.subarray(net.adjStart[node], net.adjStart[node + 1]);
  const since = crossing.since ? ` since ${crossing.since}` : ' (override)';
  out.add(edges, {
    code: crossing.status === 'closed' ? 'crossing_closed' : 'crossing_restricted',
    featureId: p.id,
    detail: `passes ${p.kind} crossing "${p.name}", ${crossing.status}${since}`,
  });
}

import type { Position } from 'geojson';
import { pointInPolygons } from '../../geo/pointInPolygons';
import { polygonsOf } from '../../geo/polygonsOf';
import type { RouteCrossing } from '../../schemas';
import type { ActiveCrossing } from '../activeLayers';
import type { AnalysisContext } from '../context';

/**
 * Who must agree to a convoy passing a crossing on the as-of date. An international crossing needs the
 * authorities of both countries it joins, and the actor holding the ground there when an area of control
 * covers it (a border post held by an armed group is negotiated with that group). A crossline point needs
 * the two actors it stands between.
 */
export function crossingParties(ctx: AnalysisContext, crossing: ActiveCrossing): RouteCrossing['parties'] {
  const p = crossing.feature.properties;
  const actorName = (id: string) => ctx.scenario.actors.find((a) => a.id === id)?.name ?? id;
  const parties: RouteCrossing['parties'] = [];
  if (p.kind === 'international') {
    p.countries.forEach((c, i) =>
      parties.push({
        kind: 'country',
        id: c,
        name: c,
        role: i === 0 ? 'authorities of the side convoys leave' : 'authorities of the side convoys enter',
      }),
    );
    const at: Position = crossing.feature.geometry.coordinates;
    const holders = new Map<string, string>();
    for (const a of ctx.layers.areas)
      if (pointInPolygons(at, polygonsOf(a.geometry)) && !holders.has(a.properties.actorId))
        holders.set(a.properties.actorId, a.properties.confidence);
    for (const [id, confidence] of [...holders].sort((x, y) => (x[0] < y[0] ? -1 : 1)))
      parties.push({
        kind: 'actor',
        id,
        name: actorName(id),
        role: `holds the ground at the crossing (${confidence})`,
      });
  } else {
    for (const id of p.actorIds)
      parties.push({ kind: 'actor', id, name: actorName(id), role: 'party to the crossline agreement' });
  }
  return parties;
}

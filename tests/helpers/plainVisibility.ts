import { isInWindow, isValidOn } from '$lib/domain/asOf';
import type { Situation } from '$lib/domain/schemas';
import type { DateVisibility } from '$lib/map/dateVisibility';
import { INCIDENT_WINDOW_DAYS } from '$lib/map/mapData';

// The visibility lists of a date read plainly from the whole situation, as the tests of the map's verdicts
// compare the indexed ones (`dateVisibilityIndex.ts`) with.

type Dated = { properties: { id: string; validFrom?: string; validTo?: string } };

/** Every feature read on the date, as `situationOn` and `mapDataOn` decide what counts and is impassable. */
export function plainVisibility(situation: Situation, asOf: string): DateVisibility {
  const notInForce = (list: readonly Dated[]) =>
    list.filter((f) => !isValidOn(f.properties, asOf)).map((f) => f.properties.id);
  // The areas tile layer also holds the siege rings (`tileFeatures`).
  const sieges = situation.constraints.filter((c) => c.properties.kind === 'siege');
  const hidden: DateVisibility['hidden'] = {
    admin: notInForce(situation.admin),
    areas: [...notInForce(situation.areas), ...notInForce(sieges)],
    frontlines: notInForce(situation.frontlines),
    roads: notInForce(situation.roads),
    corridors: notInForce(situation.corridors),
    sites: notInForce(situation.sites),
    crossings: notInForce(situation.crossings),
  };
  for (const [group, ids] of Object.entries(hidden))
    if (ids.length === 0) delete hidden[group as keyof typeof hidden];
  const month = Number(asOf.slice(5, 7));
  return {
    hidden,
    incidents: situation.incidents
      .filter((i) => isInWindow(i.properties.date, asOf, INCIDENT_WINDOW_DAYS))
      .map((i) => i.properties.id),
    impassable: situation.roads
      .filter((r) => isValidOn(r.properties, asOf) && r.properties.impassableMonths.includes(month))
      .map((r) => r.properties.id),
  };
}

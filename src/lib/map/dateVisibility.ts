import { isInWindow, isValidOn } from '$lib/domain/asOf';
import type { Situation } from '$lib/domain/schemas';
import type { LayerGroup } from './layerGroups';
import { INCIDENT_WINDOW_DAYS } from './mapData';

/**
 * What of the tiles counts on a date, for the tiled map (`tiledStyle.ts`). The tiles hold every date; the
 * style draws each feature by feature state set from these lists, so a date change reloads no tile (a
 * filter or layout reading the date would make MapLibre re-parse every tile of the source).
 *
 * Each list is the short side of its group: most features of a group are in force on most dates, while an
 * incident counts only in the window before the date.
 */
export interface DateVisibility {
  /** Ids in the tiles that are not in force on the date (outside their validity interval), by group. */
  hidden: Partial<Record<Exclude<LayerGroup, 'incidents'>, string[]>>;
  /** Incidents of the window before the date: the only ones drawn (the tiles' default is hidden). */
  incidents: string[];
  /** Roads in force that are impassable in the date's month (drawn dotted). */
  impassable: string[];
}

type Dated = { properties: { id: string; validFrom?: string; validTo?: string } };

/**
 * The visibility lists of `asOf` over `situation` (the same features the tiles hold, `tileFeatures`), as
 * `situationOn` and `mapDataOn` decide what counts and what is impassable. Input is not mutated.
 *
 * @example dateVisibility(situation, '2024-08-20').impassable // ['road_wadi_track', …]
 */
export function dateVisibility(situation: Situation, asOf: string): DateVisibility {
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

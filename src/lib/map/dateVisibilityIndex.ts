import { isValidOn } from '$lib/domain/asOf';
import { dayNumber } from '$lib/domain/calendarDays';
import type { RoadFeature, Situation } from '$lib/domain/schemas';
import type { DateVisibility } from './dateVisibility';
import type { LayerGroup } from './layerGroups';
import { INCIDENT_WINDOW_DAYS } from './mapData';

// The visibility lists of one situation on date after date, as the map's server makes the verdicts of each date
// a reader opens from the same situation. Reading every feature on every date (at Sudan scale 50,000 roads
// twice and two date parses for each of 20,000 incidents) cost 10–18 ms of a date change. What does not depend
// on the date is found once per situation here: which features have a validity bound at all (the others are
// in force on every date), which roads are impassable in some month, and each incident's day.

type Dated = { properties: { id: string; validFrom?: string; validTo?: string } };
type Group = Exclude<LayerGroup, 'incidents'>;

interface VisibilityIndex {
  /** By group, in `dateVisibility`'s order, the features with a `validFrom` or `validTo`, in list order. */
  bounded: [Group, Dated[]][];
  /** Roads impassable in at least one month, in list order. */
  seasonal: RoadFeature[];
  /** By month (1–12, made on the first date in it), `seasonal`'s roads impassable in that month. */
  impassableIn: (ImpassableInMonth | undefined)[];
  incidentIds: string[];
  /** Each incident's day number, as `daysBetween` reads it (NaN when not a date). */
  incidentDays: Float64Array;
}

/**
 * The roads impassable in one month, in list order: 13,000 of the 50,000 roads at Sudan scale are seasonal, and
 * reading each one's months and validity on every date (each road an object of its own, scattered on the heap)
 * was most of the visibility lists' time. Only roads with a validity bound depend on the day.
 */
interface ImpassableInMonth {
  roads: RoadFeature[];
  /** Their ids, the month's list when none of them has a validity bound. */
  ids: string[];
  bounded: boolean;
}

const indexes = new WeakMap<Situation, VisibilityIndex>();

function indexOf(situation: Situation): VisibilityIndex {
  let index = indexes.get(situation);
  if (index) return index;
  const bounded = (list: readonly Dated[]) =>
    list.filter((f) => f.properties.validFrom !== undefined || f.properties.validTo !== undefined);
  // The areas tile layer also holds the siege rings (`tileFeatures`).
  const sieges = situation.constraints.filter((c) => c.properties.kind === 'siege');
  index = {
    bounded: [
      ['admin', bounded(situation.admin)],
      ['areas', [...bounded(situation.areas), ...bounded(sieges)]],
      ['frontlines', bounded(situation.frontlines)],
      ['roads', bounded(situation.roads)],
      ['corridors', bounded(situation.corridors)],
      ['sites', bounded(situation.sites)],
      ['crossings', bounded(situation.crossings)],
    ],
    seasonal: situation.roads.filter((r) => r.properties.impassableMonths.length > 0),
    impassableIn: [],
    incidentIds: situation.incidents.map((i) => i.properties.id),
    incidentDays: Float64Array.from(situation.incidents, (i) => dayNumber(i.properties.date)),
  };
  indexes.set(situation, index);
  return index;
}

/**
 * `dateVisibility(situation, asOf)` (see there): each group's features not in force on the date, the incidents
 * of the window and the roads impassable in the date's month, from what `situation` holds whatever the date
 * (found on the first call for a situation and kept while it lives). `situation` must not be mutated after.
 */
export function dateVisibilityOn(situation: Situation, asOf: string): DateVisibility {
  const index = indexOf(situation);
  const { bounded, incidentIds, incidentDays } = index;
  const hidden: DateVisibility['hidden'] = {};
  for (const [group, list] of bounded) {
    const ids = list.filter((f) => !isValidOn(f.properties, asOf)).map((f) => f.properties.id);
    if (ids.length > 0) hidden[group] = ids;
  }
  const month = Number(asOf.slice(5, 7));
  // `isInWindow`'s age in days, from the same day numbers.
  const asOfDay = dayNumber(asOf);
  const incidents: string[] = [];
  for (let i = 0; i < incidentIds.length; i++) {
    const age = asOfDay - incidentDays[i];
    if (age >= 0 && age <= INCIDENT_WINDOW_DAYS) incidents.push(incidentIds[i]);
  }
  const inMonth = impassableInMonth(index, month);
  return {
    hidden,
    incidents,
    // A copy: the lists of one date's verdicts are not those of another.
    impassable: inMonth.bounded
      ? inMonth.roads.filter((r) => isValidOn(r.properties, asOf)).map((r) => r.properties.id)
      : inMonth.ids.slice(),
  };
}

function impassableInMonth(index: VisibilityIndex, month: number): ImpassableInMonth {
  let found = index.impassableIn[month];
  if (!found) {
    const roads = index.seasonal.filter((r) => r.properties.impassableMonths.includes(month));
    found = {
      roads,
      ids: roads.map((r) => r.properties.id),
      bounded: roads.some((r) => r.properties.validFrom !== undefined || r.properties.validTo !== undefined),
    };
    index.impassableIn[month] = found;
  }
  return found;
}

import type { IncidentFeature } from '../schemas';
import { dayNumber } from '../calendarDays';

// `neededProtection` reads, of a situation's incidents, only those of violence against aid in its window.
// Picking them out of all of them on every call cost a category test and a date parse for each of 20,000
// incidents at Sudan scale on every date's verdicts, and the window then parsed two dates per aid incident;
// neither the pick by category nor an incident's day depends on the date, so both are made once per incident
// list (features and their lists are never mutated).
interface AidIncidents {
  list: IncidentFeature[];
  /** Each one's day number (`dayNumber`, NaN when not a date), by place in `list`. */
  days: Float64Array;
}
const byList = new WeakMap<readonly IncidentFeature[], AidIncidents>();

/**
 * The incidents of `incidents` that are violence against aid and in the window of `windowDays` before `asOf`
 * (`isInWindow`), in list order.
 */
export function aidIncidentsInWindow(
  incidents: readonly IncidentFeature[],
  asOf: string,
  windowDays: number,
): IncidentFeature[] {
  let aid = byList.get(incidents);
  if (!aid) {
    const list = incidents.filter((i) => i.properties.category === 'violence_against_aid');
    aid = { list, days: Float64Array.from(list, (i) => dayNumber(i.properties.date)) };
    byList.set(incidents, aid);
  }
  const { list, days } = aid;
  // `isInWindow`'s age in days (daysBetween), from the same day numbers.
  const asOfDay = dayNumber(asOf);
  const out: IncidentFeature[] = [];
  for (let i = 0; i < list.length; i++) {
    const age = asOfDay - days[i];
    if (age >= 0 && age <= windowDays) out.push(list[i]);
  }
  return out;
}

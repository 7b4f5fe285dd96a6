import type { IncidentFeature } from '../schemas';

// `neededProtection` reads, of a situation's incidents, only those of violence against aid. Picking them out
// of all of them on every call cost a category test and a date parse for each of 20,000 incidents at Sudan
// scale on every date's verdicts; the pick by category does not depend on the date, so it is made once per
// incident list (features and their lists are never mutated).
const byList = new WeakMap<readonly IncidentFeature[], IncidentFeature[]>();

/** The incidents of `incidents` that are violence against aid, in list order (made once per list). */
export function aidIncidentsOf(incidents: readonly IncidentFeature[]): IncidentFeature[] {
  let aid = byList.get(incidents);
  if (!aid) {
    aid = incidents.filter((i) => i.properties.category === 'violence_against_aid');
    byList.set(incidents, aid);
  }
  return aid;
}

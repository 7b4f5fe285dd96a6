import type { CorridorReport, SiteReport, Totals } from '../schemas';
import type { ActiveCrossing } from './activeLayers';
import { corridorCounts, type CorridorCountsMemo } from './corridorCounts';

/**
 * The totals of a date (DESIGN.md §4, hotspots): people and sites cut off, besieged and with a famine
 * finding, inactive sites, corridors blocked or at risk, crossings closed or restricted. People add each
 * active site's current population, stale or not (a stale count is the best there is); a site with no
 * population figure adds 0. Inactive sites (emptied, destroyed…) count only in `sitesInactive`. An analyzer
 * passes the memo of its last corridor counts: the corridors are then counted where their reports changed.
 */
export function totals(
  sites: readonly SiteReport[],
  corridors: readonly CorridorReport[],
  crossings: readonly ActiveCrossing[],
  corridorsMemo?: CorridorCountsMemo,
): Totals {
  const { blocked, atRisk } = corridorCounts(corridors, corridorsMemo);
  const t: Totals = {
    peopleCutOff: 0,
    peopleBesieged: 0,
    peopleFamine: 0,
    sitesCutOff: 0,
    sitesBesieged: 0,
    sitesFamine: 0,
    sitesInactive: 0,
    corridorsBlocked: blocked,
    corridorsAtRisk: atRisk,
    crossingsClosed: 0,
    crossingsRestricted: 0,
  };
  // An index loop: a for-of made an iterator result per site until the optimising compiler took over, on every
  // analysis.
  for (let i = 0; i < sites.length; i++) {
    const s = sites[i];
    if (s.access === 'inactive') {
      t.sitesInactive++;
      continue;
    }
    const people = s.population ?? 0;
    if (s.access === 'cut_off') {
      t.sitesCutOff++;
      t.peopleCutOff += people;
    }
    if (s.besieged) {
      t.sitesBesieged++;
      t.peopleBesieged += people;
    }
    if (s.famine) {
      t.sitesFamine++;
      t.peopleFamine += people;
    }
  }
  for (let i = 0; i < crossings.length; i++) {
    const c = crossings[i];
    if (c.status === 'closed') t.crossingsClosed++;
    else if (c.status === 'restricted') t.crossingsRestricted++;
  }
  return t;
}

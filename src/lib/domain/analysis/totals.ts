import type { CorridorReport, SiteReport, Totals } from '../schemas';
import type { ActiveCrossing } from './activeLayers';

/**
 * The totals of a date (DESIGN.md §4, hotspots): people and sites cut off, besieged and with a famine
 * finding, inactive sites, corridors blocked or at risk, crossings closed or restricted. People add each
 * active site's current population, stale or not (a stale count is the best there is); a site with no
 * population figure adds 0. Inactive sites (emptied, destroyed…) count only in `sitesInactive`.
 *
 * With a memo (an analyzer keeps one), the sites' and corridors' counts are the last call's, less the reports
 * that are no longer in the same place of the lists and plus those that came: a re-analysis keeps most
 * reports as the very objects of the last one, and reading the status of every one of them (50,000 corridors
 * on the walks at full size, scattered on the heap) was most of this function's time. Populations are
 * integers, so taking one away and adding it back gives the sum a fresh count gives.
 */
export function totals(
  sites: readonly SiteReport[],
  corridors: readonly CorridorReport[],
  crossings: readonly ActiveCrossing[],
  memo?: TotalsMemo,
): Totals {
  const t: Totals = {
    peopleCutOff: 0,
    peopleBesieged: 0,
    peopleFamine: 0,
    sitesCutOff: 0,
    sitesBesieged: 0,
    sitesFamine: 0,
    sitesInactive: 0,
    corridorsBlocked: 0,
    corridorsAtRisk: 0,
    crossingsClosed: 0,
    crossingsRestricted: 0,
  };
  const last = memo?.last;
  if (last && last.sites.length === sites.length && last.corridors.length === corridors.length) {
    Object.assign(t, last.totals);
    // Index loops: a for-of made an iterator result per site and corridor (55,000 on the walks' full size)
    // until the optimising compiler took over, on every analysis.
    for (let i = 0; i < sites.length; i++)
      if (sites[i] !== last.sites[i]) {
        countSite(t, last.sites[i], -1);
        countSite(t, sites[i], 1);
      }
    for (let i = 0; i < corridors.length; i++)
      if (corridors[i] !== last.corridors[i]) {
        countCorridor(t, last.corridors[i], -1);
        countCorridor(t, corridors[i], 1);
      }
  } else {
    for (let i = 0; i < sites.length; i++) countSite(t, sites[i], 1);
    for (let i = 0; i < corridors.length; i++) countCorridor(t, corridors[i], 1);
  }
  // The crossings' counts are not kept: they are the last thing added, and a few.
  if (memo) memo.last = { sites, corridors, totals: { ...t } };
  for (let i = 0; i < crossings.length; i++) {
    const c = crossings[i];
    if (c.status === 'closed') t.crossingsClosed++;
    else if (c.status === 'restricted') t.crossingsRestricted++;
  }
  return t;
}

/** What the last call of `totals` counted, before its crossings. */
export interface TotalsMemo {
  last?: { sites: readonly SiteReport[]; corridors: readonly CorridorReport[]; totals: Totals };
}

/** Adds (`sign` 1) or takes away (-1) a site's counts. */
function countSite(t: Totals, s: SiteReport, sign: number): void {
  if (s.access === 'inactive') {
    t.sitesInactive += sign;
    return;
  }
  const people = s.population ?? 0;
  if (s.access === 'cut_off') {
    t.sitesCutOff += sign;
    t.peopleCutOff += sign * people;
  }
  if (s.besieged) {
    t.sitesBesieged += sign;
    t.peopleBesieged += sign * people;
  }
  if (s.famine) {
    t.sitesFamine += sign;
    t.peopleFamine += sign * people;
  }
}

/** Adds (`sign` 1) or takes away (-1) a corridor's counts. */
function countCorridor(t: Totals, c: CorridorReport, sign: number): void {
  if (c.status === 'blocked') t.corridorsBlocked += sign;
  else if (c.status === 'at_risk') t.corridorsAtRisk += sign;
}

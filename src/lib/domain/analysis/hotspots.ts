import type { Hotspot, SiteAccess, SiteReport } from '../schemas';
import { compareStrings } from './sortById';

/** Access difficulty weights of the hotspot score (docs/analysis.md). An inactive site is never scored. */
export const accessDifficulty: Record<SiteAccess, number> = {
  internal: 1,
  crossline_only: 2,
  cross_border_only: 3,
  cut_off: 4,
  inactive: 0,
};

/**
 * The severity a hotspot score uses when no IPC phase is valid on the date: 3 (Crisis), the phase from
 * which IPC calls for urgent action. Unknown is neither "minimal" (1, which hid Zamzam) nor "famine" (5).
 */
export const UNKNOWN_PHASE_SEVERITY = 3;

/**
 * Hotspot score = people × severity × access difficulty (docs/analysis.md), for every active site that is
 * not a supply hub and has a population figure above 0 (stale or not: the component says so). Severity is
 * 5 for a site with famine (a valid famine finding or phase 5), else the valid IPC phase, else
 * UNKNOWN_PHASE_SEVERITY. Highest score
 * first, then by site id.
 */
export function hotspots(sites: readonly SiteReport[]): Hotspot[] {
  return sites
    .filter((s) => !s.hub && s.access !== 'inactive' && s.population !== null && s.population > 0)
    .map((s) => {
      const severity = s.famine ? 5 : (s.ipcPhase ?? UNKNOWN_PHASE_SEVERITY);
      const difficulty = accessDifficulty[s.access];
      return {
        siteId: s.id,
        score: s.population! * severity * difficulty,
        components: {
          population: s.population!,
          populationAsOf: s.populationAsOf!,
          populationStale: s.populationStale,
          ipcPhase: s.ipcPhase,
          ipcPhaseKnown: s.ipcPhase !== null,
          severity,
          access: s.access,
          accessDifficulty: difficulty,
        },
      };
    })
    .sort((a, b) => b.score - a.score || compareStrings(a.siteId, b.siteId));
}

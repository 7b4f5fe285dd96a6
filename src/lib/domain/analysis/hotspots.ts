import type { Hotspot, SiteAccess, SiteReport } from '../schemas';
import { compareStrings } from './sortById';

/** Access difficulty weights of the hotspot score (docs/analysis.md). */
export const accessDifficulty: Record<SiteAccess, number> = {
  internal: 1,
  crossline_only: 2,
  cross_border_only: 3,
  cut_off: 4,
};

/**
 * Hotspot score = people affected × severity (IPC phase, 1 when unknown) × access difficulty, for every
 * site with a known population above 0 that is not a supply hub. Highest score first, then by site id.
 */
export function hotspots(sites: readonly SiteReport[]): Hotspot[] {
  return sites
    .filter((s) => !s.hub && s.population !== null && s.population > 0)
    .map((s) => {
      const ipc = s.ipcPhase ?? 1;
      const difficulty = accessDifficulty[s.access];
      return {
        siteId: s.id,
        score: s.population! * ipc * difficulty,
        components: {
          population: s.population!,
          ipcPhase: ipc,
          ipcPhaseKnown: s.ipcPhase !== null,
          access: s.access,
          accessDifficulty: difficulty,
        },
      };
    })
    .sort((a, b) => b.score - a.score || compareStrings(a.siteId, b.siteId));
}

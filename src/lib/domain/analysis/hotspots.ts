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
export function hotspots(sites: readonly SiteReport[], memo?: HotspotsMemo): Hotspot[] {
  const last = memo?.sites;
  let out: Hotspot[];
  if (last && memo.hotspots && last.length === sites.length) {
    // Most reports are the very objects of the last call (a re-analysis keeps them): only the others' entries
    // are taken out and put back in order. The order is total (ids are unique), so it is the one a sort gives.
    const changed = new Set<string>();
    const fresh: Hotspot[] = [];
    for (let i = 0; i < sites.length; i++) {
      if (sites[i] === last[i]) continue;
      changed.add(last[i].id).add(sites[i].id);
      const h = hotspotOf(sites[i]);
      if (h) fresh.push(h);
    }
    out = memo.hotspots.filter((h) => !changed.has(h.siteId));
    for (const h of fresh.sort(byScore)) {
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byScore(out[mid], h) < 0) lo = mid + 1;
        else hi = mid;
      }
      out.splice(lo, 0, h);
    }
  } else {
    out = [];
    for (const s of sites) {
      const h = hotspotOf(s);
      if (h) out.push(h);
    }
    out.sort(byScore);
  }
  if (memo) {
    memo.sites = sites;
    memo.hotspots = out;
    return [...out];
  }
  return out;
}

/** What the last call of `hotspots` saw and gave (an analyzer keeps one). */
export interface HotspotsMemo {
  sites?: readonly SiteReport[];
  hotspots?: Hotspot[];
}

const byScore = (a: Hotspot, b: Hotspot) => b.score - a.score || compareStrings(a.siteId, b.siteId);

function hotspotOf(s: SiteReport): Hotspot | undefined {
  if (s.hub || s.access === 'inactive' || s.population === null || s.population <= 0) return undefined;
  const severity = s.famine ? 5 : (s.ipcPhase ?? UNKNOWN_PHASE_SEVERITY);
  const difficulty = accessDifficulty[s.access];
  return {
    siteId: s.id,
    score: s.population * severity * difficulty,
    components: {
      population: s.population,
      populationAsOf: s.populationAsOf!,
      populationStale: s.populationStale,
      ipcPhase: s.ipcPhase,
      ipcPhaseKnown: s.ipcPhase !== null,
      severity,
      access: s.access,
      accessDifficulty: difficulty,
    },
  };
}

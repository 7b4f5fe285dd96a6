import type { AnalysisReport, Hotspot, SiteAccess, SiteFlag } from '$lib/domain/schemas';
import { accessDifficulty } from '$lib/domain/analysis/hotspots';
import { ACCESS_LABELS, FLAG_LABELS, REASON_LABELS } from './analysisDetails';

/** One entry of the hotspot panel. */
export interface HotspotEntry {
  siteId: string;
  name: string;
  /** 1 = highest score; absent for flagged sites the score cannot rank (no population figure). */
  rank?: number;
  score?: number;
  components?: Hotspot['components'];
  access: SiteAccess;
  accessLabel: string;
  flags: { flag: SiteFlag; label: string }[];
  /** The kinds of reason behind the flags and access, in plain words, each once. */
  reasons: string[];
}

export interface HotspotList {
  /** Sites by hotspot score (people × IPC phase × access difficulty), highest first. */
  ranked: HotspotEntry[];
  /**
   * Flagged sites the score cannot rank because no population figure is known on the date: hardest
   * access first, then highest IPC phase, then name. Listed so a famine camp without a count is not lost.
   */
  unranked: HotspotEntry[];
}

/**
 * The hotspot panel of the map page from an analysis report (DESIGN.md §3 "Hotspot score").
 *
 * @example hotspotList(report).ranked[0].siteId // the most affected site
 */
export function hotspotList(report: AnalysisReport): HotspotList {
  const sites = new Map(report.sites.map((s) => [s.id, s]));
  // A ranked entry gets its rank, score and components in the same object (a copy of each entry spread with
  // them was most of the list's time: 5,000 hotspots at Sudan scale).
  const entry = (siteId: string, rank?: number, h?: Hotspot): HotspotEntry | undefined => {
    const s = sites.get(siteId);
    if (!s) return undefined;
    const e: HotspotEntry = {
      siteId,
      name: s.name,
      access: s.access,
      accessLabel: ACCESS_LABELS[s.access].label,
      flags: s.flags.map((flag) => ({ flag, label: FLAG_LABELS[flag] })),
      reasons: [...new Set(s.reasons.map((r) => REASON_LABELS[r.code] ?? r.code))],
    };
    if (h) {
      e.rank = rank;
      e.score = h.score;
      e.components = h.components;
    }
    return e;
  };
  const ranked = report.hotspots.flatMap((h, i) => {
    const e = entry(h.siteId, i + 1, h);
    return e ? [e] : [];
  });
  const rankedIds = new Set(report.hotspots.map((h) => h.siteId));
  const unranked = report.sites
    .filter((s) => !s.hub && s.flags.length > 0 && !rankedIds.has(s.id))
    .sort(
      (a, b) =>
        accessDifficulty[b.access] - accessDifficulty[a.access] ||
        (b.ipcPhase ?? 0) - (a.ipcPhase ?? 0) ||
        a.name.localeCompare(b.name, 'en'),
    )
    .flatMap((s) => {
      const e = entry(s.id);
      return e ? [e] : [];
    });
  return { ranked, unranked };
}

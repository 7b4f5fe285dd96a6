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
  const entry = (siteId: string): HotspotEntry | undefined => {
    const s = sites.get(siteId);
    if (!s) return undefined;
    return {
      siteId,
      name: s.name,
      access: s.access,
      accessLabel: ACCESS_LABELS[s.access].label,
      flags: s.flags.map((flag) => ({ flag, label: FLAG_LABELS[flag] })),
      reasons: [...new Set(s.reasons.map((r) => REASON_LABELS[r.code] ?? r.code))],
    };
  };
  // Entries written out key by key: spreading `entry`'s object into a new one was most of the list's time
  // (5,000 hotspots at Sudan scale, one object each).
  const ranked: HotspotEntry[] = [];
  for (let i = 0; i < report.hotspots.length; i++) {
    const h = report.hotspots[i];
    const e = entry(h.siteId);
    if (e)
      ranked.push({
        siteId: e.siteId,
        name: e.name,
        access: e.access,
        accessLabel: e.accessLabel,
        flags: e.flags,
        reasons: e.reasons,
        rank: i + 1,
        score: h.score,
        components: h.components,
      });
  }
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

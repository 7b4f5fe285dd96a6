import type { AnalysisReport, Hotspot, Reason, ReasonCode, SiteAccess, SiteFlag } from '$lib/domain/schemas';
import { accessDifficulty } from '$lib/domain/analysis/hotspots';
import { ACCESS_LABELS, FLAG_LABELS, REASON_LABELS } from './analysisDetails';
import { distinctKeys } from './distinctKeys';
import { onceEach } from './onceEach';

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
  const panelEntry = panelEntries((r: Reason) => r.code);
  const entry = (siteId: string, rank?: number, h?: Hotspot): HotspotEntry | undefined => {
    const s = sites.get(siteId);
    if (!s) return undefined;
    const e = panelEntry(siteId, s.name, s.access, s.flags, s.reasons);
    if (h) {
      e.rank = rank;
      e.score = h.score;
      e.components = h.components;
    }
    return e;
  };
  const ranked: HotspotEntry[] = [];
  for (let i = 0; i < report.hotspots.length; i++) {
    const h = report.hotspots[i];
    const e = entry(h.siteId, i + 1, h);
    if (e) ranked.push(e);
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

/**
 * Makes the hotspot panel's entries, labelled in the current language, from a site's name, access, flags and
 * reasons (`codeOf` gives a reason's code). A ranked entry gets its rank, score and components set on the same
 * object afterwards: a copy spread with them was most of the list's time at Sudan scale (5,000 hotspots).
 *
 * Each label is a message looked up in the current language: 5,000 entries asked for about 25,000 of them, a
 * large part of the list's time, when a list names a few dozen distinct ones. So each is asked once per maker;
 * make one per list, as the language may change between lists but not within one.
 *
 * @example panelEntries((r: Reason) => r.code)(s.id, s.name, s.access, s.flags, s.reasons).accessLabel
 */
export function panelEntries<R>(
  codeOf: (reason: R) => string,
): (
  siteId: string,
  name: string,
  access: SiteAccess,
  flags: readonly SiteFlag[],
  reasons: readonly R[],
) => HotspotEntry {
  const accessLabel = onceEach((a: SiteAccess) => ACCESS_LABELS[a].label);
  const flagLabel = onceEach((f: SiteFlag) => FLAG_LABELS[f]);
  const reasonLabel = onceEach((code: string) => REASON_LABELS[code as ReasonCode] ?? code);
  const reasonLabelOf = (r: R) => reasonLabel(codeOf(r));
  return (siteId, name, access, flags, reasons) => ({
    siteId,
    name,
    access,
    accessLabel: accessLabel(access),
    flags: flags.map((flag) => ({ flag, label: flagLabel(flag) })),
    reasons: distinctKeys(reasons, reasonLabelOf),
  });
}

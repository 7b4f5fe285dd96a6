import { neededProtection, type ProtectionNeeds } from '$lib/domain/analysis/neededProtection';
import { crossingsOn, crossingStatusOn } from '$lib/domain/asOf';
import type { AnalysisReport, Situation, Totals } from '$lib/domain/schemas';
import { dateVisibility, type DateVisibility } from './dateVisibility';
import { distinctKeys } from './distinctKeys';
import { hotspotList, type HotspotList } from './hotspotList';

/** What the style draws a corridor with on the date (feature state of the tiled map, see `tiledStyle.ts`). */
export interface CorridorVerdict {
  status: 'open' | 'at_risk' | 'blocked';
  /** The distinct reason codes of its stretches, in the order they first appear (docs/analysis.md). */
  reasons: string[];
}
/** What the style draws a site with on the date: the same names and values as `mapDataOn`'s properties. */
export interface SiteVerdict {
  access: string;
  /** Flags joined with commas (`''`: none), as the style's flag ring reads them. */
  flags: string;
  status: string;
  besieged: boolean;
  /** People on the date; 0 when unknown or when the site is not active (its last count left with them). */
  population: number;
  /** 0: no finding valid on the date. */
  ipcPhase: number;
  famine: boolean;
  reasons: string[];
}

/**
 * The verdicts of one date, per feature id, with only what the map's style and its lists need: a date change
 * on the tiled map fetches this and no geometry. Corridors, sites and crossings absent from it are not in
 * force on the date.
 */
export interface MapVerdicts {
  asOf: string;
  corridors: Record<string, CorridorVerdict>;
  sites: Record<string, SiteVerdict>;
  /** Crossing id → its status on the date (`open`, `restricted`, `closed`). */
  crossings: Record<string, string>;
  /** Ranked hotspots: [site id, score], highest first. */
  hotspots: [string, number][];
  /**
   * The hotspot panel of the date (`hotspotList`): the tiled page has no report to build it from, and the
   * sites it names may be anywhere, not only in view.
   */
  hotspotList: HotspotList;
  /** Where a protection force is needed on the date (`neededProtection`), for the protection panel. */
  protection: ProtectionNeeds;
  totals: Totals;
  /** What of the tiles counts on the date (the style draws it through feature state, `tiledStyle.ts`). */
  visibility: DateVisibility;
}

const codeOf = (r: { code: string }) => r.code;

/**
 * The compact verdicts of `report` (the server's analysis of the date) for the map, with the hotspot and
 * protection panels of the date. Crossing statuses come from the situation's dated histories, as `mapDataOn`
 * draws them. `situation` must be what the reader may see (the report's own). Inputs are not mutated.
 *
 * @example mapVerdicts(situation, report).corridors.cor_adre_geneina // { status: 'open', reasons: [] }
 */
export function mapVerdicts(situation: Situation, report: AnalysisReport): MapVerdicts {
  const corridors: Record<string, CorridorVerdict> = {};
  for (const c of report.corridors)
    corridors[c.id] = {
      status: c.status,
      reasons: c.stretches.reduce((codes: string[], s) => distinctKeys(s.reasons, codeOf, codes), []),
    };
  const sites: Record<string, SiteVerdict> = {};
  for (const s of report.sites)
    sites[s.id] = {
      access: s.access,
      flags: s.flags.join(','),
      status: s.status,
      besieged: s.besieged,
      population: s.status === 'active' ? (s.population ?? 0) : 0,
      ipcPhase: s.ipcPhase ?? 0,
      famine: s.famine,
      reasons: distinctKeys(s.reasons, codeOf),
    };
  return {
    asOf: report.asOf,
    corridors,
    sites,
    crossings: crossingStatuses(situation, report.asOf),
    hotspots: report.hotspots.map((h) => [h.siteId, h.score]),
    hotspotList: hotspotList(report),
    protection: neededProtection(report, situation),
    totals: report.totals,
    visibility: dateVisibility(situation, report.asOf),
  };
}

/** Crossing id → its status on `asOf`, for the crossings in force on it (`MapVerdicts.crossings`). */
export function crossingStatuses(situation: Situation, asOf: string): Record<string, string> {
  const crossings: Record<string, string> = {};
  // The crossings alone: the whole situation on the date (50,000 roads at Sudan scale) is not needed for them.
  for (const c of crossingsOn(situation, asOf)) {
    const status = crossingStatusOn(c, asOf)?.status;
    if (status) crossings[c.properties.id] = status;
  }
  return crossings;
}

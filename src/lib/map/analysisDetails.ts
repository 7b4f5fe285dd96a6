import { formatDate, formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import type {
  AccessClass,
  AnalysisReport,
  Hotspot,
  Reason,
  ReasonCode,
  SegmentStatus,
  SiteAccess,
  SiteFlag,
  Situation,
} from '$lib/domain/schemas';
import { findFeature } from './featureDetails';
import { reasonDetail } from './reasonDetail';

const detailOf = (r: Reason): { detail: string; detailLang?: 'en' } => {
  const d = reasonDetail(r);
  return d.lang ? { detail: d.text, detailLang: d.lang } : { detail: d.text };
};

/** Each reason code of the analysis (docs/analysis.md) in plain words; typed so a new code needs words. */
export const REASON_LABELS: Record<ReasonCode, string> = {
  get frontline_crossing() {
    return m.reason_frontline_crossing();
  },
  get denied_area() {
    return m.reason_denied_area();
  },
  get incident_severe() {
    return m.reason_incident_severe();
  },
  get seasonal_closure() {
    return m.reason_seasonal_closure();
  },
  get constraint_severe() {
    return m.reason_constraint_severe();
  },
  get crossing_closed() {
    return m.reason_crossing_closed();
  },
  get siege() {
    return m.reason_siege();
  },
  get frontline_buffer() {
    return m.reason_frontline_buffer();
  },
  get contested_area() {
    return m.reason_contested_area();
  },
  get incident_nearby() {
    return m.reason_incident_nearby();
  },
  get constraint_nearby() {
    return m.reason_constraint_nearby();
  },
  get crossing_restricted() {
    return m.reason_crossing_restricted();
  },
  get protection_frontline() {
    return m.reason_protection_frontline();
  },
  get protection_contested_area() {
    return m.reason_protection_contested_area();
  },
  get protection_incidents() {
    return m.reason_protection_incidents();
  },
  get protection_besieged() {
    return m.reason_protection_besieged();
  },
  get protection_mass_violence() {
    return m.reason_protection_mass_violence();
  },
  get famine() {
    return m.reason_famine();
  },
  get off_network() {
    return m.reason_off_network();
  },
  get no_road_connection() {
    return m.reason_no_road_connection();
  },
  get site_besieged() {
    return m.reason_site_besieged();
  },
  get site_inactive() {
    return m.reason_site_inactive();
  },
  get crossline_needed() {
    return m.reason_crossline_needed();
  },
};

export const STATUS_LABELS: Record<SegmentStatus, string> = {
  get open() {
    return m.corridor_status_open();
  },
  get at_risk() {
    return m.corridor_status_at_risk();
  },
  get blocked() {
    return m.corridor_status_blocked();
  },
};

export const ACCESS_LABELS: Record<SiteAccess, { label: string; explanation: string }> = {
  internal: {
    get label() {
      return m.access_internal();
    },
    get explanation() {
      return m.access_internal_explanation();
    },
  },
  crossline_only: {
    get label() {
      return m.access_crossline_only();
    },
    get explanation() {
      return m.access_crossline_only_explanation();
    },
  },
  cross_border_only: {
    get label() {
      return m.access_cross_border_only();
    },
    get explanation() {
      return m.access_cross_border_only_explanation();
    },
  },
  cut_off: {
    get label() {
      return m.access_cut_off();
    },
    get explanation() {
      return m.access_cut_off_explanation();
    },
  },
  inactive: {
    get label() {
      return m.access_inactive();
    },
    get explanation() {
      return m.access_inactive_explanation();
    },
  },
};

export const FLAG_LABELS: Record<SiteFlag, string> = {
  get protection() {
    return m.flag_protection();
  },
  get cross_border() {
    return m.flag_cross_border();
  },
  get crossline() {
    return m.flag_crossline();
  },
  get cut_off() {
    return m.flag_cut_off();
  },
  get famine() {
    return m.flag_famine();
  },
  get besieged() {
    return m.flag_besieged();
  },
};

export const OPTION_LABELS: Record<AccessClass, string> = {
  get internal() {
    return m.option_internal();
  },
  get crossline() {
    return m.option_crossline();
  },
  get cross_border() {
    return m.option_cross_border();
  },
};

const STATUS_WORDS: Record<string, string> = {
  get emptied() {
    return m.site_status_emptied();
  },
  get destroyed() {
    return m.site_status_destroyed();
  },
  get closed() {
    return m.site_status_closed();
  },
  get relocated() {
    return m.site_status_relocated();
  },
};

/**
 * A site that is not active, in words: what happened, when, and where its people went when known.
 *
 * @example statusText(situation, zamzam) // 'Emptied on 13 April 2025 — people moved to Tawila'
 */
export function statusText(
  situation: Situation,
  site: Pick<AnalysisReport['sites'][number], 'status' | 'statusSince' | 'movedTo'>,
): string | undefined {
  if (site.status === 'active') return undefined;
  const word = STATUS_WORDS[site.status] ?? site.status;
  const what = site.statusSince
    ? m.site_status_on({ status: word, date: formatDate(site.statusSince) })
    : word;
  if (site.movedTo.length === 0) return what;
  const where = site.movedTo.map(
    (moved) =>
      `${shortName(featureName(situation, moved.siteId) ?? moved.siteId)}${moved.population === null ? '' : ` (${formatNumber(moved.population)})`}`,
  );
  return m.site_people_moved({ what, where: where.join(', ') });
}

/** A place's name without the gloss in brackets: "Tawila", not "Tawila (North Darfur)". */
function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/** The siege a besieged site is inside, in words: who besieges it, which siege, since when. */
function siegeView(situation: Situation, reasons: readonly Reason[]): SiteAnalysisView['siege'] {
  const r = reasons.find((x) => x.code === 'site_besieged');
  if (!r) return undefined;
  const c = situation.constraints.find((x) => x.properties.id === r.featureId)?.properties;
  const actor = situation.scenario.actors.find((a) => a.id === c?.actorId)?.name;
  const name = c?.name ?? r.featureId;
  const since = c?.validFrom ? m.siege_since({ date: formatDate(c.validFrom) }) : '';
  const by = actor ? m.siege_by({ actor }) : '';
  return { text: m.siege_text({ by, since, name }), featureId: r.featureId };
}

/** A reason as the panel shows it: plain words, the detail, and the feature it names. */
export interface ReasonView {
  code: ReasonCode;
  label: string;
  /** The analysis's detail in the interface's language (src/lib/map/reasonDetail.ts). */
  detail: string;
  /** 'en' when `detail` is the analysis's English sentence, not recognised for translation. */
  detailLang?: 'en';
  featureId: string;
  /** The feature's name when the situation has it (a derived front line has none). */
  featureName?: string;
  /** Whether selecting the feature opens its details (it is a feature of a layer the map shows). */
  selectable: boolean;
}

export interface StretchView {
  status: 'at_risk' | 'blocked';
  label: string;
  fromKm: number;
  toKm: number;
  lengthKm: number;
  reasons: ReasonView[];
}

export interface CorridorAnalysisView {
  kind: 'corridor';
  status: SegmentStatus;
  statusLabel: string;
  lengthKm: number;
  blockedKm: number;
  atRiskKm: number;
  /** The blocked and at-risk stretches, from the start of the corridor. */
  stretches: StretchView[];
}

export interface SiteAnalysisView {
  kind: 'site';
  access: SiteAccess;
  accessLabel: string;
  accessExplanation: string;
  flags: { flag: SiteFlag; label: string }[];
  population: number | null;
  ipcPhase: number | null;
  isHub: boolean;
  bestPath: {
    fromHubId: string;
    fromHubName: string;
    via: { id: string; name: string }[];
    lengthKm: number;
  } | null;
  reasons: ReasonView[];
  /** Rank (1 = most affected) and score, when the site is a hotspot. */
  hotspot?: { rank: number; score: number; components: Hotspot['components'] };
  /** Lifecycle status on the date (`active`, `emptied`…). */
  status: string;
  /** What happened to a site that is not active, in words: "Emptied on 13 April 2025 — people moved to Tawila". */
  statusText?: string;
  /** The siege the site is inside on the date, in words, with the constraint it comes from. */
  siege?: { text: string; featureId: string };
  /** The three access options, each feasible with its path or failing with why (binding reason first). */
  options: OptionView[];
}

export interface OptionView {
  class: AccessClass;
  label: string;
  feasible: boolean;
  /** Feasible: from which hub, through which crossings, how far. */
  path?: {
    fromHubId: string;
    fromHubName: string;
    via: { id: string; name: string }[];
    lengthKm: number | null;
  };
  /** Why it fails, binding reason first (empty when feasible). */
  reasons: ReasonView[];
}

export type AnalysisView = CorridorAnalysisView | SiteAnalysisView;

/** The name of any feature of the situation (constraints included), or undefined. */
export function featureName(situation: Situation, id: string): string | undefined {
  return (
    findFeature(situation, id)?.feature.properties.name ??
    situation.constraints.find((c) => c.properties.id === id)?.properties.name
  );
}

/** Reasons in plain words, each once (the same code and feature may come from several segments). */
export function reasonViews(situation: Situation, reasons: readonly Reason[]): ReasonView[] {
  const seen = new Set<string>();
  const out: ReasonView[] = [];
  for (const r of reasons) {
    const key = `${r.code}\u0000${r.featureId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      code: r.code,
      label: REASON_LABELS[r.code] ?? r.code,
      ...detailOf(r),
      featureId: r.featureId,
      featureName: featureName(situation, r.featureId),
      selectable: findFeature(situation, r.featureId) !== undefined,
    });
  }
  return out;
}

/**
 * What the analysis says about feature `id` in `report`, for the details panel: a corridor's status,
 * lengths and stretches with their reasons, or a site's access, flags, best path and reasons. Undefined
 * when the report says nothing about it (another layer, or not valid on the date).
 */
export function analysisView(
  situation: Situation,
  report: AnalysisReport,
  id: string,
): AnalysisView | undefined {
  const corridor = report.corridors.find((c) => c.id === id);
  if (corridor) {
    return {
      kind: 'corridor',
      status: corridor.status,
      statusLabel: STATUS_LABELS[corridor.status],
      lengthKm: corridor.lengthKm,
      blockedKm: corridor.blockedKm,
      atRiskKm: corridor.atRiskKm,
      stretches: corridor.stretches.flatMap((s): StretchView[] =>
        s.status === 'open'
          ? []
          : [
              {
                status: s.status,
                label: STATUS_LABELS[s.status],
                fromKm: s.fromKm,
                toKm: s.toKm,
                lengthKm: s.lengthKm,
                reasons: reasonViews(situation, s.reasons),
              },
            ],
      ),
    };
  }
  const site = report.sites.find((s) => s.id === id);
  if (!site) return undefined;
  const rank = report.hotspots.findIndex((h) => h.siteId === id);
  const path = site.bestPath;
  return {
    kind: 'site',
    access: site.access,
    accessLabel: ACCESS_LABELS[site.access].label,
    accessExplanation: ACCESS_LABELS[site.access].explanation,
    flags: site.flags.map((flag) => ({ flag, label: FLAG_LABELS[flag] })),
    population: site.population,
    ipcPhase: site.ipcPhase,
    isHub: site.hub,
    bestPath: path && {
      fromHubId: path.fromHubId,
      fromHubName: featureName(situation, path.fromHubId) ?? path.fromHubId,
      via: path.viaCrossingIds.map((c) => ({ id: c, name: featureName(situation, c) ?? c })),
      lengthKm: path.lengthKm,
    },
    reasons: reasonViews(situation, site.reasons),
    status: site.status,
    statusText: statusText(situation, site),
    siege: site.besieged ? siegeView(situation, site.reasons) : undefined,
    options: site.options.map((o): OptionView => ({
      class: o.class,
      label: OPTION_LABELS[o.class],
      feasible: o.feasible,
      path:
        o.feasible && o.fromHubId
          ? {
              fromHubId: o.fromHubId,
              fromHubName: featureName(situation, o.fromHubId) ?? o.fromHubId,
              via: o.viaCrossingIds.map((c) => ({ id: c, name: featureName(situation, c) ?? c })),
              lengthKm: o.lengthKm,
            }
          : undefined,
      reasons: o.feasible ? [] : reasonViews(situation, o.reasons),
    })),
    hotspot:
      rank < 0
        ? undefined
        : {
            rank: rank + 1,
            score: report.hotspots[rank].score,
            components: report.hotspots[rank].components,
          },
  };
}

/** `12.3`; whole km from 100 km up, where tenths mean nothing to a driver. */
export function kmNumber(value: number): string {
  return formatNumber(value, value >= 100 ? 0 : 1);
}

/** `12.3 km` (see `kmNumber`). */
export function formatKm(value: number): string {
  return m.km({ value: kmNumber(value) });
}

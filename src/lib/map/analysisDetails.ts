import { formatDate } from '$lib/state/dates';
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

/** Each reason code of the analysis (docs/analysis.md) in plain words; typed so a new code needs words. */
export const REASON_LABELS: Record<ReasonCode, string> = {
  frontline_crossing: 'Crosses a front line',
  denied_area: 'Inside an area where access is denied',
  incident_severe: 'Severe incident nearby',
  seasonal_closure: 'Impassable in the rainy season',
  constraint_severe: 'Severe obstacle (flood, bridge out…)',
  crossing_closed: 'Crossing closed',
  siege: 'Crosses a siege ring',
  frontline_buffer: 'Near a front line',
  contested_area: 'Inside a contested area',
  incident_nearby: 'Incident nearby',
  constraint_nearby: 'Obstacle nearby',
  crossing_restricted: 'Crossing restricted',
  protection_frontline: 'Close to a front line',
  protection_contested_area: 'In a contested area',
  protection_incidents: 'Repeated serious incidents nearby',
  protection_besieged: 'Besieged',
  protection_mass_violence: 'Taken by an actor with recorded violence against civilians',
  famine: 'Famine',
  off_network: 'No road nearby',
  no_road_connection: 'No usable road from any hub',
  site_besieged: 'Inside a siege ring',
  site_inactive: 'No longer an active site',
  crossline_needed: 'Would have to cross the front line',
};

export const STATUS_LABELS: Record<SegmentStatus, string> = {
  open: 'Open',
  at_risk: 'At risk',
  blocked: 'Blocked',
};

export const ACCESS_LABELS: Record<SiteAccess, { label: string; explanation: string }> = {
  internal: {
    label: 'Internal',
    explanation:
      'Best reached from a hub in the same country without crossing the front line (the cheapest usable option).',
  },
  crossline_only: {
    label: 'Crossline only',
    explanation:
      'Best reached by passing the front line at an open crossline crossing (the cheapest usable option).',
  },
  cross_border_only: {
    label: 'Cross-border only',
    explanation:
      'Best reached from a hub in another country, through an open border crossing (the cheapest usable option).',
  },
  cut_off: { label: 'Cut off', explanation: 'No hub reaches it over the roads usable on this date.' },
  inactive: {
    label: 'Not active',
    explanation:
      'The site was emptied, destroyed, closed or relocated: it is not a place to reach on this date.',
  },
};

export const FLAG_LABELS: Record<SiteFlag, string> = {
  protection: 'Needs protection',
  cross_border: 'Depends on cross-border access',
  crossline: 'Depends on crossline access',
  cut_off: 'Cut off',
  famine: 'Famine',
  besieged: 'Besieged',
};

export const OPTION_LABELS: Record<AccessClass, string> = {
  internal: 'Internal',
  crossline: 'Crossline',
  cross_border: 'Cross-border',
};

const STATUS_WORDS: Record<string, string> = {
  emptied: 'Emptied',
  destroyed: 'Destroyed',
  closed: 'Closed',
  relocated: 'Relocated',
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
  const what = `${STATUS_WORDS[site.status] ?? site.status}${site.statusSince ? ` on ${formatDate(site.statusSince)}` : ''}`;
  if (site.movedTo.length === 0) return what;
  const number = new Intl.NumberFormat('en');
  const where = site.movedTo.map(
    (m) =>
      `${shortName(featureName(situation, m.siteId) ?? m.siteId)}${m.population === null ? '' : ` (${number.format(m.population)})`}`,
  );
  return `${what} — people moved to ${where.join(', ')}`;
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
  const since = c?.validFrom ? ` since ${formatDate(c.validFrom)}` : '';
  return { text: `Besieged${actor ? ` by ${actor}` : ''}${since}: ${name}`, featureId: r.featureId };
}

/** A reason as the panel shows it: plain words, the detail, and the feature it names. */
export interface ReasonView {
  code: ReasonCode;
  label: string;
  detail: string;
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
      detail: r.detail,
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

const km = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const kmWhole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** `12.3`; whole km from 100 km up, where tenths mean nothing to a driver. */
export function kmNumber(value: number): string {
  return (value >= 100 ? kmWhole : km).format(value);
}

/** `12.3 km` (see `kmNumber`). */
export function formatKm(value: number): string {
  return `${kmNumber(value)} km`;
}

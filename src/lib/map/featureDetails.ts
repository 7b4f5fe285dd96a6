import type { Geometry } from 'geojson';
import { crossingStatusOn, isInWindow, isValidOn } from '$lib/domain/asOf';
import { isHttpUrl } from './safeLink';
import { siteFindingsOn, type SiteFindings } from '$lib/domain/siteFindingsOn';
import { siteStatusOn } from '$lib/domain/siteStatusOn';
import type { Situation } from '$lib/domain/schemas';
import { confidenceStyles } from './areasLayer';
import { CROSSING_STATUS_LABELS } from './crossingsLayer';
import { INCIDENT_CATEGORY_STYLES } from './incidentsLayer';
import { INCIDENT_WINDOW_DAYS } from './mapData';
import { ROAD_CLASS_STYLES } from './roadsLayer';
import { IPC_PHASES, SITE_KIND_LABELS } from './sitesLayer';
import { formatDate, formatMonth, formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

export type FeatureLayer =
  'sites' | 'crossings' | 'corridors' | 'areas' | 'frontlines' | 'roads' | 'incidents';

/** One line of the details panel: a label, a value and, when it has its own, the value's date and source. */
export interface DetailsFact {
  label: string;
  value: string;
  /** e.g. "2024-08-01 · IOM DTM" */
  provenance?: string;
}

export interface FeatureDetails {
  id: string;
  layer: FeatureLayer;
  name: string;
  nameAr?: string;
  /** What the feature is, in words: "Camp for internally displaced people", "International border crossing"… */
  kind: string;
  facts: DetailsFact[];
  /** IPC phase on the date, for the coloured chip. */
  ipcPhase?: number;
  /** Crossing status on the date. */
  status?: 'open' | 'restricted' | 'closed';
  source: string;
  sourceUrl?: string;
  /** The date the shown information is from (latest figure, status change, incident date or validity start). */
  date?: string;
  note?: string;
  /** Whether the feature counts on the as-of date (a link may name one that does not). */
  validOnDate: boolean;
  geometry: Geometry;
}

function provenance(date: string, source: string): string {
  return `${formatDate(date)} · ${source}`;
}

/** A dated count in words: the number, its range, whether it is old, whether it predates what happened to the site. */
function populationText(
  pop: NonNullable<SiteFindings['population']>,
  lifecycle: { status: string; since: string | null },
): string {
  const value = formatNumber(pop.value);
  const bits = [
    pop.range
      ? m.fact_range({ value, low: formatNumber(pop.range[0]), high: formatNumber(pop.range[1]) })
      : value,
  ];
  if (pop.stale) bits.push(m.fact_stale());
  if (lifecycle.since && pop.date < lifecycle.since)
    bits.push(m.fact_counted_before({ status: statusWord(lifecycle.status) }));
  return bits.join(', ');
}

/** A site's lifecycle status (`emptied`…) in words of the interface's language. */
function statusWord(status: string): string {
  const words: Record<string, () => string> = {
    emptied: m.statusword_emptied,
    destroyed: m.statusword_destroyed,
    closed: m.statusword_closed,
    relocated: m.statusword_relocated,
  };
  return words[status]?.() ?? status;
}

function capitalised(text: string): string {
  return `${text[0].toLocaleUpperCase()}${text.slice(1)}`;
}

/** A date of the data (`YYYY-MM-DD`, or absent) in words. */
function formatSince(date: string | null | undefined): string {
  return date ? formatDate(date) : '…';
}

/** "A and B", "A, B and C" in the interface's language. */
function andList(items: string[]): string {
  if (items.length < 2) return items.join('');
  return m.fact_and({ a: items.slice(0, -1).join(', '), b: items[items.length - 1] });
}

function validity(p: { validFrom?: string; validTo?: string }): string | undefined {
  if (!p.validFrom && !p.validTo) return undefined;
  return m.fact_valid_range({
    from: p.validFrom ? formatDate(p.validFrom) : '…',
    to: p.validTo ? formatDate(p.validTo) : m.fact_now(),
  });
}

/** Finds a feature by id in any layer of the situation. */
export function findFeature(
  situation: Situation,
  id: string,
): { layer: FeatureLayer; feature: Situation[FeatureLayer][number] } | undefined {
  const layers: FeatureLayer[] = [
    'sites',
    'crossings',
    'corridors',
    'incidents',
    'areas',
    'frontlines',
    'roads',
  ];
  for (const layer of layers) {
    const feature = situation[layer].find((f) => f.properties.id === id);
    if (feature) return { layer, feature };
  }
  return undefined;
}

/**
 * What the details panel shows for a feature on `asOf`: names, kind, the figures or status of that day
 * each with its own date and source, and the feature's source. Undefined when no feature has that id.
 */
export function featureDetails(situation: Situation, id: string, asOf: string): FeatureDetails | undefined {
  const found = findFeature(situation, id);
  if (!found) return undefined;
  const actorName = (actorId: string) =>
    situation.scenario.actors.find((a) => a.id === actorId)?.name ?? actorId;
  const siteName = (siteId: string) =>
    situation.sites.find((s) => s.properties.id === siteId)?.properties.name ?? siteId;
  const p = found.feature.properties;
  const base = {
    id: p.id,
    layer: found.layer,
    name: p.name,
    nameAr: p.nameAr,
    source: p.source,
    // Stored before links were limited to http(s), a record could hold another scheme: never make it a link.
    sourceUrl: isHttpUrl(p.sourceUrl) ? p.sourceUrl : undefined,
    note: p.note,
    geometry: found.feature.geometry as Geometry,
  };

  switch (found.layer) {
    case 'sites': {
      const s = situation.sites.find((f) => f.properties.id === id)!;
      // Findings expire and counts age (docs/analysis.md, "Findings that expire"): the panel shows what
      // holds on the date, as the analysis does, not the last figure ever given.
      const fig = siteFindingsOn(s, asOf);
      const lifecycle = siteStatusOn(s, asOf);
      const facts: DetailsFact[] = [];
      if (lifecycle.status !== 'active')
        facts.push({
          label: m.fact_status(),
          value: m.fact_since({
            status: capitalised(statusWord(lifecycle.status)),
            date: formatSince(lifecycle.since),
          }),
          provenance:
            lifecycle.since && lifecycle.source ? provenance(lifecycle.since, lifecycle.source) : undefined,
        });
      const pop = fig.population;
      facts.push({
        label: m.fact_population(),
        value: pop ? populationText(pop, lifecycle) : m.fact_no_figure(),
        provenance: pop ? provenance(pop.date, pop.source) : undefined,
      });
      const finding = fig.finding;
      const phase =
        finding?.ipcPhase != null ? IPC_PHASES.find((x) => x.phase === finding.ipcPhase) : undefined;
      facts.push({
        label: m.fact_ipc_phase(),
        value: phase ? `${phase.phase} – ${phase.label}` : m.fact_no_finding(),
        provenance: finding && phase ? provenance(finding.date, finding.source) : undefined,
      });
      if (finding?.famine) {
        facts.push({
          label: m.fact_famine_finding(),
          value: m.fact_yes_until({ date: formatSince(finding.validTo) }),
          provenance: provenance(finding.date, finding.source),
        });
      }
      facts.push({ label: m.fact_country(), value: s.properties.country });
      if (s.properties.hub) facts.push({ label: m.site_kind_supply_hub(), value: m.fact_convoys_start() });
      if (s.properties.precisionKm !== undefined)
        facts.push({
          label: m.fact_precision(),
          value: `± ${m.km({ value: formatNumber(s.properties.precisionKm, 1) })}`,
        });
      const dates = [pop?.date, finding?.date, lifecycle.since].filter(Boolean) as string[];
      return {
        ...base,
        kind: SITE_KIND_LABELS[s.properties.kind] ?? s.properties.kind,
        facts,
        ipcPhase: phase?.phase,
        date: dates.sort().at(-1) ?? s.properties.validFrom,
        validOnDate: isValidOn(s.properties, asOf),
      };
    }
    case 'crossings': {
      const c = situation.crossings.find((f) => f.properties.id === id)!;
      const st = crossingStatusOn(c, asOf);
      const facts: DetailsFact[] = [
        {
          label: m.fact_status(),
          value: st
            ? m.fact_since({ status: CROSSING_STATUS_LABELS[st.status], date: formatDate(st.since) })
            : m.fact_no_status(),
          provenance: st && provenance(st.since, st.source),
        },
      ];
      if (st?.note) facts.push({ label: m.fact_status_note(), value: st.note });
      if (c.properties.kind === 'international' && c.properties.countries.length === 2)
        facts.push({ label: m.fact_joins(), value: c.properties.countries.join(' – ') });
      if (c.properties.kind === 'crossline' && c.properties.actorIds.length > 0)
        facts.push({
          label: m.fact_needs_agreement(),
          value: andList(c.properties.actorIds.map(actorName)),
        });
      return {
        ...base,
        kind:
          c.properties.kind === 'international' ? m.kind_international_crossing() : m.kind_crossline_point(),
        facts,
        status: st?.status,
        date: st?.since,
        validOnDate: isValidOn(c.properties, asOf) && st !== undefined,
      };
    }
    case 'corridors': {
      const c = situation.corridors.find((f) => f.properties.id === id)!;
      const facts: DetailsFact[] = [];
      if (c.properties.fromSiteId)
        facts.push({ label: m.fact_from(), value: siteName(c.properties.fromSiteId) });
      if (c.properties.toSiteId) facts.push({ label: m.fact_to(), value: siteName(c.properties.toSiteId) });
      if (c.properties.description) facts.push({ label: m.fact_route(), value: c.properties.description });
      const v = validity(c.properties);
      if (v) facts.push({ label: m.fact_valid(), value: v });
      return {
        ...base,
        kind: m.kind_aid_corridor(),
        facts,
        date: c.properties.validFrom,
        validOnDate: isValidOn(c.properties, asOf),
      };
    }
    case 'areas': {
      const a = situation.areas.find((f) => f.properties.id === id)!;
      return {
        ...base,
        kind: m.kind_area(),
        facts: [
          { label: m.fact_held_by(), value: actorName(a.properties.actorId) },
          { label: m.fact_confidence(), value: confidenceStyles[a.properties.confidence].label },
          { label: m.fact_valid(), value: validity(a.properties)! },
        ],
        date: a.properties.validFrom,
        validOnDate: isValidOn(a.properties, asOf),
      };
    }
    case 'frontlines': {
      const f = situation.frontlines.find((x) => x.properties.id === id)!;
      return {
        ...base,
        kind: m.kind_front_line(),
        facts: [
          { label: m.fact_between(), value: andList(f.properties.actorIds.map(actorName)) },
          { label: m.fact_valid(), value: validity(f.properties)! },
        ],
        date: f.properties.validFrom,
        validOnDate: isValidOn(f.properties, asOf),
      };
    }
    case 'roads': {
      const r = situation.roads.find((x) => x.properties.id === id)!;
      const months = r.properties.impassableMonths;
      const facts: DetailsFact[] = [
        { label: m.fact_class(), value: ROAD_CLASS_STYLES[r.properties.class].label },
      ];
      if (months.length > 0) {
        const now = months.includes(Number(asOf.slice(5, 7)));
        facts.push({
          label: m.fact_impassable_in(),
          value: `${[...months]
            .sort((x, y) => x - y)
            .map((month) => formatMonth(month))
            .join(', ')}${now ? m.fact_impassable_now() : ''}`,
        });
      }
      return {
        ...base,
        kind: m.kind_road(),
        facts,
        date: r.properties.validFrom,
        validOnDate: isValidOn(r.properties, asOf),
      };
    }
    case 'incidents': {
      const i = situation.incidents.find((x) => x.properties.id === id)!;
      const facts: DetailsFact[] = [
        { label: m.fact_category(), value: INCIDENT_CATEGORY_STYLES[i.properties.category].label },
        {
          label: m.fact_severity(),
          value: m.fact_severity_of({ value: formatNumber(i.properties.severity) }),
        },
        { label: m.fact_verification(), value: i.properties.verification },
      ];
      if (i.properties.fatalities !== undefined)
        facts.push({ label: m.fact_fatalities(), value: formatNumber(i.properties.fatalities) });
      if (i.properties.description)
        facts.push({ label: m.fact_what_happened(), value: i.properties.description });
      return {
        ...base,
        kind: m.kind_incident(),
        facts,
        date: i.properties.date,
        validOnDate: isInWindow(i.properties.date, asOf, INCIDENT_WINDOW_DAYS),
      };
    }
  }
}

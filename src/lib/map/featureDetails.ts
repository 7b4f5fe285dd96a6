import type { Geometry } from 'geojson';
import { crossingStatusOn, isInWindow, isValidOn } from '$lib/domain/asOf';
import { isHttpLink } from '$lib/domain/schemas/common';
import { siteFindingsOn, type SiteFindings } from '$lib/domain/siteFindingsOn';
import { siteStatusOn } from '$lib/domain/siteStatusOn';
import type { Situation } from '$lib/domain/schemas';
import { confidenceStyles } from './areasLayer';
import { CROSSING_STATUS_LABELS } from './crossingsLayer';
import { INCIDENT_CATEGORY_STYLES } from './incidentsLayer';
import { INCIDENT_WINDOW_DAYS } from './mapData';
import { ROAD_CLASS_STYLES } from './roadsLayer';
import { IPC_PHASES, SITE_KIND_LABELS } from './sitesLayer';

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const number = new Intl.NumberFormat('en');

function provenance(date: string, source: string): string {
  return `${date} · ${source}`;
}

/** A dated count in words: the number, its range, whether it is old, whether it predates what happened to the site. */
function populationText(
  pop: NonNullable<SiteFindings['population']>,
  lifecycle: { status: string; since: string | null },
): string {
  const bits = [number.format(pop.value)];
  if (pop.range) bits[0] += ` (range ${number.format(pop.range[0])}–${number.format(pop.range[1])})`;
  if (pop.stale) bits.push('more than a year old');
  if (lifecycle.since && pop.date < lifecycle.since) bits.push(`counted before it was ${lifecycle.status}`);
  return bits.join(', ');
}

function validity(p: { validFrom?: string; validTo?: string }): string | undefined {
  if (!p.validFrom && !p.validTo) return undefined;
  return `${p.validFrom ?? '…'} to ${p.validTo ?? 'now'}`;
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
    sourceUrl: isHttpLink(p.sourceUrl) ? p.sourceUrl : undefined,
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
          label: 'Status',
          value: `${lifecycle.status[0].toUpperCase()}${lifecycle.status.slice(1)} since ${lifecycle.since}`,
          provenance:
            lifecycle.since && lifecycle.source ? provenance(lifecycle.since, lifecycle.source) : undefined,
        });
      const pop = fig.population;
      facts.push({
        label: 'Population',
        value: pop ? populationText(pop, lifecycle) : 'No figure on this date',
        provenance: pop ? provenance(pop.date, pop.source) : undefined,
      });
      const finding = fig.finding;
      const phase =
        finding?.ipcPhase != null ? IPC_PHASES.find((x) => x.phase === finding.ipcPhase) : undefined;
      facts.push({
        label: 'IPC phase',
        value: phase ? `${phase.phase} – ${phase.label}` : 'No valid finding on this date',
        provenance: finding && phase ? provenance(finding.date, finding.source) : undefined,
      });
      if (finding?.famine) {
        facts.push({
          label: 'Famine finding',
          value: `Yes, until ${finding.validTo}`,
          provenance: provenance(finding.date, finding.source),
        });
      }
      facts.push({ label: 'Country', value: s.properties.country });
      if (s.properties.hub) facts.push({ label: 'Supply hub', value: 'Convoys start here' });
      if (s.properties.precisionKm !== undefined)
        facts.push({ label: 'Position precision', value: `± ${s.properties.precisionKm} km` });
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
          label: 'Status',
          value: st ? `${CROSSING_STATUS_LABELS[st.status]} since ${st.since}` : 'No status on this date',
          provenance: st && provenance(st.since, st.source),
        },
      ];
      if (st?.note) facts.push({ label: 'Status note', value: st.note });
      if (c.properties.kind === 'international' && c.properties.countries.length === 2)
        facts.push({ label: 'Joins', value: c.properties.countries.join(' – ') });
      if (c.properties.kind === 'crossline' && c.properties.actorIds.length > 0)
        facts.push({
          label: 'Needs agreement of',
          value: c.properties.actorIds.map(actorName).join(' and '),
        });
      return {
        ...base,
        kind:
          c.properties.kind === 'international'
            ? 'International border crossing'
            : 'Crossline crossing point',
        facts,
        status: st?.status,
        date: st?.since,
        validOnDate: isValidOn(c.properties, asOf) && st !== undefined,
      };
    }
    case 'corridors': {
      const c = situation.corridors.find((f) => f.properties.id === id)!;
      const facts: DetailsFact[] = [];
      if (c.properties.fromSiteId) facts.push({ label: 'From', value: siteName(c.properties.fromSiteId) });
      if (c.properties.toSiteId) facts.push({ label: 'To', value: siteName(c.properties.toSiteId) });
      if (c.properties.description) facts.push({ label: 'Route', value: c.properties.description });
      const v = validity(c.properties);
      if (v) facts.push({ label: 'Valid', value: v });
      return {
        ...base,
        kind: 'Aid corridor',
        facts,
        date: c.properties.validFrom,
        validOnDate: isValidOn(c.properties, asOf),
      };
    }
    case 'areas': {
      const a = situation.areas.find((f) => f.properties.id === id)!;
      return {
        ...base,
        kind: 'Area of control (approximate)',
        facts: [
          { label: 'Held by', value: actorName(a.properties.actorId) },
          { label: 'Confidence', value: confidenceStyles[a.properties.confidence].label },
          { label: 'Valid', value: validity(a.properties)! },
        ],
        date: a.properties.validFrom,
        validOnDate: isValidOn(a.properties, asOf),
      };
    }
    case 'frontlines': {
      const f = situation.frontlines.find((x) => x.properties.id === id)!;
      return {
        ...base,
        kind: 'Front line',
        facts: [
          { label: 'Between', value: f.properties.actorIds.map(actorName).join(' and ') },
          { label: 'Valid', value: validity(f.properties)! },
        ],
        date: f.properties.validFrom,
        validOnDate: isValidOn(f.properties, asOf),
      };
    }
    case 'roads': {
      const r = situation.roads.find((x) => x.properties.id === id)!;
      const months = r.properties.impassableMonths;
      const facts: DetailsFact[] = [{ label: 'Class', value: ROAD_CLASS_STYLES[r.properties.class].label }];
      if (months.length > 0) {
        const now = months.includes(Number(asOf.slice(5, 7)));
        facts.push({
          label: 'Impassable in',
          value: `${[...months]
            .sort((x, y) => x - y)
            .map((m) => MONTHS[m - 1])
            .join(', ')}${now ? ' (impassable on this date)' : ''}`,
        });
      }
      return {
        ...base,
        kind: 'Road',
        facts,
        date: r.properties.validFrom,
        validOnDate: isValidOn(r.properties, asOf),
      };
    }
    case 'incidents': {
      const i = situation.incidents.find((x) => x.properties.id === id)!;
      const facts: DetailsFact[] = [
        { label: 'Category', value: INCIDENT_CATEGORY_STYLES[i.properties.category].label },
        { label: 'Severity', value: `${i.properties.severity} of 3` },
        { label: 'Verification', value: i.properties.verification },
      ];
      if (i.properties.fatalities !== undefined)
        facts.push({ label: 'Fatalities', value: number.format(i.properties.fatalities) });
      if (i.properties.description) facts.push({ label: 'What happened', value: i.properties.description });
      return {
        ...base,
        kind: 'Access incident',
        facts,
        date: i.properties.date,
        validOnDate: isInWindow(i.properties.date, asOf, INCIDENT_WINDOW_DAYS),
      };
    }
  }
}

// Where a protection force is needed, from a report and validated parameters. Free of zod (the schemas'
// validators), so the map page and the embed, which call it in the browser with the defaults, do not ship
// the validation library; callers with parameters from a request use protectionNeeds.ts, which checks them.
import { bboxOf } from '../geo/bboxOf';
import { BOX_MAX_LAT, expandBboxKm } from '../geo/expandBboxKm';
import { pointSegmentDistanceKm } from '../geo/pointSegmentDistanceKm';
import type {
  AnalysisReport,
  IncidentFeature,
  ProtectionNeedsParams,
  Reason,
  SegmentStatus,
  Situation,
} from '../schemas';
import { PROTECTION_NEEDS_DEFAULTS } from '../schemas/protectionDefaults';
import { aidIncidentsInWindow } from './aidIncidents';
import { round3 } from './round';
import { compareStrings } from './sortById';

/** A site a protection force would have to protect, with the reasons the analysis gave (docs/analysis.md). */
export interface SiteNeedingProtection {
  siteId: string;
  name: string;
  /** The site's current population figure; null when it has none (it still needs protection). */
  people: number | null;
  peopleAsOf: string | null;
  besieged: boolean;
  famine: boolean;
  /** The `protection_*` reasons of the site's report. */
  reasons: Reason[];
}

/** An incident of violence against aid near a corridor, in the guard window. */
export interface AidIncident {
  id: string;
  name: string;
  date: string;
  severity: number;
  actorId: string | null;
  /** Distance from the corridor's line, km. */
  distanceKm: number;
}

/** Why a corridor needs guarding. */
export type GuardReason = 'violence_against_aid' | 'serves_protected_site';

/** A corridor a protection force would have to open and guard. */
export interface CorridorNeedingGuard {
  corridorId: string;
  name: string;
  status: SegmentStatus;
  lengthKm: number;
  /** The site it serves (`toSiteId`), when that site needs protection. */
  servesSiteId: string | null;
  why: GuardReason[];
  incidents: AidIncident[];
  /** Perpetrators of its incidents, and the parties to the front lines and sieges that block or threaten it. */
  actorIds: string[];
}

export interface ProtectionNeeds {
  asOf: string;
  params: ProtectionNeedsParams;
  sites: SiteNeedingProtection[];
  corridors: CorridorNeedingGuard[];
  /** What a mandate would have to cover: each site, corridor and incident counted once. */
  totals: {
    people: number;
    sites: number;
    /** Sites needing protection with no population figure: `people` is a lower bound when above 0. */
    sitesWithoutFigure: number;
    corridors: number;
    corridorKm: number;
    incidents: number;
  };
}

const isProtectionReason = (r: Reason) => r.code.startsWith('protection_');

/**
 * Where a protection force is needed on the report's date (issue 11; docs/analysis.md, "Where a protection
 * force is needed"). Reads the report (its protection flags and reasons, corridor statuses) and the same
 * situation it was made from (corridor lines, incidents, siege constraints); computes nothing the analysis
 * already did. Sites: every site flagged `protection`. Corridors in force that either had incidents of
 * violence against aid within `guardBufferKm` of their line in the `guardWindowDays` before the date, or are
 * not open and serve (`toSiteId`) a site needing protection. Pure; sites by people (most first, unknown
 * last) then id, corridors by id. `params` are trusted (defaults, or checked by `protectionNeeds`).
 */
export function neededProtection(
  report: AnalysisReport,
  situation: Situation,
  params: ProtectionNeedsParams = PROTECTION_NEEDS_DEFAULTS,
): ProtectionNeeds {
  const asOf = report.asOf;

  const sites: SiteNeedingProtection[] = report.sites
    .filter((s) => s.flags.includes('protection'))
    .map((s) => ({
      siteId: s.id,
      name: s.name,
      people: s.population,
      peopleAsOf: s.populationAsOf,
      besieged: s.besieged,
      famine: s.famine,
      reasons: s.reasons.filter(isProtectionReason),
    }))
    .sort((a, b) => (b.people ?? -1) - (a.people ?? -1) || compareStrings(a.siteId, b.siteId));
  const protectedIds = new Set(sites.map((s) => s.siteId));

  const aidIncidents = aidIncidentsInWindow(situation.incidents, asOf, params.guardWindowDays);
  const lineById = new Map(situation.corridors.map((c) => [c.properties.id, c.geometry.coordinates]));
  const frontlineActors = new Map(report.frontlines.map((f) => [f.id, f.actorIds]));
  const constraintActor = new Map(
    situation.constraints.map((c) => [c.properties.id, c.properties.actorId ?? null]),
  );

  const corridors: CorridorNeedingGuard[] = [];
  for (const c of report.corridors) {
    const line = lineById.get(c.id);
    if (!line) continue;
    const incidents = nearLine(aidIncidents, line, params.guardBufferKm)
      .map((i) => toAidIncident(i, distanceToLineKm(i.geometry.coordinates, line)))
      .filter((i) => i.distanceKm <= params.guardBufferKm)
      .sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.id, b.id));
    const servesSiteId = c.toSiteId !== null && protectedIds.has(c.toSiteId) ? c.toSiteId : null;
    const why: GuardReason[] = [];
    if (incidents.length > 0) why.push('violence_against_aid');
    if (servesSiteId !== null && c.status !== 'open') why.push('serves_protected_site');
    if (why.length === 0) continue;

    const actors = new Set<string>();
    for (const i of incidents) if (i.actorId) actors.add(i.actorId);
    for (const s of c.stretches)
      for (const r of s.reasons) {
        if (r.code === 'frontline_crossing' || r.code === 'frontline_buffer')
          for (const a of frontlineActors.get(r.featureId) ?? []) actors.add(a);
        if (r.code === 'siege') {
          const a = constraintActor.get(r.featureId);
          if (a) actors.add(a);
        }
      }
    corridors.push({
      corridorId: c.id,
      name: c.name,
      status: c.status,
      lengthKm: c.lengthKm,
      servesSiteId,
      why,
      incidents,
      actorIds: [...actors].sort(compareStrings),
    });
  }
  corridors.sort((a, b) => compareStrings(a.corridorId, b.corridorId));

  const incidentIds = new Set(corridors.flatMap((c) => c.incidents.map((i) => i.id)));
  return {
    asOf,
    params,
    sites,
    corridors,
    totals: {
      people: sites.reduce((n, s) => n + (s.people ?? 0), 0),
      sites: sites.length,
      sitesWithoutFigure: sites.filter((s) => s.people === null).length,
      corridors: corridors.length,
      corridorKm: round3(corridors.reduce((n, c) => n + c.lengthKm, 0)),
      incidents: incidentIds.size,
    },
  };
}

function toAidIncident(i: IncidentFeature, distanceKm: number): AidIncident {
  const p = i.properties;
  return {
    id: p.id,
    name: p.name,
    date: p.date,
    severity: p.severity,
    actorId: p.actorId ?? null,
    distanceKm: round3(distanceKm),
  };
}

/**
 * The incidents that may lie within `km` of `line`: those inside its box grown by `km` and a kilometre (the
 * distances are rounded to metres before they are compared). A point outside that box is farther from every
 * segment of the line than `km` (expandBboxKm.ts), so only those are left out; measuring every incident
 * against every vertex of each corridor took most of the map's verdicts of a date at Sudan scale.
 */
function nearLine(incidents: IncidentFeature[], line: number[][], km: number): IncidentFeature[] {
  const [w, s, e, n] = expandBboxKm(bboxOf(line), km + 1);
  // Near a pole the box's longitudes are capped (expandBboxKm): no shortcut there.
  if (Math.max(Math.abs(s), Math.abs(n)) >= BOX_MAX_LAT) return incidents;
  return incidents.filter(
    ({
      geometry: {
        coordinates: [x, y],
      },
    }) => x >= w && x <= e && y >= s && y <= n,
  );
}

/** Shortest distance from a point to a polyline, km. */
function distanceToLineKm(p: number[], line: number[][]): number {
  if (line.length === 1) return pointSegmentDistanceKm(p, line[0], line[0]);
  let best = Infinity;
  for (let k = 1; k < line.length; k++)
    best = Math.min(best, pointSegmentDistanceKm(p, line[k - 1], line[k]));
  return best;
}

import { error } from '@sveltejs/kit';
import { actorsWithBackersOn } from '$lib/domain/actorBackers';
import { protectionNeeds, type ProtectionNeeds } from '$lib/domain/analysis';
import {
  isoDate,
  type BackerClaim,
  type SiteAccess,
  type SiteFlag,
  type Situation,
  type Totals,
} from '$lib/domain/schemas';
import { clampDate } from '$lib/state/dates';
import type { Viewer } from '../auth/roles';
import { visibleSensitivities } from '../auth/roles';
import type { SituationStore } from '../situation/situationStore';

/** One ranked site of `/hotspots`, with the components of its score and its flags. */
export interface HotspotRow {
  rank: number;
  siteId: string;
  name: string;
  score: number;
  population: number;
  populationAsOf: string;
  populationStale: boolean;
  ipcPhase: number | null;
  severity: number;
  access: SiteAccess;
  accessDifficulty: number;
  flags: SiteFlag[];
}

/** Everything `/hotspots` and its brief show for one date, as the viewer may see it. */
export interface HotspotsView {
  asOf: string;
  /** The date asked for when it was outside the scenario's range and brought inside it. */
  clampedFrom: string | null;
  scenario: { name: string; disclaimer: string; timeRange: { from: string; to: string } };
  /** Null for the public; for staff, the sensitivities their view includes (the brief marks it). */
  staff: { role: string; sees: string[] } | null;
  totals: Totals;
  hotspots: HotspotRow[];
  protection: ProtectionNeeds;
  actors: Record<string, { name: string; color: string }>;
  backers: { actorId: string; actorName: string; claims: BackerClaim[] }[];
  /** The source of every record the page names (sites, corridors, incidents), by id. */
  sources: { id: string; name: string; source: string }[];
}

/**
 * The date of `?date=`: a `YYYY-MM-DD` date brought inside the scenario's range as the map does, or the
 * scenario's default date (the map's) when absent. A malformed date is a 400 naming the parameter.
 */
export function dateParam(
  url: URL,
  scenario: Situation['scenario'],
): { asOf: string; clampedFrom: string | null } {
  const given = url.searchParams.get('date');
  if (given === null || given === '') return { asOf: scenario.defaultAsOf, clampedFrom: null };
  if (!isoDate.safeParse(given).success)
    error(400, `date "${given}" is not a date written YYYY-MM-DD (parameter "date")`);
  const asOf = clampDate(given, scenario.timeRange.from, scenario.timeRange.to);
  return { asOf, clampedFrom: asOf === given ? null : given };
}

/**
 * `/hotspots` for a date: the analysis of the records the viewer may see (public ones only for anonymous
 * visitors, so nothing shown depends on a record they may not see), its totals and ranked hotspots, where a
 * protection force is needed, and the actors' backers known on the date.
 */
export async function hotspotsView(store: SituationStore, viewer: Viewer, url: URL): Promise<HotspotsView> {
  const analyzer = await store.analyzerFor(viewer);
  const situation = analyzer.situation;
  const { asOf, clampedFrom } = dateParam(url, situation.scenario);
  const report = analyzer.analyze(asOf);
  const protection = protectionNeeds(report, situation);
  const siteById = new Map(report.sites.map((s) => [s.id, s]));

  const hotspots: HotspotRow[] = report.hotspots.map((h, i) => {
    const s = siteById.get(h.siteId)!;
    const c = h.components;
    return {
      rank: i + 1,
      siteId: h.siteId,
      name: s.name,
      score: h.score,
      population: c.population,
      populationAsOf: c.populationAsOf,
      populationStale: c.populationStale,
      ipcPhase: c.ipcPhase,
      severity: c.severity,
      access: c.access,
      accessDifficulty: c.accessDifficulty,
      flags: s.flags,
    };
  });

  const named = new Set<string>([
    ...hotspots.map((h) => h.siteId),
    ...protection.sites.map((s) => s.siteId),
    ...protection.corridors.flatMap((c) => [c.corridorId, ...c.incidents.map((i) => i.id)]),
  ]);
  const sources = [...situation.sites, ...situation.corridors, ...situation.incidents]
    .filter((f) => named.has(f.properties.id))
    .map((f) => ({ id: f.properties.id, name: f.properties.name, source: f.properties.source }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  return {
    asOf,
    clampedFrom,
    scenario: {
      name: situation.scenario.name,
      disclaimer: situation.scenario.disclaimer,
      timeRange: situation.scenario.timeRange,
    },
    staff: viewer ? { role: viewer.role, sees: visibleSensitivities(viewer) } : null,
    totals: report.totals,
    hotspots,
    protection,
    actors: Object.fromEntries(
      situation.scenario.actors.map((a) => [a.id, { name: a.name, color: a.color }]),
    ),
    backers: actorsWithBackersOn(situation.scenario, asOf).map(({ actor, claims }) => ({
      actorId: actor.id,
      actorName: actor.name,
      claims,
    })),
    sources,
  };
}

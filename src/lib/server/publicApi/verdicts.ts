import { crossingStatusOn, isValidOn } from '$lib/domain/asOf';
import { compareStrings } from '$lib/domain/analysis/sortById';
import type { AnalysisReport, Reason, Situation } from '$lib/domain/schemas';
import type { ApiCorridor, ApiCrossing, ApiSite } from './schemas';

/** Each cause once (code and feature), in the order the analysis gives them. */
function distinctReasons(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}\0${r.featureId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The corridors' verdicts of a report, without geometry. */
export const apiCorridors = (report: AnalysisReport): ApiCorridor[] =>
  report.corridors.map((c) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    lengthKm: c.lengthKm,
    blockedKm: c.blockedKm,
    atRiskKm: c.atRiskKm,
    fromSiteId: c.fromSiteId,
    toSiteId: c.toSiteId,
    reasons: distinctReasons(c.stretches.flatMap((s) => s.reasons)),
    stretches: c.stretches.map((s) => ({
      status: s.status,
      fromKm: s.fromKm,
      toKm: s.toKm,
      reasons: s.reasons,
    })),
  }));

/** The sites' access classes and flags of a report, with the figures behind them, without paths' geometry. */
export const apiSites = (report: AnalysisReport): ApiSite[] =>
  report.sites.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    country: s.country,
    hub: s.hub,
    status: s.status,
    statusSince: s.statusSince,
    access: s.access,
    flags: s.flags,
    besieged: s.besieged,
    famine: s.famine,
    ipcPhase: s.ipcPhase,
    population: s.population,
    populationAsOf: s.populationAsOf,
    populationStale: s.populationStale,
    bestPath: s.bestPath && {
      fromHubId: s.bestPath.fromHubId,
      viaCrossingIds: s.bestPath.viaCrossingIds,
      lengthKm: s.bestPath.lengthKm,
    },
    reasons: s.reasons,
  }));

/**
 * The crossings in force on `date` with their status entry (as the analysis takes them: valid that day and
 * with a status by then), in id order. Read from the data, without the analysis.
 */
export function apiCrossings(situation: Situation, date: string): ApiCrossing[] {
  const out: ApiCrossing[] = [];
  for (const c of situation.crossings) {
    const p = c.properties;
    const s = isValidOn(p, date) ? crossingStatusOn(c, date) : undefined;
    if (!s) continue;
    out.push({
      id: p.id,
      name: p.name,
      kind: p.kind,
      countries: p.countries,
      actorIds: p.actorIds,
      status: s.status,
      since: s.since,
      source: s.source,
      note: s.note ?? null,
    });
  }
  return out.sort((a, b) => compareStrings(a.id, b.id));
}

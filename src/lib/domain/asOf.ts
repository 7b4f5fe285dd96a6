import { daysBetween } from './calendarDays';
import type { CrossingFeature, CrossingStatus, SiteFeature, SiteFigure, Situation } from './schemas';

/** True when a record with this validity interval counts on `date` (`validFrom <= date < validTo`). */
export function isValidOn(p: { validFrom?: string; validTo?: string }, date: string): boolean {
  return (p.validFrom === undefined || p.validFrom <= date) && (p.validTo === undefined || date < p.validTo);
}

/** True when an incident dated `incidentDate` counts on `asOf`: not in the future, not older than the window. */
export function isInWindow(incidentDate: string, asOf: string, windowDays: number): boolean {
  const age = daysBetween(incidentDate, asOf);
  return age >= 0 && age <= windowDays;
}

/** The latest status entry dated on or before `date`, or undefined before the first entry. */
export function crossingStatusOn(
  c: CrossingFeature,
  date: string,
): { status: CrossingStatus; since: string; source: string; note?: string } | undefined {
  let found: CrossingFeature['properties']['statusHistory'][number] | undefined;
  for (const e of c.properties.statusHistory) if (e.date <= date) found = e;
  return found && { status: found.status, since: found.date, source: found.source, note: found.note };
}

/**
 * The figures of a site on `date`: for each of population, IPC phase and famine finding, the latest value
 * dated on or before `date`, with its own date and source.
 */
export function siteFiguresOn(
  s: SiteFeature,
  date: string,
): {
  population?: { value: number; date: string; source: string };
  ipcPhase?: { value: number; date: string; source: string };
  famine?: { value: boolean; date: string; source: string };
} {
  const out: ReturnType<typeof siteFiguresOn> = {};
  for (const f of s.properties.figures as SiteFigure[]) {
    if (f.date > date) break;
    if (f.population !== undefined) out.population = { value: f.population, date: f.date, source: f.source };
    if (f.ipcPhase !== undefined) out.ipcPhase = { value: f.ipcPhase, date: f.date, source: f.source };
    if (f.famine !== undefined) out.famine = { value: f.famine, date: f.date, source: f.source };
  }
  return out;
}

/** The crossings of `s` in force on `date` that have a status by then (what `situationOn` keeps). */
export function crossingsOn(s: Situation, date: string): Situation['crossings'] {
  return s.crossings.filter((c) => isValidOn(c.properties, date) && crossingStatusOn(c, date) !== undefined);
}

/**
 * The situation as it stood on `date`: only features valid that day; incidents dated within
 * `incidentWindowDays` before it; crossings that have a status by then. Input is not mutated.
 */
export function situationOn(s: Situation, date: string, incidentWindowDays: number): Situation {
  const valid = <T extends { properties: { validFrom?: string; validTo?: string } }>(list: T[]) =>
    list.filter((f) => isValidOn(f.properties, date));
  return {
    scenario: s.scenario,
    areas: valid(s.areas),
    frontlines: valid(s.frontlines),
    sites: valid(s.sites),
    crossings: crossingsOn(s, date),
    roads: valid(s.roads),
    corridors: valid(s.corridors),
    incidents: s.incidents.filter((i) => isInWindow(i.properties.date, date, incidentWindowDays)),
    constraints: valid(s.constraints),
    admin: valid(s.admin),
  };
}

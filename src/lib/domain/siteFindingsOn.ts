import { addDays, daysBetween } from './calendarDays';
import type { SiteFeature, SiteFigure } from './schemas';

/** How long findings hold and when a count is old (the analysis parameters of the same names). */
export interface FindingRules {
  findingValidityDays: number;
  populationStaleDays: number;
}

export const defaultFindingRules: FindingRules = { findingValidityDays: 365, populationStaleDays: 365 };

export interface SiteFindings {
  population: {
    value: number;
    date: string;
    source: string;
    /** Older than `populationStaleDays` on the date asked. */
    stale: boolean;
    range: [number, number] | null;
  } | null;
  /** The IPC phase and famine finding in force, from one figure; null when none is valid on the date. */
  finding: {
    ipcPhase: number | null;
    famine: boolean;
    date: string;
    /** First day it no longer holds (its `validTo`, or `findingValidityDays` after its date). */
    validTo: string;
    source: string;
  } | null;
}

/** The first day a figure's IPC phase or famine finding no longer holds. */
export function findingValidTo(fin: SiteFigure, rules: FindingRules): string {
  return fin.validTo ?? addDays(fin.date, rules.findingValidityDays);
}

/**
 * What is known of a site's people on `date` (docs/analysis.md, "Findings that expire"):
 * - population: the latest figure with a population dated on or before `date`, stale when more than
 *   `populationStaleDays` old, with its range (`populationLow`–`populationHigh`) when given;
 * - finding: the latest figure on or before `date` that carries an IPC phase or a famine finding, which
 *   supersedes every earlier one; it holds until its `validTo` (exclusive) or, without one, for
 *   `findingValidityDays` days from its date; after that there is no finding (unknown, not phase 1).
 */
export function siteFindingsOn(
  site: SiteFeature,
  date: string,
  rules: FindingRules = defaultFindingRules,
): SiteFindings {
  let pop: SiteFigure | undefined;
  let fin: SiteFigure | undefined;
  for (const f of site.properties.figures) {
    if (f.date > date) break;
    if (f.population !== undefined) pop = f;
    if (f.ipcPhase !== undefined || f.famine !== undefined) fin = f;
  }
  let finding: SiteFindings['finding'] = null;
  if (fin) {
    const validTo = findingValidTo(fin, rules);
    if (date < validTo)
      finding = {
        ipcPhase: fin.ipcPhase ?? null,
        famine: fin.famine === true,
        date: fin.date,
        validTo,
        source: fin.source,
      };
  }
  const population: SiteFindings['population'] =
    pop && pop.population !== undefined
      ? {
          value: pop.population,
          date: pop.date,
          source: pop.source,
          stale: daysBetween(pop.date, date) > rules.populationStaleDays,
          range:
            pop.populationLow !== undefined || pop.populationHigh !== undefined
              ? [pop.populationLow ?? pop.population, pop.populationHigh ?? pop.population]
              : null,
        }
      : null;
  return { population, finding };
}

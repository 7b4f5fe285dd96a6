import type { SiteFeature } from '../../schemas';
import { addDays } from '../../calendarDays';
import { findingValidTo, type FindingRules } from '../../siteFindingsOn';

/**
 * The dates `from <= date < until` (`until` null: no end) over which a site's lifecycle (`siteStatusOn`) and
 * findings (`siteFindingsOn`) are those of the date it was made for. Made with the site's record, so that
 * another date tells by two string comparisons whether they can have changed, rather than by working them out
 * again for every site (`addDays` and `daysBetween` on date strings, some 5,000 times per date change).
 */
export interface DateSpan {
  from: string;
  until: string | null;
}

/**
 * The span around `date` of `site` under `rules`. Both functions read the first entries of a list up to the
 * first dated after the date (status entries, figures), then compare the date with a bound of the figures
 * found (a finding's end, a population's first stale day): the span is where that first entry, and each of
 * those comparisons, stay the same. Written to follow their reading exactly, lists out of order included.
 */
export function lifecycleFindingsSpan(site: SiteFeature, date: string, rules: FindingRules): DateSpan {
  let from = '';
  let until: string | null = null;
  // A bound at or before `date` starts the span; one after it ends the span.
  const bound = (d: string) => {
    if (d <= date) {
      if (d > from) from = d;
    } else if (until === null || d < until) until = d;
  };
  for (const e of site.properties.statusHistory ?? []) {
    bound(e.date);
    if (e.date > date) break;
  }
  let pop: SiteFeature['properties']['figures'][number] | undefined;
  let fin: typeof pop;
  for (const f of site.properties.figures) {
    bound(f.date);
    if (f.date > date) break;
    if (f.population !== undefined) pop = f;
    if (f.ipcPhase !== undefined || f.famine !== undefined) fin = f;
  }
  if (fin) bound(findingValidTo(fin, rules));
  // Stale when more than `populationStaleDays` whole days old: from this day on.
  if (pop && pop.population !== undefined)
    bound(addDays(pop.date, Math.floor(rules.populationStaleDays) + 1));
  return { from, until };
}

export function spanHolds(span: DateSpan, date: string): boolean {
  return span.from <= date && (span.until === null || date < span.until);
}

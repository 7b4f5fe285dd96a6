import type { Reason } from '../../schemas';
import type { SiteFindings } from '../../siteFindingsOn';
import type { SiteStatusOnDate } from '../../siteStatusOn';
import type { SitePaths } from './carriedSitePaths';
import { sameReasons } from '../reasons';

/**
 * What a site's report was made from in one analysis, besides the site itself: its lifecycle and findings on
 * the date, the reasons it needs protection (front lines, contested areas, incidents, sieges, mass violence,
 * famine, in the order made) and its options (undefined for a site inactive or off the network).
 */
export interface SiteReportInputs {
  lifecycle: SiteStatusOnDate;
  findings: SiteFindings;
  reasons: readonly Reason[];
  paths: SitePaths | undefined;
}

/**
 * Whether a site's last report holds as it is: the report is a function of the site, these inputs and what
 * stays fixed for an analyzer (its network options), so equal inputs give an equal report. The options must
 * be the very object of the last analysis (kept by `keptSitePaths`, which checked the sieges, hubs and
 * searches they were made from); the rest is compared by value. A date change then reuses the whole report
 * of most sites, rather than sorting their reasons and building a report object equal to the last one, and
 * the report's consumers that look for the very objects of the last analysis (hotspots) find them.
 */
export function sameReportInputs(last: SiteReportInputs | undefined, now: SiteReportInputs): boolean {
  return (
    last !== undefined &&
    last.paths === now.paths &&
    sameLifecycle(last.lifecycle, now.lifecycle) &&
    sameFindings(last.findings, now.findings) &&
    sameReasons(last.reasons, now.reasons)
  );
}

function sameLifecycle(a: SiteStatusOnDate, b: SiteStatusOnDate): boolean {
  if (a.status !== b.status || a.since !== b.since || a.source !== b.source || a.note !== b.note)
    return false;
  if (a.movedTo.length !== b.movedTo.length) return false;
  for (let i = 0; i < a.movedTo.length; i++)
    if (a.movedTo[i].siteId !== b.movedTo[i].siteId || a.movedTo[i].population !== b.movedTo[i].population)
      return false;
  return true;
}

function sameFindings(a: SiteFindings, b: SiteFindings): boolean {
  const p = a.population;
  const q = b.population;
  if (p !== q) {
    if (!p || !q) return false;
    if (p.value !== q.value || p.date !== q.date || p.source !== q.source || p.stale !== q.stale)
      return false;
    if (
      p.range !== q.range &&
      (!p.range || !q.range || p.range[0] !== q.range[0] || p.range[1] !== q.range[1])
    )
      return false;
  }
  const f = a.finding;
  const g = b.finding;
  if (f === g) return true;
  return (
    !!f &&
    !!g &&
    f.ipcPhase === g.ipcPhase &&
    f.famine === g.famine &&
    f.date === g.date &&
    f.validTo === g.validTo &&
    f.source === g.source
  );
}

import type { SiteFeature, SiteStatus } from './schemas';

/** A site's lifecycle on a date: the status entry in force, or `active` with no date before the first one. */
export interface SiteStatusOnDate {
  status: SiteStatus;
  /** Date of the entry in force; null when none is (the site has been active all along). */
  since: string | null;
  source: string | null;
  note: string | null;
  movedTo: { siteId: string; population: number | null }[];
}

/**
 * The status of `site` on `date` (DESIGN.md §2, site status): the latest `statusHistory` entry dated on or
 * before it; before the first entry, and without any, the site is active.
 */
export function siteStatusOn(site: SiteFeature, date: string): SiteStatusOnDate {
  let found: SiteFeature['properties']['statusHistory'][number] | undefined;
  for (const e of site.properties.statusHistory ?? []) {
    if (e.date > date) break;
    found = e;
  }
  if (!found) return { status: 'active', since: null, source: null, note: null, movedTo: [] };
  return {
    status: found.status,
    since: found.date,
    source: found.source,
    note: found.note ?? null,
    movedTo: (found.movedTo ?? []).map((m) => ({ siteId: m.siteId, population: m.population ?? null })),
  };
}

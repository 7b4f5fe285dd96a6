import { totalsKeys, type Series, type TotalsKey } from '$lib/domain/schemas';
import { toCsv } from './csv';

/** HXL hashtags of the key figures (people affected, counts of sites, corridors and crossings). */
const HXL: Record<TotalsKey, string> = {
  peopleCutOff: '#affected+cut_off',
  peopleBesieged: '#affected+besieged',
  peopleFamine: '#affected+famine',
  sitesCutOff: '#indicator+sites+cut_off',
  sitesBesieged: '#indicator+sites+besieged',
  sitesFamine: '#indicator+sites+famine',
  sitesInactive: '#indicator+sites+inactive',
  corridorsBlocked: '#indicator+corridors+blocked',
  corridorsAtRisk: '#indicator+corridors+at_risk',
  crossingsClosed: '#indicator+crossings+closed',
  crossingsRestricted: '#indicator+crossings+restricted',
};

/**
 * A series as CSV with an HXL row: one row per date, a column per key figure, and the events of the step
 * as `date text` separated by `; ` (the command line's `series --format csv` and `/api/v1/series?format=csv`).
 */
export function seriesCsv(series: Series): string {
  return toCsv({
    headers: ['date', ...totalsKeys, 'events'],
    hxl: ['#date', ...totalsKeys.map((k) => HXL[k]), '#event+description'],
    rows: series.points.map((p) => [
      p.date,
      ...totalsKeys.map((k) => p[k]),
      p.annotations.map((a) => `${a.date} ${a.text}`).join('; '),
    ]),
  });
}

import type { AnalysisReport, Totals } from '$lib/domain/schemas';
import { formatDate } from '$lib/state/dates';
import { hotspotList } from './hotspotList';

/** One of the most affected sites, as the embed's text summary lists it. */
export interface SummarySite {
  id: string;
  name: string;
  population: number | null;
  accessLabel: string;
  flags: string[];
}

/**
 * What an embed says in words (server-rendered, for screen readers and readers without JavaScript): the
 * key figures of the date (`totals.ts`) and the most affected sites by hotspot score.
 */
export interface EmbedSummary {
  scenarioName: string;
  asOf: string;
  /** Key figures, each a short sentence, in the order a reader needs them. */
  figures: string[];
  topSites: SummarySite[];
  /** The description used when the embed gives no `alt`. */
  defaultAlt: string;
}

const number = new Intl.NumberFormat('en-GB');
const plural = (n: number, one: string, many: string) => `${number.format(n)} ${n === 1 ? one : many}`;

/** The key figures as sentences; figures that are zero are left out, except the first, which always shows. */
export function summaryFigures(t: Totals): string[] {
  const out = [
    `${plural(t.peopleCutOff, 'person', 'people')} in ${plural(t.sitesCutOff, 'site', 'sites')} cut off from aid`,
  ];
  if (t.sitesFamine)
    out.push(
      `${plural(t.peopleFamine, 'person', 'people')} in ${plural(t.sitesFamine, 'site', 'sites')} with a famine finding`,
    );
  if (t.sitesBesieged)
    out.push(
      `${plural(t.peopleBesieged, 'person', 'people')} in ${plural(t.sitesBesieged, 'besieged site', 'besieged sites')}`,
    );
  out.push(
    `${plural(t.corridorsBlocked, 'aid corridor', 'aid corridors')} blocked, ${number.format(t.corridorsAtRisk)} at risk`,
  );
  out.push(
    `${plural(t.crossingsClosed, 'crossing', 'crossings')} closed, ${number.format(t.crossingsRestricted)} restricted`,
  );
  return out;
}

/**
 * The embed's summary of an analysis report, with at most `topCount` sites.
 *
 * @example embedSummary('Sudan', report).figures[0] // "1,234,000 people in 3 sites cut off from aid"
 */
export function embedSummary(scenarioName: string, report: AnalysisReport, topCount = 5): EmbedSummary {
  const population = new Map(report.sites.map((s) => [s.id, s.population]));
  const topSites = hotspotList(report)
    .ranked.slice(0, topCount)
    .map((e) => ({
      id: e.siteId,
      name: e.name,
      population: population.get(e.siteId) ?? null,
      accessLabel: e.accessLabel,
      flags: e.flags.map((f) => f.label),
    }));
  const figures = summaryFigures(report.totals);
  const most = topSites.length ? ` Most affected: ${topSites.map((s) => s.name).join(', ')}.` : '';
  return {
    scenarioName,
    asOf: report.asOf,
    figures,
    topSites,
    defaultAlt: `Map of ${scenarioName} on ${formatDate(report.asOf)}: ${figures[0]}; ${figures.at(-2)}.${most}`,
  };
}

import type { AnalysisReport, Totals } from '$lib/domain/schemas';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
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

// The server writes these in the request's language (the embed is server-rendered: docs/i18n.md).
const people = (n: number) => (n === 1 ? m.count_people_one() : m.count_people({ count: formatNumber(n) }));

/** The key figures as sentences; figures that are zero are left out, except the first, which always shows. */
export function summaryFigures(t: Totals): string[] {
  const count = formatNumber;
  const out = [
    t.sitesCutOff === 1
      ? m.fig_cut_off_one({ people: people(t.peopleCutOff) })
      : m.fig_cut_off({ people: people(t.peopleCutOff), count: count(t.sitesCutOff) }),
  ];
  if (t.sitesFamine)
    out.push(
      t.sitesFamine === 1
        ? m.fig_famine_one({ people: people(t.peopleFamine) })
        : m.fig_famine({ people: people(t.peopleFamine), count: count(t.sitesFamine) }),
    );
  if (t.sitesBesieged)
    out.push(
      t.sitesBesieged === 1
        ? m.fig_besieged_one({ people: people(t.peopleBesieged) })
        : m.fig_besieged({ people: people(t.peopleBesieged), count: count(t.sitesBesieged) }),
    );
  const atRisk = count(t.corridorsAtRisk);
  out.push(
    t.corridorsBlocked === 1
      ? m.fig_corridors_one({ atRisk })
      : m.fig_corridors({ count: count(t.corridorsBlocked), atRisk }),
  );
  const restricted = count(t.crossingsRestricted);
  out.push(
    t.crossingsClosed === 1
      ? m.fig_crossings_one({ restricted })
      : m.fig_crossings({ count: count(t.crossingsClosed), restricted }),
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
  const most = topSites.length ? m.embed_most({ names: topSites.map((s) => s.name).join(', ') }) : '';
  return {
    scenarioName,
    asOf: report.asOf,
    figures,
    topSites,
    defaultAlt: m.embed_default_alt({
      scenario: scenarioName,
      date: formatDate(report.asOf),
      first: figures[0],
      second: figures.at(-2) ?? '',
      most,
    }),
  };
}

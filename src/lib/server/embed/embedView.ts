import { AnalysisInputError } from '$lib/domain/analysis';
import type { AnalysisReport } from '$lib/domain/schemas';
import { embedSummary, type EmbedSummary } from '$lib/map/embedSummary';
import type { EmbedOptions } from '$lib/map/embedOptions';
import { clampDate } from '$lib/state/dates';
import type { SituationStore } from '../situation/situationStore';

/** What the embed page renders on the server: everything public, whoever is signed in. */
export interface EmbedView {
  summary: EmbedSummary;
  /**
   * The public analysis of the date, which the map draws: computed here rather than in the browser's
   * analysis worker, whose script alone would cost an embed 45 KB (an embed shows one date).
   */
  report: AnalysisReport;
  /** The date shown: the link's, kept inside the time range, or the scenario's default. */
  asOf: string;
  /** When the public data last changed, as far as this server knows (ISO 8601, UTC). */
  dataAsOf: string;
  disclaimer: string;
  timeRange: { from: string; to: string };
  extent: [number, number, number, number];
  /** The sources of the sites the summary names, each once. */
  sources: string[];
}

/**
 * The embed's view of the public situation (DESIGN.md §4): the analysis of public records only, so an
 * embed on a newsroom's page shows the same whether or not the reader happens to be signed in here.
 */
export async function embedView(store: SituationStore, options: EmbedOptions): Promise<EmbedView> {
  const analyzer = await store.analyzerFor(null);
  const { scenario } = analyzer.situation;
  const asOf = clampDate(
    options.date ?? scenario.defaultAsOf,
    scenario.timeRange.from,
    scenario.timeRange.to,
  );
  let report;
  try {
    report = analyzer.analyze(asOf);
  } catch (e) {
    // A date the link made up that the analysis refuses: the default date rather than a broken embed.
    if (!(e instanceof AnalysisInputError)) throw e;
    report = analyzer.analyze(scenario.defaultAsOf);
  }
  const summary = embedSummary(scenario.name, report);
  const named = new Set(summary.topSites.map((s) => s.id));
  const sources = new Set<string>();
  for (const f of analyzer.situation.sites) if (named.has(f.properties.id)) sources.add(f.properties.source);
  return {
    summary,
    // Without the road segments' and front lines' geometries, which the map does not draw from the report
    // (it draws the layers' own), so that they do not weigh on the page.
    report: { ...report, segments: [], frontlines: [] },
    asOf: report.asOf,
    dataAsOf: (await store.publicVersionOf(analyzer.situation)).since,
    disclaimer: scenario.disclaimer,
    timeRange: scenario.timeRange,
    extent: scenario.extent,
    sources: [...sources],
  };
}

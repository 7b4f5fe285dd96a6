import type { AnalysisReport, CompactReport, RoadRanges } from '../schemas';

/**
 * The compact form of a report (schemas/report.ts, `compactReportSchema`): the same answers, with the road
 * segments replaced by `roads` (ranges per road, from `Analyzer.roadRanges` on the same date) and no stretch or
 * best-path geometry. Its size grows with what is not open and with the corridors and sites, not with the
 * road network. The report is not changed.
 */
export function compactReport(report: AnalysisReport, roads: RoadRanges[]): CompactReport {
  const { segments: _segments, corridors, sites, ...rest } = report;
  return {
    ...rest,
    corridors: corridors.map((c) => ({
      ...c,
      stretches: c.stretches.map(({ geometry: _geometry, ...stretch }) => stretch),
    })),
    sites: sites.map((s) => ({
      ...s,
      bestPath: s.bestPath && (({ geometry: _geometry, ...path }) => path)(s.bestPath),
    })),
    roads,
  };
}

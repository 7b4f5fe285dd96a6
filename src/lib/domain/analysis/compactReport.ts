import type { AnalysisReport, CompactReport, RoadRanges } from '../schemas';

/**
 * The compact form of a report (schemas/report.ts, `compactReportSchema`): the same answers, with the road
 * segments replaced by `roads` (ranges per road, from `Analyzer.roadRanges` on the same date) and no stretch or
 * best-path geometry (never made for it: lazyBestPath.ts). Its size grows with what is not open and with the
 * corridors and sites, not with the road network. The report is not changed.
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
      // Named one by one: taking the rest of it apart from `geometry` would read the course, made on first read.
      bestPath: s.bestPath && {
        fromHubId: s.bestPath.fromHubId,
        viaCrossingIds: s.bestPath.viaCrossingIds,
        lengthKm: s.bestPath.lengthKm,
        cost: s.bestPath.cost,
        segmentIds: s.bestPath.segmentIds,
      },
    })),
    roads,
  };
}

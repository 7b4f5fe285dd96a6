import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { compactReport } from '$lib/domain/analysis/compactReport';
import type { AnalysisReport } from '$lib/domain/schemas';
import { shiftedGeometry } from '../../bench/moveFrontline';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// A best path's segment ids and course are made when first read (access/lazyBestPath.ts), possibly long after
// the analysis that found it: the map's server keeps the reports of several dates and moves its analyzer on,
// repairing the searches' arrays in place. Whatever was analysed in between, and in whatever order the reports
// are read, each must read as the report a fresh analyzer gives for its date.
describe('best paths made when read', () => {
  const situation = scaledSudanSituation(0.05, 7);
  const moved = situation.frontlines[Math.floor(situation.frontlines.length / 2)];
  const runs: { asOf: string; moveKm?: number }[] = [
    { asOf: '2024-08-15' },
    { asOf: '2024-08-16' },
    { asOf: '2023-11-01' },
    { asOf: '2024-08-15', moveKm: 3 },
    { asOf: '2024-08-15' },
  ];
  const overrides = (km?: number) =>
    km === undefined
      ? undefined
      : { frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, km) }] };
  const fresh = runs.map(({ asOf, moveKm }) =>
    JSON.stringify(createAnalyzer(situation).analyze(asOf, undefined, overrides(moveKm))),
  );

  it(
    "reads as a fresh analyzer's report, read after every later analysis, last first",
    { timeout: 120_000 },
    () => {
      const analyzer = createAnalyzer(situation);
      const reports = runs.map(({ asOf, moveKm }) => analyzer.analyze(asOf, undefined, overrides(moveKm)));
      const reached = reports[0].sites.filter((s) => s.bestPath && s.bestPath.segmentIds.length > 0);
      expect(reached.length).toBeGreaterThan(100);
      for (let i = runs.length - 1; i >= 0; i--)
        expect(JSON.stringify(reports[i]), `run ${i}`).toBe(fresh[i]);
    },
  );

  it(
    "gives the same course to a structured clone (the map's worker), a spread and JSON",
    { timeout: 60_000 },
    () => {
      const analyzer = createAnalyzer(situation);
      const report = analyzer.analyze('2024-08-15');
      analyzer.analyze('2023-11-01');
      const cloned: AnalysisReport = structuredClone(report);
      expect(JSON.stringify(cloned)).toBe(fresh[0]);
      const site = report.sites.find((s) => s.bestPath && s.bestPath.geometry.coordinates.length > 2)!;
      const spread = { ...site.bestPath! };
      expect(spread.geometry).toBe(site.bestPath!.geometry);
      expect(spread.segmentIds).toBe(site.bestPath!.segmentIds);
      expect(Object.keys(spread)).toEqual([
        'fromHubId',
        'viaCrossingIds',
        'lengthKm',
        'cost',
        'segmentIds',
        'geometry',
      ]);
    },
  );

  it(
    'gives a compact report the segment ids of the full one, read in either order',
    { timeout: 60_000 },
    () => {
      const analyzer = createAnalyzer(situation);
      const first = analyzer.analyze('2024-08-15');
      const compact = compactReport(first, analyzer.roadRanges('2024-08-15'));
      const full: AnalysisReport = JSON.parse(fresh[0]);
      expect(compact.sites.map((s) => s.bestPath?.segmentIds ?? null)).toEqual(
        full.sites.map((s) => s.bestPath?.segmentIds ?? null),
      );
      expect(compact.sites.every((s) => !s.bestPath || !('geometry' in s.bestPath))).toBe(true);
      // The course read after the ids: the same ids, the same course.
      expect(JSON.stringify(first)).toBe(fresh[0]);
    },
  );
});

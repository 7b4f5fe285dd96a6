import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// The map's server keeps one analyzer per situation and moves it from date to date; the analyzer carries
// the site searches' paths, explanations and best paths from one date to the next where they did not change
// (access/carriedTrees.ts). Between the dates below, constraints start and end, crossings change status and
// incidents come and go: every report must still be the one a fresh analyzer gives for its date.
describe('re-analysis on another date', () => {
  const situation = scaledSudanSituation(0.02, 7);
  // Adjacent days, a month, far back, a day back, and forth again: forwards and backwards, near and far.
  const dates = [
    '2024-08-15',
    '2024-08-16',
    '2024-09-15',
    '2023-11-02',
    '2023-11-01',
    '2024-03-20',
    '2024-08-16',
    '2024-08-15',
  ];
  const between = (d: string, a: string, b: string) => (a < b ? a < d && d <= b : b < d && d <= a);

  it('has windows that start and end between the dates', () => {
    for (let i = 1; i < dates.length; i++) {
      const [a, b] = [dates[i - 1], dates[i]];
      if (a.slice(0, 7) === b.slice(0, 7)) continue;
      const windows = situation.constraints.filter(
        (c) =>
          between(c.properties.validFrom ?? '', a, b) ||
          (c.properties.validTo !== undefined && between(c.properties.validTo, a, b)),
      );
      const crossings = situation.crossings.filter((c) =>
        c.properties.statusHistory.some((s) => between(s.date, a, b)),
      );
      expect(windows.length, `${a} → ${b}`).toBeGreaterThan(0);
      expect(crossings.length, `${a} → ${b}`).toBeGreaterThan(0);
    }
  });

  it('gives on each date the report of a fresh analyzer', { timeout: 120_000 }, () => {
    const analyzer = createAnalyzer(situation);
    for (const asOf of dates) {
      const reused = analyzer.analyze(asOf);
      const fresh = createAnalyzer(situation).analyze(asOf);
      expect(JSON.stringify(reused), asOf).toBe(JSON.stringify(fresh));
    }
  });

  // An edge keeps its last entry when its reasons have equal code, feature and detail (analyzer.ts,
  // `sameReasons`): right only while every reason writes its keys in that one order, as the schema has them.
  it('makes every reason with the keys code, featureId, detail in that order', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer(situation);
    const codes = new Set<string>();
    const misordered = new Set<string>();
    for (const asOf of ['2023-11-01', '2024-08-15']) {
      const report = analyzer.analyze(asOf);
      const lists = [
        ...report.segments.map((s) => s.reasons),
        ...report.sites.flatMap((s) => [s.reasons, ...s.options.map((o) => o.reasons)]),
        ...report.corridors.flatMap((c) => c.stretches.map((s) => s.reasons)),
      ];
      for (const reasons of lists)
        for (const r of reasons) {
          const keys = Object.keys(r).join();
          if (keys !== 'code,featureId,detail') misordered.add(`${r.code}: ${keys}`);
          codes.add(r.code);
        }
    }
    expect([...misordered]).toEqual([]);
    // The situation has reasons of most kinds (areas, front lines, incidents, constraints, crossings).
    expect(codes.size).toBeGreaterThanOrEqual(6);
  });
});

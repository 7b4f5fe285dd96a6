import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { keptSitePaths, type SitePaths } from '$lib/domain/analysis/access/carriedSitePaths';
import type { ConstraintFeature } from '$lib/domain/schemas';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// A date change re-evaluates every site, but keeps the options of those whose roads did not change
// (access/carriedSitePaths.ts). The kept options must be those a fresh analyzer builds.
describe('site options kept across dates', () => {
  const situation = scaledSudanSituation(0.02, 11);

  it('keeps most options after a day and gives the reports of a fresh analyzer', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer(situation);
    let last = analyzer.analyze('2024-08-14');
    let kept = 0;
    let active = 0;
    for (const asOf of ['2024-08-15', '2024-08-16', '2024-09-20', '2024-08-15']) {
      const report = analyzer.analyze(asOf);
      expect(JSON.stringify(report), asOf).toBe(JSON.stringify(createAnalyzer(situation).analyze(asOf)));
      const before = new Map(last.sites.map((s) => [s.id, s]));
      for (const s of report.sites) {
        if (s.status !== 'active') continue;
        active++;
        if (before.get(s.id)?.options === s.options) kept++;
      }
      last = report;
    }
    // The fast path is taken (the options are the last report's own), and not everywhere.
    expect(kept).toBeGreaterThan(active / 3);
    expect(kept).toBeLessThan(active);
  });

  it('keeps nothing when what the options are made from differs', () => {
    const siege = { type: 'Feature' } as unknown as ConstraintFeature;
    const last: SitePaths = {
      searchKeys: ['SD|true|false|false', 'SD|true|true|true'],
      searchHubs: ['[["h1",3,0.1]]', '[["h1",3,0.1]]'],
      node: 7,
      attachKm: 0.25,
      sieges: [siege],
      noHubs: false,
      access: 'internal',
      options: [],
      bestPath: null,
      leading: [],
      bestAtRisk: [],
      bestCrossline: false,
    };
    const now = { node: 7, attachKm: 0.25, sieges: [siege], noHubs: false };
    const hubs = (k: string, h: string) => h === '[["h1",3,0.1]]' && k.startsWith('SD');
    const never = () => false;
    expect(keptSitePaths(last, now, hubs, never)).toBe(last);
    expect(keptSitePaths(undefined, now, hubs, never)).toBeUndefined();
    expect(keptSitePaths(last, { ...now, node: 8 }, hubs, never)).toBeUndefined();
    expect(keptSitePaths(last, { ...now, attachKm: 0.3 }, hubs, never)).toBeUndefined();
    expect(keptSitePaths(last, { ...now, noHubs: true }, hubs, never)).toBeUndefined();
    expect(keptSitePaths(last, { ...now, sieges: [] }, hubs, never)).toBeUndefined();
    expect(keptSitePaths(last, { ...now, sieges: [{ ...siege }] }, hubs, never)).toBeUndefined();
    expect(keptSitePaths(last, now, () => false, never)).toBeUndefined();
    const explanationChanged = (k: string, n: number) => k.endsWith('true') && n === 7;
    expect(keptSitePaths(last, now, hubs, explanationChanged)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { siteAccess } from '$lib/domain/analysis/access/siteAccess';
import { hotspots } from '$lib/domain/analysis/hotspots';
import { totals } from '$lib/domain/analysis/totals';
import { shiftedGeometry } from '../../bench/moveFrontline';
import { mulberry32 } from '../../bench/prng';
import { walksWithOpenedRoads } from '../helpers/walksWithOpenedRoads';

// A re-analysis on the same date finds each site's last record by its place in the date's list, and makes
// again only the sites near a moved line, off the roads, or whose searches changed at their junction; another
// date finds the records by id. Over seeded series of moves of either line, returns, other dates (other roads
// in force) and protection radii, every analysis' sites must be those made from scratch on the same context,
// and its totals and hotspots those counted and ranked from these.
describe('site reports kept by place across re-analyses', () => {
  // A fifth of the roads opened between the dates: on the earlier one, sites join other junctions.
  const situation = walksWithOpenedRoads(0.05);
  const lines = situation.frontlines;

  it('gives every step the sites a fresh evaluation gives', { timeout: 240_000 }, () => {
    let steps = 0;
    let kept = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const rand = mulberry32(seed);
      const analyzer = createAnalyzer(situation);
      let last: ReturnType<typeof analyzer.analyze> | undefined;
      let lastSites: string | undefined;
      let asOf = '2024-08-15';
      let params = {};
      for (let step = 0; step < 7; step++) {
        const r = rand();
        if (r < 0.15) asOf = asOf === '2024-08-15' ? '2024-02-01' : '2024-08-15';
        else if (r < 0.25) params = rand() < 0.5 ? {} : { protectionRadiusKm: 0.5 };
        const line = lines[Math.floor(rand() * lines.length)];
        const overrides =
          rand() < 0.2
            ? undefined
            : { frontlines: [{ id: line.properties.id, geometry: shiftedGeometry(line, 1 + rand() * 7) }] };
        const report = analyzer.analyze(asOf, params, overrides);
        const ctx = analyzer.context(asOf, params, overrides);
        const fresh = siteAccess(ctx);
        const where = `seed ${seed}, step ${step}, ${asOf} ${JSON.stringify(params)}`;
        expect(JSON.stringify(report.sites), where).toBe(JSON.stringify(fresh));
        expect(report.totals, where).toEqual(totals(fresh, report.corridors, ctx.layers.crossings));
        expect(report.hotspots, where).toEqual(hotspots(fresh));
        if (last?.asOf === asOf) kept += report.sites.filter((s, i) => s === last!.sites[i]).length;
        // The last report's sites are as it gave them: the new list is not made in its array.
        expect(JSON.stringify(last?.sites), where).toBe(lastSites);
        last = report;
        lastSites = JSON.stringify(report.sites);
        steps++;
      }
    }
    expect(steps).toBe(70);
    expect(kept).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { siteJunctions } from '$lib/domain/analysis/access/changedSites';
import { SiteAccessMemo, siteAccess } from '$lib/domain/analysis/access/siteAccess';
import { usableAttachment } from '$lib/domain/analysis/access/usableAttachment';
import type { SiteFeature, Situation } from '$lib/domain/schemas';
import { mulberry32 } from '../../bench/prng';
import { walksWithOpenedRoads } from '../helpers/walksWithOpenedRoads';

// An analysis that evaluates every site leaves the index of the sites' junctions (changedSites.ts) made from
// the junctions its evaluation found, and the inactive sites' looked up; the next analyses on the same roads
// read each site's junction there, on another date to tell whether its record still holds and after a move to
// find the sites whose searches changed. Sites here are closed on one day and open the next (and the other way
// round), so that many reports read no junction; on three dates (two with the same roads in force, one with a
// fifth fewer) the index must be the one made by finding each site's junction on its own. Whether the next
// analyses read it rightly is checked against fresh analyzers by analysis-sites-across-dates.test.ts (a site's
// junction on another date) and analysis-changed-sites.test.ts (after moves).
const DAY0 = '2024-08-14';
const DAY1 = '2024-08-15';
// Before the fifth of the roads opened (walksWithOpenedRoads): other junctions.
const EARLY = '2024-02-01';

function seededSituation(seed: number): Situation {
  const base = walksWithOpenedRoads(0.05);
  const rand = mulberry32(seed);
  const edited = (s: SiteFeature): SiteFeature => {
    const r = rand();
    if (s.properties.hub || r >= 0.6) return s;
    const statusHistory: SiteFeature['properties']['statusHistory'] =
      r < 0.35
        ? [
            { date: '2024-01-01', status: 'closed', source: 'visit' },
            { date: DAY1, status: 'active', source: 'visit' },
          ]
        : [{ date: DAY1, status: 'emptied', source: 'visit' }];
    return { ...s, properties: { ...s.properties, statusHistory } };
  };
  return { ...base, sites: base.sites.map(edited) };
}

describe('the junctions of the sites kept from an analysis of every site', () => {
  it('are those found site by site', { timeout: 120_000 }, () => {
    let inactive = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const situation = seededSituation(seed);
      const analyzer = createAnalyzer(situation);
      for (const asOf of [DAY0, DAY1, EARLY]) {
        const ctx = analyzer.context(asOf);
        const memo = new SiteAccessMemo();
        const reports = siteAccess(ctx, memo);
        inactive += reports.filter((r) => r.access === 'inactive').length;
        const { sites, roadIds } = ctx.layers;
        const plain = siteJunctions(
          sites,
          roadIds,
          ctx.graph.nodeCount,
          (s) => usableAttachment(ctx, s.properties.id)?.node,
        );
        const at = memo.junctions!;
        const where = `seed ${seed}, ${asOf}`;
        expect(at.sites, where).toBe(sites);
        expect(at.roadIds, where).toBe(roadIds);
        expect([...at.nodeOf], where).toEqual([...plain.nodeOf]);
        expect([...at.first], where).toEqual([...plain.first]);
        expect([...at.next], where).toEqual([...plain.next]);
        expect([...at.x, ...at.y], where).toEqual([...plain.x, ...plain.y]);
      }
    }
    // Sites with no junction read by their report were indexed too.
    expect(inactive).toBeGreaterThan(100);
  });
});

import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { parseSituation } from '$lib/domain/schemas';
import { engineRoadStatuses, roadStatuses, sameStatusCount } from '../../bench/engineRoadStatuses';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';

// The benches time the engine on PostGIS's question alone (each road's worst status from the date's hazards,
// without the rest of the analysis) and set it against PostGIS's query: that timing means something only if
// it gives the answers the full analysis reports, on every date, blocked and at-risk roads alike.
describe("the engine on PostGIS's question (bench/engineRoadStatuses.ts)", () => {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.05)).input);

  it('gives each road the worst status of its segments in the full report', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer(situation);
    for (const asOf of ['2024-08-15', '2024-02-01']) {
      const reported = roadStatuses(analyzer.analyze(asOf));
      const alone = engineRoadStatuses(situation, asOf);
      expect(alone.buildMs).toBeGreaterThan(0);
      expect([...alone.statusByRoad].sort()).toEqual([...reported].sort());
      // Both kinds are there to compare (the rainy season closes tracks; front lines block and endanger).
      const values = [...reported.values()];
      expect(values).toContain('blocked');
      expect(values).toContain('at_risk');
      expect(sameStatusCount(situation.roads, alone.statusByRoad, reported)).toBe(situation.roads.length);
    }
  });

  it('counts a road as differing where only one side finds it not open', () => {
    const roads = [{ properties: { id: 'a' } }, { properties: { id: 'b' } }, { properties: { id: 'c' } }];
    const one = new Map([['a', 'blocked' as const]]);
    const other = new Map([
      ['a', 'blocked' as const],
      ['b', 'at_risk' as const],
    ]);
    expect(sameStatusCount(roads, one, other)).toBe(2);
    expect(sameStatusCount(roads, one, one)).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import {
  carriedEdgeCosts,
  costChangesFrom,
  lowestCost,
  type CostsMade,
} from '$lib/domain/analysis/access/carriedCosts';
import { edgeCosts, type EdgeCostOptions } from '$lib/domain/analysis/access/edgeCosts';
import { parseSituation, type AnalysisOverridesInput } from '$lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { shiftedGeometry } from '../../bench/moveFrontline';

// After a front line moves, the site searches' edge costs are the last ones with the touched edges costed
// again, and the edges said to differ are all the checks of which searches the move reached look at. Each
// must be what a fresh cost array gives and what comparing every edge finds, move after move.
describe('edge costs carried across front-line moves', () => {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.05)).input);
  const asOf = '2024-08-15';
  const [first, second] = situation.frontlines;
  const steps: AnalysisOverridesInput[] = [
    {},
    { frontlines: [{ id: first.properties.id, geometry: shiftedGeometry(first, 2) }] },
    { frontlines: [{ id: first.properties.id, geometry: shiftedGeometry(first, 5) }] },
    {
      frontlines: [
        { id: first.properties.id, remove: true },
        { id: second.properties.id, geometry: shiftedGeometry(second, 3) },
      ],
    },
    {
      frontlines: [
        { id: 'added-line', actorIds: first.properties.actorIds, geometry: shiftedGeometry(first, 4) },
      ],
    },
    {},
  ];
  const kinds: EdgeCostOptions[] = [
    { crossline: false },
    { crossline: true },
    { crossline: false, explainBlocked: true, closedAtNodes: true },
    { crossline: true, explainBlocked: true, closedAtNodes: true },
  ];

  it('gives the costs of a fresh array and lists exactly the edges that differ', { timeout: 120_000 }, () => {
    const analyzer = createAnalyzer(situation);
    let last: (CostsMade | undefined)[] = kinds.map(() => undefined);
    let carried = 0;
    let differing = 0;
    for (const overrides of [...steps, ...steps.slice(1, 4).reverse()]) {
      const ctx = analyzer.context(asOf, undefined, overrides);
      last = kinds.map((opts, i) => {
        const cost = carriedEdgeCosts(ctx, opts, last[i]);
        const fresh = edgeCosts(ctx, opts);
        expect(Array.from(cost)).toEqual(Array.from(fresh));
        // Found along from the last array's lowest cost when that is known (it is: asked each time here).
        let min = Infinity;
        for (const c of fresh) if (c < min) min = c;
        expect(lowestCost(cost)).toBe(min);
        const before = last[i]?.cost;
        const listed = before && costChangesFrom(before, cost);
        if (before && listed) {
          carried++;
          const all: number[] = [];
          for (let e = 0; e < cost.length; e++) if (cost[e] !== before[e]) all.push(e);
          expect(Array.from(listed)).toEqual(all);
          differing += all.length;
        }
        return { cost, hazards: ctx.hazards, atRiskCostFactor: ctx.layers.params.atRiskCostFactor };
      });
    }
    // The moves were carried, and they changed some costs.
    expect(carried).toBeGreaterThan(kinds.length * 4);
    expect(differing).toBeGreaterThan(0);
  });

  it('does not carry costs made from other hazards', () => {
    const analyzer = createAnalyzer(situation);
    const a = analyzer.context(asOf, undefined, steps[1]);
    const made: CostsMade = {
      cost: edgeCosts(a, kinds[0]),
      hazards: a.hazards,
      atRiskCostFactor: a.layers.params.atRiskCostFactor,
    };
    // Another date: the hazards are not made from those of `a`.
    const b = analyzer.context('2024-02-01');
    const cost = carriedEdgeCosts(b, kinds[0], made);
    expect(costChangesFrom(made.cost, cost)).toBeUndefined();
    expect(Array.from(cost)).toEqual(Array.from(edgeCosts(b, kinds[0])));
  });
});

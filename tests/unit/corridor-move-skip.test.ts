import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { evaluateCorridor } from '$lib/domain/analysis/corridors/evaluateCorridor';
import { parseSituation } from '$lib/domain/schemas';
import { mulberry32 } from '../../bench/prng';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { KeptTally, offsetOverrides } from '../helpers/frontlineMoves';

// After a front line moves, the corridors that found no stretch of it and are far from its new course keep
// their last report without being evaluated, some of them over several moves in a row. On seeded random moves
// of random lines (away, back, onto other lines' corridors, on another date), every analysis must give the
// corridors that evaluating each corridor gives, and most corridors must be kept as they were.
describe('corridors skipped after a front line moves', () => {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.05)).input);
  const lines = situation.frontlines;

  it('give the corridors evaluated one by one after seeded moves', { timeout: 60_000 }, () => {
    const rand = mulberry32(26);
    const analyzer = createAnalyzer(situation);
    // The same moves with every corridor evaluated on its own (as the re-analysis tests check against fresh
    // analyzers), by an analyzer of its own.
    const plain = createAnalyzer(situation);
    const offsets = lines.map(() => 0);
    const tally = new KeptTally();
    let last = analyzer.analyze('2024-08-15');
    for (let step = 0; step < 6; step++) {
      // Mostly small moves of one line, sometimes a large one, and once another date.
      const i = Math.floor(rand() * lines.length);
      offsets[i] += (rand() - 0.5) * (step % 3 === 2 ? 40 : 12);
      const asOf = step === 4 ? '2024-09-15' : '2024-08-15';
      const overrides = offsetOverrides(lines, offsets);
      const reused = analyzer.analyze(asOf, undefined, overrides);
      const ctx = plain.context(asOf, undefined, overrides);
      const each = ctx.layers.corridors.map((c) => evaluateCorridor(ctx, c));
      expect(JSON.stringify(reused.corridors)).toBe(JSON.stringify(each));
      tally.add(last.corridors, reused.corridors);
      last = reused;
    }
    expect(tally.kept).toBeGreaterThan(tally.remade);
  });
});

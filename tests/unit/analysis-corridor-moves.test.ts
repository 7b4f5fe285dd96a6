import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { parseSituation } from '$lib/domain/schemas';
import { mulberry32 } from '../../bench/prng';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { KeptTally, offsetOverrides } from '../helpers/frontlineMoves';

// After a front line moves, the list of corridors visits only those that cannot keep their last report
// (found from their flags, their bits of the moved lines and an index of their grown boxes), and a corridor
// near a moved line finds its stretches of it again from its segments' grown boxes, kept since the first
// move that came near it. On seeded series of moves of random lines, with the buffer changed in between
// (the kept boxes then no longer fit) and another date, every analysis must give a fresh analyzer's
// corridors, and the moves must have left some corridors' reports in place and made others again.
describe('corridors after series of front-line moves', () => {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.03)).input);
  const lines = situation.frontlines;

  for (const seed of [3, 17, 41]) {
    it(`give a fresh analyzer's corridors (seed ${seed})`, { timeout: 120_000 }, () => {
      const rand = mulberry32(seed);
      const analyzer = createAnalyzer(situation);
      const offsets = lines.map(() => 0);
      let last = analyzer.analyze('2024-08-15');
      const tally = new KeptTally();
      for (let step = 0; step < 9; step++) {
        // Mostly moves of 1-4 km of one line (a corridor near it finds it again each time), sometimes the
        // other line, a wider buffer, a return to the first date after another one.
        const i = rand() < 0.7 ? 0 : Math.floor(rand() * lines.length);
        offsets[i] += (rand() < 0.5 ? -1 : 1) * (1 + 3 * rand());
        const params = step >= 5 && step <= 6 ? { frontlineBufferKm: 14 } : undefined;
        const asOf = step === 7 ? '2024-09-15' : '2024-08-15';
        const overrides = offsetOverrides(lines, offsets);
        const reused = analyzer.analyze(asOf, params, overrides);
        const fresh = createAnalyzer(situation).analyze(asOf, params, overrides);
        expect(JSON.stringify(reused.corridors)).toBe(JSON.stringify(fresh.corridors));
        tally.add(last.corridors, reused.corridors);
        last = reused;
      }
      expect(tally.kept).toBeGreaterThan(tally.remade);
      expect(tally.remade).toBeGreaterThan(0);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { parseSituation } from '$lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { shiftedGeometry } from '../../bench/moveFrontline';
import { KeptTally } from '../helpers/frontlineMoves';

// A re-analysis reuses the last one's corridor stretches (by front line, in order) and compares only the
// edges the front lines touched: on a network where roads cross anywhere, after moves of one line, another
// line and a return, every report must still be the one a fresh analyzer gives.
describe('re-analysis on a real-shaped network', () => {
  // The smallest size with two front lines.
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.05)).input);
  const asOf = '2024-08-15';
  const [first, second] = situation.frontlines;
  const moveFirst = (km: number) => ({
    frontlines: [{ id: first.properties.id, geometry: shiftedGeometry(first, km) }],
  });
  const moveSecond = { frontlines: [{ id: second.properties.id, geometry: shiftedGeometry(second, 3) }] };

  it('gives after each move the report of a fresh analyzer', { timeout: 120_000 }, () => {
    const analyzer = createAnalyzer(situation);
    const before = analyzer.analyze(asOf);
    analyzer.analyze(asOf, undefined, moveFirst(2));
    // A line moved again, then the other line moved (the first back in place): each a fresh analyzer's report.
    for (const overrides of [moveFirst(5), moveSecond]) {
      const reused = analyzer.analyze(asOf, undefined, overrides);
      const fresh = createAnalyzer(situation).analyze(asOf, undefined, overrides);
      expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
    }
    expect(JSON.stringify(analyzer.analyze(asOf))).toBe(JSON.stringify(before));
  });

  // Most corridors are far from a moved line: they keep the last report as it was (the same object), and
  // those near the line's old or new course are made again. Moves on another date (everything else changed),
  // a move that brings a line back, and a move of the other line must each give a fresh analyzer's corridors.
  it('keeps far corridors and remakes near ones as a fresh analyzer does', { timeout: 180_000 }, () => {
    const analyzer = createAnalyzer(situation);
    const steps: [string, ReturnType<typeof moveFirst> | undefined][] = [
      [asOf, undefined],
      [asOf, moveFirst(2)],
      [asOf, moveFirst(6)],
      ['2024-09-15', moveFirst(6)],
      ['2024-09-15', moveFirst(3)],
      ['2024-09-15', moveSecond],
      [asOf, moveSecond],
      [asOf, undefined],
    ];
    let last: ReturnType<typeof analyzer.analyze> | undefined;
    let lastDate = '';
    const tally = new KeptTally();
    for (const [date, overrides] of steps) {
      const reused = analyzer.analyze(date, undefined, overrides);
      const fresh = createAnalyzer(situation).analyze(date, undefined, overrides);
      expect(JSON.stringify(reused.corridors)).toBe(JSON.stringify(fresh.corridors));
      if (last && date === lastDate && overrides !== undefined) {
        tally.add(last.corridors, reused.corridors);
      }
      last = reused;
      lastDate = date;
    }
    // The moves on one date left most corridors' reports in place and made some again.
    expect(tally.kept).toBeGreaterThan(tally.remade);
    expect(tally.remade).toBeGreaterThan(0);
  });
});

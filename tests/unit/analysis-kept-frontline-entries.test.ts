import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { roundPosition } from '$lib/domain/analysis/round';
import { parseSituation } from '$lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { shiftedGeometry } from '../../bench/moveFrontline';
import { mulberry32 } from '../../bench/prng';

// An analyzer makes the report's entry of a front line once per line in force and gives it again while the
// line is the same: over seeded series of moves of either line (by the same distance again, too), returns and
// other dates, each report's front lines must be those made from the context's lines, and a report made
// before must keep its own.
describe('front line entries kept across re-analyses', () => {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.05)).input);
  const lines = situation.frontlines;

  it('gives every report the entries of its own lines', { timeout: 120_000 }, () => {
    let moves = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const rand = mulberry32(seed);
      const analyzer = createAnalyzer(situation);
      const made: [ReturnType<typeof analyzer.analyze>, string][] = [];
      for (let step = 0; step < 6; step++) {
        const asOf = rand() < 0.3 ? '2024-02-01' : '2024-08-15';
        const line = lines[Math.floor(rand() * lines.length)];
        const km = 1 + Math.floor(rand() * 3);
        const overrides =
          rand() < 0.25
            ? undefined
            : { frontlines: [{ id: line.properties.id, geometry: shiftedGeometry(line, km) }] };
        if (overrides) moves++;
        const report = analyzer.analyze(asOf, {}, overrides);
        const want = analyzer.context(asOf, {}, overrides).frontlines.map((f) => ({
          id: f.id,
          actorIds: f.actorIds,
          origin: f.origin,
          geometry: { type: 'MultiLineString', coordinates: f.lines.map((l) => l.map(roundPosition)) },
        }));
        expect(JSON.stringify(report.frontlines), `seed ${seed}, step ${step}`).toBe(JSON.stringify(want));
        made.push([report, JSON.stringify(report.frontlines)]);
      }
      for (const [report, json] of made) expect(JSON.stringify(report.frontlines)).toBe(json);
    }
    expect(moves).toBeGreaterThan(20);
  });
});

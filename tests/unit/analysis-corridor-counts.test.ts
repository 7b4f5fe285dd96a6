import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { corridorCounts, type CorridorCountsMemo } from '$lib/domain/analysis/corridorCounts';
import { parseSituation, type CorridorReport } from '$lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { Rng } from '../../bench/prng';
import { offsetOverrides } from '../helpers/frontlineMoves';

const STATUSES = ['open', 'at_risk', 'blocked'] as const;

/** The counts read plainly from every report. */
function plainCounts(list: readonly CorridorReport[]) {
  return {
    blocked: list.filter((c) => c.status === 'blocked').length,
    atRisk: list.filter((c) => c.status === 'at_risk').length,
  };
}

/** A corridor report with only what the counts read filled in (a new object each call). */
function report(rng: Rng, id: number): CorridorReport {
  return { id: `c${id}`, status: rng.pick(STATUSES) } as unknown as CorridorReport;
}

// The totals count corridors from the last list counted, reading only the places whose report is another
// object: after each step the counts must be those read from every report.
describe('corridor counts kept across analyses', () => {
  it('equal a plain count after each of many seeded steps', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rng = new Rng(seed);
      const memo: CorridorCountsMemo = {};
      let list = Array.from({ length: 1 + rng.int(60) }, (_, i) => report(rng, i));
      for (let step = 0; step < 25; step++) {
        expect(corridorCounts(list, memo)).toEqual(plainCounts(list));
        const next = list.slice();
        const kind = rng.int(10);
        if (kind === 0) {
          // Another list: a corridor more or fewer.
          if (rng.int(2) === 0 || next.length === 1) next.push(report(rng, next.length));
          else next.pop();
        } else if (kind === 1) {
          // The same list again (nothing changed).
        } else {
          // Some reports made again, with any status (often the same one).
          const changes = 1 + rng.int(Math.max(1, next.length >> 2));
          for (let k = 0; k < changes; k++) next[rng.int(next.length)] = report(rng, step * 100 + k);
        }
        list = next;
      }
    }
  });

  it('counts lists without a memo, and a memo for each list of counts', () => {
    const rng = new Rng(7);
    const a = Array.from({ length: 40 }, (_, i) => report(rng, i));
    const b = Array.from({ length: 40 }, (_, i) => report(rng, i));
    expect(corridorCounts(a)).toEqual(plainCounts(a));
    const memoA: CorridorCountsMemo = {};
    const memoB: CorridorCountsMemo = {};
    corridorCounts(a, memoA);
    corridorCounts(b, memoB);
    const changedA = a.slice();
    changedA[3] = { ...a[3], status: a[3].status === 'blocked' ? 'open' : 'blocked' };
    expect(corridorCounts(changedA, memoA)).toEqual(plainCounts(changedA));
    expect(corridorCounts(b, memoB)).toEqual(plainCounts(b));
    // The counts returned are the caller's: changing them does not change the next ones.
    const counts = corridorCounts(b, memoB);
    counts.blocked += 5;
    expect(corridorCounts(b, memoB)).toEqual(plainCounts(b));
  });

  // On the real-shaped walks, front lines moved to and fro change corridors' statuses: the report's totals
  // must each time be a fresh analyzer's.
  it('give the totals of a fresh analyzer after moves that change corridors', { timeout: 180_000 }, () => {
    const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.05)).input);
    const asOf = '2024-08-15';
    const lines = situation.frontlines.slice(0, 2);
    const analyzer = createAnalyzer(situation);
    const seen = new Set<string>();
    for (const offsets of [
      [0, 0],
      [4, 0],
      [9, 0],
      [9, 5],
      [0, 5],
      [0, 0],
      [14, 10],
    ]) {
      const overrides = offsetOverrides(lines, offsets);
      const reused = analyzer.analyze(asOf, undefined, overrides).totals;
      const fresh = createAnalyzer(situation).analyze(asOf, undefined, overrides).totals;
      expect(reused).toEqual(fresh);
      seen.add(`${reused.corridorsBlocked}/${reused.corridorsAtRisk}`);
    }
    // The moves changed the counts (a walk where they stay the same would show nothing).
    expect(seen.size).toBeGreaterThan(2);
  });
});

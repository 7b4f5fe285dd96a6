import { describe, expect, it, vi } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { carriedEdgeCosts } from '$lib/domain/analysis/access/carriedCosts';
import { comparableSearches, crosslineAsInternal } from '$lib/domain/analysis/access/crosslineTwin';
import type { SearchResult } from '$lib/domain/analysis/access/dijkstra';
import { SiteAccessMemo, siteAccess } from '$lib/domain/analysis/access/siteAccess';
import type { EdgeCostOptions } from '$lib/domain/analysis/access/edgeCosts';
import { parseSituation, type AnalysisOverridesInput } from '$lib/domain/schemas';
import { generateSituationInput, SUDAN_SCALE } from '../../bench/generate';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { shiftedGeometry } from '../../bench/moveFrontline';
import { mulberry32 } from '../../bench/prng';

// The cost arrays each analysis makes, with their options: a crossline search that takes its internal twin's
// result makes none of its own.
vi.mock('$lib/domain/analysis/access/carriedCosts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/domain/analysis/access/carriedCosts')>();
  return { ...actual, carriedEdgeCosts: vi.fn(actual.carriedEdgeCosts) };
});
const costsMade = vi.mocked(carriedEdgeCosts);
// The reports to compare with are made the plain way, every crossline search searched on its own: a fresh
// analyzer that took the twins' results would share any mistake in when they may be taken.
const twins = vi.hoisted(() => ({ taken: true }));
vi.mock('$lib/domain/analysis/access/crosslineTwin', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/domain/analysis/access/crosslineTwin')>();
  return {
    ...actual,
    crosslineAsInternal: vi.fn(
      (h: Parameters<typeof actual.crosslineAsInternal>[0]) => twins.taken && actual.crosslineAsInternal(h),
    ),
  };
});

// With no crossline passage on a date (no open crossline crossing where a front line crosses a road), each
// crossline search is the internal search of the same hubs and takes its result; where a move or a date
// brings a passage back, it is searched again on its own, and must not be compared with the internal
// search's arrays, which that search's repair may have written over since. Seeded grids with a few crossline
// crossings on their front lines: random moves of the lines (crossings left behind or reached again), dates
// on which the crossings open and close, lines put back; every report must be a fresh analyzer's whose crossline
// searches are all searched on their own.
describe('crossline searches that are their internal twins', () => {
  it('give after each move and date the report of a fresh analyzer', { timeout: 300_000 }, () => {
    let shared = 0;
    let ownCosts = 0;
    const changes = { toShared: 0, toOwn: 0 };
    for (let seed = 1; seed <= 16; seed++) {
      const rand = mulberry32(seed);
      const int = (n: number) => Math.floor(rand() * n);
      const situation = parseSituation(
        generateSituationInput({
          ...SUDAN_SCALE,
          seed,
          roadSegments: 400 + int(300),
          sites: 40 + int(40),
          incidents: 150,
          constraints: 5,
          areas: 4 + int(3),
          crosslineCrossings: 1 + int(4),
        }).input,
      );
      const lines = situation.frontlines;
      const analyzer = createAnalyzer(situation);
      const dates = ['2023-06-01', '2024-01-15', '2024-08-15'];
      let asOf = dates[int(3)];
      let wasShared: boolean | undefined;
      for (let step = 0; step < 9; step++) {
        if (rand() < 0.2) asOf = dates[int(3)];
        let overrides: AnalysisOverridesInput | undefined;
        if (lines.length > 0 && rand() < 0.8) {
          const f = lines[int(lines.length)];
          overrides = {
            frontlines: [{ id: f.properties.id, geometry: shiftedGeometry(f, int(9) - 3 + rand()) }],
          };
        }
        costsMade.mockClear();
        const reused = analyzer.analyze(asOf, undefined, overrides);
        const madeCrossline = costsMade.mock.calls.some(([, opts]) => (opts as EdgeCostOptions).crossline);
        const passages = analyzer.context(asOf, undefined, overrides).hazards.crossline.size;
        twins.taken = false;
        const fresh = createAnalyzer(situation).analyze(asOf, undefined, overrides);
        twins.taken = true;
        const at = `seed ${seed}, step ${step}, ${asOf} ${JSON.stringify(overrides?.frontlines?.[0].id)}`;
        expect(JSON.stringify(reused), at).toBe(JSON.stringify(fresh));
        // The twins' path is taken whenever there is no passage, and only then.
        const sharedNow = passages === 0;
        if (sharedNow) expect(madeCrossline, at).toBe(false);
        if (sharedNow && step > 0) shared++;
        if (madeCrossline) ownCosts++;
        if (wasShared === true && !sharedNow) changes.toOwn++;
        if (wasShared === false && sharedNow) changes.toShared++;
        wasShared = sharedNow;
      }
    }
    // Re-analyses with shared twins, with crossline searches of their own, and passages from one to the other
    // both ways.
    expect(vi.mocked(crosslineAsInternal)).toHaveBeenCalled();
    expect(shared).toBeGreaterThan(25);
    expect(ownCosts).toBeGreaterThan(50);
    expect(changes.toOwn).toBeGreaterThan(3);
    expect(changes.toShared).toBeGreaterThan(3);
  });

  // A crossline search that shared its twin's result and cannot now must not be compared with that result:
  // the twin's repair in place may have written over its arrays. On the small grids above a move's repair is
  // mostly given up for a new search (more than a quarter of the junctions reset), which leaves them as they
  // were, so the comparison there does not see this; it is checked here on its own.
  it('leaves out a last result shared with the twin once the twins differ', () => {
    const result = (): SearchResult => ({
      dist: new Float64Array(1),
      prevEdge: new Int32Array(1),
      origin: new Int32Array(1),
    });
    const internal = result();
    const last = new Map([
      ['i1', internal],
      ['x1', internal],
      ['i2', result()],
      ['x2', result()],
    ]);
    const twinned = new Set(['x1']);
    expect(comparableSearches(last, twinned, true)).toBe(last);
    expect(comparableSearches(last, new Set(), false)).toBe(last);
    expect([...comparableSearches(last, twinned, false).keys()]).toEqual(['i1', 'i2', 'x2']);
    expect(last.size).toBe(4);
  });

  // The walks have no crossline crossing, and no hub abroad: the cross-border searches are from no hub, and
  // their crossline one shares the result of nothing reached, which no repair writes. Those are not left out
  // when a passage appears: each would send every site back to a check of its own.
  it('lists only the twins searched from hubs', () => {
    const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.05)).input);
    const ctx = createAnalyzer(situation).context('2024-08-15');
    const memo = new SiteAccessMemo();
    siteAccess(ctx, memo);
    expect(ctx.hazards.crossline.size).toBe(0);
    const keys = [...memo.searches.keys()];
    // Country, domestic, crossline, explaining: the cross-border crossline search, from no hub.
    expect(keys).toContain('SDN|false|true|false');
    expect([...memo.twinned].sort()).toEqual(keys.filter((k) => k.startsWith('SDN|true|true|')).sort());
    expect(memo.twinned.size).toBeGreaterThan(0);
  });
});

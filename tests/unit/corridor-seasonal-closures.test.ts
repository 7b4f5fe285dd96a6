import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { corridorIntervalParts, type KmInterval } from '$lib/domain/analysis/corridors/corridorIntervals';
import { sweepPieces } from '$lib/domain/analysis/corridors/evaluateCorridor';
import { intervalsOf } from '$lib/domain/analysis/corridors/stretchList';
import { roadsUnder } from '$lib/domain/analysis/corridors/roadsUnder';
import { ABSENT } from '$lib/domain/analysis/hazards/evaluateEdgeHazards';
import { monthNames, sortReasons } from '$lib/domain/analysis/reasons';
import { round3 } from '$lib/domain/analysis/round';
import { cumulativeKm } from '$lib/domain/geo/cumulativeKm';
import { parseSituation } from '$lib/domain/schemas';
import type { Reason } from '$lib/domain/schemas';
import { mulberry32 } from '../../bench/prng';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';

// A corridor keeps its seasonal closures as the reason of each road piece under it, kept from date to date
// while they stay the same, and the sweep reads their bounds from the road pieces. One analyzer walks through
// dates in and out of the tracks' closed months (and back); each corridor's stretches must be those of the
// plain sweep over its stretch objects and a closure object per closed road piece in force.
describe('seasonal closures of corridors', () => {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.03)).input);

  it('give the stretches of a plain sweep with a stretch per closed road piece', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer(situation);
    let closed = 0;
    for (const asOf of ['2024-08-15', '2024-08-16', '2024-03-01', '2024-08-15']) {
      const report = analyzer.analyze(asOf);
      const ctx = analyzer.context(asOf);
      const month = ctx.layers.month;
      const expected = ctx.layers.corridors.map((corridor) => {
        const coords = corridor.geometry.coordinates;
        const cum = cumulativeKm(coords);
        const roads = roadsUnder(ctx, coords, cum);
        const seasonal: KmInterval[] = [];
        for (let r = 0; r < roads.edge.length; r++) {
          const edge = roads.edge[r];
          const e = ctx.net.edges[edge];
          if (ctx.hazards.status[edge] === ABSENT || !e.road.impassableMonths.includes(month)) continue;
          const detail = `${e.road.class} road "${e.road.name}" is impassable in ${monthNames[month - 1]}`;
          seasonal.push({
            fromKm: roads.km[2 * r],
            toKm: roads.km[2 * r + 1],
            reason: { code: 'seasonal_closure', featureId: e.roadId, detail },
          });
        }
        closed += seasonal.length;
        const parts = corridorIntervalParts(ctx, corridor, coords, cum);
        return sweepPieces(cum[cum.length - 1], [...parts.flatMap(intervalsOf), ...seasonal]).map((p) => ({
          fromKm: round3(p.from),
          toKm: round3(p.to),
          reasons: p.reasons,
        }));
      });
      const got = report.corridors.map((c) =>
        c.stretches.map((s) => ({ fromKm: s.fromKm, toKm: s.toKm, reasons: s.reasons })),
      );
      const wrong = got.findIndex((g, k) => JSON.stringify(g) !== JSON.stringify(expected[k]));
      expect(
        wrong === -1 ? '' : `${JSON.stringify(got[wrong])}\n${JSON.stringify(expected[wrong])}`,
        asOf,
      ).toBe('');
    }
    // The closures the test is about occur.
    expect(closed).toBeGreaterThan(500);
  });
});

// The sweep orders its stretches by start by insertion up to 256 of them and by a sort beyond: long lists of
// many overlapping hazards (as a long corridor through a contested region has) against a plain sweep.
describe('the sweep of long lists of stretches', () => {
  it('gives the pieces of a plain sweep', () => {
    const rand = mulberry32(11);
    let long = 0;
    for (let seed = 0; seed < 24; seed++) {
      const total = 20 + rand() * 200;
      const reasons: Reason[] = Array.from({ length: 12 }, (_, i) => ({
        code: i % 2 ? 'contested_area' : 'incident_nearby',
        featureId: `f${i % 5}`,
        detail: `d${i % 3}`,
      }));
      const spread: KmInterval[] = [];
      for (let n = 200 + Math.floor(rand() * 400); n > 0; n--) {
        const at = rand() * total * 1.1 - total * 0.05;
        spread.push({
          fromKm: at,
          toKm: at + rand() * 5,
          reason: reasons[Math.floor(rand() * reasons.length)],
        });
      }
      if (spread.length > 256) long++;
      const bounds = [...new Set([0, total, ...spread.flatMap((s) => [s.fromKm, s.toKm])])]
        .filter((k) => k >= 0 && k <= total)
        .sort((a, b) => a - b);
      const plain: { from: number; to: number; reasons: Reason[] }[] = [];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const [from, to] = [bounds[i], bounds[i + 1]];
        if (to - from < 1e-9) continue;
        const mid = (from + to) / 2;
        const here = sortReasons(spread.filter((s) => s.fromKm <= mid && s.toKm >= mid).map((s) => s.reason));
        const last = plain[plain.length - 1];
        if (last && JSON.stringify(last.reasons) === JSON.stringify(here)) last.to = to;
        else plain.push({ from, to, reasons: here });
      }
      expect(sweepPieces(total, spread), `seed ${seed}`).toEqual(plain);
    }
    expect(long).toBeGreaterThan(12);
  });
});

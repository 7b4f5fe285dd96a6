import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { evaluateEdgeHazards, type EdgeHazards } from '$lib/domain/analysis/hazards/evaluateEdgeHazards';
import { HazardCache } from '$lib/domain/analysis/hazards/hazardCache';
import type { AnalysisContext } from '$lib/domain/analysis/context';
import type { Situation } from '$lib/domain/schemas';
import { addDays } from '$lib/domain/calendarDays';
import { mulberry32 } from '../../bench/prng';
import { edgeHazardsText as snapshot } from '../helpers/edgeHazardsText';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// On another date with the same roads, month, parameters and crossing statuses, an analyzer makes the hazards
// other than front lines by patching the last date's where areas, incidents and constraints entered or left
// (hazards/patchedBaseHazards.ts), and says which edges can differ from the last hazards. The situations below
// date areas (some contested, so they give reasons, and derived front lines change with them), constraints, a
// front line and a crossing's status inside the walked month, besides the incidents entering and leaving the
// window. One analyzer steps day by day, back, across a jump and out of the month and back; every step's
// hazards must be those of a fresh evaluation, the edges not listed as changed as they were, the last step's
// hazards as they read before, and the reports those of a fresh analyzer.
const FIRST = '2024-08-03';
const dayOf = (k: number) => addDays(FIRST, k);
const STEPS = [
  ...Array.from({ length: 16 }, (_, k) => k),
  ...[15, 14, 13, 12].map((k) => k - 1),
  4,
  5,
  6,
  29,
  30,
  7,
  8,
].map(dayOf);

function datedSituation(seed: number): Situation {
  const base = scaledSudanSituation(0.03, seed);
  const rand = mulberry32(seed);
  const day = () => dayOf(1 + Math.floor(rand() * 14));
  const areas = base.areas.map((a, i) => ({
    ...a,
    properties: {
      ...a.properties,
      confidence: i % 2 === 0 ? ('contested' as const) : a.properties.confidence,
      validFrom: i < 2 ? day() : '2024-01-01',
      validTo: i < 2 ? undefined : day(),
    },
  }));
  const constraints = base.constraints.map((c, i) =>
    i % 3 === 0
      ? { ...c, properties: { ...c.properties, validFrom: day(), validTo: undefined } }
      : i % 3 === 1
        ? { ...c, properties: { ...c.properties, validFrom: '2024-01-01', validTo: day() } }
        : c,
  );
  const frontlines = base.frontlines.map((f, i) =>
    i === 0 ? { ...f, properties: { ...f.properties, validFrom: '2024-01-01', validTo: day() } } : f,
  );
  // One crossing closes inside the month: that day's hazards are made whole, as its statuses differ.
  const crossings = base.crossings.map((c, i) =>
    i === 0
      ? {
          ...c,
          properties: {
            ...c.properties,
            statusHistory: [
              ...c.properties.statusHistory.filter((e) => e.date < FIRST),
              { date: day(), status: 'closed' as const, source: 'test' },
            ],
          },
        }
      : c,
  );
  return { ...base, areas, constraints, frontlines, crossings };
}

describe('hazards of another date patched from the last ones', () => {
  for (const seed of [3, 8, 21]) {
    it(
      `gives a fresh evaluation's hazards and reports on each step (seed ${seed})`,
      { timeout: 180_000 },
      () => {
        const situation = datedSituation(seed);
        const analyzer = createAnalyzer(situation);
        const edgeCount = analyzer.network.edges.length;
        const plain = (ctx: AnalysisContext) =>
          evaluateEdgeHazards(ctx.net, situation.scenario, ctx.layers, ctx.frontlines, new HazardCache());
        let last: { hazards: EdgeHazards; text: string } | undefined;
        let patched = 0;
        let changedEdges = 0;
        for (const [k, asOf] of STEPS.entries()) {
          const report = analyzer.analyze(asOf);
          const ctx = analyzer.context(asOf);
          const text = snapshot(ctx.hazards, edgeCount);
          expect(text, asOf).toBe(snapshot(plain(ctx), edgeCount));
          const changedFrom = ctx.hazards.changedFrom;
          if (changedFrom) {
            expect(changedFrom.before).toBe(last?.hazards);
            patched++;
            changedEdges += changedFrom.edges.length;
            const listed = new Set(changedFrom.edges);
            const before = changedFrom.before;
            for (let e = 0; e < edgeCount; e++)
              if (!listed.has(e)) {
                expect(ctx.hazards.status[e], `${asOf} edge ${e}`).toBe(before.status[e]);
                expect(ctx.hazards.routeStatus[e], `${asOf} edge ${e}`).toBe(before.routeStatus[e]);
                expect(JSON.stringify(ctx.hazards.reasons.get(e))).toBe(
                  JSON.stringify(before.reasons.get(e)),
                );
                expect(ctx.hazards.crossline.get(e)).toEqual(before.crossline.get(e));
              }
          }
          // The last step's hazards read as they did: the patch made new arrays and lists.
          if (last) expect(snapshot(last.hazards, edgeCount)).toBe(last.text);
          last = { hazards: ctx.hazards, text };
          if (k % 4 === 1 || k === STEPS.length - 1)
            expect(JSON.stringify(report), asOf).toBe(
              JSON.stringify(createAnalyzer(situation).analyze(asOf)),
            );
        }
        // Most one-day steps are patched (not the crossing's day, the jump out of the month and back), and the
        // patches change some edges: the test walks the path it is meant to.
        expect(patched).toBeGreaterThan(STEPS.length / 2);
        expect(changedEdges).toBeGreaterThan(0);
      },
    );
  }
});

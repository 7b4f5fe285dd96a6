import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import {
  ABSENT,
  evaluateEdgeHazards,
  type EdgeHazards,
} from '$lib/domain/analysis/hazards/evaluateEdgeHazards';
import { HazardCache } from '$lib/domain/analysis/hazards/hazardCache';
import type { AnalysisContext } from '$lib/domain/analysis/context';
import { statusByRank } from '$lib/domain/analysis/reasons';
import { round3, roundLine } from '$lib/domain/analysis/round';
import { compareStrings } from '$lib/domain/analysis/sortById';
import { parseSituation, type AnalysisOverridesInput } from '$lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { shiftedGeometry } from '../../bench/moveFrontline';
import { edgeHazardsText as snapshot } from '../helpers/edgeHazardsText';

// An analyzer keeps what each front line did to the edges and, after a line moves, takes out what it did and
// adds what it does now on the edges of either; the report keeps the last one's segments but for those edges.
// Each must give what the plain way gives, and what an earlier call returned must not change afterwards.
describe('edge hazards and segments after front lines move', () => {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.05)).input);
  const asOf = '2024-08-15';
  const [first, second] = situation.frontlines;
  const steps: AnalysisOverridesInput[] = [
    {},
    { frontlines: [{ id: first.properties.id, geometry: shiftedGeometry(first, 2) }] },
    { frontlines: [{ id: first.properties.id, geometry: shiftedGeometry(first, 5) }] },
    // The first line goes and the second moves.
    {
      frontlines: [
        { id: first.properties.id, remove: true },
        { id: second.properties.id, geometry: shiftedGeometry(second, 3) },
      ],
    },
    // A renamed line: the same edges, other reasons.
    {
      frontlines: [{ id: second.properties.id, name: 'Renamed line', actorIds: second.properties.actorIds }],
    },
    // A line added along the first one's moved course.
    {
      frontlines: [
        {
          id: 'added-line',
          actorIds: first.properties.actorIds,
          geometry: shiftedGeometry(first, 4),
        },
      ],
    },
    {},
  ];

  const plain = (ctx: AnalysisContext) =>
    evaluateEdgeHazards(ctx.net, situation.scenario, ctx.layers, ctx.frontlines, new HazardCache());

  it(
    'gives the hazards of a fresh evaluation, and earlier hazards read as they did',
    { timeout: 120_000 },
    () => {
      const analyzer = createAnalyzer(situation);
      const edgeCount = analyzer.network.edges.length;
      const earlier: { hazards: EdgeHazards; text: string }[] = [];
      for (const overrides of steps) {
        const ctx = analyzer.context(asOf, undefined, overrides);
        const text = snapshot(ctx.hazards, edgeCount);
        expect(text).toBe(snapshot(plain(ctx), edgeCount));
        // Only the moved lines' edges are said to have changed, and no other edge did.
        const before = ctx.hazards.changedFrom?.before;
        if (before) {
          const listed = new Set(ctx.hazards.changedFrom!.edges);
          for (let e = 0; e < edgeCount; e++)
            if (!listed.has(e)) {
              expect(ctx.hazards.status[e]).toBe(before.status[e]);
              expect(ctx.hazards.reasons.get(e)).toBe(before.reasons.get(e));
              expect(ctx.hazards.crossline.get(e)).toEqual(before.crossline.get(e));
            }
        }
        earlier.push({ hazards: ctx.hazards, text });
      }
      expect(earlier.some((h) => h.text !== earlier[0].text)).toBe(true);
      for (const { hazards, text } of earlier) expect(snapshot(hazards, edgeCount)).toBe(text);
    },
  );

  it(
    'keeps every report it returned unchanged, and gives the reports of a fresh analyzer',
    { timeout: 120_000 },
    () => {
      const analyzer = createAnalyzer(situation);
      const returned = steps.map((overrides) => {
        const report = analyzer.analyze(asOf, undefined, overrides);
        return { report, json: JSON.stringify(report) };
      });
      // Another date in between, then a move again: the earlier reports are still what they were.
      analyzer.analyze('2024-02-01');
      analyzer.analyze(asOf, undefined, steps[2]);
      for (const { report, json } of returned) expect(JSON.stringify(report)).toBe(json);
      expect(returned[1].json).not.toBe(returned[0].json);
      expect(returned[returned.length - 1].json).toBe(returned[0].json);
      const fresh = createAnalyzer(situation);
      for (const k of [3, 5])
        expect(JSON.stringify(fresh.analyze(asOf, undefined, steps[k]))).toBe(returned[k].json);
    },
  );

  it('gives after each step the segments of a walk over every edge in id order', { timeout: 120_000 }, () => {
    const analyzer = createAnalyzer(situation);
    const net = analyzer.network;
    const byId = net.edges
      .map((e) => e.index)
      .sort((a, b) => compareStrings(net.edges[a].id, net.edges[b].id));
    const counts: number[] = [];
    for (const overrides of [...steps, ...steps.slice(1, 4).reverse()]) {
      const report = analyzer.analyze(asOf, undefined, overrides);
      const h = analyzer.context(asOf, undefined, overrides).hazards;
      const plain = byId
        .filter((e) => h.status[e] !== 0 && h.status[e] !== ABSENT)
        .map((e) => ({
          id: net.edges[e].id,
          roadId: net.edges[e].roadId,
          status: statusByRank[h.status[e]],
          lengthKm: round3(net.edges[e].lengthKm),
          reasons: h.reasons.get(e) ?? [],
          geometry: { type: 'LineString', coordinates: roundLine(net.edges[e].coords) },
        }));
      expect(JSON.stringify(report.segments)).toBe(JSON.stringify(plain));
      counts.push(plain.length);
    }
    // Segments were both added and taken out between steps, so kept runs moved both ways in the list.
    expect(counts.some((n, i) => i > 0 && n > counts[i - 1])).toBe(true);
    expect(counts.some((n, i) => i > 0 && n < counts[i - 1])).toBe(true);
  });
});

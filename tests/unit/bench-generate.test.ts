import { describe, expect, it } from 'vitest';
import {
  generateSituation,
  generateSituationInput,
  SUDAN_SCALE,
  type GenerateOptions,
} from '../../bench/generate';

const small: GenerateOptions = {
  ...SUDAN_SCALE,
  seed: 7,
  roadSegments: 600,
  verticesPerRoad: 8,
  areas: 24,
  verticesPerArea: 120,
  sites: 120,
  incidents: 300,
  constraints: 20,
  corridors: 6,
  crosslineCrossings: 4,
};

describe('bench generator', () => {
  it('makes a situation the real parseSituation accepts, at the sizes asked for', () => {
    const { situation, stats } = generateSituation(small);
    expect(situation.roads).toHaveLength(600);
    expect(situation.roads.every((r) => r.geometry.coordinates.length === 8)).toBe(true);
    expect(situation.areas).toHaveLength(24);
    expect(situation.areas.every((a) => a.geometry.coordinates[0].length === 121)).toBe(true);
    expect(situation.sites).toHaveLength(120);
    expect(situation.incidents).toHaveLength(300);
    expect(situation.constraints).toHaveLength(20);
    expect(situation.frontlines.length).toBeGreaterThan(0);
    expect(stats.crosslineCrossings).toBe(4);
    expect(situation.crossings.filter((c) => c.properties.kind === 'international').length).toBe(
      stats.internationalCrossings,
    );
    // Hubs on both sides of the border, so cross-border access can be exercised.
    const hubs = situation.sites.filter((s) => s.properties.hub);
    expect(new Set(hubs.map((h) => h.properties.country))).toEqual(new Set(['SDN', 'TCD']));
    expect(situation.scenario.actors.filter((a) => a.deniesAccess)).toHaveLength(1);
  });

  it('is identical for the same seed and differs for another', () => {
    const a = JSON.stringify(generateSituationInput(small).input);
    const b = JSON.stringify(generateSituationInput(small).input);
    const c = JSON.stringify(generateSituationInput({ ...small, seed: 8 }).input);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('makes one connected road network whose segments share their end nodes exactly', () => {
    const { situation } = generateSituation(small);
    const key = (p: number[]) => `${p[0]},${p[1]}`;
    const links = new Map<string, string[]>();
    for (const r of situation.roads) {
      const c = r.geometry.coordinates;
      const [a, b] = [key(c[0]), key(c[c.length - 1])];
      links.set(a, [...(links.get(a) ?? []), b]);
      links.set(b, [...(links.get(b) ?? []), a]);
    }
    const start = links.keys().next().value!;
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0)
      for (const next of links.get(queue.pop()!)!) if (!seen.has(next) && seen.add(next)) queue.push(next);
    expect(seen.size).toBe(links.size);
    // A grid, not a set of loose segments: most nodes join three or more roads.
    const junctions = [...links.values()].filter((l) => l.length >= 3).length;
    expect(junctions / links.size).toBeGreaterThan(0.8);
  });

  it('draws front lines only between actors that oppose each other', () => {
    const { situation } = generateSituation(small);
    const opposes = new Map(situation.scenario.actors.map((a) => [a.id, new Set(a.opposes)]));
    for (const f of situation.frontlines) {
      const [a, b] = f.properties.actorIds;
      expect(opposes.get(a)!.has(b)).toBe(true);
    }
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, route } from '$lib/domain/analysis';
import type { Situation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'analysis');
const load = (name: string) => loadSituationFromDir(join(fixtures, name), fixtures);

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('analysis purity', () => {
  // Cases that together use every layer, overrides and routing.
  const cases = [
    'crossline-crossing',
    'override-move-frontline',
    'incidents-window-radius',
    'constraints',
    'derived-frontline',
  ];

  it.each(cases)('does not mutate its input (%s)', (name) => {
    const situation = load(name);
    const before = structuredClone(situation);
    const overrides = {
      crossings: [{ id: situation.crossings[0]?.properties.id ?? 'none', status: 'closed' as const }].filter(
        (c) => c.id !== 'none',
      ),
      frontlines: [
        {
          id: 'fl_test',
          actorIds: ['gov', 'reb'] as [string, string],
          geometry: {
            type: 'LineString' as const,
            coordinates: [
              [20.1, -0.1],
              [20.1, 0.1],
            ],
          },
        },
      ],
      month: 7,
    };
    const overridesBefore = structuredClone(overrides);
    // Frozen input: any write throws in strict mode (ES modules are strict).
    deepFreeze(situation);
    deepFreeze(overrides);
    const analyzer = createAnalyzer(situation);
    analyzer.analyze('2024-08-15');
    analyzer.analyze('2024-08-15', { frontlineBufferKm: 3 }, overrides);
    const hub = situation.sites.find((s) => s.properties.hub)!.properties.id;
    const other = situation.sites.find((s) => !s.properties.hub)!.properties.id;
    route(analyzer, hub, other, { asOf: '2024-08-15', overrides, alternatives: 3 });
    expect(situation).toEqual(before);
    expect(overrides).toEqual(overridesBefore);
  });

  it.each(cases)('gives byte-identical output for the same input (%s)', (name) => {
    const a = JSON.stringify(analyze(load(name), '2024-08-15'));
    const b = JSON.stringify(analyze(load(name), '2024-08-15'));
    expect(a).toBe(b);
  });

  it('does not depend on the order of the features in the layers', () => {
    const situation = load('incidents-window-radius');
    const reversed: Situation = {
      ...situation,
      roads: [...situation.roads].reverse(),
      sites: [...situation.sites].reverse(),
      incidents: [...situation.incidents].reverse(),
    };
    expect(JSON.stringify(analyze(reversed, '2024-08-15'))).toBe(
      JSON.stringify(analyze(situation, '2024-08-15')),
    );
  });

  it('gives the same report from a reused analyzer as from a fresh one (hazard cache)', () => {
    const situation = load('override-move-frontline');
    const analyzer = createAnalyzer(situation);
    analyzer.analyze('2024-08-15');
    const moved = analyzer.analyze(
      '2024-08-15',
      {},
      {
        frontlines: [
          {
            id: 'fl_center',
            geometry: {
              type: 'LineString',
              coordinates: [
                [20.3, -0.2],
                [20.3, 0.2],
              ],
            },
          },
        ],
      },
    );
    const fresh = createAnalyzer(situation).analyze(
      '2024-08-15',
      {},
      {
        frontlines: [
          {
            id: 'fl_center',
            geometry: {
              type: 'LineString',
              coordinates: [
                [20.3, -0.2],
                [20.3, 0.2],
              ],
            },
          },
        ],
      },
    );
    expect(moved).toEqual(fresh);
    // And going back to the stored line gives the first report again.
    expect(analyzer.analyze('2024-08-15')).toEqual(createAnalyzer(situation).analyze('2024-08-15'));
  });

  it('refuses overrides that name unknown features, with a message naming them', () => {
    const situation = load('crossline-crossing');
    expect(() =>
      analyze(situation, '2024-08-15', {}, { crossings: [{ id: 'x_nowhere', status: 'open' }] }),
    ).toThrow(/x_nowhere/);
    expect(() => analyze(situation, '2024-13-01')).toThrow(/2024-13-01/);
    expect(() => analyze(situation, '2024-08-15', { frontlineBufferKm: -1 })).toThrow(/frontlineBufferKm/);
  });
});

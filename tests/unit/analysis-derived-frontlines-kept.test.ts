import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import type { ActiveFrontline } from '$lib/domain/analysis/activeLayers';
import { deriveFrontlines } from '$lib/domain/analysis/frontlines/deriveFrontlines';
import type { AreaFeature, Scenario } from '$lib/domain/schemas';

// deriveFrontlines gives its last lines again when the scenario, the list of areas and the actor pairs of the
// drawn lines are those of its last call (a front line moved). Stepping one cache through seeded calls that
// repeat or change each of those must give, on every call, the lines a cache that never saw another call
// gives, and must reuse the last lines when nothing they depend on changed.

const ACTORS = ['a', 'b', 'c', 'd'];

/** A grid of unit squares (0.05°), each held by a seeded actor, some contested: neighbours share sides. */
function areasOf(rand: () => number, size: number, tag: string): AreaFeature[] {
  const out: AreaFeature[] = [];
  const step = 0.05;
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) {
      const [x, y] = [30 + i * step, 10 + j * step];
      out.push({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + step, y],
              [x + step, y + step],
              [x, y + step],
              [x, y],
            ],
          ],
        },
        properties: {
          id: `area-${tag}-${i}-${j}`,
          name: `Area ${i}/${j}`,
          actorId: ACTORS[Math.floor(rand() * ACTORS.length)],
          confidence: rand() < 0.15 ? 'contested' : rand() < 0.5 ? 'assessed' : 'claimed',
          validFrom: '2024-01-01',
        },
      } as AreaFeature);
    }
  return out;
}

function scenarioOf(rand: () => number): Scenario {
  return {
    actors: ACTORS.map((id) => ({
      id,
      name: `Actor ${id}`,
      opposes: ACTORS.filter((o) => o !== id && rand() < 0.7),
    })),
  } as unknown as Scenario;
}

function drawnOf(rand: () => number): ActiveFrontline[] {
  const out: ActiveFrontline[] = [];
  for (let k = 0; k < 3; k++) {
    if (rand() < 0.5) continue;
    const x = ACTORS[Math.floor(rand() * ACTORS.length)];
    const y = ACTORS[Math.floor(rand() * ACTORS.length)];
    if (x === y) continue;
    const lines = [
      [
        [30, 10],
        [30.1, 10.1],
      ],
    ];
    out.push({
      id: `fl-${k}`,
      name: `Line ${k}`,
      actorIds: [x, y],
      origin: 'drawn',
      lines,
      geometryKey: lines,
    });
  }
  return out;
}

const linesOf = (lines: ActiveFrontline[]) =>
  JSON.stringify(lines.map((f) => [f.id, f.name, f.actorIds, f.origin, f.lines]));

describe('derived front lines on a re-analysis', () => {
  it('give what a fresh cache gives, and the last lines when nothing they depend on changed', () => {
    let reused = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const rand = mulberry32(900 + seed);
      const cache = new Map<string, { a: object; b: object; lines: ActiveFrontline['lines'] }>();
      let scenario = scenarioOf(rand);
      let areas = areasOf(rand, 5, `${seed}-0`);
      let drawn = drawnOf(rand);
      let last: ActiveFrontline[] | undefined;
      let lastInputs: unknown[] | undefined;
      for (let step = 0; step < 30; step++) {
        // Mostly the same call again, with the drawn lines made again as objects (as after a move); sometimes
        // other drawn pairs, another list of areas (the same features, or other ones), or another scenario.
        const r = rand();
        if (r < 0.25) drawn = drawnOf(rand);
        else if (r < 0.3) areas = areas.slice();
        else if (r < 0.4) areas = areasOf(rand, 4 + Math.floor(rand() * 3), `${seed}-${step}`);
        else if (r < 0.45) scenario = scenarioOf(rand);
        else drawn = drawn.map((f) => ({ ...f }));
        const stepped = deriveFrontlines(scenario, areas, drawn, cache);
        const fresh = deriveFrontlines(scenario, areas, drawn, new Map());
        const at = `seed ${seed}, step ${step}`;
        expect(linesOf(stepped), at).toBe(linesOf(fresh));
        const pairs = drawn.map((f) => [...f.actorIds].sort().join('|')).sort();
        const inputs = [scenario, areas, [...new Set(pairs)].join(',')];
        if (last && lastInputs?.every((x, i) => x === inputs[i])) {
          expect(stepped.length, at).toBe(last.length);
          stepped.forEach((f, i) => expect(f, at).toBe(last![i]));
          reused++;
        }
        last = stepped;
        lastInputs = inputs;
      }
    }
    expect(reused).toBeGreaterThan(30);
  });
});

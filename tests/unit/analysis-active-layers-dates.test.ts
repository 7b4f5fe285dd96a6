import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { activeLayersOn } from '$lib/domain/analysis/activeLayers';
import { analysisOverridesSchema, analysisParamsSchema, type Situation } from '$lib/domain/schemas';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// The layers of a date are selected from those of the last date where no feature starts or ends in between:
// stepping one selector through dates, near and far, forwards and backwards, must give on each date the
// features a selector that never saw another date gives.

const DAY = 86_400_000;
const dateOf = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * DAY).toISOString().slice(0, 10);

/** The situation with some features of every dated layer given a start, an end or both, within 2024. */
function datedSituation(seed: number): Situation {
  const rand = mulberry32(seed);
  const base = scaledSudanSituation(0.01, seed);
  const dated = <T extends { properties: object }>(list: readonly T[]): T[] =>
    list.map((f) => {
      const r = rand();
      if (r < 0.5) return f;
      const from = Math.floor(rand() * 300);
      const properties = {
        ...f.properties,
        ...(r < 0.8 ? { validFrom: dateOf(from) } : {}),
        ...(r > 0.65 ? { validTo: dateOf(from + 1 + Math.floor(rand() * 60)) } : {}),
      };
      return { ...f, properties };
    });
  return {
    ...base,
    crossings: dated(base.crossings),
    frontlines: dated(base.frontlines),
    areas: dated(base.areas),
    sites: dated(base.sites),
    roads: dated(base.roads),
    corridors: dated(base.corridors),
    constraints: dated(base.constraints),
  };
}

const ids = (list: readonly { properties: { id: string } }[]) => list.map((f) => f.properties.id);

describe('activeLayersOn from date to date', () => {
  it('selects on each date the features a fresh selector selects', () => {
    const params = analysisParamsSchema.parse({});
    const overrides = analysisOverridesSchema.parse({});
    for (let seed = 1; seed <= 3; seed++) {
      const situation = datedSituation(seed);
      const rand = mulberry32(100 + seed);
      const layersOn = activeLayersOn(situation);
      let day = 150;
      for (let step = 0; step < 60; step++) {
        // Mostly a day or a few either way, sometimes a far jump, sometimes the same date again.
        const r = rand();
        day += r < 0.1 ? 0 : r < 0.8 ? Math.round((rand() - 0.5) * 8) : Math.round((rand() - 0.5) * 400);
        const asOf = dateOf(day);
        const stepped = layersOn(asOf, params, overrides);
        const fresh = activeLayersOn(situation)(asOf, params, overrides);
        const at = `seed ${seed}, ${asOf}`;
        expect(ids(stepped.crossings.map((c) => c.feature)), at).toEqual(
          ids(fresh.crossings.map((c) => c.feature)),
        );
        expect(
          stepped.frontlines.map((f) => f.id),
          at,
        ).toEqual(fresh.frontlines.map((f) => f.id));
        expect(ids(stepped.areas), at).toEqual(ids(fresh.areas));
        expect(ids(stepped.sites), at).toEqual(ids(fresh.sites));
        expect([...stepped.roadIds], at).toEqual([...fresh.roadIds]);
        expect(ids(stepped.corridors), at).toEqual(ids(fresh.corridors));
        expect(ids(stepped.constraints), at).toEqual(ids(fresh.constraints));
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { activeLayersKey, activeLayersOn, type ActiveLayers } from '$lib/domain/analysis/activeLayers';
import { analysisOverridesSchema, analysisParamsSchema } from '$lib/domain/schemas';
import { scaledSudanSituation } from '../helpers/scaledSudanSituation';

// A selector gives the last call's incidents and crossings again when the date, the incident window and the
// forced crossings are the same (a front line moved): stepping one selector through calls that repeat or
// change each of those must give, on every call, the lists and the key a selector that never saw another call
// gives, and must reuse the lists when nothing they depend on changed.

const DAY = 86_400_000;
const dateOf = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * DAY).toISOString().slice(0, 10);

const crossingsOf = (layers: ActiveLayers) =>
  layers.crossings.map((c) => [c.feature.properties.id, c.status, c.since]);
const incidentIdsOf = (layers: ActiveLayers) => layers.incidents.map((i) => i.properties.id);

describe('activeLayersOn with the same date again', () => {
  it('gives what a fresh selector gives, and the same lists when nothing they depend on changed', () => {
    const statuses = ['open', 'restricted', 'closed'] as const;
    let reused = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const situation = scaledSudanSituation(0.01, seed);
      const crossingIds = situation.crossings.map((c) => c.properties.id);
      const rand = mulberry32(200 + seed);
      const layersOn = activeLayersOn(situation);
      let day = 200;
      let windowDays = 30;
      let forced: { id: string; status: (typeof statuses)[number] }[] = [];
      let last: ActiveLayers | undefined;
      let lastInputs = '';
      for (let step = 0; step < 40; step++) {
        // Mostly the same call again (as after a moved front line), sometimes another date, window or
        // set of forced crossings (a status forced again, or another one).
        const r = rand();
        if (r < 0.15) day += Math.round((rand() - 0.5) * 20);
        else if (r < 0.25) windowDays = Math.floor(rand() * 90);
        else if (r < 0.4)
          forced =
            rand() < 0.3
              ? []
              : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
                  id: crossingIds[Math.floor(rand() * crossingIds.length)],
                  status: statuses[Math.floor(rand() * 3)],
                }));
        const asOf = dateOf(day);
        const params = analysisParamsSchema.parse({ incidentWindowDays: windowDays });
        const overrides = analysisOverridesSchema.parse({ crossings: forced });
        const stepped = layersOn(asOf, params, overrides);
        const fresh = activeLayersOn(situation)(asOf, params, overrides);
        const at = `seed ${seed}, step ${step}`;
        expect(crossingsOf(stepped), at).toEqual(crossingsOf(fresh));
        expect(incidentIdsOf(stepped), at).toEqual(incidentIdsOf(fresh));
        expect(activeLayersKey(stepped), at).toBe(activeLayersKey(fresh));
        const inputs = JSON.stringify([asOf, windowDays, forced]);
        if (last && inputs === lastInputs) {
          expect(stepped.crossings, at).toBe(last.crossings);
          expect(stepped.incidents, at).toBe(last.incidents);
          reused++;
        }
        last = stepped;
        lastInputs = inputs;
      }
    }
    expect(reused).toBeGreaterThan(20);
  });
});

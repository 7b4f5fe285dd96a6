// The tiled map's feature state (`featureStates.ts`): what a date's verdicts set on each feature, and the
// changes from one date to the next, which must leave the map as if the new date had been set from scratch.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import {
  diffFeatureStates,
  featureStatesOf,
  type FeatureStates,
  type FeatureStateValues,
} from '$lib/map/featureStates';
import { mapVerdicts } from '$lib/map/mapVerdicts';
import { SHOWN_STATE } from '$lib/map/tiledStyle';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const geodata = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
const analyzer = createAnalyzer(geodata);
/** A group the date names nothing in. */
const none: ReadonlyMap<string, FeatureStateValues> = new Map();
const statesOn = (date: string) => featureStatesOf(mapVerdicts(geodata, analyzer.analyze(date)));

/**
 * A group's feature state as MapLibre keeps it: a set merges its values into what the feature had, a
 * remove drops them all. Counts the calls.
 */
function modelOf(start: ReadonlyMap<string, FeatureStateValues>) {
  const held = structuredClone(new Map(start));
  const calls = { set: 0, remove: 0 };
  return {
    held,
    calls,
    to: {
      remove(id: string) {
        calls.remove++;
        held.delete(id);
      },
      set(id: string, state: FeatureStateValues) {
        calls.set++;
        held.set(id, { ...held.get(id), ...state });
      },
    },
  };
}

describe('the feature state of a date', () => {
  it('draws the sites, corridors and crossings as the dated facts say', () => {
    const aug2024 = statesOn('2024-08-20');
    expect(aug2024.sites.get('sd_el_fasher')).toMatchObject({ besieged: true });
    expect(aug2024.sites.get('sd_zamzam')).toMatchObject({ famine: true });
    expect(aug2024.crossings.get('td_adre_crossing')).toEqual({ status: 'open' });
    // Zamzam was emptied in April 2025: no one counted there by June.
    expect(statesOn('2025-06-01').sites.get('sd_zamzam')).toMatchObject({ population: 0 });
    // Adré was closed by the authorities in Port Sudan from February to August 2024.
    expect(statesOn('2024-03-01').crossings.get('td_adre_crossing')).toEqual({ status: 'closed' });
    for (const c of aug2024.corridors.values()) expect(['open', 'at_risk', 'blocked']).toContain(c.status);
  });

  it('adds what counts on the date to the same feature, and shows only the recent incidents', () => {
    const v = mapVerdicts(geodata, analyzer.analyze('2025-06-01'));
    const states = featureStatesOf(v);
    const hiddenAreas = v.visibility.hidden.areas ?? [];
    expect(hiddenAreas.length).toBeGreaterThan(0);
    for (const id of hiddenAreas) expect(states.areas.get(id), id).toEqual({ [SHOWN_STATE]: false });
    expect([...states.incidents.keys()].sort()).toEqual([...v.visibility.incidents].sort());
    expect(v.visibility.impassable.length).toBeGreaterThan(0);
    for (const id of v.visibility.impassable) expect(states.roads.get(id), id).toEqual({ impassable: true });
    // A feature with a verdict that is also hidden keeps its verdict beside being hidden.
    const hidden = featureStatesOf({
      ...v,
      visibility: { ...v.visibility, hidden: { ...v.visibility.hidden, sites: ['sd_zamzam'] } },
    });
    expect(hidden.sites.get('sd_zamzam')).toEqual({ ...states.sites.get('sd_zamzam'), [SHOWN_STATE]: false });
    expect(states.sites.get('sd_zamzam')).not.toHaveProperty(SHOWN_STATE);
  });
});

describe('the changes from one date to the next', () => {
  const dates = ['2023-05-01', '2024-03-01', '2024-08-20', '2024-08-21', '2025-06-01', '2025-11-04'];
  const states = dates.map(statesOn);

  it('leave each group as if the new date had been set from scratch, date after date', () => {
    let before: FeatureStates = {};
    for (const [i, now] of states.entries()) {
      for (const group of new Set([...Object.keys(before), ...Object.keys(now)])) {
        const model = modelOf(before[group] ?? none);
        diffFeatureStates(before[group] ?? none, now[group] ?? none, model.to);
        expect(model.held, `${group} on ${dates[i]}`).toEqual(now[group] ?? none);
      }
      before = now;
    }
  });

  it('name only the features whose state changed', () => {
    // From one day to the next, in the siege of El Fasher: most features keep their state.
    const [aug20, aug21] = [states[2], states[3]];
    let changed = 0;
    let features = 0;
    for (const group of Object.keys(aug21)) {
      const model = modelOf(aug20[group] ?? none);
      diffFeatureStates(aug20[group] ?? none, aug21[group], model.to);
      changed += model.calls.set + model.calls.remove;
      features += aug21[group].size;
    }
    expect(features).toBeGreaterThan(50);
    expect(changed).toBeLessThan(features / 5);
    // The same date twice: nothing to do.
    const same = modelOf(aug21.sites);
    diffFeatureStates(aug21.sites, statesOn('2024-08-21').sites, same.to);
    expect(same.calls).toEqual({ set: 0, remove: 0 });
  });

  it('drop a value a feature no longer has, and send back to its default a feature the date no longer names', () => {
    const before = new Map<string, FeatureStateValues>([
      ['a', { status: 'open', shown: false }],
      ['b', { status: 'closed' }],
    ]);
    const model = modelOf(before);
    diffFeatureStates(before, new Map([['a', { status: 'open' }]]), model.to);
    expect(model.held).toEqual(new Map([['a', { status: 'open' }]]));
    expect(model.calls).toEqual({ set: 1, remove: 2 });
  });
});

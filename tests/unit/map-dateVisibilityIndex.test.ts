import { describe, expect, it } from 'vitest';
import { parseSituation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { isInWindow, isValidOn } from '$lib/domain/asOf';
import type { Situation } from '$lib/domain/schemas';
import type { DateVisibility } from '$lib/map/dateVisibility';
import { dateVisibilityOn } from '$lib/map/dateVisibilityIndex';
import { INCIDENT_WINDOW_DAYS } from '$lib/map/mapData';
import { generateSituationInput, sudanScaled } from '../../bench/generate';
import { mulberry32 } from '../../bench/prng';
import { situation as fixture } from './map-fixture';

// The verdicts of a date take the visibility lists from an index made once per situation: they must be the
// lists read plainly from the whole situation on the date (below), in the same order, with the same groups.

type Dated = { properties: { id: string; validFrom?: string; validTo?: string } };

/** Every feature read on the date, as `situationOn` and `mapDataOn` decide what counts and is impassable. */
function plainVisibility(situation: Situation, asOf: string): DateVisibility {
  const notInForce = (list: readonly Dated[]) =>
    list.filter((f) => !isValidOn(f.properties, asOf)).map((f) => f.properties.id);
  // The areas tile layer also holds the siege rings (`tileFeatures`).
  const sieges = situation.constraints.filter((c) => c.properties.kind === 'siege');
  const hidden: DateVisibility['hidden'] = {
    admin: notInForce(situation.admin),
    areas: [...notInForce(situation.areas), ...notInForce(sieges)],
    frontlines: notInForce(situation.frontlines),
    roads: notInForce(situation.roads),
    corridors: notInForce(situation.corridors),
    sites: notInForce(situation.sites),
    crossings: notInForce(situation.crossings),
  };
  for (const [group, ids] of Object.entries(hidden))
    if (ids.length === 0) delete hidden[group as keyof typeof hidden];
  const month = Number(asOf.slice(5, 7));
  return {
    hidden,
    incidents: situation.incidents
      .filter((i) => isInWindow(i.properties.date, asOf, INCIDENT_WINDOW_DAYS))
      .map((i) => i.properties.id),
    impassable: situation.roads
      .filter((r) => isValidOn(r.properties, asOf) && r.properties.impassableMonths.includes(month))
      .map((r) => r.properties.id),
  };
}
const dates = (seed: number, n: number) => {
  const random = mulberry32(seed);
  const start = Date.parse('2022-11-01T00:00:00Z');
  return Array.from({ length: n }, () =>
    new Date(start + Math.floor(random() * 1200) * 86_400_000).toISOString().slice(0, 10),
  );
};

describe('dateVisibilityOn', () => {
  it('gives the plainly read lists on the fixture, the default scenario and a generated situation', () => {
    let impassable = 0;
    const generated = parseSituation(generateSituationInput(sudanScaled(0.02, 4)).input);
    for (const [name, situation] of [
      ['fixture', fixture()],
      ['default scenario', loadSituationFromDir('geodata')],
      ['generated', generated],
    ] as const) {
      let groups = 0;
      let incidents = 0;
      for (const date of [...dates(22, 40), '2024-08-15', '2024-03-01']) {
        const plain = plainVisibility(situation, date);
        const indexed = dateVisibilityOn(situation, date);
        // Same lists, same order, same keys in the same order (the body's bytes).
        expect(JSON.stringify(indexed), `${name} ${date}`).toBe(JSON.stringify(plain));
        groups += Object.keys(plain.hidden).length;
        incidents += plain.incidents.length;
        impassable += plain.impassable.length;
      }
      // The dates are ones where something is out of force and some incidents count.
      expect(groups, name).toBeGreaterThan(0);
      expect(incidents, name).toBeGreaterThan(0);
    }
    expect(impassable).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSituation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { dateVisibilityOn } from '$lib/map/dateVisibilityIndex';
import { generateSituationInput, sudanScaled } from '../../bench/generate';
import { mulberry32 } from '../../bench/prng';
import { situation as fixture } from './map-fixture';
import { plainVisibility } from '../helpers/plainVisibility';

// The verdicts of a date take the visibility lists from an index made once per situation: they must be the
// lists read plainly from the whole situation on the date (`tests/helpers/plainVisibility.ts`), in the same order, with the same groups.

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

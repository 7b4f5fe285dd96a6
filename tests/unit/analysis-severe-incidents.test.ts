import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { createBoxIndex } from '$lib/domain/geo/createBoxIndex';
import { expandBboxKm } from '$lib/domain/geo/expandBboxKm';
import { haversineKm } from '$lib/domain/geo/haversineKm';
import { compareStrings } from '$lib/domain/analysis/sortById';
import { severeIncidentsOf, SevereIncidents } from '$lib/domain/analysis/access/severeIncidents';
import type { IncidentFeature } from '$lib/domain/schemas';

// The index of the incidents that count on a date must find what the index of every incident, filtered
// by severity and the date's ids, found (protectionReasons before), in the same order.

function incidentsOf(rand: () => number, n: number): IncidentFeature[] {
  return Array.from(
    { length: n },
    (_, i) =>
      ({
        type: 'Feature',
        properties: { id: `inc-${Math.floor(rand() * 1e6)}-${i}`, severity: 1 + Math.floor(rand() * 3) },
        // Some on the same spot, some on the query box's edge (whole tenths of a degree).
        geometry: {
          type: 'Point',
          coordinates:
            i % 7 === 0 ? [30, 15] : [28 + Math.round(rand() * 40) / 10, 13 + Math.round(rand() * 40) / 10],
        },
      }) as unknown as IncidentFeature,
  );
}

function nearByEveryIncident(
  incidents: readonly IncidentFeature[],
  active: ReadonlySet<string>,
  position: [number, number],
  radius: number,
) {
  const index = createBoxIndex(incidents.length, (i) => {
    const [x, y] = incidents[i].geometry.coordinates;
    return [x, y, x, y];
  });
  const box = expandBboxKm([position[0], position[1], position[0], position[1]], radius);
  return index
    .search(box[0], box[1], box[2], box[3])
    .map((i) => incidents[i])
    .filter(
      (inc) =>
        inc.properties.severity >= 2 &&
        active.has(inc.properties.id) &&
        haversineKm(position, inc.geometry.coordinates) <= radius,
    )
    .sort((x, y) => compareStrings(x.properties.id, y.properties.id));
}

describe('SevereIncidents', () => {
  it('finds the incidents the index of every incident finds, in id order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const incidents = incidentsOf(rand, Math.floor(rand() * 600));
      const active = new Set(incidents.filter(() => rand() < 0.4).map((i) => i.properties.id));
      const severe = new SevereIncidents(incidents, active);
      let found = 0;
      for (let q = 0; q < 40; q++) {
        const position: [number, number] = q % 5 === 0 ? [30, 15] : [28 + rand() * 4, 13 + rand() * 4];
        const radius = [1, 25, 60, 150][q % 4];
        const box = expandBboxKm([position[0], position[1], position[0], position[1]], radius);
        const want = nearByEveryIncident(incidents, active, position, radius);
        found += want.length;
        expect(severe.near(position, box, radius), `seed ${seed}`).toEqual(want);
      }
      if (incidents.length > 100) expect(found).toBeGreaterThan(0);
    }
  });

  it('is made again when the active ids are another set', () => {
    const incidents = incidentsOf(mulberry32(7), 50);
    const a = new Set(incidents.map((i) => i.properties.id));
    expect(severeIncidentsOf(incidents, a)).toBe(severeIncidentsOf(incidents, a));
    expect(severeIncidentsOf(incidents, new Set(a))).not.toBe(severeIncidentsOf(incidents, a));
  });
});

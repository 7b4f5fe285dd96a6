import { describe, expect, it } from 'vitest';
import { aidIncidentsInWindow } from '$lib/domain/analysis/aidIncidents';
import { isInWindow } from '$lib/domain/asOf';
import type { IncidentFeature } from '$lib/domain/schemas';
import { addDays } from '$lib/domain/calendarDays';
import { mulberry32 } from '../../bench/prng';

// The incidents of violence against aid in a window are picked from each list's aid incidents with their days
// read once per list (aidIncidents.ts). Over seeded lists of incidents around the dates asked (leap days and
// year ends among them), several dates and windows per list (whole and fractional days, none), each list asked
// again after another, the pick must be the plain filter by category and `isInWindow`, in list order.
const categories = ['violence_against_aid', 'hostilities', 'violence_against_civilians'] as const;

function incidentsOf(seed: number): IncidentFeature[] {
  const rand = mulberry32(seed);
  const list: IncidentFeature[] = [];
  for (let k = 0; k < 400; k++)
    list.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [30, 15] },
      properties: {
        id: `incident-${seed}-${k}`,
        name: `Incident ${k}`,
        source: 'report',
        sensitivity: 'public',
        date: addDays('2023-12-20', Math.floor(rand() * 500)),
        category: categories[Math.floor(rand() * categories.length)],
        severity: 2,
        verification: 'verified',
      },
    });
  return list;
}

describe('incidents of violence against aid in a window', () => {
  it('are those a plain filter picks', () => {
    const lists = [1, 2, 3, 4, 5, 6].map(incidentsOf);
    const rand = mulberry32(99);
    let picked = 0;
    for (let round = 0; round < 300; round++) {
      const list = lists[Math.floor(rand() * lists.length)];
      const asOf = addDays('2024-01-01', Math.floor(rand() * 480));
      const windowDays = [0, 1, 7, 30, 30.5, 90, 365][Math.floor(rand() * 7)];
      const plain = list.filter(
        (i) =>
          i.properties.category === 'violence_against_aid' && isInWindow(i.properties.date, asOf, windowDays),
      );
      const where = `round ${round}, ${asOf}, ${windowDays} days`;
      expect(aidIncidentsInWindow(list, asOf, windowDays), where).toEqual(plain);
      picked += plain.length;
    }
    expect(picked).toBeGreaterThan(1000);
  });
});

import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { EdgeReasons } from '$lib/domain/analysis/hazards/edgeReasons';
import { addSeasonalHazards } from '$lib/domain/analysis/hazards/seasonalHazards';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { monthNames } from '$lib/domain/analysis/reasons';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

/** Seeded crossing roads, some impassable in a few months, some laid twice under one id or two. */
function seasonalRoads(rand: () => number): RoadFeature[] {
  const roads: RoadFeature[] = [];
  for (let r = 0; r < 40; r++) {
    let p: Position = [30 + rand(), 10 + rand()];
    const line = [p];
    for (let k = 0; k < 2 + Math.floor(rand() * 6); k++)
      line.push((p = [p[0] + rand() * 0.2 - 0.1, p[1] + rand() * 0.2 - 0.1]));
    const months = Array.from({ length: 12 }, (_, m) => m + 1).filter(() => rand() < 0.3);
    const copies = rand() < 0.2 ? 2 : 1;
    for (let c = 0; c < copies; c++)
      roads.push(
        roadFeature.parse({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: line },
          properties: {
            id: `r${r}${c > 0 && rand() < 0.5 ? `-${c}` : ''}`,
            name: `road ${r}`,
            source: 'test',
            class: rand() < 0.5 ? 'track' : 'secondary',
            impassableMonths: months,
          },
        }),
      );
  }
  return roads;
}

describe('addSeasonalHazards', () => {
  it("gives each edge of a road closed in the month that road's closure, on every date of any month", () => {
    let closed = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const rand = mulberry32(9100 + seed);
      const net = buildRoadNetwork(seasonalRoads(rand), [], [], defaultNetworkOptions);
      // Months asked in a seeded order, each more than once, as dates come and go.
      const months = Array.from({ length: 16 }, () => 1 + Math.floor(rand() * 12));
      for (const month of months) {
        const out = new EdgeReasons(net.edges.length, () => true);
        addSeasonalHazards(net, month, out);
        net.edges.forEach((e, i) => {
          const expected = e.road.impassableMonths.includes(month)
            ? [
                {
                  code: 'seasonal_closure',
                  featureId: e.roadId,
                  detail: `${e.road.class} road "${e.road.name}" is impassable in ${monthNames[month - 1]}`,
                },
              ]
            : undefined;
          expect(out.get(i), `seed ${seed}, month ${month}, edge ${i}`).toEqual(expected);
          if (expected) closed++;
        });
      }
    }
    expect(closed).toBeGreaterThan(1000);
  });
});

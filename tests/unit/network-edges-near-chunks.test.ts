import type { Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { edgesNearLines } from '$lib/domain/analysis/network/edgeQueries';
import { segmentDistanceKm } from '$lib/domain/geo/segmentDistanceKm';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, source: 'test', class: 'primary' },
  });

/** A seeded wandering line over a 1° square taking `steps` steps of up to `step` degrees each way. */
function wanderingLine(rand: () => number, steps: number, step: number): Position[] {
  let p: Position = [30 + rand(), 10 + rand()];
  const line = [p];
  for (let k = 0; k < steps; k++) {
    p = [p[0] + (rand() - 0.5) * 2 * step, p[1] + (rand() - 0.5) * 2 * step];
    line.push(p);
  }
  return line;
}

/** A seeded line that runs one way in short steps, then turns back on itself (a front line's bend). */
function bentLine(rand: () => number): Position[] {
  const out: Position[] = [[30.2 + rand() * 0.3, 10.2 + rand() * 0.3]];
  const [dx, dy] = [(rand() - 0.5) * 0.02, (rand() - 0.5) * 0.02];
  for (let k = 0; k < 40; k++) {
    const [x, y] = out[out.length - 1];
    const back = k < 20 ? 1 : -1;
    out.push([x + back * dx + (rand() - 0.5) * 0.004, y + dy + (rand() - 0.5) * 0.004]);
  }
  return out;
}

describe('edgesNearLines along front lines of many short segments', () => {
  it('finds the edges testing every segment against every line segment finds, with fewer searches', () => {
    let found = 0;
    let searches = 0;
    let lineSegments = 0;
    for (let seed = 1; seed <= 3; seed++) {
      const rand = mulberry32(6100 + seed);
      const roads = Array.from({ length: 400 }, (_, r) => road(`r${r}`, wanderingLine(rand, 5, 0.015)));
      const net = buildRoadNetwork(roads, [], [], defaultNetworkOptions);
      const search = vi.spyOn(net.segIndex, 'search');
      for (let q = 0; q < 5; q++) {
        const km = [0, 0.5, 2, 6, 15][q];
        const lines = [wanderingLine(rand, 50, 0.004), bentLine(rand), wanderingLine(rand, 8, 0.05)];
        const plain = net.edges.flatMap((edge, e) =>
          edge.coords.some(
            (b, i) =>
              i > 0 &&
              lines.some((l) =>
                l.some((d, j) => j > 0 && segmentDistanceKm(edge.coords[i - 1], b, l[j - 1], d) <= km),
              ),
          )
            ? [e]
            : [],
        );
        search.mockClear();
        expect(edgesNearLines(net, lines, km), `seed ${seed}, km ${km}`).toEqual(plain);
        searches += search.mock.calls.length;
        lineSegments += lines.reduce((n, l) => n + l.length - 1, 0);
        found += plain.length;
      }
    }
    expect(found).toBeGreaterThan(800);
    // The short segments of a line are searched around a few at a time.
    expect(searches).toBeLessThan(lineSegments / 3);
  });
});

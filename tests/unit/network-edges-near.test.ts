import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import {
  edgesInsidePolygons,
  edgesNearLines,
  edgesNearPoint,
} from '$lib/domain/analysis/network/edgeQueries';
import { pointSegmentDistanceKm } from '$lib/domain/geo/pointSegmentDistanceKm';
import { segmentDistanceKm } from '$lib/domain/geo/segmentDistanceKm';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, source: 'test', class: 'primary' },
  });

/** Seeded wandering lines over a 1° square (roads, or with fewer steps front lines). */
function linesOf(rand: () => number, count: number, steps: number): Position[][] {
  return Array.from({ length: count }, () => {
    let p: Position = [30 + rand(), 10 + rand()];
    const line = [p];
    for (let k = 0; k < 1 + Math.floor(rand() * steps); k++) {
      p = [p[0] + (rand() - 0.5) * 0.15, p[1] + (rand() - 0.5) * 0.15];
      line.push(p);
    }
    return line;
  });
}

/** The edges with a segment for which `near` holds, testing every segment of every edge. */
function plainEdges(net: ReturnType<typeof buildRoadNetwork>, near: (a: Position, b: Position) => boolean) {
  return net.edges.flatMap((edge, e) =>
    edge.coords.some((b, i) => i > 0 && near(edge.coords[i - 1], b)) ? [e] : [],
  );
}

describe('edgesNearPoint and edgesNearLines', () => {
  it('find the edges within the distance exactly as testing every segment of every edge does', () => {
    let found = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const rand = mulberry32(5200 + seed);
      const roads = linesOf(rand, 40, 12).map((line, r) => road(`r${r}`, line));
      const net = buildRoadNetwork(roads, [], [], defaultNetworkOptions);
      // Queries one after the other, with areas between them (the table of edges found is shared by all).
      for (let q = 0; q < 6; q++) {
        const km = [0, 2, 8, 20][Math.floor(rand() * 4)];
        const p: Position = [30 + rand(), 10 + rand()];
        const nearPoint = plainEdges(net, (a, b) => pointSegmentDistanceKm(p, a, b) <= km);
        expect(edgesNearPoint(net, p, km), `seed ${seed}, query ${q}, point`).toEqual(nearPoint);
        const lines = linesOf(rand, 1 + Math.floor(rand() * 3), 6);
        const nearLines = plainEdges(net, (a, b) =>
          lines.some((l) => l.some((d, i) => i > 0 && segmentDistanceKm(a, b, l[i - 1], d) <= km)),
        );
        expect(edgesNearLines(net, lines, km), `seed ${seed}, query ${q}, lines`).toEqual(nearLines);
        edgesInsidePolygons(net, [[[...lines[0], lines[0][0]]]]);
        found += nearPoint.length + nearLines.length;
      }
    }
    expect(found).toBeGreaterThan(200);
  });
});

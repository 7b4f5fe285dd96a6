import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { edgesInsidePolygons } from '$lib/domain/analysis/network/edgeQueries';
import { segmentInsideIntervals } from '$lib/domain/geo/segmentInsideIntervals';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, source: 'test', class: 'primary' },
  });

/** Seeded wandering roads over a 1° square. */
function roadsOf(rand: () => number): RoadFeature[] {
  return Array.from({ length: 40 }, (_, r) => {
    let p: Position = [30 + rand(), 10 + rand()];
    const line = [p];
    for (let k = 0; k < 2 + Math.floor(rand() * 12); k++) {
      p = [p[0] + (rand() - 0.5) * 0.15, p[1] + (rand() - 0.5) * 0.15];
      line.push(p);
    }
    return road(`r${r}`, line);
  });
}

/** One to three seeded star-shaped polygons in the same square, some with a hole. */
function polygonsOf(rand: () => number): Position[][][] {
  return Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
    const cx = 30.2 + rand() * 0.6;
    const cy = 10.2 + rand() * 0.6;
    const ring = (r: number): Position[] => {
      const k = 3 + Math.floor(rand() * 20);
      const pts = Array.from({ length: k }, (_, j): Position => {
        const a = (2 * Math.PI * j) / k;
        const d = r * (0.5 + rand() / 2);
        return [cx + d * Math.cos(a), cy + d * Math.sin(a)];
      });
      return [...pts, pts[0]];
    };
    return rand() < 0.4 ? [ring(0.3), ring(0.08)] : [ring(0.3)];
  });
}

describe('edgesInsidePolygons', () => {
  it('finds the edges with a part inside exactly as testing every segment of every edge does', () => {
    let found = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const rand = mulberry32(4100 + seed);
      const net = buildRoadNetwork(roadsOf(rand), [], [], defaultNetworkOptions);
      // Several areas on one network, one after the other (the table of edges found is reused by each call).
      for (let area = 0; area < 4; area++) {
        const polygons = polygonsOf(rand);
        const plain = net.edges.flatMap((edge, e) =>
          edge.coords.some(
            (a, i) => i > 0 && segmentInsideIntervals(edge.coords[i - 1], a, polygons).length > 0,
          )
            ? [e]
            : [],
        );
        expect(edgesInsidePolygons(net, polygons), `seed ${seed}, area ${area}`).toEqual(plain);
        found += plain.length;
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});

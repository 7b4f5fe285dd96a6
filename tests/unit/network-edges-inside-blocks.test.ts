import type { Position } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { edgesInsidePolygons } from '$lib/domain/analysis/network/edgeQueries';
import { PolygonIndex } from '$lib/domain/geo/createPolygonIndex';
import { segmentInsideIntervals } from '$lib/domain/geo/segmentInsideIntervals';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, source: 'test', class: 'primary' },
  });

/** Many short seeded roads over a 1° square: a dense network, with grid cells of several segments each. */
function denseRoads(rand: () => number): RoadFeature[] {
  return Array.from({ length: 600 }, (_, r) => {
    let p: Position = [30 + rand(), 10 + rand()];
    const line = [p];
    for (let k = 0; k < 1 + Math.floor(rand() * 5); k++) {
      p = [p[0] + (rand() - 0.5) * 0.03, p[1] + (rand() - 0.5) * 0.03];
      line.push(p);
    }
    return road(`r${r}`, line);
  });
}

/** One or two large seeded star-shaped polygons over most of the square, some with a hole. */
function largePolygons(rand: () => number): Position[][][] {
  return Array.from({ length: 1 + Math.floor(rand() * 2) }, () => {
    const cx = 30.3 + rand() * 0.4;
    const cy = 10.3 + rand() * 0.4;
    const ring = (r: number): Position[] => {
      const k = 5 + Math.floor(rand() * 40);
      const pts = Array.from({ length: k }, (_, j): Position => {
        const a = (2 * Math.PI * j) / k;
        const d = r * (0.6 + (0.4 * rand()) / 1);
        return [cx + d * Math.cos(a), cy + d * Math.sin(a)];
      });
      return [...pts, pts[0]];
    };
    return rand() < 0.5 ? [ring(0.45), ring(0.12)] : [ring(0.45)];
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('edgesInsidePolygons on a dense network', () => {
  it('finds the edges testing every segment finds, deciding most blocks of segments with one test', () => {
    let found = 0;
    let tests = 0;
    let segments = 0;
    const meetsInside = vi.spyOn(PolygonIndex.prototype, 'meetsInside');
    for (let seed = 1; seed <= 4; seed++) {
      const rand = mulberry32(8800 + seed);
      const net = buildRoadNetwork(denseRoads(rand), [], [], defaultNetworkOptions);
      for (let area = 0; area < 3; area++) {
        const polygons = largePolygons(rand);
        const plain = net.edges.flatMap((edge, e) =>
          edge.coords.some(
            (a, i) => i > 0 && segmentInsideIntervals(edge.coords[i - 1], a, polygons).length > 0,
          )
            ? [e]
            : [],
        );
        meetsInside.mockClear();
        expect(edgesInsidePolygons(net, polygons), `seed ${seed}, area ${area}`).toEqual(plain);
        tests += meetsInside.mock.calls.length;
        segments += net.segEdge.length;
        found += plain.length;
      }
    }
    expect(found).toBeGreaterThan(2000);
    // Far fewer tests than segments: the blocks inside or outside the areas are decided by one each.
    expect(tests).toBeLessThan(segments / 2);
  });
});

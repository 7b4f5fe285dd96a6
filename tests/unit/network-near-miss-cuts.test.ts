import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { findRoadSplits } from '$lib/domain/analysis/network/findRoadSplits';
import { KM_PER_DEGREE } from '$lib/domain/geo/constants';
import { pointSegmentDistanceKm } from '$lib/domain/geo/pointSegmentDistanceKm';
import { projectOnSegment } from '$lib/domain/geo/projectOnSegment';
import { segmentIntersectionInto } from '$lib/domain/geo/segmentIntersection';

// The noding measures a near-miss (a vertex within the snap tolerance of another road's segment) with one
// projection for both the distance and the place of the cut. These compare its cuts with those of every
// pair of segments of two roads, measured with pointSegmentDistanceKm and projectOnSegment, on seeded random
// roads whose ends stop just short of, or just past, other roads.

const TOL_KM = 0.05;

/** Each road's cuts, sorted without repeats, from every pair of segments of different roads; `hits` counts the
 * near-misses. */
function cutsOfEveryPair(roads: Position[][], hits: { count: number }): number[][] {
  const cuts = roads.map((r) => [0, r.length - 1]);
  const tu = new Float64Array(2);
  for (let ri = 0; ri < roads.length; ri++)
    for (let rj = ri + 1; rj < roads.length; rj++)
      for (let ki = 0; ki + 1 < roads[ri].length; ki++)
        for (let kj = 0; kj + 1 < roads[rj].length; kj++) {
          const [a, b] = [roads[ri][ki], roads[ri][ki + 1]];
          const [c, d] = [roads[rj][kj], roads[rj][kj + 1]];
          if (segmentIntersectionInto(a, b, c, d, tu)) {
            cuts[ri].push(ki + tu[0]);
            cuts[rj].push(kj + tu[1]);
            continue;
          }
          const nearMiss = (
            p: Position,
            rp: number,
            pk: number,
            e: Position,
            f: Position,
            rs: number,
            ks: number,
          ) => {
            if (pointSegmentDistanceKm(p, e, f) > TOL_KM) return;
            hits.count++;
            cuts[rp].push(pk);
            cuts[rs].push(ks + projectOnSegment(p, e, f).t);
          };
          nearMiss(a, ri, ki, c, d, rj, kj);
          nearMiss(b, ri, ki + 1, c, d, rj, kj);
          nearMiss(c, rj, kj, a, b, ri, ki);
          nearMiss(d, rj, kj + 1, a, b, ri, ki);
        }
  return cuts.map((list) => [...new Set(list)].sort((x, y) => x - y));
}

describe('near-miss cuts', () => {
  it('cuts both roads where a vertex passes within the tolerance of another road, as every pair would', () => {
    const nearMisses = { count: 0 };
    for (let seed = 1; seed <= 12; seed++) {
      const rand = mulberry32(9100 + seed);
      const roads: Position[][] = [];
      for (let r = 0; r < 14; r++) {
        const line: Position[] = [[30 + rand() * 0.3, 12 + rand() * 0.3]];
        for (let v = 0; v < 5; v++) {
          const [x, y] = line[line.length - 1];
          line.push([x + (rand() - 0.5) * 0.1, y + (rand() - 0.5) * 0.1]);
        }
        // Half the roads end 0-1.4 tolerances off a point of an earlier road, on either side of it.
        if (r > 0 && rand() < 0.5) {
          const other = roads[Math.floor(rand() * r)];
          const k = Math.floor(rand() * (other.length - 1));
          const t = rand();
          const off = ((rand() * 2 - 1) * 1.4 * TOL_KM) / KM_PER_DEGREE;
          line[line.length - 1] = [
            other[k][0] + t * (other[k + 1][0] - other[k][0]) + off,
            other[k][1] + t * (other[k + 1][1] - other[k][1]) + off / 2,
          ];
        }
        roads.push(line);
      }
      const expected = cutsOfEveryPair(roads, nearMisses);
      const { splits } = findRoadSplits(roads, TOL_KM);
      const got = splits.map((list) => [...new Set(list)].sort((x, y) => x - y));
      expect(got, `seed ${seed}`).toEqual(expected);
    }
    // The data has near-misses to compare (shared vertices count too, as at distance 0).
    expect(nearMisses.count).toBeGreaterThan(20);
  });
});

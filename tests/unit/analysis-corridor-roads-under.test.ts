import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { createAnalyzer, defaultNetworkOptions } from '$lib/domain/analysis';
import { CORRIDOR_MATCH_KM, roadsUnder } from '$lib/domain/analysis/corridors/roadsUnder';
import type { AnalysisContext } from '$lib/domain/analysis/context';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { cumulativeKm } from '$lib/domain/geo/cumulativeKm';
import { pointAtKm } from '$lib/domain/geo/pointAtKm';
import { projectOnSegmentXY } from '$lib/domain/geo/projectOnSegment';
import { parseSituation, roadFeature, type RoadFeature } from '$lib/domain/schemas';

/**
 * `roadsUnder` the plain way: the line cut at its vertices and at every junction within CORRIDOR_MATCH_KM of
 * it, each piece given the edge nearest its middle within that distance among all the network's segments
 * (ties to the lower edge index), and the pieces over seasonal edges kept. The projections and distances are
 * those of `projectOnSegment` and `pointSegmentDistanceKm`, from the numbers they take (they measure with
 * `projectOnSegmentXY` too), so that a check of every junction and segment stays quick.
 */
function plainRoadsUnder(ctx: AnalysisContext, coords: readonly Position[], cum: readonly number[]) {
  const { net } = ctx;
  const distance = new Float64Array(1);
  const cosOf = (lat: number) => Math.cos((lat * Math.PI) / 180);
  const nodeCos = net.nodeLat.map(cosOf);
  const cuts = [...cum];
  for (let i = 0; i + 1 < coords.length; i++) {
    const [ax, ay] = coords[i];
    const [bx, by] = coords[i + 1];
    for (let node = 0; node < net.nodeCount; node++) {
      const t = projectOnSegmentXY(
        net.nodeLon[node],
        net.nodeLat[node],
        nodeCos[node],
        ax,
        ay,
        bx,
        by,
        distance,
      );
      if (distance[0] <= CORRIDOR_MATCH_KM) cuts.push(cum[i] + t * (cum[i + 1] - cum[i]));
    }
  }
  const sorted = [...new Set(cuts)].sort((a, b) => a - b);
  const c = net.segCoords;
  const km: number[] = [];
  const edge: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const from = sorted[i - 1];
    const to = sorted[i];
    if (to - from < 1e-9) continue;
    const [px, py] = pointAtKm(coords, cum, (from + to) / 2);
    const k = cosOf(py);
    let best: number | undefined;
    let bestKm = Infinity;
    for (let s = 0; s < net.segEdge.length; s++) {
      projectOnSegmentXY(px, py, k, c[4 * s], c[4 * s + 1], c[4 * s + 2], c[4 * s + 3], distance);
      const d = distance[0];
      const e = net.segEdge[s];
      if (d <= CORRIDOR_MATCH_KM && (d < bestKm || (d === bestKm && e < best!))) {
        bestKm = d;
        best = e;
      }
    }
    if (best !== undefined && net.edges[best].road.impassableMonths.length > 0) {
      km.push(from, to);
      edge.push(best);
    }
  }
  return { km, edge };
}

describe('roadsUnder', () => {
  it('finds the seasonal road under each piece as a search over every junction and segment does', () => {
    const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.002)).input);
    const ctx = createAnalyzer(situation).context('2024-08-15');
    const rand = mulberry32(7);
    let pieces = 0;
    let checked = 0;
    // The roads under a line as found, against the plain search.
    const check = (coords: Position[]) => {
      const cum = cumulativeKm(coords);
      const found = roadsUnder(ctx, coords, cum);
      const plain = plainRoadsUnder(ctx, coords, cum);
      expect({ km: [...found.km], edge: [...found.edge] }).toEqual(plain);
      pieces += plain.edge.length;
      checked++;
    };
    for (const corridor of situation.corridors.slice(0, 60)) {
      const own = corridor.geometry.coordinates;
      // The corridor as drawn (along its road), and moved off it by up to about 1 km, so that the nearest
      // edge is now another road's, now none.
      const shift = 0.012 * (rand() - 0.5);
      const moved = own.map((p) => [p[0] + shift, p[1] + 0.008 * (rand() - 0.5)]);
      check(own);
      check(moved);
    }
    // Corridors straight across the network, each one segment over junctions all along it: their cuts come
    // far out of order.
    const lons = situation.corridors.flatMap((c) => c.geometry.coordinates.map((p) => p[0]));
    const lats = situation.corridors.flatMap((c) => c.geometry.coordinates.map((p) => p[1]));
    const [w, e] = [Math.min(...lons), Math.max(...lons)];
    const [s, n] = [Math.min(...lats), Math.max(...lats)];
    for (const coords of [
      [
        [w, s],
        [e, n],
      ],
      [
        [e, (s + n) / 2],
        [w, (s + 2 * n) / 3],
      ],
    ])
      check(coords);
    // The seeded data has seasonal roads under many of these lines.
    expect(checked).toBe(122);
    expect(pieces).toBeGreaterThan(100);
  });

  it.each([10, 62, 88])(
    'gives each piece the nearest edge, and the lower of equally near ones, on roads laid twice (latitude %d)',
    (lat) => {
      // Roads wander over a few km, some closing in the rainy season; a third of them are laid twice (the same
      // line under another id, closing or not), so that a corridor along one has two edges at the same
      // distance under it, in either order of their indexes. Far from the equator the longitudes spread by the
      // cosine, so that the roads keep their shape on the ground and the boxes' longitude margins matter.
      const rand = mulberry32(11);
      const cos = Math.cos((lat * Math.PI) / 180);
      const lines: Position[][] = [];
      const roads: RoadFeature[] = [];
      const road = (coordinates: Position[], seasonal: boolean) =>
        roadFeature.parse({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates },
          properties: {
            id: `r${String(roads.length).padStart(3, '0')}`,
            name: 'r',
            source: 'test',
            class: 'track',
            impassableMonths: seasonal ? [7, 8] : [],
          },
        });
      for (let i = 0; i < 24; i++) {
        let p: Position = [30 + (0.05 / cos) * rand(), lat + 0.05 * rand()];
        const line: Position[] = [p];
        for (let v = 0; v < 5; v++)
          line.push((p = [p[0] + (0.01 / cos) * (rand() - 0.5), p[1] + 0.01 * (rand() - 0.5)]));
        lines.push(line);
        roads.push(road(line, rand() < 0.5));
        if (rand() < 0.35) roads.push(road(line, rand() < 0.5));
      }
      const net = buildRoadNetwork(roads, [], [], defaultNetworkOptions);
      const ctx = { net } as AnalysisContext;
      let pieces = 0;
      for (const line of lines) {
        // Along the road, beside it (up to about a km off), and across the others (its ends joined to another
        // road's middle).
        const dx = (0.012 / cos) * (rand() - 0.5);
        const dy = 0.012 * (rand() - 0.5);
        const beside = line.map((p) => [p[0] + dx, p[1] + dy]);
        const other = lines[Math.floor(rand() * lines.length)];
        const across = [line[0], other[2], other[3], line[5]];
        for (const coords of [line, beside, across]) {
          const cum = cumulativeKm(coords);
          const found = roadsUnder(ctx, coords, cum);
          const plain = plainRoadsUnder(ctx, coords, cum);
          expect({ km: [...found.km], edge: [...found.edge] }).toEqual(plain);
          pieces += plain.edge.length;
        }
      }
      expect(pieces).toBeGreaterThan(600);
    },
  );
});

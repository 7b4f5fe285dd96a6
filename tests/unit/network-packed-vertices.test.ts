import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { findRoadSplits } from '$lib/domain/analysis/network/findRoadSplits';
import { SegmentGrid } from '$lib/domain/analysis/network/segmentGrid';
import { haversineKm } from '$lib/domain/geo/haversineKm';
import { roadFeature, siteFeature, type RoadFeature, type SiteFeature } from '$lib/domain/schemas';

// The build reads the roads' segments from a packed copy of their ends rather than from their position
// arrays, works out the cut points' coordinates from it, and its grid grows the segments' boxes itself. These
// check, on seeded random roads, that every number it packs or works out is the one the position arrays give
// (junctions where the edges' lines start and end, packed segments, lengths and shared vertices as the lines
// themselves give them), and that the grid with a margin is the grid over a copy of the grown boxes.

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, source: 'test', class: 'primary' },
  });

const site = (id: string, p: Position): SiteFeature =>
  siteFeature.parse({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: p },
    properties: { id, name: id, source: 'test', kind: 'town', country: 'SDN' },
  });

/** Roads in a box of 0.2°, crossing each other; some start or end on another's vertex or just beside it. */
function randomRoads(seed: number): { roads: RoadFeature[]; sites: SiteFeature[] } {
  const rand = mulberry32(seed);
  const lines: Position[][] = [];
  const n = 2 + Math.floor(rand() * 25);
  for (let r = 0; r < n; r++) {
    const line: Position[] = [];
    const count = 2 + Math.floor(rand() * 8);
    for (let v = 0; v < count; v++) line.push([30 + rand() * 0.2, 12 + rand() * 0.2]);
    if (lines.length > 0 && rand() < 0.4) {
      const other = lines[Math.floor(rand() * lines.length)];
      const p = other[Math.floor(rand() * other.length)];
      // On the vertex, or within the snapping tolerance of it.
      line[0] = rand() < 0.5 ? [p[0], p[1]] : [p[0] + 0.0002, p[1]];
    }
    lines.push(line);
  }
  const sites: SiteFeature[] = [];
  for (let s = 0; s < 5; s++) sites.push(site(`s${s}`, [30 + rand() * 0.2, 12 + rand() * 0.2]));
  return { roads: lines.map((l, i) => road(`r${String(i).padStart(2, '0')}`, l)), sites };
}

describe('packed vertices of the build', () => {
  it('packs each road segment as its position arrays give it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const lines = randomRoads(seed).roads.map((r) => r.geometry.coordinates);
      const { segments } = findRoadSplits(lines, defaultNetworkOptions.snapToleranceKm);
      const unpacked: Position[][] = [];
      for (let r = 0; r < lines.length; r++) {
        const line: Position[] = [];
        for (let s = segments.start[r]; s < segments.start[r + 1]; s++) {
          if (s === segments.start[r]) line.push([segments.ends[4 * s], segments.ends[4 * s + 1]]);
          line.push([segments.ends[4 * s + 2], segments.ends[4 * s + 3]]);
        }
        unpacked.push(line);
      }
      expect(unpacked, `seed ${seed}`).toEqual(lines);
    }
  });

  it('finds with grown boxes (a margin) what a grid over the grown boxes finds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const n = 1 + Math.floor(rand() * 300);
      const ends = new Float64Array(4 * n);
      for (let i = 0; i < 4 * n; i++) ends[i] = (i % 2 === 0 ? 30 : 12) + rand() * 0.3;
      const mx = rand() * 0.01;
      const my = rand() * 0.01;
      // The straightforward way: the boxes grown, copied, and a grid over them.
      const grown = new Float64Array(4 * n);
      for (let i = 0; i < 4 * n; i += 4) {
        grown[i] = Math.min(ends[i], ends[i + 2]) - mx;
        grown[i + 1] = Math.min(ends[i + 1], ends[i + 3]) - my;
        grown[i + 2] = Math.max(ends[i], ends[i + 2]) + mx;
        grown[i + 3] = Math.max(ends[i + 1], ends[i + 3]) + my;
      }
      const cell = 0.005 + rand() * 0.05;
      const copy = new SegmentGrid(grown, cell);
      const grid = new SegmentGrid(ends, cell, mx, my);
      expect([grid.x0, grid.y0, grid.nx, grid.ny], `seed ${seed}`).toEqual([
        copy.x0,
        copy.y0,
        copy.nx,
        copy.ny,
      ]);
      expect([...grid.start], `seed ${seed}`).toEqual([...copy.start]);
      expect([...grid.items], `seed ${seed}`).toEqual([...copy.items]);
      for (let q = 0; q < 30; q++) {
        const x = 30 + rand() * 0.3;
        const y = 12 + rand() * 0.3;
        const w = rand() * 0.05;
        expect(grid.search(x, y, x + w, y + w), `seed ${seed}`).toEqual(copy.search(x, y, x + w, y + w));
      }
    }
  });

  it('gives the numbers of the position arrays to the edges, junctions and packed segments', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { roads, sites } = randomRoads(seed);
      const net = buildRoadNetwork(roads, [], sites, defaultNetworkOptions);
      const vertexOf = new Map<string, Set<Position>>();
      for (const r of roads) vertexOf.set(r.properties.id, new Set(r.geometry.coordinates));
      let s = 0;
      for (const e of net.edges) {
        const first = e.coords[0];
        const last = e.coords[e.coords.length - 1];
        // Object.is: the same numbers, bit for bit (also tells 0 from -0).
        expect(Object.is(first[0], net.nodeLon[e.from]) && Object.is(first[1], net.nodeLat[e.from])).toBe(
          true,
        );
        expect(Object.is(last[0], net.nodeLon[e.to]) && Object.is(last[1], net.nodeLat[e.to])).toBe(true);
        // Between its ends, an edge's line is the road's own positions.
        for (let i = 1; i + 1 < e.coords.length; i++)
          expect(vertexOf.get(e.roadId)!.has(e.coords[i]), `seed ${seed} edge ${e.id}`).toBe(true);
        let km = 0;
        for (let i = 0; i + 1 < e.coords.length; i++, s++) {
          expect(net.segEdge[s]).toBe(e.index);
          expect(net.segVertex[s]).toBe(i);
          expect([...net.segCoords.subarray(4 * s, 4 * s + 4)]).toEqual([...e.coords[i], ...e.coords[i + 1]]);
          km += haversineKm(e.coords[i], e.coords[i + 1]);
        }
        expect(e.lengthKm).toBe(km);
      }
      expect(s).toBe(net.segEdge.length);
    }
  });
});

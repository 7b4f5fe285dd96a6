import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { haversineKm } from '$lib/domain/geo/haversineKm';
import { projectOnSegment } from '$lib/domain/geo/projectOnSegment';
import { roadFeature, type RoadFeature, type SiteFeature } from '$lib/domain/schemas';

// The build finds the road nearest each site with the projection's arithmetic and no answer object per
// segment it meets. These compare the junction each site attaches to with the nearest point of every road
// segment found by projectOnSegment itself, on seeded random roads and sites.

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, source: 'test', class: 'primary' },
  });

const site = (id: string, p: Position) =>
  ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: p },
    properties: { id },
  }) as unknown as SiteFeature;

/** The nearest point of any road segment to p, by projectOnSegment over all of them, and its distance. */
function nearestByProjection(roads: RoadFeature[], p: Position): { point: Position; km: number } {
  let best = { point: p, km: Infinity };
  for (const r of roads) {
    const c = r.geometry.coordinates;
    for (let k = 0; k + 1 < c.length; k++) {
      const hit = projectOnSegment(p, c[k], c[k + 1]);
      if (hit.distanceKm < best.km) best = { point: hit.point, km: hit.distanceKm };
    }
  }
  return best;
}

describe('site attachment', () => {
  it('attaches each site at the junction where the nearest road passes nearest to it', () => {
    const tol = defaultNetworkOptions.snapToleranceKm;
    for (let seed = 1; seed <= 8; seed++) {
      const rand = mulberry32(4200 + seed);
      const roads: RoadFeature[] = [];
      for (let r = 0; r < 12; r++) {
        const line: Position[] = [[30 + rand(), 12 + rand()]];
        for (let v = 0; v < 6; v++) {
          const [x, y] = line[line.length - 1];
          line.push([x + (rand() - 0.5) * 0.2, y + (rand() - 0.5) * 0.2]);
        }
        roads.push(road(`r${r}`, line));
      }
      const sites = Array.from({ length: 30 }, (_, i) => site(`s${i}`, [30 + rand(), 12 + rand()]));
      const net = buildRoadNetwork(roads, [], sites, defaultNetworkOptions);
      for (const s of sites) {
        const p = s.geometry.coordinates;
        const expected = nearestByProjection(roads, p);
        const attached = net.siteAttachment.get(s.properties.id) ?? [];
        if (expected.km > defaultNetworkOptions.siteAttachKm) {
          expect(attached, `seed ${seed} ${s.properties.id}`).toEqual([]);
          continue;
        }
        expect(attached, `seed ${seed} ${s.properties.id}`).toHaveLength(1);
        // The junction is the cut at that point, or a cut snapped to it (within a few tolerances).
        const node: Position = [net.nodeLon[attached[0].node], net.nodeLat[attached[0].node]];
        expect(haversineKm(node, expected.point), `seed ${seed} ${s.properties.id}`).toBeLessThan(3 * tol);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { mulberry32 } from '../../bench/prng';
import { packPositions } from '$lib/domain/geo/packedPositions';

// Positions are given fresh arrays after zod's check (packedPositions.ts says why): every number, and whether
// a position has an altitude, must come through unchanged for every geometry type.
describe('packPositions', () => {
  it('keeps every coordinate of every geometry type, with or without altitude', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rand = mulberry32(5200 + seed);
      const pos = () => {
        const p = [rand() * 360 - 180, rand() * 180 - 90];
        if (rand() < 0.3) p.push(Math.round(rand() * 3000));
        if (rand() < 0.1) p[0] = Math.round(p[0]);
        return p;
      };
      const line = () => Array.from({ length: 2 + Math.floor(rand() * 6) }, pos);
      const geometries: Geometry[] = [
        { type: 'Point', coordinates: pos() },
        { type: 'MultiPoint', coordinates: line() },
        { type: 'LineString', coordinates: line() },
        { type: 'MultiLineString', coordinates: [line(), line()] },
        { type: 'Polygon', coordinates: [line(), line()] },
        { type: 'MultiPolygon', coordinates: [[line()], [line(), line()]] },
      ];
      geometries.push({ type: 'GeometryCollection', geometries: structuredClone(geometries) });
      for (const g of geometries) {
        const before = structuredClone(g);
        packPositions(g);
        expect(g, `seed ${seed}, ${g.type}`).toEqual(before);
      }
    }
  });
});

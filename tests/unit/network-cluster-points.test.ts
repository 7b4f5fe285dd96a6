import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { haversineKmLonLat } from '$lib/domain/geo/haversineKm';
import { clusterPoints } from '$lib/domain/analysis/network/clusterPoints';

// Cut points closer than the snap tolerance become one junction, numbered by the group's first point. Many
// cut points lie at exactly the same place (roads sharing an end); these tests pin that such repeats join
// the same groups as any other point would, transitively, whatever their order.

const TOL_KM = 0.05;
/** About 30 m of latitude: two steps chain, three do not meet directly. */
const STEP = 0.00027;

describe('clusterPoints', () => {
  it('groups repeated positions with their neighbours, the group rooted at its lowest index', () => {
    const lon = [30, 31, 30, 30, 31, 30];
    const lat = [10, 10, 10 + STEP, 10, 10, 10 + 2 * STEP];
    // 0, 3 at one place; 2 within tolerance of it; 5 within tolerance of 2 only; 1 and 4 far, together.
    expect([...clusterPoints(lon, lat, TOL_KM)]).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('chains through a repeated point that comes after its neighbours', () => {
    // 0 and 1 are two steps apart (out of tolerance); 2 sits between them; 3 repeats 2.
    const lon = [30, 30, 30, 30];
    const lat = [10, 10 + 2 * STEP, 10 + STEP, 10 + STEP];
    expect([...clusterPoints(lon, lat, TOL_KM)]).toEqual([0, 0, 0, 0]);
  });

  it('keeps points apart when only their repeats are many', () => {
    const lon = [30, 30, 30, 30];
    const lat = [10, 10, 10 + 4 * STEP, 10 + 4 * STEP];
    expect([...clusterPoints(lon, lat, TOL_KM)]).toEqual([0, 0, 2, 2]);
  });

  it('groups seeded points as joining every pair within tolerance does (its hash table changes nothing)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rand = mulberry32(seed);
      const n = 50 + Math.floor(rand() * 250);
      const lon: number[] = [];
      const lat: number[] = [];
      // Clumps of points a few tolerances wide, west and east of 0 and north and south of the equator, some
      // repeated exactly: cells with negative columns and rows, and chains across cell borders.
      const cx = (rand() - 0.5) * 40;
      const cy = (rand() - 0.5) * 60;
      for (let i = 0; i < n; i++) {
        if (i > 0 && rand() < 0.15) {
          const j = Math.floor(rand() * i);
          lon.push(lon[j]);
          lat.push(lat[j]);
        } else {
          lon.push(cx + (rand() - 0.5) * 0.01);
          lat.push(cy + (rand() - 0.5) * 0.01);
        }
      }
      const parent = lon.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (haversineKmLonLat(lon[i], lat[i], lon[j], lat[j]) <= TOL_KM) {
            const [a, b] = [find(i), find(j)];
            parent[Math.max(a, b)] = Math.min(a, b);
          }
      expect([...clusterPoints(lon, lat, TOL_KM)], `seed ${seed}`).toEqual(lon.map((_, i) => find(i)));
    }
  });

  it('groups as a pairwise join when nearly every point has a cell of its own (the table grows)', () => {
    // The cell table starts at about half a slot per point and doubles when half full: points a few cells
    // apart, with a few repeats and close pairs, fill it several times over.
    const rand = mulberry32(7);
    const lon: number[] = [];
    const lat: number[] = [];
    for (let i = 0; i < 400; i++) {
      if (i > 0 && rand() < 0.1) {
        const j = Math.floor(rand() * i);
        lon.push(lon[j] + (rand() < 0.5 ? 0 : STEP));
        lat.push(lat[j]);
      } else {
        lon.push(30 + (rand() - 0.5) * 0.2);
        lat.push(10 + (rand() - 0.5) * 0.2);
      }
    }
    const parent = lon.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let i = 0; i < lon.length; i++)
      for (let j = i + 1; j < lon.length; j++)
        if (haversineKmLonLat(lon[i], lat[i], lon[j], lat[j]) <= TOL_KM) {
          const [a, b] = [find(i), find(j)];
          parent[Math.max(a, b)] = Math.min(a, b);
        }
    const expected = lon.map((_, i) => find(i));
    // Some points joined and most apart, so that the test says something about both.
    expect(new Set(expected).size).toBeGreaterThan(300);
    expect(new Set(expected).size).toBeLessThan(400);
    expect([...clusterPoints(lon, lat, TOL_KM)]).toEqual(expected);
  });

  it('groups as a pairwise join far from the equator, where a tolerance spans several degrees-wide cells', () => {
    // Each point looks in its own cell and half of those around it, cells widened in longitude for the
    // highest latitude: east-west chains of steps of 0.9-1.1 tolerances, at 55-80 degrees north and south,
    // put close pairs across every side of the cells.
    for (let seed = 1; seed <= 8; seed++) {
      const rand = mulberry32(100 + seed);
      const lon: number[] = [];
      const lat: number[] = [];
      const y0 = (55 + rand() * 25) * (seed % 2 === 0 ? 1 : -1);
      const x0 = (rand() - 0.5) * 300;
      for (let i = 0; i < 300; i++) {
        const y = y0 + (rand() - 0.5) * 0.004;
        const degreeKm = haversineKmLonLat(0, y, 1, y);
        if (i > 0 && rand() < 0.6) {
          // A step east or west (or north or south) from an earlier point, 0.9-1.1 tolerances long.
          const j = Math.floor(rand() * i);
          const step = (TOL_KM * (0.9 + rand() * 0.2)) / degreeKm;
          const eastWest = rand() < 0.8;
          lon.push(lon[j] + (eastWest ? (rand() < 0.5 ? -step : step) : 0));
          lat.push(lat[j] + (eastWest ? 0 : (rand() < 0.5 ? -1 : 1) * TOL_KM * 0.95 * (1 / 111.2)));
        } else {
          lon.push(x0 + ((rand() - 0.5) * (40 * TOL_KM)) / degreeKm);
          lat.push(y);
        }
      }
      const parent = lon.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
      for (let i = 0; i < lon.length; i++)
        for (let j = i + 1; j < lon.length; j++)
          if (haversineKmLonLat(lon[i], lat[i], lon[j], lat[j]) <= TOL_KM) {
            const [a, b] = [find(i), find(j)];
            parent[Math.max(a, b)] = Math.min(a, b);
          }
      const expected = lon.map((_, i) => find(i));
      // Chains joined and points apart, so that the test says something about both.
      expect(new Set(expected).size, `seed ${seed}`).toBeLessThan(250);
      expect(new Set(expected).size, `seed ${seed}`).toBeGreaterThan(10);
      expect([...clusterPoints(lon, lat, TOL_KM)], `seed ${seed}`).toEqual(expected);
    }
  });
});

import { describe, expect, it } from 'vitest';
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
});

import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { createAnalyzer } from '$lib/domain/analysis';
import { MIN_POINT_HAZARD_KM, staticIntervals } from '$lib/domain/analysis/corridors/corridorIntervals';
import type { AnalysisContext } from '$lib/domain/analysis/context';
import { polygonIndexOf } from '$lib/domain/analysis/polygonIndexOf';
import { bboxOf } from '$lib/domain/geo/bboxOf';
import { bboxOfGeometry } from '$lib/domain/geo/bboxOfGeometry';
import { cumulativeKm } from '$lib/domain/geo/cumulativeKm';
import { expandBboxKm } from '$lib/domain/geo/expandBboxKm';
import { segmentCircleInterval } from '$lib/domain/geo/segmentCircleInterval';
import { parseSituation } from '$lib/domain/schemas';

// A corridor's stretches of the stored areas and incidents take shortcuts (a line no ring comes near is
// wholly inside or outside an area; segments test only the incidents near their run): they must give the
// stretches a test of every segment against every area and incident gives.

const meets = (p: readonly number[], q: readonly number[]) =>
  p[0] <= q[2] && p[2] >= q[0] && p[1] <= q[3] && p[3] >= q[1];

/** The stretches of every area and incident along the line, each segment tested against each feature. */
function plainStretches(ctx: AnalysisContext, coords: readonly Position[], cum: readonly number[]): string[] {
  const total = cum[cum.length - 1];
  const r = ctx.layers.params.incidentRadiusKm;
  const out: string[] = [];
  const push = (i: number, t0: number, t1: number, ref: number) => {
    const k0 = cum[i];
    const span = cum[i + 1] - k0;
    if (span * (t1 - t0) < MIN_POINT_HAZARD_KM) {
      const at = k0 + ((t0 + t1) / 2) * span;
      const half = MIN_POINT_HAZARD_KM / 2;
      out.push(`${ref} ${Math.max(0, at - half)} ${Math.min(total, at + half)}`);
    } else out.push(`${ref} ${k0 + t0 * span} ${k0 + t1 * span}`);
  };
  for (let i = 0; i + 1 < coords.length; i++) {
    const a = coords[i];
    const b = coords[i + 1];
    const box = bboxOf([a, b]);
    ctx.allHazardAreas.forEach((area, n) => {
      if (!meets(bboxOfGeometry(area.geometry), box)) return;
      for (const [t0, t1] of polygonIndexOf(area.geometry).insideIntervals(a, b)) push(i, t0, t1, 3 * n);
    });
    const grown = expandBboxKm(box, r);
    ctx.incidents.forEach((inc, n) => {
      const [x, y] = inc.geometry.coordinates;
      if (inc.properties.severity === 0 || !meets([x, y, x, y], grown)) return;
      const t = segmentCircleInterval(a, b, inc.geometry.coordinates, r);
      if (t) push(i, t[0], t[1], 3 * n + 1);
    });
  }
  return out.sort();
}

/** The line's stretches by `staticIntervals`, checked against `plainStretches`. */
function checkedStretches(ctx: AnalysisContext, coords: readonly Position[], what: string): string[] {
  const cum = cumulativeKm(coords);
  const typed = staticIntervals(ctx, coords, cum);
  const found = Array.from(
    { length: typed.count },
    (_, i) => `${typed.ref[i]} ${typed.km[2 * i]} ${typed.km[2 * i + 1]}`,
  ).sort();
  expect(found, what).toEqual(plainStretches(ctx, coords, cum));
  return found;
}

describe('staticIntervals', () => {
  it('finds the area and incident stretches a test of every pair finds', { timeout: 30_000 }, () => {
    const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.02)).input);
    const ctx = createAnalyzer(situation).context('2024-08-15');
    const rand = mulberry32(7);
    let areaStretches = 0;
    let incidentStretches = 0;
    let partly = 0;
    let wholly = 0;
    for (let n = 0; n < 150; n++) {
      // Lines that start on a ring of an area (so cross it, or run along it), or inside or outside it away
      // from the rings; short and long.
      const area = ctx.allHazardAreas[n % ctx.allHazardAreas.length];
      const ring = polygonIndexOf(area.geometry);
      const [w, s, e, north] = bboxOfGeometry(area.geometry);
      const g = area.geometry;
      const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
      const onRing = rings[0][Math.floor(rand() * (rings[0].length - 1))];
      const start: Position =
        n % 2 === 0 ? [onRing[0], onRing[1]] : [w + rand() * (e - w), s + rand() * (north - s)];
      const step = n % 3 === 0 ? 0.002 : 0.02;
      const coords: Position[] = [start];
      for (let k = 0, steps = 2 + Math.floor(rand() * 40); k < steps; k++) {
        const [x, y] = coords[coords.length - 1];
        coords.push([x + (rand() - 0.5) * step, y + (rand() - 0.5) * step]);
      }
      const found = checkedStretches(ctx, coords, `line ${n}`);
      // Lines wholly inside an area, and lines partly in one.
      const inArea = found.filter((f) => Number(f.split(' ')[0]) % 3 === 0);
      const segments = coords.length - 1;
      if (inArea.length > 0 && ring.contains(coords[0]) !== ring.contains(coords[segments])) partly++;
      else if (inArea.length >= segments) wholly++;
      areaStretches += inArea.length;
      incidentStretches += found.length - inArea.length;
    }
    // The lines must meet areas both ways, and incidents, or the comparison would prove little.
    expect(partly).toBeGreaterThan(20);
    expect(wholly).toBeGreaterThan(30);
    expect(areaStretches).toBeGreaterThan(1000);
    expect(incidentStretches).toBeGreaterThan(300);
  });

  // Segments are taken by runs of eight, and an area a ring cuts somewhere along the line is decided once per
  // run when no ring edge meets the run's box: a run whose last segment alone enters the area must not be
  // decided from its first segment.
  it('finds an area entered by the last segment of a run', { timeout: 30_000 }, () => {
    const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.02)).input);
    const ctx = createAnalyzer(situation).context('2024-08-15');
    const rand = mulberry32(11);
    let enteredAtRunEnd = 0;
    for (let n = 0; n < 120; n++) {
      const area = ctx.allHazardAreas[n % ctx.allHazardAreas.length];
      const ring = polygonIndexOf(area.geometry);
      const [w, s, e, north] = bboxOfGeometry(area.geometry);
      const pick = (inside: boolean): Position => {
        for (;;) {
          const p: Position = [
            w + rand() * (e - w) * 1.4 - (e - w) * 0.2,
            s + rand() * (north - s) * 1.4 - (north - s) * 0.2,
          ];
          if (ring.contains(p) === inside) return p;
        }
      };
      // Eight segments coming from outside towards a point inside, the eighth (the run's last) entering it,
      // then on beyond that point.
      const inside = pick(true);
      const outside = pick(false);
      const dx = (inside[0] - outside[0]) / 10;
      const dy = (inside[1] - outside[1]) / 10;
      const coords: Position[] = [];
      for (let k = -7; k <= 0; k++) coords.push([outside[0] + k * dx, outside[1] + k * dy]);
      coords.push(inside);
      for (let k = 1; k <= 8; k++) coords.push([inside[0] + k * dx * 0.3, inside[1] + k * dy * 0.3]);
      checkedStretches(ctx, coords, `line ${n}`);
      // Counted when no ring edge comes near the run's first eight points: only its last point tells.
      const first = bboxOf(coords.slice(0, 8));
      if (!ring.edgeBoxMeets(first[0], first[1], first[2], first[3])) enteredAtRunEnd++;
    }
    expect(enteredAtRunEnd).toBeGreaterThan(20);
  });
});

import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { generateWalkSituationInput, walkOptionsAt } from '../../bench/generateWalks';
import { createAnalyzer } from '$lib/domain/analysis';
import { corridorIntervals, MIN_POINT_HAZARD_KM } from '$lib/domain/analysis/corridors/corridorIntervals';
import type { AnalysisContext } from '$lib/domain/analysis/context';
import { bboxOf } from '$lib/domain/geo/bboxOf';
import { cumulativeKm } from '$lib/domain/geo/cumulativeKm';
import { expandBboxKm } from '$lib/domain/geo/expandBboxKm';
import { haversineKm } from '$lib/domain/geo/haversineKm';
import { segmentBufferInterval } from '$lib/domain/geo/segmentBufferInterval';
import { segmentIntersection } from '$lib/domain/geo/segmentIntersection';
import { parseSituation } from '$lib/domain/schemas';

// The corridors' front-line stretches skip most pairs of a corridor segment and a front-line segment without
// testing them (one search around the whole line first, then one per segment): this compares what they find
// with a test of every pair, on seeded random lines along, across and near the front lines.

const meets = (b: ArrayLike<number>, k: number, q: readonly number[]) =>
  b[k] <= q[2] && b[k + 2] >= q[0] && b[k + 1] <= q[3] && b[k + 3] >= q[1];

/**
 * A line's front-line stretches the plain way: every segment of the line against every front-line segment
 * whose box meets the segment's box grown by the buffer, with the same rules as `corridorIntervals`.
 */
function plainFrontlineStretches(ctx: AnalysisContext, coords: readonly Position[], cum: readonly number[]) {
  const { frontlineBufferKm: d, crosslineToleranceKm: tolerance } = ctx.layers.params;
  const fs = ctx.frontlineSegments;
  const open = ctx.layers.crossings.filter(
    (c) => c.feature.properties.kind === 'crossline' && c.status !== 'closed',
  );
  const total = cum[cum.length - 1];
  const out: string[] = [];
  const add = (from: number, to: number, id: string, code: string) =>
    out.push(`${code} ${id} ${Math.max(0, from)} ${Math.min(total, to)}`);
  for (let i = 0; i + 1 < coords.length; i++) {
    const [a, b] = [coords[i], coords[i + 1]];
    const span = cum[i + 1] - cum[i];
    const grown = expandBboxKm(bboxOf([a, b]), d);
    for (let s = 0; s < fs.line.length; s++) {
      const p = fs.a[s];
      const q = fs.b[s];
      const box = [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[0], q[0]), Math.max(p[1], q[1])];
      if (!meets(box, 0, grown)) continue;
      const id = fs.lines[fs.line[s]].id;
      const t = segmentBufferInterval(a, b, p, q, d);
      if (t) {
        if (span * (t[1] - t[0]) < MIN_POINT_HAZARD_KM) {
          const at = cum[i] + ((t[0] + t[1]) / 2) * span;
          add(at - MIN_POINT_HAZARD_KM / 2, at + MIN_POINT_HAZARD_KM / 2, id, 'frontline_buffer');
        } else out.push(`frontline_buffer ${id} ${cum[i] + t[0] * span} ${cum[i] + t[1] * span}`);
      }
      const hit = segmentIntersection(a, b, p, q);
      if (!hit) continue;
      const at: Position = [a[0] + hit.t * (b[0] - a[0]), a[1] + hit.t * (b[1] - a[1])];
      if (open.some((c) => haversineKm(c.feature.geometry.coordinates, at) <= tolerance)) continue;
      const half = Math.max(tolerance, MIN_POINT_HAZARD_KM);
      add(cum[i] + hit.t * span - half, cum[i] + hit.t * span + half, id, 'frontline_crossing');
    }
  }
  return out.sort();
}

describe('corridorIntervals along front lines', () => {
  it('finds the front-line stretches a test of every pair of segments finds', { timeout: 30_000 }, () => {
    const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(0.02)).input);
    const ctx = createAnalyzer(situation).context('2024-08-15');
    const fs = ctx.frontlineSegments;
    const rand = mulberry32(11);
    let stretches = 0;
    let lines = 0;
    for (let n = 0; n < 150; n++) {
      // Lines that run along a stretch of a front line (a few km off it, so in and out of its buffer), cross
      // it, or wander near it; some long enough to have many front-line segments near them.
      const s0 = Math.floor(rand() * fs.line.length);
      const steps = 2 + Math.floor(rand() * (n % 10 === 0 ? 120 : 20));
      const off = (rand() - 0.5) * 0.3;
      const coords: Position[] = [];
      for (let k = 0; k < steps; k++) {
        const s = Math.min(fs.line.length - 1, s0 + k);
        const p = fs.a[s];
        const jitter = n % 3 === 0 ? (rand() - 0.5) * 0.4 : (rand() - 0.5) * 0.02;
        coords.push([p[0] + off + jitter, p[1] + off * (k % 2 === 0 ? 1 : -1) + jitter]);
      }
      const cum = cumulativeKm(coords);
      const found = corridorIntervals(ctx, { geometry: {} }, coords, cum)
        .filter((v) => v.reason.code === 'frontline_buffer' || v.reason.code === 'frontline_crossing')
        .map((v) => `${v.reason.code} ${v.reason.featureId} ${v.fromKm} ${v.toKm}`)
        .sort();
      expect(found, `line ${n}`).toEqual(plainFrontlineStretches(ctx, coords, cum));
      stretches += found.length;
      lines++;
    }
    // Most of these lines come near a front line, or the comparison would prove little.
    expect(lines).toBe(150);
    expect(stretches).toBeGreaterThan(1000);
  });
});

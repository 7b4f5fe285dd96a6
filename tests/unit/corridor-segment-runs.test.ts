import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { createBoxIndex } from '$lib/domain/geo/createBoxIndex';
import { bboxOf } from '$lib/domain/geo/bboxOf';
import { expandBboxKm, expandBoxKmInto } from '$lib/domain/geo/expandBboxKm';
import {
  kmPerDegreeLonAt,
  segmentCircleIntervalInto,
  segmentCircleIntervalScaledInto,
} from '$lib/domain/geo/segmentCircleInterval';
import { IndexHits } from '$lib/domain/analysis/corridors/indexHits';
import {
  hitsAroundKm,
  hitsWithinKm,
  MAX_TESTED,
  narrowestDLon,
  nearRun,
  widestDLon,
} from '$lib/domain/analysis/corridors/segmentHits';

// The corridors' segments take the features near them from a shorter list per run of segments, and grow their
// box exactly only for a feature between two bounds: each must keep exactly what `hitsWithinKm` keeps, in
// the same order. Seeded random lines at every latitude (where the two bounds are far apart), with features
// placed on the edges of the segments' grown boxes.

/** The items a segment's hits keep (those not -1), copied before the next call reuses the list. */
const kept = (hits: { items: Int32Array; count: number }) =>
  Array.from(hits.items.subarray(0, hits.count)).filter((n) => n >= 0);

describe('hitsAroundKm over the runs of nearRun', () => {
  it('keeps the features hitsWithinKm keeps, in its order', () => {
    let tested = 0;
    let between = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const rand = mulberry32(seed);
      // Lines from the equator to past 89°, some crossing the equator, some long in latitude.
      const lat0 = (rand() * 2 - 1) * (seed % 5 === 0 ? 89.5 : 70);
      const lon0 = rand() * 60 - 30;
      const km = seed % 9 === 0 ? 0 : 0.5 + rand() * 20;
      const step = seed % 3 === 0 ? 2 : 0.4;
      const line: Position[] = [[lon0, lat0]];
      for (let i = 0; i < 30; i++) {
        const [x, y] = line[line.length - 1];
        line.push([x + (rand() - 0.5) * 0.4, Math.max(-89.9, Math.min(89.9, y + (rand() - 0.5) * step))]);
      }
      const boxes: number[][] = [];
      const many = 1 + Math.floor(rand() * MAX_TESTED);
      const grown = new Float64Array(4);
      for (let f = 0; f < many; f++) {
        const s = Math.floor(rand() * (line.length - 1));
        const [w, so, e, n] = bboxOf([line[s], line[s + 1]]);
        expandBoxKmInto(grown, w, so, e, n, km);
        const y = so + rand() * (n - so);
        const edge = rand() < 0.5 ? grown[0] : grown[2];
        const shift = (rand() - 0.5) * 4e-12 * Math.max(1, Math.abs(edge));
        const x = rand() < 0.5 ? edge + shift : grown[0] - 0.3 + rand() * (grown[2] - grown[0] + 0.6);
        const size = rand() < 0.5 ? 0 : rand() * 0.05;
        boxes.push([x, y, x + size, y + size]);
      }
      const flat = new Float64Array(boxes.flat());
      const index = createBoxIndex(boxes.length, (i) => boxes[i] as [number, number, number, number]);
      const near = new IndexHits();
      const lineBox = bboxOf(line);
      const g = km > 0 ? expandBboxKm(lineBox, km) : lineBox;
      const count = near.search(index, g[0], g[1], g[2], g[3]);
      if (count > MAX_TESTED) continue;
      const maxDLon = widestDLon(lineBox, km);
      const minDLon = narrowestDLon(lineBox, km);
      const seg = new Float64Array(4);
      const q = new Float64Array(4);
      const run = new Int32Array(MAX_TESTED);
      const runLength = 1 + (seed % 10);
      let inRun = 0;
      for (let s = 0; s + 1 < line.length; s++) {
        if (s % runLength === 0)
          inRun = nearRun(
            near.items,
            count,
            flat,
            line,
            s,
            Math.min(s + runLength, line.length - 1),
            km,
            maxDLon,
            run,
          );
        seg.set(bboxOf([line[s], line[s + 1]]));
        const expected = kept(hitsWithinKm(near, count, flat, index, seg, km, maxDLon, q));
        const got = kept(hitsAroundKm(run, inRun, flat, seg, km, minDLon, maxDLon, q));
        expect(got, `seed ${seed}, segment ${s}`).toEqual(expected);
        tested += expected.length;
        // Features kept with the segment's box grown exactly, beyond the narrower bound.
        for (const n of expected)
          if (boxes[n][2] < seg[0] - minDLon || boxes[n][0] > seg[2] + minDLon) between++;
      }
    }
    // The data must hold features kept, some of them only by the exact growth.
    expect(tested).toBeGreaterThan(1000);
    expect(between).toBeGreaterThan(100);
  });

  it('narrowestDLon is at most what expandBoxKmInto grows any segment of the line by', () => {
    const out = new Float64Array(4);
    for (let seed = 1; seed <= 500; seed++) {
      const rand = mulberry32(seed);
      const lat = (rand() * 2 - 1) * 90;
      const box: [number, number, number, number] = [0, lat, 1, Math.min(90, lat + rand() * 3)];
      const km = rand() * 30;
      const min = narrowestDLon(box, km);
      // Segments at the box's latitude nearest the equator grow the least.
      const y = box[1] <= 0 && box[3] >= 0 ? 0 : Math.abs(box[1]) < Math.abs(box[3]) ? box[1] : box[3];
      expandBoxKmInto(out, 0, y, 0, y, km);
      expect(-out[0], `seed ${seed}`).toBeGreaterThanOrEqual(min);
      expect(out[2], `seed ${seed}`).toBeGreaterThanOrEqual(min);
    }
  });
});

describe('segmentCircleIntervalScaledInto', () => {
  it('gives the very numbers of segmentCircleIntervalInto', () => {
    const want = new Float64Array(2);
    const got = new Float64Array(2);
    let found = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const rand = mulberry32(seed);
      const c: Position = [rand() * 40 - 20, (rand() * 2 - 1) * 80];
      const a: Position = [c[0] + (rand() - 0.5) * 0.3, c[1] + (rand() - 0.5) * 0.3];
      const b: Position = [a[0] + (rand() - 0.5) * 0.3, a[1] + (rand() - 0.5) * 0.3];
      const r = rand() * 10;
      const expected = segmentCircleIntervalInto(a, b, c, r, want);
      expect(segmentCircleIntervalScaledInto(a, b, c, kmPerDegreeLonAt(c[1]), r, got), `seed ${seed}`).toBe(
        expected,
      );
      if (expected) expect([got[0], got[1]], `seed ${seed}`).toEqual([want[0], want[1]]);
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(200);
  });
});

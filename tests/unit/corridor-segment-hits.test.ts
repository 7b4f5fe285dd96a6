import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { createBoxIndex } from '$lib/domain/geo/createBoxIndex';
import { bboxOf } from '$lib/domain/geo/bboxOf';
import { expandBboxKm, expandBoxKmInto } from '$lib/domain/geo/expandBboxKm';
import { segmentCircleInterval, segmentCircleIntervalInto } from '$lib/domain/geo/segmentCircleInterval';
import { IndexHits } from '$lib/domain/analysis/corridors/indexHits';
import {
  hitsOfSegment,
  hitsWithinKm,
  MAX_TESTED,
  widestDLon,
} from '$lib/domain/analysis/corridors/segmentHits';

// The corridors' shortcuts over each segment must find exactly what the plain way finds: these compare them
// on seeded random lines and features, many of them placed on the edges of a segment's grown box.

/** The items a segment's hits keep (those not -1), copied before the next call reuses the list. */
const kept = (hits: { items: Int32Array; count: number }) =>
  Array.from(hits.items.subarray(0, hits.count)).filter((n) => n >= 0);

describe('hitsWithinKm', () => {
  it('keeps the features hitsOfSegment keeps around the grown box of each segment', () => {
    let tested = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = mulberry32(seed);
      // Lines at every latitude, up to where the growth in longitude stops (89°) and across the equator.
      const lat0 = (rand() * 2 - 1) * (seed % 5 === 0 ? 89.5 : 70);
      const lon0 = rand() * 60 - 30;
      const km = seed % 7 === 0 ? 0 : 0.5 + rand() * 20;
      const line: Position[] = [[lon0, lat0]];
      for (let i = 0; i < 20; i++) {
        const [x, y] = line[line.length - 1];
        line.push([x + (rand() - 0.5) * 0.4, Math.max(-89.9, Math.min(89.9, y + (rand() - 0.5) * 0.4))]);
      }
      // Boxes (and points) scattered around the line, and some just inside or outside a segment's grown box
      // in longitude, where a too small margin would lose them.
      const boxes: number[][] = [];
      const many = seed % 4 === 0 ? MAX_TESTED + 10 : 1 + Math.floor(rand() * 40);
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
      const maxDLon = widestDLon(lineBox, km);
      const seg = new Float64Array(4);
      const q = new Float64Array(4);
      for (let s = 0; s + 1 < line.length; s++) {
        seg.set(bboxOf([line[s], line[s + 1]]));
        expandBoxKmInto(q, seg[0], seg[1], seg[2], seg[3], km);
        const expected = kept(hitsOfSegment(near, count, flat, index, q));
        const got = kept(hitsWithinKm(near, count, flat, index, seg, km, maxDLon, new Float64Array(4)));
        expect(got, `seed ${seed}, segment ${s}`).toEqual(expected);
        tested += expected.length;
      }
    }
    // The data must hold features that are kept, or the comparison would prove little.
    expect(tested).toBeGreaterThan(500);
  });
});

describe('segmentCircleIntervalInto', () => {
  it('gives the very numbers of segmentCircleInterval', () => {
    const out = new Float64Array(2);
    let found = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const rand = mulberry32(seed);
      const c: Position = [rand() * 40 - 20, (rand() * 2 - 1) * 80];
      const a: Position = [c[0] + (rand() - 0.5) * 0.3, c[1] + (rand() - 0.5) * 0.3];
      // Some segments of no length, at the centre or not.
      const b: Position =
        seed % 10 === 0
          ? a
          : seed % 50 === 0
            ? c
            : [a[0] + (rand() - 0.5) * 0.3, a[1] + (rand() - 0.5) * 0.3];
      const r = seed % 50 === 0 ? 0 : rand() * 10;
      const expected = segmentCircleInterval(seed % 50 === 0 ? c : a, b, c, r);
      const got = segmentCircleIntervalInto(seed % 50 === 0 ? c : a, b, c, r, out) ? [out[0], out[1]] : null;
      expect(got, `seed ${seed}`).toEqual(expected);
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(200);
  });
});

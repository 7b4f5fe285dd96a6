import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createPolygonIndex } from '$lib/domain/geo/createPolygonIndex';
import { cumulativeKm } from '$lib/domain/geo/cumulativeKm';
import { expandBboxKm } from '$lib/domain/geo/expandBboxKm';
import { haversineKm } from '$lib/domain/geo/haversineKm';
import { lineLengthKm } from '$lib/domain/geo/lineLengthKm';
import { lineSliceKm } from '$lib/domain/geo/lineSliceKm';
import { pointInPolygons } from '$lib/domain/geo/pointInPolygons';
import { pointSegmentDistanceKm } from '$lib/domain/geo/pointSegmentDistanceKm';
import { projectOnSegment } from '$lib/domain/geo/projectOnSegment';
import { segmentBufferInterval } from '$lib/domain/geo/segmentBufferInterval';
import { segmentCircleInterval } from '$lib/domain/geo/segmentCircleInterval';
import { segmentDistanceKm } from '$lib/domain/geo/segmentDistanceKm';
import { segmentInsideIntervals } from '$lib/domain/geo/segmentInsideIntervals';
import { segmentIntersection } from '$lib/domain/geo/segmentIntersection';
import { sharedBoundaryLines } from '$lib/domain/geo/sharedBoundaryLines';

// Positions in Darfur, where the analysis runs, so that the longitude scaling matters.
const elFasher: Position = [25.35, 13.6306];
const zamzam: Position = [25.3107, 13.4885];
const tina: Position = [22.8186, 15.0177];
const square: Position[][] = [
  [
    [24, 12],
    [26, 12],
    [26, 14],
    [24, 14],
    [24, 12],
  ],
  [
    [24.5, 12.5],
    [25.5, 12.5],
    [25.5, 13.5],
    [24.5, 13.5],
    [24.5, 12.5],
  ],
];

describe('geodesic distances agree with Turf', () => {
  it('haversineKm and lineLengthKm', () => {
    expect(haversineKm(elFasher, zamzam)).toBeCloseTo(turf.distance(elFasher, zamzam), 9);
    const line = [tina, elFasher, zamzam];
    expect(lineLengthKm(line)).toBeCloseTo(turf.length(turf.lineString(line)), 9);
    expect(cumulativeKm(line).at(-1)).toBeCloseTo(lineLengthKm(line), 9);
  });

  it('pointSegmentDistanceKm stays within 0.5 % of turf.pointToLineDistance up to a few hundred km', () => {
    for (const p of [zamzam, [24.1, 13.2], [27.5, 11.0], [23.0, 16.0]] as Position[]) {
      const ours = pointSegmentDistanceKm(p, tina, elFasher);
      const theirs = turf.pointToLineDistance(p, turf.lineString([tina, elFasher]));
      expect(Math.abs(ours - theirs) / theirs).toBeLessThan(0.005);
    }
  });

  it('projectOnSegment gives the nearest point and its distance', () => {
    const r = projectOnSegment([25, 13.1], [24, 13], [26, 13]);
    expect(r.t).toBeCloseTo(0.5, 6);
    expect(r.point).toEqual([25, 13]);
    expect(r.distanceKm).toBeCloseTo(turf.distance([25, 13.1], [25, 13]), 2);
    expect(projectOnSegment([23, 13], [24, 13], [26, 13]).t).toBe(0);
  });
});

describe('segment tests', () => {
  it('segmentIntersection finds crossings and touching ends, not parallels or misses', () => {
    expect(segmentIntersection([0, 0], [2, 0], [1, -1], [1, 1])).toEqual({ t: 0.5, u: 0.5 });
    expect(segmentIntersection([0, 0], [1, 0], [1, 0], [1, 1])).toEqual({ t: 1, u: 0 });
    expect(segmentIntersection([0, 0], [1, 0], [0, 1], [1, 1])).toBeNull();
    expect(segmentIntersection([0, 0], [1, 0], [2, -1], [2, 1])).toBeNull();
  });

  it('segmentDistanceKm is 0 for crossing segments and the end-to-segment distance otherwise', () => {
    expect(segmentDistanceKm([24, 13], [26, 13], [25, 12], [25, 14])).toBe(0);
    const d = segmentDistanceKm([24, 13], [26, 13], [24, 13.1], [26, 13.1]);
    expect(d).toBeCloseTo(turf.distance([25, 13], [25, 13.1]), 2);
  });

  it('segmentCircleInterval: the part of a road within an incident radius', () => {
    const iv = segmentCircleInterval([24, 13], [26, 13], [25, 13], 10)!;
    // 10 km either side of the middle of a segment about 216.7 km long.
    const len = haversineKm([24, 13], [26, 13]);
    expect(iv[0]).toBeCloseTo(0.5 - 10 / len, 3);
    expect(iv[1]).toBeCloseTo(0.5 + 10 / len, 3);
    expect(segmentCircleInterval([24, 13], [26, 13], [25, 14], 10)).toBeNull();
  });

  it('segmentBufferInterval: the part of a road within a front line buffer, touching included', () => {
    // A road crossing a north–south front line at right angles: ±10 km around the crossing.
    const iv = segmentBufferInterval([24, 13], [26, 13], [25, 12], [25, 14], 10)!;
    const len = haversineKm([24, 13], [26, 13]);
    expect((iv[1] - iv[0]) * len).toBeCloseTo(20, 1);
    // A parallel road just inside the buffer touches it all along; just outside, not at all.
    const gap = pointSegmentDistanceKm([25.2, 13], [25, 12], [25, 14]);
    expect(segmentBufferInterval([25.2, 12.5], [25.2, 13.5], [25, 12], [25, 14], gap + 1e-6)).toEqual([0, 1]);
    expect(segmentBufferInterval([25.2, 12.5], [25.2, 13.5], [25, 12], [25, 14], gap - 0.01)).toBeNull();
  });
});

describe('areas with holes', () => {
  it('pointInPolygons: the hole is outside', () => {
    expect(pointInPolygons([24.2, 12.2], [square])).toBe(true);
    expect(pointInPolygons([25, 13], [square])).toBe(false);
    expect(pointInPolygons([27, 13], [square])).toBe(false);
  });

  it('segmentInsideIntervals: a road across the area is inside only in the solid part', () => {
    const parts = segmentInsideIntervals([23, 13], [27, 13], [square]);
    expect(parts).toHaveLength(2);
    expect(parts[0][0]).toBeCloseTo(0.25, 9);
    expect(parts[0][1]).toBeCloseTo(0.375, 9);
    expect(parts[1][0]).toBeCloseTo(0.625, 9);
    expect(parts[1][1]).toBeCloseTo(0.75, 9);
    expect(segmentInsideIntervals([24.8, 13], [25.2, 13], [square])).toEqual([]);
  });

  it('sharedBoundaryLines: the common edge of two neighbouring areas', () => {
    const west = [
      [
        [24, 12],
        [25, 12],
        [25, 13],
        [24, 13],
        [24, 12],
      ],
    ];
    const east = [
      [
        [25, 12],
        [26, 12],
        [26, 13],
        [25, 13],
        [25, 12],
      ],
    ];
    expect(sharedBoundaryLines([west], [east], 0.1)).toEqual([
      [
        [25, 12],
        [25, 13],
      ],
    ]);
    const apart = east.map((r) => r.map(([x, y]) => [x + 0.1, y]));
    expect(sharedBoundaryLines([west], [apart], 0.5)).toEqual([]);
  });
});

describe('lines', () => {
  it('lineSliceKm cuts a line between two distances from its start', () => {
    const line: Position[] = [
      [25, 12],
      [25, 13],
      [25, 14],
    ];
    const cum = cumulativeKm(line);
    const part = lineSliceKm(line, cum, cum[1] / 2, cum[1] * 1.5);
    expect(part).toHaveLength(3);
    expect(part[0][1]).toBeCloseTo(12.5, 6);
    expect(part[1]).toEqual([25, 13]);
    expect(part[2][1]).toBeCloseTo(13.5, 6);
  });

  it('expandBboxKm grows a box so that it holds every point within the distance', () => {
    const box = expandBboxKm([25, 13, 25, 13], 10);
    expect(haversineKm([25, 13], [box[2], 13])).toBeGreaterThanOrEqual(10);
    expect(haversineKm([25, 13], [25, box[3]])).toBeCloseTo(10, 6);
  });
});

describe('createPolygonIndex', () => {
  it('gives the same answers as the plain tests, holes and several polygons included', () => {
    const other: Position[][] = [
      [
        [27, 12],
        [28, 12],
        [28, 13],
        [27, 13],
        [27, 12],
      ],
    ];
    const index = createPolygonIndex([square, other]);
    for (const p of [
      [24.2, 12.2],
      [25, 13],
      [27.5, 12.5],
      [26.5, 12.5],
      [23, 13],
    ] as Position[])
      expect(index.contains(p), String(p)).toBe(pointInPolygons(p, [square, other]));
    for (const [a, b] of [
      [
        [23, 13],
        [29, 13.1],
      ],
      [
        [24.8, 13],
        [25.2, 13],
      ],
      [
        [24.1, 11],
        [27.9, 14],
      ],
    ] as [Position, Position][]) {
      const got = index.insideIntervals(a, b);
      const want = segmentInsideIntervals(a, b, [square, other]);
      expect(got.length).toBe(want.length);
      got.forEach((iv, i) => {
        expect(iv[0]).toBeCloseTo(want[i][0], 12);
        expect(iv[1]).toBeCloseTo(want[i][1], 12);
      });
    }
  });
});

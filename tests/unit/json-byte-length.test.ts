import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { parseSituation } from '$lib/domain/schemas';
import { createJsonByteLength } from '$lib/server/situation/jsonByteLength';
import { generateSituationInput, SUDAN_SCALE } from '../../bench/generate';

// The analysis cache's bound counts each report's JSON bytes without writing the JSON (jsonByteLength.ts):
// the count must be the bytes JSON.stringify writes, for every kind of value and for reports measured one
// after another, which share objects the count remembers.
const written = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

describe('createJsonByteLength', () => {
  it('counts what JSON.stringify writes', () => {
    const values: unknown[] = [
      null,
      true,
      false,
      0,
      -0,
      1,
      -1,
      12.5,
      33.1234567,
      -33.1234567,
      0.0000001,
      -0.0000009,
      0.000001,
      1e21,
      123456789.123,
      0.1 + 0.2,
      NaN,
      Infinity,
      'plain',
      '',
      'quote " and \\ backslash',
      'line\nbreak\ttab\u0001',
      'Ṣāliḥ ضاحية 🚚',
      'lone \ud800 surrogate',
      [],
      [1, 2],
      [0.1234567, -15.0000001],
      [undefined, () => 1, Symbol('s'), 3],
      [[1.5, 2.5], [3, 4], 'x'],
      {},
      { a: undefined, b: () => 1, c: 1 },
      { a: undefined },
      { 'ké"y': [1, { x: null }], n: { deep: [[12.3456789, 1e-7]] } },
      { toJSON: () => ({ replaced: 'ü' }) },
      { d: new Date(0) },
      new Map([[1, 2]]),
    ];
    for (const v of values) expect(createJsonByteLength()(v), JSON.stringify(v)).toBe(written(v));
  });

  it('counts a report of each date as written, objects shared with earlier reports included', () => {
    const situation = parseSituation(
      generateSituationInput({
        ...SUDAN_SCALE,
        seed: 3,
        roadSegments: Math.round(SUDAN_SCALE.roadSegments * 0.02),
        sites: Math.round(SUDAN_SCALE.sites * 0.02),
        incidents: Math.round(SUDAN_SCALE.incidents * 0.02),
        constraints: Math.round(SUDAN_SCALE.constraints * 0.02),
        areas: 4,
      }).input,
    );
    const analyzer = createAnalyzer(situation);
    const bytes = createJsonByteLength();
    for (const asOf of ['2024-08-15', '2024-08-16', '2024-09-15', '2023-11-02', '2024-08-15']) {
      const report = analyzer.analyze(asOf);
      expect(bytes(report), asOf).toBe(written(report));
    }
  });
});

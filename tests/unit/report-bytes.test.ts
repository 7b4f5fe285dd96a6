import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { parseSituation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { jsonBytes, reportJsonBytes } from '$lib/server/situation/reportBytes';
import { generateSituationInput, sudanScaled } from '../../bench/generate';

// The analysis cache's bound counts reports by this estimate of their JSON's length: it must stay close to
// the real length, or the cache would hold far more (or far fewer) reports than its bound says.
const real = (x: unknown) => Buffer.byteLength(JSON.stringify(x));

describe("a report's JSON length, estimated without writing it", () => {
  it('is exact for what has no fraction: strings, integers, keys, nesting, null and omitted fields', () => {
    const value = {
      id: 'site_zamzam',
      n: [0, 7, -12, 1_000_000, null, true, false],
      nested: { a: [], b: {}, c: 'x', skipped: undefined },
      list: [{ x: 1 }, { y: -2 }],
    };
    expect(jsonBytes(value)).toBe(real(value));
  });

  it('is within 3 % of the real length on the default scenario, on every date and after reuse', () => {
    const analyzer = createAnalyzer(loadSituationFromDir('geodata'));
    for (const date of ['2023-06-01', '2024-08-15', '2025-03-01', '2025-11-04', '2024-08-15']) {
      const report = analyzer.analyze(date);
      const ratio = reportJsonBytes(report) / real(report);
      expect(ratio, date).toBeGreaterThan(0.97);
      expect(ratio, date).toBeLessThan(1.03);
    }
  });

  it('is within 3 % on a large synthetic situation, whose reports are mostly geometry', () => {
    const { input } = generateSituationInput(sudanScaled(0.03, 4));
    const analyzer = createAnalyzer(parseSituation(input));
    for (const date of ['2024-08-15', '2024-02-01']) {
      const report = analyzer.analyze(date);
      const ratio = reportJsonBytes(report) / real(report);
      expect(ratio, date).toBeGreaterThan(0.97);
      expect(ratio, date).toBeLessThan(1.03);
    }
  });
});

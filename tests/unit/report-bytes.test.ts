import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { unmadeCourse } from '$lib/domain/analysis/access/lazyBestPath';
import { parseSituation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { jsonBytes, reportJsonBytes } from '$lib/server/situation/reportBytes';
import { generateSituationInput, sudanScaled } from '../../bench/generate';
import { mulberry32 } from '../../bench/prng';

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

  it('counts the best paths whose course is not made yet without making them, within 3 %', () => {
    const { input } = generateSituationInput(sudanScaled(0.03, 4));
    const report = createAnalyzer(parseSituation(input)).analyze('2024-08-15');
    const paths = report.sites.flatMap((s) =>
      s.bestPath && s.bestPath.fromHubId !== s.id ? [s.bestPath] : [],
    );
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.every((p) => unmadeCourse(p))).toBe(true);
    const estimate = reportJsonBytes(report);
    // Counted, not made: the server's cache counts every report it keeps, most of whose courses nobody reads.
    expect(paths.every((p) => unmadeCourse(p))).toBe(true);
    const ratio = estimate / real(report);
    expect(ratio).toBeGreaterThan(0.97);
    expect(ratio).toBeLessThan(1.03);
    // Written out, each was made, and is counted as made from then on.
    expect(paths.some((p) => unmadeCourse(p))).toBe(false);
    expect(Math.abs(jsonBytes(report) / real(report) - 1)).toBeLessThan(0.03);
  });

  it("counts a date walk's reports as counting each afresh would, though they share lines and id lists", () => {
    const { input } = generateSituationInput(sudanScaled(0.03, 4));
    const analyzer = createAnalyzer(parseSituation(input));
    let last: ReturnType<typeof analyzer.analyze> | undefined;
    const shared = new Set<string>();
    for (const date of ['2024-08-15', '2024-08-16', '2024-02-27', '2024-08-15', '2024-06-01']) {
      const report = analyzer.analyze(date);
      // The walk is only a test of the kept counts where the next report holds the last one's arrays.
      if (last) {
        const lines = new Set(last.segments.map((s) => s.geometry.coordinates));
        expect(
          report.segments.some((s) => lines.has(s.geometry.coordinates)),
          date,
        ).toBe(true);
        // Segment, corridor and site entries of the last report, whose counts are kept by the entry.
        for (const key of ['segments', 'corridors', 'sites'] as const) {
          const entries = new Set<object>(last[key]);
          if ((report[key] as object[]).some((e) => entries.has(e))) shared.add(key);
        }
      }
      expect(reportJsonBytes(report), date).toBe(jsonBytes(report));
      last = report;
    }
    expect([...shared].sort()).toEqual(['corridors', 'segments', 'sites']);
  });

  it('is within 3 % where the names are Arabic (two bytes a letter in UTF-8)', () => {
    const { input } = generateSituationInput(sudanScaled(0.03, 4));
    const arabic = (name: string) => `مخيم ${name.replace(/[A-Za-z]/g, 'ب')}`;
    type Layer = { json: { features: { properties: { name?: unknown } }[] } };
    for (const layer of Object.values(input.layers) as unknown as Layer[])
      for (const f of layer.json.features)
        if (typeof f.properties.name === 'string') f.properties.name = arabic(f.properties.name);
    const report = createAnalyzer(parseSituation(input)).analyze('2024-08-15');
    expect(report.sites.some((s) => /[\u0600-\u06ff]/.test(s.name))).toBe(true);
    const ratio = reportJsonBytes(report) / real(report);
    expect(ratio).toBeGreaterThan(0.97);
    expect(ratio).toBeLessThan(1.03);
  });

  // A long line's positions are counted from three of them; read one by one they give this.
  const positionByPosition = (line: number[][]) =>
    2 + line.length - 1 + line.reduce((n, p) => n + jsonBytes(p), 0);

  it('counts a long line as reading each of its positions would, within 0.5 % on seeded lines', () => {
    const random = mulberry32(14);
    for (let i = 0; i < 200; i++) {
      // A road in Sudan-like degrees, rounded to 5 to 7 decimals.
      const line: number[][] = [];
      let [x, y] = [22 + random() * 14, 9 + random() * 13];
      for (let k = 0, n = 16 + Math.floor(random() * 400); k < n; k++) {
        x += (random() - 0.5) * 0.02;
        y += (random() - 0.5) * 0.02;
        line.push([round(x, 5 + (k % 3)), round(y, 5 + (k % 3))]);
      }
      const estimate = jsonBytes(line);
      expect(Math.abs(estimate / positionByPosition(line) - 1), `line ${i}`).toBeLessThan(0.005);
      // One whole-degree position among the three it looks at does not change a line's count.
      const whole = line.map((p, k) => (k === 0 ? p.map(Math.round) : p));
      expect(jsonBytes(whole), `line ${i}`).toBe(estimate);
    }
  });

  it('reads a short line and a line that does not start and end with positions position by position', () => {
    const short = [
      [-0.5, 1],
      [0.5, 1.25],
      [1, -2],
    ];
    expect(jsonBytes(short)).toBe(positionByPosition(short));
    const mixed = [...Array.from({ length: 20 }, (_, k) => [k + 0.5, -k - 0.5]), 'end'];
    expect(jsonBytes(mixed)).toBe(jsonBytes(mixed.slice(0, -1)) + 1 + jsonBytes('end'));
    // Crossing the meridian: each position counts as one of three, within a character of its own.
    const across = Array.from({ length: 40 }, (_, k) => [-1 + k * 0.05 + 0.001, 12.5]);
    const exact = 2 + 39 + across.reduce((n, p) => n + jsonBytes(p), 0);
    expect(Math.abs(jsonBytes(across) - exact)).toBeLessThanOrEqual(across.length);
  });
});

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

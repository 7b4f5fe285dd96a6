import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, route, type RoutePoint } from '$lib/domain/analysis';
import { analysisReportSchema, routeResultSchema } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

// Fixture tests, the Turf way: each folder of tests/fixtures/analysis holds a small synthetic situation laid
// out like geodata/, a params.json (asOf, params, overrides, routes to plan) and the expected output in out/.
// `REGEN=1` rewrites out/; every rewritten file is read and checked by hand before it is committed.
const root = join(import.meta.dirname, '..', 'fixtures', 'analysis');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

interface FixtureParams {
  asOf: string;
  params?: Record<string, number>;
  overrides?: Record<string, unknown>;
  routes?: { from: RoutePoint; to: RoutePoint; alternatives?: number }[];
}

function compareOrWrite(file: string, actual: unknown) {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.REGEN) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(existsSync(file), `${file} is missing: run with REGEN=1 and review it`).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('analysis fixtures', () => {
  it('has fixture cases', () => expect(cases.length).toBeGreaterThan(10));

  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const input = JSON.parse(readFileSync(join(dir, 'params.json'), 'utf8')) as FixtureParams;
      const situation = loadSituationFromDir(dir, dir);
      const analyzer = createAnalyzer(situation);
      const report = analyzer.analyze(input.asOf, input.params, input.overrides);
      expect(() => analysisReportSchema.parse(report)).not.toThrow();
      compareOrWrite(join(dir, 'out', 'report.json'), report);
      if (input.routes) {
        const routes = input.routes.map((r) =>
          route(analyzer, r.from, r.to, {
            asOf: input.asOf,
            params: input.params,
            overrides: input.overrides,
            alternatives: r.alternatives,
          }),
        );
        for (const r of routes) expect(() => routeResultSchema.parse(r)).not.toThrow();
        compareOrWrite(join(dir, 'out', 'routes.json'), routes);
      }
    });
  }
});

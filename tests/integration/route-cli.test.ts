import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planResultSchema } from '$lib/domain/schemas';
import { ogrinfo, schemaProblems, withFile } from '../helpers/xmlTools';

// Runs the real `corridor route` process on the planner fixture (tests/fixtures/planner/two-crossings) and
// reads what it prints with the clients a logistics officer would use: GDAL, and the published schemas.
const root = join(import.meta.dirname, '..', '..');
const fixture = 'tests/fixtures/planner/two-crossings';

function corridor(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'corridor.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CORRIDOR_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const route = (...extra: string[]) =>
  corridor(['route', fixture, '--from', 'hub_a', '--to', 'camp_b', '--as-of', '2024-02-15', ...extra]);

describe('corridor route', () => {
  it('prints { routes: [...] } with length, stretches, crossings and reasons', () => {
    const r = route();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = planResultSchema.parse(JSON.parse(r.stdout));
    expect(plan.routes.map((x) => x.crossings.map((c) => c.id))).toEqual([
      ['x_south'],
      ['x_north', 'xl_mid'],
    ]);
    expect(plan.routes[0].lengthKm).toBeGreaterThan(200);
    expect(plan.routes[0].stretches[1].reasons[0].featureId).toBe('inc_south');
  });

  it('answers without a route with its reasons and the crossing to open, exit code 0', () => {
    const r = corridor(['route', fixture, '--from', 'hub_a', '--to', 'camp_b', '--as-of', '2024-05-15']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.routes).toEqual([]);
    expect(plan.reasons.map((x: { featureId: string }) => x.featureId)).toContain('x_south');
    expect(plan.openings[0].crossingId).toBe('x_south');
  });

  it('takes positions, waypoints, --alternatives and --avoid', () => {
    const r = corridor([
      'route',
      fixture,
      '--from',
      '20.5,12.95',
      '--to',
      'camp_b',
      '--as-of',
      '2024-02-15',
      '--alternatives',
      '0',
      '--avoid',
      'x_south',
      '--via',
      'x_north',
    ]);
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout);
    expect(plan.from.kind).toBe('point');
    expect(plan.from.snapKm).toBeGreaterThan(0);
    expect(plan.routes).toHaveLength(1);
    expect(plan.routes[0].crossings.map((c: { id: string }) => c.id)).toEqual(['x_north', 'xl_mid']);
  });

  it('refuses bad input with a message naming it, exit code 2', () => {
    expect(route('--format', 'shp')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format must be one of/),
    });
    expect(route('--alternatives', '7')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--alternatives/),
    });
    const unknown = corridor(['route', fixture, '--from', 'nowhere', '--to', 'camp_b']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no site or crossing has the id "nowhere"');
    expect(route('--avoid', 'ghost').stderr).toContain('avoid: no feature has the id "ghost"');
    expect(corridor(['route', fixture, '--to', 'camp_b']).stderr).toContain('--from is required');
  });

  it('writes GPX 1.1 that the schema accepts and GDAL reads: tracks per route, waypoints with reasons', () => {
    const r = route('--format', 'gpx');
    expect(r.code).toBe(0);
    expect(schemaProblems(r.stdout, 'gpx11')).toEqual([]);
    expect(r.stdout).toContain('RESTRICTED');
    const tracks = withFile('plan.gpx', r.stdout, (p) => ogrinfo(p, ['-al'], ['tracks']));
    expect(tracks.stdout).toContain("using driver `GPX' successful");
    expect(tracks.stdout).toMatch(/Feature Count: 2\b/);
    expect(tracks.stdout).toMatch(/name \(String\) = Route 1 \(best\): 221 km, at_risk/);
    const wpts = withFile('plan.gpx', r.stdout, (p) => ogrinfo(p, ['-al'], ['waypoints']));
    expect(wpts.stdout).toMatch(/name \(String\) = North crossing/);
    expect(wpts.stdout).toMatch(
      /desc \(String\) = international crossing, open since 2024-01-01, km \d+\. Must agree: TCD/,
    );
    expect(wpts.stdout).toMatch(/desc \(String\) = at_risk \(incident_nearby\)/);
    expect(wpts.stdout).toContain('POINT (20 13)');
  });

  it('writes KML 2.2 that the schema accepts and GDAL reads, a folder per route', () => {
    const r = route('--format', 'kml');
    expect(schemaProblems(r.stdout, 'kml22')).toEqual([]);
    const out = withFile('plan.kml', r.stdout, (p) => ogrinfo(p, ['-so']));
    expect(out.stdout).toContain("using driver `LIBKML' successful");
    expect(out.stdout).toMatch(/Route 1 \(best\)/);
    expect(out.stdout).toMatch(/Route 2 \(alternative 1\)/);
  });

  it('writes GeoJSON that GDAL reads: routes, stretches, crossings and hazards', () => {
    const r = route('--format', 'geojson');
    const out = withFile('plan.geojson', r.stdout, (p) => ogrinfo(p, ['-al', '-where', "kind = 'route'"]));
    expect(out.stdout).toContain("using driver `GeoJSON' successful");
    expect(out.stdout).toMatch(/Feature Count: 2\b/);
    const fc = JSON.parse(r.stdout);
    expect(fc.plan.sensitivity).toBe('restricted');
    expect(
      fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'crossing'),
    ).toHaveLength(3);
  });

  it('plans on the default scenario: Adré transit → Zamzam on 2024-08-20 crosses at Adré or Tiné', () => {
    const r = corridor([
      'route',
      'geodata',
      '--from',
      'td_adre_transit',
      '--to',
      'sd_zamzam',
      '--as-of',
      '2024-08-20',
      '--alternatives',
      '1',
    ]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    const ids: string[] = plan.routes[0].crossings.map((c: { id: string }) => c.id);
    expect(ids.some((id) => id === 'td_adre_crossing' || id === 'sd_tina_crossing')).toBe(true);
  });
});

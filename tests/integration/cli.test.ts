import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compactReportSchema, type AnalysisReport } from '$lib/domain/schemas';

// Runs the real `corridor` process, as a pipeline or an admin would.
const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'tests', 'fixtures', 'analysis', 'crossline-crossing');
const scratch = mkdtempSync(join(tmpdir(), 'corridor-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function corridor(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'corridor.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CORRIDOR_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the crossline fixture in which `edit` changes one file. */
function brokenCopy(name: string, file: string, edit: (text: string) => string): string {
  const dir = join(scratch, name);
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('corridor analyze', () => {
  it('analyses the default scenario and prints the report as JSON', () => {
    const r = corridor(['analyze', 'geodata', '--as-of', '2024-08-15']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.asOf).toBe('2024-08-15');
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['asOf', 'parameters', 'corridors', 'sites', 'hotspots']),
    );
    expect(report.parameters.frontlineBufferKm).toBe(10);
    const zamzam = report.sites.find((s: { id: string }) => s.id === 'sd_zamzam');
    expect(zamzam.access).toBe('cross_border_only');
  });

  it('prints the compact report with --compact: roads as ranges, no segments or stretch geometry', () => {
    const full = corridor(['analyze', 'geodata', '--as-of', '2024-08-15']);
    const r = corridor(['analyze', 'geodata', '--as-of', '2024-08-15', '--compact']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const compact = compactReportSchema.parse(JSON.parse(r.stdout));
    const report = JSON.parse(full.stdout) as AnalysisReport;
    expect(r.stdout).not.toContain('"segments"');
    // The same answers, less text.
    expect(compact.totals).toEqual(report.totals);
    expect(compact.sites.map((s) => [s.id, s.access, s.bestPath?.segmentIds])).toEqual(
      report.sites.map((s) => [s.id, s.access, s.bestPath?.segmentIds]),
    );
    expect(r.stdout.length).toBeLessThan(full.stdout.length);
    // Every road with a segment that is not open has ranges, and only those.
    expect(compact.roads.map((x) => x.roadId)).toEqual(
      [...new Set(report.segments.map((s) => s.roadId))].sort(),
    );
    for (const road of compact.roads)
      for (const range of road.ranges) {
        expect(range.status).not.toBe('open');
        expect(range.fromKm).toBeGreaterThanOrEqual(0);
        expect(range.toKm).toBeLessThanOrEqual(road.lengthKm);
      }
    expect(corridor(['analyze', 'geodata', '--compact', '--format', 'table']).code).toBe(2);
  });

  it('prints readable tables with --format table', () => {
    const r = corridor(['analyze', 'tests/fixtures/analysis/crossline-crossing', '--format=table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Analysis as of 2024-08-15/);
    expect(r.stdout).toMatch(/c_east\s+West hub to East camp\s+at_risk\s+38\s+0\s+20/);
    expect(r.stdout).toMatch(
      /camp_east\s+East camp\s+crossline_only\s+protection,crossline\s+10000\s+4\s+hub_west\s+x_line\s+38/,
    );
  });

  it('takes a list of files, the as-of date from the scenario, and parameters from a file', () => {
    const params = join(scratch, 'params.json');
    writeFileSync(params, JSON.stringify({ frontlineBufferKm: 2 }));
    const files = [
      'scenario.json',
      'roads.geojson',
      'sites.geojson',
      'frontlines.geojson',
      'corridors.geojson',
      'crossings.geojson',
    ];
    const r = corridor(['analyze', ...files.map((f) => join(fixture, f)), '--params', params]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.asOf).toBe('2024-08-15');
    expect(report.parameters.frontlineBufferKm).toBe(2);
    expect(report.corridors[0].atRiskKm).toBe(4);
  });

  it('names file, feature and field of bad data, with exit code 2 and no stack trace', () => {
    const dir = brokenCopy('bad-ipc', 'sites.geojson', (t) => t.replace('"ipcPhase": 4', '"ipcPhase": 7'));
    const r = corridor(['analyze', dir], scratch);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'bad-ipc/sites.geojson: feature #1 (id "camp_east"), field "properties.figures[0].ipcPhase":',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a file that is not JSON', () => {
    const dir = brokenCopy('bad-json', 'roads.geojson', (t) => t.slice(0, 40));
    const r = corridor(['analyze', dir], scratch);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-json/roads.geojson: field "(file)": is not valid JSON');
  });

  it('names the field of a bad parameters file', () => {
    const params = join(scratch, 'bad-params.json');
    writeFileSync(params, JSON.stringify({ params: { incidentRadiusKm: -5 } }));
    const r = corridor(['analyze', fixture, '--params', params], scratch);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-params.json: field "params.incidentRadiusKm"');
  });

  it('refuses bad usage with exit code 2 and points to --help', () => {
    for (const args of [
      ['analyze', fixture, '--as-of', '2024-02-30'],
      ['analyze', fixture, '--format', 'xml'],
      ['analyze', fixture, '--colour'],
      ['analyze'],
      ['analyze', join(scratch, 'missing')],
      ['frobnicate'],
    ]) {
      const r = corridor(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('prints help', () => {
    const top = corridor(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('analyze');
    const sub = corridor(['analyze', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Usage: corridor analyze');
    expect(sub.stdout).toContain('--as-of');
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the real `corridor compare` process, as a script or an analyst would.
const root = join(import.meta.dirname, '..', '..');
const fixture = 'tests/fixtures/compare/border-closes';

function corridor(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'corridor.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CORRIDOR_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('corridor compare', () => {
  it('prints the changes and the totals of both dates as JSON (default scenario, Adré reopens)', () => {
    const r = corridor(['compare', 'geodata', '--from', '2024-03-01', '--to', '2024-08-20']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect([c.from, c.to]).toEqual(['2024-03-01', '2024-08-20']);
    const adre = c.crossings.find((x: { id: string }) => x.id === 'td_adre_crossing');
    expect(adre).toMatchObject({ change: 'opened', before: { status: 'closed' }, after: { status: 'open' } });
    expect(typeof c.totals.from.peopleCutOff).toBe('number');
    expect(typeof c.totals.to.peopleCutOff).toBe('number');
    expect(c.totals.difference.peopleCutOff).toBe(c.totals.to.peopleCutOff - c.totals.from.peopleCutOff);
    expect(c.summary.sitesLeftCutOff).toBeGreaterThan(0);
  });

  it('writes one CSV row per change and per key figure, with the HXL row', () => {
    const r = corridor(['compare', fixture, '--from=2024-05-01', '--to=2024-08-01', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'subject,id,name,change,before,after,difference,since,source,flagsGained,flagsLost,reasonsBefore,reasonsAfter,description',
    );
    expect(lines[1].startsWith('#meta+subject,#loc+code')).toBe(true);
    expect(lines[2]).toBe(
      'crossing,x_border,Border crossing,closed,open,closed,,2024-06-10,synthetic closure notice,,,,,Crossing Border crossing: open → closed',
    );
    expect(lines[3]).toMatch(
      /^corridor,c_abroad,Abroad to East camp,status,open,blocked,+,+crossing_closed:x_border,/,
    );
    expect(lines[4]).toMatch(
      /^site,camp_east,East camp,access,cross_border_only,cut_off,,,,cut_off;famine,cross_border,/,
    );
    expect(lines).toContain('figure,peopleCutOff,People in cut-off sites,difference,0,30000,30000,,,,,,,');
    expect(lines).toHaveLength(2 + 3 + 11);
  });

  it('prints the key figures and the changes in plain words with --format table', () => {
    const r = corridor([
      'compare',
      fixture,
      '--from',
      '2024-05-01',
      '--to',
      '2024-08-01',
      '--format',
      'table',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Changes from 2024-05-01 to 2024-08-01/);
    expect(r.stdout).toMatch(/People in cut-off sites\s+0\s+30,000\s+\+30,000/);
    expect(r.stdout).toContain('Crossing Border crossing: open → closed');
    expect(r.stdout).toContain('Site East camp: reachable across a border only → cut off');
  });

  it.each([
    [['--from', '2024-08-20', '--to', '2024-03-01'], /to: 2024-03-01 is before the first date 2024-08-20/],
    [['--from', '2024-02-30', '--to', '2024-03-01'], /from: "2024-02-30" is not a real calendar date/],
    [['--from', '2024-03-01', '--to', '2027-01-01'], /to: 2027-01-01 is outside the scenario's time range/],
    [['--from', '2024-03-01'], /give both dates/],
    [
      ['--from', '2024-03-01', '--to', '2024-08-20', '--format', 'xml'],
      /--format must be json, csv or table/,
    ],
  ])('refuses %j with a clear message and exit code 2', (args, message) => {
    const r = corridor(['compare', 'geodata', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

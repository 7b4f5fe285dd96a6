import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the real `corridor series` process, as a pipeline would.
const root = join(import.meta.dirname, '..', '..');

function corridor(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'corridor.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CORRIDOR_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('corridor series', () => {
  it('prints the weekly totals as JSON, with the events behind each jump', () => {
    const r = corridor(['series', 'geodata', '--from', '2024-08-01', '--to', '2024-08-29', '--step', '7d']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ from: '2024-08-01', to: '2024-08-29', stepDays: 7 });
    expect(out.points.map((p: { date: string }) => p.date)).toEqual([
      '2024-08-01',
      '2024-08-08',
      '2024-08-15',
      '2024-08-22',
      '2024-08-29',
    ]);
    const [, week2, week3] = out.points;
    // Adré reopens on 2024-08-15: fewer people cut off from that point on, and the point says why.
    expect(week3.peopleCutOff).toBeLessThan(week2.peopleCutOff);
    expect(week3.annotations).toEqual([
      expect.objectContaining({ date: '2024-08-15', text: 'Adré – El Geneina crossing reopened' }),
    ]);
    for (const k of ['peopleBesieged', 'peopleFamine', 'corridorsBlocked', 'crossingsClosed'])
      expect(typeof week3[k]).toBe('number');
  });

  it('prints CSV with an HXL row, one line per date', () => {
    const r = corridor([
      'series',
      'geodata',
      '--from',
      '2024-08-01',
      '--to',
      '2024-08-20',
      '--step',
      '1w',
      '--format',
      'csv',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^date,peopleCutOff,peopleBesieged,peopleFamine,.*,events$/);
    expect(lines[1]).toMatch(/^#date,#affected\+cut_off,/);
    expect(lines.slice(2).map((l) => l.split(',')[0])).toEqual([
      '2024-08-01',
      '2024-08-08',
      '2024-08-15',
      '2024-08-20',
    ]);
    expect(lines[4]).toMatch(/,2024-08-15 Adré – El Geneina crossing reopened$/);
  });

  it('refuses a wrong date, step or order with exit code 2 and a message naming it', () => {
    const bad = [
      [['--from', '2024-13-01'], '--from "2024-13-01" is not a date written YYYY-MM-DD'],
      [['--step', 'weekly'], 'step "weekly" must be a number of days or weeks'],
      [['--from', '2024-09-01', '--to', '2024-08-01'], 'to (2024-08-01) is before from (2024-09-01)'],
      [['--format', 'xml'], '--format must be json or csv, not "xml"'],
    ] as const;
    for (const [args, message] of bad) {
      const r = corridor(['series', 'geodata', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    }
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import { getFeature } from '$lib/server/db/featureRepository';
import { features } from '$lib/server/db/schema';

// Runs the real `corridor import` process against an embedded database in a temporary folder.
const root = join(import.meta.dirname, '..', '..');
const realdata = join(root, '..', 'shared', 'realdata');
const scratch = mkdtempSync(join(tmpdir(), 'corridor-cli-import-'));
const dataDir = join(scratch, 'data');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function corridor(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'corridor.js'), 'import', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', CORRIDOR_DEBUG: '' },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function stored(layer: string): Promise<number> {
  const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
  try {
    const [row] = await db.db
      .select({ n: sql<number>`count(*)` })
      .from(features)
      .where(sql`${features.layer} = ${layer}`);
    return Number(row.n);
  } finally {
    await db.close();
  }
}

describe('corridor import', () => {
  it('explains itself, and refuses bad usage with exit code 2', () => {
    const help = corridor(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: corridor import <file> --layer LAYER/);
    expect(corridor([join(realdata, 'sdn_acled_events_2023-04_week.csv')])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--layer is required'),
    });
    expect(corridor(['nope.csv', '--layer', 'sites'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('nope.csv: no such file'),
    });
    expect(corridor(['package.json', '--layer', 'camps']).err).toContain('--layer must be one of');
  });

  it('a dry run prints the report, writes nothing and creates no database', () => {
    const r = corridor([
      join(realdata, 'sdn_dtm_idp_sites_2019_omdena.csv'),
      '--layer',
      'sites',
      '--dry-run',
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('89 read, 88 valid, 1 rejected, 90 warnings');
    expect(r.out).toMatch(/error +line 21 +DTM0203004 \[_GPS_latitude, _GPS_longitude\] point at 0,0/);
    expect(r.out).toMatch(/warning line 76 +DTM0102149 .*plots in Chad \(TCD\)/);
    expect(r.out).toContain(
      'nothing written: 1 row with errors (fix them, or use --skip-invalid to write the 88 valid ones)',
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('errors block the commit; --skip-invalid writes the valid rows in one transaction', async () => {
    const blocked = corridor([join(realdata, 'sdn_dtm_idp_sites_2019_omdena.csv'), '--layer', 'sites']);
    expect(blocked.code).toBe(2);
    expect(await stored('sites')).toBe(0);
    const r = corridor([
      join(realdata, 'sdn_dtm_idp_sites_2019_omdena.csv'),
      '--layer',
      'sites',
      '--skip-invalid',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'written in one transaction: 88 created, 0 updated, 0 unchanged (1 row with errors skipped)',
    );
    expect(await stored('sites')).toBe(88);
  });

  it('imports the boundaries, then joins the HXL table onto them; a second run changes nothing', async () => {
    const admin = corridor([join(realdata, 'sdn_cod_admin2.geojson'), '--layer', 'admin']);
    expect(admin.out).toContain('189 created');
    const hxl = corridor([join(realdata, 'hxl_sdn_dtm_idp_admin2_2024-12.csv'), '--layer', 'admin']);
    expect(hxl.code).toBe(0);
    expect(hxl.out).toContain('header on line 3, HXL hashtags on line 4');
    expect(hxl.out).toContain('0 created, 184 updated, 0 unchanged');
    expect(
      corridor([join(realdata, 'hxl_sdn_dtm_idp_admin2_2024-12.csv'), '--layer', 'admin']).out,
    ).toContain('0 created, 0 updated, 184 unchanged');
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    try {
      const rabak = await getFeature(db.db, 'admin_SD09046');
      expect(rabak?.version).toBe(2);
      expect(rabak?.feature.properties).toMatchObject({ figures: [{ date: '2024-12-17', idps: 144936 }] });
    } finally {
      await db.close();
    }
  });

  it('prints a JSON report with --format-report json', () => {
    const r = corridor([
      join(realdata, 'sdn_acled_events_2023-04_week.csv'),
      '--layer',
      'incidents',
      '--format-report',
      'json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      format: 'acled',
      counts: { read: 47, valid: 47 },
      written: { created: 47 },
    });
    expect(report).not.toHaveProperty('features');
  });

  it('names the file, line and column of a bad row, and writes none of the file', async () => {
    const file = join(scratch, 'crossings.csv');
    writeFileSync(
      file,
      'id,name,kind,status,date,lat,lon,countries\nx_ok,Adré,international,open,2024-08-15,13.46,22.2,TCD SDN\nx_bad,Tiné,international,shut,15/13/2024,15.0,22.8,TCD SDN\n',
    );
    const r = corridor([file, '--layer', 'crossings']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/error +line 3 +x_bad \[date\] date "15\/13\/2024" is not a real calendar date/);
    expect(await stored('crossings')).toBe(0);
  });

  it('a file whose CSV syntax breaks is refused naming the line, and nothing is written', async () => {
    const before = await stored('sites');
    const file = join(scratch, 'broken.csv');
    writeFileSync(file, 'name,lat,lon,kind\nZamzam,13.49,25.31,camp\n"Abu Shouk,13.66,25.32,camp\n');
    const r = corridor([file, '--layer', 'sites', '--skip-invalid']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/error +line 3 .*is not valid CSV from line 3/);
    expect(await stored('sites')).toBe(before);
  });

  it('a KML or GPX file that is not well-formed XML is refused with exit code 2, not a crash', async () => {
    const before = await stored('sites');
    for (const [name, text] of [
      ['cut.kml', '<?xml version="1.0"?>\n<kml><Document><Placemark><name>Zamzam</name><Point><coordinates'],
      ['empty.gpx', ''],
    ]) {
      const file = join(scratch, name);
      writeFileSync(file, text);
      const r = corridor([file, '--layer', 'sites', '--skip-invalid']);
      expect(r.code, name).toBe(2);
      expect(r.out + r.err, name).toContain('is not valid XML');
      expect(r.err, name).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
    expect(await stored('sites')).toBe(before);
  });
});

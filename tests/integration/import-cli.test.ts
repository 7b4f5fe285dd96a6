import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import { getFeature } from '$lib/server/db/featureRepository';
import { features } from '$lib/server/db/schema';
import { getImportMapping } from '$lib/server/import/importMappings';
import { sourceKeyOf } from '$lib/import/sourceKey';

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

  it('--set gives every row a fixed value, remembered with the mapping; a wrong one is refused', async () => {
    const file = join(scratch, 'villages.csv');
    writeFileSync(file, 'Name,Lat Dd,Long Dd\nKutum,14.19972,24.66417\nKabkabiya,13.66667,24.08333\n');
    const wrong = corridor([file, '--layer', 'sites', '--set', 'colour=red']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--set: the sites layer has no field "colour" to fix');
    expect(corridor([file, '--layer', 'sites', '--set', 'kind']).err).toContain('is not FIELD=VALUE');
    const r = corridor([file, '--layer', 'sites', '--set', 'kind=village', '--set', 'source=US HIU']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 created');
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    try {
      expect((await getFeature(db.db, 'villages_2'))?.feature.properties).toMatchObject({
        name: 'Kutum',
        kind: 'town',
        source: 'US HIU',
      });
      const key = sourceKeyOf('csv', [{ name: 'Name' }, { name: 'Lat Dd' }, { name: 'Long Dd' }]);
      expect((await getImportMapping(db.db, key))?.mapping.set).toEqual({
        kind: 'village',
        source: 'US HIU',
      });
    } finally {
      await db.close();
    }
  });

  it('imports the Chad geoBoundaries provinces, then the departments with parents found by overlap', async () => {
    const adm1 = corridor([join(realdata, 'tcd_geoboundaries_adm1.geojson'), '--layer', 'admin']);
    expect(adm1.code).toBe(0);
    expect(adm1.out).toContain('23 read, 23 valid, 0 rejected');
    expect(adm1.out).toContain('read as a geoBoundaries export');
    const adm2 = corridor([join(realdata, 'tcd_geoboundaries_adm2.geojson'), '--layer', 'admin']);
    expect(adm2.code).toBe(0);
    expect(adm2.out).toContain('70 created');
    // Read without a preset, the report says which one fits these files.
    expect(adm1.out).toContain('looks like a geoBoundaries export: add --preset geoboundaries');
    // Wayi: 61 % of it lies in its province (the files do not nest), the least of all departments.
    expect(adm2.out).toMatch(/70 areas given the parent that covers most of each .* Wayi in Lac \(6\d %\)/);
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    try {
      const rows = await db.db
        .select({ properties: features.properties })
        .from(features)
        .where(sql`${features.layer} = 'admin' and ${features.properties}->>'pcode' like 'TD%'`);
      const byName = new Map(
        rows.map((r) => {
          const p = r.properties as { name: string; pcode: string; level: number; parentPcode?: string };
          return [p.name, p];
        }),
      );
      // Checked by point-in-polygon in the files' notes: Abéché in Ouara, Ouara in Ouaddaï.
      expect(byName.get('Ouara')?.parentPcode).toBe(byName.get('Ouaddaï')?.pcode);
      expect(byName.get('Kobé')?.parentPcode).toBe(byName.get('Wadi Fira')?.pcode);
      expect(byName.get('Ouaddaï')).toMatchObject({ level: 1 });
    } finally {
      await db.close();
    }
  });

  it('says once that the ACLED monthly table is an aggregate, on either layer, and writes nothing', () => {
    for (const layer of ['incidents', 'admin']) {
      const r = corridor([join(realdata, 'sdn_acled_pv_admin2_monthly_2023-2025.csv'), '--layer', layer]);
      expect(r.code, layer).toBe(2);
      expect(r.out, layer).toContain('Problems (1 error, 0 warnings)');
      expect(r.out, layer).toContain(
        'is an aggregate: counts (Events, Fatalities) per administrative area (Admin2 Pcode), not one row per event',
      );
      expect(r.out, layer).toContain(
        `looks like an ACLED or HAPI conflict aggregates export: add --preset conflict-aggregates${layer === 'admin' ? '' : ' --layer admin'}`,
      );
    }
  });

  it('--presets lists every preset with how it is detected, what it maps and what the user adds', () => {
    const r = corridor(['--presets']);
    expect(r.code).toBe(0);
    for (const name of [
      'hot-osm-places',
      'osm-health',
      'ucdp-ged',
      'conflict-aggregates',
      'geoboundaries',
      'gadm',
      'ipc-api',
      'control-areas',
    ])
      expect(r.out).toMatch(new RegExp(`^${name} +\\S`, 'm'));
    expect(r.out).toContain('ucdp-ged             UCDP GED → incidents');
    expect(r.out).toContain('you add: --set actorId=ACTOR --set confidence=assessed|claimed|contested');
  });

  it('a UCDP GED file: without the preset nothing imports and the preset is named; with it, every event is written and the preset remembered', async () => {
    // Generated in UCDP's column layout: source_date (the report) before date_start (the event).
    const file = join(scratch, 'ged_sdn.csv');
    writeFileSync(
      file,
      [
        'id,year,type_of_violence,source_date,where_coordinates,latitude,longitude,country,date_start,best',
        '500001,2024,1,2024-05-20,El Fasher town,13.63,25.35,Sudan,2024-05-10,12',
        '500002,2024,3,2024-06-02,Tawila village,14.03,24.87,Sudan,2024-06-01,3',
      ].join('\n'),
    );
    const plain = corridor([file, '--layer', 'incidents']);
    expect(plain.code).toBe(2);
    expect(plain.out).toContain('looks like a UCDP GED export: add --preset ucdp-ged\n');
    expect(plain.out).toContain('nothing written: no valid feature');
    expect(corridor([file, '--preset', 'ucdp'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--preset must be one of hot-osm-places, osm-health, ucdp-ged'),
    });
    expect(corridor([file, '--layer', 'sites', '--preset', 'ucdp-ged']).err).toContain(
      '--preset ucdp-ged (UCDP GED) imports into the incidents layer, not sites',
    );
    // The preset knows its layer.
    const r = corridor([file, '--preset', 'ucdp-ged']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('read with the UCDP GED preset (ucdp-ged)');
    expect(r.out).toContain('2 created');
    const db = await openDatabase({ dataDir, migrationsFolder: 'drizzle' });
    try {
      expect((await getFeature(db.db, 'ged_sdn_500001'))?.feature.properties).toMatchObject({
        name: 'El Fasher town',
        date: '2024-05-10',
        category: 'hostilities',
        severity: 3,
        fatalities: 12,
        verification: 'verified',
        sensitivity: 'public',
      });
      expect((await getFeature(db.db, 'ged_sdn_500002'))?.feature.properties).toMatchObject({
        category: 'violence_against_civilians',
        severity: 2,
      });
      const key = sourceKeyOf(
        'csv',
        'id,year,type_of_violence,source_date,where_coordinates,latitude,longitude,country,date_start,best'
          .split(',')
          .map((name) => ({ name })),
      );
      expect((await getImportMapping(db.db, key))?.mapping).toMatchObject({ preset: 'ucdp-ged' });
    } finally {
      await db.close();
    }
  });
});

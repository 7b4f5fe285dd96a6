import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportFeature } from '$lib/server/export/layerColumns';
import { layerKml } from '$lib/server/export/layerKml';
import { selectFeatures } from '$lib/server/export/selectFeatures';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { ogrinfo, schemaProblems, withFile } from '../helpers/xmlTools';

const situation = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
const kmlOf = (layer: string, asOf?: string) =>
  layerKml(layer, `Sudan & ${layer}`, selectFeatures(situation, layer, { asOf, windowDays: 30 }), asOf);

describe('KML export', () => {
  it('opens in GDAL (LIBKML driver) with every site, its attributes and its position', () => {
    const kml = kmlOf('sites', '2024-08-15');
    expect(schemaProblems(kml, 'kml22')).toEqual([]);
    const out = withFile('sites.kml', kml, (path) => ogrinfo(path, ['-al', '-where', "id = 'sd_zamzam'"]));
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain("using driver `LIBKML' successful");
    expect(out.stdout).toContain('Layer name: sites');
    expect(out.stdout).toMatch(/Feature Count: 1\b/);
    expect(out.stdout).toContain('Name (String) = Zamzam IDP camp');
    expect(out.stdout).toContain('nameAr (String) = معسكر زمزم للنازحين');
    expect(out.stdout).toContain('kind (String) = idp_camp');
    expect(out.stdout).toContain('famine (String) = true');
    expect(out.stdout).toMatch(/POINT \(25\.31\d* 13\.48\d*\)/);
  });

  it('opens in GDAL (KML driver) with areas as polygons and "&" in names escaped', () => {
    const kml = kmlOf('areas');
    expect(schemaProblems(kml, 'kml22')).toEqual([]);
    expect(kml).toContain('<name>Sudan &amp; areas</name>');
    const out = withFile('areas.kml', kml, (path) =>
      ogrinfo(path, ['--config', 'OGR_SKIP', 'LIBKML', '-al', '-geom=SUMMARY']),
    );
    expect(out.stdout).toContain("using driver `KML' successful");
    expect(out.stdout).toMatch(new RegExp(`Feature Count: ${situation.areas.length}\\b`));
    expect(out.stdout).not.toMatch(/POINT|LINESTRING/);
    expect(out.stdout).toMatch(/POLYGON/);
  });

  it('escapes markup in text and keeps the validity as a time span', () => {
    const f: ExportFeature = {
      geometry: {
        type: 'LineString',
        coordinates: [
          [22, 13],
          [23, 13.5],
        ],
      },
      properties: {
        id: 'r1',
        name: 'Road <A> & "B"',
        source: "O'Brien & co",
        class: 'track',
        validFrom: '2024-01-01',
        validTo: '2024-06-01',
        impassableMonths: [7, 8],
      },
    };
    const kml = layerKml('roads', 'roads', [f]);
    expect(kml).toContain('<name>Road &lt;A&gt; &amp; &quot;B&quot;</name>');
    expect(kml).toContain('<Data name="source"><value>O&apos;Brien &amp; co</value></Data>');
    expect(kml).toContain('<TimeSpan><begin>2024-01-01</begin><end>2024-06-01</end></TimeSpan>');
    const out = withFile('r.kml', kml, (path) => ogrinfo(path, ['-al']));
    expect(out.stdout).toContain('Name (String) = Road <A> & "B"');
    expect(out.stdout).toContain('impassableMonths (String) = 7;8');
    expect(out.stdout).toMatch(/LINESTRING \(22 13,23(\.0)? 13\.5\)/);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerGeometryTypes } from '$lib/domain/schemas';
import type { ExportFeature } from '$lib/server/export/layerColumns';
import { gpxHoldsLayer, layerGpx } from '$lib/server/export/layerGpx';
import { selectFeatures } from '$lib/server/export/selectFeatures';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { ogrinfo, schemaProblems, withFile } from '../helpers/xmlTools';

// GPX 1.1 is checked two ways: validated against the published GPX 1.1 schema (xmllint --schema), and read
// back by GDAL's GPX driver, as a driver's phone app or a GIS officer's tool would.
const situation = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
const gpxOf = (layer: string, asOf?: string) =>
  layerGpx(layer, `Sudan & ${layer}`, selectFeatures(situation, layer, { asOf, windowDays: 30 }), asOf);
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('GPX export', () => {
  it('writes corridors as tracks that GDAL reads back with their names and points', () => {
    const gpx = gpxOf('corridors');
    expect(schemaProblems(gpx, 'gpx11')).toEqual([]);
    expect(count(gpx, /<trk>/g)).toBe(situation.corridors.length);
    expect(count(gpx, /<wpt /g)).toBe(0);
    const out = withFile('corridors.gpx', gpx, (path) => ogrinfo(path, ['-al'], ['tracks']));
    expect(out.stdout).toContain("using driver `GPX' successful");
    expect(out.stdout).toMatch(new RegExp(`Feature Count: ${situation.corridors.length}\\b`));
    const adre = situation.corridors.find((c) => c.properties.id === 'cor_adre_nyala')!;
    expect(out.stdout).toContain(`name (String) = ${adre.properties.name}`);
    const [lon, lat] = adre.geometry.coordinates[0];
    expect(out.stdout).toContain(`MULTILINESTRING ((${lon} ${lat},`);
  });

  it('writes sites and crossings as waypoints, with the status on the as-of date', () => {
    for (const layer of ['sites', 'crossings'] as const) {
      const gpx = gpxOf(layer, '2024-05-01');
      expect(schemaProblems(gpx, 'gpx11')).toEqual([]);
      const out = withFile(`${layer}.gpx`, gpx, (path) => ogrinfo(path, ['-al', '-so'], ['waypoints']));
      expect(out.stdout).toMatch(new RegExp(`Feature Count: ${situation[layer].length}\\b`));
    }
    const out = withFile('c.gpx', gpxOf('crossings', '2024-05-01'), (path) =>
      ogrinfo(path, ['-al', '-where', "name LIKE 'Adr%'"], ['waypoints']),
    );
    expect(out.stdout).toContain('type (String) = international');
    expect(out.stdout).toMatch(/desc \(String\) = .*status: closed; statusSince: 2024-02-01/);
  });

  it('puts point constraints (checkpoints) in waypoints before line ones in tracks, and leaves areas out', () => {
    const c = (id: string, kind: string, geometry: ExportFeature['geometry']): ExportFeature => ({
      geometry,
      properties: { id, name: `${kind} ${id}`, source: 's', kind, severity: 2, validFrom: '2024-01-01' },
    });
    const gpx = layerGpx('constraints', 'c', [
      c('flood', 'flood', {
        type: 'LineString',
        coordinates: [
          [22, 13],
          [22.5, 13.2],
        ],
      }),
      c('cp', 'checkpoint', { type: 'Point', coordinates: [22.1, 13.1] }),
      c('mine', 'minefield', {
        type: 'Polygon',
        coordinates: [
          [
            [22, 13],
            [22.1, 13],
            [22.1, 13.1],
            [22, 13],
          ],
        ],
      }),
    ]);
    expect(schemaProblems(gpx, 'gpx11')).toEqual([]);
    expect(gpx.indexOf('<wpt ')).toBeLessThan(gpx.indexOf('<trk>'));
    expect(gpx).toContain('<wpt lat="13.1" lon="22.1"><name>checkpoint cp</name>');
    expect(gpx).toContain('<type>checkpoint</type>');
    expect(gpx).not.toContain('minefield mine');
    expect(gpx).toContain('1 area feature is not included');
  });

  it('escapes names and keeps longitudes inside GPX’s [-180, 180)', () => {
    const gpx = layerGpx('sites', 'x', [
      {
        geometry: { type: 'Point', coordinates: [180, -16.5] },
        properties: { id: 'fj', name: 'Camp <1> & "2" – مخيم', source: 's', kind: 'town', figures: [] },
      },
    ]);
    expect(schemaProblems(gpx, 'gpx11')).toEqual([]);
    expect(gpx).toContain('<wpt lat="-16.5" lon="-180">');
    expect(gpx).toContain('<name>Camp &lt;1&gt; &amp; &quot;2&quot; – مخيم</name>');
  });

  it('the schema check catches what the schema forbids', () => {
    // So that an empty list above means valid, not unchecked.
    const gpx = (body: string) =>
      `<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="x">${body}</gpx>`;
    expect(schemaProblems(gpx('<wpt lat="9" lon="20"><name>n</name></wpt>'), 'gpx11')).toEqual([]);
    expect(
      schemaProblems(gpx('<trk><name>t</name></trk><wpt lat="9" lon="20"/>'), 'gpx11').join('\n'),
    ).toMatch(/wpt.*not expected/);
    expect(schemaProblems(gpx('<wpt lat="95" lon="20"/>'), 'gpx11').join('\n')).toMatch(/'95'/);
  });

  it('refuses layers that only hold areas', () => {
    expect(gpxHoldsLayer(layerGeometryTypes.areas)).toBe(false);
    expect(gpxHoldsLayer(layerGeometryTypes.constraints)).toBe(true);
    expect(gpxHoldsLayer(layerGeometryTypes.corridors)).toBe(true);
  });
});

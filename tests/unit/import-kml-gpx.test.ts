import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>Adré crossing road</name><ExtendedData><Data name="class"><value>Secondary</value></Data></ExtendedData>
    <LineString><coordinates>22.2,13.46 22.45,13.45 22.6,13.4</coordinates></LineString></Placemark>
  <Placemark><name>A camp</name><Point><coordinates>22.4,13.45</coordinates></Point></Placemark>
</Document></kml>`;

const GPX = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="13.49" lon="25.31"><name>Zamzam</name><type>IDP camp</type></wpt>
  <trk><name>Convoy track</name><trkseg><trkpt lat="13.4" lon="22.4"/><trkpt lat="13.5" lon="22.9"/></trkseg></trk>
</gpx>`;

describe('KML and GPX', () => {
  it('reads KML placemarks: lines into roads with ExtendedData as fields, points refused there', () => {
    const p = parseImport(KML, { fileName: 'roads.kml', layer: 'roads' });
    expect(p.format).toBe('kml');
    expect(p.features).toHaveLength(1);
    expect(p.features[0].properties).toMatchObject({
      id: 'roads_0',
      name: 'Adré crossing road',
      class: 'secondary',
      source: 'roads.kml',
    });
    expect(p.problems).toEqual([
      expect.objectContaining({
        featureIndex: 1,
        field: 'geometry.type',
        message: 'must be LineString in the roads layer, not Point',
      }),
    ]);
  });

  it('reads GPX waypoints as sites and a one-segment track as a corridor line', () => {
    const sites = parseImport(GPX, { fileName: 'trip.gpx', layer: 'sites', defaultCountry: 'SDN' });
    expect(sites.format).toBe('gpx');
    expect(sites.features.map((f) => [f.properties?.name, f.properties?.kind])).toEqual([
      ['Zamzam', 'idp_camp'],
    ]);
    const corridors = parseImport(GPX, { fileName: 'trip.gpx', layer: 'corridors' });
    expect(corridors.features.map((f) => [f.properties?.name, f.geometry.type])).toEqual([
      ['Convoy track', 'LineString'],
    ]);
  });

  it('refuses XML that is not the format it claims', () => {
    const p = parseImport(GPX, { fileName: 'trip.kml', layer: 'sites' });
    expect(p.problems[0]).toMatchObject({ level: 'error', message: 'is not KML: its root element is <gpx>' });
  });
});

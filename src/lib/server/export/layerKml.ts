import type { Geometry, Position } from 'geojson';
import { layerColumns, type ExportFeature } from './layerColumns';
import { xmlEscape } from '../xml/xmlEscape';

const coords = (ps: Position[]) => ps.map((p) => p.join(',')).join(' ');
const ring = (r: Position[]) => `<LinearRing><coordinates>${coords(r)}</coordinates></LinearRing>`;
const polygon = (rings: Position[][]) =>
  `<Polygon>${rings
    .map((r, i) =>
      i === 0
        ? `<outerBoundaryIs>${ring(r)}</outerBoundaryIs>`
        : `<innerBoundaryIs>${ring(r)}</innerBoundaryIs>`,
    )
    .join('')}</Polygon>`;

function geometryKml(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${g.coordinates.join(',')}</coordinates></Point>`;
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((p) => geometryKml({ type: 'Point', coordinates: p })).join('')}</MultiGeometry>`;
    case 'LineString':
      return `<LineString><tessellate>1</tessellate><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((l) => geometryKml({ type: 'LineString', coordinates: l })).join('')}</MultiGeometry>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${g.geometries.map(geometryKml).join('')}</MultiGeometry>`;
  }
}

/** KML's time primitive for a record: its validity as a TimeSpan, or an incident's day as a TimeStamp. */
function timeKml(p: ExportFeature['properties']): string {
  if (typeof p.date === 'string') return `<TimeStamp><when>${p.date}</when></TimeStamp>`;
  const begin = typeof p.validFrom === 'string' ? `<begin>${p.validFrom}</begin>` : '';
  const end = typeof p.validTo === 'string' ? `<end>${p.validTo}</end>` : '';
  return begin || end ? `<TimeSpan>${begin}${end}</TimeSpan>` : '';
}

/**
 * A layer as KML 2.2 (OGC 07-147r2): one Placemark per feature with its name, its note as description,
 * its validity as a time primitive (Google Earth's time slider) and the table's columns as ExtendedData.
 */
export function layerKml(layer: string, title: string, features: ExportFeature[], asOf?: string): string {
  const columns = layerColumns(layer, features, asOf).filter(
    (c) => !c.geometry && c.header !== 'name' && c.header !== 'note',
  );
  const placemarks = features.map((f) => {
    const data = columns
      .map((c) => [c.header, c.value(f)] as const)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `<Data name="${xmlEscape(k)}"><value>${xmlEscape(String(v))}</value></Data>`)
      .join('');
    const note =
      typeof f.properties.note === 'string'
        ? `<description>${xmlEscape(f.properties.note)}</description>`
        : '';
    return (
      `<Placemark><name>${xmlEscape(f.properties.name)}</name>${note}${timeKml(f.properties)}` +
      `<ExtendedData>${data}</ExtendedData>${geometryKml(f.geometry)}</Placemark>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>' +
    `<name>${xmlEscape(title)}</name>\n` +
    // One Folder named after the layer: GIS clients (GDAL's KML drivers, QGIS) read it as a layer of that name.
    `<Folder><name>${xmlEscape(layer)}</name>\n` +
    placemarks.join('\n') +
    '\n</Folder>\n</Document>\n</kml>\n'
  );
}

// RFC 7946 removed the `crs` member: GeoJSON is WGS 84 longitude/latitude. Files from older tools (QGIS,
// ArcGIS, OCHA's COD exports) still carry one; it is harmless when it names WGS 84 and fatal otherwise,
// since projected coordinates (metres) would land far off the map.

/** Names of WGS 84 in longitude/latitude order, as `crs.properties.name` writes them. */
const WGS84 = [
  /^urn:ogc:def:crs:OGC:1\.3:CRS84$/i,
  /^urn:ogc:def:crs:OGC::CRS84$/i,
  /^urn:ogc:def:crs:EPSG:(6\.\d+(\.\d+)?)?:4326$/i,
  /^EPSG:4326$/i,
  /^CRS84$/i,
  /^WGS ?84$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/4326$/i,
];

/**
 * Checks a legacy `crs` member: undefined when it is absent or means WGS 84 (CRS84, EPSG:4326), otherwise
 * the message saying which system it names.
 *
 * @example crsProblem({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }) // undefined
 * @example crsProblem({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32635' } }) // 'uses the coordinate reference system …'
 */
export function crsProblem(crs: unknown): string | undefined {
  if (crs === undefined || crs === null) return undefined;
  const c = crs as { type?: unknown; properties?: { name?: unknown; href?: unknown } };
  const name = c.properties?.name ?? c.properties?.href;
  if (typeof name === 'string' && WGS84.some((r) => r.test(name.trim()))) return undefined;
  const shown = typeof name === 'string' ? name : JSON.stringify(crs);
  return `uses the coordinate reference system "${shown}": GeoJSON must be WGS 84 longitude/latitude (RFC 7946)`;
}

export const CRS_SUGGESTION =
  'reproject the file to EPSG:4326 (QGIS: Export › Save Features As… with CRS EPSG:4326; GDAL: ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson)';

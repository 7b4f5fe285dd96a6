/** The formats a layer exports to, with their media types (IANA registrations where one exists). */
export const layerFormats = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8; header=present',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
  gpx: 'application/gpx+xml; charset=utf-8',
} as const;
export type LayerFormat = keyof typeof layerFormats;

export const reportFormats = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8; header=present',
} as const;
export type ReportFormat = keyof typeof reportFormats;

/** `attachment` with a file name: ASCII letters, digits, `-`, `_` and `.` only, so no quoting is needed. */
export function attachment(parts: (string | undefined)[], ext: string): string {
  const name = parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${name}.${ext}"`;
}

import { notFoundResponse } from './parameterError';

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

/**
 * Whether `format` names one of `formats` (its own keys: `in` would also take `toString` and the other names
 * every object inherits, and a route would then answer `/export/report.toString`).
 */
export function isFormatOf<F extends Record<string, string>>(
  formats: F,
  format: string,
): format is Extract<keyof F, string> {
  return Object.hasOwn(formats, format);
}

/**
 * The format of an export of the analysis (`/export/report.json`, `/compare/export.csv`), or the 404 naming
 * the formats it has; `what` is the thing exported ("the report", "the comparison").
 */
export function reportFormatOr404(what: string, format: string): ReportFormat | Response {
  return isFormatOf(reportFormats, format)
    ? format
    : notFoundResponse(`${what} exports as ${Object.keys(reportFormats).join(' or ')}, not "${format}"`);
}

/** `attachment` with a file name: ASCII letters, digits, `-`, `_` and `.` only, so no quoting is needed. */
export function attachment(parts: (string | undefined)[], ext: string): string {
  const name = parts
    .filter(Boolean)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${name}.${ext}"`;
}

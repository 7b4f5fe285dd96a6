// GeoJSON text → the list of raw features it holds: a FeatureCollection, one Feature, or a bare geometry.
// Problems of the file as a whole (not JSON, a projected `crs`) are returned instead of features.
import type { Feature, Geometry } from 'geojson';
import { CRS_SUGGESTION, crsProblem } from './crs';
import type { ImportProblem } from './types';
import type { ProblemCode } from './problemCodes';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

export function readGeoJson(text: string, file: string): { features: unknown[]; problems: ImportProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return {
      features: [],
      problems: [
        { level: 'error', code: 'invalid_json', file, message: `is not valid JSON: ${(e as Error).message}` },
      ],
    };
  }
  return geoJsonFeatures(json, file);
}

/** The features of parsed GeoJSON; foreign members (`bbox`, `name`, `crs` meaning WGS 84) are ignored. */
export function geoJsonFeatures(
  json: unknown,
  file: string,
): { features: unknown[]; problems: ImportProblem[] } {
  const refuse = (code: ProblemCode, message: string, suggestion?: string, field?: string) => ({
    features: [],
    problems: [
      {
        level: 'error' as const,
        code,
        file,
        ...(field ? { field } : {}),
        message,
        ...(suggestion ? { suggestion } : {}),
      },
    ],
  });
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return refuse('not_geojson', 'is not GeoJSON: expected an object with a "type"', undefined, 'type');
  const o = json as { type?: unknown; crs?: unknown; features?: unknown };
  const crs = crsProblem(o.crs);
  if (crs) return refuse('unsupported_crs', crs, CRS_SUGGESTION, 'crs');
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features))
      return refuse('not_geojson', '"features" must be an array of features', undefined, 'features');
    return { features: o.features, problems: [] };
  }
  if (o.type === 'Feature') return { features: [json], problems: [] };
  if (typeof o.type === 'string' && GEOMETRY_TYPES.has(o.type))
    return {
      features: [{ type: 'Feature', geometry: json as Geometry, properties: {} } satisfies Feature],
      problems: [],
    };
  return refuse(
    'not_geojson',
    `is not GeoJSON: "type" is ${JSON.stringify(o.type)}, not FeatureCollection, Feature or a geometry`,
    undefined,
    'type',
  );
}

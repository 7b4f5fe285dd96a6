// Checks of a point's position that the schemas cannot make: they need the workspace extent or the
// countries. Each says what is probably wrong and how to fix it.
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import { countryName } from './countryCodes';
import type { RowIssue } from './problems';
import type { CountryShape } from './types';

type Extent = readonly [number, number, number, number];

const inside = ([lon, lat]: Position, [w, s, e, n]: Extent) => lon >= w && lon <= e && lat >= s && lat <= n;

/**
 * Problems of a line or polygon against the workspace extent, as for points: wholly outside it is a warning,
 * and an error when it would be wholly inside with latitude and longitude swapped. A shape reaching across
 * the edge is fine (a province of the neighbouring country, a road leading abroad).
 */
export function shapeExtentIssues(
  box: readonly [number, number, number, number],
  extent: Extent | undefined,
): RowIssue[] {
  if (!extent) return [];
  const [w, s, e, n] = box;
  const disjoint = (b: Extent) =>
    b[2] < extent[0] || b[0] > extent[2] || b[3] < extent[1] || b[1] > extent[3];
  if (!disjoint(box)) return [];
  const field = 'geometry.coordinates';
  if (inside([s, w], extent) && inside([n, e], extent))
    return [
      {
        level: 'error',
        code: 'coordinates_swapped',
        field,
        message: `lies outside the workspace extent (bounding box ${w}, ${s} – ${e}, ${n}), and inside it with latitude and longitude swapped`,
        suggestion: 'latitude and longitude look swapped: write positions as longitude, latitude (RFC 7946)',
      },
    ];
  return [
    {
      level: 'warning',
      code: 'outside_extent',
      field,
      message: `lies wholly outside the workspace extent [${extent.join(', ')}] (bounding box ${w}, ${s} – ${e}, ${n})`,
      suggestion: 'outside the workspace extent: check the coordinates',
    },
  ];
}

/** The country a position is in, by outline (bounding boxes first: most points meet one or two). */
export function countryAt(position: Position, countries: readonly CountryShape[]): CountryShape | undefined {
  for (const c of countries) {
    if (!inside(position, c.bbox)) continue;
    if (booleanPointInPolygon(position as [number, number], c.geometry)) return c;
  }
  return undefined;
}

/**
 * Problems of a point: at 0,0 (an error: coordinates left empty become zeros), latitude and longitude
 * swapped (an error when swapping them puts the point inside the extent and it is outside as given),
 * outside the workspace extent (a warning: a hub abroad is possible), and, when the feature names its
 * country and the outlines are given, in another country (a warning: borders at 1:50 million scale are
 * approximate near the line, and the row may be right).
 */
export function pointIssues(
  position: Position,
  where: { lat: string; lon: string },
  options: { extent?: Extent; countries?: readonly CountryShape[]; country?: string },
): RowIssue[] {
  const [lon, lat] = position;
  const field = `${where.lat}, ${where.lon}`;
  if (lon === 0 && lat === 0)
    return [
      {
        level: 'error',
        code: 'point_at_zero',
        field,
        message: 'point at 0,0',
        suggestion: 'point at 0,0: the coordinates are probably missing; fill them in or leave the row out',
      },
    ];
  const { extent, countries, country } = options;
  if (extent && !inside(position, extent)) {
    if (inside([lat, lon], extent))
      return [
        {
          level: 'error',
          code: 'coordinates_swapped',
          field,
          message: `position ${lon}, ${lat} is outside the workspace extent, and inside it with latitude and longitude swapped`,
          suggestion: 'latitude and longitude look swapped: swap the two columns (or their mapping)',
        },
      ];
    return [
      {
        level: 'warning',
        code: 'outside_extent',
        field,
        message: `position ${lon}, ${lat} is outside the workspace extent [${extent.join(', ')}]`,
        suggestion: 'outside the workspace extent: check the coordinates',
      },
    ];
  }
  if (countries && countries.length > 0 && country) {
    const found = countryAt(position, countries);
    if (found?.iso3 !== country)
      return [
        {
          level: 'warning',
          code: 'wrong_country',
          field,
          message: found
            ? `plots in ${found.name} (${found.iso3}), not in ${countryName(country)} (${country}) as its country says`
            : `plots in no country (at sea?), not in ${countryName(country)} (${country}) as its country says`,
          suggestion: 'check the coordinates (a digit lost or a sign dropped?), or correct the country',
        },
      ];
  }
  return [];
}

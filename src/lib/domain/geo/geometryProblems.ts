import { kinks } from '@turf/turf';
import type { Geometry, Position } from 'geojson';

/** A problem found in a geometry: `path` points into `geometry.coordinates`, e.g. `coordinates[0][3]`. */
export interface GeometryProblem {
  path: string;
  reason: string;
}

/**
 * Checks what zod cannot: longitude in [-180, 180] and latitude in [-90, 90], enough vertices, closed rings,
 * and no self-intersecting polygon rings (`turf.kinks`). Pure; the geometry is not modified.
 *
 * @example
 * geometryProblems({ type: 'Point', coordinates: [230, 10] })
 * // => [{ path: 'coordinates', reason: 'longitude 230 is outside [-180, 180]' }]
 */
export function geometryProblems(geometry: Geometry): GeometryProblem[] {
  const problems: GeometryProblem[] = [];
  const checkPosition = (p: Position, path: string) => {
    const [lon, lat] = p;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      problems.push({ path, reason: 'coordinates must be finite numbers' });
      return;
    }
    if (lon < -180 || lon > 180) problems.push({ path, reason: `longitude ${lon} is outside [-180, 180]` });
    if (lat < -90 || lat > 90) problems.push({ path, reason: `latitude ${lat} is outside [-90, 90]` });
  };
  const checkLine = (line: Position[], path: string) => {
    if (line.length < 2)
      problems.push({ path, reason: `a line needs at least 2 positions, it has ${line.length}` });
    line.forEach((p, i) => checkPosition(p, `${path}[${i}]`));
  };
  const checkPolygon = (rings: Position[][], path: string) => {
    if (rings.length === 0) problems.push({ path, reason: 'a polygon needs an exterior ring' });
    rings.forEach((ring, r) => {
      const ringPath = `${path}[${r}]`;
      if (ring.length < 4) {
        problems.push({ path: ringPath, reason: `a ring needs at least 4 positions, it has ${ring.length}` });
      }
      ring.forEach((p, i) => checkPosition(p, `${ringPath}[${i}]`));
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
        problems.push({ path: ringPath, reason: 'ring is not closed (first and last positions differ)' });
      }
    });
    if (problems.length > 0) return;
    const found = kinks({ type: 'Polygon', coordinates: rings });
    if (found.features.length > 0) {
      const [lon, lat] = found.features[0].geometry.coordinates;
      problems.push({
        path,
        reason: `self-intersection at ${lon.toFixed(5)}, ${lat.toFixed(5)}${found.features.length > 1 ? ` (and ${found.features.length - 1} more)` : ''}`,
      });
    }
  };

  switch (geometry.type) {
    case 'Point':
      checkPosition(geometry.coordinates, 'coordinates');
      break;
    case 'MultiPoint':
      geometry.coordinates.forEach((p, i) => checkPosition(p, `coordinates[${i}]`));
      break;
    case 'LineString':
      checkLine(geometry.coordinates, 'coordinates');
      break;
    case 'MultiLineString':
      if (geometry.coordinates.length === 0) problems.push({ path: 'coordinates', reason: 'has no lines' });
      geometry.coordinates.forEach((l, i) => checkLine(l, `coordinates[${i}]`));
      break;
    case 'Polygon':
      checkPolygon(geometry.coordinates, 'coordinates');
      break;
    case 'MultiPolygon':
      if (geometry.coordinates.length === 0)
        problems.push({ path: 'coordinates', reason: 'has no polygons' });
      geometry.coordinates.forEach((poly, i) => checkPolygon(poly, `coordinates[${i}]`));
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((g, i) =>
        geometryProblems(g).forEach((p) =>
          problems.push({ path: `geometries[${i}].${p.path}`, reason: p.reason }),
        ),
      );
      break;
  }
  return problems;
}

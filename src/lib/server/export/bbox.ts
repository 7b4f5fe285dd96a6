import { ParameterError } from './parameterError';

export type Bbox = [west: number, south: number, east: number, north: number];

/**
 * `bbox=west,south,east,north` in WGS 84 longitude/latitude (OGC API – Features, 4 numbers; 6 with heights
 * of which the heights are ignored). West may exceed east: the box then crosses the antimeridian.
 *
 * @example
 * parseBbox('21.5,12,25.5,14.5') // [21.5, 12, 25.5, 14.5]
 */
export function parseBbox(value: string | null, parameter = 'bbox'): Bbox | undefined {
  if (value === null) return undefined;
  const parts = value.split(',').map((s) => s.trim());
  if (
    (parts.length !== 4 && parts.length !== 6) ||
    parts.some((p) => p === '' || !Number.isFinite(Number(p)))
  )
    throw new ParameterError(
      parameter,
      'must be four numbers: west,south,east,north (longitude and latitude)',
    );
  const n = parts.map(Number);
  const [w, s, e, no] = parts.length === 6 ? [n[0], n[1], n[3], n[4]] : n;
  if (w < -180 || w > 180 || e < -180 || e > 180)
    throw new ParameterError(parameter, 'longitudes must be within [-180, 180]');
  if (s < -90 || no > 90 || s > no)
    throw new ParameterError(parameter, 'latitudes must be within [-90, 90] with south <= north');
  return [w, s, e, no];
}

/** True when two boxes share a point; the query box may cross the antimeridian (west > east). */
export function bboxIntersects(box: Bbox, query: Bbox): boolean {
  if (box[1] > query[3] || box[3] < query[1]) return false;
  if (query[0] <= query[2]) return box[0] <= query[2] && box[2] >= query[0];
  return box[2] >= query[0] || box[0] <= query[2];
}

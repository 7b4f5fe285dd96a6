import type { Position } from 'geojson';
import type { FrontlineFeature } from '../src/lib/domain/schemas';

/** The same front line moved sideways by `km` (perpendicular to its overall direction). */
export function shiftedGeometry(f: FrontlineFeature, km: number): FrontlineFeature['geometry'] {
  const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const first = lines[0][0];
  const lastLine = lines[lines.length - 1];
  const last = lastLine[lastLine.length - 1];
  const kmPerDegLat = 111.32;
  const kmPerDegLon = kmPerDegLat * Math.cos((((first[1] + last[1]) / 2) * Math.PI) / 180);
  const ex = (last[0] - first[0]) * kmPerDegLon;
  const ey = (last[1] - first[1]) * kmPerDegLat;
  const len = Math.hypot(ex, ey) || 1;
  const [dx, dy] = [(-ey / len) * km, (ex / len) * km];
  const move = (p: Position): Position => [
    Math.round((p[0] + dx / kmPerDegLon) * 1e5) / 1e5,
    Math.round((p[1] + dy / kmPerDegLat) * 1e5) / 1e5,
  ];
  return f.geometry.type === 'LineString'
    ? { type: 'LineString', coordinates: f.geometry.coordinates.map(move) }
    : { type: 'MultiLineString', coordinates: f.geometry.coordinates.map((l) => l.map(move)) };
}

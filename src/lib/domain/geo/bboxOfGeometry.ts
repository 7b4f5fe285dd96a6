import type { Geometry } from 'geojson';

const cache = new WeakMap<object, [number, number, number, number]>();

/**
 * Bounding box `[west, south, east, north]` of a Point, (Multi)LineString or (Multi)Polygon. Remembered per
 * geometry object (geometries are never mutated), so asking again is free.
 *
 * @example
 * bboxOfGeometry({ type: 'LineString', coordinates: [[1, 2], [3, -1]] }) // [1, -1, 3, 2]
 */
export function bboxOfGeometry(g: Geometry): [number, number, number, number] {
  const hit = cache.get(g);
  if (hit) return hit;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
      return;
    }
    for (const child of c as unknown[]) visit(child);
  };
  if (g.type === 'GeometryCollection')
    for (const child of g.geometries) visit(bboxCorners(bboxOfGeometry(child)));
  else visit(g.coordinates);
  cache.set(g, box);
  return box;
}

function bboxCorners(b: [number, number, number, number]): number[][] {
  return [
    [b[0], b[1]],
    [b[2], b[3]],
  ];
}

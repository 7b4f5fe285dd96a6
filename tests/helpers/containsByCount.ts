import type { Position } from 'geojson';

/**
 * Whether a point is inside (Multi)Polygon rings by even-odd over every ring edge, each taken from its first
 * end to its second (the polygon index's arithmetic): the plain reference the index's tests compare with.
 */
export function containsByCount(polygons: readonly Position[][][], [x, y]: Position): boolean {
  return polygons.some((rings) => {
    let odd = false;
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1];
        const [bx, by] = ring[i];
        if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) odd = !odd;
      }
    return odd;
  });
}

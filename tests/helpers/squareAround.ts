import type { Polygon } from 'geojson';

/** The square of half-side `r` degrees centred on (`x`, `y`), as the seeded sieges of several tests are drawn. */
export const squareAround = (x: number, y: number, r: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x - r, y - r],
      [x + r, y - r],
      [x + r, y + r],
      [x - r, y + r],
      [x - r, y - r],
    ],
  ],
});

import { describe, expect, it } from 'vitest';
import { CROSSING_STATUS_COLORS } from '$lib/map/crossingsLayer';
import { crossingIcon, hatchImageName, hatchPattern, imageFor } from '$lib/map/patterns';

const pixel = (img: { width: number; data: Uint8Array }, x: number, y: number) =>
  Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

describe('hatchPattern', () => {
  it('draws opaque stripes of the colour on transparent', () => {
    const img = hatchPattern('#c0392b', 8, 2);
    expect(img.data).toHaveLength(8 * 8 * 4);
    expect(pixel(img, 0, 0)).toEqual([...rgb('#c0392b'), 255]);
    expect(pixel(img, 4, 0)).toEqual([0, 0, 0, 0]);
    const inked = Array.from({ length: 64 }, (_, i) => img.data[i * 4 + 3]).filter((a) => a === 255).length;
    expect(inked).toBe(16); // 2 of every 8 diagonals
  });

  it('tiles without a seam: each stripe continues across the edges', () => {
    const img = hatchPattern('#000000', 8, 2);
    for (let y = 0; y < 8; y++) {
      // The pixel right of the last column is the first column of the next tile, one row down the diagonal.
      const lastCol = pixel(img, 7, y)[3];
      const nextTile = pixel(img, 0, (y + 7) % 8)[3];
      expect(lastCol).toBe(nextTile);
    }
  });
});

describe('crossingIcon', () => {
  it('is filled with the status colour in a white ring, transparent in the corners', () => {
    for (const status of ['open', 'restricted', 'closed'] as const) {
      const img = crossingIcon('international', status, 22);
      expect(pixel(img, 11, 11)).toEqual([...rgb(CROSSING_STATUS_COLORS[status]), 255]);
      expect(pixel(img, 0, 0)[3]).toBe(0);
    }
  });

  it('is a diamond for border crossings and a square for crossline points', () => {
    // Near a corner of the square but outside the diamond.
    expect(pixel(crossingIcon('international', 'open', 22), 5, 5)[3]).toBe(0);
    expect(pixel(crossingIcon('crossline', 'open', 22), 5, 5)[3]).toBe(255);
  });
});

describe('imageFor', () => {
  it('makes the images the style names, and nothing else', () => {
    expect(imageFor(hatchImageName('#1F77B4'))?.image.width).toBe(8);
    expect(imageFor('crossing-crossline-restricted')).toMatchObject({
      pixelRatio: 2,
      image: { width: 44, height: 44 },
    });
    expect(imageFor('crossing-international-unknown')).toBeUndefined();
    expect(imageFor('marker-15')).toBeUndefined();
  });
});

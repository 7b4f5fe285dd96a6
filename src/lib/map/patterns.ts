// https://maplibre.org/maplibre-style-spec/layers/#fill-pattern and https://maplibre.org/maplibre-style-spec/layers/#icon-image
// Images the style asks for by name and that are drawn here, pixel by pixel, instead of shipping a sprite:
// `hatch-rrggbb` (diagonal stripes in a colour) and `crossing-<kind>-<status>` (the crossing markers).
import { CROSSING_STATUS_COLORS, type CrossingStatusName } from './crossingsLayer';

/** RGBA pixels in the shape `map.addImage` takes. */
export interface PixelImage {
  width: number;
  height: number;
  data: Uint8Array;
}

const HATCH_PREFIX = 'hatch-';
const CROSSING_PREFIX = 'crossing-';

/** `hatch-` + the colour without its `#`: `hatchImageName('#c0392b')` → `hatch-c0392b`. */
export function hatchImageName(color: string): string {
  return HATCH_PREFIX + color.replace(/^#/, '').toLowerCase();
}

export function crossingImageName(kind: 'international' | 'crossline', status: CrossingStatusName): string {
  return `${CROSSING_PREFIX}${kind}-${status}`;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace(/^#/, ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Diagonal stripes (bottom-left to top-right) of `color` on transparent, `size` px square, that tile
 * seamlessly: pixel (x, y) is inked when (x + y) mod `period` falls within the stripe width.
 */
export function hatchPattern(color: string, size = 8, stripe = 2): PixelImage {
  const [r, g, b] = hexToRgb(color);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + y) % size < stripe) data.set([r, g, b, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/**
 * A crossing marker: a diamond for an international crossing, a square for a crossline point, filled with
 * the status colour inside a white ring so it stands out on any area colour. `size` px square.
 */
export function crossingIcon(
  kind: 'international' | 'crossline',
  status: CrossingStatusName,
  size = 22,
): PixelImage {
  const [r, g, b] = hexToRgb(CROSSING_STATUS_COLORS[status]);
  const data = new Uint8Array(size * size * 4);
  const c = (size - 1) / 2;
  const outer = c;
  const unit = size / 22; // ring widths scale with the image
  const ring = 2.5 * unit;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = Math.abs(x - c);
      const dy = Math.abs(y - c);
      // Diamond: L1 distance; square: L∞ distance, a little smaller so both look the same weight.
      const d = kind === 'international' ? dx + dy : Math.max(dx, dy) + 2 * unit;
      const i = (y * size + x) * 4;
      if (d <= outer - ring) data.set([r, g, b, 255], i);
      else if (d <= outer - unit) data.set([255, 255, 255, 255], i);
      else if (d <= outer) data.set([60, 60, 60, 255], i);
    }
  }
  return { width: size, height: size, data };
}

/**
 * The image a style asks for by name, with the pixel ratio to register it at (markers are drawn at twice
 * their size so they stay crisp on high-density screens), or undefined when the name is not one of ours.
 */
export function imageFor(name: string): { image: PixelImage; pixelRatio: number } | undefined {
  const hatch = /^hatch-([0-9a-f]{6})$/i.exec(name);
  if (hatch) return { image: hatchPattern(`#${hatch[1]}`), pixelRatio: 1 };
  const crossing = /^crossing-(international|crossline)-(open|restricted|closed)$/.exec(name);
  if (crossing) {
    const kind = crossing[1] as 'international' | 'crossline';
    return { image: crossingIcon(kind, crossing[2] as CrossingStatusName, 44), pixelRatio: 2 };
  }
  return undefined;
}

import type { MapView } from './urlState';

/**
 * The Web Mercator view of a still image (the embed's PNG and SVG, docs/embed.md), with MapLibre's own
 * conventions so that `map=zoom/lat/lon` shows the same place at the same scale in the image as on the
 * live map: the world is 512 × 2^zoom pixels wide, and the centre of the view is the centre of the image.
 */
export const WORLD_TILE_PX = 512;
/** Latitudes beyond this are not drawn by Web Mercator (the square world of MapLibre). */
export const MAX_LATITUDE = 85.051129;
/** The margin around a box fitted to the image, as the live embed fits its extent (`MapController`). */
export const FIT_PADDING_PX = 24;

export interface PixelView {
  width: number;
  height: number;
  zoom: number;
  center: [number, number];
  /** [longitude, latitude] → [x, y] pixels from the image's top left corner. */
  project: (lonLat: readonly number[]) => [number, number];
}

/** Longitude → 0…1 across the world, west to east. */
export const mercatorX = (lon: number) => (lon + 180) / 360;

/** Latitude → 0…1 down the world, north to south (clamped to the Mercator square). */
export function mercatorY(lat: number): number {
  const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2;
}

/**
 * The view centred on `view.center` at `view.zoom`, `width` × `height` pixels.
 *
 * @example viewAt({ center: [0, 0], zoom: 0 }, 512, 512).project([0, 0]) // [256, 256]
 */
export function viewAt(view: MapView, width: number, height: number): PixelView {
  const worldPx = WORLD_TILE_PX * 2 ** view.zoom;
  const cx = mercatorX(view.center[0]) * worldPx;
  const cy = mercatorY(view.center[1]) * worldPx;
  return {
    width,
    height,
    zoom: view.zoom,
    center: view.center,
    project: (p) => [mercatorX(p[0]) * worldPx - cx + width / 2, mercatorY(p[1]) * worldPx - cy + height / 2],
  };
}

/**
 * The largest view that shows the whole `box` ([west, south, east, north] in degrees) inside the image with
 * `padding` pixels on every side, centred on the box, as MapLibre's `fitBounds` does.
 *
 * @example fitBox([22, 11, 27, 16], 800, 600).zoom // ≈ 6.3
 */
export function fitBox(
  box: readonly [number, number, number, number],
  width: number,
  height: number,
  padding = FIT_PADDING_PX,
): PixelView {
  const [w, s, e, n] = box;
  const dx = mercatorX(e) - mercatorX(w);
  const dy = mercatorY(s) - mercatorY(n);
  const room = (px: number) => Math.max(1, px - 2 * padding);
  const scale = Math.min(room(width) / (dx * WORLD_TILE_PX), room(height) / (dy * WORLD_TILE_PX));
  const zoom = Math.max(0, Math.min(22, Math.log2(scale)));
  // The centre in Mercator units, back to degrees, so the box sits in the middle of the image.
  const my = (mercatorY(s) + mercatorY(n)) / 2;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * my))) * 180) / Math.PI;
  return viewAt({ center: [(w + e) / 2, lat], zoom }, width, height);
}

import type { Geometry, Position } from 'geojson';
import type { PixelView } from './mercatorView';

/** Pixels to one decimal: finer than any screen shows, and a third of the bytes of full precision. */
const px = (v: number) => Math.round(v * 10) / 10;

/** The `d` of one line or ring, dropping points that land on the previous pixel (a country's coast at zoom 4). */
function linePath(line: readonly Position[], view: PixelView, close: boolean): string {
  let d = '';
  let last: [number, number] | undefined;
  let count = 0;
  for (const p of line) {
    const [x, y] = view.project(p).map(px) as [number, number];
    if (last && Math.abs(x - last[0]) < 0.5 && Math.abs(y - last[1]) < 0.5) continue;
    d += `${count === 0 ? 'M' : 'L'}${x} ${y}`;
    last = [x, y];
    count++;
  }
  if (count < 2) return '';
  return close ? `${d}Z` : d;
}

/** Whether pixels `[x0, y0, x1, y1]` meet the image (with a margin for strokes and halos). */
function meetsImage(box: [number, number, number, number], view: PixelView, margin = 40): boolean {
  return (
    box[2] >= -margin && box[0] <= view.width + margin && box[3] >= -margin && box[1] <= view.height + margin
  );
}

function pixelBox(
  lines: readonly (readonly Position[])[],
  view: PixelView,
): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const line of lines)
    for (const p of line) {
      const [x, y] = view.project(p);
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  return box;
}

/** Every line and ring of a line or polygon geometry, with whether it is a closed ring. */
function partsOf(g: Geometry): { lines: Position[][]; closed: boolean } {
  switch (g.type) {
    case 'LineString':
      return { lines: [g.coordinates], closed: false };
    case 'MultiLineString':
      return { lines: g.coordinates, closed: false };
    case 'Polygon':
      return { lines: g.coordinates, closed: true };
    case 'MultiPolygon':
      return { lines: g.coordinates.flat(), closed: true };
    default:
      return { lines: [], closed: false };
  }
}

/**
 * The SVG path data of a line or polygon geometry in the view (`''` for points, or when it lies wholly
 * outside the image, so that a world basemap costs only the countries in view). Polygons' holes are rings
 * of the same path: draw them with `fill-rule="evenodd"`.
 *
 * @example geometryPath({ type: 'LineString', coordinates: [[0, 0], [1, 0]] }, viewAt({ center: [0, 0], zoom: 0 }, 512, 512)) // 'M256 256L257.4 256'
 */
export function geometryPath(g: Geometry, view: PixelView): string {
  const { lines, closed } = partsOf(g);
  if (!lines.length || !meetsImage(pixelBox(lines, view), view)) return '';
  return lines.map((l) => linePath(l, view, closed)).join('');
}

/** A point's pixel position, or undefined when it is outside the image (with a margin). */
export function pointPixel(g: Geometry, view: PixelView, margin = 20): [number, number] | undefined {
  if (g.type !== 'Point') return undefined;
  const [x, y] = view.project(g.coordinates);
  if (x < -margin || y < -margin || x > view.width + margin || y > view.height + margin) return undefined;
  return [px(x), px(y)];
}

import type { FeatureCollection, Geometry } from 'geojson';
import type { BasemapProperties } from '$lib/map/basemapGeoJson';
import type { basemapColors } from '$lib/map/basemapLayers';
import type { MapData } from '$lib/map/mapData';
import type { PixelView } from '$lib/map/mercatorView';
import { pointPixel } from '$lib/map/svgPath';
import type { Locale } from '$lib/paraglide/runtime';
import { el, escapeXml, textWidth } from './svgMarkup';
import { siteRadius } from './svgDataLayers';

// Labels of the still image. Unlike MapLibre, SVG places no label by itself: this keeps a list of the boxes
// already taken and drops a label that would overlap one, the larger places first, as the live map's
// `symbol-sort-key` does. The count is bounded by the image's area, so a small image is not a wall of text.

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export class LabelSpace {
  private taken: Box[] = [];
  constructor(private readonly view: PixelView) {}
  /** Takes the box if it is inside the image and free; says whether it did. */
  claim(box: Box): boolean {
    if (box[0] < 2 || box[1] < 2 || box[2] > this.view.width - 2 || box[3] > this.view.height - 2)
      return false;
    if (this.taken.some((t) => overlaps(t, box))) return false;
    this.taken.push(box);
    return true;
  }
}

/** The name a site is labelled with: the Arabic one in Arabic where the data has it (as the embed's map). */
export function siteName(p: Record<string, unknown>, locale: Locale): string {
  const ar = String(p.nameAr ?? '');
  return locale === 'ar' && ar ? ar : String(p.name ?? '');
}

/** `font-family` of label text: the app's own fonts (`fonts/`), Arabic through its own face. */
export const LABEL_FONTS = "'Noto Sans', 'Noto Sans Arabic', sans-serif";

function haloText(
  text: string,
  x: number,
  y: number,
  o: {
    size: number;
    anchor: 'start' | 'end' | 'middle';
    fill: string;
    halo: string;
    cls: string;
    bold?: boolean;
  },
): string {
  return el(
    'text',
    {
      class: o.cls,
      x,
      y,
      'font-size': o.size,
      'font-weight': o.bold ? 'bold' : undefined,
      'text-anchor': o.anchor,
      fill: o.fill,
      stroke: o.halo,
      'stroke-width': 3,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    },
    escapeXml(text),
  );
}

/**
 * Names of the main sites: active ones with people or a hub role, the most people first, to the right of
 * the circle (or to its left when the right is taken or off the image).
 */
export function siteLabelsSvg(data: MapData, view: PixelView, space: LabelSpace, locale: Locale): string {
  const max = Math.max(4, Math.min(24, Math.round((view.width * view.height) / 30_000)));
  const size = view.zoom >= 9 ? 13 : view.zoom <= 4 ? 10.5 : 10.5 + ((view.zoom - 4) * 2.5) / 5;
  const candidates = data.sites.features
    .filter(
      (f) =>
        f.properties.status === 'active' &&
        (Number(f.properties.population) > 0 || f.properties.hub === true),
    )
    .sort((a, b) => Number(b.properties.population) - Number(a.properties.population));
  const out: string[] = [];
  for (const f of candidates) {
    if (out.length >= max) break;
    const at = pointPixel(f.geometry, view, 0);
    if (!at) continue;
    const name = siteName(f.properties, locale);
    if (!name) continue;
    const r = siteRadius(Number(f.properties.population), view.zoom) + 3;
    const w = textWidth(name, size);
    const y = at[1] + size * 0.35;
    const right: Box = [at[0] + r, at[1] - size * 0.7, at[0] + r + w, at[1] + size * 0.7];
    const left: Box = [at[0] - r - w, right[1], at[0] - r, right[3]];
    const style = { size, fill: '#1d1d1d', halo: '#ffffff', cls: 'label site-label' };
    if (space.claim(right)) out.push(haloText(name, right[0], y, { ...style, anchor: 'start' }));
    else if (space.claim(left)) out.push(haloText(name, left[2], y, { ...style, anchor: 'end' }));
  }
  return out.join('');
}

/** Country names, larger countries in larger type, where they fit (`basemapLabelLayers`). */
export function countryLabelsSvg(
  basemap: FeatureCollection<Geometry, BasemapProperties>,
  view: PixelView,
  space: LabelSpace,
  colors: typeof basemapColors,
): string {
  const labels = basemap.features
    .filter((f) => f.properties.kind === 'label')
    .sort((a, b) => (b.properties.rank ?? 0) - (a.properties.rank ?? 0));
  const out: string[] = [];
  for (const f of labels) {
    const at = pointPixel(f.geometry, view, 0);
    if (!at) continue;
    const name = (f.properties.name ?? '').toUpperCase();
    const size = 10 + (f.properties.rank ?? 0);
    const w = textWidth(name, size) * 1.12;
    if (!space.claim([at[0] - w / 2, at[1] - size, at[0] + w / 2, at[1] + size * 0.3])) continue;
    out.push(
      el(
        'text',
        {
          class: 'label country-label',
          x: at[0],
          y: at[1],
          'font-size': size,
          'letter-spacing': +(size * 0.12).toFixed(2),
          'text-anchor': 'middle',
          fill: colors.label,
          'fill-opacity': 0.85,
          stroke: colors.labelHalo,
          'stroke-width': 3,
          'paint-order': 'stroke',
        },
        escapeXml(name),
      ),
    );
  }
  return out.join('');
}

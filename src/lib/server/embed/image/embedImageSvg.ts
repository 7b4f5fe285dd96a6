import type { FeatureCollection, Geometry } from 'geojson';
import type { BasemapProperties } from '$lib/map/basemapGeoJson';
import { basemapColors, darkBasemapColors } from '$lib/map/basemapLayers';
import type { EmbedOptions } from '$lib/map/embedOptions';
import type { MapData } from '$lib/map/mapData';
import { fitBox, viewAt, type PixelView } from '$lib/map/mercatorView';
import { geometryPath } from '$lib/map/svgPath';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import {
  adminSvg,
  areasSvg,
  corridorsSvg,
  crossingsSvg,
  frontlinesSvg,
  hatchPatterns,
  incidentsSvg,
  roadsSvg,
  selectedFeature,
  selectionLineSvg,
  selectionPointSvg,
  sitesSvg,
} from './svgDataLayers';
import { countryLabelsSvg, LabelSpace, LABEL_FONTS, siteLabelsSvg } from './svgLabels';
import { legendRows, legendSvg } from './svgLegend';
import { atZoom, dashArray, el, escapeXml, fitText, rtlText } from './svgMarkup';

/** What the still image draws: the embed's view of the public situation, already resolved by the server. */
export interface EmbedImageInput {
  width: number;
  height: number;
  options: EmbedOptions;
  locale: Locale;
  /** The public layers on the date, with the public analysis' verdicts (`mapDataOn`). */
  data: MapData;
  basemap: FeatureCollection<Geometry, BasemapProperties>;
  /** The scenario's extent: the view when the request names none. */
  extent: [number, number, number, number];
  actors: readonly { id: string; name: string; color: string }[];
  title: string;
  /** The date shown and when the public data last changed, already written in the request's language. */
  asOfText: string;
  dataAsOfText: string;
  sources: string[];
  /** The description of the image for screen readers (`alt=` or the generated one). */
  alt: string;
}

/** Heights of the title band above the map and of the sources line below it, in px. */
export const HEADER_PX = 46;
export const FOOTER_PX = 22;

/** The view of the map part of the image: `map=` as on the live map, else `bbox=`, else the scenario. */
export function imageView(
  input: Pick<EmbedImageInput, 'options' | 'extent' | 'width' | 'height'>,
): PixelView {
  const mapHeight = Math.max(1, input.height - HEADER_PX - FOOTER_PX);
  const { options } = input;
  if (options.view) return viewAt(options.view, input.width, mapHeight);
  return fitBox(options.bbox ?? input.extent, input.width, mapHeight);
}

function basemapSvg(
  basemap: EmbedImageInput['basemap'],
  view: PixelView,
  colors: typeof basemapColors,
): string {
  const land = basemap.features
    .filter((f) => f.properties.kind === 'land')
    .map((f) => geometryPath(f.geometry, view))
    .filter(Boolean)
    .join('');
  const borderWidth = atZoom(view.zoom, 3, 0.6, 8, 1.6);
  const borders = basemap.features
    .filter((f) => f.properties.kind === 'border')
    .map((f) => geometryPath(f.geometry, view))
    .join('');
  return (
    el('rect', { width: view.width, height: view.height, fill: colors.water }) +
    (land
      ? el('path', {
          d: land,
          fill: colors.land,
          stroke: colors.coast,
          'stroke-width': 1,
          'fill-rule': 'evenodd',
        })
      : '') +
    (borders
      ? el('path', {
          d: borders,
          fill: 'none',
          stroke: colors.border,
          'stroke-width': borderWidth,
          'stroke-dasharray': dashArray([4, 2], borderWidth),
        })
      : '')
  );
}

/**
 * The embed's view as a standalone SVG document (docs/embed.md, "Still image"): the basemap, the layers the
 * request shows with the date's verdicts, the selection's halo, the main sites' names in the request's
 * language, the legend (unless `plain`), a title with the date and "data as of", and the sources. Nothing
 * is drawn that `input` does not hold: the caller passes public records only.
 */
export function embedImageSvg(input: EmbedImageInput): string {
  const { width, height, options, locale, data } = input;
  const rtl = locale === 'ar';
  const dark = options.dark;
  const colors = dark ? darkBasemapColors : basemapColors;
  const view = imageView(input);
  const shown = new Set(options.layers);
  const layer = (g: keyof MapData, draw: (d: MapData, v: PixelView) => string) =>
    shown.has(g) ? draw(data, view) : '';
  const selected = selectedFeature(
    Object.fromEntries(Object.entries(data).filter(([g]) => shown.has(g as keyof MapData))) as MapData,
    options.selected,
  );
  // Site names claim their room first, so a country's name never hides a camp's.
  const space = new LabelSpace(view);
  const siteLabels = shown.has('sites') ? siteLabelsSvg(data, view, space, locale) : '';
  const countryLabels = countryLabelsSvg(input.basemap, view, space, colors);

  const map = [
    basemapSvg(input.basemap, view, colors),
    layer('admin', adminSvg),
    layer('areas', areasSvg),
    selectionLineSvg(selected, view),
    layer('roads', roadsSvg),
    layer('corridors', corridorsSvg),
    layer('frontlines', frontlinesSvg),
    countryLabels,
    layer('sites', sitesSvg),
    layer('crossings', crossingsSvg),
    layer('incidents', incidentsSvg),
    selectionPointSvg(selected, view),
    siteLabels,
    options.plain
      ? ''
      : legendSvg(legendRows(data, options.layers, input.actors, locale), {
          mapWidth: width,
          mapHeight: view.height,
          rtl,
          dark,
        }),
  ].join('');

  const ink = dark ? '#e8edf2' : '#1d1d1d';
  const muted = dark ? '#aab4be' : '#5f5f5f';
  const start = rtl ? width - 10 : 10;
  const anchor = rtl ? 'end' : 'start';
  const text = (y: number, size: number, fill: string, s: string, bold = false, cls?: string) => {
    const fitted = fitText(s, size, width - 20);
    return el(
      'text',
      {
        class: cls,
        x: start,
        y,
        'font-size': size,
        'font-weight': bold ? 'bold' : undefined,
        'text-anchor': anchor,
        fill,
      },
      escapeXml(rtl ? rtlText(fitted) : fitted),
    );
  };
  const dates = `${m.embed_situation_on({}, { locale })} ${input.asOfText} · ${m.embed_data_as_of({}, { locale })} ${input.dataAsOfText}`;
  const attribution = m.image_attribution(
    { sources: input.sources.length ? input.sources.join('; ') : m.image_sources_none({}, { locale }) },
    { locale },
  );

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="image-title image-desc" lang="${locale}" font-family="${LABEL_FONTS}">` +
    el('title', { id: 'image-title' }, escapeXml(`${input.title} · ${input.asOfText}`)) +
    el('desc', { id: 'image-desc' }, escapeXml(input.alt)) +
    el(
      'defs',
      {},
      hatchPatterns(data) + el('clipPath', { id: 'map-clip' }, el('rect', { width, height: view.height })),
    ) +
    el('rect', { width, height, fill: dark ? '#121b24' : '#ffffff' }) +
    text(20, 15, ink, input.title, true, 'title') +
    text(38, 11.5, muted, dates, false, 'dates') +
    el('g', { class: 'map', transform: `translate(0 ${HEADER_PX})`, 'clip-path': 'url(#map-clip)' }, map) +
    text(height - 7, 9.5, muted, attribution, false, 'attribution') +
    '</svg>'
  );
}

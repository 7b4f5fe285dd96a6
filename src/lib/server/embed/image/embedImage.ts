import { annotationsFromReport } from '$lib/map/analysisAnnotations';
import { DEFAULT_IMAGE_SIZE, IMAGE_SIZE_BOUNDS } from '$lib/map/embedSnippet';
import type { EmbedOptions } from '$lib/map/embedOptions';
import { mapDataOn } from '$lib/map/mapData';
import { formatDate, formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/paraglide/runtime';
import { countriesBasemap } from '../../basemap/countriesBasemap';
import { cachedResponse, strongEtag } from '../../http/cache';

import type { SituationStore } from '../../situation/situationStore';
import { embedView } from '../embedView';
import { embedImageSvg } from './embedImageSvg';
import { rasterisePng } from './rasterisePng';

/**
 * `width=` and `height=`: a whole number of pixels, kept inside the bounds; anything else (absent, `abc`,
 * `12.5`) falls back to the default, as `/embed` ignores what it cannot read rather than refusing it.
 *
 * @example imageSize(new URLSearchParams('width=5000&height=x')) // { width: 2400, height: 600 }
 */
export function imageSize(params: URLSearchParams): { width: number; height: number } {
  const read = (name: 'width' | 'height') => {
    const raw = params.get(name);
    if (raw === null || !/^\d{1,6}$/.test(raw.trim())) return DEFAULT_IMAGE_SIZE[name];
    return Math.max(IMAGE_SIZE_BOUNDS.min, Math.min(IMAGE_SIZE_BOUNDS.max, Number(raw)));
  };
  return { width: read('width'), height: read('height') };
}

/**
 * The still image of the embed's view as SVG: the same public situation and public analysis as `/embed`
 * (`embedView`), whoever asks, so it never draws a non-public record.
 */
export async function embedImageDocument(
  store: SituationStore,
  options: EmbedOptions,
  size: { width: number; height: number },
  locale: Locale,
): Promise<string> {
  const view = await embedView(store, options);
  const { situation } = await store.analyzerFor(null);
  return embedImageSvg({
    ...size,
    options,
    locale,
    data: mapDataOn(situation, view.asOf, annotationsFromReport(view.report)),
    basemap: countriesBasemap(view.extent),
    extent: view.extent,
    actors: situation.scenario.actors,
    title: view.summary.scenarioName,
    asOfText: formatDate(view.asOf, locale),
    dataAsOfText: formatDateTime(view.dataAsOf, locale),
    sources: view.sources,
    alt: options.alt ?? view.summary.defaultAlt,
  });
}

/**
 * `GET /embed/image.svg` and `/embed/image.png`: public, with a strong ETag from the public data's version,
 * the query and the language, so a revalidation costs no drawing. Without `lang=` the language comes from
 * the reader's cookie or `Accept-Language`, which the answer then varies on.
 */
export async function embedImageResponse(
  request: Request,
  url: URL,
  o: { store: SituationStore; options: EmbedOptions; locale: Locale; format: 'svg' | 'png' },
): Promise<Response> {
  const size = imageSize(url.searchParams);
  const { situation } = await o.store.analyzerFor(null);
  const version = await o.store.publicVersionOf(situation);
  const query = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).join('&');
  return cachedResponse(request, {
    etag: strongEtag('embed-image', o.format, version.hash, version.since, o.locale, query),
    policy: 'public',
    vary: url.searchParams.has('lang') ? [] : ['Accept-Language', 'Cookie'],
    build: async () => {
      const svg = await embedImageDocument(o.store, o.options, size, o.locale);
      return o.format === 'svg'
        ? { headers: { 'content-type': 'image/svg+xml; charset=utf-8' }, body: svg }
        : { headers: { 'content-type': 'image/png' }, body: await rasterisePng(svg) };
    },
  });
}

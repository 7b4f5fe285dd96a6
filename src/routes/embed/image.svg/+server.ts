import { parseEmbedOptions } from '$lib/map/embedOptions';
import { asLocale } from '$lib/i18n/languages';
import { getLocale } from '$lib/paraglide/runtime';
import { embedImageResponse } from '$lib/server/embed/image/embedImage';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The embed's view as an SVG image (docs/embed.md, "Still image"): public records only, whoever asks.
export const GET: RequestHandler = async ({ request, url }) =>
  embedImageResponse(request, url, {
    store: (await services()).store,
    options: parseEmbedOptions(url.searchParams),
    // The request's language (`paraglideMiddleware`), `lang=` first, as the embed's own.
    locale: asLocale(url.searchParams.get('lang')) ?? getLocale(),
    format: 'svg',
  });

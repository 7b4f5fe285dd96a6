import { parseEmbedOptions } from '$lib/map/embedOptions';
import {
  DEFAULT_EMBED_SIZE,
  DEFAULT_IMAGE_SIZE,
  embedImageUrl,
  IMAGE_SIZE_BOUNDS,
  embedSnippet,
} from '$lib/map/embedSnippet';
import {
  answerParameterErrors,
  checkKnownParameters,
  notFoundResponse,
  ParameterError,
} from '../export/parameterError';
import { cacheControl } from '../http/cache';
import { hasOembed } from '../http/headLinks';

function dimension(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n <= 0)
    throw new ParameterError(name, 'must be a positive whole number of pixels');
  return n;
}

/**
 * `GET /oembed?url=…&format=json[&maxwidth=&maxheight=]` (oEmbed 1.0, oembed.com): a `rich` answer with the
 * iframe of the embed for an address of this app's map or embed (same options: view, date, layers…), its
 * width and height within the maxima asked for. 404 for an address that is not one of ours, 501 for XML,
 * 400 naming a parameter that is wrong. `title` is the scenario's name.
 */
export function oembedResponse(url: URL, title: string): Promise<Response> {
  return answerParameterErrors(async () => {
    checkKnownParameters(url, ['url', 'format', 'maxwidth', 'maxheight']);
    const format = url.searchParams.get('format') ?? 'json';
    if (format !== 'json')
      return new Response(`oEmbed: format "${format}" is not implemented; use format=json\n`, {
        status: 501,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    const raw = url.searchParams.get('url');
    if (!raw) throw new ParameterError('url', 'is required: the address of a map or embed of this site');
    const maxwidth = dimension(url, 'maxwidth');
    const maxheight = dimension(url, 'maxheight');
    let target: URL;
    try {
      target = new URL(raw);
    } catch {
      return notFoundResponse(`"${raw}" is not an address of this site`);
    }
    if (target.origin !== url.origin || !hasOembed(target.pathname))
      return notFoundResponse(`"${raw}" is not a map or an embed of this site`);
    // Never above the maxima (oEmbed §2.2); the frame's height then grows to its content where the
    // consumer keeps the snippet's script.
    const width = Math.min(DEFAULT_EMBED_SIZE.width, maxwidth ?? Infinity);
    const height = Math.min(DEFAULT_EMBED_SIZE.height, maxheight ?? Infinity);
    const options = parseEmbedOptions(target.searchParams);
    const html = embedSnippet({ origin: url.origin, options, width, height, title });
    // The still image of the same view (`/embed/image.png`) as the thumbnail, within the maxima too, 4:3;
    // none when the maxima are below the smallest image the server draws.
    const thumbWidth = Math.min(
      DEFAULT_IMAGE_SIZE.width,
      maxwidth ?? Infinity,
      ((maxheight ?? Infinity) * 4) / 3,
    );
    const thumb = { width: Math.floor(thumbWidth), height: Math.floor((thumbWidth * 3) / 4) };
    const thumbnail =
      thumb.width >= IMAGE_SIZE_BOUNDS.min && thumb.height >= IMAGE_SIZE_BOUNDS.min
        ? {
            thumbnail_url: embedImageUrl(url.origin, options, 'png', thumb),
            thumbnail_width: thumb.width,
            thumbnail_height: thumb.height,
          }
        : {};
    return Response.json(
      {
        version: '1.0',
        type: 'rich',
        provider_name: 'Corridor',
        provider_url: `${url.origin}/`,
        title,
        html,
        width,
        height,
        ...thumbnail,
      },
      { headers: { 'cache-control': cacheControl('public') } },
    );
  });
}

import { writeEmbedOptions, type EmbedOptions } from './embedOptions';

/**
 * The message an embed sends its parent page with its height in CSS pixels, as Datawrapper's embeds do, so
 * that the page's snippet can size the iframe to its content: `{ 'corridor-embed-height': n }`.
 */
export const HEIGHT_MESSAGE_KEY = 'corridor-embed-height';

/** The default size of an embed's frame, in CSS pixels (the height grows to the content once it runs). */
export const DEFAULT_EMBED_SIZE = { width: 800, height: 760 };

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The embed's address on the app at `origin` with these options. */
export function embedUrl(origin: string, options: EmbedOptions): string {
  const q = writeEmbedOptions(options).toString();
  return `${origin}/embed${q ? `?${q}` : ''}`;
}

/** The size of the embed's still image when none is asked for (`/embed/image.png`, 4:3 as the map). */
export const DEFAULT_IMAGE_SIZE = { width: 800, height: 600 };
/** The smallest and largest `width=` and `height=` of the still image, in pixels. */
export const IMAGE_SIZE_BOUNDS = { min: 200, max: 2400 };

/**
 * The address of the still image of an embed with these options (docs/embed.md, "Still image"), as SVG or
 * PNG, at `size` pixels (the server's default when none is given).
 *
 * @example embedImageUrl('', { layers: ['sites'], plain: true, static: false, dark: false }, 'png', { width: 400, height: 300 }) // '/embed/image.png?layers=sites&plain=1&width=400&height=300'
 */
export function embedImageUrl(
  origin: string,
  options: EmbedOptions,
  format: 'svg' | 'png',
  size?: { width: number; height: number },
): string {
  const q = writeEmbedOptions(options);
  if (size) {
    q.set('width', String(Math.round(size.width)));
    q.set('height', String(Math.round(size.height)));
  }
  const query = q.toString();
  return `${origin}/embed/image.${format}${query ? `?${query}` : ''}`;
}

/**
 * The script a page adds beside its iframes to let them grow to their content. It takes the height only
 * from frames of `origin` and sets it only on the frame that sent it.
 */
export function resizeScript(origin: string): string {
  return (
    `<script>window.addEventListener('message',function(e){` +
    `if(e.origin!==${JSON.stringify(origin)})return;` +
    `var h=e.data&&e.data[${JSON.stringify(HEIGHT_MESSAGE_KEY)}];if(typeof h!=='number')return;` +
    `document.querySelectorAll('iframe').forEach(function(f){` +
    `if(f.contentWindow===e.source)f.style.height=h+'px';});});</script>`
  );
}

/**
 * The HTML a newsroom pastes: the iframe (with a title for screen readers and lazy loading) and the
 * resizing script. `width` may be a number of pixels or `'100%'`.
 *
 * @example embedSnippet({ origin: 'https://corridor.example', options, width: '100%', height: 760, title: 'Map' })
 */
export function embedSnippet(o: {
  origin: string;
  options: EmbedOptions;
  width: number | '100%';
  height: number;
  title: string;
  script?: boolean;
}): string {
  const frame =
    `<iframe src="${escapeAttr(embedUrl(o.origin, o.options))}" title="${escapeAttr(o.title)}" ` +
    `width="${o.width}" height="${o.height}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
  return o.script === false ? frame : `${frame}\n${resizeScript(o.origin)}`;
}

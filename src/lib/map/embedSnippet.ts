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

import { parseUrlState, writeUrlState, type UrlState } from './urlState';

/**
 * What an embed's URL asks for (docs/embed.md): the map's own state (`map=zoom/lat/lon`, `layers`, `date`,
 * `sel`, as on the map page), or a view given as `bbox=west,south,east,north` (fitted to the frame, used when
 * there is no `map`), the options a newsroom picks (`plain`: no legend; `static`: no interaction;
 * `theme=dark`), an `alt` description of the map, and `lang`, passed on as it is to the interface.
 */
export interface EmbedOptions extends UrlState {
  bbox?: [number, number, number, number];
  plain: boolean;
  static: boolean;
  dark: boolean;
  alt?: string;
  lang?: string;
}

/** An `alt` longer than this is cut: it is read aloud, and a paragraph is already long for that. */
export const ALT_MAX_CHARS = 600;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const FLAG_ON = new Set(['1', 'true', 'yes', '']);

function flag(params: URLSearchParams, name: string): boolean {
  const v = params.get(name);
  return v !== null && FLAG_ON.has(v.toLowerCase());
}

/** `west,south,east,north` in degrees, west < east and south < north, inside the Web Mercator world. */
function parseBbox(raw: string | null): [number, number, number, number] | undefined {
  const parts = raw?.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (!parts || parts.length !== 4 || !parts.every(Number.isFinite)) return undefined;
  const [w, s, e, n] = parts;
  if (w < -180 || e > 180 || s < -85.06 || n > 85.06 || w >= e || s >= n) return undefined;
  return [w, s, e, n];
}

/**
 * Reads an embed's options from its query. Like the map page's links, anything malformed is ignored rather
 * than trusted, so a mangled snippet still shows a working map.
 *
 * @example parseEmbedOptions(new URLSearchParams('bbox=22,11,27,16&plain=1')).bbox // [22, 11, 27, 16]
 */
export function parseEmbedOptions(params: URLSearchParams): EmbedOptions {
  const out: EmbedOptions = {
    ...parseUrlState(params),
    plain: flag(params, 'plain'),
    static: flag(params, 'static'),
    dark: params.get('theme') === 'dark',
  };
  const bbox = parseBbox(params.get('bbox'));
  if (bbox) out.bbox = bbox;
  const alt = params.get('alt')?.trim();
  if (alt) out.alt = alt.slice(0, ALT_MAX_CHARS);
  const lang = params.get('lang');
  if (lang && LANG.test(lang)) out.lang = lang;
  return out;
}

/** The query of an embed with these options (the inverse of `parseEmbedOptions` for what it keeps). */
export function writeEmbedOptions(options: EmbedOptions): URLSearchParams {
  const out = writeUrlState(options);
  if (options.bbox && !options.view) out.set('bbox', options.bbox.map((v) => +v.toFixed(4)).join(','));
  if (options.plain) out.set('plain', '1');
  if (options.static) out.set('static', '1');
  if (options.dark) out.set('theme', 'dark');
  if (options.alt) out.set('alt', options.alt);
  if (options.lang) out.set('lang', options.lang);
  return out;
}

/** Small helpers to write SVG by hand: escaping, attributes, and the map style's zoom interpolation. */

/** Text and attribute values escaped for XML (the data's names are written into the image). */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `name="value"` pairs, skipping undefined values; numbers rounded to 2 decimals. */
export function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}="${typeof v === 'number' ? +v.toFixed(2) : escapeXml(v!)}"`)
    .join(' ');
}

/** An element with attributes and optional content. */
export function el(name: string, a: Record<string, string | number | undefined>, content?: string): string {
  const open = `<${name} ${attrs(a)}`;
  return content === undefined ? `${open}/>` : `${open}>${content}</${name}>`;
}

/**
 * The map style's `['interpolate', ['linear'], ['zoom'], z0, a, z1, b]` at `zoom`: linear between the
 * stops and flat beyond them, so the image's widths match the live map's at the same zoom.
 */
export function atZoom(zoom: number, z0: number, a: number, z1: number, b: number): number {
  if (zoom <= z0) return a;
  if (zoom >= z1) return b;
  return a + ((b - a) * (zoom - z0)) / (z1 - z0);
}

/** A MapLibre dash array (in line widths) as an SVG one (in pixels); none for a solid line. */
export function dashArray(dash: readonly number[], width: number): string | undefined {
  if (dash.length < 2 || dash[1] === 0) return undefined;
  return dash.map((d) => +(d * width).toFixed(2)).join(' ');
}

/** Latin text from its length: Noto Sans averages a little over half an em per character. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.56;
}

/** `text` cut with an ellipsis to fit `maxWidth` px (a long list of sources on a small image). */
export function fitText(text: string, size: number, maxWidth: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  const chars = [...text];
  const keep = Math.max(1, Math.floor(maxWidth / (size * 0.56)) - 1);
  return `${chars.slice(0, keep).join('').trimEnd()}…`;
}

/**
 * Right-to-left text wrapped in an explicit embedding (RLE … PDF): resvg ignores SVG's `direction`, and a
 * line mixing Arabic, digits and "UTC" is ordered right only when its base direction is right to left.
 */
export const rtlText = (text: string) => `\u202b${text}\u202c`;

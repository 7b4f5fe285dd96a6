// https://maplibre.org/maplibre-style-spec/root/#font-faces
import type { FontFacesSpecification } from 'maplibre-gl';

/** Font names the symbol layers ask for in `text-font`; `font-faces` maps them to the app's own files. */
export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans Bold';

/**
 * The Arabic block, and the Presentation Forms-B MapLibre shapes Arabic words into: the Arabic file holds the
 * Arabic alphabet within them (`scripts/make-fonts.js`); what it lacks (Persian and Urdu letters, the
 * supplements) is drawn by the reader's own fonts.
 */
export const ARABIC_RANGES = ['U+0600-06FF', 'U+FE70-FEFF'];
/** Everything else the Latin files cover (the browser's own fonts draw what neither covers). */
export const LATIN_RANGES = ['U+0000-05FF', 'U+1E00-1EFF', 'U+2000-25FF'];

/**
 * The style's `font-faces`: labels are drawn from the WOFF2 files in `static/fonts`, served by the app, so no
 * glyph PBF is needed and nothing is fetched from another host. `base` is the app's origin (and base path);
 * `latin: false` declares the Arabic file only.
 */
export function fontFaces(base: string, { latin = true } = {}): FontFacesSpecification {
  const url = (file: string) => `${base}/fonts/${file}`;
  const arabic = { url: url('NotoSansArabic-Regular.woff2'), 'unicode-range': ARABIC_RANGES };
  // Without the Latin files (embeds), Latin labels are drawn with the reader's own fonts, letter by letter,
  // which Latin needs no more; Arabic keeps its file, without which its letters would not join.
  if (!latin) return { [FONT_REGULAR]: [arabic], [FONT_BOLD]: [arabic] };
  return {
    [FONT_REGULAR]: [{ url: url('NotoSans-Regular.woff2'), 'unicode-range': LATIN_RANGES }, arabic],
    [FONT_BOLD]: [{ url: url('NotoSans-Bold.woff2'), 'unicode-range': LATIN_RANGES }, arabic],
  };
}

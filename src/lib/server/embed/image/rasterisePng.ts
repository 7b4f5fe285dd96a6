import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

// PNG from the still image's SVG, rasterised here by resvg (compiled to WebAssembly, so nothing is built or
// downloaded at install or at run time). Its .wasm is read from node_modules, resolved from this module as
// the built server resolves its other dependencies; its fonts are the app's own TrueType files (`fonts/`, the
// sources of the WOFF2 files the browser gets), so Latin and Arabic names render without any system font.

const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSansArabic-Regular.ttf'];
/** Where the fonts are: the app's folder, as for `geodata/` and `drizzle/` (the server runs from there). */
const FONTS_DIR = 'fonts';

let ready: Promise<Uint8Array[]> | undefined;

/** Loads the WebAssembly module and the fonts once per process. */
function prepare(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
    await initWasm(await readFile(wasm));
    return Promise.all(FONT_FILES.map(async (f) => new Uint8Array(await readFile(resolve(FONTS_DIR, f)))));
  })();
  // A failed start (a missing file) is retried on the next request rather than remembered forever.
  ready.catch(() => (ready = undefined));
  return ready;
}

/** The PNG of an SVG document, at the SVG's own size. */
export async function rasterisePng(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  const fontBuffers = await prepare();
  const resvg = new Resvg(svg, {
    font: {
      fontBuffers,
      loadSystemFonts: false,
      defaultFontFamily: 'Noto Sans',
      sansSerifFamily: 'Noto Sans',
    },
    // Labels are shaped and kerned as in the browser; shapes anti-aliased.
    textRendering: 1,
    shapeRendering: 2,
  });
  try {
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    return new Uint8Array(png);
  } finally {
    resvg.free();
  }
}

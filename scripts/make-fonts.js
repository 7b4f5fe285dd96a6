// Makes the fonts the browser loads (static/fonts/*.woff2) from the TrueType sources in fonts/: WOFF2
// (Brotli-compressed) subsets holding only the characters the app and the map labels draw. The Latin files
// keep Latin, its accents and the punctuation, arrows and signs the interface uses; the Arabic file Arabic
// and its presentation forms. Run `node scripts/make-fonts.js` after changing a source or a range, and
// commit the result (fonts/README.md). Uses `subset-font` (HarfBuzz's subsetter compiled to WebAssembly).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const root = new URL('..', import.meta.url).pathname;

/** Every character of the inclusive code point ranges, as one string. */
function charsOf(ranges) {
  let out = '';
  for (const [from, to = from] of ranges) for (let c = from; c <= to; c++) out += String.fromCodePoint(c);
  return out;
}

const LATIN = charsOf([
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2b0, 0x36f],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20ac],
  [0x2122],
  [0x2190, 0x21ff],
  [0x2212],
  [0x2215],
  [0x2248],
  [0x2260, 0x2265],
  [0x25a0, 0x25ff],
  [0x2713],
  [0x2717],
]);
const ARABIC = charsOf([
  [0x20, 0x40],
  [0xa0],
  [0x600, 0x6ff],
  [0x750, 0x77f],
  [0x870, 0x8ff],
  [0x200c, 0x200f],
  [0x2010, 0x2027],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
]);

const fonts = [
  ['NotoSans-Regular', LATIN],
  ['NotoSans-Bold', LATIN],
  ['NotoSansArabic-Regular', ARABIC],
];

for (const [name, text] of fonts) {
  const source = readFileSync(join(root, 'fonts', `${name}.ttf`));
  const woff2 = await subsetFont(source, text, { targetFormat: 'woff2' });
  writeFileSync(join(root, 'static', 'fonts', `${name}.woff2`), woff2);
  console.log(`static/fonts/${name}.woff2: ${woff2.length} bytes (from ${source.length})`);
}

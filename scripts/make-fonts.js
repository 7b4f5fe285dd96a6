// Makes the fonts the browser loads (static/fonts/*.woff2) from the TrueType sources in fonts/: WOFF2
// (Brotli-compressed) subsets holding only the characters the app and the map labels draw. The Latin files
// keep Latin-1, Latin Extended-A and Latin Extended Additional (the dotted letters of transliterated Arabic
// names), the punctuation and the few signs the interface uses; the Arabic file the Arabic block and its
// presentation forms. A character a file lacks is drawn by the reader's own fonts. Run `node scripts/make-fonts.js` after changing a source or a range, and
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
  [0xa0, 0x17f],
  [0x2bb, 0x2bf],
  [0x2c6],
  [0x2da],
  [0x2dc],
  [0x1e00, 0x1eff],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac],
  [0x2122],
  [0x2190, 0x2193],
  [0x2212],
  [0x221d, 0x221e],
  [0x2248],
  [0x2260],
  [0x2264, 0x2265],
  [0x25a0],
  [0x25cf],
  [0x2713],
  [0x2717],
]);
const ARABIC = charsOf([
  [0x20, 0x40],
  [0xa0],
  [0x600, 0x6ff],
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

// Makes the fonts the browser loads (static/fonts/*.woff2) from the TrueType sources in fonts/: WOFF2
// (Brotli-compressed) subsets holding only the characters the app and the map labels draw. The Latin files
// keep Latin-1, Latin Extended-A and Latin Extended Additional (the dotted letters of transliterated Arabic
// names), the punctuation and the few signs the interface uses; the Arabic file the Arabic alphabet and the
// presentation forms MapLibre draws it with (below). A character a file lacks is drawn by the reader's own fonts. Run `node scripts/make-fonts.js` after changing a source or a range, and
// commit the result (fonts/README.md). Uses `subset-font` (HarfBuzz's subsetter compiled to WebAssembly).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
// The Arabic file holds the letters of the Arabic language, their vowel marks, digits and punctuation, the
// Presentation Forms-B shapes MapLibre draws each letter in (it shapes a word itself and asks for the form by
// code point), and every Arabic character the interface's messages and the data's names use (read below, so a
// name with a rarer letter is covered when this is run again). Persian and Urdu letters, the Arabic
// Supplement and Extended blocks and Presentation Forms-A are left to the reader's own fonts: the embed in
// Arabic has a 600 KB budget (docs/embed.md), and with them the file was four times the size.
const ARABIC_BLOCKS = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/gu;
/** Every Arabic character of the Arabic messages and of the seed data (the names' `name_ar`). */
function arabicInUse() {
  const files = [join(root, 'messages', 'ar.json')];
  for (const f of readdirSync(join(root, 'geodata')))
    if (/\.(geo)?json$/.test(f)) files.push(join(root, 'geodata', f));
  const found = new Set();
  for (const f of files) for (const [c] of readFileSync(f, 'utf8').matchAll(ARABIC_BLOCKS)) found.add(c);
  return [...found].sort().join('');
}
const ARABIC =
  charsOf([
    [0x60c],
    [0x61b],
    [0x61f],
    [0x621, 0x63a],
    [0x640, 0x652],
    [0x660, 0x66d],
    [0x670],
    [0x200c, 0x200f],
    [0xfe70, 0xfefc],
  ]) + arabicInUse();

// `noLayoutClosure` for Arabic: only the glyphs of the characters above, not every alternate and ligature the
// layout tables could reach (two thirds of the file). The joining forms the browser's shaping picks for
// `init`/`medi`/`fina` are the Presentation Forms-B glyphs kept above, so the page's Arabic text still joins.
const fonts = [
  ['NotoSans-Regular', LATIN, {}],
  ['NotoSans-Bold', LATIN, {}],
  ['NotoSansArabic-Regular', ARABIC, { noLayoutClosure: true }],
];

for (const [name, text, options] of fonts) {
  const source = readFileSync(join(root, 'fonts', `${name}.ttf`));
  const woff2 = await subsetFont(source, text, { targetFormat: 'woff2', ...options });
  writeFileSync(join(root, 'static', 'fonts', `${name}.woff2`), woff2);
  console.log(`static/fonts/${name}.woff2: ${woff2.length} bytes (from ${source.length})`);
}

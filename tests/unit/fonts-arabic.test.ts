// The served Arabic font (static/fonts/NotoSansArabic-Regular.woff2, made by scripts/make-fonts.js) is a tight
// subset: these check that it still draws every Arabic character the interface and the seed data's names use,
// and that the browser's shaping still joins the letters of the page's Arabic text with it.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Blob, Buffer as HbBuffer, Face, Font, shape } from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';

// HarfBuzz and the WOFF2 decoder come with `subset-font`, which makes the file; the decoder has no types.
const fontverter = createRequire(import.meta.url)('fontverter') as {
  convert(font: Uint8Array, format: 'truetype'): Promise<Uint8Array>;
};

const root = join(import.meta.dirname, '..', '..');
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/gu;

async function servedFont() {
  const woff2 = readFileSync(join(root, 'static', 'fonts', 'NotoSansArabic-Regular.woff2'));
  const face = new Face(new Blob(await fontverter.convert(woff2, 'truetype')), 0);
  return { face, font: new Font(face) };
}

function glyphs(font: Font, text: string): number[] {
  const buffer = new HbBuffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  shape(font, buffer);
  return buffer.getGlyphInfos().map((g) => g.codepoint);
}

describe('the Arabic font', () => {
  it('has every Arabic character of the Arabic messages and of the seed data', async () => {
    const { face } = await servedFont();
    const covered = new Set(face.collectUnicodes());
    const files = [join(root, 'messages', 'ar.json')];
    for (const f of readdirSync(join(root, 'geodata')))
      if (/\.(geo)?json$/.test(f)) files.push(join(root, 'geodata', f));
    const used = new Set<string>();
    for (const f of files) for (const [c] of readFileSync(f, 'utf8').matchAll(ARABIC)) used.add(c);
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((c) => !covered.has(c.codePointAt(0)!));
    expect(missing.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`)).toEqual([]);
  });

  it("joins a word's letters: shaping gives the glyphs of their initial, medial and final forms", async () => {
    const { font } = await servedFont();
    // بيت (beh, yeh, teh) against its letters' initial, medial and final presentation forms, and their
    // isolated forms (what unjoined letters would look like).
    const joined = glyphs(font, '\u0628\u064a\u062a');
    expect(joined).toEqual(glyphs(font, '\ufe91\ufef4\ufe96'));
    expect(joined).not.toEqual(glyphs(font, '\ufe8f\ufef1\ufe95'));
    expect(joined).not.toContain(0);
  });
});

// The still image's PNG (docs/embed.md, "Still image") is drawn on a worker thread: the server goes on
// answering other readers while a large image renders, and a bad document fails alone.
import { describe, expect, it } from 'vitest';
import { rasterisePng } from '$lib/server/embed/image/rasterisePng';

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A document about as heavy as the largest still image: many filled shapes and Latin and Arabic labels. */
function largeSvg(width: number, height: number): string {
  const parts: string[] = [];
  for (let i = 0; i < 1500; i++) {
    const x = (i * 37) % width;
    const y = (i * 53) % height;
    parts.push(`<circle cx="${x}" cy="${y}" r="${10 + (i % 40)}" fill="#c0392b" fill-opacity="0.3"/>`);
    if (i % 10 === 0) parts.push(`<text x="${x}" y="${y}" font-size="14">Zamzam زمزم ${i}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

describe('rasterisePng', () => {
  it('draws the PNG at the size the SVG gives', async () => {
    const png = await rasterisePng(largeSvg(640, 480));
    expect(pngSize(png)).toEqual({ width: 640, height: 480 });
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('leaves the server’s thread free while it draws', async () => {
    await rasterisePng(largeSvg(200, 100)); // the renderer has started and read its fonts
    // Timers run only when the thread is free: drawn in this thread, none would fire before the image is done.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const png = await rasterisePng(largeSvg(2400, 1800));
      expect(pngSize(png)).toEqual({ width: 2400, height: 1800 });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('draws images asked for together, each to its own size', async () => {
    const sizes = [
      [300, 200],
      [500, 400],
      [320, 240],
    ];
    const pngs = await Promise.all(sizes.map(([w, h]) => rasterisePng(largeSvg(w, h))));
    expect(pngs.map(pngSize)).toEqual(sizes.map(([width, height]) => ({ width, height })));
  });

  it('fails a document resvg cannot read with its reason, and draws the next one', async () => {
    await expect(rasterisePng('<svg this is not xml')).rejects.toThrow(/^PNG rendering failed: /);
    expect(pngSize(await rasterisePng(largeSvg(120, 90)))).toEqual({ width: 120, height: 90 });
  });
});

// The embed's still image in a real Chromium against the built app (docs/embed.md, "Still image"): printed
// instead of the WebGL canvas, shown without JavaScript, and downloaded from the builder at the chosen view
// and size.
import { expect, test } from './fixtures';

/** Width and height of a PNG from its IHDR chunk, after checking its signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

test('printing the embed shows the server’s image of the same view instead of the map', async ({ page }) => {
  const images: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/embed/image.')) images.push(r.url());
  });
  await page.goto('/embed?date=2024-08-20&map=7/13.6/25.3&lang=fr');
  // Mounted (the map's element is there): the page has run its scripts and settled its layout.
  await page.locator('#map').waitFor({ state: 'attached', timeout: 60_000 });
  const still = page.locator('img.print-still');
  // On screen: the live map, and the image neither shown nor downloaded.
  await expect(still).toBeHidden();
  await expect(page.locator('.map-area')).toBeVisible();
  expect(images).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.map-area')).toBeHidden();
  await expect(still).toBeVisible();
  // Loaded and drawn: an SVG of the embed's view, date and language, at the image's size.
  await expect
    .poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(800);
  const src = new URL((await still.getAttribute('src'))!, page.url());
  expect(src.pathname).toBe('/embed/image.svg');
  expect(Object.fromEntries(src.searchParams)).toMatchObject({
    map: '7.00/13.6000/25.3000',
    date: '2024-08-20',
    lang: 'fr',
  });
  expect(await still.getAttribute('alt')).toMatch(/^Carte/);
  expect(images).toHaveLength(1);
});

test('without JavaScript, the embed shows the PNG of its view', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/embed?date=2024-08-20&plain=1');
  const still = page.locator('img.still');
  await expect(still).toBeVisible();
  await expect
    .poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(800);
  const src = new URL((await still.getAttribute('src'))!, page.url());
  expect(src.pathname).toBe('/embed/image.png');
  expect(src.searchParams.get('plain')).toBe('1');
  expect(src.searchParams.get('date')).toBe('2024-08-20');
  await context.close();
});

test('the builder downloads the PNG and SVG of the chosen view and size', async ({ page, request }) => {
  await page.goto('/embed/builder');
  await page.getByLabel('Date', { exact: true }).fill('2024-08-21');
  await page.getByLabel('Plain (no legend)').check();
  await page.getByLabel('Full width of the page').uncheck();
  await page.getByLabel('Width (px)').fill('640');
  await page.getByLabel('Height (px)').fill('480');
  const preview = page.frameLocator('iframe');
  await preview.locator('#map[data-map-state="idle"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page
    .locator('iframe')
    .evaluate((f) =>
      (f as HTMLIFrameElement).contentWindow!.__corridorMap!.map.jumpTo({ center: [25.3, 13.5], zoom: 7 }),
    );
  await page.getByRole('button', { name: "Use the preview's view" }).click();

  const png = page.getByRole('link', { name: 'Download PNG' });
  const svg = page.getByRole('link', { name: 'Download SVG' });
  for (const [link, path] of [
    [png, '/embed/image.png'],
    [svg, '/embed/image.svg'],
  ] as const) {
    const href = new URL((await link.getAttribute('href'))!, page.url());
    expect(href.pathname).toBe(path);
    expect(Object.fromEntries(href.searchParams)).toMatchObject({
      map: '7.00/13.5000/25.3000',
      date: '2024-08-21',
      plain: '1',
      width: '640',
      height: '480',
    });
  }
  await expect(png).toHaveAttribute('download', 'corridor-map.png');
  await expect(svg).toHaveAttribute('download', 'corridor-map.svg');
  // What the link downloads: a PNG of the chosen size.
  const res = await request.get((await png.getAttribute('href'))!);
  expect(res.headers()['content-type']).toBe('image/png');
  expect(pngSize(new Uint8Array(await res.body()))).toEqual({ width: 640, height: 480 });
});

// The public embed in a real Chromium against the built app: framed by a page of another origin (which the
// map page may not be: security-headers.spec.ts), sized to its content by the snippet's script, found by
// oEmbed, and made with the builder (its transfer budgets: budgets.spec.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

/** Serves `html` from another origin of this machine (its own port); returns its address and a closer. */
async function otherOrigin(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test('a page of another origin frames the embed, which draws the map and grows to its content', async ({
  page,
  request,
}) => {
  // The snippet as a CMS gets it from oEmbed: the iframe and the resizing script.
  const embedAddress = new URL('/embed?date=2024-08-20&theme=dark', test.info().project.use.baseURL).href;
  const oembed = await request.get(`/oembed?url=${encodeURIComponent(embedAddress)}&format=json`);
  expect(oembed.status()).toBe(200);
  const { html, type } = (await oembed.json()) as { html: string; type: string };
  expect(type).toBe('rich');
  const framer = await otherOrigin(`<!doctype html><title>News</title><h1>A story</h1>${html}<p>After</p>`);
  try {
    await page.goto(framer.url);
    const frame = page.frameLocator('iframe');
    await frame.locator('#map[data-map-state="idle"]').waitFor({ state: 'attached', timeout: 60_000 });
    // The public summary is in the frame for screen readers; the map drew sites.
    await expect(frame.getByRole('heading', { name: /Key figures on 20 August 2024/ })).toBeAttached();
    await expect(frame.getByText(/^Situation on 20 August 2024 · data as of/)).toBeVisible();
    await expect(frame.getByText(/Basemap: Natural Earth/)).toBeVisible();
    // The frame's height was set by the embed's message to the height of its content.
    await expect
      .poll(async () => {
        const styled = await page.locator('iframe').evaluate((f) => (f as HTMLIFrameElement).style.height);
        const content = await frame
          .locator('html')
          .evaluate((e) => Math.ceil(e.getBoundingClientRect().height));
        return styled === `${content}px`;
      })
      .toBe(true);
  } finally {
    await new Promise((done) => framer.server.close(done));
  }
});

test('the map page and the embed name their oEmbed and feeds in the served HTML', async ({ request }) => {
  for (const path of ['/', '/embed?plain=1']) {
    const served = await (await request.get(path)).text();
    expect(served, path).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(served, path).toContain('<link rel="alternate" type="application/feed+json"');
    const href = /<link rel="alternate" type="application\/json\+oembed" [^>]*href="([^"]+)"/.exec(
      served,
    )?.[1];
    expect(href, path).toBeDefined();
    const answer = await request.get(href!.replaceAll('&amp;', '&'));
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { type: string; html: string; width: number; height: number };
    expect(body).toMatchObject({ type: 'rich', width: 800, height: 760 });
    expect(body.html).toMatch(/<iframe src="http:\/\/[^"]+\/embed/);
  }
  expect((await request.get('/oembed?url=https%3A%2F%2Fexample.org%2F&format=json')).status()).toBe(404);
  expect((await request.get('/oembed?url=http%3A%2F%2Flocalhost%2F&format=xml')).status()).toBe(501);
});

test('the builder makes a snippet of the chosen date, options and view, copied with the keyboard', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/embed/builder');
  await page.getByLabel('Date', { exact: true }).fill('2024-08-20');
  await page.getByLabel('Plain (no legend)').check();
  await page.getByLabel('Dark').check();
  // The live preview shows those options, and the view the user moved it to is kept.
  const preview = page.frameLocator('iframe');
  await preview.locator('#map[data-map-state="idle"]').waitFor({ state: 'attached', timeout: 60_000 });
  await expect(page.locator('iframe')).toHaveAttribute('src', /date=2024-08-20.*plain=1.*theme=dark/);
  await page
    .locator('iframe')
    .evaluate((f) =>
      (f as HTMLIFrameElement).contentWindow!.__corridorMap!.map.jumpTo({ center: [25.3, 13.5], zoom: 7 }),
    );
  await page.getByRole('button', { name: "Use the preview's view" }).click();
  // Copied from the keyboard alone: focus the button, press Enter.
  await page.getByRole('button', { name: 'Copy snippet' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Snippet copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(
    /^<iframe src="http:\/\/[^"]+\/embed\?map=7\.00%2F13\.5000%2F25\.3000&amp;date=2024-08-20&amp;plain=1&amp;theme=dark"/,
  );
  expect(copied).toContain('width="100%" height="760"');
  expect(copied).toContain("<script>window.addEventListener('message'");
  expect(copied).toBe(await page.getByLabel('Snippet').inputValue());
});

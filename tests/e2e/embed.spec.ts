// The public embed in a real Chromium against the built app: framed by a page of another origin (which the
// map page may not be: security-headers.spec.ts), sized to its content by the snippet's script, found by
// oEmbed, and inside its transfer budget on a first visit (as is the map page).
import { createServer, type Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test, waitForMap } from './fixtures';

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

/**
 * A TCP relay to the app that counts every byte the app sends back: the real transfer, headers and bodies as
 * the server compressed them. Chromium's own count (CDP `Network.loadingFinished` `encodedDataLength`) does
 * not see the scripts of dedicated workers (they are fetched before a worker target can be attached), so the
 * budget is checked on the relay's count, and Chromium's is checked to be no larger (nothing bypassed it).
 */
async function countingRelay(appPort: number) {
  const sockets = new Set<Socket>();
  const relay = { bytes: 0, origin: '', requests: [] as string[], close: () => Promise.resolve() };
  const server = createNetServer((client) => {
    const app = connect(appPort, '127.0.0.1');
    for (const s of [client, app]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    app.on('data', (chunk: Buffer) => (relay.bytes += chunk.length));
    // The request lines, for the listing: the workers' requests are seen here only.
    client.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString('latin1').matchAll(/^(?:GET|HEAD|POST) (\S+) HTTP/gm))
        relay.requests.push(m[1]);
    });
    client.pipe(app);
    app.pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  relay.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  relay.close = () => {
    for (const s of sockets) s.destroy();
    return new Promise((done) => server.close(() => done()));
  };
  return relay;
}

/**
 * What Chromium reports it received for the page's own requests (CDP), the paths it asked for and what each
 * response cost (headers and body as sent) with the status and the type Chromium gave it.
 */
async function chromiumCount(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const answers = new Map<string, string>();
  const seen = {
    bytes: 0,
    paths: [] as string[],
    responses: [] as { path: string; bytes: number; what: string }[],
  };
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.responseReceived', (e) =>
    answers.set(e.requestId, `${e.response.status} ${e.type}${e.response.fromDiskCache ? ' (cache)' : ''}`),
  );
  cdp.on('Network.loadingFinished', (e) => {
    seen.bytes += e.encodedDataLength;
    const url = urls.get(e.requestId);
    if (!url?.startsWith('http')) return;
    const { pathname, search } = new URL(url);
    seen.paths.push(pathname);
    seen.responses.push({
      path: pathname + search,
      bytes: e.encodedDataLength,
      what: answers.get(e.requestId) ?? '',
    });
  });
  return seen;
}

/** Every response of a visit, largest first, for finding what a budget is spent on (`E2E_LIST_RESPONSES=1`). */
function listResponses(
  title: string,
  responses: { path: string; bytes: number; what: string }[],
  requests: string[],
) {
  if (!process.env.E2E_LIST_RESPONSES) return;
  const unseen = requests.filter((r) => !responses.some((s) => s.path === r));
  console.log(`requests Chromium's count does not see: ${unseen.join(' ') || 'none'}`);
  const rows = [...responses].sort((a, b) => b.bytes - a.bytes);
  console.log(
    [
      title,
      ...rows.map(
        (r) => `${(r.bytes / 1024).toFixed(1).padStart(8)} KB  ${r.what.padEnd(18)} ${r.path.slice(0, 110)}`,
      ),
    ].join('\n'),
  );
}

/** The bytes of a first visit of `path` until the map has drawn and the network is quiet. */
async function firstVisit(page: Page, baseURL: string, path: string) {
  const relay = await countingRelay(Number(new URL(baseURL).port));
  try {
    const chromium = await chromiumCount(page);
    await page.goto(`${relay.origin}${path}`);
    await waitForMap(page);
    await page.waitForLoadState('networkidle');
    listResponses(`${path}: ${chromium.responses.length} responses`, chromium.responses, relay.requests);
    return {
      wire: relay.bytes,
      chromium: chromium.bytes,
      paths: chromium.paths,
      responses: chromium.responses,
    };
  } finally {
    await relay.close();
  }
}

const KB = 1024;

test('the embed loads in at most 600 KB on a first visit', async ({ page, baseURL }) => {
  // English: labels in one language, drawn with the reader's own fonts: no font file at all.
  const { wire, chromium, paths } = await firstVisit(page, baseURL!, '/embed?lang=en');
  expect(paths).toEqual(expect.arrayContaining(['/embed', '/embed/situation.json']));
  expect(paths.filter((p) => /\.(woff2?|ttf|otf)$/.test(p))).toEqual([]);
  console.log(
    `embed, first visit: ${(wire / KB).toFixed(1)} KB on the wire (Chromium's count ${(chromium / KB).toFixed(1)} KB)`,
  );
  expect(chromium).toBeLessThanOrEqual(wire);
  expect(wire).toBeLessThanOrEqual(600 * KB);
});

test('the Arabic embed loads in at most 600 KB, the Arabic WOFF2 its names need included, once', async ({
  page,
  baseURL,
}) => {
  const { wire, chromium, responses } = await firstVisit(page, baseURL!, '/embed?lang=ar');
  // Only the one font its labels need (the page's own text uses the reader's fonts). MapLibre asks for it once
  // per font name of its labels (regular and bold); all but the first are answered by the browser's cache.
  const fonts = responses.filter((r) => /\.(woff2?|ttf|otf)$/.test(r.path));
  expect([...new Set(fonts.map((r) => r.path))]).toEqual(['/fonts/NotoSansArabic-Regular.woff2']);
  expect(fonts.filter((r) => !r.what.includes('(cache)'))).toHaveLength(1);
  console.log(
    `embed in Arabic, first visit: ${(wire / KB).toFixed(1)} KB on the wire (Chromium's count ${(chromium / KB).toFixed(1)} KB)`,
  );
  expect(chromium).toBeLessThanOrEqual(wire);
  expect(wire).toBeLessThanOrEqual(600 * KB);
});

test('the map page loads in at most 800 KB on a first visit, its data included', async ({
  page,
  baseURL,
}) => {
  const { wire, chromium, paths } = await firstVisit(page, baseURL!, '/');
  expect(paths).toContain('/');
  expect(paths.some((p) => p.startsWith('/api/trpc/situation.get'))).toBe(true);
  console.log(
    `map page, first visit: ${(wire / KB).toFixed(1)} KB on the wire (Chromium's count ${(chromium / KB).toFixed(1)} KB)`,
  );
  expect(chromium).toBeLessThanOrEqual(wire);
  expect(wire).toBeLessThanOrEqual(800 * KB);
});

test('the builder makes a snippet of the chosen date, options and view, copied with the keyboard', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/embed/builder');
  await page.getByLabel('Date').fill('2024-08-20');
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

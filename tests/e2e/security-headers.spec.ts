// The security headers in a real Chromium against the built app: the map, the data editor (map, drawing
// tools, import worker) and an OGC API HTML page run under their Content-Security-Policy without a single
// violation (the fixture also fails on the console error Chromium logs for one), and another site cannot
// frame the app.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as plainTest, type Page } from '@playwright/test';
import { expect, test, waitForMap } from './fixtures';

const EMAIL = process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org';
const PASSWORD = process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every `securitypolicyviolation` the page's documents report, from their first script on. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`),
    );
  });
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

test.describe('security headers', () => {
  test('the map page has a strict policy and draws the map without a violation', async ({ page }) => {
    await watchViolations(page);
    const response = await page.goto('/');
    const headers = response!.headers();
    const csp = headers['content-security-policy'];
    // The app's own files, app.html's one inline script by its hash, SvelteKit's by the page's nonce; nothing else.
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+' 'nonce-[^']+';/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // Served over http here: HSTS would be meaningless, and is not sent.
    expect(headers['strict-transport-security']).toBeUndefined();

    await waitForMap(page);
    // The map's worker drew the layers: the sites are on the canvas.
    const drawn = await page.evaluate(
      () => window.__corridorMap!.map.queryRenderedFeatures({ layers: ['sites-circle'] }).length,
    );
    expect(drawn).toBeGreaterThan(0);
    expect(await violations(page)).toEqual([]);
  });

  test('the data editor and its import worker run without a violation', async ({ page }) => {
    await watchViolations(page);
    await page.goto('/data');
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/data$/);
    await page.locator('#editor-map[data-editor-state="ready"]').waitFor({ timeout: 60_000 });
    await page.getByRole('navigation', { name: 'Data' }).getByRole('link', { name: 'Import' }).click();
    // A small file checked by the import worker: its report shows the one feature it found.
    await page.getByLabel('Import into layer').selectOption('sites');
    await page.getByLabel('File to import').setInputFiles({
      name: 'one-site.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [25.1, 13.5] },
              properties: {
                id: 'csp_site',
                name: 'CSP test site',
                source: 'test',
                kind: 'town',
                country: 'SDN',
              },
            },
          ],
        }),
      ),
    });
    await expect(page.getByRole('button', { name: 'Import 1 feature' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('an OGC API page keeps its inline style', async ({ page }) => {
    await watchViolations(page);
    // The OGC API's pages name no icon, so the browser asks for /favicon.ico, which the app does not have: a
    // 404 the shared fixture would count as a console error, unrelated to the policy under test.
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    const response = await page.goto('/ogc/collections?f=html');
    expect(response!.headers()['content-security-policy']).toContain("default-src 'none'");
    // The page's own stylesheet applied: the body is not in the browser's default serif font.
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).not.toMatch(/^"?Times/);
    expect(await violations(page)).toEqual([]);
  });
});

// Without the shared fixture: Chromium reports the refused frame as a console error, which is the point here.
plainTest('another site cannot frame the app', async ({ page, baseURL }) => {
  const app = new URL(baseURL!);
  // Another origin on this machine (its own port) whose page frames the map.
  const framer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><iframe id="f" src="${app.origin}/" width="600" height="400"></iframe>`);
  });
  await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
  try {
    const { port } = framer.address() as AddressInfo;
    const refused = page.waitForEvent('console', {
      predicate: (m) => /frame-ancestors/.test(m.text()),
      timeout: 15_000,
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    // The browser refused it, naming the directive, and the frame holds no map.
    await refused;
    const frame = (await (await page.locator('#f').elementHandle())!.contentFrame())!;
    expect(frame.url()).not.toBe(`${app.origin}/`);
    expect(await frame.locator('#map').count()).toBe(0);
  } finally {
    await new Promise((done) => framer.close(done));
  }
});

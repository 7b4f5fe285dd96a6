// Offline use: after one visit under the service worker, the map opens again with the network cut, from the
// copies the worker kept, and says it is offline and how old its data is; without a kept copy it says so.
import type { Page } from '@playwright/test';
import { allowConsoleError, expect, test, waitForMap } from './fixtures';

const DATE = '2024-08-20';

/** Opens the map on DATE, lets the service worker install, and reloads so that the worker keeps the page. */
async function visitUnderWorker(page: Page): Promise<void> {
  await page.goto(`/?date=${DATE}`);
  await waitForMap(page, DATE);
  // The worker is installed on the first visit and controls the page from the next load, which it keeps.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await waitForMap(page, DATE);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Each drawn corridor's status, as the analysis of the date shown gave it. */
async function corridorStatuses(page: Page): Promise<Record<string, string>> {
  await expect(page.getByText('Access analysed for 20 August 2024')).toBeVisible();
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const f of window.__corridorMap!.map.queryRenderedFeatures({ layers: ['corridors-line'] }))
      out[String(f.properties.id)] = String(f.properties.status);
    return out;
  });
}

/** The `Date` the server gave the situation the worker kept (ISO), read from the worker's cache. */
function keptSituationDate(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const r of await cache.keys()) {
        if (new URL(r.url).pathname !== '/api/trpc/situation.get') continue;
        const date = (await cache.match(r, { ignoreVary: true }))?.headers.get('date');
        if (date) return new Date(date).toISOString();
      }
    }
    return undefined;
  });
}

test('the map reopens with the network cut, with the analysis of its date and the offline banner', async ({
  page,
  context,
}) => {
  await visitUnderWorker(page);
  await expect(page.getByText(/^offline —/)).toHaveCount(0);
  const online = await corridorStatuses(page);
  expect(Object.values(online).some((s) => s === 'blocked' || s === 'at_risk')).toBe(true);
  const kept = await keptSituationDate(page);
  expect(kept).toBeDefined();
  const day = new Date(kept!).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const banner = `offline — data as of ${day}, ${kept!.slice(11, 16)} UTC`;

  // The page's clock is set years ahead: a banner that gave the time of the reload would show 2031.
  await page.clock.setFixedTime(new Date('2031-06-15T10:20:00Z'));
  await context.setOffline(true);
  await page.reload();
  // Drawn again from the kept situation and basemap: the sites are on the canvas.
  await waitForMap(page, DATE);
  const drawn = await page.evaluate(
    () => window.__corridorMap!.map.queryRenderedFeatures({ layers: ['sites-circle'] }).length,
  );
  expect(drawn).toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: /^offline —/ })).toHaveText(banner);
  // Analysed in the browser from the kept situation: the same verdicts as online, for the same date.
  expect(await corridorStatuses(page)).toEqual(online);
  await context.setOffline(false);
});

test('a map opened offline with no kept data says so instead of waiting', async ({ page, context }) => {
  allowConsoleError(page, /Failed to load resource|corridor: could not load the situation/);
  await visitUnderWorker(page);
  // The page and scripts are kept, the map's data is not (as after the browser cleared it to free space).
  const removed = await page.evaluate(async () => {
    let n = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const r of await cache.keys()) {
        const path = new URL(r.url).pathname;
        if (path === '/map/meta.json' || path === '/api/trpc/situation.get')
          n += Number(await cache.delete(r));
      }
    }
    return n;
  });
  expect(removed).toBe(2);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText(
    'the server did not answer, and this device keeps no copy of it for use offline',
  );
  await expect(page.getByText('Loading the situation…')).toHaveCount(0);
  await context.setOffline(false);
});

test('a tiled map reopens with the network cut, from the tiles, verdicts and details it loaded', async ({
  page,
  context,
}) => {
  const url = `/?data=tiles&date=${DATE}`;
  const analysed = page.locator(`#analysis-status[data-analysis-state="done"][data-analysis-date="${DATE}"]`);
  // Each drawn corridor's status: the feature state the verdicts set on its tile feature.
  const statuses = () =>
    page.evaluate(() => {
      const out: Record<string, unknown> = {};
      const map = window.__corridorMap!.map;
      for (const f of map.queryRenderedFeatures({ layers: ['corridors-line'] })) {
        const id = String(f.properties.id);
        out[id] = map.getFeatureState({ source: 'corridor-corridors', sourceLayer: 'corridors', id }).status;
      }
      return out;
    });
  await page.goto(url);
  await analysed.waitFor({ state: 'attached', timeout: 60_000 });
  await waitForMap(page, DATE);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Under the worker from this load on: the page, its tiles and the date's verdicts are kept. (Opened by its
  // address again: the page's address drops `data=tiles` once the view moves.)
  await page.goto(url);
  await analysed.waitFor({ state: 'attached', timeout: 60_000 });
  await waitForMap(page, DATE);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The verdicts reach the map's features as state a moment after the map reports itself drawn.
  await expect.poll(async () => (await statuses())['cor_adre_nyala']).toBe('at_risk');
  const online = await statuses();
  // A feature's details, opened online: fetched from the server for the date shown (and kept).
  const details = page.getByRole('region', { name: /Adré → El Geneina → Zalingei → Nyala/ });
  const openDetails = async () => {
    await page.locator('#feature-cor_adre_nyala').click();
    await expect(details).toBeVisible();
    await expect(details.locator('.chip.status')).toHaveText('At risk on 20 August 2024');
  };
  await openDetails();

  // The browser's own HTTP cache would answer for the tiles for a minute (`max-age=60`); a reader who reopens
  // the map later has only the worker's copies. Cleared here rather than waited for.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await context.setOffline(true);
  await page.goto(url);
  await analysed.waitFor({ state: 'attached', timeout: 60_000 });
  await waitForMap(page, DATE);
  // The corridors are drawn from the kept tiles, with the kept verdicts' statuses, and the page says so.
  await expect.poll(statuses).toEqual(online);
  await expect(page.getByRole('status').filter({ hasText: /^offline —/ })).toBeVisible();
  // The details of the feature opened online open again from the kept copy, with the same verdict.
  await openDetails();
  await expect(details.locator('.stretch[data-status="at_risk"]').first()).toContainText('Obstacle nearby');
  // One never opened has no copy: the page says the server did not answer, not the browser's "Failed to fetch".
  allowConsoleError(page, /Failed to load resource|corridor: could not load this feature's details/);
  await page.locator('[id^="feature-cor_"]:not(#feature-cor_adre_nyala)').first().click();
  await expect(page.getByRole('alert')).toHaveText(
    /Could not load this feature's details: the server did not answer\. Check the connection and reload\./,
  );
  await context.setOffline(false);
});

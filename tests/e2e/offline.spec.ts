// Offline use: after one visit under the service worker, the map opens again with the network cut, from the
// copies the worker kept, and says it is offline and how old its data is.
import { expect, test, waitForMap } from './fixtures';

// Known to fail since the map's data by view and the server's cache were merged: offline, the map is drawn
// again but the banner no longer finds the kept situation's date (issue 12 stays open until it does).
test.fixme('the map reopens with the network cut, with the offline banner', async ({ page, context }) => {
  await page.goto('/');
  await waitForMap(page);
  // The worker is installed on the first visit and controls the page from the next load, which it keeps.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await waitForMap(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByText(/^offline —/)).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  // Drawn again from the kept situation and basemap: the sites are on the canvas.
  await waitForMap(page);
  const drawn = await page.evaluate(
    () => window.__corridorMap!.map.queryRenderedFeatures({ layers: ['sites-circle'] }).length,
  );
  expect(drawn).toBeGreaterThan(0);
  await expect(
    page.getByRole('status').filter({ hasText: /^offline — data as of \d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC$/ }),
  ).toBeVisible();
  await context.setOffline(false);
});

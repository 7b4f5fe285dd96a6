// A page the browser keeps whole when the reader leaves it (the back-forward cache, on in Chromium for its users,
// off by default under Playwright: turned on here) and shows again on Back. A form sent from it before its script
// started went as a plain request; shown again, the page's form says what the page shows, not what was sent
// (the script in src/app.html).
import type { Page } from '@playwright/test';
import { expect, test as base, sendTrendsFigureBeforeScripts } from './fixtures';

const test = base.extend<object, { launchOptions: object }>({
  launchOptions: [
    async ({ launchOptions }, use) =>
      use({ ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
    { scope: 'worker' },
  ],
});

/**
 * Marks each page shown with whether the browser showed it as it kept it (`data-kept` on <html>): a test checks
 * that the page shown on Back came from the cache, else it would not test what it is about.
 */
async function markKeptPages(page: Page): Promise<void> {
  await page.addInitScript(() =>
    addEventListener('pageshow', (e) =>
      document.documentElement.setAttribute('data-kept', String(e.persisted)),
    ),
  );
}

test('a figure sent before the script runs: the page kept whole shows the first figure again, and its selector says so', async ({
  page,
}) => {
  await markKeptPages(page);
  await sendTrendsFigureBeforeScripts(page);
  // A page shown from the cache fires no load event.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page.locator('html')).toHaveAttribute('data-kept', 'true');
  await expect(page.getByRole('table', { name: 'People in cut-off sites, every 7 days' })).toBeVisible();
  await expect(page.getByLabel('Figure')).toHaveValue('peopleCutOff');
});

test('a date sent from the hotspots page (which runs none of the app scripts): the page kept whole says its own date again', async ({
  page,
}) => {
  await markKeptPages(page);
  await page.goto('/hotspots?date=2024-08-20');
  await page.getByLabel('Date').fill('2025-06-20');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hotspots on 20 June 2025');
  await page.goBack({ waitUntil: 'commit' });
  await expect(page.locator('html')).toHaveAttribute('data-kept', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hotspots on 20 August 2024');
  await expect(page.getByLabel('Date')).toHaveValue('2024-08-20');
});

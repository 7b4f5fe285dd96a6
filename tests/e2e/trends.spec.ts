// The trends page in a real Chromium against the built app, at desktop size and on a 390 px phone: the chart
// and the data table beside it, the events marked where the figure jumps, keyboard navigation between the
// points, and the figure selector.
import { expect, test, holdAppScripts, sendTrendsFigureBeforeScripts } from './fixtures';

for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['390 px phone', { width: 390, height: 844 }],
] as const) {
  test.describe(`trends at ${name}`, () => {
    test.use({ viewport });

    test('the chart and its data table show the weekly people cut off, with the Adré reopening marked', async ({
      page,
    }) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Trends' }).click();
      await expect(page).toHaveURL(/\/trends$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Trends' })).toBeVisible();

      const chart = page.getByRole('group', {
        name: /People in cut-off sites, 15 April 2023 to 31 December 2025/,
      });
      await expect(chart).toBeVisible();
      const table = page.getByRole('table', { name: 'People in cut-off sites, every 7 days' });
      await expect(table.getByRole('row')).toHaveCount(144);
      const adre = table.getByRole('row', { name: /^17 August 2024/ });
      await expect(adre).toContainText('Adré – El Geneina crossing reopened (15 August 2024)');
      await expect(adre).toContainText('−411,538');
      await expect(page.getByRole('list', { name: 'Events behind the jumps' })).toContainText(
        'Adré – El Geneina crossing reopened (15 August 2024)',
      );

      // Nothing is wider than the screen: the page does not scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const box = (await chart.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.width).toBeGreaterThan(300);
    });

    test('the keyboard moves from point to point and reads each one out', async ({ page }) => {
      await page.goto('/trends?from=2024-07-27&to=2024-08-31');
      const points = page.locator('svg a[data-date]');
      await expect(points).toHaveCount(6);
      // One tab stop for the whole chart: the last point.
      await page.getByRole('button', { name: 'Show' }).focus();
      await page.keyboard.press('Tab');
      await expect(page.locator('svg a:focus')).toHaveAttribute('data-date', '2024-08-31');
      // The keys move between the points once the page's script runs, which may be after the page shows.
      await expect(async () => {
        await page.keyboard.press('Home');
        await expect(page.locator('svg a:focus')).toHaveAttribute('data-date', '2024-07-27', {
          timeout: 500,
        });
      }).toPass();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const focused = page.locator('svg a:focus');
      await expect(focused).toHaveAttribute('data-date', '2024-08-17');
      await expect(focused).toHaveAttribute(
        'aria-label',
        /^17 August 2024: 1,662,472, −411,538 since 10 August 2024\. Adré/,
      );
      await expect(page.getByTestId('chart-readout')).toContainText('Adré – El Geneina crossing reopened');
      await page.keyboard.press('End');
      await expect(page.locator('svg a:focus')).toHaveAttribute('data-date', '2024-08-31');
      // Enter follows the point to its row of the table.
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#row-2024-07-27$/);
    });

    test('the figure selector shows another figure', async ({ page }) => {
      await page.goto('/trends');
      // Once the page's script has started (the keyboard moves between the chart's points), so that the form is
      // sent by the script and Back is the script's: a form sent before it is a plain request (tested below, and in
      // back-forward-cache.spec.ts).
      const points = page.locator('svg a[data-date]');
      const first = await points.first().getAttribute('data-date');
      await expect(async () => {
        await points.last().focus();
        await page.keyboard.press('Home');
        await expect(page.locator('svg a:focus')).toHaveAttribute('data-date', first!, { timeout: 500 });
      }).toPass();
      await page.getByLabel('Figure').selectOption({ label: 'People in besieged sites' });
      await page.getByRole('button', { name: 'Show' }).click();
      await expect(page).toHaveURL(/figure=peopleBesieged/);
      const table = page.getByRole('table', { name: 'People in besieged sites, every 7 days' });
      await expect(table.getByRole('row', { name: /^11 May 2024/ })).toContainText(
        'Siege of El Fasher by the RSF began (10 May 2024)',
      );
      // Back to the first figure: the selector follows the page it shows.
      await page.goBack();
      await expect(page.getByRole('table', { name: 'People in cut-off sites, every 7 days' })).toBeVisible();
      await expect(page.getByLabel('Figure')).toHaveValue('peopleCutOff');
    });

    test('a figure chosen on a slow link before the script runs is the one shown', async ({ page }) => {
      // The app's scripts are held back, as on a slow link, while the reader picks a figure and a step.
      const release = await holdAppScripts(page);
      await page.goto('/trends?from=2024-04-27&to=2024-06-01', { waitUntil: 'domcontentloaded' });
      await page.getByLabel('Figure').selectOption({ label: 'People in besieged sites' });
      await page.locator('select[name="step"]').selectOption({ label: '2 weeks' });
      release();
      // The script has started once the keyboard moves between the chart's points.
      await expect(async () => {
        await page.locator('svg a[data-date]').last().focus();
        await page.keyboard.press('Home');
        await expect(page.locator('svg a:focus')).toHaveAttribute('data-date', '2024-04-27', {
          timeout: 500,
        });
      }).toPass();
      await expect(page.getByLabel('Figure')).toHaveValue('peopleBesieged');
      await expect(page.locator('select[name="step"]')).toHaveValue('14d');
      await page.getByRole('button', { name: 'Show' }).click();
      await expect(page).toHaveURL(/figure=peopleBesieged.*step=14d/);
      await expect(
        page.getByRole('table', { name: 'People in besieged sites, every 14 days' }),
      ).toBeVisible();
    });

    test('a figure sent before the script runs: Back shows the first figure, and the selector says so', async ({
      page,
    }) => {
      // Back loads the first page again, and the browser would put the figure that was sent back in its selector
      // (it restores a form's controls), though the page shows the figure it was served with.
      await sendTrendsFigureBeforeScripts(page);
      await page.goBack();
      await expect(page.getByRole('table', { name: 'People in cut-off sites, every 7 days' })).toBeVisible();
      await expect(page.getByLabel('Figure')).toHaveValue('peopleCutOff');
    });
  });
}

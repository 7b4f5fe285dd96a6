import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { schemaProblems } from '../helpers/xmlTools';
import { expect, test, holdAppScripts } from './fixtures';

// The convoy planner in real Chromium, at a desktop width and a phone's (390 px): plan a route, save it,
// reopen it by its link, download the GPX and print the brief to PDF.
const EMAIL = process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org';
const PASSWORD = process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password';

async function signInToPlanner(page: Page) {
  await page.goto('/plan');
  // Anonymous visitors get the sign-in page, and come back to the planner after it.
  await expect(page).toHaveURL(/\/login\?next=%2Fplan/);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/plan$/);
}

const mapIdle = (page: Page) =>
  page.locator('#plan-map[data-map-state="idle"]').waitFor({ state: 'attached', timeout: 60_000 });

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test.describe(`planner at ${label} width`, () => {
    test.use({ viewport });

    test('plans, saves, reopens, exports GPX and prints the brief', async ({ page, context }) => {
      await signInToPlanner(page);
      await page.getByLabel('Start').fill('Adré transit site (Chad) (td_adre_transit)');
      await page.getByLabel('Destination').fill('sd_zamzam');
      await page.getByLabel('Date').fill('2024-08-20');
      await page.getByRole('button', { name: 'Plan routes' }).click();

      const routes = page.getByRole('region', { name: 'Routes' });
      await expect(routes.getByText('Route 1 (best)')).toBeVisible();
      const crossings = page.getByRole('region', { name: 'Crossings to negotiate on route 1' });
      await expect(crossings.getByRole('cell', { name: /Adré|Tiné/ }).first()).toBeVisible();
      await expect(crossings).toContainText('authorities of the side convoys enter');
      await expect(
        page.getByRole('region', { name: 'Stretches of route 1' }).locator('tbody tr').first(),
      ).toBeVisible();
      await expect(page).toHaveURL(/from=td_adre_transit&to=sd_zamzam&date=2024-08-20/);
      await mapIdle(page);
      // Nothing spills sideways, at either width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );

      const name = `Adré run ${label}`;
      await page.getByLabel('Name').fill(name);
      await page.getByLabel('Note').fill('Check the Tiné road before leaving');
      await page.getByRole('button', { name: 'Save plan' }).click();
      await expect(page.getByRole('heading', { name: 'Saved plan (version 1)' })).toBeVisible();
      await expect(page).toHaveURL(/\?plan=[0-9a-f-]{36}$/);
      const link = page.url();
      await expect(
        page.getByRole('region', { name: 'Saved plans' }).getByRole('link', { name }),
      ).toBeVisible();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'GPX' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^convoy-plan-td_adre_transit-sd_zamzam-2024-08-20-route-1\.gpx$/,
      );
      const gpx = readFileSync((await download.path())!, 'utf8');
      expect(schemaProblems(gpx, 'gpx11')).toEqual([]);
      expect(gpx).toContain(`<name>${name}</name>`);
      expect(gpx).toMatch(/<trk><name>Route 1 \(best\)/);
      expect(gpx).toContain('RESTRICTED');

      // A colleague's tab opens the same plan from the link.
      const other = await context.newPage();
      await other.goto(link);
      await expect(other.getByRole('heading', { name: 'Saved plan (version 1)' })).toBeVisible();
      await expect(other.getByLabel('Name')).toHaveValue(name);
      await expect(other.getByLabel('Date')).toHaveValue('2024-08-20');
      await expect(other.getByRole('region', { name: 'Routes' }).getByText('Route 1 (best)')).toBeVisible();
      await other.close();

      // The printable brief: alone on the page, with the marking, the map image and the tables.
      await mapIdle(page);
      await expect(page.locator('.brief img.map')).toHaveAttribute('src', /^data:image\/png;base64,/);
      await page.emulateMedia({ media: 'print' });
      const brief = page.getByRole('article', { name: 'Printable brief' });
      await expect(brief).toBeVisible();
      await expect(brief.getByText('RESTRICTED: not for public release').first()).toBeVisible();
      await expect(brief.getByRole('heading', { name })).toBeVisible();
      await expect(brief).toContainText('situation as of 20 August 2024');
      await expect(page.getByRole('button', { name: 'Plan routes' })).toBeHidden();
      const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(a4.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });
      await page.getByLabel('Paper').selectOption('letter');
      await page.emulateMedia({ media: 'print' });
      const letter = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      // One page each; A4 is 595 × 842 pt, Letter 612 × 792 pt: the paper chosen on screen sets the size.
      expect(pageSizes(a4)).toEqual(['594.96x841.92']);
      expect(pageSizes(letter)).toEqual(['612x792']);
    });
  });
}

test('a position clicked on the map is snapped to the nearest road, the gap shown', async ({ page }) => {
  await signInToPlanner(page);
  await page.getByLabel('Destination').fill('sd_zamzam');
  await page.getByLabel('Date').fill('2024-08-20');
  await mapIdle(page);
  await page.getByRole('button', { name: 'Pick on map' }).first().click();
  // A point a little off the Abéché – Adré road in Chad.
  const at = await page.evaluate(() => window.__corridorPlanMap!.project([21.5, 13.75]));
  await page.locator('#plan-map canvas').click({ position: { x: at.x, y: at.y } });
  await expect(page.getByLabel('Start')).toHaveValue(/^21\.\d+,13\.\d+$/);
  await page.getByRole('button', { name: 'Plan routes' }).click();
  await expect(page.locator('.snap')).toContainText(/Start\s+21\.\d+,13\.\d+ joins the road [\d.]+ km away/);
  await expect(page.getByRole('region', { name: 'Routes' }).getByText('Route 1 (best)')).toBeVisible();
});

/** The page sizes of a PDF in points, `WxH` for each page. */
function pageSizes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (m) => `${Math.round(Number(m[1]) * 100) / 100}x${Math.round(Number(m[2]) * 100) / 100}`,
  );
}

test("the map's planner link opens the planner on the map's date, to the selected site", async ({ page }) => {
  await page.goto('/?date=2024-08-20&sel=sd_zamzam');
  const link = page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Plan a convoy' });
  await expect(link).toHaveAttribute('href', '/plan?date=2024-08-20&to=sd_zamzam');
  await link.click();
  // Anonymous: sign in first, then the planner opens with the map's date and the site as destination.
  await expect(page).toHaveURL(/\/login\?next=%2Fplan%3Fdate%3D2024-08-20%26to%3Dsd_zamzam/);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/plan\?date=2024-08-20&to=sd_zamzam$/);
  await expect(page.getByLabel('Date')).toHaveValue('2024-08-20');
  await expect(page.getByLabel('Destination')).toHaveValue(/sd_zamzam/);
});

test.describe('on a slow link', () => {
  // The scripts come from the network, not the offline service worker the sign-in page installs, so that
  // the test can hold them back.
  test.use({ serviceWorkers: 'block' });

  test('the number of alternatives chosen on a slow link before the script runs is the one planned', async ({
    page,
  }) => {
    await signInToPlanner(page);
    // The app's scripts are held back, as on a slow link, while the coordinator fills the form.
    const release = await holdAppScripts(page);
    await page.goto('/plan?from=td_adre_transit&to=sd_zamzam&date=2024-08-20', {
      waitUntil: 'domcontentloaded',
    });
    await page.getByLabel('Alternatives').selectOption('1');
    release();
    await mapIdle(page);
    await expect(page.getByLabel('Alternatives')).toHaveValue('1');
    await page.getByRole('button', { name: 'Plan routes' }).click();
    await expect(page.getByRole('region', { name: 'Routes' }).getByText('Route 1 (best)')).toBeVisible();
    await expect(page).toHaveURL(/[?&]alt=1(&|$)/);
  });
});

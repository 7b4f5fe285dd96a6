import type { Page } from '@playwright/test';
import { expect, test, waitForMap } from './fixtures';

// /hotspots and its printable brief in real Chromium, at a desktop width and a phone's (390 px): the page
// reads without JavaScript (a newsroom's link preview sees its title and figures), is linked from the map,
// and the brief prints to one page on A4 and on Letter. Then the map's protection and actor sections.

/** The page sizes of a PDF in points, `WxH` for each page. */
function pageSizes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (m) => `${Math.round(Number(m[1]) * 100) / 100}x${Math.round(Number(m[2]) * 100) / 100}`,
  );
}

/** No sideways scrolling of the whole page (a wide table scrolls inside its own region). */
async function expectNoSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test.describe(`hotspots at ${label} width`, () => {
    test.use({ viewport });

    test('shows the key figures, the ranked sites with their components, protection and backers', async ({
      page,
    }) => {
      await page.goto('/hotspots?date=2024-08-20');
      await expect(page).toHaveTitle(/^Hotspots on 20 August 2024 · /);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hotspots on 20 August 2024');

      const figures = page.getByRole('region', { name: 'Key figures' });
      await expect(figures.getByRole('definition').first()).toContainText('1,662,472');
      await expect(figures).toContainText('People in besieged sites');

      const ranked = page.getByRole('table', { name: /Sites ranked by hotspot score/ });
      const first = ranked.getByRole('row').nth(1);
      await expect(first.getByRole('rowheader')).toHaveText('El Fasher (Al Fashir)');
      await expect(first).toContainText('1,500,000');
      await expect(first).toContainText('Cut off (×4)');
      await expect(first).toContainText('Besieged');
      await expect(first).toContainText('18,000,000');
      await expect(ranked.getByRole('row', { name: /Zamzam IDP camp/ })).toContainText('5');

      const protection = page.getByRole('region', { name: 'Where a protection force is needed' });
      await expect(protection).toContainText('would have to cover 2,160,000 people in 5 sites');
      const sites = protection.getByRole('table', { name: /Sites that need protection/ });
      await expect(sites.getByRole('row', { name: /Zamzam IDP camp/ })).toContainText('500,000');
      const corridors = protection.getByRole('table', { name: /Corridors that need guarding/ });
      await expect(corridors.getByRole('row')).toHaveCount(4);

      const backers = page.getByRole('region', { name: 'Actors and their backers' });
      await expect(backers).toContainText('United Arab Emirates');
      await expect(backers.getByRole('link', { name: /S\/2024\/65/ })).toHaveAttribute(
        'href',
        'https://undocs.org/S/2024/65',
      );
      await expect(page.getByRole('note').filter({ hasText: 'Approximate data' })).toBeVisible();
      await expectNoSidewaysScroll(page, viewport.width);
    });

    test('the brief prints to one page, on A4 and on Letter', async ({ page }) => {
      await page.goto('/hotspots?date=2025-06-20');
      await page.getByRole('link', { name: 'Printable brief' }).click();
      await expect(page).toHaveURL(/\/hotspots\/brief\?date=2025-06-20$/);
      await expectNoSidewaysScroll(page, viewport.width);
      await page.emulateMedia({ media: 'print' });
      const brief = page.getByRole('article', { name: 'Printable brief' });
      await expect(brief.getByRole('heading', { level: 1 })).toHaveText(
        'Hotspots and protection needs on 20 June 2025',
      );
      await expect(brief).toContainText(
        'Relief International clinic staff killed in Zamzam (11 April 2025, on it',
      );
      await expect(brief).toContainText('Approximate data.');
      await expect(brief.getByRole('heading', { name: 'Sources' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Brief' })).toBeHidden();
      const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('link', { name: 'Letter' }).click();
      await page.emulateMedia({ media: 'print' });
      const letter = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      // One page each; A4 is 595 × 842 pt, Letter 612 × 792 pt.
      expect(pageSizes(a4)).toEqual(['594.96x841.92']);
      expect(pageSizes(letter)).toEqual(['612x792']);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page reads, with its preview meta, and its date form works', async ({ page }) => {
    await page.goto('/hotspots?date=2024-08-20');
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      'content',
      /^On 20 August 2024: 1,662,472 people in cut-off sites, 1,660,000 in besieged sites, 500,000 in sites with a famine finding; 2,160,000 people in 5 sites needing protection/,
    );
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      /Hotspots on 20 August 2024/,
    );
    await page.getByLabel('Date').fill('2025-06-20');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/hotspots\?date=2025-06-20$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hotspots on 20 June 2025');
    // The RSF's attack on the Zamzam clinic (2025-04-11) puts the corridors through Zamzam under guard.
    const corridors = page.getByRole('table', { name: /Corridors that need guarding/ });
    await expect(corridors.getByRole('row', { name: /Tiné → Karnoi/ })).toContainText(
      'Relief International clinic staff killed in Zamzam (11 April 2025, on it',
    );
    // None of the app's scripts: the one inline script puts a sent form back on Back (src/app.html).
    expect(await page.locator('script[src], script[type="module"], link[rel="modulepreload"]').count()).toBe(
      0,
    );
    expect(await page.locator('script').count()).toBe(1);
    // Back: the first date's page, its field saying that date, not the one sent from it (which the browser puts
    // back in a form's fields when it loads a page again from its history, unless told not to).
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hotspots on 20 August 2024');
    await expect(page.getByLabel('Date')).toHaveValue('2024-08-20');
  });
});

test("the map's header links the hotspots of the map's date", async ({ page }) => {
  await page.goto('/?date=2024-08-20');
  const link = page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Hotspots' });
  await expect(link).toHaveAttribute('href', '/hotspots?date=2024-08-20');
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hotspots on 20 August 2024');
  await page.getByRole('link', { name: 'Map on this date' }).click();
  await expect(page).toHaveURL(/\/\?date=2024-08-20$/);
});

test("the map shows where protection is needed on its date and each actor's backers", async ({ page }) => {
  await page.goto('/?date=2025-06-20');
  await waitForMap(page, '2025-06-20');
  const protection = page.getByRole('region', { name: 'Protection needed on this date' });
  await expect(protection).toContainText('would have to cover 1,660,000 people in 3 sites');
  await protection.getByRole('button', { name: /Tiné → Karnoi/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Tiné → Karnoi/ })).toBeVisible();
  await page.getByRole('button', { name: 'Close details' }).click();

  const actors = page.getByRole('region', { name: 'Actors and their backers' });
  const rsf = actors.getByRole('button', { name: /Rapid Support Forces \(RSF\)/ });
  await expect(rsf).toHaveAttribute('aria-expanded', 'false');
  await rsf.click();
  await expect(rsf).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('region', { name: 'Backers of Rapid Support Forces (RSF)' });
  await expect(panel).toContainText('United Arab Emirates');
  await expect(panel).toContainText('Wagner Group');

  // An area of control opens with its actor's backers in its details.
  await page.goto('/?date=2025-06-20&sel=area_rsf_assessed_darfur_20250413');
  await waitForMap(page, '2025-06-20');
  const sheet = page.getByRole('region', { name: 'Backers of Rapid Support Forces (RSF)' });
  await expect(sheet).toContainText('confidence medium');
});

import type { Page } from '@playwright/test';
import { expect, renderedIds, test, waitForMap } from './fixtures';

// Comparing two dates in real Chromium, at a desktop width and a phone's (390 px): the compare page, its
// downloads and its printed brief, then compare mode on the map, driven from the keyboard.
const FROM = '2024-03-01';
const TO = '2024-08-20';
const ADRE = 'Crossing Adré – El Geneina crossing: closed → open';

/** The page sizes of a PDF in points, `WxH` for each page. */
function pageSizes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(
    (m) => `${Math.round(Number(m[1]) * 100) / 100}x${Math.round(Number(m[2]) * 100) / 100}`,
  );
}

const noSidewaysScroll = async (page: Page, width: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test.describe(`compare at ${label} width`, () => {
    test.use({ viewport });

    test('the page shows the key figures, the changes, the downloads and prints a one-page brief', async ({
      page,
    }) => {
      await page.goto(`/compare?from=${FROM}&to=${TO}`);
      await expect(
        page.getByRole('heading', { level: 1, name: 'What changed from 1 March 2024 to 20 August 2024' }),
      ).toBeVisible();
      await expect(page.getByText('Computed from public records only.')).toBeVisible();
      const row = page.getByRole('row', { name: /People in cut-off sites/ });
      await expect(row.getByRole('cell')).toHaveText(['1,074,010', '1,662,472', '+588,462']);
      const crossings = page.getByRole('region', { name: /Crossings/ });
      await expect(crossings.getByText(ADRE)).toBeVisible();
      await expect(crossings).toContainText('open since 15 August 2024 (source: Xinhua');
      await expect(page.getByRole('region', { name: /Sites/ })).toContainText(
        'Site Zamzam IDP camp: cut off → reachable across a border only',
      );
      await noSidewaysScroll(page, viewport.width);

      // The downloads answer with the same comparison and an ETag.
      for (const [name, type] of [
        ['Download JSON', 'application/json'],
        ['Download CSV', 'text/csv'],
      ]) {
        const href = await page.getByRole('link', { name }).getAttribute('href');
        const r = await page.request.get(href!);
        expect(r.status()).toBe(200);
        expect(r.headers()['content-type']).toContain(type);
        expect(r.headers().etag).toBeTruthy();
        expect(await r.text()).toContain('td_adre_crossing');
      }

      // The brief, alone on the printed page, one page on A4 and on Letter.
      await page.emulateMedia({ media: 'print' });
      const brief = page.getByRole('article', { name: 'Printable brief' });
      await expect(brief).toBeVisible();
      await expect(brief.getByRole('row', { name: /People in cut-off sites/ })).toContainText('+588,462');
      await expect(brief).toContainText(ADRE);
      await expect(brief).toContainText('Approximate data: Areas of control and front lines are approximate');
      await expect(brief.getByRole('heading', { name: 'Sources' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Compare' })).toBeHidden();
      const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      await page.getByLabel('Paper').selectOption('letter');
      await page.emulateMedia({ media: 'print' });
      const letter = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pageSizes(a4)).toEqual(['594.96x841.92']);
      expect(pageSizes(letter)).toEqual(['612x792']);
    });

    test('compare mode on the map: changes outlined and listed, before and after from the keyboard', async ({
      page,
    }) => {
      await page.goto(`/compare?from=${FROM}&to=${TO}`);
      await page.getByRole('link', { name: 'View the changes on the map' }).click();
      await expect(page).toHaveURL(new RegExp(`date=${TO}.*compare=${FROM}|compare=${FROM}.*date=${TO}`));
      await waitForMap(page, TO);
      const panel = page.getByRole('region', { name: 'Changes from 1 March 2024 to 20 August 2024' });
      const adre = panel.getByRole('button', { name: ADRE });
      await expect(adre).toBeVisible();
      await expect(panel.getByRole('row', { name: /People in cut-off sites/ })).toContainText('+588,462');
      await expect
        .poll(() => renderedIds(page, ['changes-point', 'changes-line']))
        .toEqual(expect.arrayContaining(['td_adre_crossing', 'cor_abeche_adre', 'sd_zamzam']));
      // Unchanged features are not outlined.
      expect(await renderedIds(page, ['changes-point', 'changes-line'])).not.toContain('td_abeche');

      await adre.focus();
      await page.keyboard.press('Enter');
      const details = page.getByRole('group', { name: 'What changed' });
      await expect(details).toContainText(
        'Changed since 1 March 2024: Adré – El Geneina crossing: closed → open',
      );
      await expect(details).toContainText('open since 15 August 2024');
      await expect(adre).toHaveAttribute('aria-pressed', 'true');
      await noSidewaysScroll(page, viewport.width);
    });
  });
}

test('the compare control turns compare mode on and off, and a bad date is explained', async ({ page }) => {
  await page.goto(`/?date=${TO}`);
  await waitForMap(page, TO);
  await page.getByLabel('Compare with').fill(FROM);
  const panel = page.getByRole('region', { name: /^Changes from/ });
  await expect(panel.getByRole('button', { name: ADRE })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`compare=${FROM}`));
  await page.getByRole('button', { name: 'Stop comparing' }).click();
  await expect(panel).toBeHidden();
  await expect(page).not.toHaveURL(/compare=/);
  await expect.poll(() => renderedIds(page, ['changes-point', 'changes-line'])).toEqual([]);

  await page.goto(`/compare?from=${TO}&to=${FROM}`);
  await expect(page.getByRole('alert')).toContainText(
    `Cannot compare these dates: ${FROM} is before the first date ${TO}`,
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the compare page reads, and its form compares other dates', async ({ page }) => {
    await page.goto('/compare');
    const from = page.getByLabel('From', { exact: true });
    const to = page.getByLabel('To', { exact: true });
    const shown = [await from.inputValue(), await to.inputValue()];
    expect(shown).not.toEqual([FROM, TO]);
    await from.fill(FROM);
    await to.fill(TO);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?from=${FROM}&to=${TO}$`));
    await expect(page.getByRole('region', { name: /Crossings/ }).getByText(ADRE)).toBeVisible();
    // Back: the fields say the dates of the page shown, not the ones sent from it.
    await page.goBack();
    await expect(page).toHaveURL(/\/compare$/);
    await expect(from).toHaveValue(shown[0]!);
    await expect(to).toHaveValue(shown[1]!);
  });
});

test('signed-in staff see their comparison marked not for public release, on the page and the brief', async ({
  page,
}) => {
  await page.goto(`/login?next=${encodeURIComponent(`/compare?from=${FROM}&to=${TO}`)}`);
  await page.getByLabel('E-mail').fill(process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org');
  await page.getByLabel('Password').fill(process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?from=${FROM}&to=${TO}$`));
  await expect(
    page.getByText('Includes the records your account may see: not for public release.'),
  ).toBeVisible();
  await expect(page.getByText('Computed from public records only.')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(
    page
      .getByRole('article', { name: 'Printable brief' })
      .getByText('RESTRICTED: includes records not for public release'),
  ).toBeVisible();
});

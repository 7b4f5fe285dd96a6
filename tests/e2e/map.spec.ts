import { existsSync, readFileSync, statSync } from 'node:fs';
import { expect, renderedIds, renderedProperties, test, waitForMap } from './fixtures';

// The scenario the built app serves; tests compare what the page shows with it.
const sites = JSON.parse(readFileSync('geodata/sites.geojson', 'utf8')) as {
  features: { geometry: { coordinates: [number, number] }; properties: { id: string; source: string } }[];
};
const zamzam = sites.features.find((f) => f.properties.id === 'sd_zamzam')!;

test.describe('the map page', () => {
  test('reaches idle with the layers drawn, from the app alone', async ({ page }, testInfo) => {
    await page.goto('/');
    const ms = await waitForMap(page);
    console.log(`time to idle: ${Math.round(ms)} ms`);
    testInfo.annotations.push({ type: 'time to idle', description: `${Math.round(ms)} ms` });
    expect(ms).toBeGreaterThan(0);

    await expect(page.getByRole('heading', { name: 'Corridor', level: 1 })).toBeVisible();
    // The approximate nature of the areas of control is said on the page.
    await expect(page.getByRole('note').first()).toContainText(/approximate/i);
    expect(await renderedIds(page, ['sites-circle'])).toContain('sd_zamzam');
    expect(await renderedIds(page, ['crossings-icon'])).toContain('td_adre_crossing');
    expect((await renderedIds(page, ['areas-fill'])).length).toBeGreaterThan(0);
  });

  test('selecting Zamzam in the list opens its details, with its Arabic name and source', async ({
    page,
  }) => {
    await page.goto('/');
    await waitForMap(page);
    await page.getByRole('searchbox', { name: 'Filter the list' }).fill('Zamzam');
    const item = page.locator('#feature-sd_zamzam');
    await item.focus();
    await page.keyboard.press('Enter');

    const details = page.getByRole('region', { name: /Zamzam/ });
    await expect(details).toBeVisible();
    await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(details.locator('[lang="ar"][dir="rtl"]')).toHaveText(/زمزم/);
    await expect(details).toContainText('Camp for internally displaced people');
    const value = (label: string) => details.locator(`dt:text-is("${label}") + dd`);
    await expect(value('Population')).toBeVisible();
    // On the default date (2025-11-04) the camp has been emptied (2025-04-13) and its last famine finding has
    // expired (2025-06-01): the details say so rather than show a phase that no longer holds.
    await expect(value('Status')).toHaveText(/^\s*Emptied since 13 April 2025/);
    await expect(value('IPC phase')).toHaveText('No valid finding on this date');
    await expect(value('Source')).toHaveText(zamzam.properties.source);
    await expect(value('Date')).toBeVisible();
    await expect(page).toHaveURL(/sel=sd_zamzam/);

    // Escape closes the panel and puts focus back on the list entry.
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
    await expect(item).toBeFocused();
  });

  test('clicking Zamzam on the map opens its details', async ({ page }) => {
    const [lon, lat] = zamzam.geometry.coordinates;
    await page.goto(`/?map=9/${lat}/${lon}`);
    await waitForMap(page);
    const point = await page.evaluate((lonLat) => {
      const map = window.__corridorMap!.map;
      const p = map.project(lonLat);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, zamzam.geometry.coordinates);
    await page.mouse.click(point.x, point.y);
    const details = page.getByRole('region', { name: /Zamzam/ });
    await expect(details).toBeVisible();
    await expect(details.locator('dt:text-is("Source") + dd')).toHaveText(zamzam.properties.source);
    await expect
      .poll(() =>
        page.evaluate(
          () => window.__corridorMap!.map.queryRenderedFeatures({ layers: ['selection-point'] }).length,
        ),
      )
      .toBe(1);
  });

  test('the date changes the areas of control and the Adré crossing', async ({ page }) => {
    await page.goto('/');
    await waitForMap(page);
    const date = page.locator('#as-of');

    await date.fill('2024-05-01');
    await waitForMap(page, '2024-05-01');
    const may = await renderedIds(page, ['areas-fill']);
    expect((await renderedProperties(page, ['crossings-icon'], 'td_adre_crossing'))?.status).toBe('closed');

    await date.fill('2024-08-20');
    await waitForMap(page, '2024-08-20');
    const august = await renderedIds(page, ['areas-fill']);
    expect((await renderedProperties(page, ['crossings-icon'], 'td_adre_crossing'))?.status).toBe('open');
    expect(august).not.toEqual(may);

    // What a user reads says so too.
    await expect(page.locator('#feature-td_adre_crossing')).toContainText('open');
    await expect(page).toHaveURL(/date=2024-08-20/);
  });

  test('the slider moves the date by keyboard', async ({ page }) => {
    await page.goto('/?date=2024-08-20');
    await waitForMap(page, '2024-08-20');
    const slider = page.locator('#as-of-slider');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#as-of')).toHaveValue('2024-08-19');
    await page.keyboard.press('PageDown');
    await expect(page.locator('#as-of')).toHaveValue('2024-07-20');
    await waitForMap(page, '2024-07-20');
  });

  test('a shared link reopens the same view, layers, date and selection', async ({ page }) => {
    await page.goto('/?map=7.50/13.5000/25.0000&layers=sites,crossings&date=2024-05-01&sel=sd_zamzam');
    await waitForMap(page, '2024-05-01');
    const view = await page.evaluate(() => {
      const m = window.__corridorMap!.map;
      return { zoom: m.getZoom(), lon: m.getCenter().lng, lat: m.getCenter().lat };
    });
    expect(view.zoom).toBeCloseTo(7.5, 1);
    expect(view.lon).toBeCloseTo(25, 2);
    expect(view.lat).toBeCloseTo(13.5, 2);
    await expect(page.locator('#as-of')).toHaveValue('2024-05-01');
    await expect(page.getByRole('checkbox', { name: 'Sites' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Areas of control' })).not.toBeChecked();
    expect(await renderedIds(page, ['areas-fill'])).toEqual([]);
    await expect(page.getByRole('region', { name: /Zamzam/ })).toBeVisible();

    // Turning a layer on is written back into the address.
    await page.getByRole('checkbox', { name: 'Areas of control' }).check();
    await expect(page).toHaveURL(
      /layers=areas%2Csites%2Ccrossings|layers=sites%2Ccrossings%2Careas|layers=[^&]*areas/,
    );
  });

  test('works on a 390 px wide phone: no sideways scrolling, details as a bottom sheet', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await waitForMap(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.locator('#feature-sd_zamzam').click();
    const details = page.getByRole('region', { name: /Zamzam/ });
    await expect(details).toBeVisible();
    // The map comes back on screen (the list is below it) ...
    await expect(page.locator('#map')).toBeInViewport();
    // ... with the details in a sheet at the bottom of the screen, everything in it reachable.
    const box = (await details.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y).toBeGreaterThan(844 / 3);
    await expect(details.getByRole('heading', { level: 2 })).toBeInViewport();
    await expect(details.getByRole('button', { name: 'Close details' })).toBeInViewport();
    const source = details.locator('dt', { hasText: 'Source' });
    await source.scrollIntoViewIfNeeded();
    await expect(source).toBeInViewport();
    await details.getByRole('button', { name: 'Close details' }).click();
    await expect(details).toBeHidden();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });

  test('keyboard users can skip to the map, pan it, and skip to the list', async ({ page }) => {
    await page.goto('/');
    await waitForMap(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the map' })).toBeFocused();
    await page.keyboard.press('Enter');
    const canvas = page.locator('canvas.maplibregl-canvas');
    await expect(canvas).toBeFocused();
    const lng = () => page.evaluate(() => window.__corridorMap!.map.getCenter().lng);
    const before = await lng();
    await page.keyboard.press('ArrowRight');
    await expect.poll(lng).toBeGreaterThan(before);

    await page.goto('/');
    await waitForMap(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the list of places' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('searchbox', { name: 'Filter the list' })).toBeFocused();
  });

  // The README's picture is a tracked file: a plain test run writes the picture under test-results/ so that it
  // leaves the clone as it found it; `UPDATE_SCREENSHOT=1` writes docs/screenshot.png on purpose.
  test('takes the README screenshot', async ({ page }, testInfo) => {
    const path = process.env.UPDATE_SCREENSHOT
      ? 'docs/screenshot.png'
      : testInfo.outputPath('screenshot.png');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await waitForMap(page);
    await page.screenshot({ path });
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(50_000);
  });
});

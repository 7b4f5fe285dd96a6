import type { Page } from '@playwright/test';
import { expect, renderedIds, renderedProperties, test, waitForMap } from './fixtures';

// The access analysis on the map page: it runs in a Web Worker in the browser on the public situation,
// and what it says shows on the map (corridor colours, stretches, flag rings, best path) and in the panels.

const ADRE_CORRIDOR = 'cor_adre_nyala';
const status = (page: Page) => page.locator('#analysis-status');

/**
 * Waits until the analysis of `date` has answered and the map has drawn that date with it; returns the
 * time from the request to the answer the page reports, and whether it included the worker's start-up.
 */
async function waitForAnalysis(page: Page, date: string): Promise<{ ms: number; withStartUp: boolean }> {
  const done = page.locator(`#analysis-status[data-analysis-state="done"][data-analysis-date="${date}"]`);
  await done.waitFor({ state: 'attached', timeout: 60_000 });
  await waitForMap(page, date);
  return {
    ms: Number(await done.getAttribute('data-analysis-ms')),
    withStartUp: (await done.getAttribute('data-analysis-includes-load')) === 'true',
  };
}

/** The status the map draws the corridor line with (from the rendered feature, not from the page state). */
async function drawnStatus(page: Page, id: string): Promise<unknown> {
  return (await renderedProperties(page, ['corridors-line'], id))?.status;
}

test.describe('the access analysis on the map', () => {
  test('the corridor through Adré is blocked while the crossing is closed (2024-05-01) and not once it reopens (2024-08-20)', async ({
    page,
  }, testInfo) => {
    await page.goto('/?date=2024-05-01');
    const first = await waitForAnalysis(page, '2024-05-01');
    expect(first.withStartUp).toBe(true);

    // On the map: the corridor is drawn as blocked, with a blocked stretch and its marker.
    await expect.poll(() => drawnStatus(page, ADRE_CORRIDOR)).toBe('blocked');
    expect(await renderedIds(page, ['corridors-stretch-marker'])).toContain(ADRE_CORRIDOR);
    await expect(page.locator(`#feature-${ADRE_CORRIDOR}`)).toContainText('Aid corridor · blocked');

    // In the details: the status, and the stretch with its reason naming the closed crossing.
    await page.locator(`#feature-${ADRE_CORRIDOR}`).click();
    const details = page.getByRole('region', { name: /Adré → El Geneina → Zalingei → Nyala/ });
    await expect(details).toBeVisible();
    await expect(details.locator('.chip.status')).toHaveText('Blocked on 1 May 2024');
    const stretch = details.locator('.stretch[data-status="blocked"]').first();
    await expect(stretch).toContainText(/km 0–2/);
    await expect(stretch).toContainText('Crossing closed');
    // The reason names the crossing; selecting it opens the crossing's own details.
    await stretch.getByRole('button', { name: /Adré/ }).click();
    await expect(page.getByRole('region', { name: /crossing/i })).toContainText(
      'International border crossing',
    );
    await expect(page).toHaveURL(/sel=td_adre_crossing/);

    // Three months later the crossing is open again: the same corridor is no longer blocked.
    const timings: { ms: number; withStartUp: boolean }[] = [];
    await page.locator('#as-of').fill('2024-08-20');
    timings.push(await waitForAnalysis(page, '2024-08-20'));
    await expect.poll(() => drawnStatus(page, ADRE_CORRIDOR)).not.toBe('blocked');
    expect(await drawnStatus(page, ADRE_CORRIDOR)).toBe('at_risk');
    expect(await renderedIds(page, ['corridors-stretch-marker'])).not.toContain(ADRE_CORRIDOR);
    await expect(page.locator(`#feature-${ADRE_CORRIDOR}`)).toContainText('Aid corridor · at risk');
    await page.locator(`#feature-${ADRE_CORRIDOR}`).click();
    await expect(details.locator('.chip.status')).toHaveText('At risk on 20 August 2024');
    await expect(details.locator('.stretch[data-status="blocked"]')).toHaveCount(0);
    await expect(details.locator('.stretch[data-status="at_risk"]').first()).toContainText('Obstacle nearby');

    // Re-analysis per date change, measured in the page from the change to the report (worker included).
    for (const date of ['2024-05-01', '2024-08-15', '2025-11-04']) {
      await page.locator('#as-of').fill(date);
      timings.push(await waitForAnalysis(page, date));
    }
    const figures = timings.map((t) => `${t.ms.toFixed(1)} ms`).join(', ');
    console.log(`analysis per date change: ${figures} (first load with start-up: ${first.ms.toFixed(1)} ms)`);
    testInfo.annotations.push({ type: 'analysis per date change', description: figures });
    // The figures are printed and attached for reading; what is asserted is the behaviour: each date change is
    // analysed by the running worker, without its start-up and without loading the situation again (which took
    // seconds). A wall-time bound of 200 ms failed on a shared 2-core machine at 248 ms: speed is the benches'.
    for (const t of timings) {
      expect(t.withStartUp).toBe(false);
      expect(t.ms).toBeGreaterThan(0);
      expect(t.ms).toBeLessThan(1500);
    }
    await expect(status(page)).toContainText('Access analysed for 4 November 2025');
  });

  test('Zamzam shows its flags on 2024-08-15: protection, cross-border and famine', async ({ page }) => {
    await page.goto('/?date=2024-08-15');
    await waitForAnalysis(page, '2024-08-15');
    expect(await renderedIds(page, ['sites-flag'])).toContain('sd_zamzam');
    await expect(page.locator('#feature-sd_zamzam')).toContainText('needs protection, cross-border, famine');

    await page.locator('#feature-sd_zamzam').click();
    const details = page.getByRole('region', { name: /Zamzam/ });
    await expect(details.locator('.chip.flag')).toHaveText([
      'Needs protection',
      'Depends on cross-border access',
      'Famine',
    ]);
    await expect(details).toContainText('Access: Cross-border only');
    // Its best path comes from Chad through the Tiné crossing, and is drawn on the map.
    await expect(details.locator('.path')).toContainText(/From Abéché.*via.*Tin/);
    await expect.poll(() => renderedIds(page, ['best-path-line'])).toEqual(['sd_zamzam']);
    await expect(details.getByRole('button', { name: /North Darfur front line/ }).first()).toBeVisible();
  });

  test('selecting a hotspot selects the site and draws its best path', async ({ page }) => {
    await page.goto('/');
    const date = await page.locator('#as-of').inputValue();
    await waitForAnalysis(page, date);
    const hotspots = page.getByRole('region', { name: /Hotspots/ });
    const ranked = hotspots.locator('ol > li');
    await expect(ranked.first()).toBeVisible();
    expect(await renderedIds(page, ['best-path-line'])).toEqual([]);
    const title = page.locator('#details-title');
    const siteId = async (entry: typeof ranked) =>
      (await entry.getByRole('button').getAttribute('id'))!.replace('hotspot-', '');

    // A cut-off hotspot has no path to draw, and its details say so.
    const cutOff = hotspots.locator('ol > li[data-access="cut_off"]').first();
    await expect(cutOff).toContainText('Cut off');
    const cutOffName = (await cutOff.locator('.name').innerText()).replace(/^\d+\.\s*/, '');
    await cutOff.getByRole('button').click();
    await expect(title).toHaveText(cutOffName);
    await expect(page.getByRole('region', { name: cutOffName })).toContainText(
      'No path from any hub on this date.',
    );
    expect(await renderedIds(page, ['best-path-line'])).toEqual([]);

    // A reachable one: selecting it selects the site and draws its path from the hub on the map.
    const reachable = hotspots.locator('ol > li:not([data-access="cut_off"])').first();
    const id = await siteId(reachable);
    const name = (await reachable.locator('.name').innerText()).replace(/^\d+\.\s*/, '');
    await reachable.getByRole('button').click();
    await expect(title).toHaveText(name);
    const details = page.getByRole('region', { name });
    await expect(details).toContainText(/Hotspot no\. \d+/);
    await expect(details.locator('.path')).toContainText(/^From /);
    await expect.poll(() => renderedIds(page, ['best-path-line'])).toEqual([id]);
    await expect(page).toHaveURL(new RegExp(`sel=${id}`));
  });
});

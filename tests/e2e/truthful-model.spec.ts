import type { Page } from '@playwright/test';
import { expect, renderedIds, test, waitForMap } from './fixtures';

// Issue 9 on the map: El Fasher besieged by the RSF from 2024-05-10 to 2025-10-26, Zamzam emptied on 2025-04-13
// (timeline items 37, 48). A besieged site and an emptied camp look different from a reachable one, the legend
// says what the marks mean on that date, and the site's panel gives the status and the reason.

const BESIEGED_LEGEND = 'Besieged: inside a siege ring on this date';
const INACTIVE_LEGEND = 'Emptied, destroyed, closed or relocated on this date';
const SIEGE_RING_LEGEND = 'Siege ring: convoys cannot pass';
const SIEGE = 'con_2024_el_fasher_siege';

/** Opens the map on `date` and waits until the analysis of that date is drawn. */
async function openOn(page: Page, date: string): Promise<void> {
  await page.goto(`/?date=${date}`);
  await page
    .locator(`#analysis-status[data-analysis-state="done"][data-analysis-date="${date}"]`)
    .waitFor({ state: 'attached', timeout: 60_000 });
  await waitForMap(page, date);
}

const legend = (page: Page) => page.getByRole('region', { name: 'Layers and legend' });

test.describe('sieges and emptied camps on the map', () => {
  test('El Fasher is besieged on 2024-11-20: ringed on the map, in the legend, and the panel names the siege', async ({
    page,
  }) => {
    await openOn(page, '2024-11-20');
    await expect.poll(() => renderedIds(page, ['sites-siege'])).toContain('sd_el_fasher');
    expect(await renderedIds(page, ['sites-siege'])).not.toContain('sd_zamzam');
    await expect(legend(page)).toContainText(BESIEGED_LEGEND);
    await expect(legend(page)).not.toContainText(INACTIVE_LEGEND);
    // The ring itself is drawn, with its legend entry.
    expect(await renderedIds(page, ['areas-siege'])).toEqual([SIEGE]);
    await expect(legend(page)).toContainText(SIEGE_RING_LEGEND);
    await expect(page.locator('#feature-sd_el_fasher')).toContainText('besieged');

    await page.locator('#feature-sd_el_fasher').click();
    const details = page.getByRole('region', { name: /El Fasher/ });
    await expect(details.locator('.site-status.besieged')).toHaveText(
      'Besieged by Rapid Support Forces (RSF) since 10 May 2024: Siege of El Fasher by the RSF',
    );
    await expect(details).toContainText('Access: Cut off');
    await expect(details.locator('.chip.flag')).toContainText(['Besieged']);
    // Each access class fails, and the cross-border one (Tiné and Adré are open) fails at the siege ring.
    const crossBorder = details.locator('.option[data-class="cross_border"]');
    await expect(crossBorder).toHaveAttribute('data-feasible', 'false');
    await expect(crossBorder.locator('.reasons li').first()).toContainText('Siege of El Fasher by the RSF');
    await expect(details.locator('.option')).toHaveCount(3);

    // After the fall (2025-10-26) the siege is over: no ring, and El Fasher is no longer marked besieged.
    await page.locator('#as-of').fill('2025-11-04');
    await page
      .locator('#analysis-status[data-analysis-state="done"][data-analysis-date="2025-11-04"]')
      .waitFor({ state: 'attached', timeout: 60_000 });
    await waitForMap(page, '2025-11-04');
    expect(await renderedIds(page, ['areas-siege'])).toEqual([]);
    expect(await renderedIds(page, ['sites-siege'])).not.toContain('sd_el_fasher');
    await expect(details.locator('.site-status')).toHaveCount(0);
    await expect(details.locator('.chip.flag')).toContainText(['Needs protection']);
    await expect(legend(page)).not.toContainText(SIEGE_RING_LEGEND);
  });

  test('Zamzam is emptied on 2025-06-01: greyed and crossed out, in the legend, and the panel says where its people went', async ({
    page,
  }) => {
    await openOn(page, '2025-06-01');
    await expect.poll(() => renderedIds(page, ['sites-inactive-mark'])).toContain('sd_zamzam');
    expect(await renderedIds(page, ['sites-flag'])).not.toContain('sd_zamzam');
    await expect(legend(page)).toContainText(INACTIVE_LEGEND);
    await expect(page.locator('#feature-sd_zamzam')).toContainText('emptied');

    await page.locator('#feature-sd_zamzam').click();
    const details = page.getByRole('region', { name: /Zamzam/ });
    await expect(details.locator('.site-status.inactive')).toHaveText(
      'Emptied on 13 April 2025 — people moved to Tawila',
    );
    await expect(details).toContainText('Access: Not active');
    await expect(details).toContainText('Not a place to send convoys to on this date.');
    await expect(details.locator('.chip.flag')).toHaveCount(0);

    // Before the attack the same camp is an active one, reached from Chad, neither greyed nor crossed out.
    await page.locator('#as-of').fill('2025-03-01');
    await page
      .locator('#analysis-status[data-analysis-state="done"][data-analysis-date="2025-03-01"]')
      .waitFor({ state: 'attached', timeout: 60_000 });
    await waitForMap(page, '2025-03-01');
    await expect(details.locator('.site-status')).toHaveCount(0);
    await expect(details).toContainText('Access: Cross-border only');
    expect(await renderedIds(page, ['sites-inactive-mark'])).not.toContain('sd_zamzam');
    await expect(legend(page)).not.toContainText(INACTIVE_LEGEND);
  });
});

import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';

// The lists beside the map show their first 50 entries and a button for the next ones: at Sudan scale the
// hotspots are 5,000, and drawn whole they held the page for a second after each date change. The default
// scenario ranks about ten hotspots, so the server's verdicts are given 120 more sites, each a ranked hotspot,
// on their way to the page (the tiled map takes the panel from them).

test.use({ serviceWorkers: 'block' });

const EXTRA = 120;

type Row = [string, ...unknown[]];
interface Body {
  sites: Row[];
  hotspots: [number | string, number, unknown[]?][];
  hotspotList: { ranked: [number, number, string][] };
}

/** The verdicts as the server sent them, with EXTRA more sites ranked after its own hotspots. */
async function withMoreHotspots(route: Route) {
  const response = await route.fetch();
  const body = (await response.json()) as Body;
  const [at, row] = body.hotspotList.ranked[0];
  const site = body.sites[row];
  const [, score, components] = body.hotspots[at];
  const lowest = body.hotspots[body.hotspots.length - 1][1];
  for (let i = 1; i <= EXTRA; i++) {
    body.sites.push([`extra_${i}`, ...site.slice(1)]);
    body.hotspots.push([body.sites.length - 1, Math.min(score, lowest) - i, components]);
    body.hotspotList.ranked.push([body.hotspots.length - 1, body.sites.length - 1, `Extra camp ${i}`]);
  }
  await route.fulfill({ response, json: body });
}

test('a long hotspot list shows 50 entries, then 50 more on demand, by keyboard', async ({ page }) => {
  test.setTimeout(180_000);
  await page.route(/\/map\/verdicts\.json\?/, withMoreHotspots);
  await page.goto('/?data=tiles&date=2024-08-20');
  const hotspots = page.getByRole('region', { name: /Hotspots/ });
  const ranked = hotspots.locator('ol > li');
  await expect(ranked).toHaveCount(50, { timeout: 120_000 });
  const more = hotspots.getByRole('button', { name: /^Show \d+ more/ });
  await expect(more).toHaveText(/^Show 50 more \(\d+ not shown yet\)$/);
  const left = Number((await more.innerText()).match(/\((\d+) not shown/)![1]);
  expect(left).toBeGreaterThan(EXTRA - 50);

  await more.focus();
  await page.keyboard.press('Enter');
  await expect(ranked).toHaveCount(100);
  // The focus moves to the first entry shown, the 51st, which keeps its rank.
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('id', /^hotspot-/);
  await expect(focused.locator('.name')).toHaveText(/^51\. /);
  await expect(ranked.nth(50)).toContainText(/^51\. /);

  // The rest: fewer than 50 left, all of them on the next press.
  await expect(more).toHaveText(`Show ${left - 50} more (${left - 50} not shown yet)`);
  await more.click();
  await expect(ranked).toHaveCount(left + 50);
  await expect(more).toHaveCount(0);
  await expect(ranked.last()).toContainText(`Extra camp ${EXTRA}`);
});

// Shared fixture of the browser tests: every test fails on any uncaught page error or console error, and on
// any request to a host other than this machine (the app must serve everything itself).
import { test as base, expect, type Page } from '@playwright/test';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** data: and blob: URLs never leave the browser; everything else must go to this machine. */
export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return LOCAL_HOSTS.has(u.hostname);
}

/** Console errors a test expects (e.g. the 404 of an error page it opens on purpose), by page. */
const expected = new WeakMap<Page, RegExp[]>();

/** Lets `page` log a console error matching `pattern` (message and address) without failing the test. */
export function allowConsoleError(page: Page, pattern: RegExp): void {
  expected.set(page, [...(expected.get(page) ?? []), pattern]);
}

export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const line = `console error: ${m.text()} (${m.location().url})`;
      if (!(expected.get(page) ?? []).some((p) => p.test(line))) problems.push(line);
    });
    page.on('request', (r) => {
      if (!isLocal(r.url())) foreign.push(r.url());
    });
    page.on('worker', (w) => {
      if (!isLocal(w.url())) foreign.push(w.url());
    });
    await use(page);
    expect(problems, 'page errors and console errors').toEqual([]);
    expect(foreign, 'requests to other hosts').toEqual([]);
  },
});

export { expect };

/**
 * Holds back the app's scripts, as a slow link does, until the function returned is called: the page shows and
 * takes input (a form may be sent as a plain request) before its script runs. A request the page no longer needs
 * when released (it has left) is let go.
 */
export async function holdAppScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/**/*.js', async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/**
 * On the trends page of 2024-04-27 to 2024-06-01 (first figure: people in cut-off sites), a reader on a slow link
 * picks "People in besieged sites" and presses Show before the app's scripts run: the form goes as a plain request.
 * Returns once that figure's page is shown, the scripts let go.
 */
export async function sendTrendsFigureBeforeScripts(page: Page): Promise<void> {
  const release = await holdAppScripts(page);
  await page.goto('/trends?from=2024-04-27&to=2024-06-01', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Figure').selectOption({ label: 'People in besieged sites' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/figure=peopleBesieged/);
  await expect(page.getByRole('table', { name: 'People in besieged sites, every 7 days' })).toBeVisible();
  release();
}

/**
 * Waits until the map has drawn the data of `date` (or of any date) and is idle, and returns the time
 * from navigation start to the first idle in ms.
 */
export async function waitForMap(page: Page, date?: string): Promise<number> {
  const selector = date
    ? `#map[data-map-state="idle"][data-map-date="${date}"]`
    : '#map[data-map-state="idle"]';
  await page.locator(selector).waitFor({ state: 'attached', timeout: 60_000 });
  return page.evaluate(() => window.__corridorMap?.firstIdleMs ?? NaN);
}

/** Ids of the features the map draws in these style layers right now (across the whole viewport). */
export async function renderedIds(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((layers) => {
    const map = window.__corridorMap!.map;
    const ids = map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  }, layers);
}

/** The properties the map draws a feature with, or null when it is not rendered in the viewport. */
export async function renderedProperties(
  page: Page,
  layers: string[],
  id: string,
): Promise<Record<string, unknown> | null> {
  return page.evaluate(
    ({ layers, id }) => {
      const f = window
        .__corridorMap!.map.queryRenderedFeatures({ layers })
        .find((x) => x.properties.id === id);
      return f ? { ...f.properties } : null;
    },
    { layers, id },
  );
}

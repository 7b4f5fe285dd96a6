import { readFileSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import { expect, renderedIds, test, waitForMap } from './fixtures';

// The map at scale (docs/scaling.md): drawn from vector tiles with the server's verdicts of each date. The
// default scenario is small, so `?data=tiles` asks for the tiled map; the rest of the suite covers the
// whole-situation map the default scenario opens with.

const ADRE_CORRIDOR = 'cor_adre_nyala';
const CORRIDORS = 'corridor-corridors';

async function waitForVerdicts(page: Page, date: string) {
  await page
    .locator(`#analysis-status[data-analysis-state="done"][data-analysis-date="${date}"]`)
    .waitFor({ state: 'attached', timeout: 60_000 });
  await waitForMap(page, date);
}

/** The status the map draws a corridor with: the feature state the verdicts set on its tile feature. */
function drawnStatus(page: Page, id: string): Promise<unknown> {
  return page.evaluate(
    ({ source, id }) =>
      window.__corridorMap!.map.getFeatureState({ source, sourceLayer: 'corridors', id })?.status,
    { source: CORRIDORS, id },
  );
}

/** Whether compare mode outlines a corridor: the feature state its outline layer is shown by. */
function outlined(page: Page, id: string): Promise<boolean> {
  return page.evaluate(
    ({ source, id }) =>
      window.__corridorMap!.map.getFeatureState({ source, sourceLayer: 'corridors', id })?.changed === true,
    { source: CORRIDORS, id },
  );
}

/**
 * Areas drawn now, by id: rendered and counting on the date. The tiles hold every date; one not counting is
 * rendered fully transparent (feature state `shown: false`), and neither clicks nor lists take it.
 */
function drawnAreas(page: Page): Promise<{ drawn: string[]; rendered: string[] }> {
  return page.evaluate(() => {
    const features = window.__corridorMap!.map.queryRenderedFeatures({ layers: ['areas-fill'] });
    const ids = (list: typeof features) => [...new Set(list.map((f) => String(f.properties.id)))];
    return { drawn: ids(features.filter((f) => f.state.shown !== false)), rendered: ids(features) };
  });
}
/** Areas of control of the default scenario: one ends on 10 May 2024, the other starts that day. */
const AREA_UNTIL_MAY = 'area_saf_assessed_darfur_20230415';
const AREA_FROM_MAY = 'area_saf_contested_darfur_20240510';

/** Counts the tiles MapLibre (re)loads from now on: a source reload re-parses tiles without fetching them. */
function countTileLoads(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __tileLoads: number };
    w.__tileLoads = 0;
    window.__corridorMap!.map.on('sourcedata', (e) => {
      if (e.tile) w.__tileLoads++;
    });
  });
}

test.describe('the tiled map', () => {
  // Slow under load: at a load average of 30 on 2 cores the map reported itself idle more than 60 s after its
  // verdicts (software WebGL re-parsing tiles); on an idle machine the whole test takes about 20 s.
  test('draws tiles, changes date by fetching the verdicts only, and selects a feature', async ({ page }) => {
    // Two dates, each allowed 60 s for its verdicts and 60 s for the map to be drawn (waitForVerdicts), do
    // not fit the suite's 90 s per test: on a loaded machine with software WebGL the first date alone took
    // most of it.
    test.setTimeout(240_000);
    const requests: string[] = [];
    page.on('request', (r: Request) => requests.push(new URL(r.url()).pathname + new URL(r.url()).search));

    await page.goto('/?data=tiles&date=2024-05-01');
    await waitForVerdicts(page, '2024-05-01');
    // The map came from tiles and verdicts, never the whole situation.
    expect(requests.some((r) => r.startsWith('/tiles/corridors/'))).toBe(true);
    expect(requests).toContain('/map/verdicts.json?date=2024-05-01');
    expect(requests.filter((r) => r.includes('situation.get'))).toEqual([]);
    expect(await renderedIds(page, ['corridors-line'])).toContain(ADRE_CORRIDOR);
    await expect.poll(() => drawnStatus(page, ADRE_CORRIDOR)).toBe('blocked');
    await expect(page.locator(`#feature-${ADRE_CORRIDOR}`)).toContainText('Aid corridor · blocked');
    // The panels the whole map builds from its report come with the verdicts: protection and hotspots.
    await expect(page.locator('#protection-title')).toBeVisible();
    await expect(page.locator('#hotspots-title')).toBeVisible();

    // What counts on the date is drawn, what does not is in the tiles but not drawn.
    let areas = await drawnAreas(page);
    expect(areas.drawn).toContain(AREA_UNTIL_MAY);
    expect(areas.rendered).toContain(AREA_FROM_MAY);
    expect(areas.drawn).not.toContain(AREA_FROM_MAY);

    // A date change: the verdicts of the new date, and no geometry, nor any tile parsed again (a style
    // reading the date in a filter made MapLibre reload every tile of the sources on each change).
    await countTileLoads(page);
    const before = requests.length;
    await page.locator('#as-of').fill('2024-08-20');
    await waitForVerdicts(page, '2024-08-20');
    const after = requests.slice(before);
    expect(after).toContain('/map/verdicts.json?date=2024-08-20');
    expect(after.filter((r) => r.startsWith('/tiles/'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __tileLoads: number }).__tileLoads)).toBe(0);
    areas = await drawnAreas(page);
    expect(areas.drawn).toContain(AREA_FROM_MAY);
    expect(areas.drawn).not.toContain(AREA_UNTIL_MAY);
    await expect.poll(() => drawnStatus(page, ADRE_CORRIDOR)).toBe('at_risk');
    await expect(page.locator(`#feature-${ADRE_CORRIDOR}`)).toContainText('Aid corridor · at risk');

    // Selecting from the list: the details and the verdict come from the server for the date shown.
    await page.locator(`#feature-${ADRE_CORRIDOR}`).click();
    const details = page.getByRole('region', { name: /Adré → El Geneina → Zalingei → Nyala/ });
    await expect(details).toBeVisible();
    await expect(details.locator('.chip.status')).toHaveText('At risk on 20 August 2024');
    await expect(details.locator('.stretch[data-status="at_risk"]').first()).toContainText('Obstacle nearby');
    expect(requests.slice(before)).toContain(`/map/features/${ADRE_CORRIDOR}?date=2024-08-20`);
    await expect(page).toHaveURL(new RegExp(`sel=${ADRE_CORRIDOR}`));

    // Selecting on the map: a click on a drawn site opens that site's details.
    const target = await page.evaluate(() => {
      const map = window.__corridorMap!.map;
      const site = map.queryRenderedFeatures({ layers: ['sites-circle'] })[0];
      const [lon, lat] = (site.geometry as GeoJSON.Point).coordinates;
      const p = map.project([lon, lat]);
      const box = map.getCanvas().getBoundingClientRect();
      return { id: String(site.properties.id), x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(target.x, target.y);
    await expect(page).toHaveURL(/sel=[a-z_0-9]+/);
    const selected = new URL(page.url()).searchParams.get('sel')!;
    expect(requests.slice(before)).toContain(`/map/features/${selected}?date=2024-08-20`);
    await expect(page.locator('.details').first()).toBeVisible();

    // Compare mode: the corridor whose status changed between the two dates is outlined from its tiles.
    await page.locator('#compare-with').fill('2024-05-01');
    await expect.poll(() => outlined(page, ADRE_CORRIDOR), { timeout: 60_000 }).toBe(true);
    await page.getByRole('button', { name: 'Stop comparing' }).click();
    await expect.poll(() => outlined(page, ADRE_CORRIDOR)).toBe(false);
  });

  test('the legend lists what the tiles can draw and names what waits for a closer zoom', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto('/?data=tiles&date=2024-08-20');
    await waitForVerdicts(page, '2024-08-20');
    const legend = page.locator('section.layers');
    // The panel cannot read the tiles: it once said there was no incident and showed no corridor status.
    await expect(legend).not.toContainText('No incident in the 30 days');
    await expect(legend).toContainText('Blocked corridor');
    await expect(legend).toContainText('At risk corridor');
    // The country view draws no track (tracks are in the tiles from zoom 8).
    expect(await page.evaluate(() => window.__corridorMap!.map.getZoom())).toBeLessThan(8);
    await expect(legend).toContainText('Track (zoom in to see)');
    await expect(legend).toContainText('Zoom in to see the less severe incidents.');
    // Closer in, everything is drawn and the legend says so.
    await page.evaluate(() => window.__corridorMap!.map.jumpTo({ zoom: 9, center: [22.45, 13.47] }));
    await expect(legend).not.toContainText('(zoom in to see)', { timeout: 60_000 });
    await expect(legend).toContainText('Track');
    await expect(legend).not.toContainText('Zoom in to see the less severe incidents.');
  });

  test("the hotspots from the server's verdicts read in the reader's language", async ({ page }) => {
    test.setTimeout(180_000);
    // The verdicts carry codes; their labels are looked up on the page (the endpoint picks no language).
    await page.goto('/?data=tiles&date=2024-08-20&lang=fr');
    await waitForVerdicts(page, '2024-08-20');
    const panel = page.locator('section.hotspots');
    await expect(panel).toContainText('Points critiques');
    const flags = await panel.locator('.flag').allTextContents();
    expect(flags.length).toBeGreaterThan(0);
    // Every flag in French, not in English (the server's base language, which the panel showed before).
    const messages = (lang: string) =>
      JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, string>;
    const labels = (lang: string) =>
      new Set(
        Object.entries(messages(lang))
          .filter(([k]) => k.startsWith('flag_') || k.startsWith('access_'))
          .map(([, v]) => v),
      );
    const fr = labels('fr');
    for (const f of flags) expect(fr.has(f.trim()), f).toBe(true);
    expect(flags).toContain('Besoin de protection');
    await expect(panel).not.toContainText('Needs protection');
  });
});

// Importing at /data → Import, in a real Chromium against the built app, with real files written by others
// (../shared/realdata): a week of ACLED events into incidents; IOM DTM sites into sites, where one site at
// 0,0 is rejected and the import waits until the user chooses to leave it out; a column mapping changed,
// remembered and applied to the next file of that source; a large file cancelled mid-check on a phone-sized
// screen; OCHA's localities (3.4 MB) and DTM's IDP figures joined onto them, each import larger than one
// request may carry and so sent in parts (the first cancelled once midway). Each test removes what it
// imported, so the other suites see the default scenario.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const EMAIL = process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org';
const PASSWORD = process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password';
const REALDATA = resolve('..', 'shared', 'realdata');
const ACLED = join(REALDATA, 'sdn_acled_events_2023-04_week.csv');
const DTM = join(REALDATA, 'sdn_dtm_idp_sites_2019_omdena.csv');
const ADMIN2 = join(REALDATA, 'sdn_cod_admin2.geojson');
const DTM_LOCALITIES = join(REALDATA, 'hxl_sdn_dtm_idp_admin2_2024-12.csv');
/** The Node server's default request size limit (BODY_SIZE_LIMIT, 512K). */
const BODY_SIZE_LIMIT = 512 * 1024;

async function signInToImport(page: Page) {
  await page.goto('/data');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/data$/);
  await page.locator('#editor-map[data-editor-state="ready"]').waitFor({ timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Data' }).getByRole('link', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/data\?section=import$/);
  await expect(page.getByRole('heading', { name: 'Import a file' })).toBeVisible();
}

/** Ids of a layer's features as the signed-in page (staff) or an anonymous visitor (public) sees them. */
async function layerIds(page: Page, layer: string): Promise<string[]> {
  return page.evaluate(async (layer) => {
    const r = await fetch('/api/trpc/situation.get');
    const body = (await r.json()) as {
      result: { data: Record<string, { properties: { id: string } }[]> };
    };
    return body.result.data[layer].map((f) => f.properties.id);
  }, layer);
}

async function publicIds(browser: Browser, layer: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const anon = await context.newPage();
    await anon.goto('/login');
    return await layerIds(anon, layer);
  } finally {
    await context.close();
  }
}

/** Soft-deletes features by id through the API (they stay in the history), leaving the scenario as it was. */
async function remove(page: Page, ids: string[]) {
  await page.evaluate(async (ids) => {
    for (const id of ids) {
      const got = await fetch(`/api/trpc/features.get?input=${encodeURIComponent(JSON.stringify({ id }))}`);
      const version = ((await got.json()) as { result: { data: { version: number } } }).result.data.version;
      const r = await fetch('/api/trpc/features.delete', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, version }),
      });
      if (!r.ok) throw new Error(`could not delete ${id}: ${r.status}`);
    }
  }, ids);
}

/** Drops a file on the drop zone the way a browser does: dragenter, dragover, then drop with the file. */
async function dropFile(page: Page, path: string, type: string) {
  const zone = page.getByRole('group', { name: 'Choose or drop a file' });
  const data = await page.evaluateHandle(
    ({ text, name, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      return dt;
    },
    { text: readFileSync(path, 'utf8'), name: basename(path), type },
  );
  for (const event of ['dragenter', 'dragover', 'drop'])
    await zone.dispatchEvent(event, { dataTransfer: data });
}

/** Reading and checking both reach 100 %, in the bars and in their written percentages. */
async function expectChecked(page: Page) {
  for (const id of ['import-read-progress', 'import-parse-progress']) {
    await expect(page.getByTestId(`${id}-percent`)).toHaveText('100 %');
    await expect(page.locator(`progress#${id}`)).toHaveJSProperty('value', 100);
  }
  await expect(page.getByLabel('Reading the file')).toBeVisible();
  await expect(page.getByLabel('Checking the rows')).toBeVisible();
}

const count = (page: Page, key: string) => page.locator(`[data-count="${key}"] dd`);

test.describe('import at /data', () => {
  // The real files are part of the test setup (../shared beside the repository): missing ones fail, not skip.
  test.beforeAll(() => {
    const missing = [ACLED, DTM, ADMIN2, DTM_LOCALITIES].filter((f) => !existsSync(f));
    if (missing.length)
      throw new Error(`the real files of ../shared/realdata are missing: ${missing.join(', ')}`);
  });

  test('an editor imports a week of ACLED events into incidents; they reach the editor and the public map', async ({
    page,
    browser,
  }) => {
    await signInToImport(page);
    const before = await layerIds(page, 'incidents');

    await page.getByLabel('Import into layer').selectOption('incidents');
    // Dropped onto the page, as from a file manager, rather than picked.
    await dropFile(page, ACLED, 'text/csv');
    await expect(page.getByText('sdn_acled_events_2023-04_week.csv · 26 kB')).toBeVisible();
    await expectChecked(page);
    await expect(page.getByTestId('import-announcement')).toHaveText(
      'Checked "sdn_acled_events_2023-04_week.csv": 47 read, 47 valid, 0 rejected, 0 warnings.',
    );
    await expect(count(page, 'read')).toHaveText('47');
    await expect(count(page, 'valid')).toHaveText('47');
    await expect(count(page, 'rejected')).toHaveText('0');
    await expect(page.getByText('Read as ACLED')).toBeVisible();
    await expect(page.getByText('No problems found')).toBeVisible();

    // The standard ACLED columns, shown but fixed.
    await expect(page.getByLabel('Latitude')).toHaveValue('latitude');
    await expect(page.getByLabel('Latitude')).toBeDisabled();

    // The valid features, as they would be written.
    const features = page.getByRole('table', { name: /^Features 1–25 of 47/ });
    await expect(features.getByRole('row')).toHaveCount(26);
    await expect(features.getByRole('row', { name: /SUD19616/ })).toContainText(
      'Peaceful protest in El Fasher',
    );
    await expect(features.getByRole('row', { name: /SUD19616/ })).toContainText('13.6264° N, 25.3559° E');

    const commit = page.getByRole('button', { name: 'Import 47 features' });
    await expect(commit).toBeEnabled();
    await commit.click();
    await expect(page.getByTestId('import-result')).toContainText(
      'Imported into Incidents: 47 created, 0 updated, 0 unchanged.',
    );
    await expect(page.getByTestId('import-announcement')).toHaveText(
      'Imported into Incidents: 47 created, 0 updated, 0 unchanged.',
    );

    const after = await layerIds(page, 'incidents');
    const imported = after.filter((id) => !before.includes(id));
    expect(imported).toHaveLength(47);
    expect(imported).toContain('SUD19616');
    // ACLED events are public: an anonymous visitor's map has them too.
    expect(await publicIds(browser, 'incidents')).toContain('SUD19616');

    // The editor's list of incidents has them.
    await page.getByRole('link', { name: 'Open Incidents in the editor' }).click();
    await expect(page).toHaveURL(/\/data\?layer=incidents$/);
    await expect(page.getByRole('list', { name: `Incidents (${before.length + 47})` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Peaceful protest in El Fasher' })).toBeVisible();
    await page.locator('#editor-map[data-editor-state="ready"]').waitFor({ timeout: 60_000 });

    await remove(page, imported);
  });

  test('a hand-drawn control polygon: its actor, confidence and date given as fixed values, an unknown actor refused, the values remembered', async ({
    page,
  }) => {
    await signInToImport(page);
    const before = await layerIds(page, 'areas');
    const polygon = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'E2E drawn area' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [25.2, 13.5],
                [25.5, 13.5],
                [25.5, 13.8],
                [25.2, 13.5],
              ],
            ],
          },
        },
      ],
    });
    const file = {
      name: 'e2e_drawn_control.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(polygon),
    };
    await page.getByLabel('Import into layer').selectOption('areas');
    await page.getByLabel('File to import').setInputFiles(file);
    await expectChecked(page);
    await expect(count(page, 'rejected')).toHaveText('1');

    // Fixed values: the actor written as people write it first, which the scenario does not define.
    const fixed = page.getByTestId('fixed-values');
    const setFixed = async (field: string, value: string) => {
      await fixed.getByLabel('Field to fix').selectOption({ label: field });
      await fixed.getByLabel('Fixed value').fill(value);
      await fixed.getByRole('button', { name: 'Set' }).click();
    };
    await setFixed('Actor', 'RSF');
    await setFixed('Confidence', 'assessed');
    await setFixed('Valid from', '2025-10-26');
    await expect(fixed.getByRole('listitem')).toHaveCount(3);
    await page.getByRole('button', { name: 'Check again with this mapping' }).click();
    await expectChecked(page);
    const groups = page.getByTestId('problem-groups');
    await expect(groups).toContainText('names actor "RSF", which the scenario does not define');
    await expect(groups).toContainText('write "rsf"');

    await setFixed('Actor', 'rsf');
    await page.getByRole('button', { name: 'Check again with this mapping' }).click();
    await expectChecked(page);
    await expect(count(page, 'valid')).toHaveText('1');
    await page.getByRole('button', { name: 'Import 1 feature' }).click();
    await expect(page.getByTestId('import-result')).toContainText('1 created');
    const imported = (await layerIds(page, 'areas')).filter((id) => !before.includes(id));
    expect(imported).toHaveLength(1);

    // The same source again: the fixed values are remembered and applied.
    await page.getByLabel('File to import').setInputFiles([]);
    await page.getByLabel('File to import').setInputFiles(file);
    await expect(page.getByTestId('mapping-origin')).toHaveText(
      'Remembered from the last import of a file with these columns.',
    );
    await expect(fixed).toContainText('Actor = rsf');
    await expect(count(page, 'valid')).toHaveText('1');

    await remove(page, imported);
  });

  test('a UCDP GED export is offered its preset, which switches to incidents, fills the mapping and can still be changed', async ({
    page,
  }) => {
    await signInToImport(page);
    const before = await layerIds(page, 'incidents');
    // Generated in UCDP's column layout (never a copy of their file): source_date before date_start, the
    // type of violence as a number, deaths in best.
    const ged = [
      'id,year,type_of_violence,dyad_name,source_date,where_coordinates,latitude,longitude,country,date_start,best',
      '990001,2024,1,Government of Sudan - RSF,2024-05-20,E2E El Fasher,13.63,25.35,Sudan,2024-05-10,12',
      '990002,2024,3,RSF - Civilians,2024-06-02,E2E Tawila,14.03,24.87,Sudan,2024-06-01,3',
      '990003,2024,2,Misseriya - Rizeigat,2024-07-01,E2E Muglad,11.03,27.73,Sudan,2024-06-28,1',
    ].join('\n');
    await page.getByLabel('Import into layer').selectOption('sites');
    await page
      .getByLabel('File to import')
      .setInputFiles({ name: 'e2e_ged_sdn.csv', mimeType: 'text/csv', buffer: Buffer.from(ged) });
    await expectChecked(page);
    await expect(count(page, 'valid')).toHaveText('0');

    const offer = page.getByTestId('preset-offer');
    await expect(offer).toContainText(
      'The columns of this file fit the UCDP GED preset. It imports into the layer “Incidents”.',
    );
    await offer.getByRole('button', { name: 'Use the UCDP GED preset' }).click();
    await expectChecked(page);
    await expect(page.getByLabel('Import into layer')).toHaveValue('incidents');
    await expect(count(page, 'valid')).toHaveText('3');
    await expect(offer).toHaveText(
      'Read with the UCDP GED preset: change any column or fixed value below, then check again.',
    );
    await expect(page.getByTestId('mapping-origin')).toHaveText('From the preset, as set above.');
    await expect(page.locator('#map-category')).toHaveValue('type_of_violence');
    await expect(page.locator('#map-date')).toHaveValue('date_start');
    await expect(page.getByTestId('fixed-values')).toContainText('Verification = verified');

    // The mapping stays the user's: the name from another column, checked again with the preset kept.
    await page.locator('#map-name').selectOption('dyad_name');
    await page.getByRole('button', { name: 'Check again with this mapping' }).click();
    await expectChecked(page);
    await expect(count(page, 'valid')).toHaveText('3');
    await expect(offer).toContainText('Read with the UCDP GED preset');
    await expect(page.getByRole('region', { name: 'Valid features' })).toContainText('RSF - Civilians');

    await page.getByRole('button', { name: 'Import 3 features' }).click();
    await expect(page.getByTestId('import-result')).toContainText('3 created');
    const imported = (await layerIds(page, 'incidents')).filter((id) => !before.includes(id));
    expect(imported.sort()).toEqual(['e2e_ged_sdn_990001', 'e2e_ged_sdn_990002', 'e2e_ged_sdn_990003']);
    await remove(page, imported);
  });

  test('DTM sites: the site at 0,0 is reported and blocks the import until left out; a changed mapping is remembered', async ({
    page,
  }) => {
    await signInToImport(page);
    const before = await layerIds(page, 'sites');

    await page.getByLabel('Import into layer').selectOption('sites');
    await page.getByLabel('File to import').setInputFiles(DTM);
    await expectChecked(page);
    await expect(count(page, 'read')).toHaveText('89');
    await expect(count(page, 'valid')).toHaveText('88');
    await expect(count(page, 'rejected')).toHaveText('1');
    await expect(page.getByText('Read as CSV')).toBeVisible();

    // Nothing can be written while a row is rejected, and the page says why.
    const commit = page.getByRole('button', { name: 'Import 88 features' });
    await expect(commit).toBeDisabled();
    await expect(
      page.getByText('1 row was rejected: correct the file, or choose to leave them out.'),
    ).toBeVisible();

    // The report, errors only: the one site at 0,0, with where it is and what to do.
    const report = page.getByRole('region', { name: 'Validation report' });
    await report.getByLabel('Errors (1)').check();
    const table = report.getByRole('table', { name: /Problems in sdn_dtm_idp_sites_2019_omdena\.csv/ });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(1);
    const cells = rows.first().getByRole('cell');
    await expect(cells.nth(0)).toHaveText('Error');
    await expect(cells.nth(1)).toHaveText(/^line \d+$/);
    await expect(cells.nth(3)).toHaveText('_GPS_latitude, _GPS_longitude');
    await expect(cells.nth(4)).toHaveText('point at 0,0');
    await expect(cells.nth(5)).toContainText('the coordinates are probably missing');
    for (const header of ['Level', 'Where', 'Id', 'Field', 'Problem', 'Suggestion'])
      await expect(table.getByRole('columnheader', { name: header })).toBeVisible();

    // Warnings, a page at a time: on the third, the site that plots in Chad.
    await report.getByLabel('Warnings (90)').check();
    await expect(table).toHaveAccessibleName(/: 1–25 of 90$/);
    await expect(rows).toHaveCount(25);
    await expect(report.getByText('Page 1 of 4')).toBeVisible();
    await report.getByRole('button', { name: 'Next' }).click();
    await report.getByRole('button', { name: 'Next' }).click();
    await expect(table).toHaveAccessibleName(/: 51–75 of 90$/);
    const chad = table.getByRole('row', { name: /plots in Chad/ });
    await expect(chad).toHaveCount(1);
    await expect(chad).toContainText('DTM0102149');
    await expect(chad).toContainText('check the coordinates');
    await report.getByLabel('All (91)').check();
    await expect(table).toHaveAccessibleName(/: 1–25 of 91$/);

    // Arabic names are laid out right to left, against the right edge of their cell.
    const arabic = page
      .getByRole('table', { name: /^Features 1–25 of 88/ })
      .locator('span[lang="ar"]')
      .first();
    await expect(arabic).toHaveText(/\p{Script=Arabic}/u);
    const layout = await arabic.evaluate((el) => {
      const cell = el.closest('td')!.getBoundingClientRect();
      const span = el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      return {
        direction: getComputedStyle(el).direction,
        cellRight: cell.right,
        spanRight: span.right,
        textRight: text.right,
        textLeft: text.left,
        spanLeft: span.left,
      };
    });
    expect(layout.direction).toBe('rtl');
    expect(layout.spanRight - layout.textRight).toBeLessThan(1);
    expect(layout.textLeft - layout.spanLeft).toBeGreaterThan(0);

    // The mapping: detected; the user takes the older round's figures (the file has two "Individuals").
    await expect(page.getByTestId('mapping-origin')).toHaveText('Detected from the column names and tags.');
    await expect(page.getByLabel('Latitude')).toHaveValue('_GPS_latitude');
    await expect(page.getByLabel('Population')).toHaveValue('Individuals');
    await page.getByLabel('Population').selectOption('Individuals (2)');
    await expect(commit).toBeDisabled();
    await expect(
      page.getByText('The column mapping has changed: check the file again with it first.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Check again with this mapping' }).click();
    await expect(page.getByTestId('mapping-origin')).toHaveText('As you set it.');
    await expect(page.getByLabel('Population')).toHaveValue('Individuals (2)');
    await expectChecked(page);

    // Leave the rejected row out and import, with the keyboard only.
    const skip = page.getByLabel('Leave out the 1 rejected row and import the rest');
    await skip.focus();
    await page.keyboard.press('Space');
    await expect(skip).toBeChecked();
    await expect(commit).toBeEnabled();
    await commit.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('import-result')).toContainText(
      'Imported into Sites: 88 created, 0 updated, 0 unchanged.',
    );
    const imported = (await layerIds(page, 'sites')).filter((id) => !before.includes(id));
    expect(imported).toHaveLength(88);

    // Next month's file of the same source: the mapping chosen is remembered and applied, and the same
    // features are written again as unchanged.
    await page.getByLabel('File to import').setInputFiles([]);
    await page.getByLabel('File to import').setInputFiles(DTM);
    await expect(page.getByTestId('mapping-origin')).toHaveText(
      'Remembered from the last import of a file with these columns.',
    );
    await expect(page.getByLabel('Population')).toHaveValue('Individuals (2)');
    await expectChecked(page);
    await page.getByLabel('Leave out the 1 rejected row and import the rest').check();
    await page.getByRole('button', { name: 'Import 88 features' }).click();
    await expect(page.getByTestId('import-result')).toContainText('0 created, 0 updated, 88 unchanged.');

    await page.getByRole('link', { name: 'Open Sites in the editor' }).click();
    await expect(page.getByRole('list', { name: `Sites (${before.length + 88})` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kass Humira Market', exact: true })).toBeVisible();
    await page.locator('#editor-map[data-editor-state="ready"]').waitFor({ timeout: 60_000 });

    await remove(page, imported);
  });

  test('on a phone: a large file cancelled while it is checked writes nothing, and a report reads as cards', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInToImport(page);
    const before = await layerIds(page, 'incidents');

    // 150 000 incidents (about 40 MB): long enough to check that Cancel comes while it runs.
    const path = testInfo.outputPath('many-incidents.geojson');
    const features = Array.from({ length: 150_000 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [22 + (i % 1000) / 1000, 12 + Math.floor(i / 1000) / 200] },
      properties: {
        id: `bulk_${i}`,
        name: `Checkpoint report ${i}`,
        source: 'e2e test',
        date: '2024-08-01',
        category: 'movement_restriction',
        severity: 1,
        verification: 'unverified',
      },
    }));
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));

    await page.getByLabel('Import into layer').selectOption('incidents');
    await page.getByLabel('File to import').setInputFiles(path);
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await expect(cancel).toBeVisible();
    // The page answers while the worker reads and checks: Cancel responds at once.
    await cancel.click();
    await expect(page.getByTestId('import-announcement')).toHaveText('Cancelled: nothing was written.');
    await expect(cancel).toBeHidden();
    await expect(page.getByRole('region', { name: 'Validation report' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);

    expect(await layerIds(page, 'incidents')).toEqual(before);

    // A real file's report on the phone: problems as a list of cards, and nothing wider than the screen.
    await page.getByLabel('Import into layer').selectOption('sites');
    await page.getByLabel('File to import').setInputFiles(DTM);
    await expectChecked(page);
    // (How many problems depends on the mapping an earlier test may have left remembered.)
    const cards = page.getByRole('list', { name: /^Problems 1–25 of \d+$/ });
    await expect(cards).toBeVisible();
    await expect(cards.getByRole('listitem')).toHaveCount(25);
    await expect(page.getByRole('table', { name: /^Problems in/ })).toBeHidden();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });
  test('the localities of Sudan (3.4 MB), then the DTM IDP figures joined onto them: each import is larger than one request may carry, is sent in parts and written whole', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await signInToImport(page);
    const before = await layerIds(page, 'admin');
    // Every part of the commit, as the browser sends it: each under the server's request size limit.
    const appends: number[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/api\/trpc\/imports\.append\b/.test(r.url()))
        appends.push(Buffer.byteLength(r.postData() ?? ''));
    });

    await page.getByLabel('Import into layer').selectOption('admin');
    await page.getByLabel('File to import').setInputFiles(ADMIN2);
    await expectChecked(page);
    await expect(count(page, 'read')).toHaveText('189');
    await expect(count(page, 'valid')).toHaveText('189');
    await expect(count(page, 'rejected')).toHaveText('0');
    const importButton = page.getByRole('button', { name: 'Import 189 features' });

    // Cancelled while its second part is on its way: nothing is written, and the server drops the first.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let parts = 0;
    await page.route(/\/api\/trpc\/imports\.append\b/, async (route) => {
      if (++parts === 2) await held;
      await route.continue().catch(() => {}); // aborted by Cancel in the meantime
    });
    const begun = page.waitForResponse(/\/api\/trpc\/imports\.begin\b/);
    await importButton.click();
    const importId = ((await (await begun).json()) as { result: { data: { importId: string } } }[])[0].result
      .data.importId;
    await expect.poll(() => parts).toBe(2);
    await expect(page.getByTestId('import-upload-part')).toHaveText(/^Part 2 of \d+$/);
    const aborted = page.waitForResponse(/\/api\/trpc\/imports\.abort\b/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await aborted).status()).toBe(200);
    await expect(page.getByTestId('import-announcement')).toHaveText('Cancelled: nothing was written.');
    release();
    await page.unroute(/\/api\/trpc\/imports\.append\b/);
    expect(await layerIds(page, 'admin')).toEqual(before);
    // (Asked from outside the page, whose console would report the 404 as an error.)
    const finishAborted = await page.request.post('/api/trpc/imports.finish', { data: { importId } });
    expect(finishAborted.status()).toBe(404);

    // Sent again, to the end.
    appends.length = 0;
    await importButton.click();
    await expect(page.getByTestId('import-result')).toContainText(
      'Imported into Administrative boundaries: 189 created, 0 updated, 0 unchanged.',
      { timeout: 120_000 },
    );
    expect(appends.length).toBeGreaterThan(2);
    expect(Math.max(...appends)).toBeLessThan(BODY_SIZE_LIMIT);
    expect(appends.reduce((a, b) => a + b, 0)).toBeGreaterThan(BODY_SIZE_LIMIT);
    const imported = (await layerIds(page, 'admin')).filter((id) => !before.includes(id));
    expect(imported).toHaveLength(189);
    expect(imported).toContain('admin_SD09046');

    // The IDP figures of 184 localities: a table of 20 kB, but each row updates a stored locality, outline
    // and all, so what is sent is some 1.4 MB.
    appends.length = 0;
    await page.getByLabel('File to import').setInputFiles(DTM_LOCALITIES);
    await expectChecked(page);
    await expect(page.getByText('Read as HXL')).toBeVisible();
    await expect(count(page, 'read')).toHaveText('184');
    await expect(count(page, 'valid')).toHaveText('184');
    await expect(count(page, 'rejected')).toHaveText('0');
    await expect(
      page.getByText('184 of them add figures to stored areas with the same P-code.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Import 184 features' }).click();
    await expect(page.getByTestId('import-result')).toContainText(
      'Imported into Administrative boundaries: 0 created, 184 updated, 0 unchanged.',
      { timeout: 120_000 },
    );
    expect(appends.length).toBeGreaterThan(2);
    expect(Math.max(...appends)).toBeLessThan(BODY_SIZE_LIMIT);
    expect(appends.reduce((a, b) => a + b, 0)).toBeGreaterThan(BODY_SIZE_LIMIT);
    const rabak = await page.evaluate(async () => {
      const input = encodeURIComponent(JSON.stringify({ id: 'admin_SD09046' }));
      const r = await fetch(`/api/trpc/features.get?input=${input}`);
      return ((await r.json()) as { result: { data: { feature: { properties: { figures: unknown[] } } } } })
        .result.data.feature.properties.figures;
    });
    expect(rabak).toMatchObject([
      { date: '2024-12-17', idps: 144936, households: 27998, source: 'hxl_sdn_dtm_idp_admin2_2024-12.csv' },
    ]);

    await remove(page, imported);
    expect(await layerIds(page, 'admin')).toEqual(before);
  });
});

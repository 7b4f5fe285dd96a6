// Editing on the map (/data): an editor signs in, draws a corridor along the roads and sees it analysed,
// makes a restricted record the public never sees, and signs out; two tabs saving one feature get a
// conflict that shows both versions. The account is made by scripts/e2e-server.js with the real CLI.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const EMAIL = process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org';
const PASSWORD = process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password';

interface EditorWindow {
  __corridorEditor?: {
    map: { project(p: [number, number]): { x: number; y: number }; jumpTo(o: object): void };
  };
}

async function signIn(page: Page) {
  await page.goto('/data');
  await expect(page).toHaveURL(/\/login\?next=%2Fdata|\/login\?next=\/data/);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/data$/);
  await page.locator('#editor-map[data-editor-state="ready"]').waitFor({ timeout: 60_000 });
}

/** Centres the editor's map on a point at a zoom where the roads around it are a few hundred pixels long. */
async function view(page: Page, center: [number, number], zoom: number) {
  await page.evaluate(
    ({ center, zoom }) => (window as EditorWindow).__corridorEditor!.map.jumpTo({ center, zoom }),
    { center, zoom },
  );
}

/** Clicks the map canvas where a longitude/latitude is drawn. */
async function clickAt(page: Page, lonLat: [number, number]) {
  const p = await page.evaluate((ll) => (window as EditorWindow).__corridorEditor!.map.project(ll), lonLat);
  const box = (await page.locator('#editor-map canvas').boundingBox())!;
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

async function trpcGet(page: Page, path: string, input?: unknown) {
  return page.evaluate(
    async ({ path, input }) => {
      const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const r = await fetch(`/api/trpc/${path}${q}`);
      return { status: r.status, body: (await r.json()) as { result?: { data: unknown } } };
    },
    { path, input },
  );
}

test('an editor draws a corridor, sees it analysed, keeps a restricted site from the public, signs out', async ({
  page,
  browser,
}) => {
  await signIn(page);

  // A new corridor along the roads Adré → El Geneina → Mornei (road vertices from geodata/roads.geojson).
  await page.getByLabel('Layer').selectOption('corridors');
  await page.getByRole('button', { name: 'New corridors feature' }).click();
  await view(page, [22.55, 13.2], 8);
  const route: [number, number][] = [
    [22.2, 13.4667],
    [22.4442, 13.4417],
    [22.8729, 12.9498],
  ];
  for (const p of route) await clickAt(page, p);
  await clickAt(page, route.at(-1)!); // clicking the last point again finishes the line
  await page.locator('#field-name').fill('Adré → Mornei (test)');
  // Save first without a source: the shared schema's message shows next to the field, nothing is written.
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#field-source-error')).toHaveText('is required');
  await page.locator('#field-source').fill('e2e test');
  await page.locator('#field-fromSiteId').selectOption('td_adre_transit');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved. Version 1.');
  const corridorId = (await page.locator('.meta code').textContent())!.trim();
  await expect(page.getByRole('button', { name: 'Adré → Mornei (test)' })).toBeVisible();

  // The analysis of the signed-in editor includes the corridor, with a status and its length.
  const report = await trpcGet(page, 'analysis.run', { asOf: '2024-08-15' });
  const corridors = (
    report.body.result!.data as { corridors: { id: string; status: string; lengthKm: number }[] }
  ).corridors;
  const mine = corridors.find((c) => c.id === corridorId);
  expect(mine?.status).toMatch(/^(open|at_risk|blocked)$/);
  expect(mine!.lengthKm).toBeGreaterThan(80);

  // A restricted site: staff see it, the public never does.
  await page.getByLabel('Layer').selectOption('sites');
  await page.getByRole('button', { name: 'New sites feature' }).click();
  await view(page, [22.9, 13.3], 8);
  await clickAt(page, [22.9, 13.3]);
  await page.locator('#field-name').fill('Staff position (test)');
  await page.locator('#field-source').fill('e2e test');
  await page.locator('#field-sensitivity').selectOption('restricted');
  await page.locator('#field-kind').selectOption('town');
  await page.locator('#field-country').fill('SDN');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved. Version 1.');
  const siteId = (await page.locator('.meta code').textContent())!.trim();

  const staffView = JSON.stringify((await trpcGet(page, 'situation.get')).body);
  expect(staffView).toContain(siteId);
  const publicView = await anonymousSituation(browser);
  expect(publicView).toContain(corridorId); // the public corridor is there: the check below means something
  expect(publicView).not.toContain(siteId);

  // Sign out through the form's POST: the session ends and /data asks to sign in again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  // On the map (which then writes its date into the query).
  await expect(page).toHaveURL((u) => u.pathname === '/');
  await page.goto('/data');
  await expect(page).toHaveURL(/\/login/);
});

async function anonymousSituation(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const anon = await context.newPage();
    await anon.goto('/login');
    const r = await trpcGet(anon, 'situation.get');
    expect(r.status).toBe(200);
    return JSON.stringify(r.body);
  } finally {
    await context.close();
  }
}

test('a stale save shows both versions, and keeping mine overwrites the current one', async ({ page }) => {
  await signIn(page);
  const other = await page.context().newPage();
  // The second tab gets a 409 response on purpose, which Chromium logs; anything else is an error.
  const problems: string[] = [];
  other.on('pageerror', (e) => problems.push(e.message));
  other.on('console', (m) => {
    if (m.type() === 'error' && !/status of 409/.test(m.text())) problems.push(m.text());
  });
  await other.goto('/data');
  await other.locator('#editor-map[data-editor-state="ready"]').waitFor({ timeout: 60_000 });

  for (const p of [page, other]) {
    await p.getByLabel('Layer').selectOption('corridors');
    await p.getByRole('button', { name: 'Abéché → Adré', exact: false }).first().click();
    await expect(p.locator('#field-name')).not.toHaveValue('');
  }
  const original = await page.locator('#field-name').inputValue();

  await page.locator('#field-description').fill('changed in the first tab');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved. Version 2.');

  await other.locator('#field-description').fill('changed in the second tab');
  await other.getByRole('button', { name: 'Save' }).click();
  const conflict = other.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`by ${EMAIL}`);
  const row = conflict.getByRole('row', { name: /description/ });
  await expect(row.locator('[data-side="mine"]')).toHaveText('changed in the second tab');
  await expect(row.locator('[data-side="theirs"]')).toHaveText('changed in the first tab');

  await conflict.getByRole('button', { name: 'Keep mine (overwrite current version)' }).click();
  await expect(other.getByRole('status')).toContainText('Saved. Version 3.');
  const stored = await trpcGet(other, 'features.get', {
    id: (await other.locator('.meta code').textContent())!.trim(),
  });
  const data = stored.body.result!.data as {
    version: number;
    feature: { properties: Record<string, string> };
  };
  expect(data.version).toBe(3);
  expect(data.feature.properties.description).toBe('changed in the second tab');
  expect(data.feature.properties.name).toBe(original);

  // Both saves are in the history, each restorable.
  await expect(other.getByRole('button', { name: /^Restore/ })).toHaveCount(3);
  expect(problems).toEqual([]);
  await other.close();
});

test('a deleted feature leaves the list, keeps its history and comes back with Restore', async ({ page }) => {
  await signIn(page);
  await page.getByLabel('Layer').selectOption('corridors');
  const item = page.getByRole('button', { name: 'El Fasher → Dali → Tawila' });
  await item.click();
  await expect(page.locator('#field-name')).toHaveValue('El Fasher → Dali → Tawila');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted');
  await expect(item).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').last()).toContainText(`delete (version 2) by ${EMAIL}`);

  await history.getByRole('button', { name: 'Restore the version before this deletion' }).click();
  await expect(page.getByRole('status')).toContainText('Restored as a new version. Version 3.');
  await expect(item).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(3);
});

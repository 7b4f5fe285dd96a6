// Roles hold on writes (issue 8): an editor is never offered `confidential` in the editor, and the API
// refuses it when sent anyway, writing nothing. The account (an editor) is made by scripts/e2e-server.js.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const EMAIL = process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org';
const PASSWORD = process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password';

async function signIn(page: Page) {
  await page.goto('/login?next=/data');
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/data$/);
  await page.locator('#editor-map[data-editor-state="ready"]').waitFor({ timeout: 60_000 });
}

test('an editor cannot make a record confidential, in the form or through the API', async ({ page }) => {
  await signIn(page);
  await page.getByLabel('Layer').selectOption('sites');
  await page.getByRole('button', { name: 'New sites feature' }).click();
  // The form offers what an editor may give (the empty choice means the default, public).
  await expect(page.locator('#field-sensitivity option')).toHaveText(['—', 'public', 'restricted']);

  // The same request the form would send, with `confidential`: refused, naming the field; nothing written.
  const feature = {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [24.9, 13.5] },
    properties: {
      id: 'e2e_confidential_site',
      name: 'Safe house (test)',
      source: 'e2e test',
      kind: 'town',
      country: 'SDN',
      sensitivity: 'confidential',
    },
  };
  const created = await page.request.post('/api/trpc/features.create', { data: { layer: 'sites', feature } });
  expect(created.status()).toBe(403);
  expect(((await created.json()) as { error: { message: string } }).error.message).toBe(
    '(input): feature #0 (id "e2e_confidential_site"), field "properties.sensitivity": only administrators may make a record confidential',
  );
  const read = await page.request.get(
    `/api/trpc/features.get?input=${encodeURIComponent(JSON.stringify({ id: 'e2e_confidential_site' }))}`,
  );
  expect(read.status()).toBe(404);
  expect((await page.request.get('/ogc/collections/sites/items/e2e_confidential_site')).status()).toBe(404);
});

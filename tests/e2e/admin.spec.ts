// Account administration at /admin, at desktop width, with the keyboard: an administrator adds an account
// with a generated password, the new user signs in with it, and each change of role, disabled state or
// password signs that user out; editors are refused the page; the last administrator cannot be demoted.
// The administrator and the editor are made by scripts/e2e-server.js with the real CLI.
import type { Browser, Page } from '@playwright/test';
import { expect, test, holdAppScripts } from './fixtures';

const ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'admin@example.org',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e admin password',
};
const EDITOR = {
  email: process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org',
  password: process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password',
};

async function signIn(page: Page, who: { email: string; password: string }, next = '/admin') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A second browser (its own cookies) for the account being administered. */
async function otherUser(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/** Whether the session of `page` still holds: /data sends the signed-out to the sign-in form. */
async function signedIn(page: Page): Promise<boolean> {
  await page.goto('/data');
  return !new URL(page.url()).pathname.startsWith('/login');
}

test('an administrator adds an account and administers it with the keyboard; each change signs it out', async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/admin$/);
  await page.locator('[data-admin-state="ready"]').waitFor();
  const rows = page.getByRole('table', { name: /Accounts/ }).getByRole('row');
  await expect(rows.filter({ hasText: ADMIN.email })).toContainText('admin');
  await expect(rows.filter({ hasText: ADMIN.email })).toContainText('(you)');
  await expect(rows.filter({ hasText: EDITOR.email })).toContainText('editor');

  // Add a viewer from the keyboard: type, Tab to the role, choose it, Tab past the empty password, Enter.
  const email = `officer${Date.now()}@example.org`;
  await page.getByLabel('E-mail').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Role', { exact: true })).toBeFocused();
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(`Added ${email} as viewer.`);
  const password = (await page.getByTestId('generated-password').textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  const row = rows.filter({ hasText: email });
  await expect(row).toContainText('never');

  // The new user signs in with it; the page shows the sign-in and the open session.
  const user = await otherUser(browser);
  await signIn(user.page, { email, password }, '/');
  // On the map page (which writes its date into the address once drawn).
  await expect(user.page).toHaveURL((url) => url.pathname === '/');
  await page.reload();
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d{1,2} \p{L}+ \d{4}(, | at )\d\d:\d\d UTC$/u);
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');

  // Role: viewer → editor, chosen in the row's menu and applied with its button: the user is signed out.
  const roleMenu = page.getByLabel(`Role of ${email}`);
  await roleMenu.selectOption('editor');
  await page.getByRole('button', { name: `Set role of ${email}` }).press('Enter');
  await expect(page.getByRole('status')).toContainText(`${email} is now editor. 1 session ended.`);
  await page.reload();
  await expect(roleMenu).toHaveValue('editor');
  expect(await signedIn(user.page)).toBe(false);

  // As an editor now, the user reaches /data; disabling ends that session and refuses the next sign-in.
  await signIn(user.page, { email, password }, '/data');
  await expect(user.page).toHaveURL(/\/data$/);
  await page.reload();
  await page.getByRole('button', { name: `Disable ${email}` }).click();
  await expect(page.getByRole('status')).toContainText(`${email} is disabled and can no longer sign in.`);
  await expect(row).toContainText('disabled');
  expect(await signedIn(user.page)).toBe(false);
  await signIn(user.page, { email, password }, '/');
  await expect(user.page.getByRole('alert')).toHaveText('E-mail or password is wrong.');

  // Enabled again, then a reset: the old password no longer works, the new one does.
  await page.getByRole('button', { name: `Enable ${email}` }).click();
  await expect(page.getByRole('status')).toContainText(`${email} is enabled`);
  await page.getByRole('button', { name: `Reset password of ${email}` }).click();
  await expect(page.getByRole('status')).toContainText(`New password for ${email}.`);
  const second = (await page.getByTestId('generated-password').textContent())!.trim();
  expect(second).not.toBe(password);
  await signIn(user.page, { email, password }, '/');
  await expect(user.page.getByRole('alert')).toHaveText('E-mail or password is wrong.');
  await signIn(user.page, { email, password: second }, '/');
  await expect(user.page).toHaveURL((url) => url.pathname === '/');

  // End sessions: signed out everywhere.
  await page.reload();
  await page.getByRole('button', { name: `End sessions of ${email}` }).click();
  await expect(page.getByRole('status')).toContainText(`1 session ended for ${email}.`);
  expect(await signedIn(user.page)).toBe(false);
  await user.context.close();
});

test('editors are refused /admin; the last administrator cannot demote itself, and is told why', async ({
  browser,
}) => {
  // Its own page: the refused change is a 400 on purpose, which Chromium logs; anything else is an error.
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[03]|could not change the role/.test(m.text()))
      problems.push(m.text());
  });

  await signIn(page, EDITOR, '/');
  await expect(page).toHaveURL((url) => url.pathname === '/');
  const refused = await page.goto('/admin');
  expect(refused?.status()).toBe(403);
  await expect(page.getByText('Account administration needs the admin role.')).toBeVisible();
  await context.clearCookies();

  await signIn(page, ADMIN);
  await page.locator('[data-admin-state="ready"]').waitFor();
  await page.getByLabel(`Role of ${ADMIN.email}`).selectOption('editor');
  await page.getByRole('button', { name: `Set role of ${ADMIN.email}` }).click();
  await expect(page.getByRole('alert')).toContainText(
    `Could not change the role: ${ADMIN.email} is the last active administrator: make another account an administrator first.`,
  );
  await page.reload();
  await expect(
    page
      .getByRole('table', { name: /Accounts/ })
      .getByRole('row')
      .filter({ hasText: ADMIN.email }),
  ).toContainText('admin');
  expect(problems).toEqual([]);
  await context.close();
});

test('what is typed into the sign-in form before the page has loaded its scripts is kept', async ({
  page,
}) => {
  // On a slow link the form shows and takes typing before the scripts run; the page once reset the e-mail
  // field when they did (its value came from the template), and the sign-in then failed as "required".
  const release = await holdAppScripts(page);
  await page.goto('/login?next=%2Fadmin', { waitUntil: 'commit' });
  await page.locator('input[name="email"]').fill(ADMIN.email);
  release();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('input[name="email"]')).toHaveValue(ADMIN.email);
  await page.locator('input[name="password"]').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

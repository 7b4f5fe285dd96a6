// Languages in Chromium: Arabic lays the page out right to left and shows none of the English interface
// strings; French writes its dates in French; the switcher and Accept-Language pick the language; a
// language picked once is kept on the pages the links lead to.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { allowConsoleError, expect, test, waitForMap } from './fixtures';

const EMAIL = process.env.E2E_EDITOR_EMAIL ?? 'editor@example.org';
const PASSWORD = process.env.E2E_EDITOR_PASSWORD ?? 'e2e editor password';
const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? 'admin@example.org';
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'e2e admin password';
/** IOM DTM's 2019 list of sites (real data): a site at 0,0, one that plots in Chad, 90 warnings. */
const DTM = join(resolve('..', 'shared', 'realdata'), 'sdn_dtm_idp_sites_2019_omdena.csv');

type Messages = Record<string, string>;
const load = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Messages;
const en = load('en');
const ar = load('ar');
const fr = load('fr');

/**
 * The English interface strings to look for on a page in another language: every English message that
 * language translates, cut at its placeholders, keeping the pieces long enough to be English words and not
 * a unit or a name ("Corridor" is the product's name in every language).
 */
const piecesTranslatedIn = (other: Messages) => [
  ...new Set(
    Object.keys(en)
      .filter((k) => k !== '$schema' && other[k] !== en[k])
      .flatMap((k) => en[k].split(/\{\w+\}/))
      .map((piece) =>
        piece
          .trim()
          .replace(/^[(:·,–—=×]+|[)…:·,.]+$/g, '')
          .trim(),
      )
      // The product's name is the same in every language, even where a message's English is that word.
      .filter((piece) => /[A-Za-z]{3}/.test(piece) && piece.length >= 4 && piece !== 'Corridor'),
  ),
];
const englishPieces = piecesTranslatedIn(ar);
const frenchPieces = piecesTranslatedIn(fr);

/**
 * The text of every visible text node of the page, one string per node, and whether it is text of the
 * data (a source, a note, the scenario's disclaimer: shown as written, `data-source-text`). `leaveOut`
 * (a selector) skips the parts a test does not check.
 */
async function visibleTexts(page: Page, leaveOut?: string): Promise<{ text: string; data: boolean }[]> {
  return page.evaluate((leaveOut) => {
    const out: { text: string; data: boolean }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const parent = n.parentElement;
      if (!text || !parent || parent.closest('script, style')) continue;
      if (leaveOut && parent.closest(leaveOut)) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.push({ text, data: parent.closest('[data-source-text]') !== null });
    }
    return out;
  }, leaveOut);
}

/**
 * English interface strings on the page: a text node that is one of them, or that holds one of three
 * words or more outside the data's own text. (A single English word inside a place's name, such as
 * "Airport" in "Port Sudan New International Airport", is data, not interface.)
 */
function englishIn(texts: { text: string; data: boolean }[], pieces = englishPieces): string[] {
  const found: string[] = [];
  for (const { text, data } of texts)
    for (const piece of pieces) {
      const long = piece.split(/\s+/).length >= 3;
      if (text === piece || (long && !data && text.includes(piece))) found.push(`${piece} ⟵ ${text}`);
    }
  return found;
}

test.describe('languages', () => {
  test('Arabic: right to left, the header mirrored, dates in Arabic, no English interface string', async ({
    page,
  }) => {
    expect(englishPieces.length).toBeGreaterThan(200);
    await page.goto('/?lang=ar&date=2024-08-20');
    await waitForMap(page, '2024-08-20');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

    // Mirrored: the title is at the right end of the header and the switcher to its left; the side
    // panel (date, layers, list) is right of the map.
    const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    const switcher = (await page.getByRole('navigation', { name: 'اللغة' }).boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(title.x + title.width).toBeGreaterThan(viewport.width - 40);
    expect(switcher.x).toBeLessThan(title.x);
    const side = (await page.locator('aside.side').boundingBox())!;
    const map = (await page.locator('#map').boundingBox())!;
    expect(side.x).toBeGreaterThan(map.x);

    // Dates in words with Arabic month names.
    await expect(page.locator('output.spelled')).toHaveText('20 أغسطس 2024');
    await expect(page.locator('#analysis-status')).toContainText('20 أغسطس 2024');
    await expect(page.getByRole('heading', { name: 'الوضع بتاريخ' })).toBeVisible();

    // The list's summaries, the legend and the panels are in Arabic; select a site so its details
    // panel (facts, access analysis) is on screen too.
    await page.locator('#feature-sd_zamzam').click();
    await expect(page.locator('.site-analysis')).toBeVisible();
    await expect(page.locator('#details-title')).toHaveText('معسكر زمزم للنازحين');
    // The reasons' details, written in English by the analysis, are in Arabic: the famine finding with its
    // dates, and none left in English.
    await expect(
      page.locator('.site-analysis .detail', {
        hasText: /^ثبوت المجاعة بتاريخ 1 أغسطس 2024 \(.*\)، ساري حتى 1 نوفمبر 2024$/,
      }),
    ).toBeVisible();
    await expect(page.locator('.site-analysis .detail[lang="en"]')).toHaveCount(0);
    expect(englishIn(await visibleTexts(page))).toEqual([]);
  });

  test('Arabic: the data page of a signed-in editor shows no English interface string', async ({ page }) => {
    await page.goto('/login?lang=ar&next=%2Fdata');
    await page.getByLabel('البريد الإلكتروني').fill(EMAIL);
    await page.getByLabel('كلمة المرور').fill(PASSWORD);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect(page).toHaveURL(/\/data$/);
    await page.locator('#editor-map[data-editor-state="ready"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corridor · البيانات');
    await expect(page.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
    // Open a feature so the form, its history and its dates are on screen too.
    await page.getByLabel('الطبقة').selectOption('sites');
    await page
      .getByRole('button', { name: /معسكر زمزم|Zamzam/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'السجل' })).toBeVisible();
    expect(englishIn(await visibleTexts(page))).toEqual([]);
  });

  test('Arabic embed: right to left, its summary, legend and footer in Arabic, no English interface string', async ({
    page,
  }) => {
    await page.goto('/embed?lang=ar&date=2024-08-20');
    await waitForMap(page, '2024-08-20');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.dates')).toContainText('الوضع في 20 أغسطس 2024');
    // The server-rendered summary (read by screen readers, shown without JavaScript) and the map's description.
    await expect(page.locator('#summary-title')).toHaveText('الأرقام الرئيسية في 20 أغسطس 2024');
    await expect(page.locator('.summary li').first()).toContainText('شخص');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^خريطة /);
    await page.getByText('المفتاح والطبقات').click();
    await expect(page.getByRole('link', { name: 'فتح الخريطة الكاملة' })).toBeVisible();
    expect(englishIn(await visibleTexts(page))).toEqual([]);
  });

  test('Arabic /hotspots and its brief: right to left, tables read from the right, no English interface string', async ({
    page,
  }) => {
    await page.goto('/hotspots?lang=ar&date=2024-08-20');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('النقاط الساخنة في 20 أغسطس 2024');
    // The link preview is written in the request's language.
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      /^النقاط الساخنة في 20 أغسطس 2024/,
    );
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      'content',
      /^في 20 أغسطس 2024: /,
    );
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'ar_SD');
    // Mirrored: the first column (rank) is the rightmost, and the table's text starts at the right.
    const ranked = page.getByRole('table', { name: /المواقع مرتبة حسب درجة النقطة الساخنة/ });
    const rank = (await ranked.getByRole('columnheader').first().boundingBox())!;
    const site = (await ranked.getByRole('columnheader').nth(1).boundingBox())!;
    expect(rank.x).toBeGreaterThan(site.x);
    await expect(ranked.locator('caption')).toHaveCSS('text-align', 'start');
    await expect(ranked.getByRole('row').nth(1)).toContainText('1,500,000');
    expect(englishIn(await visibleTexts(page))).toEqual([]);

    await page.getByRole('link', { name: 'موجز قابل للطباعة' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(
      page.getByRole('article', { name: 'موجز قابل للطباعة' }).getByRole('heading', { level: 1 }),
    ).toHaveText('النقاط الساخنة واحتياجات الحماية في 20 أغسطس 2024');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      'content',
      /^موجز: النقاط الساخنة/,
    );
    expect(englishIn(await visibleTexts(page))).toEqual([]);
  });

  test('Arabic /compare: right to left, figures and headings in Arabic, no English interface string', async ({
    page,
  }) => {
    await page.goto('/compare?lang=ar&from=2024-03-01&to=2024-08-20');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'ما الذي تغيّر من 1 مارس 2024 إلى 20 أغسطس 2024',
    );
    const row = page.getByRole('row', { name: /الأشخاص في مواقع معزولة/ });
    await expect(row.getByRole('cell')).toHaveText(['1,074,010', '1,662,472', '+588,462']);
    await expect(page.getByRole('columnheader', { name: '20 أغسطس 2024' })).toBeVisible();
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      /الأشخاص في مواقع معزولة/,
    );
    // The change lines themselves are written by the domain's change words (docs/i18n.md); the page around
    // them is what this checks.
    const texts = await visibleTexts(page, '.changes');
    expect(englishIn(texts)).toEqual([]);
    // A date the scenario does not cover is refused in Arabic too.
    await page.goto('/compare?lang=ar&from=2024-08-20&to=2024-03-01');
    await expect(page.getByRole('alert')).toContainText(
      'تعذّرت المقارنة بين هذين التاريخين: 1 مارس 2024 يسبق',
    );
  });

  test('Arabic /trends: right to left around a chart drawn left to right, no English interface string', async ({
    page,
  }) => {
    await page.goto('/trends?lang=ar&from=2024-07-27&to=2024-08-31');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الاتجاهات');
    const table = page.getByRole('table', { name: 'الأشخاص في مواقع معزولة، كل 7 أيام' });
    await expect(table.getByRole('row', { name: /^17 أغسطس 2024/ })).toContainText('−411,538');
    // The event that explains the drop, in Arabic (the series API writes it in English).
    await expect(table.getByRole('row', { name: /^17 أغسطس 2024/ })).toContainText(
      'Adré – El Geneina crossing: أُعيد فتحه (15 أغسطس 2024)',
    );
    await expect(
      page.getByRole('group', { name: /^الأشخاص في مواقع معزولة، من 27 يوليو 2024 إلى 31 أغسطس 2024/ }),
    ).toBeVisible();
    // Time runs left to right as on the map: the first point is left of the last.
    const first = (await page.locator('svg a[data-date="2024-07-27"]').boundingBox())!;
    const last = (await page.locator('svg a[data-date="2024-08-31"]').boundingBox())!;
    expect(first.x).toBeLessThan(last.x);
    await expect(page.locator('svg .axes text').first()).toHaveText('0');
    await expect(page.locator('svg .axes text', { hasText: 'مليون' }).first()).toBeAttached();
    expect(englishIn(await visibleTexts(page))).toEqual([]);
  });

  test('Arabic convoy planner: right to left, routes and their details in Arabic, no English interface string', async ({
    page,
  }) => {
    const plan = '/plan?from=td_adre_transit&to=sd_zamzam&date=2024-08-20';
    await page.goto(`/login?lang=ar&next=${encodeURIComponent(plan)}`);
    await page.getByLabel('البريد الإلكتروني').fill(EMAIL);
    await page.getByLabel('كلمة المرور').fill(PASSWORD);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const routes = page.getByRole('region', { name: 'المسارات' });
    await expect(routes.getByText('المسار 1 (الأفضل)')).toBeVisible({ timeout: 60_000 });
    await expect(routes.getByRole('heading', { name: 'المسارات في 20 أغسطس 2024' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'المعابر المطلوب التفاوض عليها في المسار 1' }),
    ).toContainText('سلطات الجانب الذي تدخله القوافل');
    // Mirrored: the form and the routes are right of the map.
    const side = (await page.locator('aside.side').boundingBox())!;
    const map = (await page.locator('#plan-map').boundingBox())!;
    expect(side.x).toBeGreaterThan(map.x);
    expect(englishIn(await visibleTexts(page))).toEqual([]);
  });

  test('French: /hotspots, its brief, /compare, /trends and the planner in French', async ({ page }) => {
    await page.goto('/hotspots?lang=fr&date=2024-08-20');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Points critiques au 20 août 2024');
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      'content',
      /^Au 20 août 2024 : 1\s662\s472 personnes dans des sites coupés/,
    );
    await expect(
      page
        .getByRole('table', { name: /Sites classés par score/ })
        .getByRole('row')
        .nth(1),
    ).toContainText(/1\s500\s000/);
    await page.goto('/hotspots/brief?lang=fr&date=2024-08-20');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Points critiques et besoins de protection au 20 août 2024',
    );

    await page.goto('/compare?lang=fr&from=2024-03-01&to=2024-08-20');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Ce qui a changé du 1 mars 2024 au 20 août 2024',
    );
    await expect(
      page
        .getByRole('row', { name: /Personnes dans des sites coupés/ })
        .getByRole('cell')
        .last(),
    ).toHaveText(/^\+588\s462$/);

    await page.goto('/trends?lang=fr&from=2024-07-27&to=2024-08-31');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tendances');
    const table = page.getByRole('table', {
      name: 'Personnes dans des sites coupés de l’aide, tous les 7 jours',
    });
    await expect(table.getByRole('row', { name: /^17 août 2024/ })).toContainText(/−411\s538/);
    await expect(table.getByRole('row', { name: /^17 août 2024/ })).toContainText(
      'Adré – El Geneina crossing : réouverture (15 août 2024)',
    );

    await page.goto(
      `/login?lang=fr&next=${encodeURIComponent('/plan?from=td_adre_transit&to=sd_zamzam&date=2024-08-20')}`,
    );
    await page.getByLabel('Adresse e-mail').fill(EMAIL);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Connexion' }).click();
    const routes = page.getByRole('region', { name: 'Itinéraires' });
    await expect(routes.getByText('Itinéraire 1 (le meilleur)')).toBeVisible({ timeout: 60_000 });
    await expect(routes.getByRole('heading', { name: 'Itinéraires au 20 août 2024' })).toBeVisible();
  });

  test('French: dates and the interface in French', async ({ page }) => {
    await page.goto('/?lang=fr&date=2024-08-20');
    await waitForMap(page, '2024-08-20');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('output.spelled')).toHaveText('20 août 2024');
    await expect(page.locator('#analysis-status')).toContainText('Accès analysé au 20 août 2024');
    await expect(page.getByRole('link', { name: 'Planifier un convoi' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Couches et légende' })).toBeVisible();
    // A reason's detail in French: Zamzam's famine finding, with its dates in French.
    await page.locator('#feature-sd_zamzam').click();
    await expect(
      page.locator('.site-analysis .detail', {
        hasText: /^constat de famine du 1 août 2024 \(.*\), valable jusqu'au 1 novembre 2024$/,
      }),
    ).toBeVisible();
    await expect(page.locator('.site-analysis .detail[lang="en"]')).toHaveCount(0);
  });

  test('the switcher, by keyboard, changes the language and it is kept on the next page', async ({
    page,
  }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

    const arabic = page.getByRole('link', { name: 'العربية' });
    await arabic.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/login\?lang=ar$/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'العربية' })).toHaveAttribute('aria-current', 'true');

    // The page's own link back to the map carries no language: the choice is remembered.
    await page.getByRole('link', { name: 'العودة إلى الخريطة العامة' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('link', { name: 'تخطيط قافلة' })).toBeVisible();

    await page.getByRole('link', { name: 'Français' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('link', { name: 'Planifier un convoi' })).toBeVisible();
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.getByRole('link', { name: 'Plan a convoy' })).toBeVisible();
  });

  test('Accept-Language picks the language when the address does not', async ({ browser }) => {
    // The browser's locale is what it sends as Accept-Language.
    for (const [header, lang, heading] of [
      ['fr-FR', 'fr', 'Connexion'],
      ['ar-SD', 'ar', 'تسجيل الدخول'],
      ['de-DE', 'en', 'Sign in'],
    ] as const) {
      const context = await browser.newContext({ locale: header });
      const page = await context.newPage();
      await page.goto('/login');
      await expect(page.locator('html'), header).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      // The address wins over the header.
      await page.goto('/login?lang=en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await context.close();
    }
  });

  test('a sign-in refused in Arabic says so in Arabic', async ({ page }) => {
    await page.goto('/login?lang=ar');
    await page.getByLabel('البريد الإلكتروني').fill(EMAIL);
    await page.getByLabel('كلمة المرور').fill(`${PASSWORD} but wrong`);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect(page.getByRole('alert')).toHaveText('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
  });

  /** Signs in (the form in the page's language) and opens the import section with a real file checked. */
  async function importInLanguage(page: Page, lang: 'ar' | 'fr') {
    await page.goto(`/login?lang=${lang}&next=%2Fdata%3Fsection%3Dimport`);
    await page.locator('input[name="email"]').fill(EMAIL);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await expect(page).toHaveURL(/\/data\?section=import$/);
    await page.locator('#import-layer').selectOption('sites');
    await page.locator('#import-file').setInputFiles(DTM);
    await expect(page.locator('[data-count="rejected"] dd')).toHaveText('1');
    await expect(page.getByTestId('import-parse-progress-percent')).toHaveText('100 %');
  }

  test('Arabic import: the form, the counts, the mapping and the report with each problem’s kind in Arabic', async ({
    page,
  }) => {
    await importInLanguage(page, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { name: 'استيراد ملف' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'تقرير التحقق' })).toBeVisible();
    await expect(page.getByText('قُرئ بصيغة CSV')).toBeVisible();
    // The grouped report: the site at 0,0 and the one in Chad by the label of their kind; their lines
    // and ids as the file has them.
    const groups = page.getByTestId('problem-groups');
    const zero = groups.locator('li', { has: page.locator('[data-problem-code="point_at_zero"]') });
    await expect(zero).toContainText('نقطة عند 0،0');
    await expect(zero).toContainText('السطر 21');
    await expect(zero).toContainText('خطأ');
    await expect(groups.locator('[data-problem-code="wrong_country"]')).toHaveText('يقع في بلد آخر');
    // The importer's English sentence, with its values, is one click away and marked as English.
    await zero.locator('summary').click();
    await expect(zero.locator('p[lang="en"]').first()).toContainText('point at 0,0');
    await zero.locator('summary').click();
    // The button says why nothing can be written yet, in Arabic.
    await expect(page.getByRole('button', { name: /^استيراد 88 / })).toBeDisabled();
    // Laid out right to left: the report's table starts at the right.
    const table = (await page.locator('.report table').boundingBox())!;
    const level = (await page.locator('.report th').first().boundingBox())!;
    expect(level.x + level.width).toBeGreaterThan(table.x + table.width - 20);
    expect(englishIn(await visibleTexts(page))).toEqual([]);
  });

  test('French import: the report and the mapping in French', async ({ page }) => {
    await importInLanguage(page, 'fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { name: 'Importer un fichier' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Correspondance des colonnes' })).toBeVisible();
    await expect(page.getByLabel('Latitude (degrés)')).toBeVisible();
    await expect(
      page.getByTestId('problem-groups').locator('[data-problem-code="point_at_zero"]'),
    ).toHaveText('Point à 0,0');
    await expect(
      page.getByText('1 ligne a été rejetée : corrigez le fichier, ou choisissez de la laisser de côté.'),
    ).toBeVisible();
    expect(englishIn(await visibleTexts(page), frenchPieces)).toEqual([]);
  });

  for (const [lang, heading, caption, pieces] of [
    ['ar', 'الحسابات', /^الحسابات \(\d+\)$/, englishPieces],
    ['fr', 'comptes', /^Comptes \(\d+\)$/, frenchPieces],
  ] as const)
    test(`/admin in ${lang}: the accounts table and the form to add one`, async ({ page }) => {
      await page.goto(`/login?lang=${lang}&next=%2Fadmin`);
      await page.locator('input[name="email"]').fill(ADMIN_EMAIL);
      await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
      await page.locator('form button[type="submit"]').click();
      await expect(page).toHaveURL(/\/admin$/);
      await page.locator('[data-admin-state="ready"]').waitFor();
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
      await expect(page.locator('table caption')).toHaveText(caption);
      await expect(page.locator('#add-role option').first()).not.toHaveText(/reads restricted/);
      expect(englishIn(await visibleTexts(page), pieces)).toEqual([]);
    });

  for (const [lang, dir, title, sentence, pieces] of [
    ['ar', 'rtl', 'خطأ 404', 'هذه الصفحة غير موجودة.', englishPieces],
    ['fr', 'ltr', 'Erreur 404', 'Cette page n’existe pas.', frenchPieces],
  ] as const)
    test(`the error page in ${lang}`, async ({ page }) => {
      // The browser logs the page's own 404, which is what this test asks for.
      allowConsoleError(page, /status of 404 \(Not Found\) \(http:\/\/[^)]*\/no-such-page\?/);
      const answer = await page.goto(`/no-such-page?lang=${lang}`);
      expect(answer?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('dir', dir);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByText(sentence)).toBeVisible();
      expect(englishIn(await visibleTexts(page), pieces)).toEqual([]);
      await page
        .getByRole('link', { name: lang === 'ar' ? 'العودة إلى الخريطة' : 'Retour à la carte' })
        .click();
      await expect(page).toHaveURL((url) => url.pathname === '/');
    });
});

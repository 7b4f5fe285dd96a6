// Every message exists in every language with a non-empty value and the same placeholders, so no
// interface string falls back to another language or drops a number, name or date it should show.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LOCALES = ['en', 'ar', 'fr'] as const;

function messages(locale: string): Record<string, string> {
  const all = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
  delete all.$schema;
  return all;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
}

describe('messages', () => {
  const source = messages('en');
  const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { locales: string[] };

  it('the project declares exactly English, Arabic and French', () => {
    expect([...settings.locales].sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    it(`${locale} has every key of the others, each non-empty, with the same placeholders as English`, () => {
      const own = messages(locale);
      expect(Object.keys(own).sort()).toEqual(Object.keys(source).sort());
      for (const [key, text] of Object.entries(own)) {
        expect(typeof text, key).toBe('string');
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(source[key]));
      }
    });
  }

  it('Arabic and French are translations, not copies of the English', () => {
    // A few messages are the same word in French (Source, Date, Sites, Famine…) or only a unit or numbers;
    // in Arabic only those that hold nothing but an acronym, numbers and other messages.
    for (const locale of ['ar', 'fr'] as const) {
      const own = messages(locale);
      const copies = Object.keys(source).filter((k) => own[k] === source[k]);
      const allowed =
        locale === 'ar'
          ? ['ipc_chip', 'ed_list_label', 'changes_group', 'tr_point']
          : [
              ...[
                'ipc_chip',
                'ed_list_label',
                'analysis_ms',
                'ca_km_range',
                'km',
                'wait_seconds',
                'wait_minutes',
              ],
              ...[
                'legend_ipc',
                'ipc_5',
                'reason_famine',
                'flag_famine',
                'flagword_famine',
                'fact_population',
              ],
              ...['asof_date_label', 'details_date', 'field_date', 'details_source', 'field_source'],
              ...['group_sites', 'layer_sites', 'layer_corridors', 'layer_incidents', 'field_description'],
              ...['sa_via', 'nav_site', 'ed_done_version', 'hist_version', 'action_import'],
              ...[
                'changes_group',
                'changes_sites',
                'count_sites_one',
                'count_sites',
                'builder_date',
                'builder_options',
              ],
              ...['hours_minutes', 'hs_nav', 'col_score', 'sources_title'],
            ];
      expect(
        copies.filter((k) => !allowed.includes(k)),
        locale,
      ).toEqual([]);
    }
  });

  it('the compiled message functions speak each language', async () => {
    const { m } = await import('$lib/paraglide/messages');
    expect(m.nav_plan_convoy({}, { locale: 'en' })).toBe('Plan a convoy');
    expect(m.nav_plan_convoy({}, { locale: 'ar' })).toBe('تخطيط قافلة');
    expect(m.nav_plan_convoy({}, { locale: 'fr' })).toBe('Planifier un convoi');
    expect(m.status_on_date({ status: 'Fermé', date: '20 août 2024' }, { locale: 'fr' })).toBe(
      'Fermé le 20 août 2024',
    );
  });
});

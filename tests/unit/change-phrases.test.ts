// Compare mode's change lines take their words from a table of phrases: English by default (the command
// line, the CSV and the feeds), the interface's translated table on the map. Every table has every phrase,
// and a line reads wholly in French or Arabic with the names and sources as written in the data.
import { afterEach, describe, expect, it } from 'vitest';
import {
  corridorChangeLine,
  crossingChangeLine,
  siteChangeLine,
} from '$lib/domain/analysis/compare/changeWords';
import { ENGLISH_CHANGE_PHRASES, type ChangePhrases } from '$lib/domain/analysis/compare/changePhrases';
import type { CorridorChange, CrossingChange, SiteChange } from '$lib/domain/schemas';
import { changePhrases } from '$lib/i18n/changePhrases';
import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';

const adre: CrossingChange = {
  id: 'cp_adre',
  name: 'Adré',
  kind: 'international',
  change: 'opened',
  before: { status: 'closed', since: '2024-02-22', source: 'Sudan government decision', note: null },
  after: { status: 'open', since: '2024-08-15', source: 'OCHA', note: null },
};

const LOCALES: Locale[] = ['en', 'ar', 'fr'];
const original = getLocale;
// The reasons' labels follow the interface's language, as on the page.
const inLocale = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => overwriteGetLocale(original));

describe('the phrase tables', () => {
  for (const locale of LOCALES)
    it(`${locale} has every phrase of the English table, none empty`, () => {
      inLocale(locale);
      const table = changePhrases(locale);
      expect(Object.keys(table).sort()).toEqual(Object.keys(ENGLISH_CHANGE_PHRASES).sort());
      for (const group of ['status', 'access', 'flag'] as const) {
        const words = table[group] as Record<string, string>;
        expect(Object.keys(words).sort(), group).toEqual(Object.keys(ENGLISH_CHANGE_PHRASES[group]).sort());
        for (const [key, text] of Object.entries(words)) expect(text.trim(), `${group}.${key}`).not.toBe('');
      }
      expect(table.nothingInTheWay.trim()).not.toBe('');
    });

  for (const locale of ['ar', 'fr'] as const)
    it(`${locale} translates every status, access and flag word`, () => {
      const table = changePhrases(locale);
      for (const group of ['status', 'access', 'flag'] as const)
        for (const [key, text] of Object.entries(table[group] as Record<string, string>))
          expect(text, `${group}.${key}`).not.toBe(
            (ENGLISH_CHANGE_PHRASES[group] as Record<string, string>)[key],
          );
    });
});

describe('a change line', () => {
  it('is English by default, dates as stored, as the command line and the CSV write it', () => {
    const line = crossingChangeLine(adre, '2024-08-01', '2024-08-20');
    expect(line.title).toBe('Crossing Adré: closed → open');
    expect(line.details).toEqual([
      'open since 2024-08-15 (source: OCHA)',
      'on 2024-08-01: closed since 2024-02-22',
    ]);
  });

  it('reads in French with the French table, dates in words, names and sources as written', () => {
    inLocale('fr');
    const line = crossingChangeLine(adre, '2024-08-01', '2024-08-20', changePhrases('fr'));
    expect(line.title).toBe('Point de passage Adré : fermé → ouvert');
    expect(line.details).toEqual([
      'ouvert depuis le 15 août 2024 (source : OCHA)',
      'le 1 août 2024 : fermé depuis le 22 février 2024',
    ]);
  });

  it('reads in Arabic, its arrow pointing the way Arabic reads', () => {
    inLocale('ar');
    const line = crossingChangeLine(adre, '2024-08-01', '2024-08-20', changePhrases('ar'));
    expect(line.title).toBe('المعبر Adré: مغلق ← مفتوح');
    expect(line.details[0]).toBe('مفتوح منذ 15 أغسطس 2024 (المصدر: OCHA)');
  });

  it('writes a site’s flags, people and reasons in the table’s words, the reasons by label and feature', () => {
    inLocale('fr');
    const zamzam: SiteChange = {
      id: 'sd_zamzam',
      name: 'Zamzam',
      before: { access: 'crossline_only', flags: [], population: 500000, reasons: [] },
      after: {
        access: 'cut_off',
        flags: ['cut_off', 'besieged'],
        population: 500000,
        reasons: [{ code: 'site_besieged', featureId: 'siege_fasher', detail: 'inside the ring of siege' }],
      },
      flagsGained: ['cut_off', 'besieged'],
      flagsLost: [],
    } as unknown as SiteChange;
    const names = (id: string) => (id === 'siege_fasher' ? 'Siège d’El Fasher' : undefined);
    const line = siteChangeLine(zamzam, '2024-01-01', '2024-08-20', changePhrases('fr', names));
    expect(line.title).toBe('Site Zamzam : accessible seulement à travers la ligne de front → coupé');
    expect(line.details[0]).toBe('désormais : coupé, assiégé');
    expect(line.details[1]).toMatch(/^500\s000 personnes$/);
    expect(line.details[2]).toBe('le 20 août 2024 : Dans un anneau de siège : Siège d’El Fasher');
  });

  it('takes any table: a corridor line is made only of the table’s phrases and the data', () => {
    const marks: ChangePhrases = {
      ...ENGLISH_CHANGE_PHRASES,
      status: { open: 'O', at_risk: 'R', blocked: 'B', restricted: 'X', closed: 'C' },
      corridorTitle: (name, was, now) => `[${name}|${was}|${now}]`,
      onDate: (date, what) => `<${date}>${what}`,
      nothingInTheWay: '∅',
      date: (iso) => iso.replaceAll('-', ''),
    };
    const c = {
      id: 'cor_1',
      name: 'Adré–El Geneina',
      before: { status: 'blocked', blockedKm: 1, atRiskKm: 0, reasons: [] },
      after: { status: 'open', blockedKm: 0, atRiskKm: 0, reasons: [] },
    } as unknown as CorridorChange;
    const line = corridorChangeLine(c, '2024-01-01', '2024-08-20', marks);
    expect(line.title).toBe('[Adré–El Geneina|B|O]');
    expect(line.details).toEqual(['<20240820>∅', '<20240101>∅']);
  });
});

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { createAnalyzer, protectionNeeds } from '$lib/domain/analysis';
import { dateParam } from '$lib/server/hotspots/hotspotsView';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { keyFigures, mandateText, previewText } from '$lib/ui/hotspotsFormat';

// The words of /hotspots on the protection-needs fixture (tests/unit/protection-needs.test.ts has its answers).
const dir = join(import.meta.dirname, '..', 'fixtures', 'protection-needs');
const fixture = loadSituationFromDir(dir, dir);
const report = createAnalyzer(fixture).analyze('2024-08-15');
const needs = protectionNeeds(report, fixture);

describe('/hotspots words and date', () => {
  it('says what a mandate would cover, in one sentence', () => {
    expect(mandateText(needs)).toBe(
      'A protection mandate on 15 August 2024 would have to cover 40,000 people in 2 sites (1 without a population count) and guard 2 corridors over 93.6 km, where 2 incidents of violence against aid were recorded within 10 km in the 90 days before.',
    );
    const one = protectionNeeds(report, fixture, { guardBufferKm: 5 });
    expect(mandateText(one)).toContain(
      'guard 1 corridor over 38 km, where 1 incident of violence against aid was recorded within 5 km',
    );
  });

  describe("in the reader's language", () => {
    const original = getLocale;
    const inLocale = (locale: Locale) => overwriteGetLocale(() => locale);
    afterEach(() => overwriteGetLocale(original));

    it('French: French words, date and number separators', () => {
      inLocale('fr');
      expect(mandateText(needs)).toBe(
        'Un mandat de protection au 15 août 2024 devrait couvrir 40\u202f000 personnes dans 2 sites (dont 1 sans chiffre de population) et sécuriser 2 couloirs sur 93,6 km, où 2 incidents de violence contre l’aide ont été enregistrés à moins de 10 km dans les 90 jours précédents.',
      );
    });

    it('French: the key figures in French', () => {
      inLocale('fr');
      expect(keyFigures(report.totals, needs)[3]).toEqual({
        label: 'Personnes dans des sites à protéger',
        value: '40\u202f000',
        detail: '2 sites, dont 1 sans effectif',
      });
    });

    it('Arabic: Arabic words and month, Western digits, one incident in the singular', () => {
      inLocale('ar');
      const text = mandateText(needs);
      expect(text).toContain('15 أغسطس 2024');
      expect(text).toContain('40,000 شخص في مواقع عددها 2 (منها 1 بلا تعداد للسكان)');
      expect(text).not.toMatch(/[A-Za-z]{3}/);
      const one = protectionNeeds(report, fixture, { guardBufferKm: 5 });
      expect(mandateText(one)).toContain(
        'وأن تتولى تأمين ممر واحد على امتداد 38 كم، حيث سُجّلت حادثة عنف واحدة',
      );
    });
  });

  it('gives the key figures and the link preview from the totals', () => {
    expect(keyFigures(report.totals, needs).map((f) => `${f.label}: ${f.value} (${f.detail})`)).toEqual([
      `People in cut-off sites: ${report.totals.peopleCutOff.toLocaleString('en-GB')} (${report.totals.sitesCutOff} site${report.totals.sitesCutOff === 1 ? '' : 's'})`,
      'People in besieged sites: 0 (0 sites)',
      'People in sites with a famine finding: 0 (0 sites)',
      'People in sites needing protection: 40,000 (2 sites, 1 without a count)',
      `Corridors blocked: ${report.totals.corridorsBlocked} (${report.totals.corridorsAtRisk} at risk)`,
      'Crossings closed: 0 (0 restricted)',
    ]);
    expect(previewText('2024-08-15', report.totals, needs)).toMatch(
      /^On 15 August 2024: [\d,]+ people in cut-off sites, 0 in besieged sites, 0 in sites with a famine finding; 40,000 people in 2 sites needing protection and 93\.6 km of corridors to guard; /,
    );
  });

  it("takes ?date= inside the scenario's range, the default date without it, and refuses a malformed one", () => {
    const at = (q: string) => dateParam(new URL(`http://x/hotspots${q}`), fixture.scenario);
    expect(at('')).toEqual({ asOf: '2024-08-15', clampedFrom: null });
    expect(at('?date=2024-02-01')).toEqual({ asOf: '2024-02-01', clampedFrom: null });
    expect(at('?date=2030-01-01')).toEqual({ asOf: '2026-01-01', clampedFrom: '2030-01-01' });
    expect(() => at('?date=2024-02-30')).toThrow(
      expect.objectContaining({
        status: 400,
        body: { message: expect.stringContaining('parameter "date"') },
      }),
    );
  });
});

// A reason's detail in the reader's language (src/lib/map/reasonDetail.ts): the analysis writes it in English
// (the report's bytes do not depend on the reader), the interface writes the same facts again in Arabic or
// French. Every reason the default scenario's reports give is recognised, every code has a sentence in every
// language, and a French and an Arabic example read as a coordinator would expect.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { reasonCode, type Reason } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { DETAIL_SHAPES, reasonDetail } from '$lib/map/reasonDetail';

const root = join(import.meta.dirname, '..', '..');
const analyzer = createAnalyzer(loadSituationFromDir(join(root, 'geodata'), root));
const DATES = ['2023-06-01', '2024-01-15', '2024-05-01', '2024-08-15', '2025-03-01', '2025-11-04'];

/** Every reason of the reports on DATES (corridors' stretches, sites and their access options), once. */
const scenarioReasons: Reason[] = (() => {
  const seen = new Map<string, Reason>();
  const add = (r: Reason) => seen.set(`${r.code}\u0000${r.detail}`, r);
  for (const date of DATES) {
    const report = analyzer.analyze(date);
    for (const c of report.corridors) for (const s of c.stretches) s.reasons.forEach(add);
    for (const s of report.sites) {
      s.reasons.forEach(add);
      for (const o of s.options ?? []) o.reasons.forEach(add);
    }
  }
  return [...seen.values()];
})();

// Sentences in the analysis's own wording for the codes and shapes the scenario's reports above do not give
// (a denied area, a restricted crossing, an off-network place…), written as the domain modules write them.
const WRITTEN: Reason[] = [
  [
    'denied_area',
    'inside "RSF: Darfur and western Kordofan (assessed control)", held by Rapid Support Forces (RSF), which denies humanitarian access',
  ],
  ['constraint_severe', 'hit by severity 3 bridge out "Wadi Azum bridge" (within 1 km)'],
  ['constraint_nearby', 'within 1 km of severity 2 flood "Wadi flooding near Kutum"'],
  [
    'incident_nearby',
    'within 5 km of severity 2 movement restriction incident "Checkpoint at Tawila" on 2024-08-10 (unverified)',
  ],
  ['crossing_restricted', 'passes crossline crossing "Tawila crossline point", restricted since 2024-06-01'],
  ['crossing_closed', 'passes international crossing "Adré – El Geneina crossing", closed (override)'],
  ['siege', 'crosses the ring of siege "Siege of El Fasher by the RSF" by Rapid Support Forces (RSF)'],
  ['protection_besieged', 'besieged by Rapid Support Forces (RSF)'],
  [
    'site_besieged',
    'inside the ring of siege "Siege of El Fasher by the RSF" by Rapid Support Forces (RSF): no convoy may pass it',
  ],
  [
    'protection_incidents',
    'severity 3 incident "Shelling of Abu Shouk camp" on 2024-08-12, 2.417 km away: one of 4 within 15 km in 30 days',
  ],
  [
    'protection_mass_violence',
    '3.5 km from "RSF: El Geneina", taken by Rapid Support Forces (RSF) on 2023-11-04 from Sudanese Armed Forces (SAF) and allied Joint Forces; Rapid Support Forces (RSF) has 2 recorded incidents of violence against civilians (severity ≥ 2) in 365 days',
  ],
  ['famine', 'IPC phase 5 on 2024-12-24 (IPC), valid until 2025-06-01'],
  ['site_inactive', 'destroyed since 2024-06-01 (OCHA)'],
  ['off_network', 'no road within 20 km'],
  ['off_network', 'no road within 20 km on this date'],
  ['off_network', 'the crossing is not on a road that exists on this date'],
  ['no_road_connection', 'no supply hub lies on the road network on this date'],
  ['no_road_connection', 'no road links it to a supply hub abroad that may be used'],
  ['no_road_connection', 'no road links it to a supply hub of SD that may be used'],
  ['no_road_connection', 'no road links the two points'],
  ['no_road_connection', 'no road links Adré and Zamzam IDP camp'],
  [
    'crossline_needed',
    'the road from a hub of SD passes the front line at crossline crossing "Kordofan crossline point"',
  ],
].map(([code, detail]) => ({ code, featureId: 'x', detail }) as Reason);

describe('reasonDetail', () => {
  it("keeps the analysis's own sentence in English", () => {
    for (const r of [...scenarioReasons, ...WRITTEN])
      expect(reasonDetail(r, 'en')).toEqual({ text: r.detail });
  });

  for (const locale of ['ar', 'fr'] as const)
    it(`writes every reason of the scenario's reports in ${locale}`, () => {
      expect(scenarioReasons.length).toBeGreaterThan(40);
      const english = scenarioReasons.filter((r) => reasonDetail(r, locale).lang !== undefined);
      expect(english.map((r) => `${r.code}: ${r.detail}`)).toEqual([]);
      for (const r of scenarioReasons) expect(reasonDetail(r, locale).text).not.toBe(r.detail);
    });

  it('has a sentence for every code and every shape in every language', () => {
    const examples = [...scenarioReasons, ...WRITTEN];
    for (const code of reasonCode.options) {
      const shapes = DETAIL_SHAPES[code];
      expect(shapes.length, code).toBeGreaterThan(0);
      for (const [i, s] of shapes.entries()) {
        const used = examples.filter((r) => r.code === code && s.re.test(r.detail));
        expect(used.length, `${code}, shape ${i}`).toBeGreaterThan(0);
        for (const r of used)
          for (const locale of ['ar', 'fr'] as const) {
            const d = reasonDetail(r, locale);
            expect(d.lang, `${locale}: ${r.detail}`).toBeUndefined();
            expect(d.text).not.toBe(r.detail);
            // Every placeholder filled: no "{name}" left, no "undefined".
            expect(d.text).not.toMatch(/\{\w+\}|undefined/);
          }
      }
    }
  });

  it('writes the closed Adré crossing on the Abéché – Adré corridor (May 2024) in French and Arabic', () => {
    const r = analyzer
      .analyze('2024-05-01')
      .corridors.find((c) => c.id === 'cor_abeche_adre')!
      .stretches.flatMap((s) => s.reasons)
      .find((x) => x.code === 'crossing_closed' && x.featureId === 'td_adre_crossing')!;
    expect(r.detail).toBe(
      'passes international crossing "Adré – El Geneina crossing", closed since 2024-02-01',
    );
    expect(reasonDetail(r, 'fr').text).toBe(
      'passe par le point de passage frontalier « Adré – El Geneina crossing », fermé depuis le 1 février 2024',
    );
    expect(reasonDetail(r, 'ar').text).toBe(
      'يمر بالمعبر الدولي «Adré – El Geneina crossing»، مغلق منذ 1 فبراير 2024',
    );
  });

  it('writes the famine finding in Zamzam (August 2024) and the siege of El Fasher in French and Arabic', () => {
    const report = analyzer.analyze('2024-08-20');
    const zamzam = report.sites.find((s) => s.id === 'sd_zamzam')!;
    const famine = zamzam.reasons.find((r) => r.code === 'famine')!;
    expect(reasonDetail(famine, 'fr').text).toMatch(
      /^constat de famine du 1 août 2024 \(IPC Famine Review Committee .*\), valable jusqu'au 1 novembre 2024$/,
    );
    expect(reasonDetail(famine, 'ar').text).toMatch(
      /^ثبوت المجاعة بتاريخ 1 أغسطس 2024 \(IPC Famine Review Committee .*\)، ساري حتى 1 نوفمبر 2024$/,
    );
    const fasher = report.sites.find((s) => s.id === 'sd_el_fasher')!;
    const besieged = fasher.reasons.find((r) => r.code === 'protection_besieged')!;
    expect(reasonDetail(besieged, 'fr').text).toBe(
      'assiégé par Rapid Support Forces (RSF) depuis le 10 mai 2024',
    );
    expect(reasonDetail(besieged, 'ar').text).toBe('يحاصره Rapid Support Forces (RSF) منذ 10 مايو 2024');
  });

  it("writes distances with the language's decimal sign", () => {
    const r = WRITTEN.find((x) => x.code === 'protection_incidents')!;
    expect(reasonDetail(r, 'fr').text).toContain('à 2,417 km');
    expect(reasonDetail(r, 'ar').text).toContain('على بعد 2.417 كم');
  });

  it('shows a sentence it does not know as written, marked English', () => {
    const r = {
      code: 'incident_severe',
      featureId: 'x',
      detail: 'a wording the analysis has not used before',
    };
    expect(reasonDetail(r, 'ar')).toEqual({ text: r.detail, lang: 'en' });
    // A word outside its closed set (an unknown crossing kind) is not guessed either.
    const odd = {
      code: 'crossing_closed',
      featureId: 'x',
      detail: 'passes river crossing "Ferry", closed since 2024-01-01',
    };
    expect(reasonDetail(odd, 'fr')).toEqual({ text: odd.detail, lang: 'en' });
  });
});

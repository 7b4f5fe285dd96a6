// The compact body of `/map/verdicts.json` (`verdictsWire.ts`): what the map decodes from it must be what it
// read from the verdicts as plain objects before, on the default scenario and on a generated situation.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type { Situation } from '$lib/domain/schemas';
import { mapVerdicts, type MapVerdicts } from '$lib/map/mapVerdicts';
import { decodeVerdicts, encodeVerdicts, type VerdictsWire } from '$lib/map/verdictsWire';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { generateSituation, SUDAN_SCALE } from '../../bench/generate';

/** The map's verdicts through the wire, as the browser gets them: JSON text, parsed, decoded. */
const sent = (v: MapVerdicts) =>
  decodeVerdicts(JSON.parse(JSON.stringify(encodeVerdicts(v))) as VerdictsWire);
/** What the map read before: the verdicts themselves as JSON. */
const asBefore = (v: MapVerdicts) => JSON.parse(JSON.stringify(v)) as MapVerdicts;

function verdictsOn(situation: Situation, dates: string[]): MapVerdicts[] {
  const analyzer = createAnalyzer(situation);
  return dates.map((d) => mapVerdicts(situation, analyzer.analyze(d)));
}

describe('the verdicts body', () => {
  const geodata = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
  const defaults = verdictsOn(geodata, ['2023-05-01', '2024-08-20', '2025-11-04']);

  it('gives the map the same verdicts and panels on the default scenario, date by date', () => {
    for (const v of defaults) expect(sent(v)).toStrictEqual(asBefore(v));
    // The dates chosen hold what the encoding leaves out or shares: blocked corridors with reasons,
    // flagged sites, ranked and unranked hotspots.
    const aug = defaults[1];
    expect(Object.values(aug.corridors).some((c) => c.reasons.length > 0)).toBe(true);
    expect(Object.values(aug.sites).some((s) => s.flags !== '' && s.besieged)).toBe(true);
    expect(aug.hotspotList.ranked.length).toBeGreaterThan(0);
  });

  it("lists each corridor's and site's reason codes once, in the order the report first gives them", () => {
    const analyzer = createAnalyzer(geodata);
    let repeated = 0;
    for (const date of ['2023-05-01', '2024-08-20', '2025-11-04']) {
      const report = analyzer.analyze(date);
      const v = mapVerdicts(geodata, report);
      for (const c of report.corridors) {
        const codes = c.stretches.flatMap((s) => s.reasons.map((r) => r.code));
        expect(v.corridors[c.id].reasons, c.id).toEqual([...new Set(codes)]);
        if (new Set(codes).size < codes.length) repeated++;
      }
      for (const s of report.sites) {
        const codes = s.reasons.map((r) => r.code);
        expect(v.sites[s.id].reasons, s.id).toEqual([...new Set(codes)]);
        if (new Set(codes).size < codes.length) repeated++;
      }
    }
    // Reports that repeat a code (a stretch after another with the same reason, several incidents).
    expect(repeated).toBeGreaterThan(0);
  });

  it('gives the map the same verdicts on a generated situation, in under a third of the text', () => {
    const { situation } = generateSituation({
      ...SUDAN_SCALE,
      seed: 11,
      roadSegments: 800,
      sites: 300,
      incidents: 600,
      constraints: 40,
      areas: 8,
    });
    const [v] = verdictsOn(situation, [situation.scenario.defaultAsOf]);
    expect(Object.keys(v.sites).length).toBeGreaterThan(100);
    expect(v.hotspotList.ranked.length + v.hotspotList.unranked.length).toBeGreaterThan(0);
    expect(sent(v)).toStrictEqual(asBefore(v));
    expect(JSON.stringify(encodeVerdicts(v)).length).toBeLessThan(JSON.stringify(v).length / 3);
  });

  it('names a hotspot by its id when the verdicts hold no such site, and a panel entry without one fails', () => {
    const v = asBefore(defaults[1]);
    const [first] = v.hotspots;
    // The hotspot list of a report names only its sites; the ranking alone could name another.
    const odd: MapVerdicts = { ...v, hotspots: [['elsewhere', 1], ...v.hotspots] };
    odd.hotspotList = {
      ...v.hotspotList,
      ranked: v.hotspotList.ranked.map((e) => ({ ...e, rank: e.rank! + 1 })),
    };
    expect(sent(odd).hotspots.slice(0, 2)).toEqual([['elsewhere', 1], first]);
    expect(sent(odd)).toStrictEqual(odd);
    const broken = { ...v, sites: {} };
    expect(() => encodeVerdicts(broken)).toThrow(/has no verdict/);
  });

  describe("the panel's labels", () => {
    const original = getLocale;
    afterEach(() => overwriteGetLocale(original));

    it('are in the language the map shows when it decodes, from one body to the next', () => {
      const analyzer = createAnalyzer(geodata);
      const report = analyzer.analyze('2024-08-20');
      const body = JSON.stringify(encodeVerdicts(mapVerdicts(geodata, report)));
      const decoded = (locale: 'ar' | 'en') => {
        overwriteGetLocale(() => locale);
        return decodeVerdicts(JSON.parse(body) as VerdictsWire);
      };
      // Each language's panel as the map built it from the report in that language.
      const inArabic = decoded('ar');
      expect(inArabic).toStrictEqual(asBefore(mapVerdicts(geodata, report)));
      const inEnglish = decoded('en');
      expect(inEnglish).toStrictEqual(asBefore(mapVerdicts(geodata, report)));
      const [ar] = inArabic.hotspotList.ranked;
      const [en] = inEnglish.hotspotList.ranked;
      expect(ar.accessLabel).toMatch(/[\u0600-\u06ff]/);
      expect(en.accessLabel).not.toBe(ar.accessLabel);
      expect(ar.reasons.length).toBeGreaterThan(0);
      expect(ar.reasons.every((r) => /[\u0600-\u06ff]/.test(r))).toBe(true);
      expect(ar.flags.length).toBeGreaterThan(0);
      expect(ar.flags[0].label).not.toBe(en.flags[0].label);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { accessDifficulty } from '$lib/domain/analysis/hotspots';
import { neededProtection } from '$lib/domain/analysis/neededProtection';
import { crossingsOn, crossingStatusOn } from '$lib/domain/asOf';
import { parseSituation, type AnalysisReport, type Situation } from '$lib/domain/schemas';
import { ACCESS_LABELS, FLAG_LABELS, REASON_LABELS } from '$lib/map/analysisDetails';
import type { HotspotEntry, HotspotList } from '$lib/map/hotspotList';
import { mapVerdicts, type MapVerdicts } from '$lib/map/mapVerdicts';
import { encodeVerdicts } from '$lib/map/verdictsWire';
import { verdictsWireOf } from '$lib/map/verdictsWireOf';
import { generateSituationInput, sudanScaled } from '../../bench/generate';
import { mulberry32 } from '../../bench/prng';
import { plainVisibility } from '../helpers/plainVisibility';

// The map's verdicts of a date keep work across calls (the visibility index and its roads impassable by month)
// and ask each label of the hotspot panel once per call.
// The body of `/map/verdicts.json` must stay the one read plainly from the report and the whole situation:
// here every part is computed straightforwardly, on seeded situations walked date after date by one analyzer
// and one verdicts module, as the server does, and the bodies compared byte for byte.

/** The hotspot panel read plainly: every label asked for each entry. */
function plainHotspotList(report: AnalysisReport): HotspotList {
  const sites = new Map(report.sites.map((s) => [s.id, s]));
  const entry = (siteId: string): HotspotEntry | undefined => {
    const s = sites.get(siteId);
    return (
      s && {
        siteId,
        name: s.name,
        access: s.access,
        accessLabel: ACCESS_LABELS[s.access].label,
        flags: s.flags.map((flag) => ({ flag, label: FLAG_LABELS[flag] })),
        reasons: [...new Set(s.reasons.map((r) => REASON_LABELS[r.code] ?? r.code))],
      }
    );
  };
  const ranked: HotspotEntry[] = [];
  report.hotspots.forEach((h, i) => {
    const e = entry(h.siteId);
    if (e) ranked.push({ ...e, rank: i + 1, score: h.score, components: h.components });
  });
  const rankedIds = new Set(report.hotspots.map((h) => h.siteId));
  const unranked = report.sites
    .filter((s) => !s.hub && s.flags.length > 0 && !rankedIds.has(s.id))
    .sort(
      (a, b) =>
        accessDifficulty[b.access] - accessDifficulty[a.access] ||
        (b.ipcPhase ?? 0) - (a.ipcPhase ?? 0) ||
        a.name.localeCompare(b.name, 'en'),
    )
    .map((s) => entry(s.id)!);
  return { ranked, unranked };
}

/** The verdicts read plainly from the report and the whole situation. */
function plainVerdicts(situation: Situation, report: AnalysisReport): MapVerdicts {
  const codes = (reasons: { code: string }[]) => [...new Set(reasons.map((r) => r.code))];
  return {
    asOf: report.asOf,
    corridors: Object.fromEntries(
      report.corridors.map((c) => [
        c.id,
        { status: c.status, reasons: codes(c.stretches.flatMap((s) => s.reasons)) },
      ]),
    ),
    sites: Object.fromEntries(
      report.sites.map((s) => [
        s.id,
        {
          access: s.access,
          flags: s.flags.join(','),
          status: s.status,
          besieged: s.besieged,
          population: s.status === 'active' ? (s.population ?? 0) : 0,
          ipcPhase: s.ipcPhase ?? 0,
          famine: s.famine,
          reasons: codes(s.reasons),
        },
      ]),
    ),
    crossings: Object.fromEntries(
      crossingsOn(situation, report.asOf).map((c) => [
        c.properties.id,
        crossingStatusOn(c, report.asOf)!.status,
      ]),
    ),
    hotspots: report.hotspots.map((h) => [h.siteId, h.score]),
    hotspotList: plainHotspotList(report),
    protection: neededProtection(report, situation),
    totals: report.totals,
    visibility: plainVisibility(situation, report.asOf),
  };
}

const body = (v: MapVerdicts) => JSON.stringify(encodeVerdicts(v));

/** A seeded situation; with `boundedSeasonal`, some of its seasonal roads are in force only part of the time. */
function seededSituation(seed: number, boundedSeasonal: boolean): Situation {
  const { input } = generateSituationInput({ ...sudanScaled(0.02, 4), seed });
  if (boundedSeasonal) {
    const random = mulberry32(seed);
    type Layer = { json: { features: { properties: Record<string, unknown> }[] } };
    for (const layer of Object.values(input.layers) as unknown as Layer[])
      for (const f of layer.json.features) {
        const months = f.properties.impassableMonths;
        if (!Array.isArray(months) || months.length === 0 || random() < 0.5) continue;
        if (random() < 0.5) f.properties.validFrom = '2024-03-10';
        else f.properties.validTo = '2024-07-20';
      }
  }
  return parseSituation(input);
}

const seededDates = (seed: number, n: number) => {
  const random = mulberry32(seed);
  const start = Date.parse('2023-05-01T00:00:00Z');
  return Array.from({ length: n }, () =>
    new Date(start + Math.floor(random() * 700) * 86_400_000).toISOString().slice(0, 10),
  );
};

describe("the map's verdicts of date after date", () => {
  it('give the body read plainly, on seeded situations walked by one analyzer', () => {
    const seen = {
      impassable: 0,
      boundedImpassable: 0,
      guarded: 0,
      aidIncidents: 0,
      unranked: 0,
      reasons: 0,
    };
    for (let seed = 1; seed <= 6; seed++) {
      const bounded = seed % 2 === 0;
      const situation = seededSituation(seed, bounded);
      const analyzer = createAnalyzer(situation);
      // A day on, back and forth, months apart, and a date again: what the index and kept lists must follow.
      const walk = seededDates(seed * 7, 7);
      for (const asOf of [...walk, walk[0], walk[0].slice(0, 8) + '28']) {
        const report = analyzer.analyze(asOf);
        const plain = plainVerdicts(situation, report);
        expect(body(mapVerdicts(situation, report)), `seed ${seed} ${asOf}`).toBe(body(plain));
        // What the server sends: made from the report, with rows kept from the dates before.
        expect(JSON.stringify(verdictsWireOf(situation, report)), `seed ${seed} ${asOf}`).toBe(body(plain));
        // The panel's labels are not in the body: compared as objects.
        expect(mapVerdicts(situation, report).hotspotList, `seed ${seed} ${asOf}`).toEqual(plain.hotspotList);
        seen.impassable += plain.visibility.impassable.length;
        if (bounded) seen.boundedImpassable += plain.visibility.impassable.length;
        seen.guarded += plain.protection.corridors.length;
        seen.aidIncidents += plain.protection.totals.incidents;
        seen.unranked += plain.hotspotList.unranked.length;
        seen.reasons += plain.hotspotList.ranked.filter((e) => e.reasons.length > 1).length;
      }
    }
    // The walks hold what the kept work is about: roads impassable on the date (some only for a while),
    // corridors guarded for incidents of violence against aid, and panel entries with several reasons.
    expect(seen.boundedImpassable).toBeGreaterThan(0);
    expect(seen.impassable).toBeGreaterThan(seen.boundedImpassable);
    expect(seen.guarded).toBeGreaterThan(0);
    expect(seen.aidIncidents).toBeGreaterThan(0);
    expect(seen.reasons).toBeGreaterThan(0);
  });
});

describe('the verdicts body made from the report with rows kept across dates', () => {
  const wireBody = (situation: Situation, report: AnalysisReport) =>
    JSON.stringify(verdictsWireOf(situation, report));

  it('is the plain body for two situations walked in turns, as the public and internal levels are', () => {
    const levels = [1, 2].map((seed) => {
      const situation = seededSituation(seed + 10, seed === 2);
      return { situation, analyzer: createAnalyzer(situation) };
    });
    let unranked = 0;
    for (const asOf of ['2024-08-15', '2024-08-16', '2024-08-15', '2023-12-01', '2023-12-02', '2024-08-16'])
      for (const { situation, analyzer } of levels) {
        const report = analyzer.analyze(asOf);
        expect(wireBody(situation, report), asOf).toBe(body(plainVerdicts(situation, report)));
        // The same report with a third of its hotspots left out: their flagged sites are listed unranked.
        const fewer = { ...report, hotspots: report.hotspots.filter((_, i) => i % 3 !== 1) };
        const plain = plainVerdicts(situation, fewer);
        expect(wireBody(situation, fewer), asOf).toBe(body(plain));
        unranked += plain.hotspotList.unranked.length;
      }
    // Flagged sites not ranked, listed apart in their own order: what the panel's unranked rows hold.
    expect(unranked).toBeGreaterThan(0);
  });

  it('does not reuse a row whose words moved in the body, the same site entries under a new word', () => {
    const situation = seededSituation(3, false);
    const report = createAnalyzer(situation).analyze('2024-08-15');
    expect(wireBody(situation, report)).toBe(body(plainVerdicts(situation, report)));
    // A first corridor with a new status and reason puts two words before every site's: the same site entries,
    // their rows kept above, must now name other indices.
    const [first, ...rest] = report.corridors;
    const moved: AnalysisReport = {
      ...report,
      corridors: [
        {
          ...first,
          status: first.status === 'blocked' ? 'open' : 'blocked',
          stretches: [
            { ...first.stretches[0], reasons: [{ ...reasonOf(report), code: 'seasonal_closure' }] },
          ],
        },
        ...rest,
      ],
    };
    expect(moved.sites).toBe(report.sites);
    const expected = body(plainVerdicts(situation, moved));
    expect(JSON.parse(expected).words.slice(0, 3)).not.toEqual(
      JSON.parse(body(plainVerdicts(situation, report))).words.slice(0, 3),
    );
    expect(wireBody(situation, moved)).toBe(expected);
    expect(wireBody(situation, report)).toBe(body(plainVerdicts(situation, report)));
  });

  it('reads the sites afresh when as many sites come in another order, hotspots naming the right rows', () => {
    const situation = seededSituation(5, false);
    const report = createAnalyzer(situation).analyze('2024-08-15');
    expect(wireBody(situation, report)).toBe(body(plainVerdicts(situation, report)));
    // The same number of sites, so only their ids tell the last date's rows from these.
    const reversed: AnalysisReport = { ...report, sites: [...report.sites].reverse() };
    expect(reversed.hotspots.length).toBeGreaterThan(0);
    expect(reversed.sites[0].id).not.toBe(report.sites[0].id);
    expect(wireBody(situation, reversed)).toBe(body(plainVerdicts(situation, reversed)));
  });

  it('keeps the plain order when site ids look like array indices, which an object puts first', () => {
    const situation = seededSituation(4, false);
    const report = createAnalyzer(situation).analyze('2024-08-15');
    const last = report.sites.length - 1;
    const renamed = (id: string) => (id === report.sites[last].id ? '7' : id);
    const numbered: AnalysisReport = {
      ...report,
      sites: report.sites.map((s, i) => (i === last ? { ...s, id: '7' } : s)),
      hotspots: report.hotspots.map((h) => ({ ...h, siteId: renamed(h.siteId) })),
    };
    const expected = body(plainVerdicts(situation, numbered));
    expect(JSON.parse(expected).sites[0][0]).toBe('7');
    expect(wireBody(situation, numbered)).toBe(expected);
  });
});

/** A reason of the report, to copy (any stretch's or site's). */
function reasonOf(report: AnalysisReport) {
  const r =
    report.sites.flatMap((s) => s.reasons)[0] ??
    report.corridors.flatMap((c) => c.stretches.flatMap((s) => s.reasons))[0];
  if (!r) throw new Error('the report has no reason to copy');
  return r;
}

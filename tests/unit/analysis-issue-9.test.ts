import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type { AnalysisReport, SiteReport } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

// Issue 9's rules across dates, on the fixture situations named after it (each fixture's out/report.json
// holds one date; these tests follow a site through time and through what-if overrides).
const load = (name: string) => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'analysis', name);
  return loadSituationFromDir(dir, dir);
};
const siteOf = (r: AnalysisReport, id: string): SiteReport => r.sites.find((s) => s.id === id)!;
const codes = (s: { reasons: { code: string; featureId: string }[] }) =>
  s.reasons.map((r) => `${r.code}:${r.featureId}`);

describe('a siege (issue-9-siege)', () => {
  const analyzer = createAnalyzer(load('issue-9-siege'));

  it('cuts the town off only while it is in force, naming the siege first', () => {
    const before = siteOf(analyzer.analyze('2024-05-09'), 'town_besieged');
    expect(before).toMatchObject({ access: 'internal', besieged: false, flags: [] });

    const during = siteOf(analyzer.analyze('2024-05-10'), 'town_besieged');
    expect(during).toMatchObject({ access: 'cut_off', besieged: true });
    expect(during.flags).toEqual(['protection', 'besieged', 'cut_off']);
    expect(codes(during).slice(0, 2)).toEqual(['site_besieged:siege_town', 'siege:siege_town']);
    expect(during.options.map((o) => o.feasible)).toEqual([false, false, false]);
    expect(during.options[0].reasons[0].code).toBe('site_besieged');

    const after = siteOf(analyzer.analyze('2025-10-26'), 'town_besieged');
    expect(after).toMatchObject({ access: 'internal', besieged: false });
  });

  it('counts the besieged people in the totals, and lets a road around the ring through', () => {
    const r = analyzer.analyze('2024-08-15');
    expect(r.totals).toMatchObject({ peopleBesieged: 350000, sitesBesieged: 2, peopleCutOff: 350000 });
    expect(siteOf(r, 'camp_beyond').access).toBe('internal');
    expect(siteOf(r, 'camp_beyond').bestPath!.segmentIds.some((id) => id.startsWith('r_bypass'))).toBe(true);
    expect(r.segments.filter((s) => s.reasons.some((x) => x.code === 'siege')).length).toBeGreaterThan(0);
  });

  it('a besieged site whose nearest road lies outside the ring is still cut off', () => {
    const situation = load('issue-9-siege');
    const ring = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [20.28, 0.03],
          [20.32, 0.03],
          [20.32, 0.07],
          [20.28, 0.07],
          [20.28, 0.03],
        ],
      ],
    };
    const hamlet = {
      ...situation.sites[0],
      geometry: { type: 'Point' as const, coordinates: [20.3, 0.05] },
      properties: { ...situation.sites[0].properties, id: 'hamlet', name: 'Hamlet', hub: false },
    };
    const siege = { ...situation.constraints[0], geometry: ring };
    const r = createAnalyzer({
      ...situation,
      sites: [...situation.sites, hamlet],
      constraints: [siege],
    }).analyze('2024-08-15');
    const h = siteOf(r, 'hamlet');
    expect(h).toMatchObject({ access: 'cut_off', besieged: true, bestPath: null });
    expect(codes(h)[0]).toBe('site_besieged:siege_town');
    expect(siteOf(r, 'town_besieged').access).toBe('internal');
  });
});

describe('a site lifecycle (issue-9-lifecycle)', () => {
  const analyzer = createAnalyzer(load('issue-9-lifecycle'));

  it('an emptied camp is a famine camp to reach the day before, and inactive from the day it was emptied', () => {
    const day = analyzer.analyze('2025-04-12');
    expect(siteOf(day, 'camp_emptied')).toMatchObject({ access: 'internal', status: 'active', famine: true });
    expect(day.hotspots.map((h) => h.siteId)).toContain('camp_emptied');
    expect(day.totals.peopleFamine).toBe(500000);

    const next = analyzer.analyze('2025-04-13');
    const camp = siteOf(next, 'camp_emptied');
    expect(camp).toMatchObject({
      access: 'inactive',
      status: 'emptied',
      statusSince: '2025-04-13',
      movedTo: [{ siteId: 'camp_refuge', population: 379000 }],
      flags: [],
      famine: false,
      bestPath: null,
    });
    expect(codes(camp)).toEqual(['site_inactive:camp_emptied']);
    expect(next.hotspots.map((h) => h.siteId)).not.toContain('camp_emptied');
    // The closed east hub is the other inactive site.
    expect(next.totals).toMatchObject({ sitesInactive: 2, peopleFamine: 0, sitesFamine: 0 });
  });

  it('a closed hub is no longer a place convoys start from', () => {
    const open = siteOf(analyzer.analyze('2024-12-31'), 'camp_back');
    const closed = siteOf(analyzer.analyze('2025-06-01'), 'camp_back');
    // camp_back is 11 km from the east hub and 89 km from the west hub; it is emptied until 2025-01-15.
    expect(open.access).toBe('inactive');
    expect(closed.bestPath!.fromHubId).toBe('hub_west');
    expect(siteOf(analyzer.analyze('2024-12-31'), 'hub_east').access).toBe('internal');
    expect(siteOf(analyzer.analyze('2024-12-31'), 'camp_refuge').bestPath!.fromHubId).toBe('hub_east');
  });
});

describe('findings that expire (issue-9-expiry)', () => {
  const analyzer = createAnalyzer(load('issue-9-expiry'));

  it('a famine finding holds until its validTo, then the phase is unknown, not 1', () => {
    expect(siteOf(analyzer.analyze('2024-10-31'), 'camp_expired_famine')).toMatchObject({
      famine: true,
      ipcPhase: 5,
    });
    expect(siteOf(analyzer.analyze('2024-11-01'), 'camp_expired_famine')).toMatchObject({
      famine: false,
      ipcPhase: null,
    });
  });

  it('a phase without validTo holds findingValidityDays, a parameter', () => {
    // 2024-01-01 + 365 days = 2024-12-31 (a leap year), the first day it no longer holds.
    expect(siteOf(analyzer.analyze('2024-12-30'), 'camp_expired_phase').ipcPhase).toBe(4);
    expect(siteOf(analyzer.analyze('2024-12-31'), 'camp_expired_phase').ipcPhase).toBeNull();
    const longer = analyzer.analyze('2025-03-01', { findingValidityDays: 730 });
    expect(siteOf(longer, 'camp_expired_phase').ipcPhase).toBe(4);
  });

  it('a population figure becomes stale after populationStaleDays and is still counted', () => {
    const r = analyzer.analyze('2025-03-01');
    expect(siteOf(r, 'camp_expired_phase')).toMatchObject({
      population: 60000,
      populationAsOf: '2024-01-01',
      populationStale: true,
    });
    expect(siteOf(r, 'camp_valid')).toMatchObject({
      populationStale: false,
      populationRange: [25000, 45000],
    });
    const hot = r.hotspots.find((h) => h.siteId === 'camp_expired_phase')!;
    expect(hot.components).toMatchObject({
      populationStale: true,
      ipcPhase: null,
      ipcPhaseKnown: false,
      severity: 3,
    });
    expect(hot.score).toBe(60000 * 3 * 1);
  });
});

describe('hotspot severity', () => {
  it('is 5 for a site with a famine finding, whatever phase the same figure gives', () => {
    const situation = load('issue-9-expiry');
    const sites = situation.sites.map((s) =>
      s.properties.id === 'camp_valid'
        ? {
            ...s,
            properties: {
              ...s.properties,
              figures: [{ ...s.properties.figures[0], famine: true, ipcPhase: 4 }],
            },
          }
        : s,
    );
    const r = createAnalyzer({ ...situation, sites }).analyze('2025-03-01');
    const hot = r.hotspots.find((h) => h.siteId === 'camp_valid')!;
    expect(hot.components).toMatchObject({ ipcPhase: 4, severity: 5 });
    expect(hot.score).toBe(30000 * 5 * 1);
  });
});

describe('protection where civilians are at risk (issue-9-protection-mass-violence)', () => {
  const analyzer = createAnalyzer(load('issue-9-protection-mass-violence'));

  it('flags the town taken by an actor with a record of violence, for protectionTakenWindowDays', () => {
    const flagged = (asOf: string, id: string, params = {}) =>
      siteOf(analyzer.analyze(asOf, params), id).reasons.some((r) => r.code === 'protection_mass_violence');
    expect(flagged('2025-10-25', 'town_taken')).toBe(false); // not yet taken, no violence yet
    expect(flagged('2025-10-27', 'town_taken')).toBe(true);
    expect(flagged('2026-01-24', 'town_taken')).toBe(true); // 90 days after the taking
    expect(flagged('2026-01-25', 'town_taken')).toBe(false);
    expect(flagged('2026-01-25', 'town_taken', { protectionTakenWindowDays: 120 })).toBe(true);
    expect(flagged('2025-11-04', 'camp_near')).toBe(true);
    expect(flagged('2025-11-04', 'camp_near', { protectionRadiusKm: 5 })).toBe(false);
  });

  it('without a record of violence against civilians by the taker, there is no such flag', () => {
    const r = analyzer.analyze('2025-11-04');
    expect(siteOf(r, 'town_gov_take').flags).toEqual([]);
    expect(siteOf(r, 'town_old_take').flags).toEqual([]);
    expect(siteOf(r, 'town_far').flags).toEqual([]);
    // The violence of 2025-10-27 is the rebels' whole record: with a 5-day window it is out of it.
    const noRecord = analyzer.analyze('2025-11-04', { protectionViolenceWindowDays: 5 });
    expect(siteOf(noRecord, 'town_taken').flags).toEqual([]);
  });
});

describe('the binding reason and the choice of class (issue-9-binding-reason, issue-9-class-choice)', () => {
  it('answers "the border crossing closed" first, and opening it by override makes the town reachable', () => {
    const analyzer = createAnalyzer(load('issue-9-binding-reason'));
    const town = siteOf(analyzer.analyze('2024-08-14'), 'town_geneina');
    expect(town.access).toBe('cut_off');
    expect(codes(town)[0]).toBe('crossing_closed:x_south');
    expect(codes(town.options[2])[0]).toBe('crossing_closed:x_south');
    expect(codes(town.options[0])).toContain('frontline_crossing:fl_main');

    const opened = siteOf(
      analyzer.analyze('2024-08-14', {}, { crossings: [{ id: 'x_south', status: 'open' }] }),
      'town_geneina',
    );
    expect(opened.access).toBe('cross_border_only');
    expect(siteOf(analyzer.analyze('2024-08-15'), 'town_geneina').bestPath!.viaCrossingIds).toEqual([
      'x_south',
    ]);
  });

  it('takes the cheapest feasible option, keeping the others visible', () => {
    const town = siteOf(createAnalyzer(load('issue-9-class-choice')).analyze('2024-11-20'), 'town_geneina');
    expect(town.access).toBe('cross_border_only');
    expect(town.options.map((o) => [o.class, o.feasible])).toEqual([
      ['internal', false],
      ['crossline', true],
      ['cross_border', true],
    ]);
    expect(town.options[1].lengthKm!).toBeGreaterThan(3 * town.options[2].lengthKm!);
    expect(town.bestPath!.cost).toBe(town.options[2].cost);
    expect(codes(town.options[0])).toEqual(['crossline_needed:xl_main']);
  });
});

describe('a reused analyzer gives the same reports as fresh ones on issue 9 situations', () => {
  for (const [name, dates] of [
    ['issue-9-siege', ['2024-05-09', '2024-08-15', '2025-10-26', '2024-08-15']],
    ['issue-9-lifecycle', ['2025-04-12', '2025-04-13', '2024-12-31']],
    ['issue-9-protection-mass-violence', ['2025-10-25', '2025-11-04', '2026-01-25']],
    ['issue-9-binding-reason', ['2024-08-14', '2024-08-15', '2024-08-14']],
  ] as const)
    it(name, () => {
      const situation = load(name);
      const reused = createAnalyzer(situation);
      for (const d of dates) expect(reused.analyze(d)).toEqual(createAnalyzer(situation).analyze(d));
    });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '$lib/domain/analysis';
import { changeLines, compareDates, ComparisonDateError, totalsRows } from '$lib/domain/analysis/compare';
import { dateComparisonSchema, type DateComparison } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const geodata = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
const fixture = loadSituationFromDir(join(import.meta.dirname, '..', 'fixtures', 'compare', 'border-closes'));

describe('compareDates on a small fixture, checked by hand', () => {
  // East camp (20,000 people, then 30,000 with a famine finding from 2024-07-01) is cut off from the
  // domestic hub by a front line and reached from abroad through the border crossing, closed on 2024-06-10.
  const c = compareDates(fixture, '2024-05-01', '2024-08-01');

  it('finds the crossing that closed, with its dated entry and source', () => {
    expect(c.crossings).toEqual([
      {
        id: 'x_border',
        name: 'Border crossing',
        kind: 'international',
        change: 'closed',
        before: { status: 'open', since: '2024-01-01', source: 'synthetic status', note: null },
        after: {
          status: 'closed',
          since: '2024-06-10',
          source: 'synthetic closure notice',
          note: 'closed by the authorities',
        },
      },
    ]);
  });

  it('finds the corridor blocked by it and why', () => {
    expect(c.corridors.map((x) => [x.id, x.before?.status, x.after?.status])).toEqual([
      ['c_abroad', 'open', 'blocked'],
    ]);
    expect(c.corridors[0].before?.reasons).toEqual([]);
    expect(c.corridors[0].after?.reasons.map((r) => [r.code, r.featureId])).toEqual([
      ['crossing_closed', 'x_border'],
    ]);
  });

  it('finds the camp cut off, with the flags it gained and lost; the town that did not change is left out', () => {
    expect(c.sites.map((s) => s.id)).toEqual(['camp_east']);
    const camp = c.sites[0];
    expect([camp.before?.access, camp.after?.access]).toEqual(['cross_border_only', 'cut_off']);
    expect(camp.flagsGained).toEqual(['cut_off', 'famine']);
    expect(camp.flagsLost).toEqual(['cross_border']);
    expect([camp.before?.population, camp.after?.population]).toEqual([20000, 30000]);
  });

  it('gives the totals of both dates and their difference', () => {
    // By hand: on 2024-05-01 nothing is cut off, blocked or closed; on 2024-08-01 East camp (30,000 people,
    // famine) is cut off, its corridor blocked, the crossing closed. Town West is reachable on both dates.
    const zero = {
      peopleCutOff: 0,
      peopleBesieged: 0,
      peopleFamine: 0,
      sitesCutOff: 0,
      sitesBesieged: 0,
      sitesFamine: 0,
      sitesInactive: 0,
      corridorsBlocked: 0,
      corridorsAtRisk: 0,
      crossingsClosed: 0,
      crossingsRestricted: 0,
    };
    const later = {
      ...zero,
      peopleCutOff: 30000,
      peopleFamine: 30000,
      sitesCutOff: 1,
      sitesFamine: 1,
      corridorsBlocked: 1,
      crossingsClosed: 1,
    };
    expect(c.totals).toEqual({ from: zero, to: later, difference: later });
    expect(c.summary).toEqual({
      crossingsOpened: 0,
      crossingsClosed: 1,
      crossingsRestricted: 0,
      crossingsEnded: 0,
      corridorsChanged: 1,
      sitesChanged: 1,
      sitesLeftCutOff: 0,
      sitesNowCutOff: 1,
    });
  });

  it('a date compared with itself finds nothing', () => {
    const same = compareDates(fixture, '2024-08-01', '2024-08-01');
    expect([same.crossings, same.corridors, same.sites]).toEqual([[], [], []]);
    expect(Object.values(same.totals.difference).every((v) => v === 0)).toBe(true);
  });

  it('says what changed in plain words', () => {
    const words = changeLines(c);
    expect(words.crossings[0].title).toBe('Crossing Border crossing: open → closed');
    expect(words.crossings[0].details[0]).toBe(
      'closed since 2024-06-10 (source: synthetic closure notice): closed by the authorities',
    );
    expect(words.corridors[0].title).toBe('Corridor Abroad to East camp: open → blocked');
    expect(words.corridors[0].details[0]).toContain('closed since 2024-06-10');
    expect(words.sites[0].title).toBe('Site East camp: reachable across a border only → cut off');
    expect(words.sites[0].details).toContain('now: cut off, famine finding');
    expect(totalsRows(c)[0]).toEqual({
      key: 'peopleCutOff',
      label: 'People in cut-off sites',
      from: 0,
      to: 30000,
      difference: 30000,
    });
  });
});

describe('compareDates on the default scenario, 2024-03-01 → 2024-08-20 (docs: sudan-timeline)', () => {
  const c = compareDates(geodata, '2024-03-01', '2024-08-20');
  const site = (id: string) => c.sites.find((s) => s.id === id);

  it('is a valid comparison, in id order', () => {
    expect(dateComparisonSchema.parse(c)).toEqual(c);
    for (const list of [c.crossings, c.corridors, c.sites]) {
      const ids = list.map((x) => x.id);
      expect(ids).toEqual([...ids].sort());
    }
  });

  it('Adré reopens on 2024-08-15 (timeline 24), with its source', () => {
    const adre = c.crossings.find((x) => x.id === 'td_adre_crossing');
    expect(adre?.change).toBe('opened');
    expect(adre?.before?.status).toBe('closed');
    expect(adre?.after).toMatchObject({ status: 'open', since: '2024-08-15' });
    expect(adre?.after?.source).toContain('Xinhua');
    // The Abéché–Adré corridor, blocked at the closed crossing, opens with it.
    const corridor = c.corridors.find((x) => x.id === 'cor_abeche_adre');
    expect([corridor?.before?.status, corridor?.after?.status]).toEqual(['blocked', 'open']);
    expect(corridor?.before?.reasons.some((r) => r.featureId === 'td_adre_crossing')).toBe(true);
  });

  it('sites leave cut-off: Zamzam reachable across the border, with the famine finding of 2024-08-01 (timeline 23)', () => {
    const zamzam = site('sd_zamzam');
    expect([zamzam?.before?.access, zamzam?.after?.access]).toEqual(['cut_off', 'cross_border_only']);
    expect(zamzam?.flagsGained).toContain('famine');
    expect(zamzam?.flagsLost).toContain('cut_off');
    expect(c.summary.sitesLeftCutOff).toBeGreaterThanOrEqual(5);
    expect(c.totals.difference.sitesCutOff).toBe(c.totals.to.sitesCutOff - c.totals.from.sitesCutOff);
    expect(c.totals.difference.sitesCutOff).toBeLessThan(0);
  });

  it('El Fasher becomes besieged (siege from 2024-05-10, about 1.5 million people: timeline 19–20)', () => {
    const fasher = site('sd_el_fasher');
    expect(fasher?.flagsGained).toContain('besieged');
    expect(fasher?.after?.besieged).toBe(true);
    expect(fasher?.after?.population).toBe(1_500_000);
    expect(c.totals.to.peopleBesieged).toBeGreaterThanOrEqual(1_500_000);
  });

  it('gives the same totals as two separate analyses (the reuse changes nothing)', () => {
    expect(c.totals.from).toEqual(analyze(geodata, '2024-03-01').totals);
    expect(c.totals.to).toEqual(analyze(geodata, '2024-08-20').totals);
  });

  it('is deterministic', () => {
    const again: DateComparison = compareDates(geodata, '2024-03-01', '2024-08-20');
    expect(JSON.stringify(again)).toBe(JSON.stringify(c));
  });
});

describe('compareDates refuses dates it cannot compare, naming which one and why', () => {
  const cases: [string, string, 'from' | 'to', RegExp][] = [
    ['2024-13-01', '2024-08-20', 'from', /"2024-13-01" is not a real calendar date/],
    ['2024-03-01', 'soon', 'to', /"soon" must be a date written YYYY-MM-DD/],
    ['2024-08-20', '2024-03-01', 'to', /before the first date 2024-08-20/],
    ['2022-01-01', '2024-03-01', 'from', /outside the scenario's time range \(2023-04-15 to 2025-12-31\)/],
    ['2024-03-01', '2026-02-01', 'to', /outside the scenario's time range/],
  ];
  it.each(cases)('%s → %s', (from, to, field, message) => {
    let error: unknown;
    try {
      compareDates(geodata, from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ComparisonDateError);
    expect((error as ComparisonDateError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
  });
});

// Trends (issue 11): the key figures over a range of dates and the dated events that explain each jump.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, seriesDates, seriesOf } from '$lib/domain/analysis';
import type { Series, SeriesPoint, Situation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const root = join(import.meta.dirname, '..', '..');
const sudan = loadSituationFromDir(join(root, 'geodata'), root);
const at = (s: Series, date: string) => s.points.find((p) => p.date === date)!;
const texts = (p: SeriesPoint) => p.annotations.map((a) => a.text);

describe('seriesDates', () => {
  it('steps from `from` and always ends on `to`', () => {
    expect(seriesDates('2024-03-01', '2024-03-20', 7)).toEqual([
      '2024-03-01',
      '2024-03-08',
      '2024-03-15',
      '2024-03-20',
    ]);
    expect(seriesDates('2024-02-26', '2024-03-04', 7)).toEqual(['2024-02-26', '2024-03-04']);
    expect(seriesDates('2024-03-01', '2024-03-01', 7)).toEqual(['2024-03-01']);
  });

  it('names the argument that is wrong', () => {
    expect(() => seriesDates('2024-03-20', '2024-03-01', 7)).toThrow(
      'to (2024-03-01) is before from (2024-03-20)',
    );
    expect(() => seriesDates('2024-02-30', '2024-03-01', 7)).toThrow('from "2024-02-30" is not a date');
    expect(() => seriesDates('2024-03-01', '2024-04-01', 0)).toThrow('step must be a whole number of days');
    expect(() => seriesDates('2000-01-01', '2024-01-01', 1)).toThrow(/makes 8767 points; at most 1000/);
  });
});

describe('the weekly series of the default scenario', () => {
  const { from, to } = sudan.scenario.timeRange;
  const series = seriesOf(sudan, from, to);

  it('covers the whole time range, weekly, with the totals of each date', () => {
    expect(series.points).toHaveLength(143);
    expect(series.points[0].date).toBe('2023-04-15');
    expect(series.points[1].date).toBe('2023-04-22');
    expect(series.points.at(-1)!.date).toBe('2025-12-31');
    // Reusing the analyzer's memos from date to date gives the same totals as a fresh analysis of the date.
    for (const date of ['2024-03-09', '2024-08-17', '2025-04-19', '2025-11-01']) {
      const { annotations: _, date: __, ...totals } = at(series, date);
      expect(totals).toEqual(createAnalyzer(sudan).analyze(date).totals);
    }
  });

  it('annotates the reopening of Adré where people cut off drop (the step containing 2024-08-15)', () => {
    const before = at(series, '2024-08-10');
    const after = at(series, '2024-08-17');
    expect(after.peopleCutOff).toBeLessThan(before.peopleCutOff);
    expect(after.crossingsClosed).toBe(before.crossingsClosed - 1);
    expect(after.annotations).toContainEqual({
      date: '2024-08-15',
      kind: 'crossing_status',
      featureId: 'td_adre_crossing',
      text: 'Adré – El Geneina crossing reopened',
      figures: expect.arrayContaining(['crossingsClosed', 'peopleCutOff', 'sitesCutOff']),
    });
    // Its closure in February 2024 is where they rose.
    const closed = at(series, '2024-02-03');
    expect(closed.peopleCutOff).toBeGreaterThan(at(series, '2024-01-27').peopleCutOff);
    expect(texts(closed)).toContain('Adré – El Geneina crossing closed');
  });

  it('annotates the siege of El Fasher, Zamzam emptied and the famine findings', () => {
    const siege = at(series, '2024-05-11');
    expect(siege.peopleBesieged).toBeGreaterThan(at(series, '2024-05-04').peopleBesieged);
    expect(texts(siege)).toContain('Siege of El Fasher by the RSF began');
    const fall = at(series, '2025-11-01');
    expect(fall.peopleBesieged).toBe(0);
    expect(texts(fall)).toContain('Siege of El Fasher by the RSF ended');

    const emptied = at(series, '2025-04-19');
    expect(emptied.sitesInactive).toBe(at(series, '2025-04-12').sitesInactive + 1);
    expect(emptied.annotations).toContainEqual(
      expect.objectContaining({
        kind: 'site_status',
        featureId: 'sd_zamzam',
        text: 'Zamzam IDP camp emptied',
        date: '2025-04-13',
      }),
    );

    const famine = at(series, '2024-08-03');
    expect(famine.peopleFamine).toBe(500_000);
    expect(famine.annotations).toEqual([
      {
        date: '2024-08-01',
        kind: 'famine_finding',
        featureId: 'sd_zamzam',
        text: 'Famine finding for Zamzam IDP camp (IPC phase 5)',
        figures: ['peopleFamine', 'sitesFamine'],
      },
    ]);
    expect(texts(at(series, '2024-11-02'))).toContain('Famine finding for Zamzam IDP camp expired');
  });

  it('annotates only steps where a figure moved, and never the first point', () => {
    expect(series.points[0].annotations).toEqual([]);
    for (let i = 1; i < series.points.length; i++) {
      const p = series.points[i];
      const prev = series.points[i - 1];
      for (const a of p.annotations) {
        expect(
          a.date > prev.date && a.date <= p.date,
          `${a.text} on ${a.date} in (${prev.date}, ${p.date}]`,
        ).toBe(true);
        expect(a.figures.length).toBeGreaterThan(0);
        for (const f of a.figures) expect(p[f]).not.toBe(prev[f]);
      }
    }
    // The extension of Adré's opening on 2024-11-13 repeats the status in force: no event.
    expect(series.points.flatMap(texts).filter((t) => t.startsWith('Adré'))).toEqual([
      'Adré – El Geneina crossing closed',
      'Adré – El Geneina crossing reopened',
    ]);
  });
});

describe('a small fixture with figures checked by hand', () => {
  // The cross-border fixture: the front line cuts the domestic hub off from East camp, which is reached only
  // from the hub abroad through the border crossing. Here the crossing closes on 03-10 and reopens on 03-25,
  // and the camp (20,000 people) has a famine finding from 03-15 to 04-01.
  const dir = join(root, 'tests', 'fixtures', 'analysis', 'cross-border');
  const base = loadSituationFromDir(dir, dir);
  const situation: Situation = {
    ...base,
    crossings: base.crossings.map((c) => ({
      ...c,
      properties: {
        ...c.properties,
        statusHistory: [
          { date: '2024-01-01', status: 'open', source: 'test' },
          { date: '2024-03-10', status: 'closed', source: 'test' },
          { date: '2024-03-25', status: 'open', source: 'test' },
        ],
      },
    })),
    sites: base.sites.map((s) =>
      s.properties.id !== 'camp_east'
        ? s
        : {
            ...s,
            properties: {
              ...s.properties,
              figures: [
                { date: '2024-01-01', population: 20_000, source: 'test' },
                { date: '2024-03-15', ipcPhase: 5, famine: true, validTo: '2024-04-01', source: 'test' },
              ],
            },
          },
    ),
  };
  const series = seriesOf(situation, '2024-03-01', '2024-04-05', 7);
  const column = (k: keyof SeriesPoint) => series.points.map((p) => p[k]);

  it('gives the totals of each week', () => {
    expect(column('date')).toEqual([
      '2024-03-01',
      '2024-03-08',
      '2024-03-15',
      '2024-03-22',
      '2024-03-29',
      '2024-04-05',
    ]);
    expect(column('peopleCutOff')).toEqual([0, 0, 20_000, 20_000, 0, 0]);
    expect(column('sitesCutOff')).toEqual([0, 0, 1, 1, 0, 0]);
    expect(column('crossingsClosed')).toEqual([0, 0, 1, 1, 0, 0]);
    expect(column('peopleFamine')).toEqual([0, 0, 20_000, 20_000, 20_000, 0]);
    expect(column('sitesFamine')).toEqual([0, 0, 1, 1, 1, 0]);
  });

  it('names the events on the week their effect shows', () => {
    expect(series.points.map(texts)).toEqual([
      [],
      [],
      ['Border crossing closed', 'Famine finding for East camp (IPC phase 5)'],
      [],
      ['Border crossing reopened'],
      ['Famine finding for East camp expired'],
    ]);
    expect(series.points[2].annotations[0]).toMatchObject({
      date: '2024-03-10',
      featureId: 'x_border',
      figures: expect.arrayContaining(['crossingsClosed', 'peopleCutOff', 'sitesCutOff']),
    });
  });

  it('does not change the situation it is given', () => {
    const copy = structuredClone(situation);
    seriesOf(situation, '2024-03-01', '2024-03-20', 7);
    expect(situation).toEqual(copy);
  });
});

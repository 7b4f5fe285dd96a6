import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type { AnalysisReport } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

// The default scenario (geodata/) on three dates, with the verdicts an analyst expects from the timeline:
// Adré shut to aid from about February 2024 and reopened on 2024-08-15; Tiné the route into North Darfur
// meanwhile; famine found in Zamzam on 2024-08-01; El Fasher and Zamzam besieged.
const analyzer = createAnalyzer(loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata')));
const reports = new Map<string, AnalysisReport>();
const on = (date: string) => {
  if (!reports.has(date)) reports.set(date, analyzer.analyze(date));
  return reports.get(date)!;
};
const site = (date: string, id: string) => {
  const s = on(date).sites.find((x) => x.id === id);
  if (!s) throw new Error(`site ${id} missing on ${date}`);
  return s;
};
const corridor = (date: string, id: string) => {
  const c = on(date).corridors.find((x) => x.id === id);
  if (!c) throw new Error(`corridor ${id} missing on ${date}`);
  return c;
};
const blockingFeatures = (date: string, id: string) =>
  corridor(date, id)
    .stretches.filter((s) => s.status === 'blocked')
    .flatMap((s) => s.reasons.map((r) => `${r.code}:${r.featureId}`));

describe('default scenario, 2024-05-01 (Adré closed to aid)', () => {
  it('blocks the Adré corridors at the closed Adré crossing', () => {
    expect(corridor('2024-05-01', 'cor_abeche_adre').status).toBe('blocked');
    expect(blockingFeatures('2024-05-01', 'cor_abeche_adre')).toContain('crossing_closed:td_adre_crossing');
    expect(blockingFeatures('2024-05-01', 'cor_adre_nyala')).toContain('crossing_closed:td_adre_crossing');
  });

  it('reaches Zamzam only from Chad, through Tiné', () => {
    const z = site('2024-05-01', 'sd_zamzam');
    expect(z.access).toBe('cross_border_only');
    expect(z.bestPath?.viaCrossingIds).toContain('sd_tina_crossing');
    expect(z.bestPath?.viaCrossingIds).not.toContain('td_adre_crossing');
    expect(z.flags).not.toContain('famine'); // the famine finding comes on 2024-08-01
  });

  it('leaves the Adré transit site in Chad reachable from Abéché though the crossing is shut', () => {
    const t = site('2024-05-01', 'td_adre_transit');
    expect(t.access).toBe('internal');
    expect(t.bestPath?.fromHubId).toBe('td_abeche');
  });
});

describe('default scenario, 2024-08-15 (Adré reopens; famine in Zamzam)', () => {
  it('gives Zamzam cross-border access only, and flags protection and famine', () => {
    const z = site('2024-08-15', 'sd_zamzam');
    expect(z.access).toBe('cross_border_only');
    expect(z.flags).toEqual(expect.arrayContaining(['protection', 'cross_border', 'famine']));
    expect(['td_abeche', 'td_ndjamena']).toContain(z.bestPath?.fromHubId);
    expect(z.reasons.map((r) => r.code)).toContain('famine');
  });

  it('no longer blocks the Abéché–Adré corridor', () => {
    expect(corridor('2024-08-15', 'cor_abeche_adre').status).not.toBe('blocked');
  });
});

describe('default scenario, 2024-08-20 (first trucks through Adré)', () => {
  it('does not block the Adré corridors at the crossing', () => {
    expect(corridor('2024-08-20', 'cor_abeche_adre').status).not.toBe('blocked');
    expect(corridor('2024-08-20', 'cor_adre_nyala').status).not.toBe('blocked');
    expect(blockingFeatures('2024-08-20', 'cor_adre_nyala')).not.toContain(
      'crossing_closed:td_adre_crossing',
    );
  });

  it('reaches El Geneina from Chad through Adré', () => {
    const g = site('2024-08-20', 'sd_el_geneina');
    expect(g.access).toBe('cross_border_only');
    expect(g.bestPath?.viaCrossingIds).toContain('td_adre_crossing');
  });

  it('compared with May, El Geneina went from cut off to cross-border access', () => {
    expect(site('2024-05-01', 'sd_el_geneina').access).toBe('cut_off');
  });
});

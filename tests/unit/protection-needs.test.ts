import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, protectionNeeds } from '$lib/domain/analysis';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

// Where a protection force is needed (issue 11), on a small fixture whose answers were worked out by hand
// (tests/fixtures/protection-needs: 1° = 111.195 km at the equator), then on the default scenario against
// the dated facts of the Sudan timeline.
const dir = join(import.meta.dirname, '..', 'fixtures', 'protection-needs');
const fixture = loadSituationFromDir(dir, dir);
const analyzer = createAnalyzer(fixture);
const needsOn = (date: string, params = {}) => protectionNeeds(analyzer.analyze(date), fixture, params);

describe('protectionNeeds on the fixture', () => {
  it('lists the sites flagged for protection, most people first, with their protection reasons', () => {
    const n = needsOn('2024-08-15');
    // East camp is 13.0 km from the front line (radius 15), Front town 2.8 km; North camp 43 km, the hub 25 km.
    expect(n.sites.map((s) => [s.siteId, s.people])).toEqual([
      ['camp_east', 40000],
      ['town_front', null],
    ]);
    expect(n.sites[0].reasons.map((r) => `${r.code}:${r.featureId}`)).toEqual([
      'protection_frontline:fl_center',
    ]);
  });

  it('guards the corridors with violence against aid beside them, or that fail a protected site', () => {
    const n = needsOn('2024-08-15');
    expect(n.corridors.map((c) => [c.corridorId, c.status, c.why, c.actorIds])).toEqual([
      // Blocked across the front line (gov / reb) to the protected East camp; a convoy attacked 2.2 km off it.
      ['c_east', 'blocked', ['violence_against_aid', 'serves_protected_site'], ['gov', 'reb']],
      // At risk only (a severity-1 clash), to an unprotected camp; a convoy attacked 5.6 km off it by reb.
      ['c_north', 'at_risk', ['violence_against_aid'], ['reb']],
    ]);
    const [east, north] = n.corridors;
    expect(east.servesSiteId).toBe('camp_east');
    expect(east.incidents.map((i) => [i.id, i.distanceKm])).toEqual([['inc_convoy_east', 2.224]]);
    // inc_far is 11.1 km off (buffer 10), inc_old 106 days old (window 90), inc_hostile is not against aid.
    expect(north.incidents.map((i) => [i.id, i.distanceKm, i.actorId])).toEqual([
      ['inc_convoy', 5.56, 'reb'],
    ]);
    expect(north.servesSiteId).toBeNull();
  });

  it('totals what a mandate would cover: people, sites, corridor km and incidents, each once', () => {
    const n = needsOn('2024-08-15');
    expect(n.totals).toMatchObject({
      people: 40000,
      sites: 2,
      sitesWithoutFigure: 1,
      corridors: 2,
      incidents: 2,
    });
    // 0.3417417° + 0.5° of corridor at the equator.
    expect(n.totals.corridorKm).toBeCloseTo(93.597, 1);
  });

  it('takes its window and buffer from its parameters', () => {
    // 30 days: the North convoy attack (45 days old) no longer counts, and North camp is not protected.
    expect(needsOn('2024-08-15', { guardWindowDays: 30 }).corridors.map((c) => c.corridorId)).toEqual([
      'c_east',
    ]);
    // 5 km: the attack 5.56 km off the North corridor is outside.
    const narrow = needsOn('2024-08-15', { guardBufferKm: 5 });
    expect(narrow.corridors.map((c) => c.corridorId)).toEqual(['c_east']);
    expect(narrow.totals.incidents).toBe(1);
    expect(() => needsOn('2024-08-15', { guardBufferKm: -1 })).toThrow(/guardBufferKm/);
  });

  it('counts an attack at the edge of the buffer (incidents are first picked by the grown box of the line)', () => {
    // The North convoy attack is 5.56 km off (rounded to metres): in at 5.56, out at 5.559.
    const at = (km: number) =>
      needsOn('2024-08-15', { guardBufferKm: km }).corridors.map((c) => c.corridorId);
    expect(at(5.56)).toEqual(['c_east', 'c_north']);
    expect(at(5.559)).toEqual(['c_east']);
  });

  it('needs nothing before the front line and the attacks', () => {
    const n = needsOn('2023-12-01');
    expect(n.sites).toEqual([]);
    expect(n.corridors).toEqual([]);
    expect(n.totals).toEqual({
      people: 0,
      sites: 0,
      sitesWithoutFigure: 0,
      corridors: 0,
      corridorKm: 0,
      incidents: 0,
    });
  });
});

describe('protectionNeeds on the default scenario, against the timeline', () => {
  const situation = loadSituationFromDir('geodata');
  const sudan = createAnalyzer(situation);
  const on = (date: string) => protectionNeeds(sudan.analyze(date), situation);

  it('Zamzam needs protection before the RSF took it (2025-04-13), and not once it was emptied', () => {
    const before = on('2025-04-10');
    expect(before.sites.find((s) => s.siteId === 'sd_zamzam')).toMatchObject({ people: 500000 });
    expect(before.corridors.find((c) => c.corridorId === 'cor_tine_zamzam')?.why).toContain(
      'serves_protected_site',
    );
    expect(on('2025-06-20').sites.map((s) => s.siteId)).not.toContain('sd_zamzam');
  });

  it('the attack on the Zamzam clinic (2025-04-11) puts the corridors through Zamzam under guard', () => {
    const n = on('2025-06-20');
    for (const id of ['cor_tine_zamzam', 'cor_nyala_el_fasher']) {
      const c = n.corridors.find((x) => x.corridorId === id)!;
      expect(c.incidents.map((i) => i.id)).toEqual(['inc_20250411_zamzam_clinic']);
      expect(c.actorIds).toContain('rsf');
    }
  });

  it('fallen El Fasher (2025-10-26) still needs protection in November 2025', () => {
    const n = on('2025-11-04');
    expect(n.sites.find((s) => s.siteId === 'sd_el_fasher')?.reasons.length).toBeGreaterThan(0);
    expect(n.totals.people).toBeGreaterThanOrEqual(250000);
  });
});

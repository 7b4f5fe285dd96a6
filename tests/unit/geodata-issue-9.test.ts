// The facts issue 9 added to the default scenario (geodata/), each where the timeline and its sources put it:
// the siege of El Fasher, Zamzam's population and emptying, findings with their projection periods, El Geneina
// and Kutum under the RSF, the Al Koma attack in Al Koma locality (OCHA COD-AB, ../shared/realdata), and
// violence against civilians by the RSF.
import { existsSync, readFileSync } from 'node:fs';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isValidOn } from '$lib/domain/asOf';
import { siteFindingsOn } from '$lib/domain/siteFindingsOn';
import { siteStatusOn } from '$lib/domain/siteStatusOn';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const situation = loadSituationFromDir('geodata');
const COD_ADMIN2 = '../shared/realdata/sdn_cod_admin2.geojson';

const site = (id: string) => situation.sites.find((s) => s.properties.id === id)!;
const at = (id: string) => point(site(id).geometry.coordinates);
/** The areas of control that contain a site on a date, as `actor/confidence`. */
const heldAs = (id: string, date: string) =>
  situation.areas
    .filter((a) => isValidOn(a.properties, date) && booleanPointInPolygon(at(id), a))
    .map((a) => `${a.properties.actorId}/${a.properties.confidence}`);

describe('issue 9 facts in the default scenario', () => {
  it('encodes the RSF siege of El Fasher from 2024-05-10 until its fall on 2025-10-26, round the city but not Zamzam (items 19, 42, 48)', () => {
    const siege = situation.constraints.find((c) => c.properties.kind === 'siege')!;
    expect(siege.properties).toMatchObject({
      id: 'con_2024_el_fasher_siege',
      actorId: 'rsf',
      validFrom: '2024-05-10',
      validTo: '2025-10-26',
    });
    const ring = siege as Feature<Polygon | MultiPolygon>;
    for (const id of ['sd_el_fasher', 'sd_abu_shouk', 'sd_al_salam_fasher'])
      expect(booleanPointInPolygon(at(id), ring), id).toBe(true);
    expect(booleanPointInPolygon(at('sd_zamzam'), ring)).toBe(false);
  });

  it('gives Zamzam its 2024 population of 500,000 with the range to 1 million, and its emptying towards Tawila on 2025-04-13 (items 37, 40, 47)', () => {
    const z = site('sd_zamzam');
    expect(siteFindingsOn(z, '2024-08-15').population).toMatchObject({
      value: 500_000,
      date: '2024-01-01',
      range: [500_000, 1_000_000],
    });
    expect(siteStatusOn(z, '2025-04-12').status).toBe('active');
    expect(siteStatusOn(z, '2025-04-13')).toMatchObject({
      status: 'emptied',
      since: '2025-04-13',
      movedTo: [{ siteId: 'sd_tawila', population: null }],
    });
  });

  it('lets famine findings hold for their projection periods only (items 23, 31, 44)', () => {
    const finding = (id: string, date: string) => siteFindingsOn(site(id), date).finding;
    expect(finding('sd_zamzam', '2024-10-31')?.famine).toBe(true);
    expect(finding('sd_zamzam', '2024-11-01')).toBeNull(); // "likely to last to end-October 2024"
    expect(finding('sd_zamzam', '2024-12-24')?.famine).toBe(true);
    for (const id of ['sd_zamzam', 'sd_abu_shouk', 'sd_al_salam_fasher'])
      expect(finding(id, '2025-06-01'), id).toBeNull(); // projected through May 2025
    expect(finding('sd_el_fasher', '2026-01-31')?.famine).toBe(true); // October 2025 – January 2026
    expect(finding('sd_el_fasher', '2026-02-01')).toBeNull();
  });

  it('shows El Geneina RSF-held from about 2023-06-22 and Kutum from 2023-06-03 (item 7; Radio Dabanga 2023-06-06)', () => {
    expect(heldAs('sd_el_geneina', '2023-05-01')).toEqual(['rsf/contested']);
    expect(heldAs('sd_el_geneina', '2023-06-22')).toEqual(['rsf/assessed']);
    expect(heldAs('sd_kutum', '2023-06-02')).toEqual([]);
    expect(heldAs('sd_kutum', '2023-06-03')).toEqual(['rsf/assessed']);
  });

  it('places the Al Koma convoy attack inside Al Koma locality of the OCHA boundaries (item 39; needs ../shared/realdata)', () => {
    expect(existsSync(COD_ADMIN2), `${COD_ADMIN2} is missing: ../shared must sit beside the repository`).toBe(
      true,
    );
    const localities = JSON.parse(readFileSync(COD_ADMIN2, 'utf8')) as {
      features: Feature<Polygon | MultiPolygon, { adm2_pcode: string; adm2_name: string }>[];
    };
    const attack = situation.incidents.find((i) => i.properties.id === 'inc_20250602_convoy_al_koma')!;
    const inside = localities.features.filter((f) => booleanPointInPolygon(attack.geometry.coordinates, f));
    expect(inside.map((f) => `${f.properties.adm2_pcode} ${f.properties.adm2_name}`)).toEqual([
      'SD02116 Al Koma',
    ]);
  });

  it('records violence against civilians by the RSF before and after the fall of El Fasher (items 13, 37, 42)', () => {
    const vac = situation.incidents
      .filter((i) => i.properties.category === 'violence_against_civilians')
      .map((i) => [i.properties.id, i.properties.actorId]);
    expect(vac).toEqual([
      ['inc_20231104_ardamata_killings', 'rsf'],
      ['inc_20250411_zamzam', 'rsf'],
      ['inc_20251028_el_fasher_saudi_hospital', 'rsf'],
    ]);
  });
});

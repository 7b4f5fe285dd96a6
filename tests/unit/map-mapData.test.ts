import { describe, expect, it } from 'vitest';
import { mapDataOn } from '$lib/map/mapData';
import { situation } from './map-fixture';

const ids = (fc: { features: { properties: Record<string, unknown> }[] }) =>
  fc.features.map((f) => f.properties.id);
const props = (fc: { features: { properties: Record<string, unknown> }[] }, id: string) =>
  fc.features.find((f) => f.properties.id === id)?.properties;

describe('mapDataOn', () => {
  it('keeps only what counts on the date', () => {
    const before = mapDataOn(situation(), '2024-05-01');
    const after = mapDataOn(situation(), '2024-08-20');
    expect(ids(before.areas)).toEqual(['a_west']);
    expect(ids(after.areas)).toEqual(['a_west', 'a_fasher']);
    expect(ids(before.frontlines)).toEqual([]);
    expect(ids(after.frontlines)).toEqual(['f1']);
    // Kutum stopped counting on 2024-01-01.
    expect(ids(after.sites)).toEqual(['sd_zamzam', 'td_abeche']);
  });

  it('gives each crossing its status on the date', () => {
    expect(props(mapDataOn(situation(), '2024-05-01').crossings, 'td_adre_crossing')?.status).toBe('closed');
    expect(props(mapDataOn(situation(), '2024-08-15').crossings, 'td_adre_crossing')?.status).toBe('open');
    expect(mapDataOn(situation(), '2023-05-01').crossings.features).toEqual([]);
  });

  it('gives each site its latest figures on the date, 0 where there is none', () => {
    const july = props(mapDataOn(situation(), '2024-07-01').sites, 'sd_zamzam');
    expect(july).toMatchObject({
      population: 300000,
      ipcPhase: 4,
      famine: false,
      nameAr: 'معسكر زمزم للنازحين',
    });
    const august = props(mapDataOn(situation(), '2024-08-15').sites, 'sd_zamzam');
    expect(august).toMatchObject({ population: 300000, ipcPhase: 5, famine: true });
    expect(props(mapDataOn(situation(), '2024-08-15').sites, 'td_abeche')).toMatchObject({
      population: 0,
      ipcPhase: 0,
      hub: true,
    });
  });

  it('colours areas by their actor', () => {
    const a = props(mapDataOn(situation(), '2024-08-20').areas, 'a_fasher');
    expect(a).toMatchObject({ actorId: 'saf', actorName: 'SAF', color: '#1F77B4', confidence: 'contested' });
  });

  it('shows incidents of the last 30 days only', () => {
    expect(ids(mapDataOn(situation(), '2024-08-15').incidents)).toEqual(['i_recent']);
    expect(ids(mapDataOn(situation(), '2024-06-20').incidents)).toEqual(['i_old']);
  });

  it('marks roads impassable in the months of the as-of date', () => {
    expect(props(mapDataOn(situation(), '2024-08-15').roads, 'r_track')?.impassable).toBe(true);
    expect(props(mapDataOn(situation(), '2024-11-15').roads, 'r_track')?.impassable).toBe(false);
  });

  it('leaves corridors unknown until the analysis gives a status, and carries site flags', () => {
    expect(props(mapDataOn(situation(), '2024-08-15').corridors, 'c_adre')?.status).toBe('unknown');
    const annotated = mapDataOn(situation(), '2024-08-15', {
      corridorStatus: { c_adre: 'blocked' },
      siteFlags: { sd_zamzam: ['protection', 'famine'] },
    });
    expect(props(annotated.corridors, 'c_adre')?.status).toBe('blocked');
    expect(props(annotated.sites, 'sd_zamzam')?.flags).toBe('protection,famine');
  });

  it('does not mutate the situation', () => {
    const s = situation();
    const copy = structuredClone(s);
    mapDataOn(s, '2024-08-15', { corridorStatus: { c_adre: 'open' } });
    expect(s).toEqual(copy);
  });
});

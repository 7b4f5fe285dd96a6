// How the map tells a besieged site and an emptied (inactive) camp from a reachable one: the style expressions
// evaluated by MapLibre's own engine, the layers that carry them, and the properties mapDataOn gives the sites.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { featureDetails } from '$lib/map/featureDetails';
import { areaPartFilter, siegeRingFilter } from '$lib/map/areasLayer';
import { mapDataOn } from '$lib/map/mapData';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import {
  SITE_INACTIVE_COLOR,
  SITE_SIEGE_COLOR,
  siteBesiegedFilter,
  siteColor,
  siteInactiveFilter,
  siteOpacity,
  siteStrokeColor,
} from '$lib/map/sitesLayer';
import { buildStyle } from '$lib/map/style';
import { evaluate, hex, passes } from './map-evaluate';
import { situation } from './map-fixture';

const color = (p: Record<string, unknown>) => hex(evaluate('circle', 'circle-color', siteColor(), p));

describe('site status on the map', () => {
  it('greys out a site that is not active, whatever its IPC phase; an active one keeps the IPC colour', () => {
    expect(color({ ipcPhase: 5, status: 'active' })).toBe('#640000');
    expect(color({ ipcPhase: 5 })).toBe('#640000');
    for (const status of ['emptied', 'destroyed', 'closed', 'relocated'])
      expect(color({ ipcPhase: 5, status })).toBe(SITE_INACTIVE_COLOR);
    expect(SITE_INACTIVE_COLOR).not.toBe('#ffffff'); // not the "no IPC figure" white either
    const opacity = (status: string) =>
      evaluate('circle', 'circle-opacity', siteOpacity(), { status }) as number;
    expect(opacity('emptied')).toBeLessThan(opacity('active'));
    expect(hex(evaluate('circle', 'circle-stroke-color', siteStrokeColor(), { status: 'emptied' }))).not.toBe(
      hex(
        evaluate('circle', 'circle-stroke-color', siteStrokeColor(), { status: 'active', kind: 'idp_camp' }),
      ),
    );
  });

  it('rings only besieged sites, and crosses out only inactive ones', () => {
    expect(passes(siteBesiegedFilter(), { besieged: true })).toBe(true);
    expect(passes(siteBesiegedFilter(), { besieged: false })).toBe(false);
    expect(passes(siteInactiveFilter(), { status: 'emptied' })).toBe(true);
    expect(passes(siteInactiveFilter(), { status: 'active' })).toBe(false);
    expect(passes(siteInactiveFilter(), {})).toBe(false);
  });

  it('draws the siege ring and the cross in the sites group, above the site circles', () => {
    const layers = buildStyle({ base: 'http://localhost' }).layers;
    const ids = layers.map((l) => l.id);
    const siege = layers.find((l) => l.id === 'sites-siege') as LayerSpecification & {
      paint: Record<string, unknown>;
      metadata: Record<string, unknown>;
    };
    const mark = layers.find((l) => l.id === 'sites-inactive-mark') as LayerSpecification & {
      layout: Record<string, unknown>;
      metadata: Record<string, unknown>;
    };
    expect(siege.metadata['corridor:group']).toBe('sites');
    expect(mark.metadata['corridor:group']).toBe('sites');
    expect(siege.paint['circle-stroke-color']).toBe(SITE_SIEGE_COLOR);
    expect(mark.layout['text-field']).toBe('×');
    expect(ids.indexOf('sites-siege')).toBeGreaterThan(ids.indexOf('sites-circle'));
    expect(ids.indexOf('sites-inactive-mark')).toBeGreaterThan(ids.indexOf('sites-circle'));
  });

  it('gives each site its status and siege from the analysis, active and not besieged without it', () => {
    const props = (annotations: Parameters<typeof mapDataOn>[2]) =>
      mapDataOn(situation(), '2024-08-20', annotations).sites.features.find(
        (f) => f.properties.id === 'sd_zamzam',
      )?.properties;
    expect(props({})).toMatchObject({ status: 'active', besieged: false });
    const active = props({})!.population as number;
    expect(active).toBeGreaterThan(0);
    // An emptied camp is drawn at the smallest size: its last count is of people who have left.
    expect(props({ siteStatus: { sd_zamzam: { status: 'emptied', besieged: false } } })).toMatchObject({
      status: 'emptied',
      besieged: false,
      population: 0,
    });
    expect(props({ siteStatus: { sd_zamzam: { status: 'active', besieged: true } } })).toMatchObject({
      status: 'active',
      besieged: true,
    });
  });

  it('draws and describes only the findings that hold on the date: a famine finding past its period is gone', () => {
    const zamzam = (date: string) =>
      mapDataOn(situation(), date).sites.features.find((f) => f.properties.id === 'sd_zamzam')?.properties;
    expect(zamzam('2024-08-15')).toMatchObject({ ipcPhase: 5, famine: true });
    // The fixture's finding of 2024-08-01 has no validTo: it holds 365 days, to 2025-08-01.
    expect(zamzam('2025-09-01')).toMatchObject({ ipcPhase: 0, famine: false });
    const d = featureDetails(situation(), 'sd_zamzam', '2025-09-01')!;
    expect(d.facts.find((f) => f.label === 'IPC phase')?.value).toBe('No valid finding on this date');
    expect(d.facts.find((f) => f.label === 'Famine finding')).toBeUndefined();
    expect(d.ipcPhase).toBeUndefined();
  });

  it('draws the siege ring of El Fasher with the areas while the siege lasts, apart from the areas themselves', () => {
    const geodata = loadSituationFromDir('geodata');
    const sieges = (date: string) =>
      mapDataOn(geodata, date).areas.features.filter((f) => passes(siegeRingFilter(), f.properties, 3));
    expect(sieges('2024-11-20').map((f) => f.properties)).toEqual([
      expect.objectContaining({ id: 'con_2024_el_fasher_siege', part: 'siege', actorId: 'rsf' }),
    ]);
    expect(sieges('2024-05-09')).toEqual([]);
    expect(sieges('2025-10-26')).toEqual([]);
    // The fill, hatch and outline of the areas of control leave the ring out; the ring layer takes only it.
    const areas = mapDataOn(geodata, '2024-11-20').areas.features;
    expect(
      areas.filter((f) => !passes(areaPartFilter(), f.properties, 3)).map((f) => f.properties.id),
    ).toEqual(['con_2024_el_fasher_siege']);
    const layers = buildStyle({ base: 'http://localhost' }).layers;
    expect(layers.find((l) => l.id === 'areas-siege')).toMatchObject({
      type: 'line',
      filter: siegeRingFilter(),
    });
    for (const id of ['areas-fill', 'areas-outline'])
      expect(JSON.stringify((layers.find((l) => l.id === id) as { filter?: unknown }).filter)).toContain(
        'siege',
      );
  });
});

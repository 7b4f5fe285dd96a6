// The tiled map's endpoints (docs/scaling.md, "The map at scale") on the embedded database: vector tiles of
// what the caller may see, decoded with @mapbox/vector-tile; the verdicts of a date, equal to the server's
// analysis; one feature's details; public ones cached with an ETag (304 when it matches), signed-in ones
// private. A restricted camp is stored beside El Fasher: no public answer may show it.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { strongEtag } from '$lib/server/http/cache';
import { contentHash } from '$lib/server/http/contentVersion';
import { publicSituation } from '$lib/server/http/publicSituation';
import { mapMeta } from '$lib/server/mapView/mapMode';
import { startServices, type Services } from '$lib/server/services';
import type { MapVerdicts } from '$lib/map/mapVerdicts';
import { decodeVerdicts, type VerdictsWire } from '$lib/map/verdictsWire';
import { hotspotList } from '$lib/map/hotspotList';
import { neededProtection } from '$lib/domain/analysis/neededProtection';
import { situationForView } from '$lib/server/mapView/viewSituation';
import { warmUpSettled } from '$lib/server/mapView/verdictsWarmUp';
import { campFeature, publicReadsFresh } from '../helpers/mapTestData';

const SECRET = 'secret_tiles_camp';
const AT: [number, number] = [25.35, 13.63];
const admin = { id: 2, email: 'a@example.org', role: 'admin' };

let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

// Counts the tiles cut and encoded, to show that a revalidation cuts none.
const cut = vi.hoisted(() => ({ tiles: 0 }));
vi.mock('$lib/server/mapView/vectorTiles', async (importOriginal) => {
  const actual = await importOriginal<typeof import('$lib/server/mapView/vectorTiles')>();
  return {
    ...actual,
    vectorTile: (...a: Parameters<typeof actual.vectorTile>) => {
      cut.tiles++;
      return actual.vectorTile(...a);
    },
  };
});

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  await createFeature(
    services.database.db,
    'sites',
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: AT },
      properties: {
        id: SECRET,
        name: 'Secret tiles camp',
        source: 'staff',
        sensitivity: 'restricted',
        kind: 'idp_camp',
        country: 'SDN',
        figures: [{ date: '2024-06-01', population: 40_000, source: 'staff' }],
      },
    },
    'test',
  );
  await publicReadsFresh();
});
afterAll(async () => {
  await warmUpSettled();
  await services.database.close();
});

async function get(
  file: string,
  path: string,
  o: { viewer?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ `../../src/routes/${file}`)) as {
    GET: (e: unknown) => Promise<Response>;
  };
  const url = new URL(path, 'http://localhost');
  const request = new Request(url, { headers: o.headers });
  try {
    return await mod.GET({ request, url, params: o.params ?? {}, locals: { viewer: o.viewer ?? null } });
  } catch (e) {
    // SvelteKit's `error()` throws an HttpError; the server turns it into a response.
    const { status, body } = e as { status?: number; body?: { message: string } };
    if (typeof status !== 'number') throw e;
    return new Response(body?.message ?? '', { status });
  }
}

/** The tile of zoom `z` holding a position (Web Mercator, as MapLibre asks for it). */
function tileAt([lon, lat]: [number, number], z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z: String(z), x: String(x), y: String(y) };
}

const TILE = 'tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
async function tile(layer: string, at: [number, number], z: number, viewer?: unknown, headers = {}) {
  const p = { layer, ...tileAt(at, z) };
  return get(TILE, `/tiles/${layer}/${p.z}/${p.x}/${p.y}.mvt`, { viewer, params: p, headers });
}
async function decoded(res: Response, layer: string, at: [number, number], z: number) {
  const t = tileAt(at, z);
  const vt = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
  const l = vt.layers[layer];
  return l
    ? Array.from({ length: l.length }, (_, i) => l.feature(i).toGeoJSON(Number(t.x), Number(t.y), z))
    : [];
}

describe('vector tiles', () => {
  it('decode to the sites of the tile, public ones only for anonymous visitors, all for an administrator', async () => {
    const anonymous = await decoded(await tile('sites', AT, 6), 'sites', AT, 6);
    const staff = await decoded(await tile('sites', AT, 6, admin), 'sites', AT, 6);
    const ids = (fs: typeof anonymous) => fs.map((f) => f.properties?.id);
    expect(ids(anonymous)).toContain('sd_el_fasher');
    expect(ids(anonymous)).not.toContain(SECRET);
    expect(ids(staff)).toContain(SECRET);
    expect(staff.length).toBe(anonymous.length + 1);
    // Small properties, and the position back within a tile unit (at zoom 6, ~0.0015°).
    const secret = staff.find((f) => f.properties?.id === SECRET)!;
    expect(secret.properties).toMatchObject({
      name: 'Secret tiles camp',
      kind: 'idp_camp',
    });
    expect(secret.properties).not.toHaveProperty('source');
    const [lon, lat] = (secret.geometry as GeoJSON.Point).coordinates;
    expect(Math.abs(lon - AT[0])).toBeLessThan(0.01);
    expect(Math.abs(lat - AT[1])).toBeLessThan(0.01);
  });

  it('carry nothing that depends on the date: that comes with the verdicts, as feature state', async () => {
    const roads = await decoded(await tile('roads', AT, 5), 'roads', AT, 5);
    expect(roads.length).toBeGreaterThan(0);
    expect(Object.keys(roads[0].properties ?? {}).sort()).toEqual(['class', 'id']);
    const areas = await decoded(await tile('areas', AT, 5), 'areas', AT, 5);
    expect(areas.length).toBeGreaterThan(0);
    for (const f of areas) expect(Object.keys(f.properties ?? {})).not.toContain('from');
  });

  it('leave tracks and minor incidents out of the country-wide view, and have them zoomed in', async () => {
    // A track of North Darfur (rd_rokero_tawila) and a severity-2 incident of North Kordofan (Um Sumeima).
    const TRACK: [number, number] = [24.6, 13.4];
    const ARMEL: [number, number] = [29.7, 13.15];
    const classes = async (z: number) =>
      new Set(
        (await decoded(await tile('roads', TRACK, z), 'roads', TRACK, z)).map((f) => f.properties?.class),
      );
    expect([...(await classes(5))]).toEqual(['primary']);
    expect(await classes(6)).toEqual(new Set(['primary', 'secondary']));
    expect(await classes(8)).toContain('track');
    const incidents = async (z: number) =>
      (await decoded(await tile('incidents', ARMEL, z), 'incidents', ARMEL, z)).map((f) => f.properties!);
    const country = await incidents(5);
    expect(country.length).toBeGreaterThan(0);
    for (const p of country) expect(p.severity).toBe(3);
    expect((await incidents(6)).map((p) => p.id)).toContain('inc_20241127_armel');
  });

  it('are public with an ETag for anonymous visitors, 304 when it matches; private for staff', async () => {
    const first = await tile('sites', AT, 6);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(first.headers.get('cache-control')).toMatch(/^public/);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    const again = await tile('sites', AT, 6, null, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another tile, another tag.
    expect((await tile('sites', AT, 7)).headers.get('etag')).not.toBe(etag);
    const staff = await tile('sites', AT, 6, admin, { 'if-none-match': etag });
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect(staff.headers.get('etag')).toBeNull();
  });

  it('answer 404 naming the problem for a layer or tile that does not exist', async () => {
    const layer = await get(TILE, '/tiles/convoys/1/0/0.mvt', {
      params: { layer: 'convoys', z: '1', x: '0', y: '0' },
    });
    expect(layer.status).toBe(404);
    expect(await layer.text()).toContain('no map layer "convoys"');
    const far = await get(TILE, '/tiles/sites/3/9/0.mvt', {
      params: { layer: 'sites', z: '3', x: '9', y: '0' },
    });
    expect(far.status).toBe(404);
    expect(await far.text()).toContain('x and y go from 0 to 7 at zoom 3');
  });
});

describe('verdicts of a date', () => {
  const VERDICTS = 'map/verdicts.json/+server.ts';
  // As the map reads them: the body in its compact shape, decoded (`verdictsWire.ts`).
  const verdicts = async (date: string, viewer?: unknown): Promise<MapVerdicts> =>
    decodeVerdicts(
      (await (await get(VERDICTS, `/map/verdicts.json?date=${date}`, { viewer })).json()) as VerdictsWire,
    );

  it('are the server analysis of the date, corridor by corridor and site by site', async () => {
    const report = (await services.store.analyzerFor(null)).analyze('2024-08-20');
    const v = await verdicts('2024-08-20');
    expect(v.asOf).toBe('2024-08-20');
    expect(Object.keys(v.corridors).sort()).toEqual(report.corridors.map((c) => c.id).sort());
    for (const c of report.corridors) expect(v.corridors[c.id].status).toBe(c.status);
    for (const s of report.sites) {
      expect(v.sites[s.id].flags).toBe(s.flags.join(','));
      expect(v.sites[s.id].status).toBe(s.status);
    }
    expect(v.totals).toEqual(report.totals);
    // A blocked corridor says why, by reason code.
    const blocked = Object.values(v.corridors).find((c) => c.status === 'blocked');
    expect(blocked?.reasons.length).toBeGreaterThan(0);
  });

  it('change with the date: the crossing at Adré and corridor statuses differ between two dates', async () => {
    const early = await verdicts('2023-05-01');
    const late = await verdicts('2025-11-04');
    expect(early.asOf).not.toBe(late.asOf);
    const changed = Object.keys(late.corridors).filter(
      (id) => early.corridors[id] && early.corridors[id].status !== late.corridors[id].status,
    );
    const crossings = Object.keys(late.crossings).filter((id) => early.crossings[id] !== late.crossings[id]);
    expect(changed.length + crossings.length).toBeGreaterThan(0);
  });

  it('say what of the tiles counts on the date: areas out of force, incidents of the window', async () => {
    // One area of control ends on 10 May 2024, another starts that day.
    const [may, aug] = [await verdicts('2024-05-01'), await verdicts('2024-08-20')];
    expect(may.visibility.hidden.areas).toContain('area_saf_contested_darfur_20240510');
    expect(may.visibility.hidden.areas).not.toContain('area_saf_assessed_darfur_20230415');
    expect(aug.visibility.hidden.areas).toContain('area_saf_assessed_darfur_20230415');
    // The incidents of 10 May 2024 count in the window (30 days) of 20 May, none in August's.
    expect((await verdicts('2024-05-20')).visibility.incidents.length).toBeGreaterThan(0);
    expect(aug.visibility.incidents).toEqual([]);
  });

  it('carry the hotspot and protection panels of the date, as the whole map builds them from its report', async () => {
    const situation = await situationForView(services.store, null);
    const report = (await services.store.analyzerFor(null)).analyze('2024-08-20');
    const v = await verdicts('2024-08-20');
    // The panels are not empty on this date (the comparison below would hold for empty ones too).
    expect(v.hotspotList.ranked.length).toBeGreaterThan(0);
    expect(v.protection.sites.length).toBeGreaterThan(0);
    expect(v.hotspotList).toEqual(JSON.parse(JSON.stringify(hotspotList(report))));
    expect(v.protection).toEqual(JSON.parse(JSON.stringify(neededProtection(report, situation))));
    // Of another date, another list.
    expect((await verdicts('2023-05-01')).hotspotList).not.toEqual(v.hotspotList);
    // An administrator's panels count the restricted camp; the public's never name it.
    const staff = await verdicts('2024-08-20', admin);
    const named = (x: MapVerdicts) =>
      [...x.hotspotList.ranked, ...x.hotspotList.unranked, ...x.protection.sites].some(
        (e) => e.siteId === SECRET,
      );
    expect(named(staff)).toBe(true);
    expect(named(v)).toBe(false);
  });

  it('leave out the restricted camp for anonymous visitors, and hold it for an administrator', async () => {
    const anonymous = await get(VERDICTS, '/map/verdicts.json?date=2024-08-20');
    expect(await anonymous.text()).not.toContain(SECRET);
    expect((await verdicts('2024-08-20', admin)).sites[SECRET]).toMatchObject({
      status: 'active',
      population: 40_000,
    });
  });

  it('revalidate to 304 for the same date, and answer a bad date with 400 naming it', async () => {
    const first = await get(VERDICTS, '/map/verdicts.json?date=2024-08-20');
    const etag = first.headers.get('etag')!;
    const again = await get(VERDICTS, '/map/verdicts.json?date=2024-08-20', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const other = await get(VERDICTS, '/map/verdicts.json?date=2024-08-21', {
      headers: { 'if-none-match': etag },
    });
    expect(other.status).toBe(200);
    const bad = await get(VERDICTS, '/map/verdicts.json?date=2024-13-40');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('date "2024-13-40" is not a date as YYYY-MM-DD (parameter "date")');
    const none = await get(VERDICTS, '/map/verdicts.json');
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('parameter "date" is missing');
  });
});

describe('one feature', () => {
  const FEATURE = 'map/features/[id]/+server.ts';
  const feature = (id: string, viewer?: unknown) =>
    get(FEATURE, `/map/features/${id}?date=2024-08-20`, { viewer, params: { id } });

  it('gives a site with its verdict and the features the verdict names', async () => {
    const res = await feature('sd_el_fasher');
    expect(res.status).toBe(200);
    const view = (await res.json()) as {
      situation: { sites: { properties: { id: string } }[] };
      report: { sites: { id: string; reasons: { featureId: string }[] }[] };
    };
    expect(view.report.sites.map((s) => s.id)).toEqual(['sd_el_fasher']);
    expect(view.situation.sites.map((s) => s.properties.id)).toContain('sd_el_fasher');
    const named = new Set(
      Object.values(view.situation)
        .filter(Array.isArray)
        .flatMap((l: { properties: { id: string } }[]) => l.map((f) => f.properties.id)),
    );
    for (const r of view.report.sites[0].reasons)
      expect(named.has(r.featureId) || r.featureId === '').toBe(true);
  });

  it('answers the restricted camp as missing for anonymous visitors, and gives it to an administrator', async () => {
    const anonymous = await feature(SECRET);
    const missing = await feature('never_used');
    expect(anonymous.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await anonymous.text()).toBe((await missing.text()).replace('never_used', SECRET));
    expect((await feature(SECRET, admin)).status).toBe(200);
  });
});

describe('the map mode', () => {
  it('is whole for the default scenario and tiled above the threshold', async () => {
    const res = await get('map/meta.json/+server.ts', '/map/meta.json');
    const meta = (await res.json()) as ReturnType<typeof mapMeta>;
    expect(meta.mode).toBe('whole');
    expect(meta.features).toBeGreaterThan(100);
    expect(meta.features).toBeLessThan(meta.threshold);
    const situation = await services.store.situationFor(null);
    expect(mapMeta(situation, meta.features - 1).mode).toBe('tiled');
    expect(mapMeta(situation, meta.features).mode).toBe('whole');
  });
});

// A revalidation is what the map sends most (every tile and date it holds, each minute): it must cost a tag's
// check, not a tile's cut, an analysis or a read of the features from the database. The clock is held still
// so that the public situation is not due for its once-a-second check during the revalidation itself.
describe('a revalidation (304)', () => {
  const FEATURE = 'map/features/[id]/+server.ts';
  const VERDICTS = 'map/verdicts.json/+server.ts';

  async function counted(ask: () => Promise<Response>) {
    // The warm-up of the dates answered before (`verdictsWarmUp.ts`) analyses in the background: done first.
    await warmUpSettled();
    const reads = vi.spyOn(services.store, 'situationFor');
    const analyses = vi.spyOn(services.store, 'analysisFor');
    const reports = vi.spyOn(services.store, 'reportOf');
    const tiles = cut.tiles;
    try {
      const res = await ask();
      return {
        status: res.status,
        reads: reads.mock.calls.length,
        analyses: analyses.mock.calls.length + reports.mock.calls.length,
        tiles: cut.tiles - tiles,
      };
    } finally {
      reads.mockRestore();
      analyses.mockRestore();
      reports.mockRestore();
    }
  }

  it('of a tile cuts no tile and reads nothing from the database', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const first = await counted(() => tile('roads', AT, 6));
      expect(first).toMatchObject({ status: 200, tiles: 1 });
      const etag = (await tile('roads', AT, 6)).headers.get('etag')!;
      const again = await counted(() => tile('roads', AT, 6, null, { 'if-none-match': etag }));
      expect(again).toEqual({ status: 304, reads: 0, analyses: 0, tiles: 0 });
      // A tile outside the pyramid is still a 404, whatever tag the client sends.
      const far = await get(TILE, '/tiles/roads/3/9/0.mvt', {
        params: { layer: 'roads', z: '3', x: '9', y: '0' },
        headers: { 'if-none-match': '*' },
      });
      expect(far.status).toBe(404);
    } finally {
      vi.useRealTimers();
    }
  });

  it("of a date's verdicts analyses nothing, even for a date the server has not analysed yet", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // The tag the server gives a date's verdicts is known from the public content alone.
      const situation = await publicSituation(services.store);
      const etag = strongEtag('map-view', contentHash(situation), 'verdicts', '2024-03-03');
      const path = '/map/verdicts.json?date=2024-03-03';
      const again = await counted(() => get(VERDICTS, path, { headers: { 'if-none-match': etag } }));
      expect(again).toEqual({ status: 304, reads: 0, analyses: 0, tiles: 0 });
      const full = await get(VERDICTS, path);
      expect(full.status).toBe(200);
      expect(full.headers.get('etag')).toBe(etag);
    } finally {
      vi.useRealTimers();
    }
  });

  it("of a feature's details analyses nothing; a feature the caller may not see is still a 404", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const path = '/map/features/sd_el_fasher?date=2024-05-05';
      const first = await get(FEATURE, path, { params: { id: 'sd_el_fasher' } });
      const etag = first.headers.get('etag')!;
      const again = await counted(() =>
        get(FEATURE, path, { params: { id: 'sd_el_fasher' }, headers: { 'if-none-match': etag } }),
      );
      expect(again).toEqual({ status: 304, reads: 0, analyses: 0, tiles: 0 });
      const secret = await get(FEATURE, `/map/features/${SECRET}?date=2024-05-05`, {
        params: { id: SECRET },
        headers: { 'if-none-match': '*' },
      });
      expect(secret.status).toBe(404);
    } finally {
      vi.useRealTimers();
    }
  });
});

// Last in this file: it adds records. A public tag is a function of public content only, so an edit of a
// restricted record leaves it as it was (and so reveals nothing of the edit), while a public one changes it.
describe('public tags', () => {
  const etags = async () =>
    Promise.all([
      get('map/meta.json/+server.ts', '/map/meta.json'),
      get('map/verdicts.json/+server.ts', '/map/verdicts.json?date=2024-08-20'),
      tile('sites', AT, 6),
    ]).then((rs) => rs.map((r) => r.headers.get('etag')));
  const camp = (id: string, sensitivity: string) =>
    createFeature(
      services.database.db,
      'sites',
      campFeature(id, sensitivity, { at: [AT[0] + 0.05, AT[1]], population: 1_000 }),
      'test',
    );

  it('stay when a restricted record is added, and change when a public one is', async () => {
    const before = await etags();
    expect(before.every((t) => t?.startsWith('"'))).toBe(true);
    await camp('secret_camp_2', 'restricted');
    await publicReadsFresh();
    expect(await etags()).toEqual(before);
    await camp('public_camp_2', 'public');
    await publicReadsFresh();
    const after = await etags();
    for (const [i, t] of after.entries()) expect(t).not.toBe(before[i]);
  });
});

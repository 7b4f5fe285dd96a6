// OGC API – Features: the endpoints' handlers called directly on a real (in-memory) database seeded with the
// default scenario, as a GIS client would call them over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerNames } from '$lib/domain/schemas';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import {
  apiDefinition,
  collection,
  collections,
  CONFORMANCE,
  conformance,
  feature,
  items,
  landingPage,
} from '$lib/server/ogc/endpoints';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { startServices, type Services } from '$lib/server/services';

let services: Services;
beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
});
afterAll(() => services.database.close());

const BASE = 'http://127.0.0.1:3000';
type Handler = (o: { store: Services['store']; request: Request; url: URL }) => Promise<Response>;
function call(handler: Handler, path: string, headers: Record<string, string> = {}) {
  const url = new URL(path, BASE);
  return handler({ store: services.store, request: new Request(url, { headers }), url });
}
const itemsOf = (id: string, query = '', headers: Record<string, string> = {}) =>
  call((o) => items(o, id), `/ogc/collections/${id}/items${query}`, headers);
const json = async (r: Response) => {
  expect(r.status).toBe(200);
  return r.json();
};
/** Public reads check the database at most once a second: wait that out after a write. */
const freshnessPassed = () => new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS + 50));
const ids = (fc: { features: { id: string }[] }) => fc.features.map((f) => f.id);
const rel = (doc: { links: { rel: string; href: string }[] }, r: string) =>
  doc.links.find((l) => l.rel === r)?.href;

describe('OGC API – Features: landing page, conformance, API definition', () => {
  it('links the API definition, its documentation, the conformance and the collections', async () => {
    const doc = await json(await call(landingPage, '/ogc'));
    expect(doc.title).toBe('Sudan war 2023–2025 (Darfur focus)');
    expect(rel(doc, 'self')).toBe(`${BASE}/ogc?f=json`);
    expect(rel(doc, 'service-desc')).toBe(`${BASE}/ogc/api?f=json`);
    expect(rel(doc, 'service-doc')).toBe(`${BASE}/ogc/api?f=html`);
    expect(rel(doc, 'conformance')).toBe(`${BASE}/ogc/conformance`);
    expect(rel(doc, 'data')).toBe(`${BASE}/ogc/collections`);
  });

  it('declares Core, GeoJSON, HTML and OpenAPI 3.0', async () => {
    const doc = await json(await call(conformance, '/ogc/conformance'));
    expect(doc.conformsTo).toEqual(CONFORMANCE);
    expect(CONFORMANCE.map((c) => c.split('/').pop())).toEqual(['core', 'geojson', 'html', 'oas30']);
  });

  it('serves an OpenAPI 3.0 document describing every path, with limit 1–10,000 (default 10)', async () => {
    const r = await call(apiDefinition, '/ogc/api');
    expect(r.headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.0');
    const doc = await r.json();
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(Object.keys(doc.paths)).toEqual([
      '/',
      '/conformance',
      '/api',
      '/collections',
      '/collections/{collectionId}',
      '/collections/{collectionId}/items',
      '/collections/{collectionId}/items/{featureId}',
    ]);
    expect(doc.components.parameters.limit.schema).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 10000,
      default: 10,
    });
    expect(doc.components.parameters.collectionId.schema.enum).toEqual(layerNames);
  });
});

describe('OGC API – Features: collections', () => {
  it('has one collection per layer, each with its spatial and temporal extent', async () => {
    const doc = await json(await call(collections, '/ogc/collections'));
    expect(doc.collections.map((c: { id: string }) => c.id)).toEqual(layerNames);
    const areas = doc.collections.find((c: { id: string }) => c.id === 'areas');
    expect(areas.extent.temporal.interval[0][0]).toBe('2023-04-15T00:00:00Z');
    const [w, s, e, n] = areas.extent.spatial.bbox[0];
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    const incidents = doc.collections.find((c: { id: string }) => c.id === 'incidents');
    const [first, last] = incidents.extent.temporal.interval[0];
    expect(first < last).toBe(true);
    expect(rel(areas, 'items')).toBe(`${BASE}/ogc/collections/areas/items?f=json`);
  });

  it('describes one collection, and answers 404 JSON for an unknown one', async () => {
    const doc = await json(await call((o) => collection(o, 'sites'), '/ogc/collections/sites'));
    expect(doc).toMatchObject({ id: 'sites', title: 'Sites', itemType: 'feature' });
    const r = await call((o) => collection(o, 'nope'), '/ogc/collections/nope');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect((await r.json()).code).toBe('NotFound');
  });
});

describe('OGC API – Features: items', () => {
  it('pages with limit (default 10), next and prev links, numberMatched and numberReturned', async () => {
    const r = await itemsOf('roads');
    expect(r.headers.get('content-type')).toBe('application/geo+json');
    const first = await r.json();
    const total = (await services.store.situationFor(null)).roads.length;
    expect(first).toMatchObject({ type: 'FeatureCollection', numberMatched: total, numberReturned: 10 });
    expect(Date.parse(first.timeStamp)).not.toBeNaN();
    expect(rel(first, 'prev')).toBeUndefined();
    // Follow next links to the end: every road once, in pages of 10.
    const seen = [...ids(first)];
    let doc = first;
    let pages = 1;
    while (rel(doc, 'next')) {
      const next = new URL(rel(doc, 'next')!);
      expect(next.searchParams.get('limit')).toBe('10');
      doc = await json(await itemsOf('roads', next.search));
      expect(rel(doc, 'prev')).toBeDefined();
      seen.push(...ids(doc));
      pages++;
    }
    expect(pages).toBe(Math.ceil(total / 10));
    expect(doc.numberReturned).toBe(total - 10 * (pages - 1));
    expect(new Set(seen).size).toBe(total);
    const prev = new URL(rel(doc, 'prev')!);
    expect(Number(prev.searchParams.get('offset') ?? 0)).toBe(10 * (pages - 2));
  });

  it('uses the maximum (10,000) for a larger limit, as the standard recommends', async () => {
    const doc = await json(await itemsOf('roads', '?limit=50000'));
    expect(doc.numberReturned).toBe(doc.numberMatched);
    expect(rel(doc, 'next')).toBeUndefined();
    expect(new URL(rel(doc, 'self')!).searchParams.get('limit')).toBe('10000');
  });

  it('filters by bbox, keeping the other parameters in the next link', async () => {
    const doc = await json(await itemsOf('sites', '?bbox=25.2,13.3,25.4,13.6&limit=1'));
    expect(ids(doc)).toHaveLength(1);
    const all = await json(await itemsOf('sites', '?bbox=25.2,13.3,25.4,13.6&limit=100'));
    expect(ids(all)).toContain('sd_zamzam');
    expect(ids(all)).not.toContain('sd_nyala');
    if (all.numberMatched > 1)
      expect(new URL(rel(doc, 'next')!).searchParams.get('bbox')).toBe('25.2,13.3,25.4,13.6');
    const none = await json(await itemsOf('sites', '?bbox=0,0,1,1'));
    expect(none).toMatchObject({ numberMatched: 0, numberReturned: 0, features: [] });
  });

  it('filters by datetime: instants, closed intervals and open ones', async () => {
    const constraints = async (datetime: string) =>
      ids(await json(await itemsOf('constraints', `?datetime=${encodeURIComponent(datetime)}`))).sort();
    const bridges = 'con_2024_adre_onward_bridges';
    const floods = 'con_2024_tine_route_floods';
    const siege = 'con_2024_el_fasher_siege';
    const all = [bridges, siege, floods];
    // The siege of El Fasher holds from 2024-05-10 to 2025-10-26 (exclusive); the bridges and floods from
    // 2024-08-20, the floods until 2024-10-01 (exclusive), the bridges until 2024-11-01.
    expect(await constraints('2024-09-30')).toEqual(all);
    expect(await constraints('2024-10-01')).toEqual([bridges, siege]);
    expect(await constraints('2024-10-01T12:00:00Z')).toEqual([bridges, siege]);
    expect(await constraints('2024-08-19T23:59:59Z')).toEqual([siege]);
    expect(await constraints('../2024-08-19')).toEqual([siege]);
    expect(await constraints('../2024-05-09')).toEqual([]);
    expect(await constraints('../2024-08-20')).toEqual(all);
    expect(await constraints('2024-10-15/..')).toEqual([bridges, siege]);
    expect(await constraints('2024-10-15/')).toEqual([bridges, siege]);
    expect(await constraints('2024-01-01/2024-08-20')).toEqual(all);
    expect(await constraints('2024-11-01/2025-01-01')).toEqual([siege]);
    expect(await constraints('2025-10-26/..')).toEqual([]);
    // Incidents by their day.
    const incidents = (await services.store.situationFor(null)).incidents;
    const day = incidents[0].properties.date;
    const onDay = ids(await json(await itemsOf('incidents', `?datetime=${day}&limit=1000`)));
    expect(onDay.sort()).toEqual(
      incidents
        .filter((i) => i.properties.date === day)
        .map((i) => i.properties.id)
        .sort(),
    );
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=ten', 'limit'],
    ['?limit=1.5', 'limit'],
    ['?offset=-1', 'offset'],
    ['?bbox=1,2,3', 'bbox'],
    ['?bbox=10,20,0,10', 'bbox'],
    ['?bbox=-200,0,10,10', 'bbox'],
    ['?datetime=yesterday', 'datetime'],
    ['?datetime=2024-02-30', 'datetime'],
    ['?datetime=2024-09-01/2024-08-01', 'datetime'],
    ['?datetime=../..', 'datetime'],
    ['?f=xml', 'f'],
    ['?bbox-crs=EPSG:3857', 'bbox-crs'],
    ['?color=red', 'color'],
  ])('refuses %s with 400 naming the parameter', async (query, parameter) => {
    const r = await itemsOf('sites', query);
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body).toMatchObject({ code: 'InvalidParameterValue', parameter });
    expect(body.description).toContain(`parameter "${parameter}"`);
  });

  it('returns one feature by id, with its attributes, and 404 JSON for an unknown id', async () => {
    const r = await call((o) => feature(o, 'sites', 'sd_zamzam'), '/ogc/collections/sites/items/sd_zamzam');
    expect(r.headers.get('content-type')).toBe('application/geo+json');
    const f = await r.json();
    expect(f).toMatchObject({
      type: 'Feature',
      id: 'sd_zamzam',
      properties: { name: 'Zamzam IDP camp', kind: 'idp_camp' },
    });
    expect(rel(f, 'collection')).toBe(`${BASE}/ogc/collections/sites`);
    const missing = await call((o) => feature(o, 'sites', 'nope'), '/ogc/collections/sites/items/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NotFound' });
    // A feature of another layer is not in this one.
    expect(
      (await call((o) => feature(o, 'roads', 'sd_zamzam'), '/ogc/collections/roads/items/sd_zamzam')).status,
    ).toBe(404);
  });
});

describe('OGC API – Features: HTML', () => {
  it('answers a browser (Accept: text/html) and ?f=html with a page that loads nothing from elsewhere', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const pages = [
      await call(landingPage, '/ogc', browser),
      await call(collections, '/ogc/collections?f=html'),
      await itemsOf('sites', '?limit=100', browser),
      await call((o) => feature(o, 'sites', 'sd_zamzam'), '/ogc/collections/sites/items/sd_zamzam?f=html'),
      await call(apiDefinition, '/ogc/api?f=html'),
    ];
    for (const r of pages) {
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await r.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).not.toMatch(/<script|<link |<img |<iframe|@import|url\(/i);
      for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g))
        expect(url.startsWith(`${BASE}/`) || url.startsWith('/')).toBe(true);
    }
    const list = await (await itemsOf('sites', '?limit=100&f=html')).text();
    expect(list).toContain('Zamzam IDP camp');
    expect(list).toContain('معسكر زمزم للنازحين');
    expect(list).toContain('Ardamata (IDP camp &amp; SAF 15th Div. area)');
    // GDAL and curl get JSON.
    expect(
      (await itemsOf('sites', '', { accept: 'application/geo+json, application/json' })).headers.get(
        'content-type',
      ),
    ).toBe('application/geo+json');
    expect((await itemsOf('sites', '', { accept: '*/*' })).headers.get('content-type')).toBe(
      'application/geo+json',
    );
  });
});

describe('OGC API – Features: public records only, and caching', () => {
  it('never serves a restricted record, and a restricted edit leaves public ETags unchanged', async () => {
    const before = await itemsOf('sites', '?limit=1000');
    const etag = before.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(before.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    await createFeature(
      services.database.db,
      'sites',
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [25.3, 13.5] },
        properties: {
          id: 'ogc_secret_camp',
          name: 'Secret camp',
          source: 'staff',
          sensitivity: 'restricted',
          kind: 'idp_camp',
          country: 'SDN',
        },
      },
      'test',
    );
    await freshnessPassed();
    const after = await itemsOf('sites', '?limit=1000');
    expect(JSON.stringify(await after.json())).not.toContain('ogc_secret_camp');
    expect(after.headers.get('etag')).toBe(etag);
    const one = await call(
      (o) => feature(o, 'sites', 'ogc_secret_camp'),
      '/ogc/collections/sites/items/ogc_secret_camp',
    );
    expect(one.status).toBe(404);
  });

  it('answers If-None-Match with 304 and no body, and a new ETag once public data changes', async () => {
    const first = await itemsOf('sites', '?limit=5');
    const etag = first.headers.get('etag')!;
    const again = await itemsOf('sites', '?limit=5', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
    // The same tag in its gzip form (what compression sends) matches too.
    expect(
      (await itemsOf('sites', '?limit=5', { 'if-none-match': etag.replace(/"$/, '-gzip"') })).status,
    ).toBe(304);
    // Another page has another tag.
    expect((await itemsOf('sites', '?limit=6', { 'if-none-match': etag })).status).toBe(200);
    await createFeature(
      services.database.db,
      'sites',
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [25.0, 13.0] },
        properties: {
          id: 'ogc_new_public_camp',
          name: 'New camp',
          source: 'OCHA',
          kind: 'idp_camp',
          country: 'SDN',
        },
      },
      'test',
    );
    await freshnessPassed();
    const changed = await itemsOf('sites', '?limit=5', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});

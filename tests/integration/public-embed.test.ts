// The embed (/embed, its data and /oembed) is a public surface for other sites' pages: it shows public
// records only, WHOEVER is signed in, since a newsroom's reader may also hold a staff session here.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { startServices, type Services } from '$lib/server/services';

const SECRET = 'secret_embed_camp';
let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  // A restricted camp of three million people inside El Fasher's siege ring: were it in the embed's
  // analysis, it would be the most affected site of the summary.
  await createFeature(
    services.database.db,
    'sites',
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [25.35, 13.63] },
      properties: {
        id: SECRET,
        name: SECRET,
        source: 'staff',
        sensitivity: 'restricted',
        kind: 'idp_camp',
        country: 'SDN',
        figures: [{ date: '2024-06-01', population: 3_000_000, source: 'staff' }],
      },
    },
    'test',
  );
  await new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS + 50));
});
afterAll(() => services.database.close());

const admin = { id: 2, email: 'a@example.org', role: 'admin' };

function event(path: string, viewer: unknown) {
  const url = new URL(path, 'http://localhost');
  return { request: new Request(url), url, params: {}, locals: { viewer } };
}
async function load(path: string, viewer: unknown = null) {
  const mod = await import('../../src/routes/embed/+page.server');
  return (await (mod.load as (e: unknown) => Promise<unknown>)(event(path, viewer))) as {
    view: { asOf: string; summary: { figures: string[]; topSites: { id: string; name: string }[] } };
  };
}
async function get(file: string, path: string, viewer: unknown = null): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ `../../src/routes/${file}`)) as {
    GET: (e: unknown) => Promise<Response>;
  };
  return mod.GET(event(path, viewer));
}

describe('/embed', () => {
  it('would rank the restricted camp first for staff: the probe is one a leak would show', async () => {
    const staff = (await services.store.analyzerFor({ ...admin, role: 'admin' })).analyze('2024-08-20');
    expect(staff.hotspots[0].siteId).toBe(SECRET);
  });

  it('summarises the public analysis for an administrator as for an anonymous reader', async () => {
    const path = '/embed?date=2024-08-20';
    const anonymous = await load(path);
    const signedIn = await load(path, admin);
    expect(signedIn).toEqual(anonymous);
    expect(JSON.stringify(signedIn)).not.toContain(SECRET);
    expect(anonymous.view.asOf).toBe('2024-08-20');
    expect(anonymous.view.summary.topSites.length).toBeGreaterThan(0);
    expect(anonymous.view.summary.figures[0]).toMatch(
      /^[\d,]+ (people|person) in [\d,]+ sites? cut off from aid$/,
    );
  });

  it('keeps a date outside the time range inside it', async () => {
    expect((await load('/embed?date=1999-01-01')).view.asOf).toBe('2023-04-15');
  });

  it('serves its map data public only and cacheable, whoever asks', async () => {
    const r = await get('embed/situation.json/+server.ts', '/embed/situation.json', admin);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toMatch(/^public/);
    const text = await r.text();
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).sites.length).toBeGreaterThan(10);
  });
});

describe('/oembed', () => {
  const oembed = (query: string) => get('oembed/+server.ts', `/oembed?${query}`);
  const url = (path: string) => encodeURIComponent(`http://localhost${path}`);

  it('answers a rich embed for the map page, with its view, date and layers', async () => {
    const r = await oembed(
      `url=${url('/?map=6.00/13.5000/25.1000&date=2024-08-20&layers=sites')}&format=json`,
    );
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toMatchObject({ version: '1.0', type: 'rich', width: 800, height: 760 });
    expect(body.title).toMatch(/Sudan/);
    expect(body.html).toContain(
      '<iframe src="http://localhost/embed?map=6.00%2F13.5000%2F25.1000&amp;layers=sites&amp;date=2024-08-20"',
    );
    expect(body.html).toContain('width="800" height="760"');
    expect(body.html).toContain('e.origin!=="http://localhost"');
    // The thumbnail: the still image of the same view.
    expect(body).toMatchObject({ thumbnail_width: 800, thumbnail_height: 600 });
    const thumb = new URL(body.thumbnail_url);
    expect(thumb.pathname).toBe('/embed/image.png');
    expect(Object.fromEntries(thumb.searchParams)).toMatchObject({
      map: '6.00/13.5000/25.1000',
      layers: 'sites',
      date: '2024-08-20',
      width: '800',
      height: '600',
    });
  });

  it('honours maxwidth and maxheight', async () => {
    const body = await (await oembed(`url=${url('/embed?plain=1')}&maxwidth=500&maxheight=400`)).json();
    expect(body).toMatchObject({ width: 500, height: 400 });
    expect(body.html).toContain('plain=1');
    expect(body).toMatchObject({ thumbnail_width: 500, thumbnail_height: 375 });
    expect(body.thumbnail_url).toMatch(/\/embed\/image\.png\?plain=1&width=500&height=375$/);
    // Below the smallest image the server draws: no thumbnail rather than one above the maxima.
    const tiny = await (await oembed(`url=${url('/embed')}&maxwidth=150`)).json();
    expect(tiny.thumbnail_url).toBeUndefined();
  });

  it('answers 404 for addresses that are not ours, 501 for XML, 400 for a wrong parameter', async () => {
    expect((await oembed(`url=${encodeURIComponent('https://example.org/embed')}`)).status).toBe(404);
    expect((await oembed(`url=${url('/plan')}`)).status).toBe(404);
    expect((await oembed('url=not%20a%20url')).status).toBe(404);
    expect((await oembed(`url=${url('/embed')}&format=xml`)).status).toBe(501);
    const missing = await oembed('format=json');
    expect(missing.status).toBe(400);
    expect((await missing.json()).parameter).toBe('url');
    expect((await oembed(`url=${url('/embed')}&maxwidth=wide`)).status).toBe(400);
  });
});

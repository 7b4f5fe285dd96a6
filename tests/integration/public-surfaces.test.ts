// Public surfaces never show records that are not public. This enumerates EVERY tRPC procedure and every
// route, so a new one fails here until it is covered.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { warmUpSettled } from '$lib/server/mapView/verdictsWarmUp';
import { layerGeometryTypes, layerNames, type LayerName } from '$lib/domain/schemas';
import { layerGroups } from '$lib/map/layerGroups';
import { eq } from 'drizzle-orm';
import type { Scenario } from '$lib/domain/schemas';
import { createFeature } from '$lib/server/db/featureRepository';
import { scenarios } from '$lib/server/db/schema';
import { readEnv } from '$lib/server/env';
import { feedAsOf, feedResponse, recordStatusChanges } from '$lib/server/feed';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';

const SECRET_IDS = [
  'secret_restricted_camp',
  'secret_confidential_convoy_stop',
  'secret_unverified_incident',
  // A saved convoy plan (its name and note): plans are never public.
  'secret_convoy_plan',
  // A restricted claim that a state backs an actor (scenario.json actors' `backers`), and a restricted
  // attack on an aid convoy beside the Adré road (it would put the corridor under guard on /hotspots).
  'secret_backer_claim',
  'secret_aid_attack',
];

let services: Services;
// Route handlers (the exports, the OGC API) reach the server's services through `services()`: here they get
// this test's database, with the secret records in it.
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));
beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  const db = services.database.db;
  // The scenario document holds the actors' backer claims: one restricted claim about the RSF.
  const [row] = await db.select().from(scenarios);
  const document = row.document as Scenario;
  await db
    .update(scenarios)
    .set({
      document: {
        ...document,
        actors: document.actors.map((a) =>
          a.id === 'rsf' ? { ...a, backers: [...a.backers, SECRET_CLAIM] } : a,
        ),
      },
    })
    .where(eq(scenarios.id, row.id));
  // Non-public records placed where they would change the analysis if they leaked into it: a restricted
  // camp beside Zamzam, a confidential site, and a severity-3 incident on the Adré road (unverified).
  await createFeature(db, 'sites', site('secret_restricted_camp', 'restricted', [25.31, 13.48]), 'test');
  await createFeature(
    db,
    'sites',
    site('secret_confidential_convoy_stop', 'confidential', [22.3, 13.45]),
    'test',
  );
  await createFeature(
    db,
    'incidents',
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [22.3, 13.45] },
      properties: {
        id: 'secret_unverified_incident',
        name: 'Unverified report',
        source: 'staff report',
        sensitivity: 'restricted',
        date: '2024-08-10',
        category: 'hostilities',
        severity: 3,
        verification: 'unverified',
      },
    },
    'test',
  );
  await createFeature(
    db,
    'incidents',
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [22.3, 13.45] },
      properties: {
        id: 'secret_aid_attack',
        name: 'Convoy attack (staff report)',
        source: 'staff report',
        sensitivity: 'restricted',
        date: '2024-08-10',
        category: 'violence_against_aid',
        severity: 2,
        verification: 'unverified',
      },
    },
    'test',
  );
});
afterAll(async () => {
  // The warm-up of the next dates (`verdictsWarmUp.ts`) may still be analysing in the background.
  await warmUpSettled();
  await services.database.close();
});

const SECRET_CLAIM = {
  id: 'secret_backer_claim',
  backer: 'Secret State',
  backerKind: 'state',
  support: 'financial',
  description: 'secret_backer_claim: cash reported by one staff contact',
  date: '2024-01-01',
  confidence: 'low',
  source: 'staff report',
  sensitivity: 'restricted',
} as const;

// A saved convoy plan, restricted: no public surface may show it.
const PLAN_REQUEST = { asOf: '2024-08-20', from: 'td_adre_transit', to: 'sd_zamzam' };
let planId = '';
beforeAll(async () => {
  const staff = createCallerFactory(appRouter)({
    services,
    viewer: { id: 1, email: 'e@example.org', role: 'viewer' },
  });
  const plan = await staff.plans.save({
    name: 'secret_convoy_plan',
    note: 'secret_convoy_plan via Tiné',
    request: PLAN_REQUEST,
  });
  planId = plan.id;
});

function site(id: string, sensitivity: string, coordinates: number[]) {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { id, name: id, source: 'staff', sensitivity, kind: 'idp_camp', country: 'SDN' },
  };
}

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;
const anonymous = (s: Services) => createCaller({ services: s, viewer: null });

/** Calls for every public procedure; the test fails when a procedure exists that is not listed here. */
const publicCalls: Record<string, (c: Caller) => Promise<unknown>> = {
  'situation.get': (c) => c.situation.get(),
  'analysis.run': (c) => c.analysis.run({ asOf: '2024-08-15' }),
  'feed.list': (c) => c.feed.list({ limit: 200 }),
};

/** Calls for every staff-only procedure: anonymous callers must be refused before anything is read. */
const staffCalls: Record<string, (c: Caller) => Promise<unknown>> = {
  'features.get': (c) => c.features.get({ id: 'secret_restricted_camp' }),
  'features.history': (c) => c.features.history({ id: 'secret_restricted_camp' }),
  'features.create': (c) => c.features.create({ layer: 'sites', feature: {} }),
  'features.update': (c) => c.features.update({ id: 'secret_restricted_camp', version: 1, feature: {} }),
  'features.delete': (c) => c.features.delete({ id: 'secret_restricted_camp', version: 1 }),
  'features.restore': (c) => c.features.restore({ id: 'secret_restricted_camp', auditId: 1, version: 1 }),
  'imports.begin': (c) =>
    c.imports.begin({ layer: 'sites', fileName: 'camps.csv', format: 'csv', expectedCount: 1 }),
  'imports.append': (c) =>
    c.imports.append({ importId: '00000000-0000-4000-8000-000000000000', seq: 0, features: [{}] }),
  'imports.finish': (c) => c.imports.finish({ importId: '00000000-0000-4000-8000-000000000000' }),
  'imports.abort': (c) => c.imports.abort({ importId: '00000000-0000-4000-8000-000000000000' }),
  'imports.mapping': (c) => c.imports.mapping({ sourceKey: 'csv:2:00000000' }),
  // Account administration: administrators only (tests/integration/accounts-api.test.ts).
  'accounts.list': (c) => c.accounts.list(),
  'accounts.add': (c) => c.accounts.add({ email: 'x@example.org', role: 'viewer' }),
  'accounts.setRole': (c) => c.accounts.setRole({ email: 'x@example.org', role: 'admin' }),
  'accounts.disable': (c) => c.accounts.disable({ email: 'x@example.org' }),
  'accounts.enable': (c) => c.accounts.enable({ email: 'x@example.org' }),
  'accounts.resetPassword': (c) => c.accounts.resetPassword({ email: 'x@example.org' }),
  'accounts.endSessions': (c) => c.accounts.endSessions({ email: 'x@example.org' }),
  // The convoy planner: viewers and up, never public.
  'routes.plan': (c) => c.routes.plan(PLAN_REQUEST),
  'plans.list': (c) => c.plans.list(),
  'plans.get': (c) => c.plans.get({ id: planId }),
  'plans.history': (c) => c.plans.history({ id: planId }),
  'plans.save': (c) => c.plans.save({ name: 'x', request: PLAN_REQUEST }),
  'plans.delete': (c) => c.plans.delete({ id: planId, version: 1 }),
};

describe('public surfaces', () => {
  it('every procedure of the API is enumerated here', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(
      [...Object.keys(publicCalls), ...Object.keys(staffCalls)].sort(),
    );
  });

  it.each(Object.keys(staffCalls))('%s refuses anonymous callers', async (name) => {
    await expect(staffCalls[name](anonymous(services))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it.each(Object.keys(publicCalls))(
    '%s returns no non-public record to an anonymous caller',
    async (name) => {
      const out = JSON.stringify(await publicCalls[name](anonymous(services)));
      for (const id of SECRET_IDS) expect(out).not.toContain(id);
      expect(out).not.toMatch(/"sensitivity":"(restricted|confidential)"/);
    },
  );

  it('non-public records do not shape the public analysis', async () => {
    // The restricted severity-3 incident sits on the Adré road: if it counted, the corridor would be blocked.
    const report = await anonymous(services).analysis.run({ asOf: '2024-08-20' });
    expect(report.corridors.find((c) => c.id === 'cor_adre_nyala')?.status).not.toBe('blocked');
    const staff = createCaller({
      services,
      viewer: { id: 1, email: 'e@example.org', role: 'editor' },
    });
    const staffReport = await staff.analysis.run({ asOf: '2024-08-20' });
    expect(staffReport.corridors.find((c) => c.id === 'cor_adre_nyala')?.status).toBe('blocked');
    expect(JSON.stringify(await staff.situation.get())).toContain('secret_restricted_camp');
  });

  it('/data serves nothing to anonymous visitors: they are sent to sign in', async () => {
    const { load } = await import('../../src/routes/data/+page.server');
    const call = (viewer: unknown, url = new URL('http://localhost/data')) =>
      (load as (e: unknown) => unknown)({ locals: { viewer }, url });
    expect(() => call(null)).toThrow(
      expect.objectContaining({ status: 303, location: '/login?next=%2Fdata' }),
    );
    // Signing in brings them back to the section they asked for.
    expect(() => call(null, new URL('http://localhost/data?section=import'))).toThrow(
      expect.objectContaining({ status: 303, location: '/login?next=%2Fdata%3Fsection%3Dimport' }),
    );
    expect(call({ id: 1, email: 'e@example.org', role: 'editor' })).toEqual({
      email: 'e@example.org',
      role: 'editor',
      sensitivities: ['public', 'restricted'],
    });
  });

  it('/admin serves nothing but to administrators: anonymous visitors sign in first, others get 403', async () => {
    const { load } = await import('../../src/routes/admin/+page.server');
    const call = (viewer: unknown) =>
      (load as (e: unknown) => unknown)({ locals: { viewer }, url: new URL('http://localhost/admin') });
    expect(() => call(null)).toThrow(
      expect.objectContaining({ status: 303, location: '/login?next=%2Fadmin' }),
    );
    for (const role of ['viewer', 'editor'])
      expect(() => call({ id: 1, email: 'e@example.org', role })).toThrow(
        expect.objectContaining({ status: 403 }),
      );
    expect(call({ id: 2, email: 'a@example.org', role: 'admin' })).toEqual({
      email: 'a@example.org',
      role: 'admin',
    });
  });

  it('/plan and its downloads serve nothing to anonymous visitors', async () => {
    const { load } = await import('../../src/routes/plan/+page.server');
    const call = (viewer: unknown, url: URL) =>
      (load as (e: unknown) => unknown)({ locals: { viewer }, url });
    expect(() => call(null, new URL(`http://localhost/plan?plan=${planId}`))).toThrow(
      expect.objectContaining({ status: 303, location: `/login?next=%2Fplan%3Fplan%3D${planId}` }),
    );
    expect(call({ id: 1, email: 'v@example.org', role: 'viewer' }, new URL('http://localhost/plan'))).toEqual(
      {
        email: 'v@example.org',
        role: 'viewer',
      },
    );
    const file = 'plan/export.[format]/+server.ts';
    for (const format of ['gpx', 'kml', 'geojson']) {
      for (const query of [
        `?plan=${planId}`,
        `?request=${encodeURIComponent(JSON.stringify(PLAN_REQUEST))}`,
      ]) {
        const r = await getRoute(file, `/plan/export.${format}${query}`, { format });
        expect(r.status).toBe(401);
        const text = await r.text();
        expect(text).not.toContain('secret_convoy_plan');
        expect(text).not.toContain('Tiné');
      }
      // Staff get the saved plan, marked and never cached.
      const staff = await getRoute(file, `/plan/export.${format}?plan=${planId}`, { format }, editorViewer);
      expect(staff.status).toBe(200);
      expect(staff.headers.get('cache-control')).toBe('private, no-store');
      const staffText = await staff.text();
      expect(staffText).toContain('secret_convoy_plan');
      expect(staffText).toMatch(/restricted/i);
    }
  });

  it('the change feeds served anonymously carry no non-public record or change', async () => {
    // A restricted severity-3 incident on the Adré road on the feed's date: it blocks the corridor for staff.
    const { scenario } = await services.store.situationFor(null);
    await createFeature(
      services.database.db,
      'incidents',
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [22.3, 13.45] },
        properties: {
          id: 'secret_feed_incident',
          name: 'Unverified staff report',
          source: 'staff report',
          sensitivity: 'restricted',
          date: feedAsOf(scenario),
          category: 'hostilities',
          severity: 3,
          verification: 'unverified',
        },
      },
      'test',
    );
    await recordStatusChanges(services, { cause: 'edit', actor: 'test' });
    const secrets = [...SECRET_IDS, 'secret_feed_incident'];
    // The feed did record what the secrets changed, for staff: otherwise this test would prove nothing.
    const staff = createCaller({ services, viewer: { id: 1, email: 'e@example.org', role: 'admin' } });
    const staffFeed = JSON.stringify(await staff.feed.list({ limit: 200 }));
    for (const id of ['secret_restricted_camp', 'secret_confidential_convoy_stop', 'secret_feed_incident'])
      expect(staffFeed).toContain(id);

    const get = (path: string, subject?: { kind: string; id: string }) =>
      feedResponse(services, {
        url: new URL(path, 'http://localhost'),
        format: path.endsWith('.json') ? 'json' : 'atom',
        subject,
      });
    const served = [
      await get('/feed.atom'),
      await get('/feed.json'),
      await get('/feed/corridor/cor_adre_nyala.atom', { kind: 'corridor', id: 'cor_adre_nyala' }),
      await get('/feed/corridor/cor_adre_nyala.json', { kind: 'corridor', id: 'cor_adre_nyala' }),
    ];
    for (const res of served) {
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const id of secrets) expect(text).not.toContain(id);
      expect(text).not.toContain('Unverified staff report');
    }
    for (const id of secrets)
      expect((await get(`/feed/site/${id}.atom`, { kind: 'site', id })).status).toBe(404);
    const anonymousFeed = JSON.stringify(await anonymous(services).feed.list({ limit: 200 }));
    for (const id of secrets) expect(anonymousFeed).not.toContain(id);
    expect(anonymousFeed).not.toMatch(/"sensitivity":"(restricted|confidential)"/);
  });

  it('every route is one this test knows to serve public data only', () => {
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (/^\+(page|server|layout)/.test(e.name))
          routes.push(relative('src/routes', join(dir, e.name)));
      }
    };
    walk('src/routes');
    // `/` and the layout show what situation.get returns; the basemap is Natural Earth; the API is covered
    // above. A new route must be added here after its own check.
    expect(routes.sort()).toEqual(
      [
        '+layout.svelte',
        '+page.svelte',
        // Account administration: its load refuses everyone but administrators (checked below); the
        // accounts come from the API (accounts.*, administrators only).
        'admin/+page.server.ts',
        'admin/+page.svelte',
        '+page.ts',
        'api/trpc/[...trpc]/+server.ts',
        // The public access API: public records only, whoever asks (checked below).
        'api/v1/openapi.json/+server.ts',
        'api/v1/verdicts/+server.ts',
        'api/v1/corridors/+server.ts',
        'api/v1/sites/+server.ts',
        'api/v1/crossings/+server.ts',
        'api/v1/totals/+server.ts',
        'api/v1/series/+server.ts',
        'basemap/countries.geojson/+server.ts',
        // Comparing two dates: the public comparison is computed from public records only (checked below).
        'compare/+page.server.ts',
        'compare/+page.svelte',
        'compare/export.[format]/+server.ts',
        // The editor: its load redirects anonymous visitors to sign in (checked below); data comes from the API.
        'data/+page.server.ts',
        'data/+page.svelte',
        // The embed, its map data, its still image, its builder and oEmbed: public records only, whoever
        // asks (public-embed.test.ts, embed-image.test.ts, access-policy.test.ts).
        'embed/+page.server.ts',
        'embed/+page.svelte',
        'embed/situation.json/+server.ts',
        'embed/image.svg/+server.ts',
        'embed/image.png/+server.ts',
        'embed/builder/+page.server.ts',
        'embed/builder/+page.svelte',
        'oembed/+server.ts',
        // The change feeds: public changes only, whoever asks (checked below).
        'feed.atom/+server.ts',
        'feed.json/+server.ts',
        'feed/[kind]/[id].atom/+server.ts',
        'feed/[kind]/[id].json/+server.ts',
        // Exports: public records only for anonymous callers; the OGC API: public records only, whoever asks
        // (both checked below).
        'export/[layer].[format]/+server.ts',
        'export/report.[format]/+server.ts',
        'ogc/+server.ts',
        'ogc/api/+server.ts',
        'ogc/conformance/+server.ts',
        'ogc/collections/+server.ts',
        'ogc/collections/[collectionId]/+server.ts',
        'ogc/collections/[collectionId]/items/+server.ts',
        'ogc/collections/[collectionId]/items/[featureId]/+server.ts',
        // The map at scale: its mode, verdicts, one feature and vector tiles, public records only for
        // anonymous visitors (checked below).
        'map/meta.json/+server.ts',
        'map/verdicts.json/+server.ts',
        'map/features/[id]/+server.ts',
        'tiles/[layer]/[z]/[x]/[y].mvt/+server.ts',
        // The sign-in form and sign-out endpoint show no records.
        'login/+page.server.ts',
        'login/+page.svelte',
        'logout/+server.ts',
        // The convoy planner: signed-in accounts only, anonymous visitors are sent to sign in, its
        // downloads refuse them (checked below).
        'plan/+page.server.ts',
        'plan/+page.svelte',
        'plan/export.[format]/+server.ts',
        // Trends: the series of public records only for anonymous visitors (checked below).
        'trends/+page.server.ts',
        'trends/+page.svelte',
        // Hotspots and the brief of a date: public records only for anonymous visitors (checked below).
        'hotspots/+page.server.ts',
        'hotspots/+page.svelte',
        'hotspots/brief/+page.server.ts',
        'hotspots/brief/+page.svelte',
      ].sort(),
    );
  });
});

/** Calls a route's GET handler as SvelteKit would, with the given viewer in `locals`. */
async function getRoute(file: string, path: string, params: Record<string, string>, viewer: unknown = null) {
  const mod = (await import(/* @vite-ignore */ `../../src/routes/${file}`)) as {
    GET: (e: unknown) => Promise<Response>;
  };
  const url = new URL(path, 'http://localhost');
  return mod.GET({ request: new Request(url), url, params, locals: { viewer } });
}
const EXPORT = 'export/[layer].[format]/+server.ts';
const REPORT = 'export/report.[format]/+server.ts';
const editorViewer = { id: 1, email: 'e@example.org', role: 'editor' };
const adminViewer = { id: 2, email: 'a@example.org', role: 'admin' };
const noSecrets = (text: string) => {
  for (const id of SECRET_IDS) expect(text).not.toContain(id);
  expect(text).not.toMatch(/"sensitivity":"(restricted|confidential)"/);
};

describe('the map at scale serves anonymous visitors public records only', () => {
  it('in its mode, the verdicts of two dates, the tiles of every layer over Sudan and one feature', async () => {
    const texts = [
      await (await getRoute('map/meta.json/+server.ts', '/map/meta.json', {})).text(),
      ...(await Promise.all(
        ['2024-08-20', '2025-11-04'].map(async (date) =>
          (await getRoute('map/verdicts.json/+server.ts', `/map/verdicts.json?date=${date}`, {})).text(),
        ),
      )),
    ];
    // Tile 2/2/1 holds the whole of Sudan and Chad; zoom 0 the world.
    for (const layer of layerGroups)
      for (const [z, x, y] of [
        ['0', '0', '0'],
        ['2', '2', '1'],
      ]) {
        const r = await getRoute(
          'tiles/[layer]/[z]/[x]/[y].mvt/+server.ts',
          `/tiles/${layer}/${z}/${x}/${y}.mvt`,
          {
            layer,
            z,
            x,
            y,
          },
        );
        expect(r.status).toBe(200);
        texts.push(new TextDecoder().decode(await r.arrayBuffer()));
      }
    for (const text of texts) noSecrets(text);
    expect(texts.join('').length).toBeGreaterThan(10_000);
    for (const id of SECRET_IDS) {
      const r = await getRoute('map/features/[id]/+server.ts', `/map/features/${id}`, { id }).catch(
        (e: { status?: number }) => new Response(null, { status: e.status }),
      );
      expect(r.status).toBe(404);
    }
  });
});

describe('exports and the OGC API serve public records only', () => {
  const formats = ['geojson', 'csv', 'kml', 'gpx'];
  const exportCalls = layerNames.flatMap((layer) =>
    formats.map((format) => [layer, format] as [LayerName, string]),
  );

  it.each(exportCalls)(
    '/export/%s.%s gives anonymous callers no non-public record',
    async (layer, format) => {
      const r = await getRoute(EXPORT, `/export/${layer}.${format}`, { layer, format });
      const gpxOfAreas = format === 'gpx' && !layerGeometryTypes[layer].some((t) => !t.endsWith('Polygon'));
      expect(r.status).toBe(gpxOfAreas ? 400 : 200);
      noSecrets(await r.text());
    },
  );

  it('the report exports give anonymous callers the public analysis only', async () => {
    for (const [format, query] of [
      ['json', '?asOf=2024-08-20'],
      ['csv', '?asOf=2024-08-20&table=corridors'],
      ['csv', '?asOf=2024-08-20&table=sites'],
    ]) {
      const r = await getRoute(REPORT, `/export/report.${format}${query}`, { format });
      expect(r.status).toBe(200);
      const text = await r.text();
      noSecrets(text);
      if (format === 'json') {
        // The restricted severity-3 incident on the Adré road must not block it in the public report.
        const report = JSON.parse(text);
        expect(report.corridors.find((c: { id: string }) => c.id === 'cor_adre_nyala').status).not.toBe(
          'blocked',
        );
      }
    }
  });

  it('signed-in staff exports include what staff may see, never cached', async () => {
    const editor = await getRoute(
      EXPORT,
      '/export/sites.geojson',
      { layer: 'sites', format: 'geojson' },
      editorViewer,
    );
    expect(editor.headers.get('cache-control')).toBe('private, no-store');
    const text = await editor.text();
    expect(text).toContain('secret_restricted_camp');
    expect(text).not.toContain('secret_confidential_convoy_stop');
    const admin = await getRoute(EXPORT, '/export/sites.csv', { layer: 'sites', format: 'csv' }, adminViewer);
    expect(await admin.text()).toContain('secret_confidential_convoy_stop');
    const incidents = await getRoute(
      EXPORT,
      '/export/incidents.gpx',
      { layer: 'incidents', format: 'gpx' },
      editorViewer,
    );
    expect(await incidents.text()).toContain('Unverified report');
    const report = await getRoute(
      REPORT,
      '/export/report.json?asOf=2024-08-20',
      { format: 'json' },
      editorViewer,
    );
    const staffReport = JSON.parse(await report.text());
    expect(staffReport.corridors.find((c: { id: string }) => c.id === 'cor_adre_nyala').status).toBe(
      'blocked',
    );
    const anonymous = await getRoute(EXPORT, '/export/sites.geojson', { layer: 'sites', format: 'geojson' });
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
  });

  it.each([null, adminViewer])(
    'every OGC endpoint serves public records only (viewer %o)',
    async (viewer) => {
      const served: Response[] = [
        await getRoute('ogc/+server.ts', '/ogc', {}, viewer),
        await getRoute('ogc/api/+server.ts', '/ogc/api', {}, viewer),
        await getRoute('ogc/conformance/+server.ts', '/ogc/conformance', {}, viewer),
        await getRoute('ogc/collections/+server.ts', '/ogc/collections', {}, viewer),
        await getRoute('ogc/collections/+server.ts', '/ogc/collections?f=html', {}, viewer),
      ];
      for (const collectionId of layerNames) {
        const base = `/ogc/collections/${collectionId}`;
        const dir = 'ogc/collections/[collectionId]';
        served.push(
          await getRoute(`${dir}/+server.ts`, base, { collectionId }, viewer),
          await getRoute(`${dir}/items/+server.ts`, `${base}/items?limit=10000`, { collectionId }, viewer),
          await getRoute(
            `${dir}/items/+server.ts`,
            `${base}/items?limit=10000&f=html`,
            { collectionId },
            viewer,
          ),
        );
      }
      for (const r of served) {
        expect(r.status).toBe(200);
        noSecrets(await r.text());
      }
      for (const featureId of SECRET_IDS)
        for (const collectionId of ['sites', 'incidents']) {
          const r = await getRoute(
            'ogc/collections/[collectionId]/items/[featureId]/+server.ts',
            `/ogc/collections/${collectionId}/items/${featureId}`,
            { collectionId, featureId },
            viewer,
          );
          expect(r.status).toBe(404);
        }
    },
  );
});

describe('comparing two dates shows anonymous visitors the public comparison only', () => {
  const COMPARE = 'compare/export.[format]/+server.ts';
  // On 2024-07-01 Adré is closed; on 2024-08-20 it is open, and the unverified restricted incident of
  // 2024-08-10 blocks the Adré road for staff only. The public sees that corridor unblocked; staff do not.
  const query = '?from=2024-07-01&to=2024-08-20';
  const adreNyala = (c: { corridors: { id: string; after: { status: string } | null }[] }) =>
    c.corridors.find((x) => x.id === 'cor_adre_nyala');

  it('the downloads and the page give anonymous callers no non-public record, nor its effect', async () => {
    for (const format of ['json', 'csv']) {
      const r = await getRoute(COMPARE, `/compare/export.${format}${query}`, { format });
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
      const text = await r.text();
      noSecrets(text);
      if (format === 'json') expect(adreNyala(JSON.parse(text))?.after?.status).toBe('at_risk');
    }
    const { load } = await import('../../src/routes/compare/+page.server');
    const url = new URL(`http://localhost/compare${query}`);
    const page = (await (load as (e: unknown) => Promise<unknown>)({ url, locals: { viewer: null } })) as {
      comparison: Parameters<typeof adreNyala>[0];
    };
    noSecrets(JSON.stringify(page));
    expect(adreNyala(page.comparison)?.after?.status).toBe('at_risk');
  });

  it('signed-in staff get the comparison of what they may see, never cached', async () => {
    const r = await getRoute(COMPARE, `/compare/export.json${query}`, { format: 'json' }, editorViewer);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    const staff = JSON.parse(await r.text());
    // Blocked on both dates for staff (Adré closed, then the unverified incident): not a change.
    expect(adreNyala(staff)).toBeUndefined();
    expect(staff.totals.to.corridorsBlocked).toBeGreaterThan(
      JSON.parse(await (await getRoute(COMPARE, `/compare/export.json${query}`, { format: 'json' })).text())
        .totals.to.corridorsBlocked,
    );
  });
});

describe('the public access API serves public records only, whoever asks', () => {
  const resources = ['verdicts', 'corridors', 'sites', 'crossings', 'totals', 'series'];
  it.each([null, adminViewer])('every resource, as JSON and CSV (viewer %o)', async (viewer) => {
    for (const resource of resources)
      for (const format of ['json', 'csv']) {
        const query = resource === 'series' ? 'from=2024-08-06&to=2024-08-20' : 'date=2024-08-20';
        const r = await getRoute(
          `api/v1/${resource}/+server.ts`,
          `/api/v1/${resource}?${query}&format=${format}`,
          {},
          viewer,
        );
        expect(r.status, `${resource} ${format}`).toBe(200);
        // Public whoever asks: cacheable by anyone, never private to a session.
        expect(r.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
        noSecrets(await r.text());
      }
    const openapi = await getRoute('api/v1/openapi.json/+server.ts', '/api/v1/openapi.json', {}, viewer);
    expect(openapi.status).toBe(200);
    noSecrets(await openapi.text());
  });

  it('the verdicts are computed from public records only, even for an administrator', async () => {
    // The restricted severity-3 incident on the Adré road blocks the corridor for staff (checked above).
    for (const viewer of [null, adminViewer]) {
      const r = await getRoute(
        'api/v1/corridors/+server.ts',
        '/api/v1/corridors?date=2024-08-20',
        {},
        viewer,
      );
      const { corridors } = (await r.json()) as { corridors: { id: string; status: string }[] };
      expect(corridors.find((c) => c.id === 'cor_adre_nyala')?.status).not.toBe('blocked');
      const series = await getRoute(
        'api/v1/series/+server.ts',
        '/api/v1/series?from=2024-08-13&to=2024-08-20',
        {},
        viewer,
      );
      const { points } = (await series.json()) as { points: { date: string; corridorsBlocked: number }[] };
      const verdicts = await getRoute(
        'api/v1/totals/+server.ts',
        '/api/v1/totals?date=2024-08-20',
        {},
        viewer,
      );
      const { totals } = (await verdicts.json()) as { totals: { corridorsBlocked: number } };
      expect(points.at(-1)!.corridorsBlocked).toBe(totals.corridorsBlocked);
    }
  });
});

describe('/trends', () => {
  it('shows anonymous visitors the series of public records only; staff see theirs', async () => {
    const { load } = await import('../../src/routes/trends/+page.server');
    const call = (viewer: unknown) => {
      const url = new URL('http://localhost/trends?from=2024-08-06&to=2024-08-20&figure=corridorsBlocked');
      return (
        load as (e: unknown) => Promise<{ series: { points: { date: string; corridorsBlocked: number }[] } }>
      )({ locals: { viewer }, url });
    };
    const anonymousData = await call(null);
    noSecrets(JSON.stringify(anonymousData));
    const staffData = await call(editorViewer);
    // The restricted severity-3 incident of 2024-08-10 blocks the Adré corridor for staff only.
    const last = (d: typeof anonymousData) => d.series.points.at(-1)!.corridorsBlocked;
    expect(last(staffData)).toBe(last(anonymousData) + 1);
  });
});

describe('/hotspots and its brief', () => {
  /** A page's load as SvelteKit calls it: its output is all the page renders. */
  async function load(file: string, path: string, viewer: unknown = null) {
    const mod = (await import(/* @vite-ignore */ `../../src/routes/${file}`)) as {
      load: (e: unknown) => Promise<unknown>;
    };
    const url = new URL(path, 'http://localhost');
    return JSON.stringify(await mod.load({ request: new Request(url), url, params: {}, locals: { viewer } }));
  }

  it.each([
    ['hotspots/+page.server.ts', '/hotspots?date=2024-08-20'],
    ['hotspots/brief/+page.server.ts', '/hotspots/brief?date=2024-08-20&paper=letter'],
  ])('%s shows anonymous visitors public records only, staff theirs', async (file, path) => {
    const anonymousView = await load(file, path);
    noSecrets(anonymousView);
    // The secrets are where they would show: the restricted camp needs protection beside Zamzam, the attack
    // puts the Adré road under guard, the claim is the RSF's. Otherwise this test would prove nothing.
    const staffView = await load(file, path, editorViewer);
    for (const id of ['secret_restricted_camp', 'secret_aid_attack', 'secret_backer_claim'])
      expect(staffView).toContain(id);
    expect(staffView).not.toContain('secret_confidential_convoy_stop');
  });
});

// The map's data endpoints as the server answers them, through `handle` (src/hooks.server.ts) and the routes:
// an anonymous revalidation gets its 304 before anything is resolved, with the headers the 200 had; requests
// the routes would refuse still reach them; a public write changes the tag; a date's verdicts are serialised
// once per visibility level and data version, and the public body never holds a restricted record.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serialisedBodiesUse } from '$lib/server/mapView/serialisedBodies';
import { warmUpSettled } from '$lib/server/mapView/verdictsWarmUp';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { SESSION_COOKIE } from '$lib/server/auth/sessionCookie';
import { startServices, type Services } from '$lib/server/services';
import {
  EARLY_REVALIDATION,
  publishEarlyRevalidation,
  type EarlyRevalidation,
} from '$lib/server/mapView/mapDataTags';
import { handle } from '../../src/hooks.server';
import { campFeature, publicReadsFresh as fresh } from '../helpers/mapTestData';

const SECRET = 'secret_revalidation_camp';
const AT: [number, number] = [25.35, 13.63];
const admin = vi.hoisted(() => ({ id: 2, email: 'a@example.org', role: 'admin' }));

let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));
// The administrator's session (the session store is not what this file tests).
vi.mock('$lib/server/auth/sessionStore', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/auth/sessionStore')>()),
  validateSession: async (_db: unknown, token: string) =>
    token === 'admin-token' ? { viewer: admin } : null,
}));
const site = (id: string, sensitivity: string, lon = AT[0]) =>
  campFeature(id, sensitivity, { at: [lon, AT[1]] });

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  await createFeature(services.database.db, 'sites', site(SECRET, 'restricted'), 'test');
  await fresh();
});
afterAll(async () => {
  // The warm-up of the next dates (`verdictsWarmUp.ts`) may still be analysing in the background.
  await warmUpSettled();
  await services.database.close();
});

const ROUTES: [RegExp, string, string[]][] = [
  [/^\/map\/meta\.json$/, 'map/meta.json/+server.ts', []],
  [/^\/map\/verdicts\.json$/, 'map/verdicts.json/+server.ts', []],
  [
    /^\/tiles\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.mvt$/,
    'tiles/[layer]/[z]/[x]/[y].mvt/+server.ts',
    ['layer', 'z', 'x', 'y'],
  ],
];

let resolved = 0;
/** A request through `handle`, resolved (as SvelteKit would) by the route's GET; `admin` signed in or not. */
async function ask(
  path: string,
  headers: Record<string, string> = {},
  signedIn?: typeof admin,
): Promise<Response> {
  const url = new URL(path, 'http://localhost');
  const request = new Request(url, { headers });
  const [pattern, file, names] = ROUTES.find(([p]) => p.test(url.pathname))!;
  const m = pattern.exec(url.pathname)!;
  const params = Object.fromEntries(names.map((n, i) => [n, m[i + 1]]));
  const jar = new Map<string, string>(signedIn ? [[SESSION_COOKIE, 'admin-token']] : []);
  const event = {
    request,
    url,
    params,
    locals: {} as { viewer?: unknown },
    cookies: { get: (k: string) => jar.get(k), set: () => {}, delete: () => {} },
  };
  const resolve = async () => {
    resolved++;
    const mod = (await import(/* @vite-ignore */ `../../src/routes/${file}`)) as {
      GET: (e: unknown) => Promise<Response>;
    };
    try {
      return await mod.GET(event);
    } catch (e) {
      const { status, body } = e as { status?: number; body?: { message: string } };
      if (typeof status !== 'number') throw e;
      return new Response(body?.message ?? '', { status });
    }
  };
  return handle({ event, resolve } as never) as Promise<Response>;
}

const PATHS = {
  meta: '/map/meta.json',
  verdicts: '/map/verdicts.json?date=2024-08-20',
  tile: '/tiles/sites/6/36/29.mvt',
};
/** Headers a 304 must repeat from its 200 (RFC 9110 §15.4.5), and the security headers every answer has. */
const KEPT = [
  'etag',
  'cache-control',
  'vary',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
];
const kept = (r: Response) => Object.fromEntries(KEPT.map((h) => [h, r.headers.get(h)]));

describe('an anonymous revalidation of the map data', () => {
  it('is a 304 with the headers of the 200, answered before the route, reading and analysing nothing', async () => {
    for (const [name, path] of Object.entries(PATHS)) {
      const full = await ask(path);
      expect(full.status, name).toBe(200);
      // The warm-up of the next dates after a date's verdicts analyses in the background: done first.
      await warmUpSettled();
      vi.useFakeTimers({ toFake: ['Date'] }); // the public situation is not due for its check meanwhile
      const reads = vi.spyOn(services.store, 'situationFor');
      const analyses = vi.spyOn(services.store, 'analysisFor');
      const reports = vi.spyOn(services.store, 'reportOf');
      const before = resolved;
      try {
        const again = await ask(path, { 'if-none-match': full.headers.get('etag')! });
        expect(again.status, name).toBe(304);
        expect(again.body, name).toBeNull();
        expect(kept(again), name).toEqual(kept(full));
        expect(resolved - before, name).toBe(0);
        expect(reads).not.toHaveBeenCalled();
        expect(analyses).not.toHaveBeenCalled();
        expect(reports).not.toHaveBeenCalled();
      } finally {
        reads.mockRestore();
        analyses.mockRestore();
        reports.mockRestore();
        vi.useRealTimers();
      }
    }
  });

  it('of a compressed answer keeps its tag: the 304 names the representation the client holds', async () => {
    const br = await ask(PATHS.verdicts, { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const tag = br.headers.get('etag')!;
    expect(tag).toMatch(/-br"$/);
    const again = await ask(PATHS.verdicts, { 'if-none-match': tag, 'accept-encoding': 'br' });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(tag);
  });

  it("is answered alike by the production server's pre-handler, which leaves signed-in and stale requests to the app", async () => {
    publishEarlyRevalidation(async () => services.store, SESSION_COOKIE);
    const early = (globalThis as Record<symbol, unknown>)[EARLY_REVALIDATION] as EarlyRevalidation;
    for (const path of Object.values(PATHS)) {
      const url = new URL(path, 'http://localhost');
      const tag = (await ask(path)).headers.get('etag')!;
      const viaHandle = await ask(path, { 'if-none-match': tag });
      const headers = await early('GET', url, tag, 'lang=fr');
      expect(headers, path).toEqual(Object.fromEntries(viaHandle.headers));
      expect(await early('GET', url, tag, `lang=fr; ${SESSION_COOKIE}=abc`), path).toBeNull();
      expect(await early('GET', url, '"stale"', undefined), path).toBeNull();
      expect(await early('POST', url, tag, undefined), path).toBeNull();
    }
    expect(await early('GET', new URL('http://localhost/tiles/sites/3/9/0.mvt'), '*', undefined)).toBeNull();
  });

  it('leaves to the routes what they refuse, and a signed-in viewer (private, never a 304)', async () => {
    const any = { 'if-none-match': '*' };
    expect((await ask('/tiles/sites/3/9/0.mvt', any)).status).toBe(404);
    expect((await ask('/tiles/nolayer/6/36/29.mvt', any)).status).toBe(404);
    expect((await ask('/map/verdicts.json?date=2024-13-40', any)).status).toBe(400);
    const tag = (await ask(PATHS.meta)).headers.get('etag')!;
    const before = resolved;
    const staff = await ask(PATHS.meta, { 'if-none-match': tag }, admin);
    expect(resolved - before).toBe(1);
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect(staff.headers.get('etag')).toBeNull();
  });
});

describe("a date's verdicts", () => {
  it('are serialised once per visibility level and data version; the kept body equals a fresh one', async () => {
    const date = '2023-11-11';
    const path = `/map/verdicts.json?date=${date}`;
    await warmUpSettled();
    const before = serialisedBodiesUse().entries;
    const first = await ask(path);
    const second = await ask(path);
    // One body kept, made from the archive of every date the walk of the range filled (`verdictsArchive.ts`).
    expect(serialisedBodiesUse().entries - before).toBe(1);
    const situation = await services.store.situationFor(null);
    expect(services.verdictsArchive.has(situation, date)).toBe(true);
    const body = await second.text();
    expect(body).toBe(await first.text());
    const { verdictsForView } = await import('$lib/server/mapView/verdictsForView');
    const fresh = await verdictsForView(services.store, situation, date);
    expect(body).toBe(JSON.stringify(fresh));
  });

  it('never hold a restricted record in the public body, whoever asked first', async () => {
    const path = '/map/verdicts.json?date=2024-10-10';
    const staff = await (await ask(path, {}, admin)).text();
    expect(staff).toContain(SECRET);
    const anonymous = await ask(path);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(await anonymous.text()).not.toContain(SECRET);
    expect(await (await ask(path, {}, admin)).text()).toBe(staff);
  });
});

// Last in this file: it adds a record, as another instance on the same database would (the data version is
// bumped in the write's transaction).
describe('a public write', () => {
  it('turns the revalidation with the old tag into a 200 with a new tag and the new content', async () => {
    const old = await Promise.all(Object.values(PATHS).map((p) => ask(p)));
    const tags = old.map((r) => r.headers.get('etag')!);
    const oldVerdicts = await old[1].text();
    await createFeature(
      services.database.db,
      'sites',
      site('public_revalidation_camp', 'public', 25.4),
      'test',
    );
    await fresh();
    for (const [i, path] of Object.values(PATHS).entries()) {
      const again = await ask(path, { 'if-none-match': tags[i] });
      expect(again.status, path).toBe(200);
      expect(again.headers.get('etag'), path).not.toBe(tags[i]);
      expect(again.headers.get('etag'), path).toBe((await ask(path)).headers.get('etag'));
    }
    const verdicts = await (await ask(PATHS.verdicts)).text();
    expect(verdicts).not.toBe(oldVerdicts);
    expect(verdicts).toContain('public_revalidation_camp');
  });
});

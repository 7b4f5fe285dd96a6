// Who may call what, on which records: EVERY procedure of the app router and EVERY route file under
// src/routes, for every role (anonymous, viewer, editor, admin) and every sensitivity of record (public,
// restricted, confidential), against a real embedded database holding one site of each sensitivity owned by
// an administrator. Both lists are read from the code (the router's procedures, the route files on disk)
// and the test fails when one of them has no policy below: a new procedure or route cannot be forgotten.
//
// ADDING A PROCEDURE is one line in `procedures`, e.g. for an administrators' accounts list:
//   'accounts.list': { role: 'admin', records: 'none', call: (c) => c.accounts.list() },
// `role`: the lowest role that may call it ('anonymous': anyone). Lower ones must be refused before
// anything is read (UNAUTHORIZED for anonymous callers, FORBIDDEN for accounts).
// `records`: what it does with the probe record `p` (see `RecordRule`); `call(c, p, t)` calls it as the
// trial's caller `c`, on `p` (`p.id`, `p.version`, `p.auditId`, `p.feature`). A procedure that may answer
// an allowed caller with an error for the input given (not a role refusal) uses `allowed: 'answers'`.
// ADDING A ROUTE is one line in `routes`, with one of the checks below (`page('viewer', '/plan')` for a
// signed-in page, `served(...)`, `noRecords(...)`, ...).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { warmUpSettled } from '$lib/server/mapView/verdictsWarmUp';
import type { Sensitivity } from '$lib/domain/schemas';
import type { Viewer } from '$lib/server/auth/roles';
import { createFeature, featureHistory, getFeature, upsertFeatures } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { recordStatusChanges } from '$lib/server/feed';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';

type RoleName = 'anonymous' | 'viewer' | 'editor' | 'admin';
const ROLES: RoleName[] = ['anonymous', 'viewer', 'editor', 'admin'];
const SENSITIVITIES: Sensitivity[] = ['public', 'restricted', 'confidential'];

/** What each role may see (README "Storage and who sees what"): the policy, declared here, not read from the code. */
const SEES: Record<RoleName, Sensitivity[]> = {
  anonymous: ['public'],
  viewer: ['public', 'restricted'],
  editor: ['public', 'restricted'],
  admin: ['public', 'restricted', 'confidential'],
};
const atLeast = (role: RoleName, min: RoleName) => ROLES.indexOf(role) >= ROLES.indexOf(min);
const viewerOf = (role: RoleName): Viewer =>
  role === 'anonymous' ? null : { id: ROLES.indexOf(role), email: `${role}@example.org`, role };

let services: Services;
// Route handlers reach the server's services through `services()`: here they get this test's database.
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;
const callerFor = (role: RoleName) => createCaller({ services, viewer: viewerOf(role) });

// ---------------------------------------------------------------------------------------------------------
// The probe records: one site of each sensitivity, owned by an administrator, reset before every trial.

const ADMIN = 'admin@example.org';
const probeName = (s: Sensitivity) => `Probe ${s} site`;
const probeFeature = (id: string, s: Sensitivity, name = probeName(s)) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [25.3 + SENSITIVITIES.indexOf(s) / 100, 13.48] },
  properties: { id, name, source: 'probe', kind: 'idp_camp', country: 'SDN', sensitivity: s },
});

interface Probe {
  id: string;
  sensitivity: Sensitivity;
  name: string;
  /** The version stored now. */
  version: number;
  /** The probe's first change (its creation): restoring it is a write that keeps the sensitivity. */
  auditId: number;
  feature: ReturnType<typeof probeFeature>;
}

/** Puts the probe of `s` back as it was created (live, same content) and reads its version. */
async function resetProbe(s: Sensitivity): Promise<Probe> {
  const db = services.database.db;
  const id = `probe_${s}`;
  const feature = probeFeature(id, s);
  await upsertFeatures(db, 'sites', [feature], ADMIN);
  const stored = (await getFeature(db, id))!;
  const [created] = await featureHistory(db, id);
  return {
    id,
    sensitivity: s,
    name: feature.properties.name,
    version: stored.version,
    auditId: created.auditId,
    feature,
  };
}

/** The same call on an id that was never used: a record the caller may not see must be answered so. */
const missingLike = (p: Probe): Probe => ({
  ...p,
  id: 'probe_missing',
  feature: probeFeature('probe_missing', p.sensitivity, p.name),
});

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  for (const s of SENSITIVITIES)
    await createFeature(services.database.db, 'sites', probeFeature(`probe_${s}`, s), ADMIN);
  // The probes appear in the change feed (a site that appears is a change), each at its sensitivity.
  await recordStatusChanges(services, { cause: 'edit', actor: ADMIN });
});
afterAll(async () => {
  // The warm-up of the next dates (`verdictsWarmUp.ts`) may still be analysing in the background.
  await warmUpSettled();
  await services.database.close();
});

type Settled = { out?: unknown; error?: { code?: string; status?: number; message: string } };
async function settle(work: () => Promise<unknown>): Promise<Settled> {
  try {
    return { out: await work() };
  } catch (e) {
    const { code, status, message } = e as { code?: string; status?: number; message: string };
    return { error: { code, status, message } };
  }
}

/** Nothing a role may not see shows in what it got: no probe id or name (but for the id it asked about). */
function expectNoLeak(role: RoleName, got: unknown, askedId?: string) {
  const text = JSON.stringify(got) ?? '';
  for (const s of SENSITIVITIES) {
    if (SEES[role].includes(s)) continue;
    expect(text).not.toContain(probeName(s));
    if (askedId !== `probe_${s}`) expect(text).not.toContain(`"probe_${s}"`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Procedures.

/**
 * What a procedure does with a record the caller may not see (one it may see it reads or writes as asked):
 * - `filtered`: it lists records; it lists the probe exactly when the caller may see it;
 * - `as-missing`: it answers exactly as for an id never used (same code, same message but the id);
 * - `id-in-use`: it writes by id and refuses the probe's id as already used, changing nothing;
 * - `gives-sensitivity`: it creates a record of the probe's sensitivity, refused when the caller may not see it;
 * - `none`: it touches no record.
 */
type RecordRule = 'filtered' | 'as-missing' | 'id-in-use' | 'gives-sensitivity' | 'none';

interface Trial {
  role: RoleName;
  /** An import staged with these features, by the caller when it may import, otherwise by an editor. */
  staged: (features: unknown[]) => Promise<string>;
}

/** Imports a trial left open, by the role that began them: aborted after it (an account may hold 4). */
const openImports: { role: RoleName; importId: string }[] = [];
async function abortOpenImports() {
  for (const { role, importId } of openImports.splice(0))
    await callerFor(role)
      .imports.abort({ importId })
      .catch(() => undefined); // finished or aborted by the trial itself
}

interface ProcedurePolicy {
  role: RoleName;
  records: RecordRule;
  call: (c: Caller, p: Probe, t: Trial) => Promise<unknown>;
  /** `ok` (default): an allowed caller's call succeeds; `answers`: it is answered, maybe with an error. */
  allowed?: 'ok' | 'answers';
  /** What an allowed call on a probe the caller may see did (optional): checked after it succeeded. */
  did?: (out: unknown, p: Probe) => unknown;
}

/** The probe as an administrator reads it now. */
const stored = async (p: Probe) => (await getFeature(services.database.db, p.id))!;

let created = 0;
const renamed = (p: Probe) => probeFeature(p.id, p.sensitivity, `${p.name} (edited)`);

const procedures: Record<string, ProcedurePolicy> = {
  'situation.get': { role: 'anonymous', records: 'filtered', call: (c) => c.situation.get() },
  'analysis.run': {
    role: 'anonymous',
    records: 'filtered',
    call: (c) => c.analysis.run({ asOf: '2024-08-15' }),
  },
  'feed.list': { role: 'anonymous', records: 'filtered', call: (c) => c.feed.list({ limit: 200 }) },
  'features.get': {
    role: 'viewer',
    records: 'as-missing',
    call: (c, p) => c.features.get({ id: p.id }),
    did: (out, p) =>
      expect(out).toMatchObject({ version: p.version, feature: { properties: { name: p.name } } }),
  },
  'features.history': {
    role: 'viewer',
    records: 'as-missing',
    call: (c, p) => c.features.history({ id: p.id }),
    did: (out, p) => expect((out as { auditId: number }[])[0].auditId).toBe(p.auditId),
  },
  'features.update': {
    role: 'editor',
    records: 'as-missing',
    call: (c, p) => c.features.update({ id: p.id, version: p.version, feature: renamed(p) }),
    did: async (_, p) =>
      expect(await stored(p)).toMatchObject({
        version: p.version + 1,
        feature: { properties: { name: `${p.name} (edited)` } },
      }),
  },
  'features.delete': {
    role: 'editor',
    records: 'as-missing',
    call: (c, p) => c.features.delete({ id: p.id, version: p.version }),
    did: async (_, p) => expect(await stored(p)).toMatchObject({ version: p.version + 1, deleted: true }),
  },
  'features.restore': {
    role: 'editor',
    records: 'as-missing',
    call: (c, p) => c.features.restore({ id: p.id, auditId: p.auditId, version: p.version }),
    did: async (_, p) => expect((await stored(p)).version).toBe(p.version + 1),
  },
  'features.create': {
    role: 'editor',
    records: 'gives-sensitivity',
    call: (c, p) =>
      c.features.create({ layer: 'sites', feature: probeFeature(`new_${++created}`, p.sensitivity) }),
    did: (out, p) =>
      expect(out).toMatchObject({ version: 1, feature: { properties: { sensitivity: p.sensitivity } } }),
  },
  'imports.begin': {
    role: 'editor',
    records: 'none',
    call: (c) =>
      c.imports.begin({ layer: 'sites', fileName: 'sites.geojson', format: 'geojson', expectedCount: 1 }),
  },
  'imports.append': {
    role: 'editor',
    records: 'none',
    call: async (c, p, t) =>
      c.imports.append({ importId: await t.staged([]), seq: 0, features: [renamed(p)] }),
  },
  'imports.finish': {
    role: 'editor',
    records: 'id-in-use',
    // Over the probe's id, keeping its sensitivity, or for one the importer may not see with one it may
    // give (restricted): only the stored record's sensitivity can then refuse it.
    call: async (c, p, t) => {
      const s = SEES[t.role].includes(p.sensitivity) ? p.sensitivity : 'restricted';
      return c.imports.finish({ importId: await t.staged([probeFeature(p.id, s, 'Imported over')]) });
    },
    did: async (out, p) => {
      expect(out).toMatchObject({ created: 0, updated: 1 });
      expect((await stored(p)).feature.properties.name).toBe('Imported over');
    },
  },
  'imports.abort': {
    role: 'editor',
    records: 'none',
    call: async (c, p, t) => c.imports.abort({ importId: await t.staged([renamed(p)]) }),
  },
  'imports.mapping': {
    role: 'editor',
    records: 'none',
    call: (c) => c.imports.mapping({ sourceKey: 'csv:probe' }),
  },
  // Account administration: administrators only; it touches accounts, never records.
  'accounts.list': { role: 'admin', records: 'none', call: (c) => c.accounts.list() },
  'accounts.add': {
    role: 'admin',
    records: 'none',
    call: (c) => c.accounts.add({ email: `probe${++created}@example.org`, role: 'viewer' }),
  },
  'accounts.setRole': {
    role: 'admin',
    records: 'none',
    allowed: 'answers', // no such account here: NOT_FOUND-like, but never a role refusal
    call: (c) => c.accounts.setRole({ email: 'nobody@example.org', role: 'editor' }),
  },
  'accounts.disable': {
    role: 'admin',
    records: 'none',
    allowed: 'answers',
    call: (c) => c.accounts.disable({ email: 'nobody@example.org' }),
  },
  'accounts.enable': {
    role: 'admin',
    records: 'none',
    allowed: 'answers',
    call: (c) => c.accounts.enable({ email: 'nobody@example.org' }),
  },
  'accounts.resetPassword': {
    role: 'admin',
    records: 'none',
    allowed: 'answers',
    call: (c) => c.accounts.resetPassword({ email: 'nobody@example.org' }),
  },
  'accounts.endSessions': {
    role: 'admin',
    records: 'none',
    allowed: 'answers',
    call: (c) => c.accounts.endSessions({ email: 'nobody@example.org' }),
  },
  // The convoy planner: viewers and up. A route from a record the caller may not see is answered as from
  // an id never used; plans are records of their own (tests/integration/plans-api.test.ts).
  'routes.plan': {
    role: 'viewer',
    records: 'as-missing',
    allowed: 'answers', // the probe may lie off the road network
    call: (c, p) => c.routes.plan({ asOf: '2024-08-20', from: p.id, to: 'sd_zamzam' }),
  },
  'plans.list': { role: 'viewer', records: 'none', call: (c) => c.plans.list() },
  'plans.get': {
    role: 'viewer',
    records: 'none',
    allowed: 'answers',
    call: (c) => c.plans.get({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  'plans.history': {
    role: 'viewer',
    records: 'none',
    allowed: 'answers',
    call: (c) => c.plans.history({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  'plans.save': {
    role: 'viewer',
    records: 'none',
    call: (c) =>
      c.plans.save({
        name: 'probe plan',
        request: { asOf: '2024-08-20', from: 'td_adre_transit', to: 'sd_zamzam' },
      }),
  },
  'plans.delete': {
    role: 'viewer',
    records: 'none',
    allowed: 'answers',
    call: (c) => c.plans.delete({ id: '00000000-0000-4000-8000-000000000000', version: 1 }),
  },
};

/** An import begun (and given `features` when there are any) by `role`, or by an editor when it may not. */
function stagerFor(role: RoleName) {
  return async (features: unknown[]) => {
    const by = atLeast(role, 'editor') ? role : 'editor';
    const c = callerFor(by);
    const begun = await c.imports.begin({
      layer: 'sites',
      fileName: 'sites.geojson',
      format: 'geojson',
      expectedCount: Math.max(1, features.length),
    });
    openImports.push({ role: by, importId: begun.importId });
    if (features.length > 0) await c.imports.append({ importId: begun.importId, seq: 0, features });
    return begun.importId;
  };
}

const trials = (names: string[]) =>
  names.flatMap((name) => ROLES.flatMap((role) => SENSITIVITIES.map((s) => [name, role, s] as const)));

describe('access policy of every procedure', () => {
  it('every procedure of the app router has a policy here, and every policy a procedure', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(procedures).sort());
  });

  it.each(trials(Object.keys(procedures)))('%s called by %s on a %s record', async (name, role, s) => {
    const policy = procedures[name];
    const p = await resetProbe(s);
    const t: Trial = { role, staged: stagerFor(role) };
    const got = await settle(() => policy.call(callerFor(role), p, t));
    const begun = (got.out as { importId?: unknown } | undefined)?.importId;
    if (typeof begun === 'string') openImports.push({ role, importId: begun });
    await abortOpenImports();
    const unchanged = async () => {
      const now = (await getFeature(services.database.db, p.id))!;
      expect({ version: now.version, deleted: now.deleted }).toEqual({ version: p.version, deleted: false });
    };

    if (!atLeast(role, policy.role)) {
      // Refused on the role alone, before any record is read: the same answer for every sensitivity.
      expect(got.error).toMatchObject(
        role === 'anonymous'
          ? { code: 'UNAUTHORIZED', message: 'sign in first' }
          : { code: 'FORBIDDEN', message: expect.stringMatching(/^needs the role /) },
      );
      await unchanged();
      return;
    }
    const sees = SEES[role].includes(s);
    if (policy.records === 'filtered') {
      expect(got.error).toBeUndefined();
      expect(JSON.stringify(got.out).includes(`"${p.id}"`)).toBe(sees);
    } else if (sees || policy.records === 'none') {
      if ((policy.allowed ?? 'ok') === 'ok') expect(got.error).toBeUndefined();
      else if (got.error) expect(got.error.code).not.toMatch(/^(UNAUTHORIZED|FORBIDDEN)$/);
      if (!got.error) await policy.did?.(got.out, p);
    } else if (policy.records === 'as-missing') {
      const missing = await settle(() => policy.call(callerFor(role), missingLike(p), t));
      expect(missing.error).toBeDefined();
      expect(got.error).toEqual({
        ...missing.error,
        message: missing.error!.message.replaceAll('probe_missing', p.id),
      });
      await unchanged();
    } else if (policy.records === 'id-in-use') {
      expect(got.error?.code).toBe('BAD_REQUEST');
      expect(got.error?.message).toContain(
        `feature #0 (id "${p.id}"), field "properties.id": is already used by another feature`,
      );
      await unchanged();
    } else if (policy.records === 'gives-sensitivity') {
      expect(got.error).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining(`field "properties.sensitivity": only administrators`),
      });
    }
    expectNoLeak(role, got, p.id);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Routes, called as SvelteKit calls them (the route module's GET, POST or load, with the viewer in `locals`).

interface RouteTrial {
  file: string;
  role: RoleName;
  p: Probe;
}
type RouteCheck = (t: RouteTrial) => Promise<void>;

/** The params SvelteKit would give `file` for `path` (and a failure when the path is not the file's). */
function paramsOf(file: string, path: string): Record<string, string> {
  const dir = file.split('/').slice(0, -1).join('/');
  const pattern = dir
    .replace(/[.*+?^${}()|\\]/g, '\\$&')
    .replace(/\[\\\.\\\.\\\.(\w+)\]/g, '(?<$1>.+)')
    .replace(/\[(\w+)\]/g, '(?<$1>[^/]+?)');
  const m = new RegExp(`^/${pattern}$`).exec(new URL(path, 'http://localhost').pathname);
  expect(m, `${path} is not served by src/routes/${file}`).not.toBeNull();
  return { ...(m!.groups ?? {}) };
}

async function routeModule(file: string) {
  return (await import(/* @vite-ignore */ `../../src/routes/${file}`)) as Record<string, unknown>;
}

/** A request event as SvelteKit builds it, for `role`. */
function event(file: string, role: RoleName, path: string, init?: RequestInit) {
  const url = new URL(path, 'http://localhost');
  return {
    request: new Request(url, init),
    url,
    params: paramsOf(file, path),
    locals: { viewer: viewerOf(role) },
    cookies: { get: () => undefined, delete: () => undefined, set: () => undefined },
    getClientAddress: () => '127.0.0.1',
  };
}

async function get(file: string, role: RoleName, path: string): Promise<{ status: number; body: string }> {
  const mod = await routeModule(file);
  const res = await (mod.GET as (e: unknown) => Promise<Response>)(event(file, role, path));
  return { status: res.status, body: await res.text() };
}

/** Runs a page's load (or another SvelteKit handler): what it returned, or the redirect or error it threw. */
async function thrown(work: () => unknown): Promise<{ out?: unknown; status?: number; location?: string }> {
  try {
    return { out: await work() };
  } catch (e) {
    const { status, location } = e as { status?: number; location?: string };
    if (typeof status !== 'number') throw e;
    return { status, location };
  }
}

/** A GET answering 200 with records: the probe is in it exactly when `who` may see it. */
const served =
  (path: (p: Probe) => string, who: 'caller' | 'public'): RouteCheck =>
  async ({ file, role, p }) => {
    const r = await get(file, role, path(p));
    expect(r.status).toBe(200);
    const seen = who === 'public' ? p.sensitivity === 'public' : SEES[role].includes(p.sensitivity);
    expect(r.body.includes(p.id)).toBe(seen);
    expectNoLeak(who === 'public' ? 'anonymous' : role, r.body);
  };

/** A GET of the probe alone: found when `who` may see it, otherwise answered as an id never used. */
const one =
  (path: (id: string) => string, who: 'caller' | 'public'): RouteCheck =>
  async ({ file, role, p }) => {
    const r = await get(file, role, path(p.id));
    const missing = await get(file, role, path('probe_missing'));
    expect(missing.status).toBe(404);
    if (who === 'public' ? p.sensitivity === 'public' : SEES[role].includes(p.sensitivity)) {
      expect(r.status).toBe(200);
      expect(r.body).toContain(p.id);
    } else expect(r).toEqual({ ...missing, body: missing.body.replaceAll('probe_missing', p.id) });
    expectNoLeak(who === 'public' ? 'anonymous' : role, r.body, p.id);
  };

/** A GET that serves no record at all. */
const noRecords =
  (path: string): RouteCheck =>
  async ({ file, role }) => {
    const r = await get(file, role, path);
    expect(r.status).toBe(200);
    for (const s of SENSITIVITIES) expect(r.body).not.toContain(`probe_${s}`);
  };

/**
 * A public image without ids to look for (the embed's PNG): the same bytes whoever asks, so it draws nothing
 * an anonymous reader may not see (its SVG, which names what it draws, is checked with `served`).
 */
const sameImage =
  (path: string): RouteCheck =>
  async ({ file, role }) => {
    const mod = await routeModule(file);
    const bytes = async (who: RoleName) => {
      const res = await (mod.GET as (e: unknown) => Promise<Response>)(event(file, who, path));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      return Buffer.from(await res.arrayBuffer());
    };
    expect((await bytes(role)).equals(await bytes('anonymous'))).toBe(true);
  };

/** A page every role may open whose load gives records: the probe is in it exactly when the caller may see it. */
const loaded =
  (path: string): RouteCheck =>
  async ({ file, role, p }) => {
    const mod = await routeModule(file);
    const r = await thrown(() => (mod.load as (e: unknown) => unknown)(event(file, role, path)));
    expect(r.status).toBeUndefined();
    expect(JSON.stringify(r.out).includes(p.id)).toBe(SEES[role].includes(p.sensitivity));
    expectNoLeak(role, r.out);
  };

/** A signed-in page: anonymous visitors are sent to sign in, lower roles refused (403), others served. */
const page =
  (min: RoleName, path: string): RouteCheck =>
  async ({ file, role }) => {
    const mod = await routeModule(file);
    const r = await thrown(() => (mod.load as (e: unknown) => unknown)(event(file, role, path)));
    if (role === 'anonymous')
      expect(r).toEqual({ status: 303, location: `/login?next=${encodeURIComponent(path)}` });
    else if (!atLeast(role, min)) expect(r).toMatchObject({ status: 403 });
    else {
      expect(r.status).toBeUndefined();
      expectNoLeak(role, r.out);
    }
  };

/**
 * A public page rendered on the server from the analysis (`/hotspots`): served to everyone, the probe (a camp
 * beside Zamzam, which needs protection on the date) on it exactly when the caller may see it.
 */
const shown =
  (path: string): RouteCheck =>
  async ({ file, role, p }) => {
    const mod = await routeModule(file);
    const r = await thrown(() => (mod.load as (e: unknown) => unknown)(event(file, role, path)));
    expect(r.status).toBeUndefined();
    expect(JSON.stringify(r.out).includes(`"${p.id}"`)).toBe(SEES[role].includes(p.sensitivity));
    expectNoLeak(role, r.out);
  };

/** A page any visitor may open whose load shows public records only, whoever is signed in (the embed). */
const publicPage =
  (path: string): RouteCheck =>
  async ({ file, role }) => {
    const mod = await routeModule(file);
    const r = await thrown(() => (mod.load as (e: unknown) => unknown)(event(file, role, path)));
    expect(r.status).toBeUndefined();
    expectNoLeak('anonymous', r.out);
  };

/** The tRPC endpoint: the same answers over HTTP (features.get shown here; every procedure is checked above). */
const trpcEndpoint: RouteCheck = async ({ file, role, p }) => {
  const path = (id: string) => `/api/trpc/features.get?input=${encodeURIComponent(JSON.stringify({ id }))}`;
  const r = await get(file, role, path(p.id));
  if (role === 'anonymous') return expect(r.status).toBe(401);
  if (SEES[role].includes(p.sensitivity)) {
    expect(r.status).toBe(200);
    expect(r.body).toContain(probeName(p.sensitivity));
  } else {
    const missing = await get(file, role, path('probe_missing'));
    expect(missing.status).toBe(404);
    expect(r).toEqual({ ...missing, body: missing.body.replaceAll('probe_missing', p.id) });
  }
  expectNoLeak(role, r.body, p.id);
};

/** A Svelte component renders what the route's server file gives it: that file's check runs for it. */
const rendersDataOf =
  (serverFile: string): RouteCheck =>
  (t) =>
    routes[serverFile]({ ...t, file: serverFile });

const routes: Record<string, RouteCheck> = {
  // The map: rendered in the browser only (ssr = false) from situation.get and analysis.run (checked above).
  '+page.ts': async ({ file }) => expect((await routeModule(file)).ssr).toBe(false),
  '+page.svelte': rendersDataOf('+page.ts'),
  '+layout.svelte': rendersDataOf('+page.ts'),
  // The error page loads nothing: it shows the status and the error's message, never a record.
  '+error.svelte': async ({ file }) => {
    const source = readFileSync(join('src/routes', file), 'utf8');
    expect(source).toMatch(/page\.status/);
    expect(source).not.toMatch(/page\.data|\$props\(\)/);
  },
  'api/trpc/[...trpc]/+server.ts': trpcEndpoint,
  // The public access API: public records only, whoever asks; only the sites list names sites.
  'api/v1/openapi.json/+server.ts': noRecords('/api/v1/openapi.json'),
  'api/v1/verdicts/+server.ts': served(() => '/api/v1/verdicts?date=2024-08-15', 'public'),
  'api/v1/corridors/+server.ts': noRecords('/api/v1/corridors?date=2024-08-15'),
  'api/v1/sites/+server.ts': served(() => '/api/v1/sites?date=2024-08-15&format=csv', 'public'),
  'api/v1/crossings/+server.ts': noRecords('/api/v1/crossings?date=2024-08-15'),
  'api/v1/totals/+server.ts': noRecords('/api/v1/totals?date=2024-08-15'),
  'api/v1/series/+server.ts': noRecords('/api/v1/series?from=2024-08-01&to=2024-08-15'),
  'basemap/countries.geojson/+server.ts': noRecords('/basemap/countries.geojson'),
  // Comparing two dates: every role, computed from what the caller may see (the probes, beside Zamzam, change
  // between these dates as Zamzam does).
  'compare/+page.server.ts': loaded('/compare?from=2024-03-01&to=2024-08-20'),
  'compare/+page.svelte': rendersDataOf('compare/+page.server.ts'),
  'compare/export.[format]/+server.ts': served(
    () => '/compare/export.json?from=2024-03-01&to=2024-08-20',
    'caller',
  ),
  'data/+page.server.ts': page('editor', '/data'),
  'data/+page.svelte': rendersDataOf('data/+page.server.ts'),
  // The embeddable map: public records only, whoever is signed in (docs/embed.md).
  'embed/+page.server.ts': publicPage('/embed?date=2024-08-20'),
  'embed/+page.svelte': rendersDataOf('embed/+page.server.ts'),
  'embed/situation.json/+server.ts': served(() => '/embed/situation.json', 'public'),
  'embed/image.svg/+server.ts': served(() => '/embed/image.svg?date=2024-08-15', 'public'),
  'embed/image.png/+server.ts': sameImage('/embed/image.png?date=2024-08-15&width=240&height=200'),
  'embed/builder/+page.server.ts': publicPage('/embed/builder'),
  'embed/builder/+page.svelte': rendersDataOf('embed/builder/+page.server.ts'),
  'oembed/+server.ts': noRecords(`/oembed?url=${encodeURIComponent('http://localhost/embed')}`),
  'export/[layer].[format]/+server.ts': served(() => '/export/sites.geojson', 'caller'),
  'export/report.[format]/+server.ts': served(() => '/export/report.json?asOf=2024-08-15', 'caller'),
  'feed.atom/+server.ts': served(() => '/feed.atom', 'public'),
  'feed.json/+server.ts': served(() => '/feed.json', 'public'),
  'feed/[kind]/[id].atom/+server.ts': one((id) => `/feed/site/${id}.atom`, 'public'),
  'feed/[kind]/[id].json/+server.ts': one((id) => `/feed/site/${id}.json`, 'public'),
  'ogc/+server.ts': noRecords('/ogc'),
  'ogc/api/+server.ts': noRecords('/ogc/api'),
  'ogc/conformance/+server.ts': noRecords('/ogc/conformance'),
  'ogc/collections/+server.ts': noRecords('/ogc/collections'),
  'ogc/collections/[collectionId]/+server.ts': noRecords('/ogc/collections/sites'),
  'ogc/collections/[collectionId]/items/+server.ts': served(
    () => '/ogc/collections/sites/items?limit=10000',
    'public',
  ),
  'ogc/collections/[collectionId]/items/[featureId]/+server.ts': one(
    (id) => `/ogc/collections/sites/items/${id}`,
    'public',
  ),
  // Signing in shows no record: the form for anonymous visitors, a redirect for accounts.
  // The map at scale (docs/scaling.md): its mode, the verdicts of a date, one feature and the vector tiles, each
  // of what the caller may see (the probes lie in tile 6/36/29).
  'map/meta.json/+server.ts': noRecords('/map/meta.json'),
  'map/verdicts.json/+server.ts': served(() => '/map/verdicts.json?date=2024-08-20', 'caller'),
  'map/features/[id]/+server.ts': one((id) => `/map/features/${id}?date=2024-08-20`, 'caller'),
  'tiles/[layer]/[z]/[x]/[y].mvt/+server.ts': served(() => '/tiles/sites/6/36/29.mvt', 'caller'),
  'login/+page.server.ts': async ({ file, role }) => {
    const mod = await routeModule(file);
    const r = await thrown(() =>
      (mod.load as (e: unknown) => unknown)(event(file, role, '/login?next=/data')),
    );
    expect(r).toEqual(role === 'anonymous' ? { out: {} } : { status: 303, location: '/data' });
  },
  'login/+page.svelte': rendersDataOf('login/+page.server.ts'),
  'admin/+page.server.ts': page('admin', '/admin'),
  'admin/+page.svelte': rendersDataOf('admin/+page.server.ts'),
  // Trends: public records only for anonymous visitors, what the role may see for accounts.
  'trends/+page.server.ts': async ({ file, role }) => {
    const mod = await routeModule(file);
    const r = await thrown(() =>
      (mod.load as (e: unknown) => unknown)(event(file, role, '/trends?from=2024-08-01&to=2024-08-15')),
    );
    expect(r.status).toBeUndefined();
    expect((r.out as { series: { points: unknown[] } }).series.points).toHaveLength(3);
    expectNoLeak(role, r.out);
  },
  'trends/+page.svelte': rendersDataOf('trends/+page.server.ts'),

  'hotspots/+page.server.ts': shown('/hotspots?date=2024-08-15'),
  'hotspots/+page.svelte': rendersDataOf('hotspots/+page.server.ts'),
  'hotspots/brief/+page.server.ts': shown('/hotspots/brief?date=2024-08-15'),
  'hotspots/brief/+page.svelte': rendersDataOf('hotspots/brief/+page.server.ts'),
  'plan/+page.server.ts': page('viewer', '/plan'),
  'plan/+page.svelte': rendersDataOf('plan/+page.server.ts'),
  // A route's file for drivers: never for anonymous visitors; from a record the caller may not see, the same
  // answer as from an id never used.
  'plan/export.[format]/+server.ts': async ({ file, role, p }) => {
    const path = (from: string) =>
      `/plan/export.geojson?request=${encodeURIComponent(JSON.stringify({ asOf: '2024-08-20', from, to: 'sd_zamzam' }))}`;
    const r = await get(file, role, path(p.id));
    if (role === 'anonymous') return expect(r.status).toBe(401);
    const missing = await get(file, role, path('probe_missing'));
    expect(missing.status).toBeGreaterThanOrEqual(400);
    if (!SEES[role].includes(p.sensitivity))
      expect(r).toEqual({ ...missing, body: missing.body.replaceAll('probe_missing', p.id) });
    else expect(r.status).not.toBe(401);
    expectNoLeak(role, r.body, p.id);
  },
  // Signing out: a POST that ends the session (if any) and goes home, for everyone.
  'logout/+server.ts': async ({ file, role }) => {
    const mod = await routeModule(file);
    const r = await thrown(() =>
      (mod.POST as (e: unknown) => unknown)(event(file, role, '/logout', { method: 'POST' })),
    );
    expect(r).toEqual({ status: 303, location: '/' });
  },
};

function routeFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/^\+(page|server|layout|error)/.test(e.name))
        found.push(relative('src/routes', join(dir, e.name)));
    }
  };
  walk('src/routes');
  return found.sort();
}

describe('access policy of every route', () => {
  // Public reads look at the database at most once a second: let them see the probes as they are now.
  beforeAll(() => new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS + 50)));

  it('every route file under src/routes has a policy here, and every policy a file', () => {
    expect(routeFiles()).toEqual(Object.keys(routes).sort());
  });

  it.each(trials(Object.keys(routes)))('src/routes/%s for %s with a %s record', async (file, role, s) => {
    const p = await resetProbe(s);
    await routes[file]({ file, role, p });
  });
});

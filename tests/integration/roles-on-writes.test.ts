// Issue 8, "Roles must hold on writes": an editor signed in against an administrator's confidential site
// could read it and every version of it, get it back whole in a 409, publish it, delete, restore and
// import over it. Each finding has a test here; each failed before the fix.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEnv } from '$lib/server/env';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';

let services: Services;
// The OGC route reaches the server's services through `services()`: here it gets this test's database.
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

const createCaller = createCallerFactory(appRouter);
const admin = () => createCaller({ services, viewer: { id: 1, email: 'admin@example.org', role: 'admin' } });
const editor = () => createCaller({ services, viewer: { id: 2, email: 'ed@example.org', role: 'editor' } });
const viewer = () => createCaller({ services, viewer: { id: 3, email: 'vi@example.org', role: 'viewer' } });

const SECRET_NAME = 'Safe house near Tawila';
const site = (id: string, sensitivity: string, name = SECRET_NAME) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [24.9, 13.5] },
  properties: { id, name, source: 'field team', kind: 'idp_camp', country: 'SDN', sensitivity },
});

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  // The administrator's confidential site, edited once (so there are two versions to leak).
  await admin().features.create({ layer: 'sites', feature: site('secret_site', 'confidential') });
  await admin().features.update({
    id: 'secret_site',
    version: 1,
    feature: site('secret_site', 'confidential', `${SECRET_NAME} (moved)`),
  });
});
afterAll(() => services.database.close());

/** The error a call ends with (or undefined when it succeeded). */
async function failure(call: Promise<unknown>): Promise<{ code: string; message: string } | undefined> {
  return call.then(
    () => undefined,
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );
}

/** What the same call answers for an id that was never used: an invisible record must get exactly this. */
const missing = { code: 'NOT_FOUND', message: 'no feature "secret_site"' };

async function adminCopy() {
  return admin().features.get({ id: 'secret_site' });
}

/** The anonymous OGC item, read after public reads have looked at the database again. */
async function ogcItem(id: string): Promise<Response> {
  await new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS + 50));
  const mod = await import('../../src/routes/ogc/collections/[collectionId]/items/[featureId]/+server');
  const url = new URL(`http://localhost/ogc/collections/sites/items/${id}`);
  return (mod.GET as unknown as (e: unknown) => Promise<Response>)({
    request: new Request(url),
    url,
    params: { collectionId: 'sites', featureId: id },
    locals: { viewer: null },
  });
}

describe("an editor and an administrator's confidential site", () => {
  it('features.get answers exactly as for a missing record', async () => {
    expect(await failure(editor().features.get({ id: 'secret_site' }))).toEqual(missing);
    expect(await failure(editor().features.get({ id: 'never_there' }))).toEqual({
      code: 'NOT_FOUND',
      message: 'no feature "never_there"',
    });
  });

  it('features.history answers exactly as for a missing record, listing no version', async () => {
    expect(await failure(editor().features.history({ id: 'secret_site' }))).toEqual(missing);
    expect(await failure(editor().features.history({ id: 'never_there' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await admin().features.history({ id: 'secret_site' })).length).toBe(2);
  });

  it('a stale features.update is not a 409 carrying the record, but NOT_FOUND', async () => {
    const stale = await failure(
      editor().features.update({ id: 'secret_site', version: 1, feature: site('secret_site', 'public') }),
    );
    expect(stale).toEqual(missing);
    expect(JSON.stringify(stale)).not.toContain(SECRET_NAME);
  });

  it('features.update cannot publish it: it stays off /ogc/collections/sites/items/<id>', async () => {
    const { version } = await adminCopy();
    expect(
      await failure(
        editor().features.update({ id: 'secret_site', version, feature: site('secret_site', 'public') }),
      ),
    ).toEqual(missing);
    expect((await ogcItem('secret_site')).status).toBe(404);
    expect(await adminCopy()).toMatchObject({
      version,
      feature: { properties: { sensitivity: 'confidential' } },
    });
  });

  it('features.delete and features.restore answer as for a missing record and change nothing', async () => {
    const { version } = await adminCopy();
    expect(await failure(editor().features.delete({ id: 'secret_site', version }))).toEqual(missing);
    const [first] = await admin().features.history({ id: 'secret_site' });
    expect(
      await failure(editor().features.restore({ id: 'secret_site', auditId: first.auditId, version })),
    ).toEqual(missing);
    expect(await adminCopy()).toMatchObject({ version, deleted: false });
  });

  it('an import with its id is refused as an id in use, naming neither its layer nor its content', async () => {
    const { version } = await adminCopy();
    const { importId } = await editor().imports.begin({
      layer: 'sites',
      fileName: 'camps.geojson',
      format: 'geojson',
      expectedCount: 1,
    });
    await editor().imports.append({ importId, seq: 0, features: [site('secret_site', 'public', 'Mine')] });
    const refused = await failure(editor().imports.finish({ importId }));
    expect(refused?.code).toBe('BAD_REQUEST');
    expect(refused?.message).toContain(
      'camps.geojson: feature #0 (id "secret_site"), field "properties.id": is already used by another feature',
    );
    expect(refused?.message).not.toMatch(/sites layer|confidential|Tawila/);
    expect(await adminCopy()).toMatchObject({
      version,
      feature: { properties: { name: `${SECRET_NAME} (moved)` } },
    });
  });
});

describe('only administrators raise a record to confidential or lower it from there', () => {
  it('an editor can neither create a confidential record nor make one of its records confidential', async () => {
    const created = await failure(
      editor().features.create({ layer: 'sites', feature: site('editor_conf', 'confidential') }),
    );
    expect(created).toEqual({
      code: 'FORBIDDEN',
      message:
        '(input): feature #0 (id "editor_conf"), field "properties.sensitivity": only administrators may make a record confidential',
    });
    await editor().features.create({ layer: 'sites', feature: site('editor_site', 'restricted', 'Clinic') });
    expect(
      await failure(
        editor().features.update({
          id: 'editor_site',
          version: 1,
          feature: site('editor_site', 'confidential', 'Clinic'),
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('field "properties.sensitivity"'),
    });
    expect((await editor().features.get({ id: 'editor_site' })).version).toBe(1);
  });

  it('an editor cannot import confidential records: nothing is written', async () => {
    const { importId } = await editor().imports.begin({
      layer: 'sites',
      fileName: 'camps.geojson',
      format: 'geojson',
      expectedCount: 2,
    });
    await editor().imports.append({
      importId,
      seq: 0,
      features: [site('import_ok', 'public', 'A'), site('import_conf', 'confidential', 'B')],
    });
    const refused = await failure(editor().imports.finish({ importId }));
    expect(refused?.code).toBe('BAD_REQUEST');
    expect(refused?.message).toContain(
      'camps.geojson: feature #1 (id "import_conf"), field "properties.sensitivity": only administrators may make a record confidential',
    );
    expect(await failure(admin().features.get({ id: 'import_ok' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a 409 for a record made confidential since it was loaded carries nothing: NOT_FOUND', async () => {
    await admin().features.create({ layer: 'sites', feature: site('shared_site', 'restricted', 'Depot') });
    // The editor loaded version 1; the administrator then made it confidential (version 2).
    await admin().features.update({
      id: 'shared_site',
      version: 1,
      feature: site('shared_site', 'confidential', 'Depot, now secret'),
    });
    const stale = await failure(
      editor().features.update({ id: 'shared_site', version: 1, feature: site('shared_site', 'restricted') }),
    );
    expect(stale).toEqual({ code: 'NOT_FOUND', message: 'no feature "shared_site"' });
  });

  it('a 409 for a record the editor may see carries that record, as the editor needs it', async () => {
    await editor().features.create({ layer: 'sites', feature: site('open_site', 'public', 'Well') });
    await editor().features.update({
      id: 'open_site',
      version: 1,
      feature: site('open_site', 'public', 'Well 2'),
    });
    const stale = await failure(
      editor().features.update({ id: 'open_site', version: 1, feature: site('open_site', 'public', 'Mine') }),
    );
    expect(stale?.code).toBe('CONFLICT');
    const body = JSON.parse(stale!.message);
    expect(body.current).toMatchObject({ version: 2, feature: { properties: { name: 'Well 2' } } });
  });

  it('once an administrator lowers it, editors see it and only its visible versions', async () => {
    const { version } = await admin().features.get({ id: 'shared_site' });
    const lowered = await admin().features.update({
      id: 'shared_site',
      version,
      feature: site('shared_site', 'public', 'Depot'),
    });
    expect(lowered.feature.properties.sensitivity).toBe('public');
    expect((await ogcItem('shared_site')).status).toBe(200);
    const history = await editor().features.history({ id: 'shared_site' });
    // create (restricted) and the lowering (public) are listed; the confidential version is not, and the
    // lowering's `before` (confidential) is withheld.
    expect(history.map((h) => [h.action, h.versionAfter])).toEqual([
      ['create', 1],
      ['update', 3],
    ]);
    expect(history[1].before).toBeNull();
    expect(JSON.stringify(history)).not.toContain('now secret');
    // Restoring the confidential version is answered as restoring a change that does not exist.
    const hidden = (await admin().features.history({ id: 'shared_site' }))[1];
    expect(hidden.after?.properties.sensitivity).toBe('confidential');
    const restoreHidden = await failure(
      editor().features.restore({ id: 'shared_site', auditId: hidden.auditId, version: 3 }),
    );
    const restoreUnknown = await failure(
      editor().features.restore({ id: 'shared_site', auditId: 999_999, version: 3 }),
    );
    // The same answer as for a change that does not exist, but for the number asked about.
    expect(restoreHidden).toEqual({
      code: 'NOT_FOUND',
      message: `feature "shared_site" has no change ${hidden.auditId}`,
    });
    expect(restoreUnknown).toEqual({
      code: 'NOT_FOUND',
      message: 'feature "shared_site" has no change 999999',
    });
  });
});

describe('features.restore with an unknown change', () => {
  it('is NOT_FOUND naming the feature and the change, not a server error', async () => {
    const { version } = await adminCopy();
    expect(
      await failure(admin().features.restore({ id: 'secret_site', auditId: 123_456_789, version })),
    ).toEqual({ code: 'NOT_FOUND', message: 'feature "secret_site" has no change 123456789' });
    // A change of another feature is no change of this one.
    const [other] = await admin().features.history({ id: 'open_site' });
    expect(
      await failure(admin().features.restore({ id: 'secret_site', auditId: other.auditId, version })),
    ).toEqual({ code: 'NOT_FOUND', message: `feature "secret_site" has no change ${other.auditId}` });
  });
});

describe('viewers read restricted records but write nothing', () => {
  it('reads a restricted record and its history; not a confidential one', async () => {
    expect((await viewer().features.get({ id: 'editor_site' })).feature.properties.name).toBe('Clinic');
    expect((await viewer().features.history({ id: 'editor_site' })).length).toBe(1);
    expect(await failure(viewer().features.get({ id: 'secret_site' }))).toEqual(missing);
  });

  it('every write is FORBIDDEN before anything is read', async () => {
    const refused = { code: 'FORBIDDEN', message: 'needs the role editor or admin' };
    expect(
      await failure(
        viewer().features.update({ id: 'editor_site', version: 1, feature: site('editor_site', 'public') }),
      ),
    ).toEqual(refused);
    expect(await failure(viewer().features.delete({ id: 'editor_site', version: 1 }))).toEqual(refused);
    expect(
      await failure(viewer().features.create({ layer: 'sites', feature: site('viewer_site', 'public') })),
    ).toEqual(refused);
    expect(
      await failure(
        viewer().imports.begin({ layer: 'sites', fileName: 'a.csv', format: 'csv', expectedCount: 1 }),
      ),
    ).toEqual(refused);
    expect((await admin().features.get({ id: 'editor_site' })).version).toBe(1);
  });
});

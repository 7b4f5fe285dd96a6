// Indirect leaks of non-public records through public surfaces (issue 8, "Headers, links and small leaks"):
// what changes only with non-public records must not move a public validator, date or counter, and the public
// feed stops showing a record that is no longer public. Each case was found by probing the app as an
// anonymous visitor who watches the public surfaces while staff work. Runs on the embedded PGlite and, when
// TEST_DATABASE_URL is set, on PostgreSQL (in a database of its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { exportLayer } from '$lib/server/export/exportLayer';
import { feedAsOf, feedResponse, recordStatusChanges, type FeedFormat } from '$lib/server/feed';
import { nameUrn } from '$lib/server/feed/document';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { items } from '$lib/server/ogc/endpoints';
import { publicApiResponse, type ApiResource } from '$lib/server/publicApi/respond';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';
import { freshDatabase } from './helpers/freshDatabase';

const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const createCaller = createCallerFactory(appRouter);
const ORIGIN = 'http://leaks.test';
const EDITOR = { id: 1, email: 'ed@example.org', role: 'editor' as const };
/** Public reads check the database at most once a second; `timeStamp` has whole seconds. */
const aSecondLater = () => new Promise((r) => setTimeout(r, Math.max(PUBLIC_FRESHNESS_MS, 1000) + 50));

describe.each(engines)('public surfaces reveal nothing of non-public activity, on $name', ({ url }) => {
  let services: Services;
  let drop: (() => Promise<void>) | undefined;
  let asOf: string;
  const editor = () => createCaller({ services, viewer: EDITOR });
  const anonymous = () => createCaller({ services, viewer: null });
  const feed = (path: string, format: FeedFormat, subject?: { kind: string; id: string }) =>
    feedResponse(services, { url: new URL(path, ORIGIN), format, subject });

  /** Replaces a feature's properties through the API, as the editor does (the feed records after it). */
  async function edit(id: string, change: (p: Record<string, unknown>) => Record<string, unknown>) {
    const f = await editor().features.get({ id });
    const feature = { ...f.feature, properties: change({ ...f.feature.properties }) };
    return editor().features.update({ id, version: f.version, feature });
  }
  type StatusEntry = { date: string; status: string; source: string };
  /** Closes (or reopens) the Adré crossing on the feed's date: public changes of it and its corridor. */
  async function setAdre(closed: boolean) {
    await edit('td_adre_crossing', (p) => {
      const history = (p.statusHistory as StatusEntry[]).filter((e) => e.source !== 'leak test');
      return {
        ...p,
        statusHistory: closed ? [...history, { date: asOf, status: 'closed', source: 'leak test' }] : history,
      };
    });
  }
  async function remove(id: string) {
    const { version } = await editor().features.get({ id });
    await editor().features.delete({ id, version });
  }
  /** A restricted severe incident on the Adré road: blocks the corridor for staff only. */
  async function restrictedIncident(id: string) {
    await editor().features.create({
      layer: 'incidents',
      feature: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [22.3, 13.45] },
        properties: {
          id,
          name: 'Unverified staff report',
          source: 'staff report',
          sensitivity: 'restricted',
          date: asOf,
          category: 'hostilities',
          severity: 3,
          verification: 'unverified',
        },
      },
    });
  }

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (url) ({ url: databaseUrl, drop } = await freshDatabase(url, 'corridor_leaks'));
    services = await startServices(readEnv({ DATA_DIR: 'memory://', DATABASE_URL: databaseUrl }));
    asOf = feedAsOf((await services.store.situationFor(null)).scenario);
  });
  afterAll(async () => {
    await services?.database.close();
    await drop?.();
  });

  it("the OGC API's ETag and timeStamp stay put through staff work on restricted records", async () => {
    const path = '/ogc/collections/sites/items?limit=5';
    const read = (headers: Record<string, string> = {}) => {
      const u = new URL(path, ORIGIN);
      return items({ store: services.store, request: new Request(u, { headers }), url: u }, 'sites');
    };
    const first = await read();
    const etag = first.headers.get('etag')!;
    const { timeStamp } = (await first.json()) as { timeStamp: string };

    // 40 restricted sites, each followed by a staff download of the layer (which sees it): more distinct
    // non-public versions than any table of recent versions keeps.
    for (let i = 0; i < 40; i++) {
      await createFeature(
        services.database.db,
        'sites',
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [24 + i / 100, 13] },
          properties: {
            id: `leak_site_${i}`,
            name: `Staff site ${i}`,
            source: 'staff',
            sensitivity: 'restricted',
            kind: 'idp_camp',
            country: 'SDN',
          },
        },
        EDITOR.email,
      );
      const u = new URL('/export/sites.geojson', ORIGIN);
      const staffDownload = await exportLayer(services.store, EDITOR, new Request(u), u, 'sites', 'geojson');
      expect(staffDownload.status).toBe(200);
      await staffDownload.arrayBuffer();
    }
    await aSecondLater();

    const again = await read();
    expect(again.headers.get('etag')).toBe(etag);
    expect(((await again.json()) as { timeStamp: string }).timeStamp).toBe(timeStamp);
    expect((await read({ 'if-none-match': etag })).status).toBe(304);
  });

  it("the access API's ETags stay put when a restricted record blocks a corridor for staff, and move with public data", async () => {
    const api = (resource: ApiResource, headers: Record<string, string> = {}) => {
      const query = resource === 'series' ? `from=${asOf}&to=${asOf}` : `date=${asOf}`;
      const u = new URL(`/api/v1/${resource}?${query}`, ORIGIN);
      return publicApiResponse(services.store, new Request(u, { headers }), u, resource);
    };
    const adreCorridor = async () =>
      (
        (await (await api('corridors')).json()) as { corridors: { id: string; status: string }[] }
      ).corridors.find((c) => c.id === 'cor_adre_nyala')!.status;
    const resources: ApiResource[] = ['verdicts', 'corridors', 'totals', 'series'];
    const tags = async () => Promise.all(resources.map(async (r) => (await api(r)).headers.get('etag')!));
    const before = await tags();
    const publicStatus = await adreCorridor();
    expect(publicStatus).not.toBe('blocked');

    await restrictedIncident('leak_incident_api');
    // Staff see the corridor blocked by it: the record does matter.
    const staff = await editor().analysis.run({ asOf });
    expect(staff.corridors.find((c) => c.id === 'cor_adre_nyala')?.status).toBe('blocked');
    await aSecondLater();
    expect(await tags()).toEqual(before);
    expect((await api('verdicts', { 'if-none-match': before[0] })).status).toBe(304);
    expect(await adreCorridor()).toBe(publicStatus);
    expect(await (await api('verdicts')).text()).not.toContain('leak_incident_api');

    // A public change (Adré closed on the date) moves every tag.
    await setAdre(true);
    await aSecondLater();
    const after = await tags();
    for (let i = 0; i < resources.length; i++) expect(after[i], resources[i]).not.toBe(before[i]);
    expect((await api('verdicts', { 'if-none-match': before[0] })).status).toBe(200);
    await setAdre(false);
    await remove('leak_incident_api');
  });

  it("a quiet subject's feed keeps its <updated> when only restricted records change", async () => {
    const quiet = { kind: 'corridor', id: 'cor_port_sudan_nyala' };
    const updated = async () => {
      const text = await (await feed(`/feed/corridor/${quiet.id}.atom`, 'atom', quiet)).text();
      return /<feed[^]*?<updated>([^<]+)<\/updated>/.exec(text)![1];
    };
    const workspaceUpdated = async () =>
      ((await (await feed('/feed.json', 'json')).json()) as { _corridor: { updated: string } })._corridor
        .updated;
    const before = await updated();
    const workspaceBefore = await workspaceUpdated();
    await restrictedIncident('leak_incident_quiet');
    // Staff see the change it made; the feed did compare after the write.
    expect((await editor().feed.list()).items.map((i) => i.sensitivity)).toContain('restricted');
    expect(await updated()).toBe(before);
    expect(await workspaceUpdated()).toBe(workspaceBefore);
    await remove('leak_incident_quiet');
  });

  it('public change ids and paging cursors count public changes only, and entry ids do not hide them', async () => {
    await setAdre(true);
    await restrictedIncident('leak_incident_ids');
    await remove('leak_incident_ids');
    await setAdre(false);
    await restrictedIncident('leak_incident_ids_2');
    await setAdre(true);

    const staffIds = (await editor().feed.list({ limit: 200 })).items;
    expect(staffIds.some((i) => i.sensitivity === 'restricted')).toBe(true);
    const publicItems = (await anonymous().feed.list({ limit: 200 })).items;
    expect(publicItems.length).toBeGreaterThanOrEqual(6);
    // Numbered 1…n with no gap: n public changes, newest first.
    expect(publicItems.map((i) => i.id)).toEqual(publicItems.map((_, k) => publicItems.length - k));

    // The feeds' paging cursors are those numbers: one page at a time, each `before` one below the last.
    const cursors: number[] = [];
    let next: string | undefined = `${ORIGIN}/feed.json?limit=1`;
    while (next) {
      const page = (await (await feed(next, 'json')).json()) as { next_url?: string };
      next = page.next_url;
      if (next) cursors.push(Number(new URL(next).searchParams.get('before')));
    }
    expect(cursors).toEqual(publicItems.slice(0, -1).map((i) => i.id));
    const viaApi = await anonymous().feed.list({ limit: 2, before: publicItems[1].id });
    expect(viaApi.items.map((i) => i.id)).toEqual([publicItems[2].id, publicItems[3].id]);

    // An entry's permanent id (a name-based UUID) is not the hash of a row number that counts every change.
    const { items: entries } = (await (await feed('/feed.json?limit=200', 'json')).json()) as {
      items: { id: string; date_published: string }[];
    };
    const scenarioId = services.store.scenarioId;
    for (const e of entries)
      for (let n = 1; n <= 200; n++)
        expect(e.id).not.toBe(nameUrn(`${scenarioId}/change/${n}/${e.date_published}`));
    await remove('leak_incident_ids_2');
  });

  it('a public record made restricted leaves every public feed, as if it had never been', async () => {
    const corridor = { kind: 'corridor', id: 'cor_adre_nyala' };
    const publicSubjects = async () =>
      (await anonymous().feed.list({ limit: 200 })).items.map((i) => i.subject.id);
    expect(await publicSubjects()).toContain(corridor.id);
    expect((await feed(`/feed/corridor/${corridor.id}.json`, 'json', corridor)).status).toBe(200);

    await edit(corridor.id, (p) => ({ ...p, sensitivity: 'restricted' }));

    expect(await publicSubjects()).not.toContain(corridor.id);
    for (const [path, format] of [
      ['/feed.atom', 'atom'],
      ['/feed.json', 'json'],
    ] as const)
      expect(await (await feed(path, format)).text()).not.toContain(corridor.id);
    // Its own feed answers exactly like a corridor that never existed.
    const gone = await feed(`/feed/corridor/${corridor.id}.json`, 'json', corridor);
    const never = await feed('/feed/corridor/cor_never.json', 'json', { kind: 'corridor', id: 'cor_never' });
    expect(gone.status).toBe(404);
    expect(never.status).toBe(404);
    expect((await gone.text()).replace(corridor.id, 'X')).toBe(
      (await never.text()).replace('cor_never', 'X'),
    );
    // Staff still see its history.
    expect((await editor().feed.list({ limit: 200 })).items.map((i) => i.subject.id)).toContain(corridor.id);

    // Made public again, its public history is back.
    await edit(corridor.id, (p) => ({ ...p, sensitivity: 'public' }));
    expect(await publicSubjects()).toContain(corridor.id);
  });
});

describe('on a new day, the public feed does not date what the day changed by a write it does not show', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  });
  afterAll(() => services?.database.close());

  it("the date's changes carry the start of the day, not the time of the restricted write that found them", async () => {
    // Watched on 14 August 2024; the Adré crossing reopened to aid on the 15th.
    await recordStatusChanges(services, {
      cause: 'seed',
      actor: 'seed',
      now: new Date('2024-08-14T12:00:00Z'),
    });
    const quietUpdated = async () =>
      (
        (await (
          await feedResponse(services, {
            url: new URL('/feed/corridor/cor_port_sudan_nyala.json', ORIGIN),
            format: 'json',
            subject: { kind: 'corridor', id: 'cor_port_sudan_nyala' },
          })
        ).json()) as { _corridor: { updated: string } }
      )._corridor.updated;
    const updatedBefore = await quietUpdated();
    // The first write of the 15th, at 15:37, is of a restricted record far from any corridor.
    await createFeature(
      services.database.db,
      'sites',
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [30.1, 12.2] },
        properties: {
          id: 'leak_site_new_day',
          name: 'Staff site',
          source: 'staff',
          sensitivity: 'restricted',
          kind: 'idp_camp',
          country: 'SDN',
        },
      },
      'ed@example.org',
    );
    const r = await recordStatusChanges(services, {
      cause: 'edit',
      actor: 'ed@example.org',
      now: new Date('2024-08-15T15:37:00Z'),
    });
    expect(r.changes.map((c) => c.cause)).toContain('date');

    // (Moving the clock back to the 14th for the test recorded that day's changes first: left aside.)
    const items = (await createCaller({ services, viewer: null }).feed.list({ limit: 200 })).items.filter(
      (i) => i.asOf === '2024-08-15',
    );
    expect(items.map((i) => i.subject.id)).toContain('td_adre_crossing');
    for (const i of items) expect([i.cause, i.at]).toEqual(['date', '2024-08-15T00:00:00.000Z']);
    // A feed with no entry says the public verdicts last changed when the day began.
    expect(updatedBefore).not.toBe('2024-08-15T00:00:00.000Z');
    expect(await quietUpdated()).toBe('2024-08-15T00:00:00.000Z');
  });
});

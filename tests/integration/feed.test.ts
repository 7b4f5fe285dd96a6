// The change feed (README "Change feed"): edits that change a corridor's or crossing's status or a site's
// access are recorded once, with their reasons; public feeds carry public changes only. Runs on the embedded
// PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL (in a database of its own).
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getFeature, updateFeature } from '$lib/server/db/featureRepository';
import { statusSnapshots } from '$lib/server/db/schema';
import { readEnv } from '$lib/server/env';
import {
  feedAsOf,
  feedResponse,
  readChanges,
  recordAfterWrite,
  recordStatusChanges,
  type FeedFormat,
} from '$lib/server/feed';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';
import * as workspaceAtom from '../../src/routes/feed.atom/+server';
import * as workspaceJson from '../../src/routes/feed.json/+server';
import * as subjectAtomRoute from '../../src/routes/feed/[kind]/[id].atom/+server';
import * as subjectJsonRoute from '../../src/routes/feed/[kind]/[id].json/+server';
import { freshDatabase } from './helpers/freshDatabase';

const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const createCaller = createCallerFactory(appRouter);
const ORIGIN = 'http://feed.test';
const SECRET_INCIDENT = 'feed_secret_incident';
const SECRET_NAME = 'Unverified staff report near Geneina';
const CONFIDENTIAL_INCIDENT = 'feed_confidential_incident';
/** A corridor name with what XML must escape and Arabic, to check the Atom document round-trips it. */
const TRICKY_NAME = 'Adré & <El Geneina> → "Nyala" — أدري ↔ نيالا';

const parseXml = (text: string) =>
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'application/xml');
const children = (e: Element, name: string) =>
  Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
const child = (e: Element, name: string) => children(e, name)[0];

describe.each(engines)('change feed on $name', ({ url }) => {
  let services: Services;
  let drop: (() => Promise<void>) | undefined;
  let asOf: string;
  const editor = () => createCaller({ services, viewer: { id: 1, email: 'ed@example.org', role: 'editor' } });
  const admin = () => createCaller({ services, viewer: { id: 2, email: 'ad@example.org', role: 'admin' } });
  const anonymous = () => createCaller({ services, viewer: null });
  const get = (path: string, format: FeedFormat, subject?: { kind: string; id: string }) =>
    feedResponse(services, { url: new URL(path, ORIGIN), format, subject });
  type StatusEntry = { date: string; status: string; source: string };
  const crossingHistory = async () =>
    (
      (await editor().features.get({ id: 'td_adre_crossing' })).feature.properties as {
        statusHistory: StatusEntry[];
      }
    ).statusHistory;

  /** Replaces a feature's properties through the API, as the editor does. */
  async function edit(id: string, change: (p: Record<string, unknown>) => Record<string, unknown>) {
    const f = await editor().features.get({ id });
    const feature = { ...f.feature, properties: change({ ...f.feature.properties }) };
    return editor().features.update({ id, version: f.version, feature });
  }

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (url) ({ url: databaseUrl, drop } = await freshDatabase(url, 'corridor_feed'));
    services = await startServices(readEnv({ DATA_DIR: 'memory://', DATABASE_URL: databaseUrl }));
    asOf = feedAsOf((await services.store.situationFor(null)).scenario);
  });
  afterAll(async () => {
    await services?.database.close();
    await drop?.();
  });

  it('starts with a baseline: the first comparison records no change', async () => {
    expect((await admin().feed.list()).items).toEqual([]);
    const again = await recordStatusChanges(services, { cause: 'seed', actor: 'seed' });
    expect(again).toMatchObject({ baseline: false, analysed: false, changes: [] });
  });

  it('closing the Adré crossing records its status and the Adré corridor’s, with reasons', async () => {
    // A rename changes no status: nothing is recorded for it.
    await edit('cor_adre_nyala', (p) => ({ ...p, name: TRICKY_NAME }));
    expect((await editor().feed.list()).items).toEqual([]);

    const history = await crossingHistory();
    expect(history.at(-1)!.date <= asOf).toBe(true);
    await edit('td_adre_crossing', (p) => ({
      ...p,
      statusHistory: [...history, { date: asOf, status: 'closed', source: 'field report' }],
    }));

    const { items } = await anonymous().feed.list();
    const crossing = items.find((i) => i.subject.id === 'td_adre_crossing');
    expect(crossing).toMatchObject({
      subject: { kind: 'crossing', name: 'Adré – El Geneina crossing' },
      field: 'status',
      before: 'open',
      after: 'closed',
      sensitivity: 'public',
      cause: 'edit',
      asOf,
      actor: null,
      title: 'Crossing Adré – El Geneina crossing: open → closed',
    });
    expect(crossing!.summary).toContain(`closed since ${asOf} (source: field report)`);
    const corridor = items.find((i) => i.subject.id === 'cor_adre_nyala');
    expect(corridor).toMatchObject({
      subject: { kind: 'corridor', name: TRICKY_NAME },
      before: 'open',
      after: 'blocked',
      sensitivity: 'public',
      title: `Corridor ${TRICKY_NAME}: open → blocked`,
    });
    expect(corridor!.reasons).toContainEqual(
      expect.objectContaining({ code: 'crossing_closed', featureId: 'td_adre_crossing' }),
    );
    expect(corridor!.summary).toContain(
      `passes international crossing "Adré – El Geneina crossing", closed since ${asOf}`,
    );
    expect(corridor!.url).toBe(`/?sel=cor_adre_nyala&date=${asOf}`);
    // Nyala was reached from Chad through Adré: closing it changes its access class too.
    expect(items.find((i) => i.subject.id === 'sd_nyala')).toMatchObject({
      field: 'access',
      before: 'cross_border_only',
    });
    // Staff see who made the write; the public does not.
    const staffView = (await editor().feed.list()).items.find((i) => i.subject.id === 'td_adre_crossing');
    expect(staffView?.actor).toBe('ed@example.org');
    expect(JSON.stringify(items)).not.toContain('ed@example.org');
  });

  it('reopening it records the reverse', async () => {
    const history = await crossingHistory();
    await edit('td_adre_crossing', (p) => ({ ...p, statusHistory: history.slice(0, -1) }));
    const { items } = await anonymous().feed.list({ limit: 200 });
    const crossing = items.filter((i) => i.subject.id === 'td_adre_crossing');
    expect(crossing.map((i) => `${i.before}→${i.after}`)).toEqual(['closed→open', 'open→closed']);
    const corridor = items.filter((i) => i.subject.id === 'cor_adre_nyala');
    expect(corridor.map((i) => `${i.before}→${i.after}`)).toEqual(['blocked→open', 'open→blocked']);
    expect(corridor[0].reasons).toEqual([]);
    expect(corridor[0].summary).toContain('Nothing stands in the way');
  });

  it('a restricted severity-3 incident on the road is a restricted change: staff see it, the public does not', async () => {
    const publicBefore = (await anonymous().feed.list({ limit: 200 })).items;
    await editor().features.create({
      layer: 'incidents',
      feature: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [22.3, 13.45] },
        properties: {
          id: SECRET_INCIDENT,
          name: SECRET_NAME,
          source: 'staff report',
          sensitivity: 'restricted',
          date: asOf,
          category: 'hostilities',
          severity: 3,
          verification: 'unverified',
        },
      },
    });
    const staff = (await editor().feed.list()).items.find((i) => i.subject.id === 'cor_adre_nyala');
    expect(staff).toMatchObject({ before: 'open', after: 'blocked', sensitivity: 'restricted' });
    expect(staff!.reasons).toContainEqual(
      expect.objectContaining({ code: 'incident_severe', featureId: SECRET_INCIDENT }),
    );
    expect(staff!.summary).toContain('Staff only');
    expect((await admin().feed.list()).items.map((i) => i.urn)).toContain(staff!.urn);

    const publicAfter = (await anonymous().feed.list({ limit: 200 })).items;
    expect(publicAfter).toEqual(publicBefore);
    for (const [path, format] of [
      ['/feed.atom', 'atom'],
      ['/feed.json', 'json'],
    ] as const) {
      const text = await (await get(path, format)).text();
      expect(text).not.toContain(SECRET_INCIDENT);
      expect(text).not.toContain(SECRET_NAME);
      expect(text).not.toContain('Staff only');
    }
    const corridorFeed = await (
      await get('/feed/corridor/cor_adre_nyala.json', 'json', { kind: 'corridor', id: 'cor_adre_nyala' })
    ).json();
    expect(corridorFeed.items.map((i: { _corridor: { after: string } }) => i._corridor.after)).toEqual([
      'open',
      'blocked',
    ]);
  });

  it('a confidential record’s effect is for admins only, not for editors', async () => {
    await admin().features.create({
      layer: 'incidents',
      feature: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [22.1287, 15.1209] },
        properties: {
          id: CONFIDENTIAL_INCIDENT,
          name: 'Confidential convoy incident',
          source: 'security focal point',
          sensitivity: 'confidential',
          date: asOf,
          category: 'violence_against_aid',
          severity: 3,
          verification: 'verified',
        },
      },
    });
    const byAdmin = (await admin().feed.list()).items.find((i) => i.subject.id === 'cor_abeche_tine');
    expect(byAdmin).toMatchObject({ before: 'open', after: 'blocked', sensitivity: 'confidential' });
    expect(JSON.stringify(await editor().feed.list({ limit: 200 }))).not.toContain(CONFIDENTIAL_INCIDENT);
    expect((await editor().feed.list({ limit: 200 })).items.some((i) => i.urn === byAdmin!.urn)).toBe(false);
  });

  it('a subject’s feed holds that subject only; kinds and subjects it does not know are 404', async () => {
    const res = await get('/feed/crossing/td_adre_crossing.json', 'json', {
      kind: 'crossing',
      id: 'td_adre_crossing',
    });
    expect(res.status).toBe(200);
    const feed = await res.json();
    expect(feed.items).toHaveLength(2);
    for (const item of feed.items)
      expect(item._corridor.subject).toEqual({
        kind: 'crossing',
        id: 'td_adre_crossing',
        name: 'Adré – El Geneina crossing',
      });
    expect(feed.title).toBe('Crossing Adré – El Geneina crossing: status changes');

    const site = await (
      await get('/feed/site/sd_nyala.atom', 'atom', { kind: 'site', id: 'sd_nyala' })
    ).text();
    const entries = children(parseXml(site).documentElement as unknown as Element, 'entry');
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(child(e, 'title').textContent).toMatch(/^Site Nyala: /);

    // A corridor that exists but never changed has an empty feed.
    const quiet = await get('/feed/corridor/cor_port_sudan_nyala.json', 'json', {
      kind: 'corridor',
      id: 'cor_port_sudan_nyala',
    });
    expect(quiet.status).toBe(200);
    expect((await quiet.json()).items).toEqual([]);
    expect((await get('/feed/road/x.atom', 'atom', { kind: 'road', id: 'x' })).status).toBe(404);
    expect((await get('/feed/site/nowhere.atom', 'atom', { kind: 'site', id: 'nowhere' })).status).toBe(404);
    // Asking under the wrong kind finds nothing either.
    expect(
      (await get('/feed/site/td_adre_crossing.atom', 'atom', { kind: 'site', id: 'td_adre_crossing' }))
        .status,
    ).toBe(404);
  });

  it('the Atom feed is a valid RFC 4287 document with entries a reader can follow', async () => {
    const res = await get('/feed.atom', 'atom');
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const text = await res.text();
    const feed = parseXml(text).documentElement as unknown as Element;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    expect(child(feed, 'id').textContent).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(child(feed, 'title').textContent).toBe('Sudan war 2023–2025 (Darfur focus): status changes');
    expect(child(child(feed, 'author'), 'name').textContent).toBe('Corridor');
    const self = children(feed, 'link').find((l) => l.getAttribute('rel') === 'self');
    expect(self?.getAttribute('href')).toBe(`${ORIGIN}/feed.atom`);
    const entries = children(feed, 'entry');
    expect(entries.length).toBeGreaterThan(4);
    expect(child(feed, 'updated').textContent).toBe(child(entries[0], 'updated').textContent);
    const ids = new Set<string>();
    for (const e of entries) {
      const id = child(e, 'id').textContent!;
      expect(id).toMatch(/^urn:uuid:/);
      ids.add(id);
      expect(Number.isNaN(Date.parse(child(e, 'updated').textContent!))).toBe(false);
      expect(child(e, 'summary').textContent!.length).toBeGreaterThan(20);
      expect(child(e, 'content').getAttribute('type')).toBe('html');
      expect(
        children(e, 'link')
          .find((l) => l.getAttribute('rel') === 'alternate')
          ?.getAttribute('href'),
      ).toMatch(new RegExp(`^${ORIGIN}/\\?sel=[a-z_]+&date=${asOf}$`));
    }
    expect(ids.size).toBe(entries.length);
    // Newest first: the corridor's reopening comes before its closing, its name intact through escaping.
    const titles = entries.map((e) => child(e, 'title').textContent);
    const reopened = titles.indexOf(`Corridor ${TRICKY_NAME}: blocked → open`);
    const closed = titles.indexOf(`Corridor ${TRICKY_NAME}: open → blocked`);
    expect(reopened).toBeGreaterThanOrEqual(0);
    expect(closed).toBeGreaterThan(reopened);
    const closing = entries[closed];
    expect(child(closing, 'summary').textContent).toContain('Adré – El Geneina crossing');
    expect(child(closing, 'content').textContent).toContain('<li>passes international crossing');
    expect(text).toContain('Adré &amp; &lt;El Geneina&gt;');
  });

  it('the JSON feed is JSON Feed 1.1, paged newest first with a before cursor', async () => {
    const res = await get('/feed.json', 'json');
    expect(res.headers.get('content-type')).toBe('application/feed+json');
    const feed = await res.json();
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Sudan war 2023–2025 (Darfur focus): status changes',
      feed_url: `${ORIGIN}/feed.json`,
      home_page_url: `${ORIGIN}/`,
    });
    expect(feed.next_url).toBeUndefined();
    for (const item of feed.items) {
      expect(item).toMatchObject({
        id: expect.stringMatching(/^urn:uuid:/),
        title: expect.any(String),
        content_text: expect.any(String),
      });
      expect(item.url).toBe(`${ORIGIN}/?sel=${item._corridor.subject.id}&date=${asOf}`);
    }
    const times = feed.items.map((i: { date_published: string }) => i.date_published);
    expect([...times].sort().reverse()).toEqual(times);

    // Page by two: the pages join up to the whole feed, without overlap.
    const seen: string[] = [];
    let next: string | undefined = `${ORIGIN}/feed.json?limit=2`;
    while (next) {
      const page = await (await get(next, 'json')).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i: { id: string }) => i.id));
      next = page.next_url;
    }
    expect(seen).toEqual(feed.items.map((i: { id: string }) => i.id));
    expect((await get('/feed.json?limit=0', 'json')).status).toBe(400);
    expect((await get('/feed.atom?before=abc', 'atom')).status).toBe(400);
  });

  it('concurrent writes record each change once', async () => {
    const latest = async () => (await admin().feed.list({ limit: 1 })).items[0]?.id ?? 0;
    const since = await latest();
    const history = await crossingHistory();
    const closing = edit('td_adre_crossing', (p) => ({
      ...p,
      statusHistory: [...history, { date: asOf, status: 'closed', source: 'concurrent report' }],
    }));
    const renames = ['sd_zamzam', 'sd_tawila', 'sd_kalma', 'sd_otash'].map((id) =>
      edit(id, (p) => ({ ...p, name: `${p.name} (renamed)` })),
    );
    await Promise.all([closing, ...renames]);
    const items = (await admin().feed.list({ limit: 200 })).items.filter((i) => i.id > since);
    const keys = items.map((i) => `${i.subject.id}:${i.before}→${i.after}:${i.sensitivity}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('td_adre_crossing:open→closed:public');

    // The same write seen by five recorders at once (as after five writes): one of them records it.
    const db = services.database.db;
    const f = (await getFeature(db, 'td_adre_crossing'))!;
    const props = f.feature.properties as { statusHistory: unknown[] };
    await updateFeature(
      db,
      'td_adre_crossing',
      f.version,
      { ...f.feature, properties: { ...props, statusHistory: props.statusHistory.slice(0, -1) } },
      'direct',
    );
    const results = await Promise.all(
      Array.from({ length: 5 }, () => recordStatusChanges(services, { cause: 'edit', actor: 'direct' })),
    );
    const recorded = results.map((r) => r.changes.filter((c) => c.subjectId === 'td_adre_crossing').length);
    expect(recorded.sort()).toEqual([0, 0, 0, 0, 1]);
  });
});

describe('as the as-of date moves on', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  });
  afterAll(() => services?.database.close());

  it('records the write on the old date, then what the date itself changed with the cause "date"', async () => {
    // Adré reopened to aid on 2024-08-15: watched on the 14th, then on the 15th.
    await recordStatusChanges(services, {
      cause: 'seed',
      actor: 'seed',
      now: new Date('2024-08-14T12:00:00Z'),
    });
    const db = services.database.db;
    const corridor = (await getFeature(db, 'cor_adre_tawila'))!;
    await updateFeature(
      db,
      'cor_adre_tawila',
      corridor.version,
      { ...corridor.feature, properties: { ...corridor.feature.properties, validTo: '2024-08-01' } },
      'ed',
    );
    const r = await recordStatusChanges(services, {
      cause: 'edit',
      actor: 'ed',
      now: new Date('2024-08-15T08:00:00Z'),
    });
    expect(r.asOf).toBe('2024-08-15');
    const find = (id: string) => r.changes.find((c) => c.subjectId === id);
    expect(find('cor_adre_tawila')).toMatchObject({
      cause: 'edit',
      asOf: '2024-08-14',
      before: 'blocked',
      after: null,
    });
    expect(find('td_adre_crossing')).toMatchObject({
      cause: 'date',
      asOf: '2024-08-15',
      before: 'closed',
      after: 'open',
    });
    expect(find('cor_adre_nyala')).toMatchObject({ cause: 'date', before: 'blocked', after: 'open' });
    // Out of the scenario's time range, the feed watches its last day.
    const { scenario } = await services.store.situationFor(null);
    expect(feedAsOf(scenario, new Date('2031-01-01'))).toBe(scenario.timeRange.to);
    expect(feedAsOf(scenario, new Date('2001-01-01'))).toBe(scenario.timeRange.from);
  });
});

describe('recording after a write', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  });
  afterAll(() => services?.database.close());

  it('a write never fails because its recording does: the error is logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const db = services.database.db;
    await expect(
      recordAfterWrite({ db, scenarioId: 'no-such-scenario' }, { cause: 'edit', actor: 'ed' }),
    ).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('scenario "no-such-scenario" is not in the database'),
    );
    log.mockRestore();
  });

  it('a recording held up by another lets the response go after the wait, and still completes', async () => {
    const db = services.database.db;
    const f = (await getFeature(db, 'td_adre_crossing'))!;
    const p = f.feature.properties as { statusHistory: unknown[] };
    const date = feedAsOf((await services.store.situationFor(null)).scenario);
    const statusHistory = [...p.statusHistory, { date, status: 'closed', source: 't' }];
    await updateFeature(
      db,
      'td_adre_crossing',
      f.version,
      { ...f.feature, properties: { ...p, statusHistory } },
      'ed',
    );
    // Another recorder holds the snapshot rows until released.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.transaction(async (tx) => {
      await tx.select().from(statusSnapshots).for('update');
      locked();
      await held;
    });
    await isLocked;
    const started = performance.now();
    expect(await recordAfterWrite(services, { cause: 'edit', actor: 'ed' }, 100)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
    release();
    await holder;
    await vi.waitFor(async () => {
      const { changes } = await readChanges(db, { sensitivities: ['public'], subjectId: 'td_adre_crossing' });
      expect(changes.map((c) => c.after)).toEqual(['closed']);
    });
  });
});

describe('feed routes', () => {
  type Handler = (event: { url: URL; params: Record<string, string> }) => Promise<Response>;
  const routes: Record<string, { GET: unknown }> = {
    'feed.atom': workspaceAtom,
    'feed.json': workspaceJson,
    'feed/[kind]/[id].atom': subjectAtomRoute,
    'feed/[kind]/[id].json': subjectJsonRoute,
  };
  const call = (file: string, path: string, params: Record<string, string> = {}) =>
    (routes[file].GET as Handler)({ url: new URL(path, ORIGIN), params });
  beforeAll(() => {
    // The routes use the server's one instance of the services: in memory here.
    process.env.DATA_DIR = 'memory://';
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    const { services } = await import('$lib/server/services');
    await (await services()).database.close();
  });

  it('serve the workspace and subject feeds with their content types, publicly', async () => {
    const atom = await call('feed.atom', '/feed.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect((parseXml(await atom.text()).documentElement as unknown as Element).localName).toBe('feed');
    const json = await call('feed.json', '/feed.json?limit=5');
    expect(json.headers.get('content-type')).toBe('application/feed+json');
    expect((await json.json()).version).toBe('https://jsonfeed.org/version/1.1');
    const subjectAtom = await call('feed/[kind]/[id].atom', '/feed/corridor/cor_adre_nyala.atom', {
      kind: 'corridor',
      id: 'cor_adre_nyala',
    });
    expect(subjectAtom.status).toBe(200);
    expect(await subjectAtom.text()).toContain(
      `<link rel="self" href="${ORIGIN}/feed/corridor/cor_adre_nyala.atom"`,
    );
    const subjectJson = await call('feed/[kind]/[id].json', '/feed/site/sd_zamzam.json', {
      kind: 'site',
      id: 'sd_zamzam',
    });
    expect((await subjectJson.json()).title).toBe('Site Zamzam IDP camp: status changes');
    const unknown = await call('feed/[kind]/[id].json', '/feed/road/r1.json', { kind: 'road', id: 'r1' });
    expect(unknown.status).toBe(404);
  });
});

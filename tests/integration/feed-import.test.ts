// The change feed records an import as one entry (README "Change feed"): what was written and what it
// changed, grouped, linking to its changes one by one; edits keep one entry per change; the public is told
// nothing of the restricted records an import wrote. Runs on the embedded PGlite and, when
// TEST_DATABASE_URL is set, on PostgreSQL (in a database of its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sensitivity } from '$lib/domain/schemas';
import { feedAsOf, feedResponse, recordStatusChanges, type FeedFormat } from '$lib/server/feed';
import { importFile } from '$lib/server/import/importFile';
import type { Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines, startTestServices } from './helpers/testServices';

const createCaller = createCallerFactory(appRouter);
const ORIGIN = 'http://feed.test';

/**
 * `n` villages in the desert north of Darfur, far from any road of the scenario: each is a new site nobody
 * reaches, so each is a change "cut off (new)".
 */
function villages(prefix: string, n: number, sensitivity: Sensitivity = 'public') {
  return Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [23.1 + i * 0.01, 20.6] },
    properties: {
      id: `${prefix}_${i}`,
      name: `${prefix} village ${i + 1}`,
      kind: 'town',
      country: 'SDN',
      source: 'test list',
      sensitivity,
    },
  }));
}

describe.each(engines)('an import in the change feed on $name', ({ url }) => {
  let services: Services;
  let stop: (() => Promise<void>) | undefined;
  let asOf: string;
  const editor = () => createCaller({ services, viewer: { id: 1, email: 'ed@example.org', role: 'editor' } });
  const anonymous = () => createCaller({ services, viewer: null });
  const get = (path: string, format: FeedFormat) =>
    feedResponse(services, { url: new URL(path, ORIGIN), format });
  const json = async (path: string) =>
    (await (await get(path, 'json')).json()) as {
      items: { id: string; title: string; summary: string; external_url?: string; _corridor: never }[];
      next_url?: string;
    };

  /** The browser's way: begin, one chunk, finish, as `editor`. */
  async function importFeatures(fileName: string, features: unknown[]) {
    const { importId } = await editor().imports.begin({
      layer: 'sites',
      fileName,
      format: 'geojson',
      expectedCount: features.length,
    });
    await editor().imports.append({ importId, seq: 0, features });
    return editor().imports.finish({ importId });
  }

  beforeAll(async () => {
    ({ services, stop } = await startTestServices(url, 'corridor_feed_import'));
    asOf = feedAsOf((await services.store.situationFor(null)).scenario);
  });
  afterAll(() => stop?.());

  it('records one entry for an import of 25 sites, its changes grouped, the first ones named', async () => {
    const r = await importFeatures('darfur villages.geojson', villages('north', 25));
    expect(r).toMatchObject({ created: 25, updated: 0, feed: { recorded: 25 } });

    const { items } = await anonymous().feed.list();
    expect(items).toHaveLength(1);
    const [entry] = items;
    expect(entry).toMatchObject({
      subject: { kind: 'import', name: 'darfur villages.geojson' },
      cause: 'import',
      sensitivity: 'public',
      asOf,
      actor: null,
      title: 'Import of "darfur villages.geojson" into sites: 25 added, 0 updated; 25 new sites cut off',
      import: {
        file: 'darfur villages.geojson',
        layer: 'sites',
        created: 25,
        updated: 0,
        changes: 25,
        groups: [
          {
            words: '25 new sites cut off',
            count: 25,
            names: ['north village 1', 'north village 2', 'north village 3'],
          },
        ],
      },
    });
    expect(entry.summary).toBe(
      `"darfur villages.geojson" was imported into the sites layer: 25 added, 0 updated. On ${asOf} it ` +
        'changed 25 statuses: 25 new sites cut off: north village 1, north village 2, north village 3 and 22 more.',
    );
    // Staff see who imported it.
    expect((await editor().feed.list()).items[0].summary).toContain(
      'into the sites layer by ed@example.org:',
    );

    // The details: each change one by one, with its own reasons.
    const details = await anonymous().feed.list({ import: entry.id, limit: 200 });
    expect(details.items).toHaveLength(25);
    expect(new Set(details.items.map((i) => i.subject.id))).toEqual(
      new Set(villages('north', 25).map((v) => v.properties.id)),
    );
    expect(details.items[0]).toMatchObject({
      field: 'access',
      before: null,
      after: 'cut_off',
      cause: 'import',
    });
    // A site's own feed still has its change.
    const own = await feedResponse(services, {
      url: new URL('/feed/site/north_3.json', ORIGIN),
      format: 'json',
      subject: { kind: 'site', id: 'north_3' },
    });
    expect(((await own.json()) as { items: { title: string }[] }).items.map((i) => i.title)).toEqual([
      'Site north village 4: cut off (new)',
    ]);
  });

  it('the public feeds carry the entry and link it to a feed of its changes', async () => {
    const feed = await json('/feed.json');
    expect(feed.items).toHaveLength(1);
    const item = feed.items[0] as unknown as {
      title: string;
      external_url: string;
      tags: string[];
      content_html: string;
      _corridor: { import: { created: number; changes: number; details: string } };
    };
    expect(item.tags).toEqual(['import']);
    expect(item._corridor.import).toMatchObject({ created: 25, changes: 25 });
    expect(item.external_url).toMatch(/^http:\/\/feed\.test\/feed\.json\?import=\d+$/);
    expect(item.content_html).toContain(`href="${item.external_url}"`);

    // The linked feed pages through the 25 changes, 10 at a time.
    const seen: string[] = [];
    let next: string | undefined = `${item.external_url}&limit=10`;
    while (next) {
      const page = await json(next);
      seen.push(...page.items.map((i) => i.title));
      next = page.next_url;
    }
    expect(seen).toHaveLength(25);
    expect(seen).toContain('Site north village 25: cut off (new)');

    const atom = await (await get('/feed.atom', 'atom')).text();
    expect(atom.match(/<entry>/g)).toHaveLength(1);
    expect(atom).toMatch(/<link rel="related" href="http:\/\/feed\.test\/feed\.atom\?import=\d+"/);
    expect(atom).not.toContain('north village 4');

    // An entry that is not an import, or a number nobody has, is refused.
    expect((await get('/feed.json?import=999999', 'json')).status).toBe(404);
    expect((await get('/feed.json?import=abc', 'json')).status).toBe(400);
  });

  it('an edit made by hand keeps its own entry per change', async () => {
    const f = await editor().features.get({ id: 'north_0' });
    // Moved onto El Fasher: the site is no longer cut off.
    const [lon, lat] = (
      (await editor().features.get({ id: 'sd_el_fasher' })).feature.geometry as { coordinates: number[] }
    ).coordinates;
    await editor().features.update({
      id: 'north_0',
      version: f.version,
      feature: { ...f.feature, geometry: { type: 'Point', coordinates: [lon, lat] } },
    });
    // The save waits 1.5 s at most for its recording; on a loaded machine it may still be running. This call
    // waits for its lock, or records the edit itself: either way with the cause `edit`.
    await recordStatusChanges(services, { cause: 'edit', actor: 'ed@example.org' });
    const { items } = await anonymous().feed.list();
    expect(items[0]).toMatchObject({
      subject: { kind: 'site', id: 'north_0' },
      cause: 'edit',
      before: 'cut_off',
      import: null,
    });
    expect(items[1].subject.kind).toBe('import');
  });

  it('an import of restricted records says nothing of them to the public; staff get its entry', async () => {
    const anonBefore = await anonymous().feed.list({ limit: 200 });
    const publicBefore = await json('/feed.json');
    const atomBefore = await (await get('/feed.atom', 'atom')).text();
    const r = await importFeatures('staff list.geojson', villages('secret', 4, 'restricted'));
    expect(r).toMatchObject({ created: 4, feed: { recorded: 4 } });

    const staff = (await editor().feed.list()).items[0];
    expect(staff).toMatchObject({
      subject: { kind: 'import', name: 'staff list.geojson' },
      sensitivity: 'restricted',
      import: { created: 4, changes: 4 },
    });
    expect(staff.summary).toContain('Staff only');
    expect((await editor().feed.list({ import: staff.id })).items).toHaveLength(4);

    // Nothing new for the public, in any form: same items, no trace of the file or its records.
    const anon = await anonymous().feed.list({ limit: 200 });
    expect(anon.items.map((i) => i.id)).toEqual(anonBefore.items.map((i) => i.id));
    expect((await json('/feed.json')).items.map((i) => i.id)).toEqual(publicBefore.items.map((i) => i.id));
    const atom = await (await get('/feed.atom', 'atom')).text();
    expect(atom.match(/<entry>/g)).toEqual(atomBefore.match(/<entry>/g));
    for (const text of [JSON.stringify(anon), JSON.stringify(await json('/feed.json')), atom]) {
      expect(text).not.toContain('staff list');
      expect(text).not.toContain('secret');
    }
    // Its changes, asked for by the staff number, are not the public's to read.
    expect((await anonymous().feed.list({ import: staff.id })).items).toEqual([]);
    expect((await get(`/feed.json?import=${staff.id}`, 'json')).status).toBe(404);
  });

  it('a mixed import tells the public of its public records only', async () => {
    const mixed = [...villages('mixpub', 2), ...villages('mixres', 3, 'restricted')];
    // Apart from each other and from the earlier villages.
    mixed.forEach((f, i) => (f.geometry.coordinates = [22.2 + i * 0.02, 21.2]));
    await importFeatures('mixed.geojson', mixed);

    const [publicEntry] = (await anonymous().feed.list()).items;
    expect(publicEntry).toMatchObject({
      sensitivity: 'public',
      import: { created: 2, changes: 2, groups: [{ words: '2 new sites cut off' }] },
    });
    expect(publicEntry.title).toBe(
      'Import of "mixed.geojson" into sites: 2 added, 0 updated; 2 new sites cut off',
    );
    expect(JSON.stringify(publicEntry)).not.toContain('mixres');
    const details = await anonymous().feed.list({ import: publicEntry.id });
    expect(details.items.map((i) => i.subject.id).sort()).toEqual(['mixpub_0', 'mixpub_1']);

    const [staffEntry] = (await editor().feed.list()).items;
    expect(staffEntry).toMatchObject({ import: { created: 5, changes: 5 } });
  });

  it('the command line’s import is one entry too, named after its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-feed-import-'));
    try {
      const path = join(dir, 'wells.csv');
      writeFileSync(
        path,
        'id,name,kind,lat,lon\n' +
          Array.from({ length: 6 }, (_, i) => `well_${i},Well ${i + 1},town,${20.9},${24.1 + i * 0.02}`).join(
            '\n',
          ),
      );
      const r = await importFile(path, {
        fileName: 'wells.csv',
        layer: 'sites',
        defaultCountry: 'SDN',
        db: services.database.db,
        actor: 'cli',
      });
      expect(r.written).toMatchObject({ created: 6, feed: { recorded: 6 } });
      const [entry] = (await anonymous().feed.list()).items;
      expect(entry.title).toBe('Import of "wells.csv" into sites: 6 added, 0 updated; 6 new sites cut off');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

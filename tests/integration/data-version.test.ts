// The data version (migration 0015): a counter a trigger bumps in the transaction of every write of the
// features or the scenario, which the situation cache compares instead of the old stamp (feature count and
// latest `updated_at`). Every write path moves it and the cache sees the write, on PGlite and PostgreSQL;
// on PostgreSQL, the interleaving that hid a write from the old stamp (a transaction that began first and
// committed last) is seen, with two connections in a controlled order.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Situation } from '$lib/domain/schemas';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import {
  createFeature,
  deleteFeature,
  getFeature,
  insertFeatures,
  seedSituation,
  updateFeature,
  upsertFeatures,
} from '$lib/server/db/featureRepository';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { SituationStore } from '$lib/server/situation/situationStore';
import { freshDatabase } from './helpers/freshDatabase';
import { seededDatabase, type SeededDatabase } from './helpers/seededDatabase';
import { engines } from './helpers/testServices';

const pgUrl = process.env.TEST_DATABASE_URL;

const geodata = loadSituationFromDir('geodata');
const ADMIN = { id: 1, email: 'admin@example.org', role: 'admin' as const };

const site = (id: string, name = id) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.31, 13.49] },
  properties: { id, name, source: 'test', kind: 'idp_camp', country: 'SDN' },
});
const nameOf = (s: Situation, id: string) => s.sites.find((f) => f.properties.id === id)?.properties.name;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines)('the data version on $name', ({ url }) => {
  let seeded: SeededDatabase | undefined;
  let handle: OpenDatabase;
  let store: SituationStore;

  beforeAll(async () => {
    seeded = await seededDatabase(url, 'corridor_dataversion', geodata);
    handle = seeded.handle;
    store = new SituationStore(handle.db, geodata.scenario.id);
  }, 300_000);
  afterAll(() => seeded?.close());

  it('moves with every write path, and the cached situation follows each write', async () => {
    const seen = async () => store.situationFor(ADMIN);
    let version = await store.dataVersion();
    expect(version).toBeGreaterThan(0); // the seed wrote
    const moved = async () => {
      const now = await store.dataVersion();
      expect(now).toBeGreaterThan(version);
      version = now;
    };
    await seen();

    await createFeature(handle.db, 'sites', site('dv_created', 'Created'), 'test');
    await moved();
    expect(nameOf(await seen(), 'dv_created')).toBe('Created');

    const created = await getFeature(handle.db, 'dv_created');
    await updateFeature(handle.db, 'dv_created', created!.version, site('dv_created', 'Edited'), 'test');
    await moved();
    expect(nameOf(await seen(), 'dv_created')).toBe('Edited');

    await insertFeatures(handle.db, 'sites', [site('dv_imported', 'Imported')], 'test');
    await moved();
    expect(nameOf(await seen(), 'dv_imported')).toBe('Imported');

    await upsertFeatures(handle.db, 'sites', [site('dv_imported', 'Re-imported')], 'test');
    await moved();
    expect(nameOf(await seen(), 'dv_imported')).toBe('Re-imported');

    const edited = await getFeature(handle.db, 'dv_created');
    await deleteFeature(handle.db, 'dv_created', edited!.version, 'test');
    await moved();
    expect(nameOf(await seen(), 'dv_created')).toBeUndefined();

    // SQL typed by hand (or another program) keeps `updated_at` as it was: the old stamp missed it.
    await handle.db.execute(
      `update features set properties = jsonb_set(properties, '{name}', '"By hand"') where id = 'dv_imported'`,
    );
    await moved();
    expect(nameOf(await seen(), 'dv_imported')).toBe('By hand');

    // The scenario is part of the situation too (the old stamp looked at the features only).
    await handle.db.execute(
      `update scenarios set document = jsonb_set(document, '{name}', '"Renamed scenario"')`,
    );
    await moved();
    expect((await seen()).scenario.name).toBe('Renamed scenario');
  }, 120_000);
});

describe.skipIf(!pgUrl)('the data version on PostgreSQL, two writers at once', () => {
  let handle: OpenDatabase;
  let drop: () => Promise<void>;
  let databaseUrl: string;
  let store: SituationStore;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    ({ url: databaseUrl, drop } = await freshDatabase(pgUrl!, 'corridor_dataversion_race'));
    handle = await openDatabase({ databaseUrl, dataDir: 'memory://', migrationsFolder: 'drizzle' });
    await seedSituation(handle.db, geodata);
    await insertFeatures(
      handle.db,
      'sites',
      [site('race_a', 'A before'), site('race_b', 'B before')],
      'test',
    );
    store = new SituationStore(handle.db, geodata.scenario.id);
    for (let i = 0; i < 2; i++) {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      clients.push(c);
    }
  }, 300_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await handle?.close();
    await drop?.();
  });

  // As the repository writes an edit: the new properties, the next version, `updated_at = now()`.
  const edit = (c: pg.Client, id: string, name: string) =>
    c.query(
      `update features set properties = jsonb_set(properties, '{name}', to_jsonb($2::text)),
         version = version + 1, updated_at = now() where id = $1`,
      [id, name],
    );

  it('sees a write whose transaction began before another and committed after it', async () => {
    const [a, b] = clients as [pg.Client, pg.Client];
    await store.situationFor(null);
    // A begins and writes first: its `updated_at` is the earlier one.
    await a.query('begin');
    await edit(a, 'race_a', 'A after');
    await sleep(50);
    // B begins later and writes. Under the old stamp B committed at once; now B's write waits for A's
    // commit (the counter's row lock orders the writers), so give it half a second.
    await b.query('begin');
    const bDone = edit(b, 'race_b', 'B after').then(() => b.query('commit'));
    const bCommittedFirst = await Promise.race([bDone.then(() => true), sleep(500).then(() => false)]);
    // A read between the two commits: under the old stamp it cached B's write with B's `updated_at`.
    const between = await store.situationFor(null);
    expect(nameOf(between, 'race_a')).toBe('A before');
    await a.query('commit');
    await bDone;
    // After both commits every read must see both writes.
    const after = await store.situationFor(null);
    expect(nameOf(after, 'race_a')).toBe('A after');
    expect(nameOf(after, 'race_b')).toBe('B after');
    expect(bCommittedFirst).toBe(false);
  });

  it('orders concurrent edits without a deadlock, and each commit leaves a larger version', async () => {
    const before = await store.dataVersion();
    const ids = Array.from({ length: 8 }, (_, i) => `race_many_${i}`);
    await insertFeatures(
      handle.db,
      'sites',
      ids.map((id) => site(id)),
      'test',
    );
    const afterInsert = await store.dataVersion();
    expect(afterInsert).toBeGreaterThan(before);
    await Promise.all(
      ids.map(async (id) => {
        const f = await getFeature(handle.db, id);
        await updateFeature(handle.db, id, f!.version, site(id, `${id} edited`), 'test');
      }),
    );
    expect(await store.dataVersion()).toBeGreaterThanOrEqual(afterInsert + ids.length);
    const s = await store.situationFor(null);
    for (const id of ids) expect(nameOf(s, id)).toBe(`${id} edited`);
  });
});

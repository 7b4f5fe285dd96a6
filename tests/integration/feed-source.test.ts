// The change feed's recording after a write takes the situations and analyses the server's store keeps for the map
// (`FeedSource`) instead of reading the whole situation and analysing it again: it must record exactly what a whole
// read records, on every level and on both dates of a day's change, and fall back to the whole read when a write
// came after the store's read. Two servers on databases of their own get the same writes: one records from its
// store, the other as the command line does (a whole read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/client';
import { getFeature, updateFeature } from '$lib/server/db/featureRepository';
import { recordStatusChanges, type FeedSource } from '$lib/server/feed';
import { engines, startTestServices, type TestServices } from './helpers/testServices';

type Recorded = Awaited<ReturnType<typeof recordStatusChanges>>;

/** What a reader of the feed is told of each change (the ids and times are the database's own). */
const told = (r: Recorded) =>
  r.changes.map((c) => ({
    subject: `${c.subjectKind}/${c.subjectId}`,
    field: c.field,
    before: c.before,
    after: c.after,
    sensitivity: c.sensitivity,
    cause: c.cause,
    asOf: c.asOf,
    reasons: c.reasons,
  }));

describe.each(engines)('change feed recorded from the store on $name', ({ url }) => {
  let fromStore: TestServices;
  let byRead: TestServices;
  const both = () => [fromStore.services, byRead.services];

  beforeAll(async () => {
    [fromStore, byRead] = await Promise.all([
      startTestServices(url, 'corridor_feed_source_store'),
      startTestServices(url, 'corridor_feed_source_read'),
    ]);
  });
  afterAll(async () => {
    await fromStore?.stop();
    await byRead?.stop();
  });

  /** Changes a feature's properties in a database, as an edit does. */
  async function edit(
    db: Database,
    id: string,
    change: (p: Record<string, unknown>) => Record<string, unknown>,
  ) {
    const f = (await getFeature(db, id))!;
    const properties = change({ ...(f.feature.properties as Record<string, unknown>) });
    await updateFeature(db, id, f.version, { ...f.feature, properties }, 'ed');
  }

  /** The same write in both databases, then each server's recording: from its store, and by a whole read. */
  async function writeAndRecord(
    write: (db: Database) => Promise<void>,
    now: string,
    source?: () => FeedSource,
  ): Promise<{ store: Recorded; read: Recorded }> {
    for (const s of both()) await write(s.database.db);
    const options = { cause: 'edit' as const, actor: 'ed', now: new Date(now) };
    const s = fromStore.services;
    // The server's services are a target whose store is its source; a given source stands in for the store.
    const store = await recordStatusChanges(
      source ? { database: s.database, store: { scenarioId: s.store.scenarioId, ...source() } } : s,
      options,
    );
    const read = await recordStatusChanges(
      { db: byRead.services.database.db, scenarioId: byRead.services.store.scenarioId },
      options,
    );
    return { store, read };
  }

  it('records what a whole read records, taking the store’s situations', async () => {
    // The date first: the baseline was recorded on the scenario's last day; this moves it to 2024-08-14.
    const day = await writeAndRecord(async () => {}, '2024-08-14T12:00:00Z');
    expect(day.read.situations).toBe('read');
    expect(day.store.situations).toBe('source');
    expect(told(day.store)).toEqual(told(day.read));
    expect(told(day.read).length).toBeGreaterThan(0);

    // A public write: Tiné closed from the day on: the corridors through it are blocked.
    const closed = await writeAndRecord(
      (db) =>
        edit(db, 'sd_tina_crossing', (p) => ({
          ...p,
          statusHistory: [
            ...(p.statusHistory as unknown[]),
            { date: '2024-08-14', status: 'closed', source: 'field report' },
          ],
        })),
      '2024-08-14T13:00:00Z',
    );
    expect(closed.store.situations).toBe('source');
    expect(told(closed.store)).toEqual(told(closed.read));
    expect(told(closed.read).map((c) => c.subject)).toContain('crossing/sd_tina_crossing');

    // Records the public no longer sees: each level compares its own situation.
    for (const [subject, sensitivity] of [
      ['crossing/td_adre_crossing', 'restricted'],
      ['corridor/cor_adre_tawila', 'confidential'],
    ] as const) {
      const hidden = await writeAndRecord(
        (db) => edit(db, subject.split('/')[1]!, (p) => ({ ...p, sensitivity })),
        '2024-08-14T14:00:00Z',
      );
      expect(hidden.store.situations).toBe('source');
      expect(told(hidden.store)).toEqual(told(hidden.read));
      expect(told(hidden.read).map((c) => c.subject)).toContain(subject);
    }

    // A write found on the next day: its effect on the old date, then the date's own (Adré reopened on the 15th),
    // both from the store.
    const nextDay = await writeAndRecord(
      (db) => edit(db, 'cor_adre_nyala', (p) => ({ ...p, validTo: '2024-08-01' })),
      '2024-08-15T08:00:00Z',
    );
    expect(nextDay.store.situations).toBe('source');
    expect(told(nextDay.store)).toEqual(told(nextDay.read));
    expect(new Set(told(nextDay.read).map((c) => c.cause))).toEqual(new Set(['edit', 'date']));
  });

  it('reads the whole situation when a write came after the store’s read', async () => {
    // The store's situations as they were before the write: a recording must not compare those.
    const store = fromStore.services.store;
    const levels = [['public'], ['public', 'restricted'], ['public', 'restricted', 'confidential']] as const;
    const before = await store.situationsAt(levels);
    expect(before).toBeDefined();
    const stale = (): FeedSource => ({
      situationsAt: async () => before,
      reportOf: (situation, asOf) => store.reportOf(situation, asOf),
    });
    const reopened = await writeAndRecord(
      (db) => edit(db, 'td_adre_crossing', (p) => ({ ...p, sensitivity: 'public' })),
      '2024-08-15T09:00:00Z',
      stale,
    );
    expect(reopened.store.situations).toBe('read');
    expect(told(reopened.store)).toEqual(told(reopened.read));
    expect(told(reopened.read).map((c) => c.subject)).toContain('crossing/td_adre_crossing');
  });

  it('leaves its analyses to the map: the public verdicts of the feed’s date are not computed again', async () => {
    const store = fromStore.services.store;
    const renamed = await writeAndRecord(
      (db) => edit(db, 'cor_adre_nyala', (p) => ({ ...p, name: 'Adré – Nyala road' })),
      '2024-08-15T10:00:00Z',
    );
    expect(renamed.store).toMatchObject({ analysed: true, situations: 'source' });
    const entries = store.analysisCacheUse().entries;
    await store.publicAnalysisOf(await store.situationFor(null), renamed.store.asOf);
    expect(store.analysisCacheUse().entries).toBe(entries);
    // A date the recording did not analyse is computed and kept: the count above can move.
    await store.publicAnalysisOf(await store.situationFor(null), '2024-08-16');
    expect(store.analysisCacheUse().entries).toBe(entries + 1);
  });
});

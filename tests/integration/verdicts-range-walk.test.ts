// The walk of the scenario's range (docs/scaling.md, "The map at scale"): once a reader is answered the
// verdicts of a date, every date of the range is analysed in the background into the archive
// (`verdictsArchive.ts`), so that any date the reader moves to is answered without an analysis, with the same
// bytes as one analysed from scratch; for the reader's visibility level only, never after what the level sees
// changed (and kept through a write it does not see), within the archive's bound, and not while a reader's
// request is in flight. Analyses the route makes are
// counted as the entries of the store's analysis cache (the walk does not use it).
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { compressResponse } from '$lib/server/http/compress';
import { readerArrived, readerLeft } from '$lib/server/http/readerActivity';
import { VerdictsArchive } from '$lib/server/mapView/verdictsArchive';
import { rangesWalking, warmUpSettled, WARM_QUIET_MS } from '$lib/server/mapView/verdictsWarmUp';
import { startServices, type Services } from '$lib/server/services';
import {
  askMapVerdicts as verdicts,
  campFeature,
  publicReadsFresh as fresh,
  rangeDays,
  verdictsFromScratch as fromScratch,
} from '../helpers/mapTestData';

const SECRET = 'secret_walk_camp';
const admin = { id: 2, email: 'a@example.org', role: 'admin' };

let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
// Brotli compressions made, to see that an archived date is not compressed again for its answer.
const brotliCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>();
  const brotliCompress = (...args: Parameters<typeof zlib.brotliCompress>) => {
    brotliCalls.n++;
    return zlib.brotliCompress(...args);
  };
  return { ...zlib, default: { ...zlib, brotliCompress }, brotliCompress };
});
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

const camp = (id: string, sensitivity: 'public' | 'restricted') =>
  campFeature(id, sensitivity, { figureDate: '2023-06-01' });

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  await createFeature(services.database.db, 'sites', camp(SECRET, 'restricted'), 'test');
  await fresh();
});
afterAll(async () => {
  await warmUpSettled();
  await services.database.close();
});

const analyses = () => services.store.analysisCacheUse().entries;

describe("the walk of the map's range", () => {
  it('archives every date of the range; any date is then answered without analysing, as analysed from scratch', async () => {
    expect((await verdicts('2024-08-20')).status).toBe(200);
    await warmUpSettled();
    const situation = await services.store.situationFor(null);
    const use = services.verdictsArchive.use();
    expect(use.snapshots).toBe(1);
    expect(use.dates).toBe(rangeDays(situation));
    expect(use.bytes).toBeGreaterThan(0);
    expect(rangesWalking()).toBe(0);
    const before = analyses();
    const { from, to } = situation.scenario.timeRange;
    for (const date of [from, '2023-12-24', '2024-04-25', '2025-05-01', to]) {
      const res = await verdicts(date);
      expect(res.status).toBe(200);
      expect(await res.text(), date).toBe(fromScratch(situation, date));
    }
    expect(analyses()).toBe(before);
  });

  it("sends an archived date's public answer in the archive's brotli form, not compressed again", async () => {
    await verdicts('2024-02-01');
    await warmUpSettled();
    const situation = await services.store.situationFor(null);
    const date = '2024-02-02';
    const packed = services.verdictsArchive.packed(situation, date);
    expect(packed).toBeDefined();
    const calls = brotliCalls.n;
    const accepts = new Request('http://localhost/', { headers: { 'accept-encoding': 'br' } });
    const res = await compressResponse(accepts, await verdicts(date));
    expect(res.headers.get('content-encoding')).toBe('br');
    const sent = Buffer.from(await res.arrayBuffer());
    expect(sent.equals(packed!)).toBe(true);
    expect(brotliCalls.n).toBe(calls);
    expect(brotliDecompressSync(sent).toString()).toBe(fromScratch(situation, date));
  });

  it("keeps a signed-in reader's range apart: never in a public answer", async () => {
    await warmUpSettled();
    await verdicts('2024-01-10', admin);
    await warmUpSettled();
    expect(services.verdictsArchive.use().snapshots).toBe(2);
    const staff = await (await verdicts('2023-09-09', admin)).text();
    expect(staff).toContain(SECRET);
    const anonymous = await (await verdicts('2023-09-09')).text();
    expect(anonymous).not.toContain(SECRET);
    expect(anonymous).toBe(fromScratch(await services.store.situationFor(null), '2023-09-09'));
  });

  it("waits while a reader's request is in flight", async () => {
    await warmUpSettled();
    const old = await services.store.situationFor(null);
    await createFeature(services.database.db, 'sites', camp('quiet_walk_camp', 'public'), 'test');
    await fresh();
    readerArrived();
    try {
      await verdicts('2024-03-03');
      await new Promise((r) => setTimeout(r, 3 * WARM_QUIET_MS));
      // The data changed: the old snapshots' dates are dropped once the new one's first date is kept, which
      // waits for the reader.
      expect(services.verdictsArchive.use().snapshots).toBe(2);
      expect(rangesWalking()).toBeGreaterThan(0);
    } finally {
      readerLeft();
    }
    await warmUpSettled();
    const situation = await services.store.situationFor(null);
    expect(situation).not.toBe(old);
    // The old public content's dates are gone. The administrator's level, not read since the change, keeps its
    // shelf until it is: only then is it known whether the change touched what that level sees.
    expect(services.verdictsArchive.has(old, '2023-09-09')).toBe(false);
    expect(services.verdictsArchive.has(situation, '2023-09-09')).toBe(true);
    expect(services.verdictsArchive.use()).toMatchObject({ snapshots: 2, dates: 2 * rangeDays(situation) });
  });

  it('keeps the public archive and analyzer through a write the public does not see', async () => {
    await verdicts('2024-05-05');
    await warmUpSettled();
    const before = await services.store.situationFor(null);
    const analyzer = services.store.analyzerOf(before);
    expect(services.verdictsArchive.has(before, '2023-08-08')).toBe(true);
    await createFeature(services.database.db, 'sites', camp('restricted_walk_camp', 'restricted'), 'test');
    await fresh();
    // The data version moved, but the public content did not: the same situation, its analyzer and its archive.
    const after = await services.store.situationFor(null);
    expect(after).toBe(before);
    expect(services.store.analyzerOf(after)).toBe(analyzer);
    const analyse = vi.spyOn(analyzer, 'analyze');
    const res = await verdicts('2023-08-08');
    expect(await res.text()).toBe(fromScratch(after, '2023-08-08'));
    // Nor is anything analysed in the background: the range is walked already.
    await warmUpSettled();
    expect(analyse).not.toHaveBeenCalled();
    analyse.mockRestore();
    // The administrator sees the new record: that level's situation is read anew.
    expect(await (await verdicts('2023-08-08', admin)).text()).toContain('restricted_walk_camp');
    await warmUpSettled();
  });

  it('drops the walk of data that changed as soon as the new data is asked, without waiting for its turn', async () => {
    await warmUpSettled();
    readerArrived();
    try {
      // Two levels asked before a change: their walks wait for the reader.
      await verdicts('2023-07-07');
      await verdicts('2023-07-07', admin);
      expect(rangesWalking()).toBe(2);
      await createFeature(services.database.db, 'sites', camp('superseding_camp', 'public'), 'test');
      await fresh();
      // The public level asked again: its old walk is dropped, the administrator's (not asked since) stays.
      await verdicts('2023-07-08');
      expect(rangesWalking()).toBe(2);
      await verdicts('2023-07-08', admin);
      expect(rangesWalking()).toBe(2);
    } finally {
      readerLeft();
    }
    await warmUpSettled();
    expect(services.verdictsArchive.use().snapshots).toBe(2);
  });

  it('answers a date archived before a change with the new data', async () => {
    await warmUpSettled();
    const before = analyses();
    await createFeature(services.database.db, 'sites', camp('new_walk_camp', 'public'), 'test');
    await fresh();
    const res = await verdicts('2025-02-11');
    expect(analyses()).toBe(before + 1);
    expect(await res.text()).toContain('new_walk_camp');
  });

  it('goes on from the date a reader asked last', async () => {
    await warmUpSettled();
    // Room for some thirty dates: the walk stops long before it could reach both places.
    const archive = new VerdictsArchive(60_000);
    routeServices.current = { ...services, verdictsArchive: archive };
    try {
      readerArrived();
      try {
        await verdicts('2023-06-15');
        await verdicts('2025-01-15');
      } finally {
        readerLeft();
      }
      await warmUpSettled();
      const situation = await services.store.situationFor(null);
      expect(archive.has(situation, '2025-01-10')).toBe(true);
      expect(archive.has(situation, '2023-06-10')).toBe(false);
    } finally {
      routeServices.current = services;
    }
  });

  it('stops at its bound, and the dates beyond are analysed when asked', async () => {
    await warmUpSettled();
    const archive = new VerdictsArchive(40_000);
    routeServices.current = { ...services, verdictsArchive: archive };
    try {
      await verdicts('2024-06-06');
      await warmUpSettled();
      const use = archive.use();
      expect(use.dates).toBeGreaterThan(1);
      expect(use.bytes).toBeLessThanOrEqual(40_000);
      expect(rangesWalking()).toBe(0);
      const situation = await services.store.situationFor(null);
      expect(use.dates).toBeLessThan(rangeDays(situation));
      // Walked from the date asked back to the range's first day: the far end of the range is not archived.
      const last = situation.scenario.timeRange.to;
      expect(archive.has(situation, '2024-06-06')).toBe(true);
      expect(archive.has(situation, last)).toBe(false);
      const before = analyses();
      const res = await verdicts(last);
      // Counted at once: the warm-up of its neighbours follows in the background.
      expect(analyses()).toBe(before + 1);
      expect(await res.text()).toBe(fromScratch(situation, last));
    } finally {
      routeServices.current = services;
    }
  });
});

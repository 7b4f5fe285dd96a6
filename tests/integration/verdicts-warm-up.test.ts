// The warm-up of the tiled map's next dates (docs/scaling.md, "The map at scale"): once a reader is answered
// the verdicts of a date, the dates the date control steps to are analysed in the background, so the next
// step is answered from the caches; not while a reader's request is in flight, not for data that changed
// since, and never from a signed-in reader's data into a public answer. Analyses are counted as the entries
// of the store's analysis cache (one per date, visibility level and data version). The archive of every date
// is off here, so that the next dates are seen alone: `verdicts-range-walk.test.ts` tests it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { readerArrived, readerLeft } from '$lib/server/http/readerActivity';
import { warmUpSettled, warmUpWaiting, WARM_QUIET_MS } from '$lib/server/mapView/verdictsWarmUp';
import { startServices, type Services } from '$lib/server/services';
import { decodeVerdicts, type VerdictsWire } from '$lib/map/verdictsWire';
import { askMapVerdicts as verdicts, campFeature, publicReadsFresh } from '../helpers/mapTestData';

const SECRET = 'secret_warm_camp';
const admin = { id: 2, email: 'a@example.org', role: 'admin' };

let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

const camp = (id: string, sensitivity: 'public' | 'restricted') =>
  campFeature(id, sensitivity, { figureDate: '2023-06-01' });

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://', VERDICTS_ARCHIVE_MB: '0' }));
  routeServices.current = services;
  await createFeature(services.database.db, 'sites', camp(SECRET, 'restricted'), 'test');
  await publicReadsFresh();
});
afterAll(async () => {
  await warmUpSettled();
  await services.database.close();
});

const analyses = () => services.store.analysisCacheUse().entries;

describe("the warm-up of the map's next dates", () => {
  it('analyses, after a date is answered, a day and thirty days either way; those are then answered without analysing', async () => {
    const before = analyses();
    expect((await verdicts('2024-08-20')).status).toBe(200);
    expect(analyses()).toBe(before + 1);
    await warmUpSettled();
    expect(analyses()).toBe(before + 5);
    for (const date of ['2024-08-21', '2024-08-19', '2024-09-19', '2024-07-21']) {
      const res = await verdicts(date);
      expect(res.status).toBe(200);
      expect(((await res.json()) as VerdictsWire).asOf).toBe(date);
    }
    // Answering them warmed their own neighbours (2024-08-22…); the four above were not analysed again.
    await warmUpSettled();
    expect(analyses()).toBeGreaterThan(before + 5);
    const after = analyses();
    await verdicts('2024-08-21');
    expect(analyses()).toBe(after);
  });

  it("waits while a reader's request is in flight, and goes on once none has been for a moment", async () => {
    await warmUpSettled();
    const before = analyses();
    readerArrived();
    try {
      await verdicts('2023-10-10');
      await new Promise((r) => setTimeout(r, 3 * WARM_QUIET_MS));
      // The date asked only: its neighbours wait.
      expect(analyses()).toBe(before + 1);
      expect(warmUpWaiting()).toBe(4);
    } finally {
      readerLeft();
    }
    await warmUpSettled();
    expect(analyses()).toBe(before + 5);
  });

  it('stays inside the scenario: no date before its first day is warmed', async () => {
    await warmUpSettled();
    const before = analyses();
    await verdicts('2023-04-15');
    await warmUpSettled();
    // The first day, the day after and thirty days after: the steps before the range are not taken.
    expect(analyses()).toBe(before + 3);
  });

  it('drops what waits for data that changed, and a warmed date is answered anew after a change', async () => {
    await warmUpSettled();
    await verdicts('2025-02-10');
    await warmUpSettled();
    readerArrived();
    let before: number;
    try {
      await verdicts('2025-03-10');
      before = analyses();
      await createFeature(services.database.db, 'sites', camp('new_warm_camp', 'public'), 'test');
      await publicReadsFresh();
    } finally {
      readerLeft();
    }
    // The neighbours of 2025-03-10 were of the data before the change: not analysed.
    await warmUpSettled();
    expect(analyses()).toBe(before);
    // 2025-02-11 was warmed before the change: asked now, it is of the new data.
    const res = await verdicts('2025-02-11');
    expect(decodeVerdicts((await res.json()) as VerdictsWire).sites.new_warm_camp).toBeDefined();
  });

  it("never puts a signed-in reader's warmed dates into a public answer", async () => {
    await warmUpSettled();
    await verdicts('2024-01-10', admin);
    await warmUpSettled();
    const staff = decodeVerdicts((await (await verdicts('2024-01-11', admin)).json()) as VerdictsWire);
    expect(staff.sites[SECRET]).toBeDefined();
    const before = analyses();
    const anonymous = await verdicts('2024-01-11');
    // Analysed for the public: the administrator's warmed date is another visibility level's.
    expect(analyses()).toBe(before + 1);
    expect(await anonymous.text()).not.toContain(SECRET);
  });
});

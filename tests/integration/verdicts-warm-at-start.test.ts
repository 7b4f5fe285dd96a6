// The public map analysed at the server's start (`warmAtStart.ts`, called by `init` in src/hooks.server.ts):
// the date the map page opens on is answered to its first reader without an analysis of its own, its
// neighbours and then the whole range follow in the background, as after a reader's request; only the public
// level (a signed-in reader's level is analysed when asked), and a failure there does not stop the server.
// Analyses the route makes are counted as the entries of the store's analysis cache.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { readerArrived, readerLeft } from '$lib/server/http/readerActivity';
import { VerdictsArchive } from '$lib/server/mapView/verdictsArchive';
import { warmMapAtStart } from '$lib/server/mapView/warmAtStart';
import {
  rangesWalking,
  stopWarmUp,
  warmNeighbours,
  warmUpSettled,
  warmUpWaiting,
  WARM_QUIET_MS,
} from '$lib/server/mapView/verdictsWarmUp';
import { startServices, type Services } from '$lib/server/services';
import { decodeVerdicts, type VerdictsWire } from '$lib/map/verdictsWire';
import {
  askMapVerdicts as verdicts,
  askMapVerdictsCounting,
  campFeature,
  publicReadsFresh,
  rangeDays,
  verdictsFromScratch,
} from '../helpers/mapTestData';

const SECRET = 'secret_start_camp';
const admin = { id: 2, email: 'a@example.org', role: 'admin' as const };

let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  await createFeature(services.database.db, 'sites', campFeature(SECRET, 'restricted'), 'test');
  await publicReadsFresh();
});
afterAll(async () => {
  await warmUpSettled();
  await services.database.close();
});

const analyses = () => services.store.analysisCacheUse().entries;

describe('the public map analysed at start', () => {
  it('waits for a moment with no request in flight, so that the first requests of a start are not kept waiting', async () => {
    readerArrived();
    let warmed = false;
    const warm = warmMapAtStart(services).then(() => (warmed = true));
    try {
      await new Promise((r) => setTimeout(r, 5 * WARM_QUIET_MS));
      expect(analyses()).toBe(0);
      expect(warmed).toBe(false);
    } finally {
      readerLeft();
    }
    await warm;
    expect(analyses()).toBeGreaterThanOrEqual(1);
    // Its neighbours and the walk of the range follow before any reader has asked a date.
    expect(rangesWalking()).toBe(1);
  });

  it("then answers the map's first date without analysing it again, and walks the range", async () => {
    const situation = await services.store.situationFor(null);
    const first = situation.scenario.defaultAsOf;
    const { status, body, analysed } = await askMapVerdictsCounting(services.store, first);
    expect(status).toBe(200);
    expect(analysed).not.toContain(first);
    // The same bytes as the date analysed from scratch, and the public level's: the restricted camp is not in it.
    expect(body).toBe(verdictsFromScratch(situation, first));
    expect(decodeVerdicts(JSON.parse(body) as VerdictsWire).sites[SECRET]).toBeUndefined();
    expect(body).not.toContain(SECRET);
    // Its neighbours, then every date of the range into the archive, in the background.
    await warmUpSettled();
    expect(analyses()).toBe(5);
    expect(services.verdictsArchive.use()).toMatchObject({ snapshots: 1, dates: rangeDays(situation) });
  });

  it("leaves a signed-in reader's level to be analysed when its first reader asks", async () => {
    const before = analyses();
    const situation = await services.store.situationFor(admin);
    const res = await verdicts(situation.scenario.defaultAsOf, admin);
    expect(res.status).toBe(200);
    expect(analyses()).toBe(before + 1);
    expect(decodeVerdicts((await res.json()) as VerdictsWire).sites[SECRET]).toBeDefined();
  });

  it('logs a failure rather than throwing it: the map is analysed when asked, as before', async () => {
    const store = Object.create(services.store) as Services['store'];
    store.situationFor = () => Promise.reject(new Error('the database is gone'));
    const failing = { ...services, store };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(warmMapAtStart(failing)).resolves.toBeUndefined();
      expect(logged).toHaveBeenCalledWith(
        expect.stringContaining('analysing the public map at start failed'),
        expect.objectContaining({ message: 'the database is gone' }),
      );
    } finally {
      logged.mockRestore();
    }
  });

  // Last in the file: the warm-up stays stopped for the module's life, as for the server's.
  it('stops warming and walking when the server stops, after the step under way', async () => {
    await warmUpSettled();
    const situation = await services.store.situationFor(null);
    const date = situation.scenario.timeRange.from;
    // An archive of its own, empty: the one above holds the whole range already.
    const archive = new VerdictsArchive(64 * 1024 * 1024);
    const archived = () => archive.use().dates;
    warmNeighbours(services.store, archive, null, situation, date);
    expect(rangesWalking()).toBe(1);
    await stopWarmUp();
    expect(rangesWalking()).toBe(0);
    expect(warmUpWaiting()).toBe(0);
    const after = archived();
    expect(after).toBeLessThan(rangeDays(situation));
    // Asked again, nothing is warmed any more.
    warmNeighbours(services.store, archive, null, situation, date);
    expect(rangesWalking()).toBe(0);
    await new Promise((r) => setTimeout(r, 5 * WARM_QUIET_MS));
    expect(archived()).toBe(after);
  });
});

// The public map analysed again after a write through the API (`warmAfterWrite.ts`, turned on by the server at
// start): the date the map page opens on is answered over the new content to the first public reader after an
// editor's save without an analysis of its own, with the public records only; writes in a row are taken
// together; and nothing runs when it is off (the command line, the other tests calling the API).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEnv } from '$lib/server/env';
import {
  mapWritten,
  warmAfterWriteSettled,
  warmMapAfterWrites,
  warmUpsAfterWrites,
} from '$lib/server/mapView/warmAfterWrite';
import { rangesWalking, warmUpSettled, WARM_QUIET_MS } from '$lib/server/mapView/verdictsWarmUp';
import { PUBLIC_FRESHNESS_MS } from '$lib/server/http/publicSituation';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';
import { decodeVerdicts, type VerdictsWire } from '$lib/map/verdictsWire';
import { clampDate } from '$lib/state/dates';
import {
  askMapVerdicts as verdicts,
  askMapVerdictsCounting,
  campFeature,
  publicReadsFresh,
  verdictsFromScratch,
} from '../helpers/mapTestData';

let services: Services;
const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

const createCaller = createCallerFactory(appRouter);
const editor = () =>
  createCaller({ services, viewer: { id: 1, email: 'ed@example.org', role: 'editor' } } as never);

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  routeServices.current = services;
  warmMapAfterWrites(true);
});
afterAll(async () => {
  warmMapAfterWrites(false);
  await warmAfterWriteSettled();
  await warmUpSettled();
  await services.database.close();
});

/** The date the map page opens on. */
async function firstDate(): Promise<string> {
  const { defaultAsOf, timeRange } = (await services.store.situationFor(null)).scenario;
  return clampDate(defaultAsOf, timeRange.from, timeRange.to);
}
/** Every analysis and walk the writes started, done. */
async function settled() {
  await warmAfterWriteSettled();
  await warmUpSettled();
}

describe('the public map analysed after a write', () => {
  it("answers the first public reader after an editor's save without an analysis of its own, with the public records only", async () => {
    const first = await firstDate();
    await (await verdicts(first)).arrayBuffer();
    await settled();
    const before = await services.store.situationFor(null);
    await editor().features.create({ layer: 'sites', feature: campFeature('new_public_camp', 'public') });
    await editor().features.create({
      layer: 'sites',
      feature: campFeature('new_restricted_camp', 'restricted'),
    });
    await settled();
    await publicReadsFresh();
    const situation = await services.store.situationFor(null);
    expect(situation).not.toBe(before);
    const { status, body, analysed } = await askMapVerdictsCounting(services.store, first);
    expect(status).toBe(200);
    expect(analysed).not.toContain(first);
    // The same bytes as the date analysed from scratch over the new content, the public level's.
    expect(body).toBe(verdictsFromScratch(situation, first));
    const sites = decodeVerdicts(JSON.parse(body) as VerdictsWire).sites;
    expect(sites.new_public_camp).toBeDefined();
    expect(sites.new_restricted_camp).toBeUndefined();
  });

  it('analyses it again after an import, over the imported records', async () => {
    await settled();
    const runs = warmUpsAfterWrites();
    const ed = editor();
    const { importId } = await ed.imports.begin({
      layer: 'sites',
      fileName: 'camps.geojson',
      format: 'geojson',
      expectedCount: 1,
    });
    await ed.imports.append({ importId, seq: 0, features: [campFeature('imported_camp', 'public')] });
    await ed.imports.finish({ importId });
    await settled();
    expect(warmUpsAfterWrites() - runs).toBe(1);
    await publicReadsFresh();
    const situation = await services.store.situationFor(null);
    const first = await firstDate();
    const { body, analysed } = await askMapVerdictsCounting(services.store, first);
    expect(analysed).not.toContain(first);
    expect(body).toBe(verdictsFromScratch(situation, first));
    expect(decodeVerdicts(JSON.parse(body) as VerdictsWire).sites.imported_camp).toBeDefined();
  });

  it('takes writes in a row together: one analysis at a time, the last over the content then current', async () => {
    await settled();
    // Three writes, then their three calls at once, as three saves answered while one warm-up runs.
    warmMapAfterWrites(false);
    for (const id of ['burst_a', 'burst_b', 'burst_c'])
      await editor().features.create({ layer: 'sites', feature: campFeature(id, 'public') });
    warmMapAfterWrites(true);
    const runs = warmUpsAfterWrites();
    for (let i = 0; i < 3; i++) mapWritten(services);
    await settled();
    // The first write's warm-up, then one more for the two writes during it, not one per write.
    expect(warmUpsAfterWrites() - runs).toBe(2);
    await publicReadsFresh();
    const situation = await services.store.situationFor(null);
    const first = await firstDate();
    const body = await (await verdicts(first)).text();
    expect(body).toBe(verdictsFromScratch(situation, first));
    expect(decodeVerdicts(JSON.parse(body) as VerdictsWire).sites.burst_c).toBeDefined();
  });

  it('analyses nothing after a write when it is off', async () => {
    await settled();
    warmMapAfterWrites(false);
    try {
      const runs = warmUpsAfterWrites();
      await editor().features.create({ layer: 'sites', feature: campFeature('quiet_camp', 'public') });
      mapWritten(services);
      await new Promise((r) => setTimeout(r, PUBLIC_FRESHNESS_MS + 5 * WARM_QUIET_MS));
      expect(warmUpsAfterWrites()).toBe(runs);
      expect(rangesWalking()).toBe(0);
    } finally {
      warmMapAfterWrites(true);
    }
  });

  it('reads and analyses nothing once turned off while it waits, as when the server stops', async () => {
    await settled();
    const runs = warmUpsAfterWrites();
    mapWritten(services);
    warmMapAfterWrites(false);
    try {
      await settled();
      expect(warmUpsAfterWrites()).toBe(runs);
      expect(rangesWalking()).toBe(0);
    } finally {
      warmMapAfterWrites(true);
    }
  });
});

// An editor's save is not held by a recording it cannot shorten (src/lib/server/feed/recordAfterWrite.ts): the
// change feed's recording analyses each visibility level in the server's thread, seconds at a large scenario,
// during which no answer can leave. Once a recording after a write has taken longer than the save would wait
// for it, the next save is answered before its recording starts, and the feeds show its change when it ends; the
// requests the editor's page sends once the save is answered go before the recording too.
// Here the store's analyses are made slow on purpose (the thread held for 1.6 s, longer than the 1.5 s wait).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEnv } from '$lib/server/env';
import { readChanges } from '$lib/server/feed';
import { readerArrived, readerLeft } from '$lib/server/http/readerActivity';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';
import { campFeature } from '../helpers/mapTestData';

const HELD_MS = 1600;
let services: Services;
const events: string[] = [];

beforeAll(async () => {
  services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  const reportOf = services.store.reportOf.bind(services.store);
  vi.spyOn(services.store, 'reportOf').mockImplementation((situation, asOf) => {
    events.push('analysis');
    // The thread held, as by the analyses of a large scenario.
    for (const end = performance.now() + HELD_MS; performance.now() < end;);
    return reportOf(situation, asOf);
  });
});
afterAll(() => services.database.close());

const editor = () =>
  createCallerFactory(appRouter)({ services, viewer: { id: 2, email: 'ed@example.org', role: 'editor' } });
const save = async (id: string) => {
  await editor().features.create({ layer: 'sites', feature: campFeature(id, 'public') });
  events.push('answered');
};
/** As the server's `handle` counts each request it answers (src/hooks.server.ts). */
async function answered<T>(work: () => Promise<T>): Promise<T> {
  readerArrived();
  try {
    return await work();
  } finally {
    readerLeft();
  }
}
const recorded = async (id: string) =>
  (await readChanges(services.database.db, { sensitivities: ['public'], subjectId: id })).changes.length > 0;

describe('a save after a slow recording', () => {
  it('is answered before its recording analyses, and the feed shows its change once the recording ends', async () => {
    // The first save after the start waits for its recording, as on a small scenario.
    await save('slow_first_camp');
    expect(events).toEqual(['analysis', 'answered']);
    await vi.waitFor(async () => expect(await recorded('slow_first_camp')).toBe(true), { timeout: 10_000 });

    // That recording took longer than the wait: the next save does not wait.
    events.length = 0;
    await save('slow_second_camp');
    expect(events).toEqual(['answered']);
    expect(await recorded('slow_second_camp')).toBe(false);
    await vi.waitFor(async () => expect(await recorded('slow_second_camp')).toBe(true), { timeout: 10_000 });
    expect(events).toEqual(['answered', 'analysis']);
  });

  it("lets the editor's page read the record again first, asked a moment after the save was answered", async () => {
    events.length = 0;
    await answered(() => save('slow_third_camp'));
    await new Promise((r) => setTimeout(r, 20));
    await answered(() => editor().features.history({ id: 'slow_third_camp' }));
    events.push('history');
    await vi.waitFor(async () => expect(await recorded('slow_third_camp')).toBe(true), { timeout: 10_000 });
    expect(events).toEqual(['answered', 'history', 'analysis']);
  });
});

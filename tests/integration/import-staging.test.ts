// An import sent in parts through the API, as the /data page sends one larger than a request may be: begin,
// chunks appended in order, finish writing them all in one transaction (or nothing), abort, and the limits
// (who may append, order, resends, expiry, counts and bytes). Runs on the embedded PGlite and, when
// TEST_DATABASE_URL is set, on PostgreSQL (in a database of its own).
import { count as countRows, sql } from 'drizzle-orm';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planChunks } from '$lib/import-worker/chunks';
import { getFeature } from '$lib/server/db/featureRepository';
import { features as featuresTable, importStagingParts } from '$lib/server/db/schema';
import { readEnv } from '$lib/server/env';
import { commitImport } from '$lib/server/import/commitImport';
import { getImportMapping } from '$lib/server/import/importMappings';
import { ImportStaging, type StagingLimits } from '$lib/server/import/importStaging';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';
import { freshDatabase } from './helpers/freshDatabase';

const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const createCaller = createCallerFactory(appRouter);

/** `n` admin areas (the layer the analysis does not read, so the change feed stays quick), ids `<prefix>_<i>`. */
function areas(prefix: string, n: number): Feature[] {
  return Array.from({ length: n }, (_, i) => {
    const [x, y] = [22 + (i % 100) * 0.05, 10 + Math.floor(i / 100) * 0.05];
    return {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.04, y],
            [x + 0.04, y + 0.04],
            [x, y + 0.04],
            [x, y],
          ],
        ],
      },
      properties: {
        id: `${prefix}_${i}`,
        name: `Area ${i} – منطقة`,
        source: 'staging test',
        pcode: `ZZ${prefix.toUpperCase()}${String(i).padStart(5, '0')}`,
        level: 2,
        figures: [{ date: '2024-12-17', idps: i * 10, source: 'staging test' }],
      },
    };
  });
}

const begin = (n: number, over: Record<string, unknown> = {}) => ({
  layer: 'admin' as const,
  fileName: 'areas.geojson',
  format: 'geojson' as const,
  expectedCount: n,
  ...over,
});

describe.each(engines)('an import sent in parts on $name', ({ url }) => {
  let services: Services;
  let drop: (() => Promise<void>) | undefined;
  const editor = (s: Services = services) =>
    createCaller({ services: s, viewer: { id: 1, email: 'editor@example.org', role: 'editor' } });
  const otherEditor = (s: Services = services) =>
    createCaller({ services: s, viewer: { id: 2, email: 'other@example.org', role: 'editor' } });
  const count = async () =>
    Number((await services.database.db.select({ n: sql<number>`count(*)` }).from(featuresTable))[0].n);
  /** A staging of its own with a clock the test moves and limits it sets, writing to the same database. */
  function stagingServices(limits: Partial<StagingLimits> = {}) {
    // The stagings are in the database, which the other tests' stagings share: the clock starts at now.
    const clock = { now: Date.now() };
    const staging = new ImportStaging(
      services.database.db,
      (features, layer, actor, options) =>
        commitImport(services.database.db, features, layer, actor, options),
      limits,
      () => clock.now,
    );
    return { clock, staging, services: { ...services, importStaging: staging } };
  }

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (url) ({ url: databaseUrl, drop } = await freshDatabase(url, 'corridor_staging'));
    services = await startServices(readEnv({ DATA_DIR: 'memory://', DATABASE_URL: databaseUrl }));
  });
  afterAll(async () => {
    await services?.database.close();
    await drop?.();
  });

  it('5,000 features in chunks of under 400 kB are all written by finish, with the mapping remembered', async () => {
    const list = areas('big', 5_000);
    const before = await count();
    const { importId, maxChunkBytes } = await editor().imports.begin(
      begin(list.length, { sourceKey: 'geojson:staging-test', mapping: { fields: { name: 'NAME' } } }),
    );
    expect(maxChunkBytes).toBe(400_000);
    const { chunks, totalBytes } = planChunks(list, maxChunkBytes - 256);
    expect(totalBytes).toBeGreaterThan(2 * 512 * 1024); // more than one request may carry, by far
    expect(chunks.length).toBeGreaterThan(4);
    for (const [seq, c] of chunks.entries()) {
      expect(c.bytes).toBeLessThanOrEqual(maxChunkBytes);
      expect(Buffer.byteLength(JSON.stringify(list.slice(c.from, c.to)))).toBe(c.bytes);
      const r = await editor().imports.append({ importId, seq, features: list.slice(c.from, c.to) });
      expect(r).toEqual({ received: c.to, nextSeq: seq + 1 });
    }
    // Nothing is written before finish.
    expect(await count()).toBe(before);
    expect(await services.importStaging.stagedBytes()).toBe(totalBytes);
    const result = await editor().imports.finish({ importId });
    expect(result).toMatchObject({ created: 5_000, updated: 0, unchanged: 0 });
    expect(await count()).toBe(before + 5_000);
    expect(await getFeature(services.database.db, 'big_4999')).toMatchObject({
      layer: 'admin',
      version: 1,
      updatedBy: 'editor@example.org',
    });
    expect((await getImportMapping(services.database.db, 'geojson:staging-test'))?.mapping).toEqual({
      fields: { name: 'NAME' },
    });
    expect(await services.importStaging.open()).toBe(0);
    expect(await services.importStaging.stagedBytes()).toBe(0);
    // The staging is gone: it cannot be finished twice.
    await expect(editor().imports.finish({ importId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a chunk with an invalid feature: finish names it and writes nothing of any chunk', async () => {
    const list = areas('bad', 3_000);
    (list[2_345].properties as Record<string, unknown>).level = 7;
    const before = await count();
    const { importId } = await editor().imports.begin(
      begin(list.length, { sourceKey: 'geojson:never-saved', mapping: { fields: { name: 'NAME' } } }),
    );
    for (const [seq, c] of planChunks(list, 100_000).chunks.entries())
      await editor().imports.append({ importId, seq, features: list.slice(c.from, c.to) });
    await expect(editor().imports.finish({ importId })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(
        /^nothing was imported: 1 problem\nareas\.geojson: feature #2345 \(id "bad_2345"\), field "properties\.level"/,
      ),
    });
    expect(await count()).toBe(before);
    expect(await getFeature(services.database.db, 'bad_0')).toBeNull();
    expect(await getImportMapping(services.database.db, 'geojson:never-saved')).toBeNull();
    expect(await services.importStaging.open()).toBe(0);
  });

  it('refuses a chunk out of order, and takes the chunks once they come in order', async () => {
    const list = areas('order', 30);
    const { importId } = await editor().imports.begin(begin(30));
    await expect(
      editor().imports.append({ importId, seq: 1, features: list.slice(10, 20) }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('chunk 1 arrived before chunk 0: chunks are sent in order'),
    });
    await editor().imports.append({ importId, seq: 0, features: list.slice(0, 10) });
    await expect(
      editor().imports.append({ importId, seq: 2, features: list.slice(20) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('before chunk 1') });
    await editor().imports.append({ importId, seq: 1, features: list.slice(10, 20) });
    await editor().imports.append({ importId, seq: 2, features: list.slice(20) });
    expect(await editor().imports.finish({ importId })).toMatchObject({ created: 30 });
  });

  it('a chunk sent again is taken once; one sent again with other features is refused', async () => {
    const list = areas('resent', 20);
    const { importId } = await editor().imports.begin(begin(20));
    const first = { importId, seq: 0, features: list.slice(0, 10) };
    expect(await editor().imports.append(first)).toEqual({ received: 10, nextSeq: 1 });
    // The answer was lost and the client sends the chunk again: nothing changes.
    expect(await editor().imports.append(first)).toEqual({ received: 10, nextSeq: 1 });
    await expect(
      editor().imports.append({ importId, seq: 0, features: list.slice(10, 20) }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('chunk 0 was already') });
    const second = { importId, seq: 1, features: list.slice(10, 20) };
    expect(await editor().imports.append(second)).toEqual({ received: 20, nextSeq: 2 });
    expect(await editor().imports.append(second)).toEqual({ received: 20, nextSeq: 2 });
    expect(await editor().imports.finish({ importId })).toMatchObject({ created: 20, updated: 0 });
    expect(await getFeature(services.database.db, 'resent_19')).toMatchObject({ version: 1 });
  });

  it('is held in the database: parts sent alternately to two instances, finished on one, once', async () => {
    // A second instance of the server: its own ImportStaging (and process state) on the same database.
    const second = {
      ...services,
      importStaging: new ImportStaging(services.database.db, (features, layer, actor, options) =>
        commitImport(services.database.db, features, layer, actor, options),
      ),
    };
    const list = areas('shared', 40);
    const instances = [services, second];
    const { importId } = await editor(second).imports.begin(begin(40));
    for (let seq = 0; seq < 4; seq++) {
      const r = await editor(instances[seq % 2]).imports.append({
        importId,
        seq,
        features: list.slice(seq * 10, seq * 10 + 10),
      });
      expect(r).toEqual({ received: seq * 10 + 10, nextSeq: seq + 1 });
    }
    // A resend of chunk 3 to the other instance is recognised as the same chunk.
    expect(await editor(services).imports.append({ importId, seq: 3, features: list.slice(30, 40) })).toEqual(
      { received: 40, nextSeq: 4 },
    );
    expect(await services.importStaging.open()).toBe(1);
    // Finished on both at once: one writes, the other is refused (being written, or already gone).
    const results = await Promise.allSettled([
      editor(services).imports.finish({ importId }),
      editor(second).imports.finish({ importId }),
    ]);
    const written = results.filter((r) => r.status === 'fulfilled');
    expect(written).toHaveLength(1);
    expect((written[0] as PromiseFulfilledResult<unknown>).value).toMatchObject({ created: 40 });
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['CONFLICT', 'NOT_FOUND']).toContain((refused.reason as { code: string }).code);
    expect(await getFeature(services.database.db, 'shared_39')).toMatchObject({ version: 1 });
    expect(await second.importStaging.open()).toBe(0);
    // Parts go with their staging.
    const [parts] = await services.database.db.select({ n: countRows() }).from(importStagingParts);
    expect(parts.n).toBe(0);
  });

  it('another account can neither append to, finish nor abort a staging it did not begin', async () => {
    const list = areas('mine', 10);
    const { importId } = await editor().imports.begin(begin(10));
    const notFound = { code: 'NOT_FOUND', message: expect.stringContaining('is being sent by this account') };
    await expect(otherEditor().imports.append({ importId, seq: 0, features: list })).rejects.toMatchObject(
      notFound,
    );
    await editor().imports.append({ importId, seq: 0, features: list });
    await expect(otherEditor().imports.finish({ importId })).rejects.toMatchObject(notFound);
    await expect(otherEditor().imports.abort({ importId })).rejects.toMatchObject(notFound);
    expect(await getFeature(services.database.db, 'mine_0')).toBeNull();
    // An admin is another account too.
    const admin = createCaller({ services, viewer: { id: 3, email: 'admin@example.org', role: 'admin' } });
    await expect(admin.imports.finish({ importId })).rejects.toMatchObject(notFound);
    expect(await editor().imports.finish({ importId })).toMatchObject({ created: 10 });
  });

  it('abort drops what was staged: nothing is written and the staging is gone', async () => {
    const list = areas('aborted', 10);
    const before = await count();
    const { importId } = await editor().imports.begin(begin(20));
    await editor().imports.append({ importId, seq: 0, features: list });
    expect(await services.importStaging.stagedBytes()).toBeGreaterThan(0);
    expect(await editor().imports.abort({ importId })).toEqual({ aborted: true });
    expect(await services.importStaging.open()).toBe(0);
    expect(await services.importStaging.stagedBytes()).toBe(0);
    await expect(editor().imports.append({ importId, seq: 1, features: list })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(editor().imports.finish({ importId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await count()).toBe(before);
  });

  it('a staging idle for 15 minutes expires at the next call of anyone; one in use does not', async () => {
    const { clock, staging, services: s } = stagingServices();
    const list = areas('idle', 20);
    const kept = await editor(s).imports.begin(begin(20));
    const dropped = await editor(s).imports.begin(begin(20));
    await editor(s).imports.append({ importId: kept.importId, seq: 0, features: list.slice(0, 10) });
    await editor(s).imports.append({ importId: dropped.importId, seq: 0, features: list.slice(0, 10) });
    clock.now += 10 * 60_000;
    await editor(s).imports.append({ importId: kept.importId, seq: 1, features: list.slice(10) });
    clock.now += 6 * 60_000; // 16 minutes since `dropped` last got a chunk, 6 since `kept` did
    // Swept by a call about something else: another account's begin.
    await otherEditor(s).imports.begin(begin(1));
    expect(await staging.open()).toBe(2);
    await expect(
      editor(s).imports.append({ importId: dropped.importId, seq: 1, features: list.slice(10) }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('dropped after 15 minutes without a chunk'),
    });
    expect(await editor(s).imports.finish({ importId: kept.importId })).toMatchObject({ created: 20 });
    clock.now += 16 * 60_000;
    const last = await editor(s).imports.begin(begin(1));
    expect(await staging.open()).toBe(1); // the other account's empty staging expired too
    await editor(s).imports.abort({ importId: last.importId });
  });

  it('bounds a staging’s features, an account’s open stagings and the bytes held, with reasons', async () => {
    const { staging, services: s } = stagingServices({ maxOpenPerAccount: 2, maxTotalBytes: 60_000 });
    const list = areas('limits', 200);
    // At most 200,000 features in an import.
    await expect(editor(s).imports.begin(begin(200_001))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const a = await editor(s).imports.begin(begin(100));
    // More features than announced.
    await expect(
      editor(s).imports.append({ importId: a.importId, seq: 0, features: list }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('more than the 100 announced'),
    });
    const b = await editor(s).imports.begin(begin(200));
    await expect(editor(s).imports.begin(begin(1))).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringContaining('already sending 2 imports'),
    });
    // Another account is not held back by this one's stagings.
    const c = await otherEditor(s).imports.begin(begin(1));
    // The bytes held by every staging together: a chunk that would pass them is refused and not kept.
    const size = (from: number, to: number) => Buffer.byteLength(JSON.stringify(list.slice(from, to)));
    expect(size(0, 100)).toBeLessThan(60_000);
    expect(size(0, 100) + size(100, 200)).toBeGreaterThan(60_000);
    await editor(s).imports.append({ importId: a.importId, seq: 0, features: list.slice(0, 100) });
    await expect(
      editor(s).imports.append({ importId: b.importId, seq: 0, features: list.slice(100) }),
    ).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/^the server holds at most 0\.1 MB of imports being sent/),
    });
    expect(await staging.stagedBytes()).toBe(size(0, 100));
    // Finishing with fewer features than announced writes nothing and ends the staging.
    await editor(s).imports.append({ importId: b.importId, seq: 0, features: list.slice(100, 150) });
    await expect(editor(s).imports.finish({ importId: b.importId })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'nothing was imported: 50 of the 200 features announced arrived; start the import again',
    });
    expect(await getFeature(services.database.db, 'limits_100')).toBeNull();
    await editor(s).imports.abort({ importId: a.importId });
    await otherEditor(s).imports.abort({ importId: c.importId });
    expect(await staging.open()).toBe(0);
    expect(await staging.stagedBytes()).toBe(0);
  });
});

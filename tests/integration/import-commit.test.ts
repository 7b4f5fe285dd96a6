import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataValidationError } from '$lib/domain/schemas';
import { parseImport } from '$lib/import';
import type { ColumnMapping } from '$lib/import/types';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import { featureHistory, getFeature } from '$lib/server/db/featureRepository';
import { auditLog, features } from '$lib/server/db/schema';
import { commitImport } from '$lib/server/import/commitImport';
import { importFile } from '$lib/server/import/importFile';
import { getImportMapping } from '$lib/server/import/importMappings';
import { readEnv } from '$lib/server/env';
import { startServices, type Services } from '$lib/server/services';
import { createCallerFactory } from '$lib/server/trpc/init';
import { appRouter } from '$lib/server/trpc/router';

// The same suite runs on the embedded PGlite and, when TEST_DATABASE_URL is set, on a PostgreSQL server.
const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const CSV =
  'id,name,kind,lat,lon,Individuals,date\ni_a,Camp A,camp,13.4,25.3,1000,2024-05-01\ni_b,Camp B,camp,13.5,25.4,2000,2024-05-01\ni_c,Camp C,town,13.6,25.5,,\n';
const preview = (text = CSV) =>
  parseImport(text, { fileName: 'camps.csv', layer: 'sites', defaultCountry: 'SDN' });

describe.each(engines)('committing an import on $name', ({ url }) => {
  let handle: OpenDatabase;
  const count = async () =>
    Number((await handle.db.select({ n: sql<number>`count(*)` }).from(features))[0].n);
  const audits = async () =>
    Number((await handle.db.select({ n: sql<number>`count(*)` }).from(auditLog))[0].n);

  beforeAll(async () => {
    handle = await openDatabase({ databaseUrl: url, dataDir: 'memory://', migrationsFolder: 'drizzle' });
    if (url) await handle.db.execute('truncate features, audit_log, scenarios, import_mappings');
  });
  afterAll(async () => handle?.close());

  it('creates every feature of the preview in one go, with audit entries of action import', async () => {
    const p = preview();
    expect(p.problems).toEqual([]);
    const r = await commitImport(handle.db, p, 'sites', 'officer@example.org', {
      sourceKey: p.sourceKey,
      mapping: p.mapping,
      format: p.format,
    });
    expect(r).toMatchObject({
      created: 3,
      updated: 0,
      unchanged: 0,
      feed: { skipped: 'no scenario in the database yet' },
    });
    expect(await count()).toBe(3);
    const stored = await getFeature(handle.db, 'i_a');
    expect(stored).toMatchObject({ layer: 'sites', version: 1, updatedBy: 'officer@example.org' });
    expect(stored?.feature.properties).toMatchObject({
      figures: [{ date: '2024-05-01', population: 1000, source: 'camps.csv' }],
    });
    expect((await featureHistory(handle.db, 'i_a')).map((h) => h.action)).toEqual(['import']);
    expect((await getImportMapping(handle.db, p.sourceKey!))?.mapping.fields).toMatchObject({
      lat: 'lat',
      population: 'Individuals',
    });
  });

  it('re-importing the same file changes nothing; a changed row becomes a new version', async () => {
    const before = await audits();
    expect(await commitImport(handle.db, preview(), 'sites', 'officer@example.org')).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await audits()).toBe(before);
    const changed = preview(CSV.replace('Camp B', 'Camp B (renamed)'));
    expect(await commitImport(handle.db, changed, 'sites', 'officer@example.org')).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    const b = await getFeature(handle.db, 'i_b');
    expect(b).toMatchObject({ version: 2 });
    const history = await featureHistory(handle.db, 'i_b');
    expect(history.map((h) => h.action)).toEqual(['import', 'import']);
    expect(history[1].before?.properties.name).toBe('Camp B');
    expect(history[1].after?.properties.name).toBe('Camp B (renamed)');
  });

  it('writes nothing when one feature of the batch is invalid, and names it', async () => {
    const [n, a] = [await count(), await audits()];
    const good = preview(
      'id,name,kind,lat,lon\nnew_1,New 1,camp,13.4,25.3\nnew_2,New 2,camp,13.4,25.3\n',
    ).features;
    const bad = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [230, 13] },
      properties: { id: 'new_3', name: 'Bad', source: 'x', kind: 'idp_camp', country: 'SDN' },
    };
    const err = await commitImport(handle.db, [...good, bad as never], 'sites', 'officer@example.org', {
      file: 'camps.csv',
      sourceKey: 'csv:should-not-be-saved',
      mapping: { fields: { lat: 'lat' } },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataValidationError);
    expect((err as DataValidationError).issues).toEqual([
      expect.objectContaining({
        file: 'camps.csv',
        index: 2,
        id: 'new_3',
        field: 'geometry.coordinates',
        reason: 'longitude 230 is outside [-180, 180]',
      }),
    ]);
    expect([await count(), await audits()]).toEqual([n, a]);
    expect(await getFeature(handle.db, 'new_1')).toBeNull();
    expect(await getImportMapping(handle.db, 'csv:should-not-be-saved')).toBeNull();
  });

  it('refuses an id that belongs to a feature of another layer, writing nothing', async () => {
    const n = await count();
    const incident = parseImport(
      'id,name,lat,lon,date,category,severity\nnew_9,Clash,13.4,25.3,2024-05-01,hostilities,2\ni_a,Clash,13.4,25.3,2024-05-01,hostilities,2\n',
      { fileName: 'inc.csv', layer: 'incidents' },
    );
    expect(incident.problems).toEqual([]);
    await expect(commitImport(handle.db, incident, 'incidents', 'officer@example.org')).rejects.toMatchObject(
      {
        issues: [
          expect.objectContaining({
            index: 1,
            id: 'i_a',
            reason: 'is the id of a feature of the sites layer',
          }),
        ],
      },
    );
    expect(await count()).toBe(n);
    expect(await getFeature(handle.db, 'new_9')).toBeNull();
  });

  it('a streamed file whose last row is invalid leaves nothing of its earlier batches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-import-stream-'));
    try {
      const rows = Array.from({ length: 45 }, (_, i) => `s_${i},Site ${i},camp,13.${i},25.3`);
      const file = join(dir, 'many.csv');
      writeFileSync(file, `id,name,kind,lat,lon\n${rows.join('\n')}\ns_bad,Bad,palace,13.4,25.3\n`);
      const n = await count();
      const blocked = await importFile(file, {
        fileName: 'many.csv',
        layer: 'sites',
        defaultCountry: 'SDN',
        db: handle.db,
        actor: 'officer',
        batchSize: 10,
      });
      expect(blocked).toMatchObject({
        written: null,
        reason: 'errors',
        preview: { counts: { read: 46, valid: 45, rejected: 1 } },
      });
      expect(blocked.preview.problems).toEqual([
        expect.objectContaining({ level: 'error', row: 47, id: 's_bad', field: 'kind' }),
      ]);
      expect(await count()).toBe(n);
      expect(await getFeature(handle.db, 's_0')).toBeNull();
      const skipped = await importFile(file, {
        fileName: 'many.csv',
        layer: 'sites',
        defaultCountry: 'SDN',
        db: handle.db,
        actor: 'officer',
        batchSize: 10,
        skipInvalid: true,
      });
      expect(skipped.written).toMatchObject({ created: 45, updated: 0 });
      expect(await count()).toBe(n + 45);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('brings a deleted feature back as a new version', async () => {
    await handle.db.update(features).set({ deletedAt: new Date() }).where(eq(features.id, 'i_c'));
    // i_b is renamed back to its name in the file; i_c comes back; i_a is as stored.
    expect(await commitImport(handle.db, preview(), 'sites', 'officer@example.org')).toMatchObject({
      created: 0,
      updated: 2,
      unchanged: 1,
    });
    expect(await getFeature(handle.db, 'i_c')).toMatchObject({ deleted: false });
  });
});

describe('imports API', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  });
  afterAll(() => services.database.close());
  const editor = () =>
    createCallerFactory(appRouter)({
      services,
      viewer: { id: 1, email: 'editor@example.org', role: 'editor' },
    });
  /** The browser's way: begin, one chunk, finish. */
  const commit = async (input: { features: unknown[]; sourceKey?: string; mapping?: ColumnMapping }) => {
    const { importId } = await editor().imports.begin({
      layer: 'sites',
      fileName: 'camps.csv',
      format: 'csv',
      expectedCount: input.features.length,
      ...(input.sourceKey && input.mapping ? { sourceKey: input.sourceKey, mapping: input.mapping } : {}),
    });
    await editor().imports.append({ importId, seq: 0, features: input.features });
    return editor().imports.finish({ importId });
  };

  it('commits re-validated features, remembers the mapping, and runs the change feed', async () => {
    const p = preview();
    const r = await commit({ features: p.features, sourceKey: p.sourceKey, mapping: p.mapping });
    expect(r).toMatchObject({ created: 3, updated: 0, unchanged: 0, feed: { recorded: expect.any(Number) } });
    expect(await editor().imports.mapping({ sourceKey: p.sourceKey! })).toMatchObject({
      layer: 'sites',
      format: 'csv',
      updatedBy: 'editor@example.org',
    });
    expect(await editor().imports.mapping({ sourceKey: 'csv:0:nothing' })).toBeNull();
  });

  it('never trusts the client: a feature that fails the schema refuses the whole batch', async () => {
    const tampered = preview(
      'id,name,kind,lat,lon\napi_1,A,camp,13.4,25.3\napi_2,B,camp,13.4,25.3\n',
    ).features;
    (tampered[1].properties as Record<string, unknown>).kind = 'palace';
    await expect(commit({ features: tampered })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(
        /^nothing was imported: 1 problem\ncamps.csv: feature #1 \(id "api_2"\), field "properties.kind"/,
      ),
    });
    expect(await getFeature(services.database.db, 'api_1')).toBeNull();
  });
});

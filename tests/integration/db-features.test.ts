import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataValidationError, type Situation } from '$lib/domain/schemas';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import {
  ChangeNotFoundError,
  createFeature,
  deleteFeature,
  featureHistory,
  FeatureNotFoundError,
  getFeature,
  insertFeatures,
  readSituation,
  restoreFeature,
  seedSituation,
  SensitivityRefusedError,
  updateFeature,
  upsertFeatures,
  VersionConflictError,
} from '$lib/server/db/featureRepository';
import { scenarios } from '$lib/server/db/schema';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

// The same suite runs on the embedded PGlite and, when TEST_DATABASE_URL is set, on a PostgreSQL server.
const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const site = (id: string, props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.31, 13.49] },
  properties: { id, name: id, source: 'test', kind: 'idp_camp', country: 'SDN', ...props },
});

describe.each(engines)('feature storage on $name', ({ url }) => {
  let handle: OpenDatabase;
  let situation: Situation;

  beforeAll(async () => {
    handle = await openDatabase({ databaseUrl: url, dataDir: 'memory://', migrationsFolder: 'drizzle' });
    if (url) await handle.db.execute('truncate features, audit_log, scenarios');
    situation = loadSituationFromDir('geodata');
  });
  afterAll(async () => handle?.close());

  it('seeds the default scenario once; a second seed changes nothing', async () => {
    const total = Object.entries(situation).reduce(
      (n, [k, v]) => n + (k === 'scenario' ? 0 : (v as unknown[]).length),
      0,
    );
    expect((await seedSituation(handle.db, situation)).inserted).toBe(total);
    expect((await seedSituation(handle.db, situation)).inserted).toBe(0);
    const back = await readSituation(handle.db, situation.scenario.id, [
      'public',
      'restricted',
      'confidential',
    ]);
    expect(back.sites.map((s) => s.properties.id).sort()).toEqual(
      situation.sites.map((s) => s.properties.id).sort(),
    );
    const zamzam = situation.sites.find((s) => s.properties.id === 'sd_zamzam');
    expect(back.sites.find((s) => s.properties.id === 'sd_zamzam')).toEqual(zamzam);
  });

  it('reads only the sensitivities asked for', async () => {
    await createFeature(
      handle.db,
      'sites',
      site('t_restricted', { sensitivity: 'restricted' }),
      'editor@test',
    );
    const pub = await readSituation(handle.db, situation.scenario.id, ['public']);
    expect(pub.sites.some((s) => s.properties.id === 't_restricted')).toBe(false);
    const staff = await readSituation(handle.db, situation.scenario.id, ['public', 'restricted']);
    expect(staff.sites.some((s) => s.properties.id === 't_restricted')).toBe(true);
  });

  it("filters the actors' backer claims of the stored scenario by sensitivity too", async () => {
    const claimsOf = (s: Situation) => s.scenario.actors.flatMap((a) => a.backers.map((c) => c.id));
    const publicClaims = claimsOf(situation);
    expect(publicClaims).toContain('bk_uae_rsf_arms');
    const staffClaim = {
      ...situation.scenario.actors[1].backers[0],
      id: 't_staff_claim',
      sensitivity: 'restricted',
    };
    const document = {
      ...situation.scenario,
      actors: situation.scenario.actors.map((a, i) =>
        i === 1 ? { ...a, backers: [...a.backers, staffClaim] } : a,
      ),
    };
    await handle.db.update(scenarios).set({ document }).where(eq(scenarios.id, situation.scenario.id));
    try {
      const pub = await readSituation(handle.db, situation.scenario.id, ['public']);
      expect(claimsOf(pub)).toEqual(publicClaims);
      const staff = await readSituation(handle.db, situation.scenario.id, ['public', 'restricted']);
      expect(claimsOf(staff)).toEqual([...publicClaims, 't_staff_claim']);
    } finally {
      await handle.db
        .update(scenarios)
        .set({ document: situation.scenario })
        .where(eq(scenarios.id, situation.scenario.id));
    }
  });

  it('of 20 concurrent editors on one version, exactly one wins and the others get the current record', async () => {
    await createFeature(handle.db, 'sites', site('t_race'), 'a');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateFeature(handle.db, 't_race', 1, site('t_race', { name: `edit ${i}` }), `editor${i}`),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof updateFeature>>>).value;
    expect(winner.version).toBe(2);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(VersionConflictError);
      expect((l.reason as VersionConflictError).current?.feature.properties.name).toBe(
        winner.feature.properties.name,
      );
    }
    const history = await featureHistory(handle.db, 't_race');
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    await expect(
      updateFeature(
        handle.db,
        't_race',
        2,
        site('t_race', { figures: [{ date: '2024-13-01', source: 'x' }] }),
        'a',
      ),
    ).rejects.toThrow(
      /field "properties\.figures\[0\]\.date": must be a date written YYYY-MM-DD|is not a real calendar date/,
    );
    expect((await getFeature(handle.db, 't_race'))?.version).toBe(2);
    await expect(
      createFeature(handle.db, 'sites', site('t_bad', { kind: 'castle' }), 'a'),
    ).rejects.toBeInstanceOf(DataValidationError);
    expect(await getFeature(handle.db, 't_bad')).toBeNull();
  });

  it('soft-deletes, keeps history, and restores as a new version', async () => {
    await createFeature(handle.db, 'sites', site('t_del', { name: 'Before' }), 'a');
    await updateFeature(handle.db, 't_del', 1, site('t_del', { name: 'After' }), 'b');
    await deleteFeature(handle.db, 't_del', 2, 'c');
    expect((await getFeature(handle.db, 't_del'))?.deleted).toBe(true);
    const pub = await readSituation(handle.db, situation.scenario.id, ['public']);
    expect(pub.sites.some((s) => s.properties.id === 't_del')).toBe(false);

    const history = await featureHistory(handle.db, 't_del');
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ['create', 'a'],
      ['update', 'b'],
      ['delete', 'c'],
    ]);
    expect(history[1].before?.properties.name).toBe('Before');
    const restored = await restoreFeature(handle.db, 't_del', history[0].auditId, 3, 'd');
    expect(restored).toMatchObject({ version: 4, deleted: false });
    expect(restored.feature.properties.name).toBe('Before');
  });

  it("writes limited to an editor's sensitivities treat a confidential feature as missing", async () => {
    const staff = ['public', 'restricted'] as const;
    await createFeature(handle.db, 'sites', site('t_conf', { sensitivity: 'confidential' }), 'admin');
    const missing = (id: string) => new FeatureNotFoundError(id);
    await expect(updateFeature(handle.db, 't_conf', 1, site('t_conf'), 'ed', staff)).rejects.toEqual(
      missing('t_conf'),
    );
    await expect(deleteFeature(handle.db, 't_conf', 1, 'ed', staff)).rejects.toEqual(missing('t_conf'));
    await expect(featureHistory(handle.db, 't_conf', staff)).rejects.toEqual(missing('t_conf'));
    const [created] = await featureHistory(handle.db, 't_conf');
    await expect(restoreFeature(handle.db, 't_conf', created.auditId, 1, 'ed', staff)).rejects.toEqual(
      missing('t_conf'),
    );
    await expect(
      upsertFeatures(handle.db, 'sites', [site('t_conf', { name: 'over' })], 'ed', {
        file: 'f.geojson',
        visible: staff,
      }),
    ).rejects.toThrow(
      'f.geojson: feature #0 (id "t_conf"), field "properties.id": is already used by another feature',
    );
    expect(await getFeature(handle.db, 't_conf')).toMatchObject({ version: 1, deleted: false });

    // A feature of its own that it tries to make confidential: refused, naming the field.
    await createFeature(handle.db, 'sites', site('t_staff'), 'ed', staff);
    await expect(
      updateFeature(handle.db, 't_staff', 1, site('t_staff', { sensitivity: 'confidential' }), 'ed', staff),
    ).rejects.toBeInstanceOf(SensitivityRefusedError);
    // A change that is not the feature's is not found (never a server error).
    await expect(
      restoreFeature(handle.db, 't_staff', created.auditId, 1, 'ed', staff),
    ).rejects.toBeInstanceOf(ChangeNotFoundError);
    // Raced by an administrator who made it confidential: not found, never a conflict carrying it.
    await updateFeature(handle.db, 't_staff', 1, site('t_staff', { sensitivity: 'confidential' }), 'admin');
    await expect(deleteFeature(handle.db, 't_staff', 1, 'ed', staff)).rejects.toEqual(missing('t_staff'));
    await expect(deleteFeature(handle.db, 't_staff', 1, 'admin')).rejects.toBeInstanceOf(
      VersionConflictError,
    );
  });

  it('inserts a batch all or nothing', async () => {
    const good = Array.from({ length: 50 }, (_, i) => site(`t_batch_${i}`));
    const bad = [
      ...good.slice(0, 10).map((f, i) => ({ ...f, properties: { ...f.properties, id: `t_b2_${i}` } })),
      site('t_b2_x', { country: 'xx' }),
    ];
    await expect(insertFeatures(handle.db, 'sites', bad, 'imp', 'batch.geojson')).rejects.toThrow(
      /batch\.geojson: feature #10 \(id "t_b2_x"\), field "properties\.country"/,
    );
    expect(await getFeature(handle.db, 't_b2_0')).toBeNull();
    expect(await insertFeatures(handle.db, 'sites', good, 'imp')).toBe(50);
    expect(await getFeature(handle.db, 't_batch_49')).not.toBeNull();
  });
});

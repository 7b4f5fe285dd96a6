// The archive of the map's verdicts shared through PostgreSQL (`sharedVerdicts.ts`, docs/scaling.md): two
// services objects, as two app instances (or one instance and itself started again) would hold, on one
// database. The dates one instance walked are answered by the other without an analysis, byte for byte as an
// analysis from scratch, and its own walk takes them from the database; another build's instance does not read
// them; a level's older content is deleted once its new content is kept, and a signed-in level's rows never reach
// a public answer. Needs TEST_DATABASE_URL (scripts/with-postgres.sh).
import { version } from '$app/environment';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFeature } from '$lib/server/db/featureRepository';
import { readEnv } from '$lib/server/env';
import { SharedVerdicts } from '$lib/server/mapView/sharedVerdicts';
import { VerdictsArchive } from '$lib/server/mapView/verdictsArchive';
import { warmUpSettled } from '$lib/server/mapView/verdictsWarmUp';
import { startServices, type Services } from '$lib/server/services';
import { freshDatabase } from './helpers/freshDatabase';
import {
  askMapVerdicts as verdicts,
  campFeature,
  publicReadsFresh as fresh,
  rangeDays,
  verdictsFromScratch as fromScratch,
} from '../helpers/mapTestData';

const pgUrl = process.env.TEST_DATABASE_URL;
const admin = { id: 2, email: 'a@example.org', role: 'admin' };

const routeServices = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('$lib/server/services', async (importOriginal) => ({
  ...(await importOriginal<typeof import('$lib/server/services')>()),
  services: () => Promise.resolve(routeServices.current),
}));

describe.skipIf(!pgUrl)("the map's archive of verdicts shared by two instances on one PostgreSQL", () => {
  let drop: () => Promise<void>;
  let first: Services;
  let second: Services;

  beforeAll(async () => {
    let databaseUrl: string;
    ({ url: databaseUrl, drop } = await freshDatabase(pgUrl!, 'corridor_sharedverdicts'));
    const env = readEnv({ DATA_DIR: 'memory://', DATABASE_URL: databaseUrl });
    first = await startServices(env);
    second = await startServices(env);
    await createFeature(first.database.db, 'sites', campFeature('shared_secret_camp', 'restricted'), 'test');
    await fresh();
  }, 300_000);
  afterAll(async () => {
    await warmUpSettled();
    await first?.database.close();
    await second?.database.close();
    await drop?.();
  });

  /** The rows of the shared archive per level and content. */
  const rows = async () => {
    const result = (await first.database.db.execute(
      sql`select level, content, count(*)::int as dates from verdicts_archive group by level, content order by level`,
    )) as unknown as { rows: { level: string; content: string; dates: number }[] };
    return result.rows;
  };
  const askOf = async (services: Services, date: string, viewer: unknown = null) => {
    routeServices.current = services;
    return verdicts(date, viewer);
  };

  it('answers and walks the dates another instance walked, without analysing them', async () => {
    expect((await askOf(first, '2024-08-20')).status).toBe(200);
    await warmUpSettled();
    const situation = await second.store.situationFor(null);
    const days = rangeDays(situation);
    expect(await rows()).toEqual([{ level: 'public', content: expect.any(String), dates: days }]);
    const analyse = vi.spyOn(second.store.analyzerOf(situation), 'analyze');
    const { from, to } = situation.scenario.timeRange;
    for (const date of [from, '2024-04-25', to]) {
      const res = await askOf(second, date);
      expect(await res.text(), date).toBe(fromScratch(situation, date));
    }
    await warmUpSettled();
    expect(analyse).not.toHaveBeenCalled();
    expect(second.store.analysisCacheUse().entries).toBe(0);
    expect(second.verdictsArchive.use().dates).toBe(days);
    analyse.mockRestore();
  });

  it("is not read by another build's instance, which may make other verdicts of the same records", async () => {
    await askOf(first, '2024-08-20');
    await warmUpSettled();
    const situation = await first.store.situationFor(null);
    const stamp = first.store.stampOf(situation)!;
    const sameBuild = new VerdictsArchive(undefined, new SharedVerdicts(first.database.db, version));
    expect(await sameBuild.bring(situation, stamp, '2024-02-02')).toBe('kept');
    const otherBuild = new VerdictsArchive(undefined, new SharedVerdicts(first.database.db, `${version}+1`));
    expect(await otherBuild.bring(situation, stamp, '2024-02-02')).toBeUndefined();
  });

  it('answers a date from the table when its own archive is full', async () => {
    await askOf(first, '2024-08-20');
    await warmUpSettled();
    const situation = await second.store.situationFor(null);
    const full = new VerdictsArchive(1, new SharedVerdicts(second.database.db, version));
    const body = await full.body(situation, '2023-10-10', second.store.stampOf(situation));
    expect(Buffer.from(body!).toString()).toBe(fromScratch(situation, '2023-10-10'));
    expect(full.use().dates).toBe(0);
  });

  it("keeps a signed-in level's dates apart from the public's", async () => {
    await askOf(first, '2024-01-10', admin);
    await warmUpSettled();
    const levels = await rows();
    expect(levels.map((r) => r.level)).toEqual(['public', 'public,restricted,confidential']);
    const staff = await (await askOf(second, '2023-09-09', admin)).text();
    expect(staff).toContain('shared_secret_camp');
    const anonymous = await (await askOf(second, '2023-09-09')).text();
    expect(anonymous).not.toContain('shared_secret_camp');
  });

  it("deletes a level's older content once an instance keeps its new content", async () => {
    await warmUpSettled();
    const [before] = (await rows()).filter((r) => r.level === 'public');
    await createFeature(first.database.db, 'sites', campFeature('shared_public_camp', 'public'), 'test');
    await fresh();
    const res = await askOf(second, '2024-03-03');
    expect(await res.text()).toContain('shared_public_camp');
    await warmUpSettled();
    const publicRows = (await rows()).filter((r) => r.level === 'public');
    expect(publicRows).toHaveLength(1);
    expect(publicRows[0]!.content).not.toBe(before!.content);
    expect(publicRows[0]!.dates).toBe(rangeDays(await second.store.situationFor(null)));
    // The administrator's level, not asked since, keeps its rows until an instance keeps its new content.
    expect((await rows()).map((r) => r.level)).toContain('public,restricted,confidential');
  });
});

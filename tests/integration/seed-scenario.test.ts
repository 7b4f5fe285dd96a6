// A database seeded from an older scenario.json picks up the current one's metadata at the next start (actors,
// backer claims, name), while the features users edited since stay as they are. On the embedded PGlite (a
// data folder on disk, opened twice) and, when TEST_DATABASE_URL is set, on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '$lib/domain/schemas';
import { getFeature, seedSituation, updateFeature } from '$lib/server/db/featureRepository';
import { scenarios } from '$lib/server/db/schema';
import { readEnv } from '$lib/server/env';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';
import { startServices, type Services } from '$lib/server/services';
import { freshDatabase } from './helpers/freshDatabase';

const engines: { name: string; url?: string }[] = [{ name: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

const current = loadSituationFromDir('geodata');
const ADMIN = { id: 1, email: 'ad@example.org', role: 'admin' as const };
const claims = (s: Scenario) => s.actors.flatMap((a) => a.backers.map((b) => b.id)).sort();

describe.each(engines)('seeding over an older stored scenario on $name', ({ url }) => {
  let env: ReturnType<typeof readEnv>;
  let dir: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  let services: Services | undefined;

  beforeAll(async () => {
    if (url) {
      const db = await freshDatabase(url, 'corridor_seed_scenario');
      drop = db.drop;
      env = readEnv({ DATA_DIR: 'memory://', DATABASE_URL: db.url });
    } else {
      dir = mkdtempSync(join(tmpdir(), 'corridor-seed-scenario-'));
      env = readEnv({ DATA_DIR: dir, DATABASE_URL: undefined });
    }
  });
  afterAll(async () => {
    await services?.database.close();
    await drop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a start takes the current scenario.json and keeps the features edited since', async () => {
    expect(claims(current.scenario).length).toBeGreaterThan(0);
    // First start; then the state of a database seeded before the backer claims were written, and an edit.
    services = await startServices(env);
    const db = services.database.db;
    const older: Scenario = {
      ...current.scenario,
      name: 'Sudan war (first draft)',
      actors: current.scenario.actors.map((a) => ({ ...a, backers: [] })),
    };
    await db.update(scenarios).set({ document: older }).where(eq(scenarios.id, current.scenario.id));
    const zamzam = (await getFeature(db, 'sd_zamzam'))!;
    await updateFeature(
      db,
      'sd_zamzam',
      zamzam.version,
      { ...zamzam.feature, properties: { ...zamzam.feature.properties, name: 'Zamzam (renamed by staff)' } },
      'editor@example.org',
    );
    expect(claims((await services.store.situationFor(ADMIN)).scenario)).toEqual([]);
    await services.database.close();

    // The next start.
    services = await startServices(env);
    const stored = await services.database.db.select().from(scenarios);
    expect(stored).toHaveLength(1);
    expect(stored[0].document).toEqual(current.scenario);
    const seen = await services.store.situationFor(ADMIN);
    expect(seen.scenario.name).toBe(current.scenario.name);
    expect(claims(seen.scenario)).toEqual(claims(current.scenario));
    // The edit is kept: seeding never writes over a stored feature.
    expect(seen.sites.find((s) => s.properties.id === 'sd_zamzam')?.properties.name).toBe(
      'Zamzam (renamed by staff)',
    );
    // A further start with the same files changes nothing.
    expect(await seedSituation(services.database.db, current)).toEqual({
      inserted: 0,
      scenarioUpdated: false,
    });
    // Two starts on a database on disk (PGlite creates its cluster on the first): more than the usual minute.
  }, 300_000);
});

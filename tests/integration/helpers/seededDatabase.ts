// A database of a suite's own with a situation seeded, on the engine the suite runs on (`engines` of
// testServices.ts), for suites that work on the database and the store without the whole services.
import type { Situation } from '$lib/domain/schemas';
import { openDatabase, type OpenDatabase } from '$lib/server/db/client';
import { seedSituation } from '$lib/server/db/featureRepository';
import { freshDatabase } from './freshDatabase';

export interface SeededDatabase {
  handle: OpenDatabase;
  /** Closes the database and, on PostgreSQL, drops the suite's database. */
  close: () => Promise<void>;
}

/**
 * `situation` seeded into an in-memory PGlite or, given the PostgreSQL server's `url`, into a new database there
 * named after `prefix`.
 */
export async function seededDatabase(
  url: string | undefined,
  prefix: string,
  situation: Situation,
): Promise<SeededDatabase> {
  const fresh = url ? await freshDatabase(url, prefix) : undefined;
  const handle = await openDatabase({
    databaseUrl: fresh?.url,
    dataDir: 'memory://',
    migrationsFolder: 'drizzle',
  });
  await seedSituation(handle.db, situation);
  return {
    handle,
    close: async () => {
      await handle.close();
      await fresh?.drop();
    },
  };
}
